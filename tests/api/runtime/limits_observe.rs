//! Fault-matrix cases of what a call reports: success metadata, the tracing
//! span's fields, stream metrics recorded when the stream ends, and the
//! per-operation statistics.

use super::faults::{EVENT, OK, client, error, ok, request};
use super::limits::{Case, check};
use crate::support::scripted::{Step, http, http_stream, serve};
use futures_util::StreamExt;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use zai::{CallRecord, CallStats, Error, LastResponse, Metrics, OperationStats, StreamRecord};
use zai::{Timeout, TokenUsage};

/// A call's outcome (the error as text), latency and stream record.
type Call = (Result<(), String>, Duration, Option<StreamRecord>);

/// Each call's record, and the ready-made counters fed the same records.
#[derive(Default)]
struct Records {
    calls: Mutex<Vec<Call>>,
    stats: CallStats,
}

impl Metrics for Records {
    fn call_finished(&self, call: &CallRecord<'_>) {
        let outcome = call.outcome.map_err(ToString::to_string);
        let record = (outcome, call.latency, call.stream);
        self.calls.lock().unwrap().push(record);
        self.stats.call_finished(call);
    }
}

/// The fault matrix's client at `url`, recording into the returned records.
fn recorded(url: &str) -> (zai::Client, Arc<Records>) {
    let records = Arc::new(Records::default());
    let client = zai::Client::builder()
        .api_key(super::faults::KEY)
        .base_url(url)
        .metrics(records.clone())
        .call_options(client(url).options().clone())
        .build()
        .unwrap();
    (client, records)
}

/// The last chat chunk: a finish reason and usage, then `[DONE]`.
const LAST: &str = "data: {\"id\":\"1\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{\"content\":\"!\"}}],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18}}\n\ndata: [DONE]\n\n";

/// Metadata, span fields, stream and per-operation metrics.
pub(super) fn cases() -> Vec<Case> {
    vec![
        (
            "success metadata: status, headers and request id",
            Box::pin(async {
                let answer = http(
                    "200 OK",
                    &["content-type: application/json", "x-request-id: req-9"],
                    OK.as_bytes(),
                );
                let server = serve(vec![Step::Reply(answer)]).await;
                let kept = LastResponse::default();
                let result = client(&server.url)
                    .with_options(|o| o.keep_response(&kept))
                    .create_chat_completion(&request())
                    .await;
                let meta = kept.get();
                check(
                    result.is_ok()
                        && meta
                            .as_ref()
                            .is_some_and(|m| m.status == 200 && m.request_id() == Some("req-9")),
                    meta,
                )
            }),
        ),
        (
            "stream metrics: a stream failing with Timeout::Read is a failure, recorded when it fails",
            Box::pin(async {
                let server = serve(vec![Step::ReplyThenStall(http_stream(EVENT.as_bytes()))]).await;
                let (client, records) = recorded(&server.url);
                let stream = client
                    .with_options(|o| o.read_timeout(Duration::from_millis(100)))
                    .create_chat_completion_stream(&request())
                    .await
                    .map_err(|e| e.to_string())?;
                let at_open = records.calls.lock().unwrap().len();
                let items: Vec<_> = stream.collect().await;
                let calls = records.calls.lock().unwrap().clone();
                let stats = records.stats.snapshot();
                let chat = stats.operations.get("createChatCompletion").copied();
                let failed = matches!(items.last(), Some(Err(Error::Timeout(Timeout::Read(_)))));
                let stream = calls.first().and_then(|c| c.2);
                check(
                    failed
                        && at_open == 0
                        && calls.len() == 1
                        && calls[0].0.as_ref().is_err_and(|e| e.contains("read"))
                        && stream.is_some_and(|s| {
                            s.events == 1 && !s.completed && s.first_event.is_some()
                        })
                        && (stats.calls, stats.successes, stats.failures) == (1, 0, 1)
                        && chat.is_some_and(|c| c.calls == 1 && c.failures == 1 && c.events == 1),
                    (calls, stats),
                )
            }),
        ),
        (
            "stream metrics: time to first event, duration, events and usage of a finished stream",
            Box::pin(async {
                let pause = Duration::from_millis(150);
                let script = Step::ReplyPaused(
                    http_stream(EVENT.as_bytes()),
                    pause,
                    LAST.as_bytes().to_vec(),
                );
                let server = serve(vec![script]).await;
                let (client, records) = recorded(&server.url);
                let stream = client
                    .create_chat_completion_stream(&request())
                    .await
                    .map_err(|e| e.to_string())?;
                let items: Vec<_> = stream.collect().await;
                let calls = records.calls.lock().unwrap().clone();
                let chat = records
                    .stats
                    .snapshot()
                    .operations
                    .get("createChatCompletion")
                    .copied();
                let tokens = |u: TokenUsage| (u.input_tokens, u.output_tokens);
                let timed = |(outcome, latency, stream): &(
                    Result<(), String>,
                    Duration,
                    Option<StreamRecord>,
                )| {
                    let Some(s) = stream else { return false };
                    let first = s.first_event.unwrap_or(Duration::MAX);
                    outcome.is_ok()
                        && s.events == 2
                        && s.completed
                        && tokens(s.usage) == (11, 7)
                        && first < pause
                        && *latency >= pause
                };
                check(
                    items.iter().all(Result::is_ok)
                        && calls.len() == 1
                        && timed(&calls[0])
                        && chat.is_some_and(|c| {
                            c.events == 2 && tokens(c.usage) == (11, 7) && c.failures == 0
                        }),
                    calls,
                )
            }),
        ),
        (
            "stream metrics: a stream dropped after one event is recorded at the drop, not completed",
            Box::pin(async {
                let server = serve(vec![Step::ReplyThenStall(http_stream(EVENT.as_bytes()))]).await;
                let (client, records) = recorded(&server.url);
                let mut stream = client
                    .create_chat_completion_stream(&request())
                    .await
                    .map_err(|e| e.to_string())?;
                let first = stream.next().await;
                let before = records.calls.lock().unwrap().len();
                drop(stream);
                let calls = records.calls.lock().unwrap().clone();
                check(
                    matches!(first, Some(Ok(_)))
                        && before == 0
                        && calls.len() == 1
                        && calls[0].0.is_ok()
                        && calls[0].2.is_some_and(|s| s.events == 1 && !s.completed),
                    calls,
                )
            }),
        ),
        (
            "per-operation counters and mean latency in the stats snapshot",
            Box::pin(async {
                let script = vec![ok(), ok(), error("400 Bad Request", "1214", &[])];
                let server = serve(script).await;
                let (client, records) = recorded(&server.url);
                for _ in 0..2 {
                    client
                        .create_chat_completion(&request())
                        .await
                        .map_err(|e| e.to_string())?;
                }
                let failed = client.retrieve_knowledge_capacity().await.is_err();
                let stats = records.stats.snapshot();
                let (chat, capacity) = (
                    stats.operations["createChatCompletion"],
                    stats.operations["retrieveKnowledgeCapacity"],
                );
                let counts = |o: OperationStats| (o.calls, o.failures, o.events);
                check(
                    failed
                        && stats.operations.len() == 2
                        && counts(chat) == (2, 0, 0)
                        && counts(capacity) == (1, 1, 0)
                        && chat.mean_latency == chat.total_latency / 2
                        && capacity.mean_latency == capacity.total_latency
                        && stats.total_latency == chat.total_latency + capacity.total_latency,
                    stats,
                )
            }),
        ),
        (
            "the zai.call span records the request id of a success",
            Box::pin(async {
                let logs = crate::support::logs();
                let answer = http(
                    "200 OK",
                    &["content-type: application/json", "x-request-id: req-span-7"],
                    OK.as_bytes(),
                );
                let server = serve(vec![Step::Reply(answer)]).await;
                client(&server.url)
                    .create_chat_completion(&request())
                    .await
                    .map_err(|e| e.to_string())?;
                let logs = String::from_utf8_lossy(&logs.lock().unwrap()).into_owned();
                let closed = logs
                    .lines()
                    .find(|l| l.contains("req-span-7"))
                    .unwrap_or_default()
                    .to_owned();
                check(
                    closed.contains("zai.call{")
                        && closed.contains("operation=\"createChatCompletion\"")
                        && closed.contains("request_id=\"req-span-7\"")
                        && closed.contains("attempts=1")
                        && closed.contains("close"),
                    closed,
                )
            }),
        ),
    ]
}
