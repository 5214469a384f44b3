//! Tools from Rust types: their JSON Schemas ([`schema`]) and the loop that
//! calls typed handlers for the model ([`runner`]).

pub(crate) mod runner;
pub(crate) mod schema;
