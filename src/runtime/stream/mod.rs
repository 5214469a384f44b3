//! What an answer that is not read whole becomes: server-sent events decoded
//! ([`decoder`]) into typed chunks ([`events`]), with the service's stream faults
//! repaired ([`fault`]); or raw bytes ([`bytes`]).

pub(crate) mod bytes;
pub(crate) mod decoder;
pub(crate) mod events;
pub(crate) mod fault;
