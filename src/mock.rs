//! A built-in mock of the Z.AI API (feature `mock`): a loopback HTTP server that
//! answers every operation of spec/zai.yaml with the spec's own examples.
//!
//! Nothing here knows an endpoint: build.rs turns each operation's method, path,
//! base, success examples, `x-zai-stream` chunk examples and `x-zai-mock` rules into
//! a table ([`MockOperation`]), and this engine serves it:
//!
//! * the success example (`default`, or the one `x-zai-mock.when-present` names
//!   when the request body has that field, e.g. `tools` → `tool_call`; or the next
//!   of `x-zai-mock.sequence` for the same path, e.g. a task going
//!   `PROCESSING` → `SUCCESS` over polls);
//! * server-sent events when the JSON body has `"stream": true` (or a multipart
//!   part `stream=true`): the chunk examples, then the `done` payload;
//! * errors on demand: a request whose `model` is `error-<status>` (e.g.
//!   `error-429`) gets that status and the Z.AI error body of
//!   `x-zai-mock.errors` (`429` → code `1302`, "Rate limit reached for requests");
//! * `401` (code `1002`) unless an `Authorization` (or `x-api-key`) header holds
//!   something shaped like a key (`id.secret`) or a JWT; `400`
//!   (code `1214`) for a JSON body that is not a JSON object, `404`/`405` for
//!   unknown routes.
//!
//! Routes: every operation at its spec path from the server root (`x-zai-base: root`
//! ones too: the client's root is its base URL minus `/paas/v4`), so a client built
//! with `.base_url(mock.url())` reaches all.
//!
//! ```no_run
//! # async fn run() -> Result<(), zai::Error> {
//! use zai::types::{ChatCompletionRequest, ChatMessage};
//! let mock = zai::mock::MockServer::start().await;
//! let client = zai::Client::builder().api_key("mock.key").base_url(mock.url()).build()?;
//! let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Hi")]);
//! let reply = client.create_chat_completion(&request).await?;
//! # Ok(()) }
//! ```

use bytes::Bytes;
use http_body_util::{BodyExt, Full, StreamBody, combinators::BoxBody};
use hyper::body::{Frame, Incoming};
use hyper::{Request, Response, StatusCode};
use serde_json::Value;
use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One operation as the mock serves it (generated from the spec by build.rs).
#[derive(Clone, Copy, Debug)]
pub struct MockOperation {
    /// The spec's `operationId`.
    pub id: &'static str,
    /// HTTP method, upper case.
    pub method: &'static str,
    /// Path template relative to the operation's base (`/files/{file_id}`).
    pub path: &'static str,
    /// `x-zai-base` (`agents`, `anthropic`), if any.
    pub base: Option<&'static str>,
    /// The request body is multipart/form-data.
    pub multipart: bool,
    /// Media type of the success response.
    pub content_type: &'static str,
    /// Named success examples (`default` first when present): JSON text, or the
    /// body itself for other media types.
    pub examples: &'static [(&'static str, &'static str)],
    /// `x-zai-mock.when-present`: request body field → example name.
    pub when_present: &'static [(&'static str, &'static str)],
    /// `x-zai-mock.sequence`: example names served over successive calls.
    pub sequence: &'static [&'static str],
    /// Streaming answers, for `x-zai-stream` operations.
    pub stream: Option<MockStream>,
}

/// The server-sent events of a streaming operation.
#[derive(Clone, Copy, Debug)]
pub struct MockStream {
    /// Data payload ending the stream (`[DONE]`), if any.
    pub done: Option<&'static str>,
    /// Payload field naming each event's SSE `event:` line (Anthropic: `type`).
    pub event_field: Option<&'static str>,
    /// Named lists of chunk payloads (JSON text).
    pub examples: &'static [(&'static str, &'static [&'static str])],
}

/// Every operation the mock serves, in spec order.
pub const OPERATIONS: &[MockOperation] = crate::generated::MOCK_OPERATIONS;

type Body = BoxBody<Bytes, Infallible>;

/// A running mock server on a loopback port; stops when dropped.
#[derive(Debug)]
pub struct MockServer {
    addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

#[derive(Debug, Default)]
struct State {
    /// Calls so far per request path, for `x-zai-mock.sequence`.
    polls: Mutex<HashMap<String, usize>>,
    /// Pause between streamed events.
    chunk_delay: Duration,
}

impl MockServer {
    /// Starts a mock on an ephemeral loopback port.
    ///
    /// # Panics
    /// If no loopback port can be bound (see [`MockServer::bind`]).
    pub async fn start() -> MockServer {
        MockServer::bind(0)
            .await
            .expect("bind a loopback port for the mock server")
    }

    /// Starts a mock on `127.0.0.1:port` (`0`: any free port).
    pub async fn bind(port: u16) -> std::io::Result<MockServer> {
        Self::bind_with_delay(port, Duration::from_millis(10)).await
    }

    /// Like [`MockServer::bind`], pausing `delay` between streamed events.
    pub async fn bind_with_delay(port: u16, delay: Duration) -> std::io::Result<MockServer> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        let addr = listener.local_addr()?;
        let (tx, mut rx) = tokio::sync::oneshot::channel::<()>();
        let state = Arc::new(State {
            chunk_delay: delay,
            ..State::default()
        });
        tokio::spawn(async move {
            loop {
                let (socket, _) = tokio::select! {
                    _ = &mut rx => break,
                    accepted = listener.accept() => match accepted {
                        Ok(a) => a,
                        Err(_) => continue,
                    },
                };
                let state = state.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |req| {
                        let state = state.clone();
                        async move { Ok::<_, Infallible>(handle(&state, req).await) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(hyper_util::rt::TokioIo::new(socket), service)
                        .await;
                });
            }
        });
        Ok(MockServer {
            addr,
            shutdown: Some(tx),
        })
    }

    /// `http://127.0.0.1:<port>`: give it to `ClientBuilder::base_url`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// The operation serving `method path`, if any; `Err(true)` when the path exists
/// under another method.
pub fn route(method: &str, path: &str) -> Result<&'static MockOperation, bool> {
    let mut best: Option<(usize, &MockOperation)> = None;
    let mut other_method = false;
    for op in OPERATIONS {
        let Some(literals) = matches(op.path, path) else {
            continue;
        };
        if !op.method.eq_ignore_ascii_case(method) {
            other_method = true;
        } else if best.is_none_or(|(l, _)| literals > l) {
            best = Some((literals, op));
        }
    }
    best.map(|(_, op)| op).ok_or(other_method)
}

/// Number of literal segments when `path` matches `template`.
fn matches(template: &str, path: &str) -> Option<usize> {
    let t: Vec<&str> = template.trim_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_matches('/').split('/').collect();
    if t.len() != p.len() {
        return None;
    }
    let mut literals = 0;
    for (t, p) in t.iter().zip(&p) {
        if t.starts_with('{') && t.ends_with('}') {
            if p.is_empty() {
                return None;
            }
        } else if t == p {
            literals += 1;
        } else {
            return None;
        }
    }
    Some(literals)
}

async fn handle(state: &State, req: Request<Incoming>) -> Response<Body> {
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let op = match route(&method, &path) {
        Ok(op) => op,
        Err(true) => {
            let mut response = error(StatusCode::METHOD_NOT_ALLOWED);
            if let Ok(allow) = allowed_methods(&path).parse() {
                response.headers_mut().insert(hyper::header::ALLOW, allow);
            }
            return response;
        }
        Err(false) => {
            // What Z.AI's gateway answers for an unknown path (Spring-style).
            let body = serde_json::json!({
                "timestamp": "2026-03-13T05:05:28.067+00:00",
                "status": 404,
                "error": "Not Found",
                "path": path,
            });
            let mut response = Response::new(full(Bytes::from(body.to_string())));
            *response.status_mut() = StatusCode::NOT_FOUND;
            set_type(&mut response, "application/json");
            return response;
        }
    };
    let headers = req.headers();
    let authorized = headers
        .get(hyper::header::AUTHORIZATION)
        .or_else(|| headers.get("x-api-key"))
        .and_then(|v| v.to_str().ok())
        .is_some_and(plausible_key);
    let content_type = headers
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = match req.into_body().collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return error(StatusCode::BAD_REQUEST),
    };
    if !authorized {
        return error(StatusCode::UNAUTHORIZED);
    }
    let fields = if op.multipart {
        multipart_fields(&content_type, &body)
    } else if body.is_empty() {
        Value::Null
    } else {
        match serde_json::from_slice::<Value>(&body) {
            Ok(v @ Value::Object(_)) => v,
            _ => return error(StatusCode::BAD_REQUEST),
        }
    };
    if let Some(status) = fields["model"]
        .as_str()
        .and_then(|m| m.strip_prefix("error-"))
        .and_then(|s| s.parse::<u16>().ok())
        .and_then(|s| StatusCode::from_u16(s).ok())
        .filter(|s| s.is_client_error() || s.is_server_error())
    {
        return error(status);
    }

    let mut name = op
        .when_present
        .iter()
        .find(|(field, _)| present(&fields[*field]))
        .map(|(_, name)| *name);
    if name.is_none() && !op.sequence.is_empty() {
        let mut polls = state.polls.lock().unwrap_or_else(|e| e.into_inner());
        let n = polls.entry(path.clone()).or_default();
        name = Some(op.sequence[(*n).min(op.sequence.len() - 1)]);
        *n += 1;
    }
    let streaming =
        matches!(&fields["stream"], Value::Bool(true)) || fields["stream"].as_str() == Some("true");
    match (op.stream, streaming) {
        (Some(stream), true) => sse(stream, name, state.chunk_delay),
        _ => {
            let text = pick(op.examples, name);
            let mut response = Response::new(full(Bytes::from_static(text.as_bytes())));
            set_type(&mut response, op.content_type);
            response
        }
    }
}

/// A Z.AI key (`id.secret`) or a JWT (`a.b.c`), with or without `Bearer `.
fn plausible_key(value: &str) -> bool {
    let key = value.trim();
    let key = key.strip_prefix("Bearer ").unwrap_or(key).trim();
    key.split('.').count() >= 2
        && key.split('.').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_=".contains(&b))
        })
}

/// The methods served at `path` by its most specific path template (for a 405's
/// `Allow`): `/files/ocr` allows `POST`, not `/files/{file_id}`'s `DELETE`.
fn allowed_methods(path: &str) -> String {
    let served: Vec<(&str, usize)> = ["GET", "POST", "PUT", "PATCH", "DELETE"]
        .into_iter()
        .filter_map(|m| {
            let op = route(m, path).ok()?;
            let rest = match op.base {
                Some("anthropic") => path.strip_prefix("/anthropic").unwrap_or(path),
                _ => path,
            };
            Some((m, matches(op.path, rest)?))
        })
        .collect();
    let best = served.iter().map(|(_, l)| *l).max().unwrap_or(0);
    served
        .iter()
        .filter(|(_, l)| *l == best)
        .map(|(m, _)| *m)
        .collect::<Vec<_>>()
        .join(", ")
}

fn present(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// The named example, else `default`, else the first.
fn pick<T: Copy>(examples: &[(&str, T)], name: Option<&str>) -> T {
    let find = |n: &str| examples.iter().find(|(e, _)| *e == n).map(|(_, t)| *t);
    name.and_then(find)
        .or_else(|| find("default"))
        .unwrap_or_else(|| examples[0].1)
}

fn sse(stream: MockStream, name: Option<&str>, delay: Duration) -> Response<Body> {
    let mut events: Vec<Bytes> = pick(stream.examples, name)
        .iter()
        .map(|chunk| {
            let event = stream.event_field.and_then(|field| {
                serde_json::from_str::<Value>(chunk).ok()?[field]
                    .as_str()
                    .map(|e| format!("event: {e}\n"))
            });
            Bytes::from(format!("{}data: {chunk}\n\n", event.unwrap_or_default()))
        })
        .collect();
    if let Some(done) = stream.done {
        events.push(Bytes::from(format!("data: {done}\n\n")));
    }
    let frames = futures_util::stream::unfold(
        (events.into_iter(), true),
        move |(mut events, first)| async move {
            let event = events.next()?;
            if !first && !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            Some((Ok::<_, Infallible>(Frame::data(event)), (events, false)))
        },
    );
    let mut response = Response::new(BodyExt::boxed(StreamBody::new(frames)));
    set_type(&mut response, "text/event-stream;charset=UTF-8");
    response
}

/// The Z.AI error body for `status`: the spec's error example with the code and
/// message of `x-zai-mock.errors` (or the status itself and its reason).
pub fn error_body(status: u16) -> Value {
    let (code, message) = crate::generated::MOCK_ERRORS
        .iter()
        .find(|(s, ..)| *s == status)
        .map(|(_, c, m)| ((*c).to_owned(), (*m).to_owned()))
        .unwrap_or_else(|| {
            let reason = StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("Error");
            (status.to_string(), reason.to_owned())
        });
    let mut body: Value =
        serde_json::from_str(crate::generated::MOCK_ERROR_EXAMPLE).unwrap_or_default();
    body["error"] = serde_json::json!({ "code": code, "message": message });
    body
}

fn error(status: StatusCode) -> Response<Body> {
    let body = error_body(status.as_u16()).to_string();
    let mut response = Response::new(full(Bytes::from(body)));
    *response.status_mut() = status;
    set_type(&mut response, "application/json");
    response
}

fn full(bytes: Bytes) -> Body {
    BodyExt::boxed(Full::new(bytes))
}

fn set_type(response: &mut Response<Body>, content_type: &str) {
    if let Ok(value) = content_type.parse() {
        response
            .headers_mut()
            .insert(hyper::header::CONTENT_TYPE, value);
    }
}

/// The text parts of a multipart/form-data body, as a JSON object (file parts are
/// left out).
fn multipart_fields(content_type: &str, body: &[u8]) -> Value {
    let mut fields = serde_json::Map::new();
    let Some(boundary) = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| format!("--{}", b.trim_matches('"')))
    else {
        return Value::Object(fields);
    };
    let text = String::from_utf8_lossy(body);
    for part in text.split(boundary.as_str()) {
        let Some((head, value)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        if head.contains("filename=") {
            continue;
        }
        let Some(name) = head
            .split(';')
            .find_map(|p| p.trim().strip_prefix("name="))
            .map(|n| n.lines().next().unwrap_or(n).trim_matches('"').to_owned())
        else {
            continue;
        };
        let value = value.strip_suffix("\r\n").unwrap_or(value);
        fields.insert(name, Value::String(value.to_owned()));
    }
    Value::Object(fields)
}
