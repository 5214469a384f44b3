//! What a batch job takes and gives: requests, options, results, line errors
//! and progress.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::time::Duration;
use zai_types::types::{self, BusinessCode};

/// A request the Batch API runs: its typed answer and the endpoint its lines name.
pub trait BatchRequest: Serialize {
    /// The answer of one line.
    type Response: DeserializeOwned;
    /// The endpoint, as a batch line's `url` and the batch's `endpoint`.
    const ENDPOINT: &'static str;
}

#[cfg(feature = "chat")]
impl BatchRequest for types::ChatCompletionRequest {
    type Response = types::ChatCompletionResponse;
    const ENDPOINT: &'static str = "/v4/chat/completions";
}

#[cfg(feature = "embeddings")]
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

/// In which order a [`BatchRun`](crate::BatchRun) yields results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultOrder {
    /// Batch by batch as they finish; within a batch, in its output file's order.
    #[default]
    Completion,
    /// In the order of the input (a finished batch waits for the ones before it).
    Input,
}

/// How a [`BatchJob`](crate::BatchJob) cuts, submits and delivers. Defaults: the Batch API's
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
        /// Z.AI business code, matched like [`Error::code`](crate::Error::code)'s.
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
    /// The job was cancelled ([`BatchJob::cancel`](crate::BatchJob::cancel)).
    pub cancelled: bool,
    /// Every result is delivered (of all the input, or of what a cancelled job
    /// had submitted).
    pub finished: bool,
}

impl BatchProgress {
    /// Results delivered so far (`completed + failed`): after a crash, the
    /// results a rerun does not deliver again.
    pub fn delivered(&self) -> u64 {
        self.completed + self.failed
    }
}
