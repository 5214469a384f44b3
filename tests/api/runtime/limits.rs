//! The fault matrix's cases at the service's limits, gathered from their topic
//! files (`limits_*`), and here billed work: never sent twice, a task journal.
//! Each case is one outcome; `faults::fault_matrix` counts them.

use super::faults::{KEY, client, error, request};
use crate::support::scripted::{Server, Step, http, serve};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use zai::types::VideoGenerationRequest;
use zai::{CallOptions, Error, RetrySafety};

const TASK: &str = r#"{"model":"cogvideox-3","id":"vid-1","task_status":"PROCESSING"}"#;

pub(super) type Outcome = Result<(), String>;
pub(super) type Case = (&'static str, Pin<Box<dyn Future<Output = Outcome>>>);

fn task() -> Step {
    Step::Reply(http("200 OK", &[], TASK.as_bytes()))
}

pub(super) fn check(ok: bool, what: impl std::fmt::Debug) -> Outcome {
    ok.then_some(()).ok_or_else(|| format!("{what:?}"))
}

pub(super) fn hits(server: &Server) -> usize {
    server.hits.load(Ordering::SeqCst)
}

/// The message of a chat call's error against `url` (empty when it succeeds).
pub(super) async fn chat_error(url: &str) -> String {
    let result = client(url).create_chat_completion(&request()).await;
    result
        .err()
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// A billed call (video generation) against `script`: its result and attempts.
async fn billed(
    script: Vec<Step>,
    request: VideoGenerationRequest,
    change: impl FnOnce(CallOptions) -> CallOptions,
) -> (Result<String, Error>, Server) {
    let server = serve(script).await;
    let result = client(&server.url)
        .with_options(change)
        .create_video_generation(&request)
        .await
        .map(|task| task.id.unwrap_or_default());
    (result, server)
}

fn video() -> VideoGenerationRequest {
    VideoGenerationRequest::new("cogvideox-3").prompt("a cat")
}

/// One attempt, and the "outcome unknown" error naming the id the client sent.
async fn sent_once_then_unknown(script: Vec<Step>) -> Outcome {
    let (result, server) = billed(script, video(), |o| o).await;
    let sent = server.bodies.lock().unwrap().clone();
    let Err(
        e @ Error::OutcomeUnknown {
            request_id: Some(id),
            ..
        },
    ) = &result
    else {
        return Err(format!("{result:?}"));
    };
    let message = e.to_string();
    check(
        hits(&server) == 1
            && id.starts_with("zai-")
            && sent[0].contains(&format!(r#""request_id":"{id}""#))
            && message.contains("outcome unknown")
            && message.contains(id.as_str()),
        (hits(&server), message, sent),
    )
}

/// Every case, run in order.
pub(super) async fn cases() -> Vec<(&'static str, Outcome)> {
    let cases = [
        billed_cases(),
        super::limits_answers::cases(),
        super::limits_flow::cases(),
        super::limits_observe::cases(),
        super::limits_batch::cases(),
    ]
    .into_iter()
    .flatten();
    let mut outcomes = Vec::new();
    for (name, case) in cases {
        let outcome = tokio::time::timeout(Duration::from_secs(15), case)
            .await
            .unwrap_or_else(|_| Err("did not finish within 15 s".into()));
        outcomes.push((name, outcome));
    }
    outcomes
}

/// Billed work: one attempt once sent, retried only when provably unprocessed;
/// a journal resumes a crashed `*_and_wait`.
fn billed_cases() -> Vec<Case> {
    vec![
        (
            "billed: reset after the request was read: one attempt, outcome unknown",
            Box::pin(sent_once_then_unknown(vec![
                Step::ReplyThenReset(Vec::new()),
                task(),
            ])),
        ),
        (
            "billed: 502: one attempt, outcome unknown",
            Box::pin(sent_once_then_unknown(vec![
                Step::Reply(http("502 Bad Gateway", &[], b"")),
                task(),
            ])),
        ),
        (
            "billed: 504: one attempt, outcome unknown",
            Box::pin(sent_once_then_unknown(vec![
                Step::Reply(http("504 Gateway Timeout", &[], b"")),
                task(),
            ])),
        ),
        (
            "billed: read timeout before the answer: one attempt, outcome unknown",
            Box::pin(sent_once_then_unknown(vec![
                Step::ReplyThenStall(Vec::new()),
                task(),
            ])),
        ),
        (
            "billed: 1305 on 503 is provably unprocessed: retried",
            Box::pin(async {
                let (result, server) = billed(
                    vec![error("503 Service Unavailable", "1305", &[]), task()],
                    video(),
                    |o| o,
                )
                .await;
                check(
                    hits(&server) == 2 && result.as_deref().ok() == Some("vid-1"),
                    result,
                )
            }),
        ),
        (
            "billed: 429 is provably unprocessed: retried, the same request_id each time",
            Box::pin(async {
                let script = vec![error("429 Too Many Requests", "1302", &[]), task()];
                let (result, server) = billed(script, video(), |o| o).await;
                let sent = server.bodies.lock().unwrap().clone();
                check(
                    hits(&server) == 2
                        && result.is_ok()
                        && sent[0] == sent[1]
                        && sent[0].contains("zai-"),
                    sent,
                )
            }),
        ),
        (
            "billed: the caller's request_id is sent as is and named",
            Box::pin(async {
                let script = vec![
                    error("429 Too Many Requests", "1302", &[]),
                    Step::Reply(http("500 Internal Server Error", &[], b"")),
                ];
                let (result, server) = billed(script, video().request_id("mine-1"), |o| o).await;
                let sent = server.bodies.lock().unwrap().clone();
                let named = matches!(&result, Err(Error::OutcomeUnknown { request_id: Some(id), .. }) if id == "mine-1");
                check(
                    named
                        && hits(&server) == 2
                        && sent.iter().all(|b| b.contains(r#""request_id":"mine-1""#)),
                    (result, sent),
                )
            }),
        ),
        (
            "billed: connection refused is retried (nothing was sent)",
            Box::pin(async {
                let stats = Arc::new(zai::CallStats::default());
                let port = std::net::TcpListener::bind("127.0.0.1:0")
                    .unwrap()
                    .local_addr()
                    .unwrap()
                    .port();
                let result = zai::Client::builder()
                    .api_key(KEY)
                    .base_url(format!("http://127.0.0.1:{port}"))
                    .metrics(stats.clone())
                    .call_options(client("http://127.0.0.1").options().clone())
                    .build()
                    .unwrap()
                    .create_video_generation(&video())
                    .await;
                check(
                    matches!(result, Err(Error::Transport(_))) && stats.snapshot().retries == 4,
                    (result, stats.snapshot()),
                )
            }),
        ),
        (
            "billed: a per-call override (RetrySafety::Transient) retries a 502",
            Box::pin(async {
                let script = vec![Step::Reply(http("502 Bad Gateway", &[], b"")), task()];
                let (result, server) =
                    billed(script, video(), |o| o.retry_safety(RetrySafety::Transient)).await;
                check(hits(&server) == 2 && result.is_ok(), result)
            }),
        ),
        (
            "journal: a crashed *_and_wait resumes polling, no second task",
            Box::pin(async {
                let journal =
                    std::env::temp_dir().join(format!("zai-journal-{}.txt", std::process::id()));
                let options =
                    zai::PollOptions::every(Duration::from_millis(10), Duration::from_secs(5))
                        .journal(&journal);
                let first = serve(vec![task(), Step::ReplyThenStall(Vec::new())]).await;
                let crashed = tokio::time::timeout(
                    Duration::from_millis(300),
                    client(&first.url).create_video_generation_and_wait(&video(), &options, |_| {}),
                )
                .await;
                let recorded = std::fs::read_to_string(&journal).unwrap_or_default();
                let done =
                    r#"{"task_status":"SUCCESS","video_result":[{"url":"https://v/1.mp4"}]}"#;
                let second = serve(vec![Step::Reply(http("200 OK", &[], done.as_bytes()))]).await;
                let result = client(&second.url)
                    .create_video_generation_and_wait(&video(), &options, |_| {})
                    .await;
                let heads = second.heads.lock().unwrap().clone();
                check(
                    crashed.is_err()
                        && recorded.trim() == "createVideoGeneration vid-1"
                        && result.is_ok()
                        && heads
                            .iter()
                            .all(|h| h.starts_with("get /async-result/vid-1"))
                        && !journal.exists(),
                    (recorded, heads, result),
                )
            }),
        ),
    ]
}
