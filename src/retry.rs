//! Retries, for every operation alike: transient HTTP statuses and connection
//! failures are retried with `Retry-After` or exponential backoff with full jitter,
//! unless Z.AI's business code says retrying cannot help (quota, policy, validation).

use crate::error::{ApiError, Error, Failure, Timeout, Timeouts};
use crate::observe::RetryRecord;
use crate::options::CallOptions;
use crate::types::BusinessCode;
use reqwest::StatusCode;
use std::time::{Duration, Instant, SystemTime};

/// When and how often a call is retried. Defaults: 3 retries, backoff from
/// 500 ms doubling up to 8 s with full jitter, `Retry-After` honoured up to 60 s,
/// at most 120 s spent waiting and sending across all attempts.
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
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
            budget: Duration::from_secs(120),
        }
    }
}

impl RetryPolicy {
    /// For tests of code that calls Z.AI (against `zai-mock` or httpmock): the
    /// same decisions as the default, but waits of at most 10 ms, so an error
    /// path costs milliseconds instead of seconds.
    pub fn for_tests() -> Self {
        RetryPolicy {
            initial_backoff: Duration::from_millis(1),
            max_backoff: Duration::from_millis(10),
            max_retry_after: Duration::from_millis(10),
            ..RetryPolicy::default()
        }
    }

    /// A policy that never retries.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }
}

/// What one attempt's outcome calls for.
#[derive(Debug, PartialEq)]
pub(crate) enum Verdict {
    Done,
    RetryAfter(Option<Duration>),
}

/// Decides on an error response from its status, headers and Z.AI error.
pub(crate) fn judge(error: &ApiError, headers: &reqwest::header::HeaderMap) -> Verdict {
    let retry_after = error
        .detail
        .retry_after
        .as_deref()
        .and_then(parse_retry_after);
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

/// Whether a transport error happened before any response, so that resending is safe
/// from the response's point of view.
pub(crate) fn is_retryable_transport(e: &reqwest::Error) -> bool {
    e.is_connect() || e.is_timeout() || (e.is_request() && !e.is_body() && !e.is_decode())
}

impl RetryPolicy {
    /// The wait before retry number `retry` (1-based), or `None` when the policy
    /// or the budget forbids it.
    pub(crate) fn delay(
        &self,
        retry: u32,
        retry_after: Option<Duration>,
        started: Instant,
    ) -> Option<Duration> {
        if retry > self.max_retries {
            return None;
        }
        let delay = match retry_after {
            Some(wait) => wait.min(self.max_retry_after),
            None => {
                let ceiling = self
                    .initial_backoff
                    .saturating_mul(1u32.checked_shl(retry - 1).unwrap_or(u32::MAX))
                    .min(self.max_backoff);
                // Below the ceiling, however large a policy sets it (no panic).
                Duration::try_from_secs_f64(ceiling.as_secs_f64() * fastrand::f64())
                    .unwrap_or(ceiling)
            }
        };
        let ends = started.elapsed().checked_add(delay);
        ends.is_some_and(|ends| ends < self.budget).then_some(delay)
    }
}

/// Runs `attempt` until it succeeds, fails for good, or the retry policy of
/// `options` stops retrying (its budget counted from `started`, when the call
/// began). Returns the result and the number of attempts made.
pub(crate) async fn run<T, F, Fut>(
    options: &CallOptions,
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
        let Some(delay) = options.retry.delay(attempts, retry_after, started) else {
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

#[cfg(test)]
#[path = "../tests/unit/retry.rs"]
mod tests;
