//! GLM-Realtime's WebSocket endpoint (`/api/paas/v4/realtime`, and `/realtime` from
//! the root): the handshake — auth before the upgrade, then hyper's upgrade — and
//! what a client controls per connection (faults, timers).
//!
//! A connection gets `session.created`, `conversation.created` and a `heartbeat`,
//! then answers each client event as the service does (see `conversation` and
//! `reply`); mock/README.md lists the behaviour, the query parameters and the
//! faults.

mod audio;
mod checks;
mod conversation;
mod reply;
mod session;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, combinators::BoxBody};
use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use std::convert::Infallible;
use std::time::Duration;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;
use tokio_tungstenite::tungstenite::protocol::{Role, WebSocketConfig};

type Body = BoxBody<Bytes, Infallible>;

/// Where the endpoint is: the real API's path, and the same from the server root
/// (a client given the mock's URL as its base joins `realtime` onto it).
const PATHS: [&str; 2] = ["/api/paas/v4/realtime", "/realtime"];
/// The largest client message (and frame) taken; a larger one closes the
/// connection with 1009 (message too big).
pub(crate) const MAX_MESSAGE: usize = 4 << 20;
/// `heartbeat` every 30 s, as the service sends it.
const HEARTBEAT: Duration = Duration::from_secs(30);
/// A connection with no client frame for this long is closed (1001).
const IDLE: Duration = Duration::from_secs(120);
/// Fault `slow-frames`: the pause between a response's events.
const SLOW: Duration = Duration::from_millis(250);

/// Whether a request path is the realtime endpoint's.
pub(crate) fn serves(path: &str) -> bool {
    PATHS.contains(&path)
}

/// A fault a client asks for: query `fault=<name>`, or `mock-fault:<name>` in the
/// session's instructions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Fault {
    /// `drop-mid-response`: halfway through each response the connection ends,
    /// without a close frame.
    DropMidResponse,
    /// `slow-frames`: 250 ms between a response's events.
    SlowFrames,
    /// `server-error`: each response fails: `error` (`server_error`), then
    /// `response.done` with status `failed`.
    ServerError,
}

impl Fault {
    fn named(name: &str) -> Option<Fault> {
        match name {
            "drop-mid-response" => Some(Fault::DropMidResponse),
            "slow-frames" => Some(Fault::SlowFrames),
            "server-error" => Some(Fault::ServerError),
            _ => None,
        }
    }

    /// The fault named by a `mock-fault:<name>` in instructions, if any.
    pub(crate) fn in_instructions(instructions: &str) -> Option<Fault> {
        let (_, rest) = instructions.split_once("mock-fault:")?;
        let name = rest
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .next()?;
        Fault::named(name)
    }
}

/// Ids unique within a connection: `<prefix>_<n>`.
#[derive(Default)]
pub(crate) struct Ids(u64);

impl Ids {
    pub(crate) fn next(&mut self, prefix: &str) -> String {
        self.0 += 1;
        format!("{prefix}_{}", self.0)
    }
}

/// What one connection does beyond the service's behaviour.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Options {
    fault: Option<Fault>,
    heartbeat: Duration,
    idle: Duration,
    /// The pause between a response's events (the server's streaming delay).
    pace: Duration,
}

impl Options {
    /// Reads `fault`, `heartbeat_ms` and `idle_ms` from a query (other parameters are
    /// ignored); the error names the bad one.
    fn from_query(query: &str, pace: Duration) -> Result<Options, String> {
        let mut options = Options {
            fault: None,
            heartbeat: HEARTBEAT,
            idle: IDLE,
            pace,
        };
        for (name, value) in query.split('&').filter_map(|pair| pair.split_once('=')) {
            let millis = || {
                value
                    .parse::<u64>()
                    .ok()
                    .filter(|&ms| ms > 0)
                    .map(Duration::from_millis)
                    .ok_or_else(|| format!("{name} must be a positive number of milliseconds"))
            };
            match name {
                "fault" => {
                    options.fault = Some(Fault::named(value).ok_or_else(|| {
                        format!("fault must be drop-mid-response, slow-frames or server-error, not '{value}'")
                    })?);
                }
                "heartbeat_ms" => options.heartbeat = millis()?,
                "idle_ms" => options.idle = millis()?,
                _ => {}
            }
        }
        Ok(options)
    }
}

/// Answers a request for the endpoint: 405 unless `GET`, 401 (the HTTP API's body)
/// without a plausible key, 426 unless a WebSocket upgrade, 400 for a bad mock
/// parameter; else 101, and the connection becomes a realtime session.
pub(crate) fn handle(mut req: Request<Incoming>, pace: Duration) -> Response<Body> {
    if req.method() != Method::GET {
        let mut response = json(
            StatusCode::METHOD_NOT_ALLOWED,
            crate::error::error_body(405),
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET"));
        return response;
    }
    let headers = req.headers();
    let authorized = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(crate::parse::plausible_key);
    if !authorized {
        return json(StatusCode::UNAUTHORIZED, crate::error::error_body(401));
    }
    let has = |name: header::HeaderName, token: &str| {
        headers.get_all(name).iter().any(|v| {
            v.to_str()
                .is_ok_and(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case(token)))
        })
    };
    let key = headers
        .get(header::SEC_WEBSOCKET_KEY)
        .map(|k| derive_accept_key(k.as_bytes()));
    let upgrade = has(header::UPGRADE, "websocket")
        && has(header::CONNECTION, "upgrade")
        && has(header::SEC_WEBSOCKET_VERSION, "13");
    let Some(accept) = key.filter(|_| upgrade) else {
        let mut response = json(StatusCode::UPGRADE_REQUIRED, crate::error::error_body(426));
        let headers = response.headers_mut();
        headers.insert(header::UPGRADE, HeaderValue::from_static("websocket"));
        headers.insert(
            header::SEC_WEBSOCKET_VERSION,
            HeaderValue::from_static("13"),
        );
        return response;
    };
    let options = match Options::from_query(req.uri().query().unwrap_or_default(), pace) {
        Ok(options) => options,
        Err(message) => {
            let mut body = crate::error::error_body(400);
            body["error"]["message"] = message.into();
            return json(StatusCode::BAD_REQUEST, body);
        }
    };
    let upgrading = hyper::upgrade::on(&mut req);
    tokio::spawn(async move {
        let Ok(upgraded) = upgrading.await else {
            return;
        };
        let config = WebSocketConfig::default()
            .max_message_size(Some(MAX_MESSAGE))
            .max_frame_size(Some(MAX_MESSAGE));
        let io = hyper_util::rt::TokioIo::new(upgraded);
        let ws = WebSocketStream::from_raw_socket(io, Role::Server, Some(config)).await;
        session::run(ws, options).await;
    });
    let mut response = Response::new(empty());
    *response.status_mut() = StatusCode::SWITCHING_PROTOCOLS;
    let headers = response.headers_mut();
    headers.insert(header::UPGRADE, HeaderValue::from_static("websocket"));
    headers.insert(header::CONNECTION, HeaderValue::from_static("Upgrade"));
    if let Ok(accept) = HeaderValue::from_str(&accept) {
        headers.insert(header::SEC_WEBSOCKET_ACCEPT, accept);
    }
    response
}

fn json(status: StatusCode, body: serde_json::Value) -> Response<Body> {
    let mut response = Response::new(Full::new(Bytes::from(body.to_string())).boxed());
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn empty() -> Body {
    Full::new(Bytes::new()).boxed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_come_from_the_query_or_the_instructions() {
        let options = Options::from_query("fault=slow-frames&idle_ms=50&x=1", Duration::ZERO);
        let options = options.expect("valid options");
        assert_eq!(options.fault, Some(Fault::SlowFrames));
        assert_eq!(options.idle, Duration::from_millis(50));
        assert_eq!(options.heartbeat, HEARTBEAT);
        let bad = Options::from_query("fault=explode", Duration::ZERO).map(|_| ());
        assert_eq!(
            bad,
            Err(
                "fault must be drop-mid-response, slow-frames or server-error, not 'explode'"
                    .into()
            )
        );
        let zero = Options::from_query("heartbeat_ms=0", Duration::ZERO).map(|_| ());
        assert_eq!(
            zero,
            Err("heartbeat_ms must be a positive number of milliseconds".into())
        );
        assert_eq!(
            Fault::in_instructions("Be brief. mock-fault:drop-mid-response, please"),
            Some(Fault::DropMidResponse)
        );
        assert_eq!(Fault::in_instructions("mock-fault:none"), None);
        assert_eq!(Fault::in_instructions("Be brief."), None);
    }
}
