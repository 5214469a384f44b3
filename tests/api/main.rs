//! The integration tests, one binary (the crate is linked once), by API area.
//!
//! Per-operation contract tests are named after the `zai::Client` method they cover
//! (`upload_file`, `create_message_stream`, …): `coverage` checks that by name.

mod support;

mod agents;
mod anthropic;
mod applications;
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
mod fine_tuning;
mod knowledge;
mod media;
mod mock;
mod monitor;
mod polling;
mod request_path;
mod rerank;
mod stream_faults;
mod streaming;
mod tools;
mod wire;
mod zrag;
