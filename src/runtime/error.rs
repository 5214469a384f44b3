//! `zai::Error`: the one error type every call returns.

use bytes::Bytes;
use reqwest::StatusCode;
use std::fmt;
use std::sync::LazyLock;
use std::time::Duration;
use zai_types::types::BusinessCode;

/// Everything that can go wrong calling Z.AI.
///
/// Match on it directly, e.g.
/// `Err(Error::Api(ApiError { code: Some(BusinessCode::InsufficientBalance), .. }))`,
/// or ask: [`Error::is_rate_limited`], [`Error::is_quota_exhausted`],
/// [`Error::is_retryable`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with a non-success status, or sent an error object
    /// inside an event stream.
    #[error("{0}")]
    Api(ApiError),
    /// A timeout fired: which one, and after how long.
    #[error("timed out: {0}")]
    Timeout(Timeout),
    /// The connection failed or broke before a complete response arrived; the
    /// message names each cause (a reset, a response head too large, a refused
    /// redirect...).
    #[error("transport error: {}", causes(.0))]
    Transport(#[source] reqwest::Error),
    /// A call creating billed work (an operation marked `x-zai-retry: billed`, see
    /// [`crate::RetrySafety`]) failed after its request was sent: the service may
    /// have created the work, so the call was not resent. Look the work up (by
    /// `request_id` where the operation has one, or in its list) before sending
    /// it again; resending with the same `request_id` is refused by the service
    /// (code 1231) when the first one was taken.
    #[error(
        "outcome unknown: `{operation}` was sent, then {source}; the service may have created the work, so it was not resent. {}",
        match request_id {
            Some(id) => format!("Look it up by request_id `{id}` before sending it again (the same request_id is refused if the first was taken)."),
            None => "Check the operation's list (e.g. recent tasks, batches, jobs) before sending it again.".to_owned(),
        }
    )]
    OutcomeUnknown {
        /// The operation (the spec's operationId).
        operation: &'static str,
        /// The `request_id` sent (the caller's, or the one the client filled in).
        request_id: Option<String>,
        /// What happened after the request was sent.
        source: Box<Error>,
    },
    /// A success response whose body does not match the spec's schema. The raw
    /// body is kept.
    #[error("HTTP {status}: response body does not match the expected schema: {source}")]
    Decode {
        /// HTTP status of the response (200 for an event inside a stream).
        status: u16,
        /// The body (or event payload) that failed to parse, exactly as received.
        body: Bytes,
        /// The parser's complaint.
        #[source]
        source: serde_json::Error,
    },
    /// An answer's body is larger than the call accepts
    /// ([`crate::CallOptions::max_body_size`]): refused when its
    /// `Content-Length` says so, or once that many bytes arrived, and not kept.
    #[error(
        "HTTP {status}: the answer's body is larger than the {limit}-byte limit (CallOptions::max_body_size)"
    )]
    BodyTooLarge {
        /// HTTP status of the response.
        status: u16,
        /// The limit it passed, in bytes.
        limit: usize,
    },
    /// A success response that parsed but lacks what the call needs (e.g. a task
    /// id to poll).
    #[error("unexpected response: {0}")]
    UnexpectedResponse(String),
    /// An event stream broke its framing or ended too early.
    #[error("event stream error: {0}")]
    Stream(StreamError),
    /// An asynchronous task ended in a failure state.
    #[error("task failed ({status}){}", message.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
    TaskFailed {
        /// The failure state as sent (`FAIL`, `failed`, `expired`, ...).
        status: String,
        /// The server's explanation, when it gave one.
        message: Option<String>,
    },
    /// A structured answer (`Client::chat_json`, `Client::message_json`) that
    /// still does not parse as the asked type, or match its schema, after one
    /// repair round. The model's text is kept.
    #[error("the answer does not fit the asked type: {reason}")]
    Structured {
        /// The model's last answer, exactly as it wrote it.
        answer: String,
        /// Why it does not fit: JSON syntax, the schema, or the type.
        reason: String,
    },
    /// The request could not be built (bad argument).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// The client could not be configured (missing key, bad base URL, ...).
    #[error("configuration error: {0}")]
    Config(String),
    /// A WebSocket connection (GLM-Realtime) could not be opened or broke.
    #[error("connection error: {0}")]
    Connection(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A local file could not be read or written: a file to upload, or a batch
    /// job's state or work files.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
}

/// Which timeout fired.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Timeout {
    /// Connecting took longer than the connect timeout (when known: `None` with
    /// your own `reqwest::Client`).
    Connect(Option<Duration>),
    /// No bytes arrived for the read timeout, before or during the body or stream.
    Read(Option<Duration>),
    /// One attempt took longer than [`crate::CallOptions::attempt_timeout`].
    Attempt(Duration),
    /// The whole call took longer than [`crate::CallOptions::deadline`].
    Deadline(Duration),
    /// An asynchronous task was still running when [`crate::PollOptions::timeout`]
    /// passed.
    Task {
        /// The poll timeout.
        after: Duration,
        /// Polls made.
        polls: u32,
        /// The task's last state, when it sent one.
        status: Option<String>,
    },
}

impl fmt::Display for Timeout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = |d: &Option<Duration>| {
            d.map(|d| format!(" ({} ms)", d.as_millis()))
                .unwrap_or_default()
        };
        match self {
            Timeout::Connect(d) => write!(f, "connect timeout{}", secs(d)),
            Timeout::Read(d) => write!(f, "read timeout: no data received{}", secs(d)),
            Timeout::Attempt(d) => write!(f, "attempt timeout ({} ms)", d.as_millis()),
            Timeout::Deadline(d) => write!(f, "call deadline of {} ms exceeded", d.as_millis()),
            Timeout::Task {
                after,
                polls,
                status,
            } => write!(
                f,
                "task still `{}` after {} s ({polls} polls)",
                status.as_deref().unwrap_or("<no status>"),
                after.as_secs()
            ),
        }
    }
}

/// A non-success answer from the API, with everything the server said. The
/// fields to match on are inline; the rest is in [`ApiError::detail`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ApiError {
    /// HTTP status; 200 for an error object received inside an event stream.
    pub status: StatusCode,
    /// Z.AI business code, when the body had one (numbers accepted too).
    pub code: Option<BusinessCode>,
    /// The server's message, or a summary of a body that was not Z.AI JSON.
    pub message: String,
    /// Request id, `Retry-After`, content-filter verdicts and the raw body.
    pub detail: Box<ApiErrorDetail>,
}

/// The rest of an [`ApiError`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ApiErrorDetail {
    /// `x-request-id` / `request_id` when the server sent one.
    pub request_id: Option<String>,
    /// `Retry-After` header, as sent.
    pub retry_after: Option<String>,
    /// `contentFilter` verdicts sent beside a content-policy error.
    pub content_filter: Vec<zai_types::types::ContentFilter>,
    /// The raw body, always kept (it may be HTML from a proxy, or empty).
    pub body: Bytes,
}

/// How an event stream failed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StreamError {
    /// The connection closed before `[DONE]` or a final chunk.
    Incomplete,
    /// One event exceeded the configured maximum size (bytes).
    EventTooLarge(usize),
    /// An event line was not valid UTF-8.
    InvalidUtf8,
    /// The server closed the WebSocket with a code other than normal closure.
    Closed {
        /// The close code (e.g. 1001 going away, 1009 message too big).
        code: u16,
        /// The server's reason, possibly empty.
        reason: String,
    },
}

impl fmt::Display for StreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StreamError::Incomplete => f.write_str("stream ended before its final event"),
            StreamError::EventTooLarge(max) => write!(f, "event larger than {max} bytes"),
            StreamError::InvalidUtf8 => f.write_str("event is not valid UTF-8"),
            StreamError::Closed { code, reason } => {
                write!(f, "the server closed the connection ({code}: {reason})")
            }
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}", self.status.as_u16())?;
        if let Some(code) = &self.code {
            write!(f, ", code {code}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl Error {
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(api) => Some(api.status),
            Error::Decode { status, .. } | Error::BodyTooLarge { status, .. } => {
                StatusCode::from_u16(*status).ok()
            }
            Error::Transport(e) => e.status(),
            Error::OutcomeUnknown { source, .. } => source.status(),
            _ => None,
        }
    }

    /// The Z.AI business code, when the server sent one.
    pub fn code(&self) -> Option<&BusinessCode> {
        self.api().and_then(|api| api.code.as_ref())
    }

    /// The API error, when the server answered with one.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(api) => Some(api),
            Error::OutcomeUnknown { source, .. } => source.api(),
            _ => None,
        }
    }

    /// Too many requests for now: HTTP 429 or a concurrency, frequency or rate
    /// limit code — waiting helps. Quota and balance codes are not.
    pub fn is_rate_limited(&self) -> bool {
        use BusinessCode::*;
        match self.code() {
            Some(ConcurrencyLimit | FrequencyLimit | RateLimited) => true,
            Some(_) if self.is_quota_exhausted() => false,
            _ => self.status() == Some(StatusCode::TOO_MANY_REQUESTS),
        }
    }

    /// A balance, daily, plan or usage allowance is used up: waiting seconds
    /// does not help (1113, 1304, 1308, 1309, 1310).
    pub fn is_quota_exhausted(&self) -> bool {
        use BusinessCode::*;
        matches!(
            self.code(),
            Some(
                InsufficientBalance
                    | DailyLimit
                    | UsageLimitReached
                    | PlanExpired
                    | PeriodLimitReached
            )
        )
    }

    /// Whether the error is of a kind the client's retry loop retries: a
    /// transient status or code, a connection failure, a timeout. Whether a
    /// given call was retried also depends on its policy and budget, on an
    /// `x-should-retry` header, and on the answer not having started (a read
    /// timeout in a success body or a stream is not retried).
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api(api) => retryable(api.status, api.code.as_ref()),
            Error::Transport(e) => is_retryable_transport(e),
            Error::Connection(_) => true,
            Error::Timeout(Timeout::Connect(_) | Timeout::Read(_) | Timeout::Attempt(_)) => true,
            Error::OutcomeUnknown { .. } => false,
            _ => false,
        }
    }

    /// Whether the service may have acted on the request this error ended: it
    /// was sent, and no answer says it was refused (a rate limit or overload
    /// code, a 4xx). Billed calls are resent only when this is false.
    pub(crate) fn maybe_processed(&self) -> bool {
        match self {
            Error::Transport(e) => !e.is_connect(),
            Error::Timeout(timeout) => !matches!(timeout, Timeout::Connect(_)),
            Error::Api(api) => {
                use BusinessCode::*;
                let refused = matches!(
                    api.code,
                    Some(ConcurrencyLimit | FrequencyLimit | RateLimited)
                );
                api.status.is_server_error() && !refused
            }
            Error::Decode { .. } | Error::BodyTooLarge { .. } | Error::Stream(_) => true,
            Error::UnexpectedResponse(_) => true,
            _ => false,
        }
    }

    /// An I/O failure on the local file `path`.
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_owned(),
            source,
        }
    }

    /// A transport failure, or the timeout it stands for.
    pub(crate) fn transport(e: reqwest::Error, timeouts: Timeouts) -> Self {
        match (e.is_timeout(), e.is_connect()) {
            (true, true) => Error::Timeout(Timeout::Connect(timeouts.connect)),
            (true, false) => Error::Timeout(Timeout::Read(timeouts.read)),
            _ => Error::Transport(e),
        }
    }
}

/// Whether an error answer may succeed on a later attempt: a transient status,
/// unless Z.AI's business code describes a state a retry cannot change (quota
/// 1113/1308–1310, account 1110–1121, policy 1301, validation 12xx).
pub(crate) fn retryable(status: StatusCode, code: Option<&BusinessCode>) -> bool {
    use BusinessCode::*;
    let transient = matches!(status.as_u16(), 408 | 429 | 500 | 502 | 503 | 504);
    match code {
        _ if !transient => false,
        Some(ConcurrencyLimit | FrequencyLimit | RateLimited | ApiProcessError | NetworkError) => {
            true
        }
        Some(code) => {
            let code = code.as_str();
            !(code.len() == 4 && code.starts_with('1'))
        }
        None => true,
    }
}

/// The overload codes (1302 concurrency, 1305 rate limit): retried within
/// [`crate::RetryPolicy::overload_budget`], for minutes rather than seconds.
pub(crate) fn is_overload(code: Option<&BusinessCode>) -> bool {
    matches!(
        code,
        Some(BusinessCode::ConcurrencyLimit | BusinessCode::RateLimited)
    )
}

/// Whether a transport error happened before any response, so that resending is safe
/// from the response's point of view: not once a response head arrived, even
/// one hyper could not parse (too large, malformed).
pub(crate) fn is_retryable_transport(e: &reqwest::Error) -> bool {
    let head_arrived = sources(e)
        .filter_map(|s| s.downcast_ref::<hyper::Error>())
        .any(hyper::Error::is_parse);
    !head_arrived
        && (e.is_connect() || e.is_timeout() || (e.is_request() && !e.is_body() && !e.is_decode()))
}

/// An error and its sources, outermost first.
fn sources(e: &reqwest::Error) -> impl Iterator<Item = &(dyn std::error::Error + 'static)> {
    std::iter::successors(Some(e as &dyn std::error::Error), |e| e.source())
}

/// reqwest's message and each of its causes ("error decoding response body:
/// connection reset by peer"): reqwest's own message alone hides what happened.
fn causes(e: &reqwest::Error) -> String {
    let mut text = String::new();
    for cause in sources(e) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&cause);
        }
    }
    text
}

/// A tool call's arguments that do not parse ([`zai_types::types::ToolCall::parse_arguments`])
/// are a [`Error::Decode`] of the arguments' text, as if the server had sent it.
#[cfg(feature = "chat")]
impl From<zai_types::ArgumentsError> for Error {
    fn from(e: zai_types::ArgumentsError) -> Self {
        Error::Decode {
            status: 200,
            body: Bytes::from(e.arguments),
            source: e.source,
        }
    }
}

/// The client's connect and read timeouts, to name them when one fires (`None`
/// with a caller's own `reqwest::Client`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Timeouts {
    pub connect: Option<Duration>,
    pub read: Option<Duration>,
}

impl ApiError {
    /// `x-request-id` / `request_id` when the server sent one.
    pub fn request_id(&self) -> Option<&str> {
        self.detail.request_id.as_deref()
    }

    /// The raw body, as received.
    pub fn body(&self) -> &Bytes {
        &self.detail.body
    }
}

impl ApiError {
    /// Builds the error from a status, headers and raw body, whatever the body is:
    /// Z.AI's `{"error":{code,message}}` (code as string or number), a
    /// gateway's `{"error":"Not Found","path":...}`, `{"code","message"}` or
    /// `{"msg"}` shapes, HTML, or nothing.
    pub fn parse(status: StatusCode, headers: &reqwest::header::HeaderMap, body: Bytes) -> Self {
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let json: Option<serde_json::Value> = serde_json::from_slice(&body).ok();
        let field = |v: Option<&serde_json::Value>| -> Option<String> {
            match v? {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            }
        };
        let (code, message, request_id, content_filter) = match &json {
            Some(serde_json::Value::Object(top)) => {
                let inner = top.get("error").and_then(|e| e.as_object());
                let code = field(inner.and_then(|e| e.get("code")).or(top.get("code")));
                let message = field(inner.and_then(|e| e.get("message")))
                    .or_else(|| field(top.get("message")))
                    .or_else(|| field(top.get("msg")))
                    .or_else(|| {
                        let reason = field(top.get("error"))?;
                        Some(match field(top.get("path")) {
                            Some(path) => format!("{reason} ({path})"),
                            None => reason,
                        })
                    });
                let filter = top
                    .get("contentFilter")
                    .and_then(|f| serde_json::from_value(f.clone()).ok())
                    .unwrap_or_default();
                (code, message, field(top.get("request_id")), filter)
            }
            _ => (None, None, None, Vec::new()),
        };
        let message = message.unwrap_or_else(|| summarize(status, &body));
        ApiError {
            status,
            code: code.map(|c| BusinessCode::from(c.as_str())),
            message,
            detail: Box::new(ApiErrorDetail {
                request_id: request_id.or_else(|| header("x-request-id")),
                retry_after: header("retry-after"),
                content_filter,
                body,
            }),
        }
    }
}

/// The non-null top-level `error` of a JSON object (the last, if the key
/// repeats): how the service reports an error inside a success answer or an
/// event. A prebuilt searcher skips the parse of text without `"error"` (inside
/// JSON strings its quotes are escaped): per event, no slower than watching the
/// typed parse for the key (docs/performance.md).
pub(crate) fn top_level_error(text: &[u8]) -> Option<serde_json::Value> {
    static ERROR: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"\"error\""));
    ERROR.find(text)?;
    match serde_json::from_slice(text) {
        Ok(serde_json::Value::Object(mut top)) => top.remove("error").filter(|e| !e.is_null()),
        _ => None,
    }
}

/// A one-line message for a body that is not Z.AI JSON. The full body stays in
/// [`ApiErrorDetail::body`].
fn summarize(status: StatusCode, body: &[u8]) -> String {
    let reason = status.canonical_reason().unwrap_or("error").to_owned();
    let text = String::from_utf8_lossy(body);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return reason;
    }
    const SHOWN: usize = 200;
    match text.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{reason}: {}… ({} bytes in body)", &text[..cut], body.len()),
        None => format!("{reason}: {text}"),
    }
}
