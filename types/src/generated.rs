//! What build.rs generates from the specs, included from `$OUT_DIR`: the API's
//! schemas and `BaseUrl` (spec/zai.yaml), GLM-Realtime's events (spec/realtime.yaml).
#![allow(
    clippy::all,
    missing_docs,
    unused_imports,
    dead_code,
    missing_debug_implementations
)]

pub(crate) mod api {
    include!(concat!(env!("OUT_DIR"), "/types.rs"));
}

#[cfg(feature = "realtime")]
pub(crate) mod events {
    include!(concat!(env!("OUT_DIR"), "/realtime.rs"));
}
