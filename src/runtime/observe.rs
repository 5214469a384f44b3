//! Monitoring: a hook for metrics systems, and ready-made counters.
//!
//! Every call also runs inside a `tracing` span `zai.call` with the fields
//! `operation`, `attempts`, `status`, `code`, `request_id` and `latency_ms`; retries
//! are logged as `debug` events in it. Neither ever contains credentials.

use crate::runtime::error::Error;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Duration;
use zai_types::types::BusinessCode;

/// A finished call (after all its attempts).
#[derive(Debug)]
#[non_exhaustive]
pub struct CallRecord<'a> {
    /// The spec's operationId.
    pub operation: &'a str,
    /// `Ok(())`, or the error the caller receives.
    pub outcome: Result<(), &'a Error>,
    /// Attempts made (1 when not retried).
    pub attempts: u32,
    /// Time from the call to its result.
    pub latency: Duration,
    /// Part of `latency` spent waiting for a slot under the client's
    /// concurrency limit ([`crate::ClientBuilder::max_in_flight`]).
    pub queued: Duration,
}

/// A retry about to wait and resend.
#[derive(Debug)]
#[non_exhaustive]
pub struct RetryRecord<'a> {
    /// The spec's operationId.
    pub operation: &'a str,
    /// The attempt that failed (1-based).
    pub attempt: u32,
    /// Wait before the next attempt.
    pub delay: Duration,
    /// HTTP status of the failed attempt, if it got a response.
    pub status: Option<u16>,
    /// Z.AI business code of the failed attempt, if any.
    pub code: Option<&'a BusinessCode>,
}

/// A stream recovered from the service's concatenated-frame fault (see
/// [`crate::StreamFaultPolicy`]).
#[derive(Debug)]
#[non_exhaustive]
pub struct StreamFaultRecord<'a> {
    /// The spec's operationId.
    pub operation: &'a str,
    /// Bytes of the cut-off fragment dropped.
    pub dropped_bytes: usize,
    /// Intact frames recovered from the same event.
    pub recovered_frames: usize,
}

/// Receives call and retry records; plug it into a metrics system with
/// `ClientBuilder::metrics`. Called inline: keep it fast and non-blocking.
pub trait Metrics: Send + Sync {
    /// A call finished.
    fn call_finished(&self, call: &CallRecord<'_>);
    /// A retry is scheduled.
    fn retry_scheduled(&self, _retry: &RetryRecord<'_>) {}
    /// A stream dropped a fragment while recovering from a concatenated frame.
    fn stream_fault(&self, _fault: &StreamFaultRecord<'_>) {}
}

/// Counters of calls, successes, failures, retries and total latency.
#[derive(Debug, Default)]
pub struct CallStats {
    calls: AtomicU64,
    successes: AtomicU64,
    failures: AtomicU64,
    retries: AtomicU64,
    stream_faults: AtomicU64,
    latency_micros: AtomicU64,
    queued_micros: AtomicU64,
}

/// A point-in-time copy of [`CallStats`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatsSnapshot {
    /// Calls finished.
    pub calls: u64,
    /// Calls that succeeded.
    pub successes: u64,
    /// Calls that failed.
    pub failures: u64,
    /// Retries made.
    pub retries: u64,
    /// Fragments streams dropped while recovering from concatenated frames.
    pub stream_faults: u64,
    /// Sum of call latencies.
    pub total_latency: Duration,
    /// Sum of the time calls waited for a slot under the concurrency limit.
    pub total_queued: Duration,
}

impl CallStats {
    /// The counters now.
    pub fn snapshot(&self) -> StatsSnapshot {
        StatsSnapshot {
            calls: self.calls.load(Relaxed),
            successes: self.successes.load(Relaxed),
            failures: self.failures.load(Relaxed),
            retries: self.retries.load(Relaxed),
            stream_faults: self.stream_faults.load(Relaxed),
            total_latency: Duration::from_micros(self.latency_micros.load(Relaxed)),
            total_queued: Duration::from_micros(self.queued_micros.load(Relaxed)),
        }
    }
}

impl Metrics for CallStats {
    fn call_finished(&self, call: &CallRecord<'_>) {
        self.calls.fetch_add(1, Relaxed);
        match call.outcome {
            Ok(()) => self.successes.fetch_add(1, Relaxed),
            Err(_) => self.failures.fetch_add(1, Relaxed),
        };
        let micros = u64::try_from(call.latency.as_micros()).unwrap_or(u64::MAX);
        self.latency_micros.fetch_add(micros, Relaxed);
        let queued = u64::try_from(call.queued.as_micros()).unwrap_or(u64::MAX);
        self.queued_micros.fetch_add(queued, Relaxed);
    }

    fn retry_scheduled(&self, _retry: &RetryRecord<'_>) {
        self.retries.fetch_add(1, Relaxed);
    }

    fn stream_fault(&self, _fault: &StreamFaultRecord<'_>) {
        self.stream_faults.fetch_add(1, Relaxed);
    }
}
