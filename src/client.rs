//! `zai::Client`: configuration, and the one request path every operation takes
//! ([`Client::execute`]): routing, default headers, credentials, retries,
//! timeouts, the tracing span and the metrics hook, whatever the body (JSON,
//! multipart, none) and whatever the answer (JSON, bytes, an event stream).

use crate::auth::Auth;
use crate::error::{Error, Failure, Timeout, Timeouts};
use crate::observe::{CallRecord, Metrics, RetryRecord};
use crate::options::CallOptions;
use crate::read_timer::ReadTimer;
use crate::retry;
use crate::sse::{EventStream, StreamChunk};
use crate::{BaseUrl, ByteStream, generated};
use bytes::Bytes;
use reqwest::header::{
    ACCEPT, ACCEPT_LANGUAGE, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, USER_AGENT,
};
use std::borrow::Cow;
use std::sync::{Arc, LazyLock};
use std::{fmt, future::Future, time::Duration, time::Instant};
use tracing::Instrument as _;

/// Default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default read timeout: the longest wait for the next bytes of a response. Long
/// enough for a slow reasoning model's first token; unlike a total timeout it never
/// cuts off a long but live response or stream.
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(300);

impl<S: Into<String>> From<S> for BaseUrl {
    fn from(url: S) -> Self {
        BaseUrl::Custom(url.into())
    }
}

/// A Z.AI API client. Cheap to clone; clones share connections and credentials.
///
/// Every operation in spec/zai.yaml is a method (generated) returning a `Send`
/// future of `Result<T, zai::Error>`: call it and `.await` it as an `async fn`.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

/// What every request of a client shares.
#[derive(Clone)]
struct Inner {
    http: reqwest::Client,
    /// The `paas/v4` base URL, without a trailing slash.
    base: String,
    /// The API root, for `x-zai-base: root` operations.
    root: String,
    auth: Arc<Auth>,
    headers: Arc<HeaderMap>,
    options: CallOptions,
    metrics: Option<Arc<dyn Metrics>>,
    timeouts: Timeouts,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        f.debug_struct("Client")
            .field("base_url", &inner.base)
            .field("root_url", &inner.root)
            .field("auth", &inner.auth)
            .field("headers", &inner.headers.keys().collect::<Vec<_>>())
            .field("options", &inner.options)
            .finish_non_exhaustive()
    }
}

/// One operation of spec/zai.yaml, as listed in [`crate::OPERATIONS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operation {
    /// The spec's `operationId`.
    pub id: &'static str,
    /// HTTP method, upper case.
    pub method: &'static str,
    /// Path relative to the operation's base URL.
    pub path: &'static str,
    /// Name of the `Client` method calling it.
    pub rust_method: &'static str,
    /// `x-zai-base`: served from another base than `paas/v4`.
    pub base: Option<&'static str>,
    /// `x-zai-auth`: credentials sent otherwise than as `Authorization: Bearer`;
    /// `raw-key` sends the API key itself (the GLM Coding Plan monitor).
    pub auth: Option<&'static str>,
    /// Sent as multipart/form-data.
    pub multipart: bool,
    /// Also has a `*_stream` method.
    pub stream: bool,
}

/// Builds a [`Client`]; see [`Client::builder`].
pub struct ClientBuilder {
    auth: Option<Result<Auth, Error>>,
    base_url: Option<BaseUrl>,
    root_url: Option<String>,
    http: Option<reqwest::Client>,
    /// The default headers, or the first header that could not be made one.
    headers: Result<HeaderMap, Error>,
    connect_timeout: Option<Duration>,
    read_timeout: Option<Duration>,
    allow_insecure_http: bool,
    options: CallOptions,
    metrics: Option<Arc<dyn Metrics>>,
}

/// `User-Agent` sent by default.
pub const DEFAULT_USER_AGENT: &str = concat!("zai-rust/", env!("CARGO_PKG_VERSION"));

impl Default for ClientBuilder {
    /// No key yet; the `User-Agent` header [`DEFAULT_USER_AGENT`].
    fn default() -> Self {
        let mut headers = HeaderMap::new();
        headers.insert(USER_AGENT, HeaderValue::from_static(DEFAULT_USER_AGENT));
        ClientBuilder {
            auth: None,
            base_url: None,
            root_url: None,
            http: None,
            headers: Ok(headers),
            connect_timeout: None,
            read_timeout: None,
            allow_insecure_http: false,
            options: CallOptions::default(),
            metrics: None,
        }
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("auth", &self.auth)
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A builder; at least an API key is needed.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from the environment: `ZAI_API_KEY` (required) and
    /// `ZAI_BASE_URL` (default [`BaseUrl::General`]).
    pub fn from_env() -> Result<Self, Error> {
        let key = std::env::var("ZAI_API_KEY")
            .map_err(|_| Error::Config("ZAI_API_KEY is not set".into()))?;
        let mut builder = Client::builder().api_key(key);
        if let Ok(url) = std::env::var("ZAI_BASE_URL") {
            builder = builder.base_url(url);
        }
        builder.build()
    }

    /// The `paas/v4` base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.inner.base
    }

    /// A client sharing this one's connections and credentials, with other call
    /// options, e.g. `client.with_options(|o| o.retry(RetryPolicy::none()))`.
    pub fn with_options(&self, change: impl FnOnce(CallOptions) -> CallOptions) -> Client {
        let mut inner = self.inner.as_ref().clone();
        inner.options = change(inner.options);
        Client {
            inner: Arc::new(inner),
        }
    }

    /// The options calls of this client run with.
    pub fn options(&self) -> &CallOptions {
        &self.inner.options
    }

    // The `send_*` methods and the generated methods calling them are plain,
    // inlined functions returning `execute`'s future: each `async fn` layer on
    // top, or a call returning the future by value, would be one more copy of the
    // whole nested future per call. A request that could not be built reaches
    // `execute` as an error and is returned when awaited.

    /// Sends a request and decodes its JSON answer.
    #[inline]
    pub(crate) fn send_json<T: serde::de::DeserializeOwned + Send>(
        &self,
        request: Result<Request<'_>, Error>,
    ) -> impl Future<Output = Result<T, Error>> + Send {
        self.execute(
            request,
            Some("application/json"),
            move |response, mut timer| async move {
                let status = response.status().as_u16();
                let body = timer
                    .read_body(response, self.inner.options.max_body_size)
                    .await?;
                if let Some(raw) = &self.inner.options.raw_body {
                    raw.keep(&body);
                }
                Ok((status, body))
            },
            |(status, body)| crate::answer::decode_json(status, body),
        )
    }

    /// Sends a request whose answer is raw bytes (a file, audio).
    #[inline]
    pub(crate) fn send_bytes(
        &self,
        request: Result<Request<'_>, Error>,
    ) -> impl Future<Output = Result<ByteStream, Error>> + Send {
        // As the official SDK asks for downloads.
        self.execute(
            request,
            Some("application/binary"),
            move |response, timer| async move { Ok(ByteStream::new(response, timer)) },
            Ok,
        )
    }

    /// Sends a request whose answer is a stream of server-sent events.
    #[inline]
    pub(crate) fn send_stream<T: StreamChunk>(
        &self,
        request: Result<Request<'_>, Error>,
    ) -> impl Future<Output = Result<EventStream<T>, Error>> + Send {
        let inner = &*self.inner;
        let operation = request.as_ref().map_or("", |r| r.operation.id);
        self.execute(
            request,
            Some("text/event-stream"),
            move |response, timer| async move {
                // A JSON answer where events were asked for holds no `data:`
                // lines: it is an error object, judged and kept like a failed
                // status's (or a summary of whatever else it is).
                let content_type = response.headers().get(CONTENT_TYPE);
                if content_type
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(is_json)
                {
                    return Err(Failure::Response(Box::new(response), timer));
                }
                Ok(EventStream::new(response.bytes_stream())
                    .with_max_event_size(inner.options.max_event_size)
                    .with_fault_policy(inner.options.stream_faults)
                    .observed(operation, inner.metrics.clone(), timer))
            },
            Ok,
        )
    }

    /// The one request path: every attempt of every call is built and sent here,
    /// inside the retry loop, the deadline, the tracing span and the metrics hook.
    /// `read` takes a success response (its body read within the attempt's
    /// read timer); `finish` turns what it read into the call's value once,
    /// after the retries (a large value is not carried through every layer).
    async fn execute<R, T, F, Fut>(
        &self,
        request: Result<Request<'_>, Error>,
        accept: Option<&'static str>,
        read: F,
        finish: impl FnOnce(R) -> Result<T, Error>,
    ) -> Result<T, Error>
    where
        F: Fn(reqwest::Response, ReadTimer) -> Fut,
        Fut: Future<Output = Result<R, Failure>>,
    {
        let request = request?;
        let inner = &*self.inner;
        let operation = request.operation.id;
        let span = tracing::info_span!(
            "zai.call",
            operation,
            attempts = tracing::field::Empty,
            status = tracing::field::Empty,
            code = tracing::field::Empty,
            request_id = tracing::field::Empty,
            latency_ms = tracing::field::Empty,
        );
        let started = Instant::now();
        let on_retry = |record: &RetryRecord<'_>| {
            tracing::debug!(
                attempt = record.attempt,
                delay_ms = record.delay.as_millis() as u64,
                status = record.status,
                code = record.code.map(crate::types::BusinessCode::as_str),
                "retrying"
            );
            if let Some(metrics) = &inner.metrics {
                metrics.retry_scheduled(record);
            }
        };
        let attempt = || async {
            let http_request = self.build(&request, accept)?;
            let mut timer = ReadTimer::start(inner.timeouts);
            let response = timer
                .guard(inner.http.execute(http_request))
                .await
                .map_err(Failure::Timeout)?
                .map_err(Failure::Transport)?;
            if !response.status().is_success() {
                return Err(Failure::Response(Box::new(response), timer));
            }
            read(response, timer).await
        };
        let options = &inner.options;
        let attempts = retry::run(
            options,
            inner.timeouts,
            started,
            on_retry,
            operation,
            attempt,
        );
        // A span no subscriber wants is not entered on every poll nor recorded
        // into: with tracing's `log` fallback on, each of those costs.
        let traced = !span.is_disabled();
        let expired = |deadline| (Err(Error::Timeout(Timeout::Deadline(deadline))), 0);
        // The deadline's paths are boxed: rarely taken, they would otherwise
        // size every call's future.
        let (result, attempts) = match (options.deadline, traced) {
            (Some(deadline), true) => Box::pin(tokio::time::timeout(deadline, attempts))
                .instrument(span.clone())
                .await
                .unwrap_or_else(|_| expired(deadline)),
            (Some(deadline), false) => Box::pin(tokio::time::timeout(deadline, attempts))
                .await
                .unwrap_or_else(|_| expired(deadline)),
            (None, true) => attempts.instrument(span.clone()).await,
            (None, false) => attempts.await,
        };
        let result = result.and_then(finish);
        if !traced && inner.metrics.is_none() {
            return result;
        }
        let latency = started.elapsed();
        if traced {
            span.record("attempts", attempts);
            span.record("latency_ms", latency.as_millis() as u64);
            if let Err(e) = &result {
                if let Some(status) = e.status() {
                    span.record("status", status.as_u16());
                }
                if let Some(api) = e.api() {
                    span.record("code", api.code.as_ref().map(|c| c.as_str()));
                    span.record("request_id", api.request_id());
                }
            }
        }
        if let Some(metrics) = &inner.metrics {
            metrics.call_finished(&CallRecord {
                operation,
                outcome: result.as_ref().map(|_| ()),
                attempts,
                latency,
            });
        }
        result
    }

    /// One attempt's HTTP request: URL from the operation's base, default
    /// headers, credentials, and a fresh copy of the body.
    fn build(
        &self,
        request: &Request<'_>,
        accept: Option<&'static str>,
    ) -> Result<reqwest::Request, Error> {
        let inner = &*self.inner;
        let op = request.operation;
        let base = match op.base {
            Some(_) => &inner.root,
            None => &inner.base,
        };
        let extra = &inner.options;
        let query_len = request.query.as_ref().map_or(0, |q| q.len() + 1);
        let mut url = String::with_capacity(base.len() + request.path.len() + query_len);
        url.push_str(base);
        url.push_str(&request.path);
        let extra_query = match extra.extra_query.is_empty() {
            true => None,
            false => Some(
                serde_urlencoded::to_string(&extra.extra_query).map_err(|e| {
                    Error::InvalidRequest(format!("extra query does not serialize: {e}"))
                })?,
            ),
        };
        for (i, query) in [&request.query, &extra_query]
            .into_iter()
            .flatten()
            .enumerate()
        {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(query);
        }
        let method = reqwest::Method::from_bytes(op.method.as_bytes())
            .map_err(|e| Error::InvalidRequest(e.to_string()))?;
        let builder = inner.http.request(method, url);
        let builder = match &request.body {
            Body::Empty if !extra.extra_body.is_empty() => {
                return Err(Error::InvalidRequest(format!(
                    "`{}` sends no body to add extra fields to",
                    op.id
                )));
            }
            Body::Empty => builder,
            Body::Json(bytes) => builder.body(with_fields(bytes, &extra.extra_body)?),
            Body::Form(form) => {
                let form = extra
                    .extra_body
                    .iter()
                    .try_fold(form()?, |form, (name, value)| {
                        let text = match value {
                            serde_json::Value::String(text) => text.clone(),
                            other => other.to_string(),
                        };
                        Ok::<_, Error>(form.text(name.clone(), text))
                    })?;
                builder.multipart(form)
            }
        };
        let mut built = builder
            .build()
            .map_err(|e| Error::InvalidRequest(e.to_string()))?;
        let headers = built.headers_mut();
        // Room for every header up front (accept, content type, credentials, and
        // the host hyper adds), so the map and reqwest's copies of it never grow.
        headers.reserve(inner.headers.len() + 5);
        if let Some(accept) = accept {
            headers.insert(ACCEPT, HeaderValue::from_static(accept));
        }
        if let Body::Json(_) = request.body {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        // Defaults never replace the request's own headers (multipart's
        // content type included); credentials and extra headers do.
        for (name, value) in inner.headers.iter() {
            headers.entry(name).or_insert_with(|| value.clone());
        }
        match op.auth {
            None => inner.auth.apply(headers)?,
            Some("raw-key") => inner.auth.apply_raw_key(headers)?,
            Some(other) => {
                return Err(Error::InvalidRequest(format!(
                    "`{}`: unknown authentication `{other}`",
                    op.id
                )));
            }
        }
        for (name, value) in &extra.extra_headers {
            let invalid =
                |e: &dyn fmt::Display| Error::InvalidRequest(format!("header `{name}`: {e}"));
            let name = HeaderName::try_from(name).map_err(|e| invalid(&e))?;
            let value = HeaderValue::try_from(value).map_err(|e| invalid(&e))?;
            headers.insert(name, value);
        }
        Ok(built)
    }

    /// Calls any JSON operation of the spec by its `operationId` (see
    /// [`crate::OPERATIONS`]), untyped: `path_params` fill the path template,
    /// `query` is appended, `body` (if any) is sent as JSON. Goes through the same
    /// request path as the typed methods.
    ///
    /// Multipart operations are refused with [`Error::InvalidRequest`]; use their
    /// typed methods.
    pub async fn call_raw(
        &self,
        operation_id: &str,
        path_params: &[(&str, &str)],
        query: &[(&str, &str)],
        body: Option<&serde_json::Value>,
    ) -> Result<RawResponse, Error> {
        let op = generated::OPERATIONS
            .iter()
            .find(|op| op.id == operation_id || op.rust_method == operation_id)
            .ok_or_else(|| Error::InvalidRequest(format!("unknown operation `{operation_id}`")))?;
        if op.multipart {
            return Err(Error::InvalidRequest(format!(
                "`{}` takes a multipart body; use Client::{}",
                op.id, op.rust_method
            )));
        }
        let mut request = Request::new(op, path_params)?.query(query)?;
        if let Some(body) = body {
            request = request.json(body, false)?;
        }
        let read = |response: reqwest::Response, mut timer: ReadTimer| async move {
            let status = response.status().as_u16();
            let content_type = response
                .headers()
                .get(CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            let body = timer
                .read_body(response, self.inner.options.max_body_size)
                .await?;
            Ok(RawResponse {
                status,
                content_type,
                body,
            })
        };
        self.execute(Ok(request), None, read, Ok).await
    }
}

/// One call of an operation, as a generated method describes it: the operation,
/// its path with the parameters filled in, the query, the body.
pub(crate) struct Request<'a> {
    operation: &'static Operation,
    path: Cow<'static, str>,
    query: Option<String>,
    body: Body<'a>,
}

enum Body<'a> {
    Empty,
    Json(Bytes),
    /// Rebuilt for every attempt: a multipart form cannot be cloned.
    Form(Box<dyn Fn() -> Result<reqwest::multipart::Form, Error> + Send + Sync + 'a>),
}

impl<'a> Request<'a> {
    /// A request of `operation`, its `{name}` path segments filled in
    /// (percent-encoded) from `params`.
    pub(crate) fn new(
        operation: &'static Operation,
        params: &[(&str, &str)],
    ) -> Result<Self, Error> {
        let mut path = Cow::Borrowed(operation.path);
        for (name, value) in params {
            // An empty segment would address another route (`/batches/` is the
            // list), and URL parsing resolves `.` and `..` away.
            if matches!(*value, "" | "." | "..") {
                return Err(Error::InvalidRequest(format!(
                    "`{}`: path parameter `{name}` is `{value}`, which names no resource",
                    operation.id
                )));
            }
            let encoded: String = url::form_urlencoded::byte_serialize(value.as_bytes()).collect();
            path = path
                .replace(&format!("{{{name}}}"), &encoded.replace('+', "%20"))
                .into();
        }
        if let Some(open) = memchr::memchr(b'{', path.as_bytes()) {
            let rest = &path[open + 1..];
            let missing = rest.split('}').next().unwrap_or(rest);
            return Err(Error::InvalidRequest(format!(
                "`{}` needs the path parameter `{missing}`",
                operation.id
            )));
        }
        Ok(Request {
            operation,
            path,
            query: None,
            body: Body::Empty,
        })
    }

    /// Appends the query parameters (a typed query struct, or name/value pairs).
    pub(crate) fn query<Q: serde::Serialize + ?Sized>(mut self, query: &Q) -> Result<Self, Error> {
        let encoded = serde_urlencoded::to_string(query)
            .map_err(|e| Error::InvalidRequest(format!("query does not serialize: {e}")))?;
        self.query = (!encoded.is_empty()).then_some(encoded);
        Ok(self)
    }

    /// A JSON body. `stream` sends it with `"stream": true` (the `*_stream`
    /// methods); otherwise a body asking for a stream is refused, since the
    /// answer would be events the non-streaming method cannot read.
    pub(crate) fn json<B: serde::Serialize>(
        mut self,
        body: &B,
        stream: bool,
    ) -> Result<Self, Error> {
        let invalid =
            |e: serde_json::Error| Error::InvalidRequest(format!("body does not serialize: {e}"));
        let bytes = if stream {
            let mut value = serde_json::to_value(body).map_err(invalid)?;
            let serde_json::Value::Object(map) = &mut value else {
                return Err(Error::InvalidRequest("stream body is not an object".into()));
            };
            map.insert("stream".into(), true.into());
            serde_json::to_vec(&value).map_err(invalid)?
        } else {
            // Built once: building a searcher costs more than searching a body.
            static STREAM_TRUE: LazyLock<memchr::memmem::Finder<'static>> =
                LazyLock::new(|| memchr::memmem::Finder::new(b"\"stream\":true"));
            let bytes = serde_json::to_vec(body).map_err(invalid)?;
            if self.operation.stream && STREAM_TRUE.find(&bytes).is_some() {
                return Err(Error::InvalidRequest(format!(
                    "`{}` was sent `stream: true`; call `{}_stream` to receive server-sent events",
                    self.operation.id, self.operation.rust_method
                )));
            }
            bytes
        };
        self.body = Body::Json(bytes.into());
        Ok(self)
    }

    /// A multipart body, rebuilt by `form` for every attempt.
    pub(crate) fn form(
        mut self,
        form: impl Fn() -> Result<reqwest::multipart::Form, Error> + Send + Sync + 'a,
    ) -> Self {
        self.body = Body::Form(Box::new(form));
        self
    }
}

/// A JSON body with `fields` merged in at the top level (as sent: the body is
/// already serialized). No fields: the body unchanged, without a copy.
fn with_fields(
    body: &Bytes,
    fields: &serde_json::Map<String, serde_json::Value>,
) -> Result<Bytes, Error> {
    if fields.is_empty() {
        return Ok(body.clone());
    }
    let mut value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| Error::InvalidRequest(format!("body is not JSON: {e}")))?;
    let serde_json::Value::Object(map) = &mut value else {
        return Err(Error::InvalidRequest(
            "extra fields need an object body".into(),
        ));
    };
    map.extend(fields.iter().map(|(k, v)| (k.clone(), v.clone())));
    serde_json::to_vec(&value)
        .map(Bytes::from)
        .map_err(|e| Error::InvalidRequest(e.to_string()))
}

/// The answer of [`Client::call_raw`].
#[derive(Clone, Debug, PartialEq)]
pub struct RawResponse {
    /// HTTP status (a success: failures are [`Error`]s).
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body as received.
    pub body: bytes::Bytes,
}

impl RawResponse {
    /// Whether the body is declared as JSON: a media type ending in `json`
    /// (`application/json`, `…+json`, `text/json`), any case.
    pub fn is_json(&self) -> bool {
        self.content_type.as_deref().is_some_and(is_json)
    }

    /// The body parsed as JSON.
    pub fn json(&self) -> Result<serde_json::Value, Error> {
        serde_json::from_slice(&self.body).map_err(|source| Error::Decode {
            status: self.status,
            body: self.body.clone(),
            source,
        })
    }
}

impl ClientBuilder {
    /// The API key (`id.secret`), sent as `Authorization: Bearer <key>`.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.auth = Some(Auth::bearer(key.into()));
        self
    }

    /// Authentication other than the plain key (e.g. a signed JWT).
    pub fn auth(mut self, auth: Auth) -> Self {
        self.auth = Some(Ok(auth));
        self
    }

    /// A preset ([`BaseUrl::General`], [`BaseUrl::CodingPlan`], [`BaseUrl::China`])
    /// or any URL of a `paas/v4`-compatible endpoint. A trailing slash is ignored.
    pub fn base_url(mut self, url: impl Into<BaseUrl>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The root the operations outside `paas/v4` hang off (`x-zai-base: root` in
    /// the spec): agents (`/v1/agents...`), the Anthropic-compatible Messages
    /// endpoint (`/anthropic/v1/messages`), knowledge bases and documents,
    /// applications, ZRAG and the Coding Plan monitor. Default: the base URL
    /// without its trailing `/paas/v4` (and `/coding`), e.g. `https://api.z.ai/api`.
    pub fn root_url(mut self, url: impl Into<String>) -> Self {
        self.root_url = Some(url.into());
        self
    }

    /// Use this `reqwest::Client` (its own timeouts, proxy and TLS settings apply;
    /// [`Self::connect_timeout`] and [`Self::read_timeout`] are then ignored).
    ///
    /// With the `rustls-ring` feature alone, reqwest needs a process-wide rustls
    /// provider to build it (see [`crate::install_tls_provider`]).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// A header sent with every request (unless the request sets it itself),
    /// e.g. `.default_header("x-team", "blue")`. A name or value that is not a
    /// valid header is reported by [`Self::build`].
    pub fn default_header<N, V>(mut self, name: N, value: V) -> Self
    where
        N: TryInto<HeaderName, Error: fmt::Display>,
        V: TryInto<HeaderValue, Error: fmt::Display>,
    {
        let header = name.try_into().map_err(|e| e.to_string()).and_then(|name| {
            let value = value.try_into().map_err(|e| format!("`{name}`: {e}"))?;
            Ok((name, value))
        });
        self.headers = match (self.headers, header) {
            (Ok(mut headers), Ok((name, value))) => {
                headers.insert(name, value);
                Ok(headers)
            }
            (Ok(_), Err(e)) => Err(Error::Config(format!("invalid default header {e}"))),
            (failed, _) => failed,
        };
        self
    }

    /// Stops sending a default header, e.g. `"user-agent"`.
    pub fn without_default_header(mut self, name: impl AsRef<str>) -> Self {
        if let Ok(headers) = &mut self.headers {
            headers.remove(name.as_ref());
        }
        self
    }

    /// `Accept-Language` for server messages; the API documents one value,
    /// `en-US,en`. Not sent by default: the docs mark it optional and the
    /// official Java SDK stopped sending it (the Python SDK still does), and
    /// every header is work on every call.
    pub fn accept_language(self, value: &str) -> Self {
        self.default_header(ACCEPT_LANGUAGE, value)
    }

    /// Connect timeout (default [`DEFAULT_CONNECT_TIMEOUT`]).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Longest wait for the next bytes of a response (default
    /// [`DEFAULT_READ_TIMEOUT`]), counted while the client waits for them: the
    /// time your code spends between reads of a stream does not count. There is
    /// no total timeout by default, so long completions and streams are never
    /// cut off while data flows.
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = Some(timeout);
        self
    }

    /// Retries and timeouts of every call (see [`CallOptions`]).
    pub fn call_options(mut self, options: CallOptions) -> Self {
        self.options = options;
        self
    }

    /// Receives a record of every call and retry (see [`Metrics`] and [`crate::CallStats`]).
    pub fn metrics(mut self, metrics: Arc<dyn Metrics>) -> Self {
        self.metrics = Some(metrics);
        self
    }

    /// Allow sending credentials over plain `http://` to a host that is not
    /// loopback (refused by default: the key would cross the network in clear).
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let auth = self.auth.ok_or_else(|| {
            Error::Config(
                "no API key: call `api_key()` or `auth()`, or build with `Client::from_env()` \
                 (reads ZAI_API_KEY)"
                    .into(),
            )
        })??;
        let base = self.base_url.unwrap_or(BaseUrl::General);
        let base = base.as_str().to_owned();
        let url = reqwest::Url::parse(&base)
            .map_err(|e| Error::Config(format!("base URL `{base}`: {e}")))?;
        check_scheme(&url, self.allow_insecure_http)?;
        let root = match self.root_url {
            Some(root) => root.trim_end_matches('/').to_owned(),
            None => default_root(&base).to_owned(),
        };
        check_scheme(
            &reqwest::Url::parse(&root)
                .map_err(|e| Error::Config(format!("root URL `{root}`: {e}")))?,
            self.allow_insecure_http,
        )?;
        let (http, timeouts) = match self.http {
            Some(client) => (client, Timeouts::default()),
            None => {
                let timeouts = Timeouts {
                    connect: Some(self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT)),
                    read: Some(self.read_timeout.unwrap_or(DEFAULT_READ_TIMEOUT)),
                };
                // The read timeout is the client's own (`ReadTimer`), not reqwest's.
                let client = reqwest::Client::builder()
                    .connect_timeout(timeouts.connect.unwrap_or_default());
                // HTTP/1.1 even when another crate turns on reqwest's `http2`.
                // reqwest's own retries replay only refused HTTP/2 streams, so
                // over HTTP/1.1 they are off: its policy would copy every request.
                #[cfg(not(feature = "http2"))]
                let client = client
                    .http1_only()
                    .retry(reqwest::retry::never().max_retries_per_request(0));
                let client = crate::tls::configure(client)?
                    .build()
                    .map_err(|e| Error::Config(format!("HTTP client: {e}")))?;
                (client, timeouts)
            }
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base,
                root,
                auth: Arc::new(auth),
                headers: Arc::new(self.headers?),
                options: self.options,
                metrics: self.metrics,
                timeouts,
            }),
        })
    }
}

/// Whether a `Content-Type` names JSON: a media type ending in `json`
/// (`application/json`, a `+json` type, `text/json`),
/// any parameters, any case.
fn is_json(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or_default().trim();
    mime.len() >= 4 && mime.as_bytes()[mime.len() - 4..].eq_ignore_ascii_case(b"json")
}

/// `https://api.z.ai/api/paas/v4` → `https://api.z.ai/api`.
fn default_root(base: &str) -> &str {
    let root = base.strip_suffix("/paas/v4").unwrap_or(base);
    root.strip_suffix("/coding").unwrap_or(root)
}

fn check_scheme(url: &reqwest::Url, allow_insecure: bool) -> Result<(), Error> {
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d == "localhost",
        None => false,
    };
    match url.scheme() {
        "https" => Ok(()),
        "http" if loopback || allow_insecure => Ok(()),
        "http" => Err(Error::Config(format!(
            "refusing to send credentials over plain http to {url}; use https or allow_insecure_http(true)"
        ))),
        other => Err(Error::Config(format!("unsupported URL scheme `{other}`"))),
    }
}
