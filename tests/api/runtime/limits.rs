//! The fault matrix's cases at the service's limits: billed work never sent
//! twice, errors inside HTTP 200, redirects, the concurrency governor, the
//! overload tier, stream deadlines, success metadata and clear messages. Each
//! case is one outcome; `faults::fault_matrix` counts them.

use super::faults::{EVENT, KEY, OK, client, error, ok, request};
use crate::support::scripted::{Server, Step, http, http_stream, serve};
use futures_util::StreamExt;
use serde_json::json;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use zai::types::VideoGenerationRequest;
use zai::{CallOptions, Error, LastResponse, RetrySafety, Timeout};

const TASK: &str = r#"{"model":"cogvideox-3","id":"vid-1","task_status":"PROCESSING"}"#;

type Outcome = Result<(), String>;
type Case = (&'static str, Pin<Box<dyn Future<Output = Outcome>>>);

fn task() -> Step {
    Step::Reply(http("200 OK", &[], TASK.as_bytes()))
}

fn check(ok: bool, what: impl std::fmt::Debug) -> Outcome {
    ok.then_some(()).ok_or_else(|| format!("{what:?}"))
}

fn hits(server: &Server) -> usize {
    server.hits.load(Ordering::SeqCst)
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

fn html_page() -> Step {
    Step::Reply(http(
        "200 OK",
        &["content-type: text/html"],
        b"<html><body>Gateway login</body></html>",
    ))
}

/// Every case, run in order.
pub(super) async fn cases() -> Vec<(&'static str, Outcome)> {
    let cases: Vec<Case> = vec![
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
            "oversized response head: not retried, the message says so",
            Box::pin(async {
                let headers: Vec<String> = (0..120).map(|i| format!("x-h{i}: v")).collect();
                let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
                let server = serve(vec![
                    Step::Reply(http("200 OK", &headers, OK.as_bytes())),
                    ok(),
                ])
                .await;
                let result = client(&server.url).create_chat_completion(&request()).await;
                let message = result
                    .as_ref()
                    .err()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                check(hits(&server) == 1 && message.contains("too large"), message)
            }),
        ),
        (
            "reset mid-body: the message names the reset",
            Box::pin(async {
                let server = serve(vec![Step::ReplyThenReset(
                    http("200 OK", &[], OK.as_bytes())[..80].to_vec(),
                )])
                .await;
                let result = client(&server.url).create_chat_completion(&request()).await;
                let message = result
                    .as_ref()
                    .err()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                check(message.to_lowercase().contains("reset"), message)
            }),
        ),
        (
            "chat 200 {\"error\"}: Error::Api with status 200 and the code",
            Box::pin(async {
                let server = serve(vec![error("200 OK", "1301", &[])]).await;
                let result = client(&server.url).create_chat_completion(&request()).await;
                let code = result
                    .as_ref()
                    .err()
                    .and_then(|e| e.code())
                    .map(|c| c.as_str().to_owned());
                check(
                    hits(&server) == 1
                        && result.as_ref().err().and_then(Error::status)
                            == Some(reqwest::StatusCode::OK)
                        && code.as_deref() == Some("1301"),
                    result,
                )
            }),
        ),
        (
            "envelope code 10003: Error::Api",
            Box::pin(async {
                let body = r#"{"code":10003,"message":"knowledge base not found","timestamp":1}"#;
                let server = serve(vec![Step::Reply(http("200 OK", &[], body.as_bytes()))]).await;
                let result = client(&server.url).retrieve_knowledge_capacity().await;
                check(
                    matches!(&result, Err(Error::Api(a)) if a.status == 200
                && a.code.as_ref().map(|c| c.as_str()) == Some("10003") && a.message == "knowledge base not found"),
                    result,
                )
            }),
        ),
        (
            "envelope code 200: Ok with the data",
            Box::pin(async {
                let body = r#"{"code":200,"message":"ok","data":{"used":{"word_num":7}}}"#;
                let server = serve(vec![Step::Reply(http("200 OK", &[], body.as_bytes()))]).await;
                let result = client(&server.url).retrieve_knowledge_capacity().await;
                let used = result
                    .as_ref()
                    .ok()
                    .and_then(|c| c.data.as_ref()?.used.as_ref()?.word_num);
                check(used == Some(7), result)
            }),
        ),
        (
            "an answer whose schema has its own `error` (agents) is no error",
            Box::pin(async {
                let body =
                    r#"{"status":"failed","agent_id":"a","error":{"code":"1","message":"m"}}"#;
                let server = serve(vec![Step::Reply(http("200 OK", &[], body.as_bytes()))]).await;
                let result = client(&server.url)
                    .call_raw(
                        "createAgentCompletion",
                        &[],
                        &[],
                        Some(&json!({"agent_id": "a"})),
                    )
                    .await;
                check(result.is_ok(), result)
            }),
        ),
        (
            "cross-origin redirect: refused, naming the target, which is never reached",
            Box::pin(async {
                let other = serve(vec![ok()]).await;
                let location = format!("location: {}/elsewhere", other.url);
                let server = serve(vec![Step::Reply(http(
                    "307 Temporary Redirect",
                    &[&location],
                    b"",
                ))])
                .await;
                let result = client(&server.url).create_chat_completion(&request()).await;
                let message = result
                    .as_ref()
                    .err()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                check(
                    hits(&other) == 0 && hits(&server) == 1 && message.contains(&other.url),
                    message,
                )
            }),
        ),
        (
            "redirect to another scheme (the origin includes it): refused",
            Box::pin(async {
                let server = serve(vec![]).await;
                let location = format!("location: {}/x", server.url.replace("http://", "https://"));
                let server = serve(vec![Step::Reply(http(
                    "308 Permanent Redirect",
                    &[&location],
                    b"",
                ))])
                .await;
                let result = client(&server.url).create_chat_completion(&request()).await;
                let message = result
                    .as_ref()
                    .err()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                check(
                    hits(&server) == 1 && message.contains("refused a redirect to https://"),
                    message,
                )
            }),
        ),
        (
            "same-origin redirect: followed",
            Box::pin(async {
                let server = serve(vec![
                    Step::Reply(http("307 Temporary Redirect", &["location: /v2/chat"], b"")),
                    ok(),
                ])
                .await;
                let result = client(&server.url).create_chat_completion(&request()).await;
                let second = server
                    .heads
                    .lock()
                    .unwrap()
                    .get(1)
                    .cloned()
                    .unwrap_or_default();
                check(
                    result.is_ok() && second.starts_with("post /v2/chat"),
                    (result, second),
                )
            }),
        ),
        (
            "max_in_flight(2), 20 concurrent calls: at most 2 at once, all succeed",
            Box::pin(async {
                let slow = Step::ReplyPaused(
                    Vec::new(),
                    Duration::from_millis(20),
                    http("200 OK", &[], OK.as_bytes()),
                );
                let server = serve(vec![slow]).await;
                let stats = Arc::new(zai::CallStats::default());
                let client = zai::Client::builder()
                    .api_key(KEY)
                    .base_url(&server.url)
                    .max_in_flight(2)
                    .metrics(stats.clone())
                    .build()
                    .unwrap();
                let chat = request();
                let calls = (0..20).map(|_| client.create_chat_completion(&chat));
                let results = futures_util::future::join_all(calls).await;
                let all_ok = results.iter().all(Result::is_ok);
                let snapshot = stats.snapshot();
                check(
                    all_ok
                        && server.peak.load(Ordering::SeqCst) == 2
                        && hits(&server) == 20
                        && snapshot.total_queued > Duration::ZERO,
                    (server.peak.load(Ordering::SeqCst), snapshot),
                )
            }),
        ),
        (
            "a stream holds its slot until dropped",
            Box::pin(async {
                let server = serve(vec![
                    Step::ReplyThenStall(http_stream(EVENT.as_bytes())),
                    ok(),
                ])
                .await;
                let client = zai::Client::builder()
                    .api_key(KEY)
                    .base_url(&server.url)
                    .max_in_flight(1)
                    .build()
                    .unwrap();
                let mut stream = client
                    .create_chat_completion_stream(&request())
                    .await
                    .map_err(|e| e.to_string())?;
                let _ = stream.next().await;
                let waiting = tokio::time::timeout(
                    Duration::from_millis(200),
                    client.create_chat_completion(&request()),
                )
                .await;
                drop(stream);
                let after = tokio::time::timeout(
                    Duration::from_secs(5),
                    client.create_chat_completion(&request()),
                )
                .await;
                check(waiting.is_err() && matches!(after, Ok(Ok(_))), after)
            }),
        ),
        (
            "stream deadline: keep-alive comments do not extend it",
            Box::pin(async {
                let head = http_stream(EVENT.as_bytes());
                let server = serve(vec![Step::Trickle(
                    head,
                    b": keep-alive\n\n".to_vec(),
                    Duration::from_millis(100),
                )])
                .await;
                let client = client(&server.url)
                    .with_options(|o| o.stream_deadline(Duration::from_millis(700)));
                let started = Instant::now();
                let mut stream = client
                    .create_chat_completion_stream(&request())
                    .await
                    .map_err(|e| e.to_string())?;
                let mut last = None;
                while let Some(item) = stream.next().await {
                    last = Some(item);
                }
                let took = started.elapsed();
                check(
                    matches!(last, Some(Err(Error::Timeout(Timeout::Deadline(d)))) if d == Duration::from_millis(700))
                        && took < Duration::from_secs(2),
                    (last, took),
                )
            }),
        ),
        (
            "per-call read timeout on a stream",
            Box::pin(async {
                let server = serve(vec![Step::ReplyThenStall(http_stream(EVENT.as_bytes()))]).await;
                let client = client(&server.url)
                    .with_options(|o| o.read_timeout(Duration::from_millis(100)));
                let items: Vec<_> = client
                    .create_chat_completion_stream(&request())
                    .await
                    .map_err(|e| e.to_string())?
                    .collect()
                    .await;
                check(
                    matches!(items.last(), Some(Err(Error::Timeout(Timeout::Read(Some(d))))) if *d == Duration::from_millis(100)),
                    items,
                )
            }),
        ),
        (
            "HTML answering a stream request: Error::Api with the page",
            Box::pin(async {
                let server = serve(vec![html_page()]).await;
                let result = client(&server.url)
                    .create_chat_completion_stream(&request())
                    .await;
                check(
                    matches!(&result, Err(Error::Api(a)) if a.status == 200 && a.message.contains("Gateway login")),
                    result.map(|_| ()),
                )
            }),
        ),
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
            "overloads: retried past max_retries within the overload budget",
            Box::pin(async {
                let overloaded = error("503 Service Unavailable", "1305", &[]);
                let server = serve(vec![
                    overloaded.clone(),
                    overloaded.clone(),
                    overloaded.clone(),
                    overloaded.clone(),
                    overloaded,
                    ok(),
                ])
                .await;
                let result = client(&server.url).create_chat_completion(&request()).await;
                check(
                    hits(&server) == 6 && result.is_ok(),
                    (hits(&server), result),
                )
            }),
        ),
        (
            "retry-after-ms is honoured",
            Box::pin(async {
                let server = serve(vec![
                    error("429 Too Many Requests", "1302", &["retry-after-ms: 300"]),
                    ok(),
                ])
                .await;
                let started = Instant::now();
                let result = client(&server.url).create_chat_completion(&request()).await;
                let took = started.elapsed();
                check(
                    hits(&server) == 2 && result.is_ok() && took >= Duration::from_millis(300),
                    (result, took),
                )
            }),
        ),
        (
            "a password in the base URL is never echoed",
            Box::pin(async {
                let messages: Vec<String> = [
                    "http://user:hunter2@example.com/api",
                    "https://user:hunter2@[bad/api",
                ]
                .into_iter()
                .map(|url| {
                    zai::Client::builder()
                        .api_key(KEY)
                        .base_url(url)
                        .build()
                        .err()
                        .map(|e| e.to_string())
                        .unwrap_or_default()
                })
                .collect();
                check(
                    messages.iter().all(|m| {
                        !m.is_empty() && !m.contains("hunter2") && m.contains("user:***@")
                    }),
                    messages,
                )
            }),
        ),
        (
            "a crafted batch state file: an error, no panic",
            Box::pin(async {
                let path =
                    std::env::temp_dir().join(format!("zai-crafted-{}.json", std::process::id()));
                let part =
                    json!({"requests": u64::MAX, "bytes": 1, "last_id": "a", "batch_id": "b"});
                let state = json!({"version": 1, "endpoint": "/v4/chat/completions", "parts": [part, part]});
                std::fs::write(&path, state.to_string()).map_err(|e| e.to_string())?;
                let result = zai::BatchProgress::from_state_file(&path);
                let _ = std::fs::remove_file(&path);
                check(
                    matches!(&result, Err(Error::InvalidRequest(m)) if m.contains("do not add up")),
                    result,
                )
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
    ];
    let mut outcomes = Vec::new();
    for (name, case) in cases {
        let outcome = tokio::time::timeout(Duration::from_secs(15), case)
            .await
            .unwrap_or_else(|_| Err("did not finish within 15 s".into()));
        outcomes.push((name, outcome));
    }
    outcomes
}
