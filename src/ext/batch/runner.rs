//! The job's scheduler: spools input into parts, submits them a few at a time,
//! polls their batches, downloads their results and hands them to delivery.

use crate::ext::batch::delivery::Delivery;
use crate::ext::batch::model::{
    BatchOptions, BatchProgress, BatchRequest, BatchResult, ResultOrder,
};
use crate::ext::batch::state::{JobFiles, JobState, PartState};
use crate::runtime::client::Client;
use crate::runtime::error::Error;
use futures_core::Stream;
use futures_util::FutureExt as _;
use futures_util::stream::{FuturesUnordered, StreamExt as _};
use serde::Serialize;
use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::future::Future;
use std::hash::{BuildHasher as _, RandomState};
use std::io::{BufWriter, Write as _};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use zai_types::FilePart;
use zai_types::types::{self};

/// What a background step of the job reports.
pub(super) enum Event {
    Uploaded(usize, Result<String, Error>),
    Created(usize, Result<types::Batch, Error>),
    Polled(usize, Result<types::Batch, Error>),
    Downloaded(usize, Result<(), Error>),
}

pub(super) type Task = Pin<Box<dyn Future<Output = Event> + Send>>;

/// The job's input: `(custom_id, request)` pairs.
pub(super) type Input<R> = Pin<Box<dyn Stream<Item = Result<(String, R), Error>> + Send>>;

/// The job while it runs: the state, the input, the steps under way.
pub(super) struct Runner<R: BatchRequest> {
    pub(super) client: Client,
    pub(super) files: JobFiles,
    pub(super) options: BatchOptions,
    pub(super) state: JobState,
    pub(super) input: Input<R>,
    /// The input earlier runs spooled is still to be read past and checked.
    pub(super) unchecked: bool,
    /// Every id read so far, to refuse a repeated one.
    pub(super) ids: Ids,
    /// Parts before this one were submitted (or needed no upload).
    pub(super) next_upload: usize,
    /// A request read but not spooled: it did not fit the part before.
    pub(super) carry: Option<(String, Vec<u8>)>,
    pub(super) tasks: FuturesUnordered<Task>,
    /// Parts whose batch ended, waiting for delivery, in the order they ended.
    pub(super) ready: VecDeque<usize>,
    pub(super) downloading: bool,
    pub(super) delivering: Option<Delivery>,
    /// The last result yielded, not yet counted as delivered: its part and
    /// whether it was an error.
    pub(super) unacked: Option<(usize, bool)>,
    /// Results counted since the state was last saved.
    pub(super) unsaved: u64,
    pub(super) progress: Arc<Mutex<BatchProgress>>,
    /// Stopped by an error: the stream ends.
    pub(super) stopped: bool,
}

impl<R: BatchRequest + Send + 'static> Runner<R> {
    /// Picks up every part where the state file left it.
    pub(super) fn resume(&mut self) {
        for index in 0..self.state.parts.len() {
            let part = &self.state.parts[index];
            if part.done {
                continue;
            }
            match (&part.file_id, &part.batch_id, &part.status) {
                (_, _, Some(_)) => self.ready.push_back(index),
                // Submitted in order, within max_in_flight, by `spool`.
                (None, _, None) => {}
                // Created before a crash, maybe, without the id being saved.
                (Some(file), None, None) => self.create(index, file.clone(), true),
                (Some(_), Some(batch), None) => self.poll(index, batch.clone(), Duration::ZERO),
            }
        }
    }

    pub(super) async fn next(&mut self) -> Option<Result<BatchResult<R::Response>, Error>> {
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

    pub(super) async fn step(&mut self) -> Result<Option<BatchResult<R::Response>>, Error> {
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
    pub(super) fn acknowledge(&mut self) -> Result<(), Error> {
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

    pub(super) fn save(&mut self) -> Result<(), Error> {
        self.unsaved = 0;
        self.publish();
        self.files.save(&self.state)
    }

    pub(super) fn publish(&self) {
        *self.progress.lock().unwrap_or_else(|e| e.into_inner()) = self.state.progress();
    }

    pub(super) fn handle(&mut self, event: Event) -> Result<(), Error> {
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
    pub(super) fn next_ready(&mut self) -> Option<usize> {
        match self.options.order {
            ResultOrder::Completion => self.ready.pop_front(),
            ResultOrder::Input => {
                let first = self.state.parts.iter().position(|p| !p.done)?;
                let at = self.ready.iter().position(|&i| i == first)?;
                self.ready.remove(at)
            }
        }
    }

    /// Spools the next part of the input to disk; once all of it is (ids
    /// unique across the whole input), submits parts in order while fewer than
    /// `max_in_flight` are under way. Whether it did either.
    pub(super) async fn spool(&mut self) -> Result<bool, Error> {
        if std::mem::take(&mut self.unchecked) {
            self.read_past().await?;
        }
        if self.state.input_done || self.state.cancelled {
            return Ok(self.submit());
        }
        let index = self.state.parts.len();
        let path = self.files.input(index);
        let mut out = BufWriter::new(File::create(&path).map_err(|e| Error::io(&path, e))?);
        let mut part = PartState::default();
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
            // Results are matched to requests by id: a repeated id would leave
            // two results no one can tell apart.
            if !self.ids.add(&id) {
                return Err(Error::InvalidRequest(format!(
                    "custom_id `{id}` repeats in the input: ids must be unique (nothing is \
                     submitted before the whole input is read)"
                )));
            }
            out.write_all(&line).map_err(|e| Error::io(&path, e))?;
            part.requests += 1;
            part.bytes += line.len() as u64;
        }
        out.flush().map_err(|e| Error::io(&path, e))?;
        drop(out);
        self.state.input_done = exhausted;
        part.ids = Some(self.ids.part());
        if part.requests == 0 {
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
        } else {
            self.state.parts.push(part);
        }
        self.save()?;
        Ok(true)
    }

    /// Starts uploading the next parts not submitted yet, in order, while fewer
    /// than `max_in_flight` parts are under way. Whether it started one.
    fn submit(&mut self) -> bool {
        let mut started = false;
        while let Some(part) = self.state.parts.get(self.next_upload) {
            let under_way = self.state.parts.iter().enumerate();
            let under_way = under_way
                .filter(|(i, p)| !p.done && (*i < self.next_upload || p.file_id.is_some()));
            if under_way.count() >= self.options.max_in_flight {
                break;
            }
            let index = self.next_upload;
            self.next_upload += 1;
            if !part.done && part.file_id.is_none() && part.status.is_none() {
                self.upload(index);
                started = true;
            }
        }
        started
    }

    /// Reads past the requests earlier runs spooled, checking that the input
    /// is the one they read: each part's ids hash as saved, and, once the whole
    /// input was read, nothing after them.
    pub(super) async fn read_past(&mut self) -> Result<(), Error> {
        let mut read = 0u64;
        for index in 0..self.state.parts.len() {
            for _ in 0..self.state.parts[index].requests {
                let id = match self.input.next().await {
                    Some(item) => item?.0,
                    None => {
                        return Err(Error::InvalidRequest(format!(
                            "the input has only {read} requests, fewer than the job already \
                             spooled"
                        )));
                    }
                };
                read += 1;
                self.ids.add(&id);
            }
            let saved = self.state.parts[index].ids.as_ref();
            if saved.is_some_and(|saved| *saved != self.ids.part()) {
                return Err(Error::InvalidRequest(format!(
                    "the input is not the one this job started with: the ids of part {index} \
                     (up to request {read}) are not the ones it spooled"
                )));
            }
        }
        if self.state.input_done
            && let Some(item) = self.input.next().await
        {
            return Err(Error::InvalidRequest(format!(
                "the input goes on past the {read} requests this job read to its end \
                 (`{}` comes next): requests added since are never submitted; give them to a \
                 new job",
                item?.0
            )));
        }
        Ok(())
    }

    pub(super) fn upload(&mut self, index: usize) {
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
    pub(super) fn create(&mut self, index: usize, file: String, resuming: bool) {
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

    pub(super) fn poll(&mut self, index: usize, batch: String, after: Duration) {
        let client = self.client.clone();
        self.tasks.push(Box::pin(async move {
            tokio::time::sleep(after).await;
            Event::Polled(index, client.retrieve_batch(&batch).await)
        }));
    }

    /// Downloads the part's output and error files, one after the other, into
    /// its results file.
    pub(super) fn download(&mut self, index: usize) {
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
    pub(super) async fn finish_part(&mut self) -> Result<(), Error> {
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

/// The request ids read: each as a 64-bit fingerprint (a million ids take some
/// 16 MiB; a false "repeats" is a 1 in 30 million chance at that count), and a
/// SHA-256 of the current part's ids, stable across runs, saved per part.
#[derive(Default)]
pub(super) struct Ids {
    seen: HashSet<u64>,
    keys: RandomState,
    part: sha2::Sha256,
}

impl Ids {
    /// Adds the next id of the current part; `false` if it was read before.
    fn add(&mut self, id: &str) -> bool {
        sha2::Digest::update(&mut self.part, id);
        sha2::Digest::update(&mut self.part, b"\n");
        self.seen.insert(self.keys.hash_one(id))
    }

    /// The current part's hash, in hex; the next id starts another part.
    fn part(&mut self) -> String {
        format!(
            "{:x}",
            sha2::Digest::finalize(std::mem::take(&mut self.part))
        )
    }
}

/// The batch created from input file `file`, if any (found among all batches).
pub(super) async fn batch_of_file(
    client: &Client,
    file: &str,
) -> Result<Option<types::Batch>, Error> {
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
pub(super) fn batch_line<R: BatchRequest>(custom_id: &str, body: &R) -> Result<Vec<u8>, Error> {
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
