//! The request and response types of the [Z.AI](https://z.ai) (Zhipu GLM) API,
//! generated from the hand-curated spec/zai.yaml. Use them through the `zai`
//! crate (`zai::types`, `zai::BaseUrl`, `zai::FilePart`); they live in a crate of
//! their own so they compile in parallel with the HTTP stack.
//!
//! * [`types`]: every schema, with `new(required…)` and a setter per other field,
//!   open enums and unions (a value or variant added upstream parses as
//!   `Unknown` / `Other` instead of failing), and the hand-written constructors of
//!   messages, content parts and tools.
//! * [`realtime`]: GLM-Realtime's events and schemas (spec/realtime.yaml): client
//!   events an enum, server events an open one (an unknown event is `Other`).
//! * [`BaseUrl`]: where the API is served.
//! * [`FilePart`]: a file in a multipart body.
#![warn(missing_docs)]

#[cfg(feature = "anthropic")]
mod anthropic;
#[cfg(feature = "chat")]
mod chat;
mod file_part;
mod generated;
mod open_enum;

#[cfg(feature = "chat")]
pub use chat::ArgumentsError;
pub use file_part::{FileContent, FilePart};
pub use generated::api::{BaseUrl, types};
#[cfg(feature = "realtime")]
pub use generated::events::realtime;
