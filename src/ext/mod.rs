//! Hand-written workflows over the generated operations: folding chat and
//! Anthropic streams ([`chat`], [`anthropic`]), tools from Rust types and the tool
//! loop ([`tools`]), structured answers ([`structured`]), batch jobs of any size
//! ([`batch`]), untyped calls ([`raw`]) and GLM-Realtime sessions ([`realtime`]).

pub(crate) mod anthropic;
pub(crate) mod batch;
pub(crate) mod chat;
pub(crate) mod raw;
pub(crate) mod realtime;
pub(crate) mod structured;
pub(crate) mod tools;
