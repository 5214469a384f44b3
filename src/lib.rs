//! A typed client for the [Z.AI](https://z.ai) (Zhipu GLM) HTTP API, generated
//! from a hand-curated OpenAPI description (`spec/zai.yaml`).
//!
//! ```no_run
//! # async fn run() -> Result<(), zai::Error> {
//! use zai::types::{ChatCompletionRequest, ChatMessage};
//!
//! let client = zai::Client::from_env()?; // ZAI_API_KEY, optional ZAI_BASE_URL
//! let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Hello!")]);
//! let reply = client.create_chat_completion(&request).await?;
//! println!("{}", reply.text().unwrap_or_default());
//! # Ok(()) }
//! ```
//!
//! * [`types`]: every request and response schema of the spec.
//! * [`Client`]: one method per operation, plus `*_stream` variants yielding typed
//!   server-sent events ([`EventStream`]).
//! * [`ChatStreamExt`]: fold a chat stream into the non-streaming response
//!   (`collect_completion`) or into UI events (`events`).
//! * [`Error`]: HTTP status, Z.AI business code, message and raw body.
#![warn(missing_docs)]

#[allow(
    clippy::all,
    missing_docs,
    unused_imports,
    dead_code,
    missing_debug_implementations
)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/zai_generated.rs"));
}

// Every Rust block of the README runs as a doctest, so its copy-paste path keeps
// compiling (and working against the mock) as the API changes.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod answer;
mod auth;
mod batch;
mod byte_stream;
mod chat;
mod client;
mod error;
mod multipart;
mod observe;
mod open_enum;
mod options;
mod pages;
mod poll;
mod probe;
mod read_timer;
mod retry;
mod sse;
mod stream_fault;
mod tls;

pub use auth::{Auth, DEFAULT_JWT_LIFETIME, DEFAULT_JWT_RENEW_AFTER};
pub use batch::{
    BatchJob, BatchLineError, BatchOptions, BatchProgress, BatchRequest, BatchResult, BatchRun,
    MAX_BATCH_FILE_BYTES, MAX_BATCH_REQUESTS, ResultOrder,
};
pub use byte_stream::ByteStream;
pub use chat::stream::{
    ChatAccumulator, ChatEvent, ChatEvents, ChatStreamExt, completion_from_bytes,
};
pub use client::{
    Client, ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_USER_AGENT,
    Operation, RawResponse,
};
pub use error::{ApiError, ApiErrorDetail, Error, StreamError, Timeout};
pub use generated::types::BusinessCode;
pub use generated::{BaseUrl, OPERATIONS, types};
pub use multipart::{FileContent, FilePart};
pub use observe::{CallRecord, CallStats, Metrics, RetryRecord, StatsSnapshot, StreamFaultRecord};
pub use options::{CallOptions, DEFAULT_MAX_BODY_SIZE, RawBody};
pub use poll::{PollOptions, PollProgress, Task, TaskState, poll_until};
pub use retry::RetryPolicy;
pub use sse::{DEFAULT_MAX_EVENT_SIZE, EventStream, StreamChunk};
pub use stream_fault::{DroppedFragment, StreamFaultPolicy, StreamFaults};
pub use tls::install_tls_provider;

// The crates whose types the API takes or returns (`Bytes` bodies, JSON
// values, reqwest's client and headers), at the versions it was built with.
pub use bytes;
pub use reqwest;
pub use serde_json;

/// Internals exposed for this repository's fuzz target; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use crate::answer::{AnswerTypes, decode_json};
    pub use crate::generated::visit_answer_types;
    pub use crate::sse::{Decoder, Event};
}
