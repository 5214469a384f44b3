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
//! * [`ToolFor`], [`ToolRunner`], [`Client::chat_json`]: tools and structured
//!   answers from Rust types (`#[derive(schemars::JsonSchema)]`), the tool loop.
//! * [`AnthropicStreamExt`]: fold an Anthropic Messages stream into its message.
//! * [`Error`]: HTTP status, Z.AI business code, message and raw body.
//! * [`realtime`]: GLM-Realtime voice and video sessions over WebSocket
//!   ([`Client::realtime`]).
//!
//! How it is built: the schemas are the `zai-types` crate (generated from the
//! spec); every call goes through one hand-written request path (the runtime);
//! the operations are generated methods that only describe their request to it;
//! workflows (chat stream folding, batch jobs, raw calls) are written on top. All
//! of it is reached from this page: the modules are private.
#![warn(missing_docs)]
// With some API families only, the runtime's parts that only other families'
// generated methods use (streams, polling, pages, forms) are unused; the full
// build keeps these lints.
#![cfg_attr(
    not(feature = "full"),
    allow(dead_code, unused_imports, unused_variables)
)]

// Every Rust block of the README runs as a doctest, so its copy-paste path keeps
// compiling (and working against the mock) as the API changes.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod ext;
mod operations;
mod runtime;

#[cfg(feature = "anthropic")]
pub use ext::anthropic::{AnthropicAccumulator, AnthropicStreamExt};
#[cfg(feature = "batches")]
pub use ext::batch::{
    BatchJob, BatchLineError, BatchOptions, BatchProgress, BatchRequest, BatchResult, BatchRun,
    MAX_BATCH_FILE_BYTES, MAX_BATCH_REQUESTS, ResultOrder,
};
#[cfg(feature = "chat")]
pub use ext::chat::fold::{
    ChatAccumulator, ChatEvent, ChatEvents, ChatStreamExt, EventFold, completion_from_bytes,
};
pub use ext::raw::RawResponse;
#[cfg(feature = "typed-tools")]
pub use ext::tools::runner::{ToolEvent, ToolRun, ToolRunner};
#[cfg(feature = "typed-tools")]
pub use ext::tools::schema::{ToolFor, schema_for};
pub use operations::OPERATIONS;
pub use runtime::auth::Auth;
pub use runtime::builder::ClientBuilder;
pub use runtime::client::Client;
pub use runtime::error::{ApiError, ApiErrorDetail, Error, StreamError, Timeout};
pub use runtime::observe::{
    CallRecord, CallStats, Metrics, OperationStats, RetryRecord, StatsSnapshot, StreamFaultRecord,
    StreamRecord, TokenUsage,
};
pub use runtime::options::{
    CallOptions, DEFAULT_CODING_PLAN_MAX_IN_FLIGHT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_JWT_LIFETIME,
    DEFAULT_JWT_RENEW_AFTER, DEFAULT_MAX_BODY_SIZE, DEFAULT_MAX_EVENT_SIZE, DEFAULT_READ_TIMEOUT,
    DEFAULT_USER_AGENT, RetryPolicy,
};
pub use runtime::poll::{PollOptions, PollProgress, Task, TaskState, poll_until};
pub use runtime::request::{Operation, RetrySafety};
#[allow(deprecated)]
pub use runtime::response::RawBody;
pub use runtime::response::{LastResponse, ResponseMeta, WithResponse};
pub use runtime::stream::bytes::ByteStream;
pub use runtime::stream::events::{EventStream, StreamChunk};
pub use runtime::stream::fault::{DroppedFragment, StreamFaultPolicy, StreamFaults};
pub use runtime::tls::install_tls_provider;
#[cfg(feature = "chat")]
pub use zai_types::ArgumentsError;
pub use zai_types::types::BusinessCode;
pub use zai_types::{BaseUrl, FileContent, FilePart, types};

#[cfg(feature = "realtime")]
/// GLM-Realtime: the events of spec/realtime.yaml (generated: [`realtime::ClientEvent`],
/// the open [`realtime::ServerEvent`] and every schema they use) and a session
/// over WebSocket ([`Client::realtime`]). See docs/realtime.md.
pub mod realtime {
    pub use crate::ext::realtime::RealtimeOptions;
    pub use crate::ext::realtime::fold::RealtimeReply;
    pub use crate::ext::realtime::session::{
        Gap, RealtimeReceiver, RealtimeSender, RealtimeSession,
    };
    pub use crate::ext::realtime::wav::{OUTPUT_SAMPLE_RATE, Pcm16};
    pub use zai_types::realtime::*;
}

// The crates whose types the API takes or returns (`Bytes` bodies, JSON
// values, reqwest's client and headers), at the versions it was built with.
pub use bytes;
pub use reqwest;
#[cfg(feature = "typed-tools")]
pub use schemars;
pub use serde_json;

/// Internals exposed for this repository's fuzz target; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use crate::operations::visit_answer_types;
    pub use crate::runtime::answer::{AnswerTypes, decode_json};
    pub use crate::runtime::stream::decoder::{Decoder, Event};
}
