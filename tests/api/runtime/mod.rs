//! What every call goes through, whatever its operation: client construction,
//! the request path and its headers, retries, timeouts and injected faults,
//! error mapping, stream decoding, polling and batch jobs.

mod answers;
mod batch_job;
mod batch_job_recovery;
mod config;
mod errors;
mod faults;
mod limits;
mod limits_answers;
mod limits_batch;
mod limits_flow;
mod limits_observe;
mod polling;
mod request_path;
mod stream_faults;
mod streaming;
mod wire;
