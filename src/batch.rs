//! Batch jobs of any size: a stream of `(custom_id, request)` in, one typed
//! result per `custom_id` out, through the service's Batch API (JSONL files,
//! half the price), with memory bounded whatever the input size and a state file
//! that lets a crashed or interrupted job continue where it stopped.
//!
//! The job cuts the input into parts at the Batch API's limits, spools each part
//! to a JSONL file on disk, uploads it (streamed) and creates its batch, a few
//! parts at a time; polls them; downloads each finished batch's output and error
//! files to disk (streamed) and yields their lines one by one. Every step is
//! recorded in the state file before the next begins.

use crate::Client;
use crate::error::Error;
use crate::multipart::FilePart;
use crate::types::{self, BusinessCode};
use futures_core::Stream;
use futures_util::FutureExt as _;
use futures_util::stream::{FuturesUnordered, StreamExt as _};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::{HashMap, HashSet, VecDeque};
use std::fs::File;
use std::future::Future;
use std::io::{BufRead as _, BufReader, BufWriter, Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

/// A request the Batch API runs: its typed answer and the endpoint its lines name.
pub trait BatchRequest: Serialize {
    /// The answer of one line.
    type Response: DeserializeOwned;
    /// The endpoint, as a batch line's `url` and the batch's `endpoint`.
    const ENDPOINT: &'static str;
}

impl BatchRequest for types::ChatCompletionRequest {
    type Response = types::ChatCompletionResponse;
    const ENDPOINT: &'static str = "/v4/chat/completions";
}

impl BatchRequest for types::EmbeddingRequest {
    type Response = types::EmbeddingResponse;
    const ENDPOINT: &'static str = "/v4/embeddings";
}

/// Largest input file the Batch API takes (`batch` purpose: 100 MB), the
/// default of [`BatchOptions::max_file_bytes`].
pub const MAX_BATCH_FILE_BYTES: u64 = 100_000_000;
/// Most requests one input file may hold (50,000), the default of
/// [`BatchOptions::max_requests`].
pub const MAX_BATCH_REQUESTS: u64 = 50_000;

/// In which order a [`BatchRun`] yields results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultOrder {
    /// Batch by batch as they finish; within a batch, in its output file's order.
    #[default]
    Completion,
    /// In the order of the input (a finished batch waits for the ones before it).
    Input,
}

/// How a [`BatchJob`] cuts, submits and delivers. Defaults: the Batch API's
/// limits per file, 8 batches in flight, completion order, a poll every 30 s,
/// progress saved every 1,000 results.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct BatchOptions {
    /// Largest input file, in bytes (default [`MAX_BATCH_FILE_BYTES`]).
    pub max_file_bytes: u64,
    /// Most requests per input file, so per batch (default [`MAX_BATCH_REQUESTS`]).
    pub max_requests: u64,
    /// Most parts on the way at once: spooled, uploaded, running or being
    /// delivered (default 8). Bounds disk use and the service's load.
    pub max_in_flight: usize,
    /// Order of the results (default [`ResultOrder::Completion`]).
    pub order: ResultOrder,
    /// Wait between two polls of a running batch (default 30 s).
    pub poll_interval: Duration,
    /// Delivered results between two saves of the state file (default 1,000);
    /// after a crash, at most this many results are delivered again.
    pub save_every: u64,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            max_file_bytes: MAX_BATCH_FILE_BYTES,
            max_requests: MAX_BATCH_REQUESTS,
            max_in_flight: 8,
            order: ResultOrder::Completion,
            poll_interval: Duration::from_secs(30),
            save_every: 1_000,
        }
    }
}

impl BatchOptions {
    /// Sets the largest input file, in bytes.
    pub fn max_file_bytes(self, bytes: u64) -> Self {
        Self {
            max_file_bytes: bytes,
            ..self
        }
    }

    /// Sets the most requests per input file.
    pub fn max_requests(self, requests: u64) -> Self {
        Self {
            max_requests: requests,
            ..self
        }
    }

    /// Sets the most parts on the way at once.
    pub fn max_in_flight(self, parts: usize) -> Self {
        Self {
            max_in_flight: parts,
            ..self
        }
    }

    /// Sets the order of the results.
    pub fn order(self, order: ResultOrder) -> Self {
        Self { order, ..self }
    }

    /// Sets the wait between polls.
    pub fn poll_interval(self, interval: Duration) -> Self {
        Self {
            poll_interval: interval,
            ..self
        }
    }

    /// Sets how many delivered results go between saves of the state file.
    pub fn save_every(self, results: u64) -> Self {
        Self {
            save_every: results,
            ..self
        }
    }
}

/// The outcome of one request of a batch.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchResult<T> {
    /// The id given with the request (as the output line names it).
    pub custom_id: String,
    /// The answer, or why this request has none.
    pub outcome: Result<T, BatchLineError>,
}

/// Why one request of a batch has no answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum BatchLineError {
    /// The service answered this request with an error.
    Api {
        /// HTTP status recorded for the line.
        status: Option<u16>,
        /// Z.AI business code, matched like [`Error::code`]'s.
        code: Option<BusinessCode>,
        /// The service's message.
        message: String,
    },
    /// The output line did not parse; the raw line is kept.
    Decode {
        /// The output line as received.
        line: String,
        /// The parser's complaint.
        error: String,
    },
    /// The batch completed, but no output or error line named this request.
    Missing,
    /// The batch ended without completing (`failed`, `expired`, `cancelled`)
    /// before it answered this request.
    BatchEnded {
        /// The batch's final state.
        status: String,
        /// The service's explanation, when it gave one.
        message: Option<String>,
    },
}

/// One line of a results file: `{"custom_id", "response": <answer>}` or
/// `{"custom_id", "error": <BatchLineError>}`.
impl<T: Serialize> Serialize for BatchResult<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("custom_id", &self.custom_id)?;
        match &self.outcome {
            Ok(response) => map.serialize_entry("response", response)?,
            Err(error) => map.serialize_entry("error", error)?,
        }
        map.end()
    }
}

/// Where a job stands, as its state file records it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct BatchProgress {
    /// Requests in batches created so far.
    pub submitted: u64,
    /// Results delivered with an answer.
    pub completed: u64,
    /// Results delivered with a [`BatchLineError`].
    pub failed: u64,
    /// Batches created so far.
    pub batches: usize,
    /// Batches created whose results are not all delivered yet.
    pub in_flight: usize,
    /// The job was cancelled ([`BatchJob::cancel`]).
    pub cancelled: bool,
    /// Every result is delivered (of all the input, or of what a cancelled job
    /// had submitted).
    pub finished: bool,
}

impl BatchProgress {
    /// Where the job of the state file `state` stands (all zero when the file
    /// does not exist yet).
    pub fn from_state_file(state: impl Into<PathBuf>) -> Result<Self, Error> {
        Ok(JobFiles::new(state.into())
            .load()?
            .map(|state| state.progress())
            .unwrap_or_default())
    }

    /// Results delivered so far (`completed + failed`): after a crash, the
    /// results a rerun does not deliver again.
    pub fn delivered(&self) -> u64 {
        self.completed + self.failed
    }
}

/// A resumable batch job: its state file, the client it calls, its options.
///
/// [`BatchJob::run`] streams the results; the state file (written atomically:
/// temp file, then rename) records each part's input file, batch and delivered
/// results, and a directory beside it (`<state>.parts`) holds the parts' JSONL
/// files until they are delivered. Calling `run` again with the same state file
/// and the same input continues the job: finished parts are not submitted
/// again, delivered results are not delivered again.
#[derive(Clone, Debug)]
pub struct BatchJob {
    client: Client,
    files: JobFiles,
    options: BatchOptions,
}

impl BatchJob {
    /// A job recorded in the state file `state` (created on the first run).
    pub fn new(client: &Client, state: impl Into<PathBuf>) -> Self {
        BatchJob {
            client: client.clone(),
            files: JobFiles::new(state.into()),
            options: BatchOptions::default(),
        }
    }

    /// Runs with these options.
    pub fn options(self, options: BatchOptions) -> Self {
        Self { options, ..self }
    }

    /// Starts or continues the job over `requests`, `(custom_id, request)`
    /// pairs with unique ids (an `Err` item stops the job, resumably). On
    /// resume, give the same requests in the same order: the ones already
    /// submitted are read and skipped, and a changed input is refused.
    ///
    /// The stream yields one [`BatchResult`] per request, or an [`Error`] that
    /// stops the job (a failed upload, creation, poll or download after the
    /// client's retries; a local file error; an oversized request). A result
    /// counts as delivered once the next one is asked for: results delivered
    /// after the last save of the state file (see [`BatchOptions::save_every`])
    /// come again after a crash. Dropping the stream saves the state and stops
    /// the job; the remote batches keep running, to be picked up by the next
    /// run (or stopped by [`BatchJob::cancel`]).
    ///
    /// Fails at once if the state file cannot be read, belongs to a job of
    /// another endpoint, or was part way through delivering a batch's results
    /// in another [`ResultOrder`].
    pub fn run<R, S>(&self, requests: S) -> Result<BatchRun<R::Response>, Error>
    where
        R: BatchRequest + Send + 'static,
        R::Response: Send + 'static,
        S: Stream<Item = Result<(String, R), Error>> + Send + 'static,
    {
        if self.options.max_requests == 0 || self.options.max_in_flight == 0 {
            return Err(Error::InvalidRequest(
                "max_requests and max_in_flight must be at least 1".into(),
            ));
        }
        let mut state = match self.files.load()? {
            Some(state) if state.endpoint != R::ENDPOINT => {
                return Err(Error::InvalidRequest(format!(
                    "{} belongs to a job of `{}`, not `{}`",
                    self.files.state.display(),
                    state.endpoint,
                    R::ENDPOINT
                )));
            }
            Some(state) => state,
            None => JobState::new(R::ENDPOINT),
        };
        let order = self.options.order;
        let part_way = state.parts.iter().any(|p| p.delivered > 0 && !p.done);
        match state.order {
            Some(saved) if saved != order && part_way => {
                return Err(Error::InvalidRequest(format!(
                    "{} is part way through delivering results in {saved:?} order, not \
                     {order:?}: resume it in the same order",
                    self.files.state.display()
                )));
            }
            Some(saved) if saved == order => {}
            _ => {
                state.order = Some(order);
                self.files.save(&state)?;
            }
        }
        std::fs::create_dir_all(&self.files.parts).map_err(|e| Error::io(&self.files.parts, e))?;
        let progress = Arc::new(Mutex::new(state.progress()));
        let mut runner = Runner {
            client: self.client.clone(),
            files: self.files.clone(),
            options: self.options.clone(),
            skip: (!state.input_done).then(|| state.parts.iter().map(|p| p.requests).sum()),
            state,
            input: Box::pin(requests),
            carry: None,
            tasks: FuturesUnordered::new(),
            ready: VecDeque::new(),
            downloading: false,
            delivering: None,
            unacked: None,
            unsaved: 0,
            progress: progress.clone(),
            stopped: false,
        };
        runner.resume();
        let results = futures_util::stream::unfold(runner, |mut runner| async move {
            let item = runner.next().await?;
            Some((item, runner))
        });
        Ok(BatchRun {
            results: Box::pin(results),
            progress,
        })
    }

    /// Where the job stands, read from its state file (all zero before the first
    /// run).
    pub fn progress(&self) -> Result<BatchProgress, Error> {
        BatchProgress::from_state_file(&self.files.state)
    }

    /// Cancels the job: cancels its running batches on the service, and marks
    /// the job cancelled so no more of the input is submitted. A later
    /// [`BatchJob::run`] delivers what the cancelled batches answered, and
    /// [`BatchLineError::BatchEnded`] for the rest of what was submitted.
    /// Returns the progress after cancelling; on failure to cancel a batch, the
    /// first error (after trying the others).
    pub async fn cancel(&self) -> Result<BatchProgress, Error> {
        let Some(mut state) = self.files.load()? else {
            return Err(Error::InvalidRequest(format!(
                "no batch job at {}",
                self.files.state.display()
            )));
        };
        state.cancelled = true;
        let mut first_error = None;
        for part in state
            .parts
            .iter_mut()
            .filter(|p| !p.done && p.status.is_none())
        {
            // A batch may exist for an uploaded file whose batch id was never
            // saved (a crash in between): found by its input file.
            if let (None, Some(file)) = (&part.batch_id, &part.file_id) {
                match batch_of_file(&self.client, file).await {
                    Ok(batch) => part.batch_id = batch.and_then(|b| b.id),
                    Err(e) => {
                        // Left as it is, for the next cancel or run to settle.
                        first_error.get_or_insert(e);
                        continue;
                    }
                }
            }
            match &part.batch_id {
                // Not submitted: its requests end here, unanswered.
                None => part.status = Some(CANCELLED.to_owned()),
                // The next run polls it to its end and delivers what it answered.
                Some(id) => {
                    if let Err(e) = self.client.cancel_batch(id).await {
                        first_error.get_or_insert(e);
                    }
                }
            }
        }
        self.files.save(&state)?;
        match first_error {
            Some(e) => Err(e),
            None => Ok(state.progress()),
        }
    }
}

/// The final state of a batch cancelled before it was created.
const CANCELLED: &str = "cancelled";

/// The results of a [`BatchJob`]: `Stream<Item = Result<BatchResult<T>, Error>>`.
pub struct BatchRun<T> {
    results: Pin<Box<dyn Stream<Item = Result<BatchResult<T>, Error>> + Send>>,
    progress: Arc<Mutex<BatchProgress>>,
}

impl<T> std::fmt::Debug for BatchRun<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BatchRun")
            .field("progress", &self.progress())
            .finish_non_exhaustive()
    }
}

impl<T> BatchRun<T> {
    /// Where the job stands now (delivered counts include the results yielded
    /// so far).
    pub fn progress(&self) -> BatchProgress {
        *self.progress.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<T> Stream for BatchRun<T> {
    type Item = Result<BatchResult<T>, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.results.as_mut().poll_next(cx)
    }
}

/// The state file and the work directory beside it.
#[derive(Clone, Debug)]
struct JobFiles {
    state: PathBuf,
    parts: PathBuf,
}

impl JobFiles {
    fn new(state: PathBuf) -> Self {
        let mut parts = state.clone().into_os_string();
        parts.push(".parts");
        JobFiles {
            state,
            parts: parts.into(),
        }
    }

    /// The job's state, `None` when the file does not exist yet.
    fn load(&self) -> Result<Option<JobState>, Error> {
        let text = match std::fs::read(&self.state) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(&self.state, e)),
        };
        let state: JobState = serde_json::from_slice(&text).map_err(|e| {
            Error::io(
                &self.state,
                std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            )
        })?;
        if state.version != JobState::VERSION {
            return Err(Error::InvalidRequest(format!(
                "{}: state format {} is not {}",
                self.state.display(),
                state.version,
                JobState::VERSION
            )));
        }
        Ok(Some(state))
    }

    /// Writes the state to a temp file, then renames it over the state file, so
    /// a crash leaves the old state or the new one, never half of one.
    fn save(&self, state: &JobState) -> Result<(), Error> {
        let mut temp = self.state.clone().into_os_string();
        temp.push(".tmp");
        let temp = PathBuf::from(temp);
        let text = serde_json::to_vec_pretty(state).map_err(|e| {
            Error::io(
                &self.state,
                std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            )
        })?;
        std::fs::write(&temp, text).map_err(|e| Error::io(&temp, e))?;
        std::fs::rename(&temp, &self.state).map_err(|e| Error::io(&self.state, e))
    }

    fn input(&self, part: usize) -> PathBuf {
        self.parts.join(format!("part-{part:05}.jsonl"))
    }

    fn results(&self, part: usize) -> PathBuf {
        self.parts.join(format!("part-{part:05}.results.jsonl"))
    }
}

/// The state file's content.
#[derive(Debug, Serialize, Deserialize)]
struct JobState {
    /// Format of this file.
    version: u32,
    /// The endpoint every request goes to.
    endpoint: String,
    /// All the input is spooled into parts.
    #[serde(default)]
    input_done: bool,
    /// Cancelled: no more input is submitted.
    #[serde(default)]
    cancelled: bool,
    /// The order results are delivered in: the saved `delivered` counts are
    /// positions in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    order: Option<ResultOrder>,
    /// The parts, in input order.
    #[serde(default)]
    parts: Vec<PartState>,
}

/// One part of the input: one JSONL file, one batch.
#[derive(Debug, Default, Serialize, Deserialize)]
struct PartState {
    /// Requests in the part.
    requests: u64,
    /// Size of its JSONL file.
    bytes: u64,
    /// Its last request's id, to recognise the same input on resume.
    last_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    file_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    batch_id: Option<String>,
    /// The batch's final state, once it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    output_file_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    error_file_id: Option<String>,
    /// Results delivered (the first ones of the part's delivery order).
    #[serde(default)]
    delivered: u64,
    /// Of those, the ones that were errors.
    #[serde(default)]
    failed: u64,
    /// Every result delivered.
    #[serde(default)]
    done: bool,
}

impl JobState {
    const VERSION: u32 = 1;

    fn new(endpoint: &str) -> Self {
        JobState {
            version: Self::VERSION,
            endpoint: endpoint.to_owned(),
            input_done: false,
            cancelled: false,
            order: None,
            parts: Vec::new(),
        }
    }

    fn progress(&self) -> BatchProgress {
        let created = || self.parts.iter().filter(|p| p.batch_id.is_some());
        let failed: u64 = self.parts.iter().map(|p| p.failed).sum();
        BatchProgress {
            submitted: created().map(|p| p.requests).sum(),
            completed: self
                .parts
                .iter()
                .map(|p| p.delivered)
                .sum::<u64>()
                .saturating_sub(failed),
            failed,
            batches: created().count(),
            in_flight: created().filter(|p| !p.done).count(),
            cancelled: self.cancelled,
            finished: (self.input_done || self.cancelled) && self.parts.iter().all(|p| p.done),
        }
    }
}

/// What a background step of the job reports.
enum Event {
    Uploaded(usize, Result<String, Error>),
    Created(usize, Result<types::Batch, Error>),
    Polled(usize, Result<types::Batch, Error>),
    Downloaded(usize, Result<(), Error>),
}

type Task = Pin<Box<dyn Future<Output = Event> + Send>>;

/// The job's input: `(custom_id, request)` pairs.
type Input<R> = Pin<Box<dyn Stream<Item = Result<(String, R), Error>> + Send>>;

/// The job while it runs: the state, the input, the steps under way.
struct Runner<R: BatchRequest> {
    client: Client,
    files: JobFiles,
    options: BatchOptions,
    state: JobState,
    input: Input<R>,
    /// Input requests already spooled by an earlier run, still to read past.
    skip: Option<u64>,
    /// A request read but not spooled: it did not fit the part before.
    carry: Option<(String, Vec<u8>)>,
    tasks: FuturesUnordered<Task>,
    /// Parts whose batch ended, waiting for delivery, in the order they ended.
    ready: VecDeque<usize>,
    downloading: bool,
    delivering: Option<Delivery>,
    /// The last result yielded, not yet counted as delivered: its part and
    /// whether it was an error.
    unacked: Option<(usize, bool)>,
    /// Results counted since the state was last saved.
    unsaved: u64,
    progress: Arc<Mutex<BatchProgress>>,
    /// Stopped by an error: the stream ends.
    stopped: bool,
}

impl<R: BatchRequest + Send + 'static> Runner<R> {
    /// Picks up every part where the state file left it.
    fn resume(&mut self) {
        for index in 0..self.state.parts.len() {
            let part = &self.state.parts[index];
            if part.done {
                continue;
            }
            match (&part.file_id, &part.batch_id, &part.status) {
                (_, _, Some(_)) => self.ready.push_back(index),
                (None, _, None) => self.upload(index),
                // Created before a crash, maybe, without the id being saved.
                (Some(file), None, None) => self.create(index, file.clone(), true),
                (Some(_), Some(batch), None) => self.poll(index, batch.clone(), Duration::ZERO),
            }
        }
    }

    async fn next(&mut self) -> Option<Result<BatchResult<R::Response>, Error>> {
        if self.stopped {
            return None;
        }
        match self.step().await {
            Ok(Some(result)) => Some(Ok(result)),
            Ok(None) => None,
            Err(e) => {
                self.stopped = true;
                Some(Err(e))
            }
        }
    }

    async fn step(&mut self) -> Result<Option<BatchResult<R::Response>>, Error> {
        self.acknowledge()?;
        loop {
            // Steps that finished meanwhile, without waiting for others.
            while let Some(Some(event)) = self.tasks.next().now_or_never() {
                self.handle(event)?;
            }
            if let Some(delivery) = &mut self.delivering {
                let part = &self.state.parts[delivery.part];
                match delivery.next(part)? {
                    Some(result) => {
                        self.unacked = Some((delivery.part, result.outcome.is_err()));
                        return Ok(Some(result));
                    }
                    None => {
                        self.finish_part().await?;
                        continue;
                    }
                }
            }
            if !self.downloading
                && let Some(index) = self.next_ready()
            {
                self.download(index);
            }
            if self.spool().await? {
                continue;
            }
            // Every part not done is a step under way, or ready and then
            // downloading: no step left means every part is done.
            match self.tasks.next().await {
                Some(event) => self.handle(event)?,
                None => {
                    self.save()?;
                    return Ok(None);
                }
            }
        }
    }

    /// Counts the result yielded last as delivered (it was, since the next one
    /// is asked for), saving the state every `save_every` results.
    fn acknowledge(&mut self) -> Result<(), Error> {
        let Some((index, failed)) = self.unacked.take() else {
            return Ok(());
        };
        let part = &mut self.state.parts[index];
        part.delivered += 1;
        part.failed += u64::from(failed);
        self.unsaved += 1;
        if self.unsaved >= self.options.save_every {
            return self.save();
        }
        // Counted in place: recounting every part for each result would cost
        // a job of thousands of parts dearly.
        let mut progress = self.progress.lock().unwrap_or_else(|e| e.into_inner());
        if failed {
            progress.failed += 1;
        } else {
            progress.completed += 1;
        }
        Ok(())
    }

    fn save(&mut self) -> Result<(), Error> {
        self.unsaved = 0;
        self.publish();
        self.files.save(&self.state)
    }

    fn publish(&self) {
        *self.progress.lock().unwrap_or_else(|e| e.into_inner()) = self.state.progress();
    }

    fn handle(&mut self, event: Event) -> Result<(), Error> {
        match event {
            Event::Uploaded(index, file) => {
                let file = file?;
                self.state.parts[index].file_id = Some(file.clone());
                self.save()?;
                self.create(index, file, false);
            }
            Event::Created(index, batch) => {
                let id = batch?
                    .id
                    .ok_or_else(|| Error::UnexpectedResponse("the batch has no id".into()))?;
                self.state.parts[index].batch_id = Some(id.clone());
                self.save()?;
                self.poll(index, id, self.options.poll_interval);
            }
            Event::Polled(index, batch) => {
                let batch = batch?;
                let ended = batch.status.as_ref().filter(|s| {
                    matches!(
                        s,
                        types::BatchStatus::Completed
                            | types::BatchStatus::Failed
                            | types::BatchStatus::Expired
                            | types::BatchStatus::Cancelled
                    )
                });
                let part = &mut self.state.parts[index];
                match ended {
                    Some(status) => {
                        part.status = Some(status.as_str().to_owned());
                        part.output_file_id = batch.output_file_id;
                        part.error_file_id = batch.error_file_id;
                        part.message = batch
                            .errors
                            .and_then(|e| e.data)
                            .and_then(|d| d.into_iter().find_map(|e| e.message));
                        self.ready.push_back(index);
                        self.save()?;
                    }
                    None => {
                        let id = part.batch_id.clone().unwrap_or_default();
                        self.poll(index, id, self.options.poll_interval);
                    }
                }
            }
            Event::Downloaded(index, done) => {
                done?;
                self.downloading = false;
                self.delivering = Some(Delivery::open(
                    &self.files,
                    index,
                    &self.state.parts[index],
                    self.options.order,
                )?);
            }
        }
        Ok(())
    }

    /// The next part to deliver, if it is ready: the first to end, or in input
    /// order the first not delivered.
    fn next_ready(&mut self) -> Option<usize> {
        match self.options.order {
            ResultOrder::Completion => self.ready.pop_front(),
            ResultOrder::Input => {
                let first = self.state.parts.iter().position(|p| !p.done)?;
                let at = self.ready.iter().position(|&i| i == first)?;
                self.ready.remove(at)
            }
        }
    }

    /// Spools the next part of the input to disk and starts its upload, when
    /// there is room in flight. Whether it did.
    async fn spool(&mut self) -> Result<bool, Error> {
        let in_flight = self.state.parts.iter().filter(|p| !p.done).count();
        if self.state.input_done || self.state.cancelled || in_flight >= self.options.max_in_flight
        {
            return Ok(false);
        }
        if let Some(skip) = self.skip.take() {
            self.read_past(skip).await?;
        }
        let index = self.state.parts.len();
        let path = self.files.input(index);
        let mut out = BufWriter::new(File::create(&path).map_err(|e| Error::io(&path, e))?);
        let mut part = PartState::default();
        // Results are matched to requests by id within a part: a repeated id
        // there would leave one request reported missing though answered.
        let mut ids = HashSet::new();
        let mut exhausted = false;
        loop {
            let (id, line) = match self.carry.take() {
                Some(carried) => carried,
                None => match self.input.next().await {
                    None => {
                        exhausted = true;
                        break;
                    }
                    Some(item) => {
                        let (id, request) = item?;
                        let line = batch_line::<R>(&id, &request)?;
                        if line.len() as u64 > self.options.max_file_bytes {
                            return Err(Error::InvalidRequest(format!(
                                "request `{id}` takes {} bytes, more than a whole file may ({})",
                                line.len(),
                                self.options.max_file_bytes
                            )));
                        }
                        (id, line)
                    }
                },
            };
            if part.requests >= self.options.max_requests
                || part.bytes + line.len() as u64 > self.options.max_file_bytes
            {
                self.carry = Some((id, line));
                break;
            }
            if !ids.insert(id.clone()) {
                return Err(Error::InvalidRequest(format!(
                    "custom_id `{id}` repeats within one batch file: ids must be unique"
                )));
            }
            out.write_all(&line).map_err(|e| Error::io(&path, e))?;
            part.requests += 1;
            part.bytes += line.len() as u64;
            part.last_id = id;
        }
        out.flush().map_err(|e| Error::io(&path, e))?;
        drop(out);
        self.state.input_done = exhausted;
        if part.requests == 0 {
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
            self.save()?;
            return Ok(false);
        }
        self.state.parts.push(part);
        self.save()?;
        self.upload(index);
        Ok(true)
    }

    /// Reads past the `count` requests earlier runs spooled, checking at each
    /// part's end that the input is the one they read.
    async fn read_past(&mut self, count: u64) -> Result<(), Error> {
        let mut ends = self.state.parts.iter().scan(0, |end, part| {
            *end += part.requests;
            Some((*end, part.last_id.clone()))
        });
        let mut next_end = ends.next();
        for read in 1..=count {
            let id = match self.input.next().await {
                Some(item) => item?.0,
                None => {
                    return Err(Error::InvalidRequest(format!(
                        "the input ends before request {read}; the job already submitted {count}"
                    )));
                }
            };
            if let Some((end, last_id)) = &next_end
                && *end == read
            {
                if id != *last_id {
                    return Err(Error::InvalidRequest(format!(
                        "the input is not the one this job started with: request {read} is \
                         `{id}`, the state file expects `{last_id}`"
                    )));
                }
                next_end = ends.next();
            }
        }
        Ok(())
    }

    fn upload(&mut self, index: usize) {
        let client = self.client.clone();
        let path = self.files.input(index);
        let name = format!("part-{index:05}.jsonl");
        self.tasks.push(Box::pin(async move {
            let file = FilePart::from_path(path, name, "application/jsonl");
            let uploaded = client
                .upload_file(&types::FileUploadRequest::new(file, "batch"))
                .await
                .and_then(|f| {
                    f.id.ok_or_else(|| {
                        Error::UnexpectedResponse("upload returned no file id".into())
                    })
                });
            Event::Uploaded(index, uploaded)
        }));
    }

    /// Creates the part's batch; `resuming`: first looks for one an earlier run
    /// created for the same input file but could not record.
    fn create(&mut self, index: usize, file: String, resuming: bool) {
        let client = self.client.clone();
        self.tasks.push(Box::pin(async move {
            let batch = async {
                if resuming && let Some(batch) = batch_of_file(&client, &file).await? {
                    return Ok(batch);
                }
                client
                    .create_batch(&types::CreateBatchRequest::new(file.as_str(), R::ENDPOINT))
                    .await
            };
            Event::Created(index, batch.await)
        }));
    }

    fn poll(&mut self, index: usize, batch: String, after: Duration) {
        let client = self.client.clone();
        self.tasks.push(Box::pin(async move {
            tokio::time::sleep(after).await;
            Event::Polled(index, client.retrieve_batch(&batch).await)
        }));
    }

    /// Downloads the part's output and error files, one after the other, into
    /// its results file.
    fn download(&mut self, index: usize) {
        self.downloading = true;
        let client = self.client.clone();
        let part = &self.state.parts[index];
        let ids = [part.output_file_id.clone(), part.error_file_id.clone()];
        let path = self.files.results(index);
        self.tasks.push(Box::pin(async move {
            let done = async {
                let io = |e| Error::io(&path, e);
                let mut out = BufWriter::new(File::create(&path).map_err(io)?);
                for id in ids.into_iter().flatten() {
                    let mut content = client.retrieve_file_content(&id).await?;
                    let mut ends_line = true;
                    while let Some(piece) = content.next().await {
                        let piece = piece?;
                        out.write_all(&piece).map_err(io)?;
                        ends_line = piece.last().map_or(ends_line, |&b| b == b'\n');
                    }
                    if !ends_line {
                        out.write_all(b"\n").map_err(io)?;
                    }
                }
                out.flush().map_err(io)
            };
            Event::Downloaded(index, done.await)
        }));
    }

    /// The delivered part is done: saved as such, its work files removed here
    /// and on the service.
    async fn finish_part(&mut self) -> Result<(), Error> {
        let Some(delivery) = self.delivering.take() else {
            return Ok(());
        };
        let index = delivery.part;
        drop(delivery);
        self.state.parts[index].done = true;
        self.save()?;
        for path in [self.files.input(index), self.files.results(index)] {
            if let Err(e) = std::fs::remove_file(&path)
                && e.kind() != std::io::ErrorKind::NotFound
            {
                return Err(Error::io(&path, e));
            }
        }
        let part = &self.state.parts[index];
        let remote = [&part.file_id, &part.output_file_id, &part.error_file_id];
        for id in remote.into_iter().flatten() {
            // Only tidying: the results are delivered, and the service may have
            // removed the input file itself.
            if let Err(e) = self.client.delete_file(id).await {
                tracing::debug!(file = id.as_str(), error = %e, "batch file not deleted");
            }
        }
        Ok(())
    }
}

impl<R: BatchRequest> Drop for Runner<R> {
    fn drop(&mut self) {
        if self.unsaved > 0
            && let Err(e) = self.files.save(&self.state)
        {
            tracing::warn!(error = %e, "batch job state not saved");
        }
    }
}

/// The batch created from input file `file`, if any (found among all batches).
async fn batch_of_file(client: &Client, file: &str) -> Result<Option<types::Batch>, Error> {
    let pages = client.list_batches_pages(types::ListBatchesQuery::default());
    let mut pages = std::pin::pin!(pages);
    while let Some(page) = pages.next().await {
        let found = page?
            .data
            .into_iter()
            .find(|b| b.input_file_id.as_deref() == Some(file));
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

/// One input line: `{"custom_id", "method", "url", "body"}` and a newline.
fn batch_line<R: BatchRequest>(custom_id: &str, body: &R) -> Result<Vec<u8>, Error> {
    #[derive(Serialize)]
    struct Line<'a, B> {
        custom_id: &'a str,
        method: &'static str,
        url: &'static str,
        body: &'a B,
    }
    let line = Line {
        custom_id,
        method: "POST",
        url: R::ENDPOINT,
        body,
    };
    let mut bytes = serde_json::to_vec(&line)
        .map_err(|e| Error::InvalidRequest(format!("request `{custom_id}`: {e}")))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Where the next result of a part comes from.
enum Slot {
    /// A line of the results file.
    Line { at: u64, len: usize },
    /// The request at this input position has no line.
    Absent(usize),
}

/// A part being delivered: its results file and the order to read it in.
struct Delivery {
    part: usize,
    results: BufReader<File>,
    path: PathBuf,
    /// Where `results` is positioned.
    at: u64,
    /// The part's request ids, in input order.
    ids: Vec<String>,
    plan: Vec<Slot>,
    /// Index in `plan` of the next result.
    next: usize,
}

impl Delivery {
    /// Reads the part's ids and indexes its results file: each request's first
    /// line (a repeated one is dropped), in the chosen order, then the requests
    /// with none. Delivery starts after the results already delivered.
    fn open(
        files: &JobFiles,
        part: usize,
        state: &PartState,
        order: ResultOrder,
    ) -> Result<Self, Error> {
        let input = files.input(part);
        let mut ids = Vec::new();
        for_each_line(&input, |_, _, line| {
            ids.push(custom_id(line).unwrap_or_default());
        })?;
        let position: HashMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        let path = files.results(part);
        let mut found: Vec<Option<(u64, usize)>> = vec![None; ids.len()];
        // Lines of the part's requests in file order (completion order only),
        // and lines naming none of them, delivered last as they are.
        let (mut in_file_order, mut strays) = (Vec::new(), Vec::new());
        for_each_line(&path, |at, len, line| {
            match custom_id(line).and_then(|id| position.get(id.as_str()).copied()) {
                Some(i) if found[i].is_some() => {
                    tracing::warn!(
                        custom_id = ids[i].as_str(),
                        "repeated batch output line dropped"
                    );
                }
                Some(i) => {
                    found[i] = Some((at, len));
                    if order == ResultOrder::Completion {
                        in_file_order.push(Slot::Line { at, len });
                    }
                }
                None => strays.push(Slot::Line { at, len }),
            }
        })?;
        let absent = |i: usize| found[i].is_none();
        let mut plan = match order {
            ResultOrder::Completion => {
                in_file_order.extend((0..ids.len()).filter(|&i| absent(i)).map(Slot::Absent));
                in_file_order
            }
            ResultOrder::Input => found
                .iter()
                .enumerate()
                .map(|(i, f)| match *f {
                    Some((at, len)) => Slot::Line { at, len },
                    None => Slot::Absent(i),
                })
                .collect(),
        };
        plan.extend(strays);
        let file = File::open(&path).map_err(|e| Error::io(&path, e))?;
        Ok(Delivery {
            part,
            results: BufReader::new(file),
            path,
            at: 0,
            ids,
            plan,
            next: state.delivered as usize,
        })
    }

    /// The part's next result, `None` when all are delivered.
    fn next<T: DeserializeOwned>(
        &mut self,
        state: &PartState,
    ) -> Result<Option<BatchResult<T>>, Error> {
        let Some(slot) = self.plan.get(self.next) else {
            return Ok(None);
        };
        self.next += 1;
        let result = match *slot {
            Slot::Absent(i) => BatchResult {
                custom_id: self.ids[i].clone(),
                outcome: Err(match state.status.as_deref() {
                    Some("completed") => BatchLineError::Missing,
                    status => BatchLineError::BatchEnded {
                        status: status.unwrap_or_default().to_owned(),
                        message: state.message.clone(),
                    },
                }),
            },
            Slot::Line { at, len } => {
                let io = |e| Error::io(&self.path, e);
                if at != self.at {
                    self.results.seek(SeekFrom::Start(at)).map_err(io)?;
                }
                let mut line = vec![0; len];
                self.results.read_exact(&mut line).map_err(io)?;
                self.at = at + len as u64;
                let (custom_id, outcome) = match std::str::from_utf8(&line) {
                    Ok(line) => parse_line(line.trim_end()),
                    // Kept, not repaired: the line as read, its bad bytes shown.
                    Err(e) => {
                        let line = String::from_utf8_lossy(&line);
                        let line = line.trim_end();
                        let error = BatchLineError::Decode {
                            line: line.to_owned(),
                            error: format!("output line is not UTF-8: {e}"),
                        };
                        (custom_id(line), Err(error))
                    }
                };
                BatchResult {
                    custom_id: custom_id.unwrap_or_default(),
                    outcome,
                }
            }
        };
        Ok(Some(result))
    }
}

/// Calls `each` with every non-blank line of a file, its offset and its length
/// in bytes (invalid UTF-8 shows as U+FFFD in the text, not in the length).
fn for_each_line(path: &Path, mut each: impl FnMut(u64, usize, &str)) -> Result<(), Error> {
    let io = |e| Error::io(path, e);
    let mut reader = BufReader::new(File::open(path).map_err(io)?);
    let mut line = Vec::new();
    let mut at = 0;
    loop {
        line.clear();
        let read = reader.read_until(b'\n', &mut line).map_err(io)?;
        if read == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line);
        if !text.trim().is_empty() {
            each(at, read, &text);
        }
        at += read as u64;
    }
}

/// The `custom_id` of a line, when it has a readable one.
fn custom_id(line: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Id {
        custom_id: Option<String>,
    }
    serde_json::from_str::<Id>(line).ok()?.custom_id
}

/// One output or error line: `{"custom_id", "response": {"status_code", "body"}}`
/// or `{"custom_id", "error": {"code", "message"}}`.
fn parse_line<T: DeserializeOwned>(line: &str) -> (Option<String>, Result<T, BatchLineError>) {
    #[derive(Deserialize)]
    struct Line<'a> {
        custom_id: Option<String>,
        #[serde(borrow)]
        response: Option<Response<'a>>,
        #[serde(borrow)]
        error: Option<&'a RawValue>,
    }
    #[derive(Deserialize)]
    struct Response<'a> {
        status_code: Option<u16>,
        #[serde(borrow)]
        body: Option<&'a RawValue>,
    }
    #[derive(Deserialize)]
    struct ErrorBody<'a> {
        #[serde(borrow)]
        error: Option<&'a RawValue>,
    }
    #[derive(Deserialize)]
    struct Detail {
        code: Option<serde_json::Value>,
        message: Option<String>,
    }
    let decode = |error: serde_json::Error| BatchLineError::Decode {
        line: line.to_owned(),
        error: error.to_string(),
    };
    let parsed: Line<'_> = match serde_json::from_str(line) {
        Ok(parsed) => parsed,
        Err(e) => return (custom_id(line), Err(decode(e))),
    };
    let status = parsed.response.as_ref().and_then(|r| r.status_code);
    let body = parsed.response.and_then(|r| r.body);
    let error = parsed.error.or_else(|| {
        let body: ErrorBody<'_> = serde_json::from_str(body?.get()).ok()?;
        body.error
    });
    let outcome = match (status, body, error) {
        (Some(200..=299), Some(body), None) => serde_json::from_str(body.get()).map_err(decode),
        (status, _, Some(error)) => match serde_json::from_str::<Detail>(error.get()) {
            Ok(detail) => Err(BatchLineError::Api {
                status,
                code: detail.code.map(|c| match c.as_str() {
                    Some(code) => BusinessCode::from(code),
                    None => BusinessCode::from(c.to_string().as_str()),
                }),
                message: detail.message.unwrap_or_default(),
            }),
            Err(e) => Err(decode(e)),
        },
        (status, _, None) => Err(BatchLineError::Api {
            status,
            code: None,
            message: "line has neither a success body nor an error".to_owned(),
        }),
    };
    (parsed.custom_id, outcome)
}
