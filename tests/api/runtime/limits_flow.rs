//! Fault-matrix cases of a call's flow: redirects kept within the origin, the
//! concurrency governor, the overload tier, and streams bounded once open.
use super::faults::{EVENT, KEY, OK, client, error, ok, request};
use super::limits::{Case, chat_error, check, hits};
use crate::support::scripted::{Step, http, http_stream, serve};
use futures_util::StreamExt;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use zai::{Error, Timeout};

/// Redirects, the governor, overloads, stream deadlines and read timeouts.
pub(super) fn cases() -> Vec<Case> {
    vec![
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
                let message = chat_error(&server.url).await;
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
                let message = chat_error(&server.url).await;
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
            "billed call queued for a slot past its deadline: a deadline, not outcome unknown; never sent",
            Box::pin(async {
                let slow = Step::ReplyPaused(
                    Vec::new(),
                    Duration::from_millis(600),
                    http("200 OK", &[], OK.as_bytes()),
                );
                let server = serve(vec![slow]).await;
                let client = zai::Client::builder()
                    .api_key(KEY)
                    .base_url(&server.url)
                    .max_in_flight(1)
                    .build()
                    .unwrap();
                let chat = request();
                let holder = client.create_chat_completion(&chat);
                let video = zai::types::VideoGenerationRequest::new("cogvideox-3").prompt("a cat");
                let queued = async {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    client
                        .with_options(|o| o.deadline(Duration::from_millis(150)))
                        .create_video_generation(&video)
                        .await
                };
                let (held, queued) = tokio::join!(holder, queued);
                check(
                    held.is_ok()
                        && matches!(queued, Err(Error::Timeout(Timeout::Deadline(_))))
                        && hits(&server) == 1,
                    (held.map(|_| ()), queued.map(|_| ()), hits(&server)),
                )
            }),
        ),
    ]
}
