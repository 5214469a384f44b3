//! Contract tests of the API's operations, by area: each `Client` method's exact
//! request and the typed parsing of a realistic reply, in a test named after it.

mod agents;
mod anthropic;
mod applications;
mod assistant;
mod audio;
mod batches;
mod chat;
mod documents;
mod embeddings;
mod files;
mod fine_tuning;
mod knowledge;
mod media;
mod monitor;
mod realtime;
mod rerank;
mod stream_events;
mod tools;
mod typed_tools;
mod zrag;
