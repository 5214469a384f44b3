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
//! println!("{}", reply.choices[0].message.as_ref().and_then(|m| m.content.as_deref()).unwrap_or(""));
//! # Ok(()) }
//! ```
//!
//! * [`types`]: every request and response schema of the spec.
//! * [`Client`]: one method per operation, plus `*_stream` variants yielding typed
//!   server-sent events ([`ext::sse::EventStream`]).
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

pub mod ext;

pub use ext::accumulate::{ChatAccumulator, ChatEvent, ChatStreamExt};
pub use ext::auth::Auth;
pub use ext::client::{BaseUrl, CallOptions, Client, ClientBuilder, RawResponse};
pub use ext::error::{ApiError, Error, StreamError};
#[cfg(feature = "mock")]
pub use ext::mock;
pub use ext::observe::{CallStats, Metrics};
pub use ext::retry::RetryPolicy;
pub use generated::{OPERATIONS, streams, types};
pub use progenitor_client::ByteStream;

/// The generated code, as build.rs emitted it (compared with `generated/` by a test).
#[doc(hidden)]
pub const GENERATED_SOURCE: &str = include_str!(concat!(env!("OUT_DIR"), "/zai_generated.rs"));
