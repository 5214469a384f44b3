//! Retries: transient HTTP statuses and connection failures are retried with
//! `Retry-After` or exponential backoff with full jitter, unless Z.AI's business
//! code says retrying cannot help (quota, policy, validation); overloads within
//! a longer budget of their own; calls creating billed work only when the
//! service provably did not process them ([`RetrySafety`]).

use crate::runtime::error::{
    ApiError, Error, Timeout, Timeouts, is_overload, is_retryable_transport, retryable,
};
use crate::runtime::observe::RetryRecord;
use crate::runtime::options::CallOptions;
use crate::runtime::options::RetryPolicy;
use crate::runtime::request::RetrySafety;
use crate::runtime::timer::ReadTimer;
use std::time::{Duration, Instant, SystemTime};

/// What one attempt's outcome calls for.
#[derive(Debug, PartialEq)]
pub(crate) enum Verdict {
    Done,
    RetryAfter(Option<Duration>),
}

/// Decides on an error response from its status, headers and Z.AI error.
pub(crate) fn judge(error: &ApiError, headers: &reqwest::header::HeaderMap) -> Verdict {
    // `retry-after-ms` (OpenAI's, finer) first, then `Retry-After`.
    let retry_after = headers
        .get("retry-after-ms")
        .and_then(|v| v.to_str().ok()?.trim().parse::<f64>().ok())
        .and_then(|ms| Duration::try_from_secs_f64(ms / 1000.0).ok())
        .or_else(|| {
            error
                .detail
                .retry_after
                .as_deref()
                .and_then(parse_retry_after)
        });
    match headers.get("x-should-retry").and_then(|v| v.to_str().ok()) {
        Some("true") => return Verdict::RetryAfter(retry_after),
        Some("false") => return Verdict::Done,
        _ => {}
    }
    match retryable(error.status, error.code.as_ref()) {
        true => Verdict::RetryAfter(retry_after),
        false => Verdict::Done,
    }
}

/// `Retry-After` as delta-seconds or an HTTP-date.
fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

impl RetryPolicy {
    /// The wait before retry number `retry` (1-based), or `None` when the policy
    /// or the budget forbids it; an `overload` by the overload tier's backoff and
    /// budget, whatever the number.
    pub(crate) fn delay(
        &self,
        retry: u32,
        retry_after: Option<Duration>,
        started: Instant,
        overload: bool,
    ) -> Option<Duration> {
        let (max_backoff, budget) = match overload {
            true => (self.overload_max_backoff, self.overload_budget),
            false => (self.max_backoff, self.budget),
        };
        if self.max_retries == 0 || (retry > self.max_retries && !overload) {
            return None;
        }
        let delay = match retry_after {
            Some(wait) => wait.min(self.max_retry_after),
            None => {
                let ceiling = self
                    .initial_backoff
                    .saturating_mul(1u32.checked_shl(retry - 1).unwrap_or(u32::MAX))
                    .min(max_backoff);
                // Below the ceiling, however large a policy sets it (no panic).
                Duration::try_from_secs_f64(ceiling.as_secs_f64() * fastrand::f64())
                    .unwrap_or(ceiling)
            }
        };
        let ends = started.elapsed().checked_add(delay);
        ends.is_some_and(|ends| ends < budget).then_some(delay)
    }
}

/// Runs `attempt` until it succeeds, fails for good, or the retry policy of
/// `options` stops retrying (its budget counted from `started`, when the call
/// began); a billed call (`safety`) only while the service provably did not
/// process it. Returns the result and the number of attempts made.
pub(crate) async fn run<T, F, Fut>(
    options: &CallOptions,
    safety: RetrySafety,
    timeouts: Timeouts,
    started: Instant,
    on_retry: impl Fn(&RetryRecord<'_>),
    operation: &'static str,
    mut attempt: F,
) -> (Result<T, Error>, u32)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, Failure>>,
{
    let mut attempts = 0;
    loop {
        attempts += 1;
        let outcome = match options.attempt_timeout {
            // Boxed: this rarely taken path would otherwise size every call's future.
            Some(limit) => Box::pin(tokio::time::timeout(limit, attempt()))
                .await
                .unwrap_or(Err(Failure::Timeout(Timeout::Attempt(limit)))),
            None => attempt().await,
        };
        let (error, verdict) = match outcome {
            Ok(value) => return (Ok(value), attempts),
            Err(Failure::Final(e)) => return (Err(e), attempts),
            Err(Failure::Transport(e)) => {
                let verdict = if is_retryable_transport(&e) {
                    Verdict::RetryAfter(None)
                } else {
                    Verdict::Done
                };
                (Error::transport(e, timeouts), verdict)
            }
            Err(Failure::Timeout(timeout)) => (Error::Timeout(timeout), Verdict::RetryAfter(None)),
            Err(Failure::Response(response, mut timer)) => {
                let status = response.status();
                let headers = response.headers().clone();
                match timer.read_body(*response, options.max_body_size).await {
                    Ok(body) => {
                        let error = ApiError::parse(status, &headers, body);
                        let verdict = judge(&error, &headers);
                        (Error::Api(error), verdict)
                    }
                    Err(e @ Error::BodyTooLarge { .. }) => (e, Verdict::Done),
                    Err(e) => (e, Verdict::RetryAfter(None)),
                }
            }
        };
        let Verdict::RetryAfter(retry_after) = verdict else {
            return (Err(error), attempts);
        };
        if safety == RetrySafety::Billed && error.maybe_processed() {
            return (Err(error), attempts);
        }
        let overload = is_overload(error.code());
        let Some(delay) = options
            .retry
            .delay(attempts, retry_after, started, overload)
        else {
            return (Err(error), attempts);
        };
        on_retry(&RetryRecord {
            operation,
            attempt: attempts,
            delay,
            status: error.status().map(|s| s.as_u16()),
            code: error.code(),
        });
        tokio::time::sleep(delay).await;
    }
}

/// Why one attempt failed, before deciding whether to retry.
pub(crate) enum Failure {
    /// A non-success response whose body is not read yet, and the attempt's
    /// timer to read it within.
    Response(Box<reqwest::Response>, ReadTimer),
    /// The request failed before a response arrived.
    Transport(reqwest::Error),
    /// The attempt timed out.
    Timeout(Timeout),
    /// A failure no retry can fix.
    Final(Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Final(e)
    }
}

#[cfg(test)]
#[path = "../../tests/unit/retry.rs"]
mod tests;
