//! Shared helpers for the contract tests: a client against an httpmock server,
//! fixtures, request matchers and reply builders, (in [`scripted`]) a loopback
//! server for faults httpmock cannot express, and (in [`batch_job`]) the
//! `BatchJob` tests' inputs and options.

use futures_util::StreamExt;
use httpmock::{Method::POST, MockServer, Then, When};
use serde_json::Value;

pub mod batch_job;
pub mod scripted;

pub const KEY: &str = "test-id.test-secret";

/// The content type Z.AI answers JSON with.
pub const JSON: &str = "application/json; charset=UTF-8";
/// The content type Z.AI answers event streams with.
pub const SSE: &str = "text/event-stream;charset=UTF-8";

/// A client pointed at the mock server, authenticated with [`KEY`].
pub fn client(server: &MockServer) -> zai::Client {
    client_at(&server.base_url())
}

/// A client pointed at `url` (e.g. a [`scripted`] server), authenticated with [`KEY`].
pub fn client_at(url: &str) -> zai::Client {
    zai::Client::builder()
        .api_key(KEY)
        .base_url(url)
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

/// Expects `Authorization: Bearer KEY`.
pub fn bearer(when: When) -> When {
    when.header("authorization", format!("Bearer {KEY}"))
}

/// Expects `Authorization: Bearer KEY` and no `api-version` header.
pub fn authed(when: When) -> When {
    bearer(when).header_missing("api-version")
}

/// Answers 200 with `reply` as JSON.
pub fn json_reply(then: Then, reply: &Value) -> Then {
    then.status(200)
        .header("content-type", JSON)
        .body(reply.to_string())
}

/// A JSON POST at `path` with exactly `body`, carrying the headers `auth` checks.
fn json_request(when: When, auth: fn(When) -> When, path: &str, body: Value) -> When {
    auth(when)
        .method(POST)
        .path(path)
        .header("content-type", "application/json")
        .json_body(body)
}

/// Mocks one JSON POST at `path` expecting exactly `body` and the headers `auth`
/// checks ([`bearer`] or [`authed`]), replying `reply`.
pub async fn json_post<'a>(
    server: &'a MockServer,
    auth: fn(When) -> When,
    path: &str,
    body: Value,
    reply: Value,
) -> httpmock::Mock<'a> {
    server
        .mock_async(|when, then| {
            json_request(when, auth, path, body);
            json_reply(then, &reply);
        })
        .await
}

/// Mocks one streaming JSON POST at `path` expecting exactly `body` (with
/// `"stream": true`) and the headers `auth` checks, replying with the SSE text `events`.
pub async fn sse_post<'a>(
    server: &'a MockServer,
    auth: fn(When) -> When,
    path: &str,
    body: Value,
    events: &str,
) -> httpmock::Mock<'a> {
    let events = events.to_owned();
    server
        .mock_async(|when, then| {
            json_request(when, auth, path, body).header("accept", "text/event-stream");
            then.status(200).header("content-type", SSE).body(events);
        })
        .await
}

/// `Content-Disposition` of a text part, as reqwest writes it, with its value.
pub fn text_part(name: &str, value: &str) -> String {
    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
}

/// A file part, as reqwest writes it, with its content.
pub fn file_part(name: &str, file: &str, content_type: &str, bytes: &str) -> String {
    format!(
        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: {content_type}\r\n\r\n{bytes}\r\n"
    )
}

/// Mocks a multipart POST ([`authed`]) whose body holds every given part.
pub async fn post_multipart<'a>(
    server: &'a MockServer,
    path: &str,
    parts: Vec<String>,
    then_fn: impl FnOnce(Then) + Send + 'static,
) -> httpmock::Mock<'a> {
    server
        .mock_async(|when, then| {
            let mut when = authed(when)
                .method(POST)
                .path(path)
                .header_prefix("content-type", "multipart/form-data; boundary=");
            for part in parts {
                when = when.body_includes(part);
            }
            then_fn(then);
        })
        .await
}

/// The whole body of a binary stream.
pub async fn collect_bytes(stream: zai::ByteStream) -> Vec<u8> {
    stream.bytes().await.expect("whole body").to_vec()
}

/// Every chunk of an event stream, each required to parse.
pub async fn collect_events<T>(stream: zai::EventStream<T>) -> Vec<T>
where
    T: zai::StreamChunk,
{
    stream
        .map(|item| item.expect("chunk parses"))
        .collect()
        .await
}

/// Everything `tracing` logged in this test binary so far. The subscriber is global
/// (installed once): tracing caches per-callsite interest across threads, and the
/// tests run concurrently, so a scoped one would miss events.
pub fn logs() -> &'static std::sync::Mutex<Vec<u8>> {
    use std::sync::{Mutex, OnceLock};
    static LOGS: OnceLock<&'static Mutex<Vec<u8>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs: &'static Mutex<Vec<u8>> = Box::leak(Box::new(Mutex::new(Vec::new())));
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            // A closing span is logged with every field recorded into it.
            .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
            .with_writer(move || LogWriter(logs))
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("one global subscriber");
        logs
    })
}

struct LogWriter(&'static std::sync::Mutex<Vec<u8>>);

impl std::io::Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A client whose base is `<server>/api/paas/v4`, as on the real hosts: its API
/// root is `<server>/api`, so root-based paths are asserted in full
/// (`/api/llm-application/open/knowledge`, `/api/paas/v4/rerank`).
pub fn api_client(server: &MockServer) -> zai::Client {
    client_at(&format!("{}/api/paas/v4", server.base_url()))
}

/// Expects `Authorization: KEY`, the raw key without a scheme (`x-zai-auth: raw-key`).
pub fn raw_key(when: When) -> When {
    when.header("authorization", KEY)
}

/// Mocks one call: `method path` with exactly these query parameters and (if any)
/// exactly this JSON body (or none: no content type), carrying the headers `auth` checks; replies `reply`.
pub async fn expect_call<'a>(
    server: &'a MockServer,
    auth: fn(When) -> When,
    (method, path): (httpmock::Method, &str),
    query: &[(&str, &str)],
    body: Option<Value>,
    reply: Value,
) -> httpmock::Mock<'a> {
    let query: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    server
        .mock_async(|when, then| {
            let mut when = auth(when).method(method).path(path);
            for (name, value) in query {
                when = when.query_param(name, value);
            }
            match body {
                Some(body) => {
                    when.header("content-type", "application/json")
                        .json_body(body);
                }
                None => {
                    when.header_missing("content-type");
                }
            }
            json_reply(then, &reply);
        })
        .await
}

/// The `{code, message, timestamp}` answer of the knowledge and application APIs,
/// around `data` when given.
pub fn app_envelope(data: Option<Value>) -> Value {
    let mut reply =
        serde_json::json!({"code": 200, "message": "请求成功", "timestamp": 1726110000000_i64});
    if let Some(data) = data {
        reply["data"] = data;
    }
    reply
}
