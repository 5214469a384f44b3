//! The one request path every operation takes ([`Client::execute`]): routing,
//! default headers, credentials, retries, timeouts, the tracing span and the
//! metrics hook, whatever the body (JSON, multipart, none) and whatever the
//! answer (JSON, bytes, an event stream).

use crate::runtime::client::Client;
use crate::runtime::error::{Error, Timeout, Timeouts};
use crate::runtime::observe::{Pending, RetryRecord};
use crate::runtime::request::{Body, Request, RetrySafety, with_fields};
use crate::runtime::response::kept;
use crate::runtime::retry::{self, Failure};
use crate::runtime::stream::bytes::ByteStream;
use crate::runtime::stream::events::{EventStream, StreamChunk};
use crate::runtime::timer::ReadTimer;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderName, HeaderValue};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::{fmt, future::Future, time::Duration, time::Instant};
use tracing::Instrument as _;
use zai_types::BaseUrl;

impl Client {
    // The `send_*` methods and the generated methods calling them are plain,
    // inlined functions returning `execute`'s future: each `async fn` layer on
    // top, or a call returning the future by value, would be one more copy of the
    // whole nested future per call. A request that could not be built reaches
    // `execute` as an error and is returned when awaited.

    /// Sends a request, decodes its JSON answer as `A` and hands back what
    /// `take` takes of it (an `x-zai-envelope`'s `data`, or all of it).
    #[inline]
    pub(crate) fn send_json<A: serde::de::DeserializeOwned + Send, T>(
        &self,
        request: Result<Request<'_>, Error>,
        take: fn(A) -> T,
    ) -> impl Future<Output = Result<T, Error>> + Send {
        let operation = request.as_ref().ok().map(|r| r.operation);
        self.execute(
            request,
            Some("application/json"),
            move |response, mut timer| async move {
                let status = response.status().as_u16();
                let body = timer
                    .read_body(response, self.inner.options.max_body_size)
                    .await?;
                #[allow(deprecated)] // `RawBody` is still kept.
                if let Some(raw) = &self.inner.options.raw_body {
                    raw.keep(&body);
                }
                kept(self.inner.options.response.as_ref(), |k| k.keep_body(&body));
                Ok((status, body))
            },
            move |(status, body), _| {
                if let Some(op) = operation {
                    crate::runtime::answer::reported_error(op, status, &body)?;
                }
                crate::runtime::answer::decode_json(status, body).map(take)
            },
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
            |bytes, _| Ok(bytes),
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
                // A JSON or HTML answer where events were asked for holds no
                // `data:` lines: it is an error object or a proxy's page, judged
                // and kept like a failed status's (or a summary of it).
                let content_type = response.headers().get(CONTENT_TYPE);
                if content_type
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|t| is_json(t) || t.starts_with("text/html"))
                {
                    return Err(Failure::Response(Box::new(response), timer));
                }
                Ok(EventStream::new(response.bytes_stream())
                    .with_max_event_size(inner.options.max_event_size)
                    .with_fault_policy(inner.options.stream_faults)
                    .observed(operation, timer))
            },
            |stream: EventStream<T>, pending| Ok(stream.reporting(pending.take())),
        )
    }

    /// The one request path: every attempt of every call is built and sent here,
    /// inside the retry loop, the deadline, the tracing span and the metrics hook.
    /// `read` takes a success response (its body read within the attempt's
    /// read timer); `finish` turns what it read into the call's value once,
    /// after the retries (a large value is not carried through every layer),
    /// and may take the call's metrics record to send later (a stream's).
    pub(crate) async fn execute<R, T, F, Fut>(
        &self,
        request: Result<Request<'_>, Error>,
        accept: Option<&'static str>,
        read: F,
        finish: impl FnOnce(R, &mut Option<Pending>) -> Result<T, Error>,
    ) -> Result<T, Error>
    where
        F: Fn(reqwest::Response, ReadTimer) -> Fut,
        Fut: Future<Output = Result<R, Failure>>,
    {
        let mut request = request?;
        let inner = &*self.inner;
        let options = &inner.options;
        let operation = request.operation.id;
        // Warned, not refused: a platform may start serving an operation before
        // the spec says so, and the server's own answer then still reaches the caller.
        if let Some(platform) = request
            .operation
            .platform
            .filter(|p| off_platform(p, &inner.base))
        {
            tracing::warn!(
                operation,
                platform,
                "operation served by another platform than this base URL's (BaseUrl preset)"
            );
        }
        let safety = options.retry_safety.unwrap_or(request.operation.retry);
        let request_id = request.request_id()?;
        let span = tracing::info_span!(
            "zai.call",
            operation,
            attempts = tracing::field::Empty,
            status = tracing::field::Empty,
            code = tracing::field::Empty,
            request_id = tracing::field::Empty,
            latency_ms = tracing::field::Empty,
        );
        // A span no subscriber wants is not entered on every poll nor recorded
        // into: with tracing's `log` fallback on, each of those costs.
        let traced = !span.is_disabled();
        let started = Instant::now();
        let timeouts = Timeouts {
            read: options.read_timeout.or(inner.timeouts.read),
            ..inner.timeouts
        };
        let until = options.stream_deadline.and_then(|limit| {
            let at = tokio::time::Instant::from_std(started).checked_add(limit)?;
            Some((at, limit))
        });
        // Time spent waiting for a slot, in microseconds, over all attempts.
        let queued = AtomicU64::new(0);
        // Whether the current attempt's request may have reached the service
        // (sent, and no retry scheduled since): a deadline that fires before
        // (queued for a slot, waiting to retry a refusal) ends a call the
        // service never saw.
        let exposed = AtomicBool::new(false);
        let on_retry = |record: &RetryRecord<'_>| {
            exposed.store(false, Relaxed);
            tracing::debug!(
                attempt = record.attempt,
                delay_ms = record.delay.as_millis() as u64,
                status = record.status,
                code = record.code.map(zai_types::types::BusinessCode::as_str),
                "retrying"
            );
            if let Some(metrics) = &inner.metrics {
                metrics.retry_scheduled(record);
            }
        };
        let attempt = || async {
            let http_request = self.build(&request, accept)?;
            let slot = match &inner.slots {
                None => None,
                Some(slots) => {
                    let asked = Instant::now();
                    let slot = slots.clone().acquire_owned().await;
                    let waited = asked.elapsed();
                    queued.fetch_add(waited.as_micros() as u64, Relaxed);
                    tracing::debug!(queued_ms = waited.as_millis() as u64, "slot acquired");
                    slot.ok()
                }
            };
            let mut timer = ReadTimer::start(timeouts, until, slot);
            exposed.store(true, Relaxed);
            let response = timer
                .guard(inner.http.execute(http_request))
                .await
                .map_err(Failure::Timeout)?
                .map_err(Failure::Transport)?;
            if !response.status().is_success() {
                return Err(Failure::Response(Box::new(response), timer));
            }
            kept(options.response.as_ref(), |k| k.keep(&response));
            if traced && let Some(id) = response.headers().get("x-request-id") {
                span.record("request_id", id.to_str().unwrap_or_default());
            }
            read(response, timer).await
        };
        let attempts = retry::run(
            options, safety, timeouts, started, on_retry, operation, attempt,
        );
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
        let mut pending = inner.metrics.clone().map(|metrics| Pending {
            metrics,
            operation,
            attempts,
            started,
            queued: Duration::from_micros(queued.load(Relaxed)),
            stream: None,
        });
        // Billed work the service may have taken is never resent: the caller
        // learns so, with the request id to look it up by.
        let result = match result.and_then(|read| finish(read, &mut pending)) {
            unsent @ Err(Error::Timeout(Timeout::Deadline(_))) if !exposed.load(Relaxed) => unsent,
            Err(e) if safety == RetrySafety::Billed && e.maybe_processed() => {
                Err(Error::OutcomeUnknown {
                    operation,
                    request_id,
                    source: Box::new(e),
                })
            }
            other => other,
        };
        if let Some(pending) = pending {
            pending.finish(result.as_ref().map(|_| ()), true);
        }
        if traced {
            let latency = started.elapsed();
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
}

/// Whether a `Content-Type` names JSON: a media type ending in `json`
/// (`application/json`, a `+json` type, `text/json`),
/// any parameters, any case.
pub(crate) fn is_json(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or_default().trim();
    mime.len() >= 4 && mime.as_bytes()[mime.len() - 4..].eq_ignore_ascii_case(b"json")
}

/// Whether `base` is a preset other than `platform`'s (`china` → [`BaseUrl::China`]).
fn off_platform(platform: &str, base: &str) -> bool {
    [BaseUrl::General, BaseUrl::CodingPlan, BaseUrl::China]
        .iter()
        .any(|preset| {
            base == preset.as_str() && !format!("{preset:?}").eq_ignore_ascii_case(platform)
        })
}
