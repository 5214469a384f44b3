//! The integration tests, one binary (the crate is linked once): `operations`
//! (contract tests by API area), `runtime` (what every call goes through), `spec`
//! (coverage, drift, docs and the mock against the spec); `support` helps them all.
//!
//! Per-operation contract tests are named after the `zai::Client` method they cover
//! (`upload_file`, `create_message_stream`, …): `coverage` checks that by name.

mod support;

mod operations;
mod runtime;
mod spec;
