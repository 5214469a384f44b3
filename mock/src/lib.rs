//! A mock of the Z.AI (Zhipu GLM) HTTP API: a loopback HTTP server that answers
//! every operation of `spec/zai.yaml` with the spec's own examples.
//!
//! Nothing here knows an endpoint: build.rs converts the spec to JSON, and at
//! start-up the mock reads each operation's method, path, base, success examples,
//! `x-zai-stream` chunk examples and `x-zai-mock` rules from it ([`operations`]),
//! then serves:
//!
//! * the success example (`default`, or the one `x-zai-mock.when-present` names
//!   when the request body has that field, e.g. `tools` → `tool_call`; or the next
//!   of `x-zai-mock.sequence` for the same path, e.g. a task going
//!   `PROCESSING` → `SUCCESS` over polls);
//! * server-sent events when the JSON body has `"stream": true` (or a multipart
//!   part `stream=true`): the chunk examples, then the `done` payload;
//! * errors on demand: a request whose `model` is `error-<status>` (e.g.
//!   `error-429`) gets that status and the Z.AI error body of
//!   `x-zai-mock.errors` (`429` → code `1302`, "Rate limit reached for requests";
//!   see [`error_body`]);
//! * `401` (code `1002`) unless an `Authorization` (or `x-api-key`) header holds
//!   something shaped like a key (`id.secret`) or a JWT, bare or after `Bearer`
//!   (in any case); `400` (code `1214`) for a JSON body that is not a JSON object;
//!   a Spring-style `404` for an unknown path; `405` with `Allow` for a known path
//!   under another method.
//!
//! Routes: every operation at its spec path from the server root, so a client
//! built with `.base_url(mock.url())` (or a tool reading every spec path relative
//! to one URL) reaches all; and at the real API's paths: `/api/paas/v4/<path>` and
//! `/api/coding/paas/v4/<path>` for `paas/v4` operations, `/api/<path>` for
//! `x-zai-base: root` ones (agents `/api/v1/agents`, Anthropic
//! `/api/anthropic/v1/messages`), which are also served under the `paas/v4` bases
//! (`/api/paas/v4/v1/agents`, the form the official SDKs use).
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

mod answer;
mod spec;

pub use answer::error_body;
pub use spec::{Operation, Stream, operations};

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// A running mock server on a loopback port; stops when dropped.
///
/// Runs on the Tokio runtime it was started from (any flavour).
#[derive(Debug)]
pub struct MockServer {
    addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
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

    /// Starts a mock on `127.0.0.1:port` (`0`: any free port), pausing 10 ms
    /// between streamed events.
    pub async fn bind(port: u16) -> std::io::Result<MockServer> {
        Self::bind_with_delay(port, Duration::from_millis(10)).await
    }

    /// Like [`MockServer::bind`], pausing `delay` between streamed events.
    pub async fn bind_with_delay(port: u16, delay: Duration) -> std::io::Result<MockServer> {
        // Read the spec now, so a broken one fails here rather than in a request.
        spec::table();
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        let addr = listener.local_addr()?;
        let (tx, mut rx) = tokio::sync::oneshot::channel::<()>();
        let state = Arc::new(answer::State::new(delay));
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
                        async move { Ok::<_, Infallible>(answer::handle(&state, req).await) }
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
