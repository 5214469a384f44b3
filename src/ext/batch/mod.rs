//! Batch jobs of any size: a stream of `(custom_id, request)` in, one typed
//! result per `custom_id` out, through the service's Batch API (JSONL files,
//! half the price), with memory bounded whatever the input size and a state file
//! that lets a crashed or interrupted job continue where it stopped.
//!
//! The job reads the whole input first, cutting it into parts at the Batch API's
//! limits, each spooled to a JSONL file on disk, its ids checked unique across
//! all parts; then uploads the parts (streamed) and creates their batches, a few
//! parts at a time; polls them; downloads each finished batch's output and error
//! files to disk (streamed) and yields their lines one by one. Every step is
//! recorded in the state file before the next begins.

mod delivery;
pub(crate) mod job;
mod lines;
pub(crate) mod model;
mod runner;
mod state;

pub use job::{BatchJob, BatchRun};
pub use model::{
    BatchLineError, BatchOptions, BatchProgress, BatchRequest, BatchResult, MAX_BATCH_FILE_BYTES,
    MAX_BATCH_REQUESTS, ResultOrder,
};
