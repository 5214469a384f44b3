//! Hand-written workflows over the generated operations: folding chat streams
//! ([`chat`]), batch jobs of any size ([`batch`]) and untyped calls ([`raw`]).

pub(crate) mod batch;
pub(crate) mod chat;
pub(crate) mod raw;
