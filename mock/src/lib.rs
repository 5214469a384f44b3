//! A mock of the Z.AI (Zhipu GLM) HTTP API: a loopback HTTP server that answers
//! every operation of `spec/zai.yaml` with the spec's own examples, keeps state
//! per server like the service does, and validates requests against the spec —
//! a fake the official SDKs accept (`mock/conformance/sdk.py` runs the Python SDK
//! against it in CI).
//!
//! Nothing here knows an endpoint: build.rs converts the spec to JSON, and at
//! start-up the mock reads each operation's method, path, base, parameters,
//! request schema, success examples, `x-zai-stream` chunk examples, `x-zai-wait`
//! and `x-zai-mock` rules from it ([`operations`]), then serves:
//!
//! * the success example (`default`, or the one `x-zai-mock.when-equal` names
//!   for a body value — `response_format.type: json_object` → JSON content —, or
//!   `x-zai-mock.when-present` for a non-empty field, or the next of
//!   `x-zai-mock.sequence`); fields `x-zai-mock.omit-when` names are left out
//!   (`thinking.type: disabled` → no `reasoning_content`);
//! * **answers computed from the request**, by the shape of the answer: a plain
//!   question gets the example's answer opened by a quote of it (`You asked
//!   about "…".`, chat and Anthropic, whole or streamed); a chat completion calls the declared function that best matches the last user
//!   message (or the one `tool_choice` names; none for `"none"`), its arguments
//!   an instance of its `parameters` schema (enum values, formats, bounds, the
//!   names the question mentions), deterministic; with `tool_stream` the
//!   arguments stream in fragments; after tool results it answers quoting them;
//!   a `web_search` tool yields `web_search` results; JSON mode follows a schema
//!   in `response_format` or a system message. An Anthropic message does the
//!   same with `tool_use` blocks (`stop_reason: tool_use`, `input_json_delta`).
//!   Embeddings are one unit vector per input, `dimensions` long, from hashed
//!   words (related texts lie closer); rerank scores the documents sent (word
//!   overlap), honouring `top_n` and `return_documents`; the tokenizer counts
//!   the text sent;
//! * server-sent events when the JSON body has `"stream": true` (or a multipart
//!   part `stream=true`): the chunk examples, then the `done` payload. Usage is on
//!   the final chunk, with or without `stream_options.include_usage`, as the
//!   service sends it;
//! * **tasks**: an operation with `x-zai-wait: {poll, id}` (video, async image,
//!   async chat) hands out a fresh id; polling it goes through the poll
//!   operation's `sequence` on that task's own polls (`PROCESSING` → `SUCCESS`),
//!   finishing with the example `x-zai-mock.results` names for the operation that
//!   created it (`video_result`, `image_result`, `choices`);
//! * **stored resources**: a path `P` created by `POST P` with item operations at
//!   `P/{id}…` (files, batches) is a collection kept per server. Creating stores
//!   the answer with a fresh id, the request's values and an uploaded file's
//!   name, size and bytes; `GET P` lists them (newest first; `limit`, `after`,
//!   `order` and filters such as `purpose`); a non-JSON item operation returns the
//!   stored bytes; `DELETE` removes; another item action (`cancel`) lays its
//!   example's status over the item, and later retrievals the rest of its
//!   `sequence` (`cancelling`, then `cancelled`); an unknown id is a `404` in the Z.AI error
//!   shape. The list examples' items are there from the start. Enveloped
//!   collections (knowledge bases: `{data: {id}, code, message}`) store items
//!   shaped like their list's, list them in numbered pages (`page`, `size`,
//!   `data.total`) and take updates (`PUT`). Operations whose path does not show
//!   their collection say it in `x-zai-mock` (`collection`, `creates`, `owner`):
//!   knowledge-base documents (stored per uploaded file or URL, owned by their
//!   knowledge base, `embedding_stat` 1 then 2 over retrievals) and assistant
//!   conversations (started by assistant calls, listed by `POST`). Retrieving an
//!   item steps through its operation's `sequence` (a batch: `validating` →
//!   `in_progress` → `completed`); when a batch completes, the mock answers every
//!   line of its input file itself and stores the results as its output file
//!   (`{"custom_id", "response": {"status_code": 200, "body": …}}`) and error
//!   file (lines whose answer failed, e.g. `model: error-400`), so a
//!   `zai::BatchJob` runs end to end;
//! * **request validation**: a query or path parameter or a body (JSON, or the
//!   parts of a multipart one) that violates its schema in the spec gets `400`
//!   with code `1214` and a message naming the field path
//!   (`Invalid messages[0].role parameter (expected one of [...]). ...`);
//!   `null` for an optional field counts as absent, as the service reads the
//!   official Python SDK's explicit nulls; bounds the spec states (`minimum`,
//!   `maximum`, `minItems`, `maxLength`, ...) are checked too (`temperature: 5`,
//!   an empty `messages`);
//! * **the per-request knob** ([`KNOB_HEADER`], or [`MockBuilder::directives`]
//!   for every request; [`TRIGGERS`] lists them): `error=<status>` (also a
//!   `model` of `error-<status>`, e.g. `error-429`) gets that status and the Z.AI
//!   error body of `x-zai-mock.errors` (`429` → code `1302`, "Rate limit reached
//!   for requests"; see [`error_body`]); `delay=250ms` answers late;
//!   `chunk-delay=5ms` paces a stream; `fault=disconnect` closes the connection
//!   unanswered; `parallel-tool-calls` calls the chosen tool once per name the
//!   question mentions;
//! * **faults on demand**: a streaming request whose `model` is
//!   `fault-glued-frames` (or with `fault=glued-frames`) gets the default stream with Z.AI's concatenated-frame
//!   bug, twice: the second event's `data:` JSON is cut off mid-key (after
//!   `"role`) and the third event's `data: {…}` follows on the same line with no
//!   blank line between; the fourth is cut mid-value (after `"object":"chat.c`)
//!   and the fifth follows it the same way. The other events are intact, then
//!   `data: [DONE]`;
//! * `401` (code `1002`) unless an `Authorization` (or `x-api-key`) header holds
//!   something shaped like a key (`id.secret`) or a JWT, bare or after `Bearer`
//!   (in any case), checked before the body is read; `413` past the body cap
//!   (64 MiB by default); connections that send no headers within 10 s, or stay
//!   idle 30 s, are closed; `400` (code `1214`) for a JSON body that is not a JSON object;
//!   a Spring-style `404` for an unknown path; `405` with `Allow` for a known path
//!   under another method.
//!
//! Routes: every operation at its spec path from the server root, so a client
//! built with `.base_url(mock.url())` (or a tool reading every spec path relative
//! to one URL) reaches all; and at the real API's paths: `/api/paas/v4/<path>` and
//! `/api/coding/paas/v4/<path>` for `paas/v4` operations, `/api/<path>` for
//! every `x-zai-base: root` one (agents `/api/v1/agents`, Anthropic
//! `/api/anthropic/v1/messages`, and any family the spec adds), which are also
//! served under the `paas/v4` bases (`/api/paas/v4/v1/agents`, the form the
//! official SDKs use).
//!
//! GLM-Realtime (voice and video over WebSocket, `spec/realtime.yaml`) is the one
//! endpoint written by hand: `/api/paas/v4/realtime` (and `/realtime`) upgrades to a
//! realtime session; the crate's README describes it.
//!
//! With the `httpmock` feature, `zai_mock::httpmock::ZaiMocks` adds a typed expectation
//! for every operation to an `httpmock::MockServer`, for contract tests of your
//! own code.
//!
//! ```no_run
//! # async fn run() -> Result<(), zai::Error> {
//! use zai::types::{ChatCompletionRequest, ChatMessage};
//! let mock = zai_mock::MockServer::start().await;
//! let client = zai::Client::builder().api_key("mock.key").base_url(mock.url()).build()?;
//! let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Hi")]);
//! let reply = client.create_chat_completion(&request).await?;
//! # Ok(()) }
//! ```
#![warn(missing_docs)]

// Bottom up, each module uses only those before it here: spec, examples, error
// (the spec's table and canned bodies); knob (what a request asks of the mock);
// call (a request and its answer between layers); text, instance, tools, chat,
// anthropic, inputs (answers computed from what was sent); parse, route,
// validate, sse (reading a request, framing a stream); store (one server's
// state); adds (operations adding to a collection as they answer); batch
// (running a batch, given the function that answers one line);
// reply (choosing an answer); wire (hyper I/O and the server's own limits).
// httpmock stands apart, on error.
mod adds;
mod anthropic;
mod batch;
mod call;
mod chat;
mod error;
mod examples;
mod fill;
#[cfg(feature = "httpmock")]
pub mod httpmock;
mod inputs;
mod instance;
mod knob;
mod parse;
mod realtime;
mod reply;
mod route;
mod spec;
mod sse;
mod store;
mod text;
mod tools;
mod validate;
mod wire;

pub use error::error_body;
pub use spec::{Operation, Stream, operations, required_query};
pub use store::seeded_id;

use std::net::SocketAddr;
use std::time::Duration;

/// The request header whose comma-separated directives ask the mock for an
/// error, a delay, a fault or parallel tool calls (`error=429`, `delay=250ms`,
/// `chunk-delay=5ms`, `fault=glued-frames`, `fault=disconnect`,
/// `parallel-tool-calls`); mock/README.md lists them.
pub const KNOB_HEADER: &str = knob::HEADER;

/// Every trigger (header directive, `model`), request rule and limit of the
/// mock, as text for a command's help (`zai mock --help` shows it).
pub const TRIGGERS: &str = knob::TRIGGERS;

/// A running mock server on a loopback port; stops when dropped.
///
/// Runs on the Tokio runtime it was started from (any flavour).
#[derive(Debug)]
pub struct MockServer {
    addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

/// Options of a [`MockServer`] before it starts: its port, pacing, the
/// directives every request gets, and its own limits.
///
/// ```no_run
/// # async fn run() -> std::io::Result<()> {
/// use std::time::Duration;
/// let mock = zai_mock::MockServer::builder()
///     .directives("delay=200ms")          // every answer 200 ms late
///     .body_limit(1 << 20)                // 413 past 1 MiB
///     .idle_timeout(Duration::from_secs(5))
///     .start()
///     .await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Default)]
pub struct MockBuilder {
    port: u16,
    options: wire::Options,
}

impl MockBuilder {
    /// Listen on `127.0.0.1:port` (default `0`: any free port).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Pause between streamed events (default 10 ms).
    pub fn chunk_delay(mut self, delay: Duration) -> Self {
        self.options.chunk_delay = delay;
        self
    }

    /// Directives every request gets, as if each sent them in [`KNOB_HEADER`]
    /// first (its own directives win): `"delay=1s"` slows every operation,
    /// `"error=503"` fails every one.
    pub fn directives(mut self, directives: &str) -> Self {
        self.options.directives = directives.to_owned();
        self
    }

    /// The largest request body read (default 64 MiB); a larger one is answered
    /// `413` with a JSON error, before or while it is sent.
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.options.body_limit = bytes;
        self
    }

    /// Time a client has to send a request's headers (default 10 s).
    pub fn header_read_timeout(mut self, timeout: Duration) -> Self {
        self.options.header_read_timeout = timeout;
        self
    }

    /// A connection with nothing read or written and no request being answered
    /// for this long is closed, and so is one whose request body stalls this long
    /// (default 30 s).
    pub fn idle_timeout(mut self, timeout: Duration) -> Self {
        self.options.idle_timeout = timeout;
        self
    }

    /// Starts the mock.
    pub async fn start(self) -> std::io::Result<MockServer> {
        // Read the spec now, so a broken one fails here rather than in a request.
        spec::table();
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port)).await?;
        let addr = listener.local_addr()?;
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(wire::serve(listener, self.options, rx));
        Ok(MockServer {
            addr,
            shutdown: Some(tx),
        })
    }
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

    /// The options of a mock to start: see [`MockBuilder`].
    pub fn builder() -> MockBuilder {
        MockBuilder::default()
    }

    /// Starts a mock on `127.0.0.1:port` (`0`: any free port), pausing 10 ms
    /// between streamed events.
    pub async fn bind(port: u16) -> std::io::Result<MockServer> {
        MockServer::builder().port(port).start().await
    }

    /// Like [`MockServer::bind`], pausing `delay` between streamed events.
    pub async fn bind_with_delay(port: u16, delay: Duration) -> std::io::Result<MockServer> {
        MockServer::builder()
            .port(port)
            .chunk_delay(delay)
            .start()
            .await
    }

    /// `http://127.0.0.1:<port>`: give it to `zai::ClientBuilder::base_url`.
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
