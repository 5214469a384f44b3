//! Typed [`httpmock`] expectations for every operation (feature `httpmock`), for
//! your own contract tests: declare what a request must hold and what the
//! answer is with the `zai::types` your code uses, and the JSON, paths, Z.AI
//! error bodies and server-sent events are written for you.
//!
//! [`ZaiMocks`] is generated from spec/zai.yaml by this crate's build.rs: one
//! method per operation, named after its `operationId` in snake case
//! (`createChatCompletion` → [`ZaiMocks::create_chat_completion`]), each matching
//! the operation's method and path (at the end of the request path, so a client
//! whose base URL is the server root or any prefix of it reaches it).
//!
//! ```no_run
//! # async fn run() -> Result<(), zai::Error> {
//! use zai::types::{ChatCompletionRequest, ChatCompletionResponse, ChatMessage};
//! use zai_mock::httpmock::ZaiMocks;
//!
//! let server = zai_mock::httpmock::MockServer::start_async().await;
//! let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Hi")]);
//! let response: ChatCompletionResponse = serde_json::from_value(serde_json::json!({
//!     "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello!"}}]
//! })).unwrap();
//! let mock = server.create_chat_completion(|when, then| {
//!     when.body(&request);
//!     then.ok(&response);
//! });
//! let client = zai::Client::builder().api_key("test.key").base_url(server.base_url()).build()?;
//! let reply = client.create_chat_completion(&request).await?;
//! mock.assert();
//! # Ok(()) }
//! ```

use serde::Serialize;
use std::marker::PhantomData;

/// The server these helpers extend, re-exported: with it, your tests need no
/// `httpmock` dependency of their own, nor one of a matching version.
pub use ::httpmock::MockServer;

pub use generated::ZaiMocks;

mod generated {
    use super::{Binary, Multipart, NoBody, NoStream, StreamInfo, Then, When};
    include!(concat!(env!("OUT_DIR"), "/httpmock.rs"));
}

/// The request body of an operation without one.
#[derive(Debug)]
pub enum NoBody {}

/// A multipart/form-data request body: match its parts with [`When::part`].
#[derive(Debug)]
pub enum Multipart {}

/// A success answer that is not JSON (audio, a file's bytes): [`Then::bytes`].
#[derive(Debug)]
pub enum Binary {}

/// The chunk type of an operation that does not stream.
#[derive(Debug, Serialize)]
pub enum NoStream {}

/// How an operation streams (`x-zai-stream` of the spec).
#[derive(Clone, Copy, Debug)]
pub struct StreamInfo {
    /// The `data:` payload ending the stream (`[DONE]`), if any.
    pub done: Option<&'static str>,
    /// The chunk field naming each event's `event:` line (Anthropic: `type`).
    pub event_field: Option<&'static str>,
}

/// What a request to the operation must hold; `B` is its body type.
pub struct When<B> {
    inner: httpmock::When,
    template: &'static str,
    body: PhantomData<fn(&B)>,
}

impl<B> std::fmt::Debug for When<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("When")
            .field("path", &self.template)
            .finish()
    }
}

impl<B> When<B> {
    pub(crate) fn new(inner: httpmock::When, template: &'static str) -> Self {
        let inner = if template.contains('{') {
            let mut pattern = String::new();
            for (i, segment) in template.split('/').enumerate() {
                if i > 0 {
                    pattern.push('/');
                }
                if segment.starts_with('{') {
                    pattern.push_str("[^/]+");
                } else {
                    pattern.push_str(&regex_escape(segment));
                }
            }
            inner.path_matches(format!("{pattern}$").as_str())
        } else {
            inner.path_suffix(template)
        };
        When {
            inner,
            template,
            body: PhantomData,
        }
    }

    fn map(self, f: impl FnOnce(httpmock::When) -> httpmock::When) -> Self {
        When {
            inner: f(self.inner),
            ..self
        }
    }

    /// The path parameters, in the order of the path template
    /// (`/files/{file_id}/content` with `["file-1"]`).
    pub fn path_params(self, values: &[&str]) -> Self {
        let mut values = values.iter();
        let path: Vec<String> = self
            .template
            .split('/')
            .map(|s| match s.starts_with('{') {
                true => values
                    .next()
                    .map_or_else(|| s.to_owned(), |v| (*v).to_owned()),
                false => s.to_owned(),
            })
            .collect();
        let path = path.join("/");
        self.map(|w| w.path_suffix(path))
    }

    /// A query parameter with this value.
    pub fn query_param(self, name: &str, value: &str) -> Self {
        self.map(|w| w.query_param(name, value))
    }

    /// A header with this value.
    pub fn header(self, name: &str, value: &str) -> Self {
        self.map(|w| w.header(name, value))
    }

    /// The underlying `httpmock::When`, for anything else.
    pub fn into_inner(self) -> httpmock::When {
        self.inner
    }
}

impl<B: Serialize> When<B> {
    /// The JSON body equals `body`.
    pub fn body(self, body: &B) -> Self {
        self.map(|w| w.json_body_obj(body))
    }

    /// The JSON body holds at least what `body` serializes to.
    pub fn body_includes(self, body: &B) -> Self {
        let partial = serde_json::to_string(body).unwrap_or_default();
        self.map(|w| w.json_body_includes(partial))
    }
}

impl When<Multipart> {
    /// The multipart body has a text part `name` with this value.
    pub fn part(self, name: &str, value: &str) -> Self {
        let needle = format!("name=\"{name}\"\r\n\r\n{value}\r\n");
        self.map(|w| w.body_includes(needle))
    }
}

/// The answer to the operation: `R` its success body, `C` its stream chunks.
pub struct Then<R, C> {
    inner: httpmock::Then,
    stream: Option<StreamInfo>,
    types: PhantomData<fn(&R, &C)>,
}

impl<R, C> std::fmt::Debug for Then<R, C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Then")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<R, C> Then<R, C> {
    pub(crate) fn new(inner: httpmock::Then, stream: Option<StreamInfo>) -> Self {
        Then {
            inner,
            stream,
            types: PhantomData,
        }
    }

    fn map(self, f: impl FnOnce(httpmock::Then) -> httpmock::Then) -> Self {
        Then {
            inner: f(self.inner),
            ..self
        }
    }

    /// The Z.AI error the mock server answers for `status`
    /// ([`crate::error_body`]: `429` → code `1302`).
    pub fn error(self, status: u16) -> Self {
        let body = crate::error::error_body(status);
        self.map(|t| {
            t.status(status)
                .header("content-type", "application/json")
                .json_body(body)
        })
    }

    /// A Z.AI error with this status, business code and message.
    pub fn api_error(self, status: u16, code: &str, message: &str) -> Self {
        let body = serde_json::json!({ "error": { "code": code, "message": message } });
        self.map(|t| {
            t.status(status)
                .header("content-type", "application/json")
                .json_body(body)
        })
    }

    /// The underlying `httpmock::Then`, for anything else (delays, headers).
    pub fn into_inner(self) -> httpmock::Then {
        self.inner
    }
}

impl<R: Serialize, C> Then<R, C> {
    /// `200` with `response` as JSON.
    pub fn ok(self, response: &R) -> Self {
        self.map(|t| {
            t.status(200)
                .header("content-type", "application/json")
                .json_body_obj(response)
        })
    }
}

impl<C> Then<Binary, C> {
    /// `200` with these bytes.
    pub fn bytes(self, content_type: &str, body: impl AsRef<[u8]>) -> Self {
        self.map(|t| {
            t.status(200)
                .header("content-type", content_type)
                .body(body)
        })
    }
}

impl<R, C: Serialize> Then<R, C> {
    /// `200` with `chunks` as server-sent events, then the operation's end
    /// marker (`data: [DONE]`), each event named by its `event-field` if it has one.
    pub fn stream(self, chunks: &[C]) -> Self {
        let info = self.stream.unwrap_or(StreamInfo {
            done: None,
            event_field: None,
        });
        let mut text = String::new();
        for chunk in chunks {
            let value = serde_json::to_value(chunk).unwrap_or_default();
            if let Some(event) = info.event_field.and_then(|f| value[f].as_str()) {
                text.push_str(&format!("event: {event}\n"));
            }
            text.push_str(&format!("data: {value}\n\n"));
        }
        if let Some(done) = info.done {
            text.push_str(&format!("data: {done}\n\n"));
        }
        self.map(|t| {
            t.status(200)
                .header("content-type", "text/event-stream")
                .body(text)
        })
    }
}

fn regex_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
