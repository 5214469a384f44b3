//! [`BatchJob`] and [`BatchRun`]: start, resume, watch and cancel a job, and
//! stream its results.

use crate::ext::batch::model::{BatchOptions, BatchProgress, BatchRequest, BatchResult};
use crate::ext::batch::runner::{Ids, Runner, batch_of_file};
use crate::ext::batch::state::{JobFiles, JobState};
use crate::runtime::client::Client;
use crate::runtime::error::Error;
use futures_core::Stream;
use futures_util::stream::FuturesUnordered;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

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
    /// pairs with ids unique across the whole input (a repeated one stops the
    /// job before anything is submitted; an `Err` item stops it, resumably). On
    /// resume, give the same requests in the same order: the ones already
    /// spooled are read and skipped, and a changed input is refused, as are
    /// requests past the end of an input the job had read to its end.
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
    /// in another [`ResultOrder`](crate::ResultOrder).
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
            unchecked: true,
            ids: Ids::default(),
            next_upload: 0,
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
    /// [`BatchLineError::BatchEnded`](crate::BatchLineError::BatchEnded) for the rest of what was submitted.
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
