//! Monitoring: a hook for metrics systems, and ready-made counters.
//!
//! Every call also runs inside a `tracing` span `zai.call` with the fields
//! `operation`, `attempts`, `status`, `code`, `request_id` (a success's
//! `x-request-id` too) and `latency_ms`; retries are logged as `debug` events in
//! it. Neither ever contains credentials. A stream's call is reported to
//! [`Metrics`] when the stream ends or is dropped ([`CallRecord::stream`]).

use crate::runtime::error::Error;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
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
    /// For a call answered with an event stream: what the stream delivered.
    /// The record then comes when the stream ends or is dropped, its `outcome`
    /// the stream's (an error mid-stream is a failure) and `latency` the whole
    /// stream's duration.
    pub stream: Option<StreamRecord>,
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

/// Counters of calls, successes, failures, retries and latency, in total and
/// per operation.
#[derive(Debug, Default)]
pub struct CallStats(Mutex<StatsSnapshot>);

/// A point-in-time copy of [`CallStats`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
    /// The same per operation (the spec's operationId; `realtime` for sessions).
    pub operations: BTreeMap<String, OperationStats>,
}

/// One operation's share of a [`StatsSnapshot`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct OperationStats {
    /// Calls finished.
    pub calls: u64,
    /// Calls that failed (a stream that failed after opening included).
    pub failures: u64,
    /// Sum of call latencies (a stream's: until it ended).
    pub total_latency: Duration,
    /// `total_latency / calls`.
    pub mean_latency: Duration,
    /// Events its streams yielded.
    pub events: u64,
    /// Input and output tokens its streams reported.
    pub usage: TokenUsage,
}

impl CallStats {
    /// The counters now.
    pub fn snapshot(&self) -> StatsSnapshot {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn update(&self, change: impl FnOnce(&mut StatsSnapshot)) {
        change(&mut self.0.lock().unwrap_or_else(|e| e.into_inner()));
    }
}

impl Metrics for CallStats {
    fn call_finished(&self, call: &CallRecord<'_>) {
        self.update(|all| {
            let failed = u64::from(call.outcome.is_err());
            all.calls += 1;
            all.successes += 1 - failed;
            all.failures += failed;
            all.total_latency = all.total_latency.saturating_add(call.latency);
            all.total_queued = all.total_queued.saturating_add(call.queued);
            let op = match all.operations.get_mut(call.operation) {
                Some(op) => op,
                None => all.operations.entry(call.operation.to_owned()).or_default(),
            };
            op.calls += 1;
            op.failures += failed;
            op.total_latency = op.total_latency.saturating_add(call.latency);
            op.mean_latency = op.total_latency / u32::try_from(op.calls).unwrap_or(u32::MAX);
            if let Some(stream) = &call.stream {
                op.events += stream.events;
                let (sum, usage) = (&mut op.usage, stream.usage);
                sum.input_tokens = sum.input_tokens.saturating_add(usage.input_tokens);
                sum.output_tokens = sum.output_tokens.saturating_add(usage.output_tokens);
            }
        });
    }

    fn retry_scheduled(&self, _retry: &RetryRecord<'_>) {
        self.update(|all| all.retries += 1);
    }

    fn stream_fault(&self, _fault: &StreamFaultRecord<'_>) {
        self.update(|all| all.stream_faults += 1);
    }
}

/// What an event stream delivered (see [`CallRecord::stream`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct StreamRecord {
    /// From the call to its first event, if one came: the time to first token.
    pub first_event: Option<Duration>,
    /// Events yielded.
    pub events: u64,
    /// Whether it reached its end (`false`: dropped before, or failed).
    pub completed: bool,
    /// The token counts its `usage` objects carried (the counts only grow
    /// along a stream: the largest of each).
    pub usage: TokenUsage,
}

/// Token counts of a `usage` object: chat's `prompt_tokens` and
/// `completion_tokens`, or Anthropic's `input_tokens` and `output_tokens`
/// (0 when not reported).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TokenUsage {
    /// Tokens read.
    #[serde(default, alias = "prompt_tokens")]
    pub input_tokens: u64,
    /// Tokens written.
    #[serde(default, alias = "completion_tokens")]
    pub output_tokens: u64,
}

/// A call's record not sent yet: an event stream takes it, counts its events
/// and usage, and sends it when it ends or is dropped.
pub(crate) struct Pending {
    pub(crate) metrics: Arc<dyn Metrics>,
    pub(crate) operation: &'static str,
    pub(crate) attempts: u32,
    pub(crate) started: Instant,
    pub(crate) queued: Duration,
    pub(crate) stream: Option<StreamRecord>,
}

impl Pending {
    /// Notes an event the stream yielded.
    pub(crate) fn yielded(&mut self) {
        if let Some(stream) = &mut self.stream {
            stream.events += 1;
            stream.first_event.get_or_insert(self.started.elapsed());
        }
    }

    /// Notes the token counts in an event's payload, if it has a `usage`.
    pub(crate) fn usage(&mut self, data: &str) {
        let Some(stream) = &mut self.stream else {
            return;
        };
        // Anthropic's first event carries its usage inside `message`.
        #[derive(Deserialize)]
        struct Carrier {
            usage: Option<TokenUsage>,
            message: Option<Box<Carrier>>,
        }
        if memchr::memmem::find(data.as_bytes(), b"\"usage\"").is_none() {
            return;
        }
        let mut carrier = serde_json::from_str::<Carrier>(data).ok();
        while let Some(Carrier { usage, message }) = carrier {
            let (seen, usage) = (&mut stream.usage, usage.unwrap_or_default());
            seen.input_tokens = seen.input_tokens.max(usage.input_tokens);
            seen.output_tokens = seen.output_tokens.max(usage.output_tokens);
            carrier = message.map(|m| *m);
        }
    }

    /// Sends the record: the call (or its stream) ended with `outcome`.
    pub(crate) fn finish(mut self, outcome: Result<(), &Error>, completed: bool) {
        if let Some(stream) = &mut self.stream {
            stream.completed = completed && outcome.is_ok();
        }
        self.metrics.call_finished(&CallRecord {
            operation: self.operation,
            outcome,
            attempts: self.attempts,
            latency: self.started.elapsed(),
            queued: self.queued,
            stream: self.stream,
        });
    }
}
