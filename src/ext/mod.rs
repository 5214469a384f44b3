//! Hand-written workflows over the generated operations: folding chat and
//! Anthropic streams ([`chat`], [`anthropic`]), tools from Rust types and the tool
//! loop ([`tools`]), structured answers ([`structured`]), batch jobs of any size
//! ([`batch`]), untyped calls ([`raw`]) and GLM-Realtime sessions ([`realtime`]).

#[cfg(feature = "anthropic")]
pub(crate) mod anthropic;
#[cfg(feature = "batches")]
pub(crate) mod batch;
#[cfg(feature = "chat")]
pub(crate) mod chat;
pub(crate) mod raw;
#[cfg(feature = "realtime")]
pub(crate) mod realtime;
#[cfg(feature = "typed-tools")]
pub(crate) mod structured;
#[cfg(feature = "typed-tools")]
pub(crate) mod tools;
