//! The integration tests, one binary (the crate is linked once), by API area.
//!
//! Per-operation contract tests are named after the `zai::Client` method they cover
//! (`upload_file`, `create_message_stream`, …): `coverage` checks that by name.

mod support;

mod agents;
mod anthropic;
mod assistant;
mod audio;
mod batches;
mod chat;
mod config;
mod coverage;
mod docs;
mod documents;
mod drift;
mod embeddings;
mod errors;
mod faults;
mod files;
mod media;
mod mock;
mod polling;
mod request_path;
mod streaming;
mod tools;
