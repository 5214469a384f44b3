//! Shared helpers for the contract tests.
#![allow(dead_code)]

use httpmock::MockServer;

pub mod scripted;

pub const KEY: &str = "test-id.test-secret";

/// A client pointed at the mock server, authenticated with [`KEY`].
pub fn client(server: &MockServer) -> zai::Client {
    zai::Client::builder()
        .api_key(KEY)
        .base_url(server.base_url())
        .build()
        .expect("client")
}

/// A fixture file from tests/fixtures.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}
