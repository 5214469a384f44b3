//! Hand-written workflows over the generated operations: folding chat streams
//! ([`chat`]), batch jobs of any size ([`batch`]), untyped calls ([`raw`]) and
//! GLM-Realtime sessions ([`realtime`]).

pub(crate) mod batch;
pub(crate) mod chat;
pub(crate) mod raw;
pub(crate) mod realtime;
