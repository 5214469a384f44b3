//! The mock on the wire: accepting connections (backing off when descriptors run
//! out), closing slow and idle ones, reading each HTTP request into a [`Call`] —
//! key checked before the body is read, the body capped — and writing the
//! [`Reply`] out.

use crate::call::{Call, Reply};
use crate::error::error_body;
use crate::knob::{Fault, HEADER, Knob};
use crate::parse;
use crate::reply::process;
use crate::route::{allowed_methods, route};
use crate::sse;
use crate::store::State;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, StreamBody, combinators::BoxBody};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode, header};
use serde_json::Value;
use std::convert::Infallible;
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

type Body = BoxBody<Bytes, Infallible>;

/// How one server behaves beyond the spec (see `MockBuilder`).
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// Pause between streamed events.
    pub chunk_delay: Duration,
    /// Directives every request gets before its own `X-Zai-Mock` ones.
    pub directives: String,
    /// The largest request body read; a larger one is answered `413`.
    pub body_limit: usize,
    /// Time a client has to send a request's headers.
    pub header_read_timeout: Duration,
    /// A connection with nothing read or written and no request being answered
    /// for this long is closed; a request body stalling this long is too.
    pub idle_timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            chunk_delay: Duration::from_millis(10),
            directives: String::new(),
            body_limit: 64 << 20,
            header_read_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(30),
        }
    }
}

/// What every connection of one server shares.
struct Server {
    state: State,
    options: Options,
}

/// Serves HTTP/1 connections from `listener` with a fresh state, until
/// `shutdown` fires (or its sender is dropped).
pub(crate) async fn serve(
    listener: TcpListener,
    options: Options,
    mut shutdown: oneshot::Receiver<()>,
) {
    let server = Arc::new(Server {
        state: State::new(),
        options,
    });
    let mut backoff = Duration::ZERO;
    loop {
        let accepted = tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => accepted,
        };
        let socket = match accepted {
            Ok((socket, _)) => socket,
            Err(_) => {
                // Out of descriptors (or another transient failure): retrying at once
                // would spin; wait, longer each time up to a second.
                backoff = (backoff * 2).clamp(Duration::from_millis(5), Duration::from_secs(1));
                tokio::time::sleep(backoff).await;
                continue;
            }
        };
        backoff = Duration::ZERO;
        tokio::spawn(connection(server.clone(), socket));
    }
}

/// One connection, closed once it has been idle for the idle timeout.
async fn connection(server: Arc<Server>, socket: TcpStream) {
    let activity = Arc::new(Activity::new());
    let io = Tracked {
        inner: socket,
        activity: activity.clone(),
    };
    let service = {
        let (server, activity) = (server.clone(), activity.clone());
        hyper::service::service_fn(move |req| {
            let (server, activity) = (server.clone(), activity.clone());
            async move {
                if crate::realtime::serves(req.uri().path()) {
                    return Ok(crate::realtime::handle(req, server.options.chunk_delay));
                }
                activity.in_flight.fetch_add(1, Ordering::SeqCst);
                let response = handle(server, req).await;
                activity.in_flight.fetch_sub(1, Ordering::SeqCst);
                activity.touch();
                response
            }
        })
    };
    let options = &server.options;
    let mut conn = pin!(
        hyper::server::conn::http1::Builder::new()
            .timer(hyper_util::rt::TokioTimer::new())
            .header_read_timeout(options.header_read_timeout)
            .serve_connection(hyper_util::rt::TokioIo::new(io), service)
            .with_upgrades()
    );
    let idle = options.idle_timeout;
    loop {
        let wait = idle.saturating_sub(activity.idle_for());
        tokio::select! {
            _ = &mut conn => return,
            _ = tokio::time::sleep(wait.max(Duration::from_millis(5))) => {
                if activity.in_flight.load(Ordering::SeqCst) == 0 && activity.idle_for() >= idle {
                    return; // dropping the connection closes it
                }
            }
        }
    }
}

/// When a connection last read or wrote, and how many of its requests are
/// being answered.
struct Activity {
    start: Instant,
    last_ms: AtomicU64,
    in_flight: AtomicUsize,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            start: Instant::now(),
            last_ms: AtomicU64::new(0),
            in_flight: AtomicUsize::new(0),
        }
    }

    fn touch(&self) {
        let now = self.start.elapsed().as_millis() as u64;
        self.last_ms.store(now, Ordering::SeqCst);
    }

    fn idle_for(&self) -> Duration {
        let last = Duration::from_millis(self.last_ms.load(Ordering::SeqCst));
        self.start.elapsed().saturating_sub(last)
    }
}

/// A socket that records its reads and writes in its [`Activity`].
struct Tracked {
    inner: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Tracked {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.activity.touch();
        }
        polled
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, data);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// The `fault=disconnect` directive: the connection is closed unanswered.
#[derive(Debug)]
struct Disconnect;

impl std::fmt::Display for Disconnect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("closed on request (fault=disconnect)")
    }
}

impl std::error::Error for Disconnect {}

/// One request: routed (or `404`/`405`), checked for a key (`401`) before its
/// body is read (`413` past the cap, `400` for a JSON one that is no object),
/// delayed or faulted as its knob asks, then answered off the async workers.
async fn handle(server: Arc<Server>, req: Request<Incoming>) -> Result<Response<Body>, Disconnect> {
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let (op, params) = match route(&method, &path) {
        Ok((op, _, params)) => (op, params),
        Err(true) => {
            let mut response = error(StatusCode::METHOD_NOT_ALLOWED);
            if let Ok(allow) = allowed_methods(&path).parse() {
                response.headers_mut().insert(header::ALLOW, allow);
            }
            return Ok(response);
        }
        Err(false) => {
            // What Z.AI's gateway answers for an unknown path (Spring-style).
            let body = serde_json::json!({
                "timestamp": "2026-03-13T05:05:28.067+00:00",
                "status": 404,
                "error": "Not Found",
                "path": path,
            });
            return Ok(json(StatusCode::NOT_FOUND, &body));
        }
    };
    let query = req.uri().query().map(parse::query).unwrap_or_default();
    let headers = req.headers();
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &header::HeaderValue| v.to_str().ok())
    };
    let authorized = text(header::AUTHORIZATION.as_str())
        .or_else(|| text("x-api-key"))
        .is_some_and(parse::plausible_key);
    if !authorized {
        return Ok(closing(error(StatusCode::UNAUTHORIZED)));
    }
    let content_type = text(header::CONTENT_TYPE.as_str())
        .unwrap_or_default()
        .to_owned();
    let directives = format!(
        "{}, {}",
        server.options.directives,
        text(HEADER).unwrap_or_default()
    );
    let limit = server.options.body_limit;
    let declared = text(header::CONTENT_LENGTH.as_str()).and_then(|l| l.parse::<u64>().ok());
    if declared.is_some_and(|l| l > limit as u64) {
        return Ok(too_large(limit));
    }
    let body = match read_body(req.into_body(), limit, server.options.idle_timeout).await {
        Ok(body) => body,
        Err(status) if status == StatusCode::PAYLOAD_TOO_LARGE => return Ok(too_large(limit)),
        Err(status) => return Ok(closing(error(status))),
    };
    let Some((fields, files)) = parse::body(op.multipart, &content_type, &body) else {
        return Ok(error(StatusCode::BAD_REQUEST));
    };
    let knob = match Knob::read(Some(&directives), fields["model"].as_str()) {
        Ok(knob) => knob,
        Err(message) => {
            let mut body = error_body(400);
            body["error"]["message"] = Value::String(message);
            return Ok(json(StatusCode::BAD_REQUEST, &body));
        }
    };
    if let Some(delay) = knob.delay {
        tokio::time::sleep(delay).await;
    }
    if knob.fault == Some(Fault::Disconnect) {
        return Err(Disconnect);
    }
    let chunk_delay = knob.chunk_delay.unwrap_or(server.options.chunk_delay);
    let call = Call {
        params,
        query,
        fields,
        files,
        knob,
    };
    let streaming = matches!(&call.fields["stream"], Value::Bool(true))
        || call.fields["stream"].as_str() == Some("true");
    // Off the async workers: answering may take a while (a batch of 50,000
    // lines is answered when it completes), and other requests go on meanwhile.
    let reply =
        tokio::task::spawn_blocking(move || process(&server.state, op, &call, &path, streaming))
            .await;
    let Ok(reply) = reply else {
        return Ok(error(StatusCode::INTERNAL_SERVER_ERROR));
    };
    Ok(match reply {
        Reply::Json(status, value) => json(status, &value),
        Reply::Bytes(content_type, bytes) => {
            let mut response = Response::new(BodyExt::boxed(Full::new(bytes)));
            set_type(&mut response, &content_type);
            response
        }
        Reply::Events {
            stream,
            chunks,
            glued,
        } => {
            let frames = sse::paced(sse::events(stream, &chunks, glued), chunk_delay);
            let mut response = Response::new(BodyExt::boxed(StreamBody::new(frames)));
            set_type(&mut response, "text/event-stream;charset=UTF-8");
            response
        }
    })
}

/// The body, at most `limit` bytes, each part arriving within `stall`: else
/// `413`, `408`, or `400` for a broken one. Kept as its parts until complete, so
/// a body past the cap costs no more than the cap.
async fn read_body(mut body: Incoming, limit: usize, stall: Duration) -> Result<Bytes, StatusCode> {
    let mut parts: Vec<Bytes> = Vec::new();
    let mut size = 0;
    loop {
        let frame = match tokio::time::timeout(stall, body.frame()).await {
            Err(_) => return Err(StatusCode::REQUEST_TIMEOUT),
            Ok(None) => break,
            Ok(Some(Err(_))) => return Err(StatusCode::BAD_REQUEST),
            Ok(Some(Ok(frame))) => frame,
        };
        if let Ok(data) = frame.into_data() {
            size += data.len();
            if size > limit {
                return Err(StatusCode::PAYLOAD_TOO_LARGE);
            }
            parts.push(data);
        }
    }
    Ok(match parts.len() {
        1 => parts.remove(0),
        _ => Bytes::from(parts.concat()),
    })
}

/// `413` naming the cap; the connection closes, as the rest of the body is not read.
fn too_large(limit: usize) -> Response<Body> {
    let mut body = error_body(413);
    body["error"]["message"] = Value::String(format!("Request body larger than {limit} bytes"));
    closing(json(StatusCode::PAYLOAD_TOO_LARGE, &body))
}

/// `response` with `Connection: close`: what the client sent is not read on.
fn closing(mut response: Response<Body>) -> Response<Body> {
    response.headers_mut().insert(
        header::CONNECTION,
        header::HeaderValue::from_static("close"),
    );
    response
}

/// `status` with its Z.AI error body.
fn error(status: StatusCode) -> Response<Body> {
    json(status, &error_body(status.as_u16()))
}

/// A JSON body with `status`.
fn json(status: StatusCode, body: &Value) -> Response<Body> {
    let mut response = Response::new(BodyExt::boxed(Full::new(Bytes::from(body.to_string()))));
    *response.status_mut() = status;
    set_type(&mut response, "application/json");
    response
}

fn set_type(response: &mut Response<Body>, content_type: &str) {
    if let Ok(value) = content_type.parse() {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
}
