//! Per-call options: retries, timeouts, stream limits, and the escape hatches for
//! what the spec does not know yet (extra headers, query parameters, body fields,
//! the raw answer).

use crate::runtime::request::RetrySafety;
#[allow(deprecated)]
use crate::runtime::response::{LastResponse, RawBody};
use crate::runtime::stream::fault::StreamFaultPolicy;
use serde_json::{Map, Value};
use std::time::Duration;

// Defined beside the decoder that enforces it, which needs nothing from here.
pub use crate::runtime::stream::decoder::DEFAULT_MAX_EVENT_SIZE;

/// Default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Default read timeout: the longest wait for the next bytes of a response. Long
/// enough for a slow reasoning model's first token; unlike a total timeout it never
/// cuts off a long but live response or stream.
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(300);

/// `User-Agent` sent by default.
pub const DEFAULT_USER_AGENT: &str = concat!("zai-rust/", env!("CARGO_PKG_VERSION"));

/// Default JWT lifetime, as the official Python SDK.
pub const DEFAULT_JWT_LIFETIME: Duration = Duration::from_secs(210);

/// Default age after which a cached JWT is replaced, as the official Python SDK.
pub const DEFAULT_JWT_RENEW_AFTER: Duration = Duration::from_secs(180);

/// Default cap on an answer body read whole: far above any real JSON answer,
/// far below what would exhaust memory.
pub const DEFAULT_MAX_BODY_SIZE: usize = 256 * 1024 * 1024;

/// Default largest number of calls in flight with the GLM Coding Plan base URL
/// (its keys allow only a few at once; others wait their turn): see
/// [`crate::ClientBuilder::max_in_flight`].
pub const DEFAULT_CODING_PLAN_MAX_IN_FLIGHT: usize = 2;

/// When and how often a call is retried. Defaults: 3 retries, backoff from
/// 500 ms doubling up to 8 s with full jitter, `Retry-After` (or
/// `retry-after-ms`) honoured up to 60 s, at most 120 s spent waiting and
/// sending across all attempts. Overloads (codes 1302, 1305) last minutes: they
/// are retried apart, as often as fits in 10 minutes, backoff doubling up to 60 s.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 disables retrying).
    pub max_retries: u32,
    /// First backoff ceiling; doubled per retry.
    pub initial_backoff: Duration,
    /// Largest backoff ceiling.
    pub max_backoff: Duration,
    /// Largest `Retry-After` honoured; longer ones are capped to this.
    pub max_retry_after: Duration,
    /// No retry starts once this much time has passed since the first attempt,
    /// nor one whose wait would end after it.
    pub budget: Duration,
    /// The same as `budget`, for overloads (codes 1302, 1305), which are
    /// retried whatever `max_retries` says (unless it is 0).
    pub overload_budget: Duration,
    /// Largest backoff ceiling between overload retries.
    pub overload_max_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
            budget: Duration::from_secs(120),
            overload_budget: Duration::from_secs(600),
            overload_max_backoff: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// For tests of code that calls Z.AI (against `zai-mock` or httpmock): the
    /// same decisions as the default, but waits of at most 10 ms and overloads
    /// retried for 100 ms (not ten minutes), so an error path costs milliseconds.
    pub fn for_tests() -> Self {
        RetryPolicy {
            initial_backoff: Duration::from_millis(1),
            max_backoff: Duration::from_millis(10),
            max_retry_after: Duration::from_millis(10),
            overload_max_backoff: Duration::from_millis(10),
            // Overloads are still retried, but not for the default ten minutes.
            overload_budget: Duration::from_millis(100),
            ..RetryPolicy::default()
        }
    }

    /// A policy that never retries.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            overload_budget: Duration::ZERO,
            ..RetryPolicy::default()
        }
    }
}

/// Per-call behaviour: retries, timeouts, limits. Set for a client with
/// [`crate::ClientBuilder::call_options`], or for some calls with [`crate::Client::with_options`].
///
/// A stalled stream is caught by the client's read timeout
/// ([`crate::ClientBuilder::read_timeout`]): no bytes for that long ends it with
/// [`crate::Error::Timeout`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CallOptions {
    /// When to retry (default [`RetryPolicy::default`]).
    pub retry: RetryPolicy,
    /// Limit on each attempt, until its response is received (default none).
    pub attempt_timeout: Option<Duration>,
    /// Limit on the whole call including retries and waits; for a stream, until
    /// the stream is open (default none).
    pub deadline: Option<Duration>,
    /// Limit from the call's start to the last byte of its stream or download
    /// ([`crate::Timeout::Deadline`]); bytes arriving, keep-alive comments
    /// included, do not extend it (default none).
    pub stream_deadline: Option<Duration>,
    /// The read timeout of this call, instead of the client's
    /// ([`crate::ClientBuilder::read_timeout`]).
    pub read_timeout: Option<Duration>,
    /// When a failed call may be resent, instead of its operation's own
    /// (`x-zai-retry` in the spec; see [`RetrySafety`]).
    pub retry_safety: Option<RetrySafety>,
    /// Largest server-sent event accepted (default
    /// [`DEFAULT_MAX_EVENT_SIZE`]); a larger one ends the stream
    /// with [`crate::StreamError::EventTooLarge`].
    pub max_event_size: usize,
    /// Largest answer body read whole (default [`DEFAULT_MAX_BODY_SIZE`]): a
    /// JSON answer or an error's body. A larger one is
    /// [`crate::Error::BodyTooLarge`]. Downloads ([`crate::ByteStream`]) and event
    /// streams are not read whole and have no such limit.
    pub max_body_size: usize,
    /// What a stream does with the service's concatenated-frame fault (default
    /// [`StreamFaultPolicy::Recover`]).
    pub stream_faults: StreamFaultPolicy,
    /// Headers added to each request, after the defaults and credentials (so
    /// they may replace them).
    pub extra_headers: Vec<(String, String)>,
    /// Query parameters appended to each request.
    pub extra_query: Vec<(String, String)>,
    /// Fields merged into each JSON body (replacing typed fields of the same
    /// name), or sent as text parts of a multipart body.
    pub extra_body: Map<String, Value>,
    /// Where the raw body of each JSON answer is kept.
    #[deprecated(note = "one record for concurrent calls; use `.with_response()` per call")]
    #[allow(deprecated)]
    pub raw_body: Option<RawBody>,
    /// Where the status, headers (and a JSON answer's body) of each success
    /// answer are kept: the last one of this client's calls.
    pub response: Option<LastResponse>,
}

impl Default for CallOptions {
    #[allow(deprecated)] // `raw_body` is still set.
    fn default() -> Self {
        CallOptions {
            retry: RetryPolicy::default(),
            attempt_timeout: None,
            deadline: None,
            stream_deadline: None,
            read_timeout: None,
            retry_safety: None,
            max_event_size: DEFAULT_MAX_EVENT_SIZE,
            max_body_size: DEFAULT_MAX_BODY_SIZE,
            stream_faults: StreamFaultPolicy::Recover,
            extra_headers: Vec::new(),
            extra_query: Vec::new(),
            extra_body: Map::new(),
            raw_body: None,
            response: None,
        }
    }
}

impl CallOptions {
    /// Sets the retry policy.
    pub fn retry(self, retry: RetryPolicy) -> Self {
        Self { retry, ..self }
    }

    /// Sets the per-attempt timeout.
    pub fn attempt_timeout(self, timeout: Duration) -> Self {
        Self {
            attempt_timeout: Some(timeout),
            ..self
        }
    }

    /// Sets the whole-call deadline.
    pub fn deadline(self, deadline: Duration) -> Self {
        Self {
            deadline: Some(deadline),
            ..self
        }
    }

    /// Sets the limit from the call's start to the end of its stream or download.
    pub fn stream_deadline(self, deadline: Duration) -> Self {
        Self {
            stream_deadline: Some(deadline),
            ..self
        }
    }

    /// Sets the read timeout of these calls.
    pub fn read_timeout(self, timeout: Duration) -> Self {
        Self {
            read_timeout: Some(timeout),
            ..self
        }
    }

    /// Sets when failed calls may be resent, whatever their operation's own
    /// policy, e.g. [`RetrySafety::Transient`] for a billed call the caller
    /// knows is safe to repeat.
    pub fn retry_safety(self, safety: RetrySafety) -> Self {
        Self {
            retry_safety: Some(safety),
            ..self
        }
    }

    /// Keeps the status, headers and request id of each success answer in
    /// `response`.
    pub fn keep_response(mut self, response: &LastResponse) -> Self {
        self.response = Some(response.clone());
        self
    }

    /// Sets the largest event a stream accepts, in bytes.
    pub fn max_event_size(self, bytes: usize) -> Self {
        Self {
            max_event_size: bytes,
            ..self
        }
    }

    /// Sets the largest answer body read whole, in bytes.
    pub fn max_body_size(self, bytes: usize) -> Self {
        Self {
            max_body_size: bytes,
            ..self
        }
    }

    /// Sets what streams do with the service's concatenated-frame fault.
    pub fn stream_faults(self, stream_faults: StreamFaultPolicy) -> Self {
        Self {
            stream_faults,
            ..self
        }
    }

    /// Adds a header to the requests, e.g. one the spec does not know yet.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra_headers.push((name.into(), value.into()));
        self
    }

    /// Adds a query parameter to the requests.
    pub fn query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra_query.push((name.into(), value.into()));
        self
    }

    /// Adds a field to the request bodies, e.g. a parameter the spec does not
    /// know yet: `o.body_field("new_param", json!(true))`.
    pub fn body_field(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.extra_body.insert(name.into(), value.into());
        self
    }

    /// Keeps the raw body of each JSON answer in `raw`, to read fields the typed
    /// answer does not have.
    #[deprecated(note = "concurrent calls overwrite one record; use `.with_response()` per call")]
    #[allow(deprecated)]
    pub fn keep_raw_body(mut self, raw: &RawBody) -> Self {
        self.raw_body = Some(raw.clone());
        self
    }
}
