//! Fault injection: a scripted loopback TCP server misbehaves in every way seen in
//! the wild; each call must end in success or the right typed error, in bounded
//! time, with the expected number of attempts — and the key must never leak into
//! an error string or the tracing output.

use crate::support::scripted::{Server, Step, http, http_stream, serve};
use futures_util::StreamExt;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use zai::types::{ChatCompletionRequest, ChatMessage};
use zai::{CallOptions, Error, RetryPolicy, StreamError};

pub(super) const KEY: &str = "faultid.SECRETKEYNEVERSHOWN";

pub(super) const OK: &str = r#"{"id":"1","created":1,"model":"glm-4.7","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"fine"}}]}"#;
pub(super) const EVENT: &str = "data: {\"id\":\"1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"hi\"}}]}\n\n";

pub(super) fn ok() -> Step {
    Step::Reply(http(
        "200 OK",
        &["content-type: application/json"],
        OK.as_bytes(),
    ))
}

pub(super) fn error(status: &str, code: &str, headers: &[&str]) -> Step {
    let body = format!(r#"{{"error":{{"code":"{code}","message":"fault {code}"}}}}"#);
    Step::Reply(http(status, headers, body.as_bytes()))
}

pub(super) fn client(url: &str) -> zai::Client {
    let retry = RetryPolicy {
        max_retries: 4,
        initial_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(40),
        max_retry_after: Duration::from_secs(3),
        budget: Duration::from_secs(10),
        overload_budget: Duration::from_secs(10),
        overload_max_backoff: Duration::from_millis(40),
    };
    zai::Client::builder()
        .api_key(KEY)
        .base_url(url)
        .read_timeout(Duration::from_millis(500))
        .call_options(
            CallOptions::default()
                .retry(retry)
                .attempt_timeout(Duration::from_millis(800)),
        )
        .build()
        .unwrap()
}

pub(super) fn request() -> ChatCompletionRequest {
    ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("hi")])
}

/// The outcome of a case: a short name for the result, and attempts made.
async fn call(server: &Server, client: &zai::Client) -> (Result<String, Error>, usize) {
    let result = client.create_chat_completion(&request()).await.map(|r| {
        r.choices[0]
            .message
            .as_ref()
            .and_then(|m| m.content.clone())
            .unwrap_or_default()
    });
    (result, server.hits.load(Ordering::SeqCst))
}

/// Collects a stream: the chunks' text, then the error that ended it, if any.
async fn stream(server: &Server, client: &zai::Client) -> (Result<String, Error>, usize) {
    let mut text = String::new();
    let result = match client.create_chat_completion_stream(&request()).await {
        Ok(mut stream) => loop {
            match stream.next().await {
                None => break Ok(text),
                Some(Ok(chunk)) => {
                    for choice in chunk.choices {
                        text.push_str(
                            choice
                                .delta
                                .and_then(|d| d.content)
                                .as_deref()
                                .unwrap_or(""),
                        );
                    }
                }
                Some(Err(e)) => break Err(e),
            }
        },
        Err(e) => Err(e),
    };
    (result, server.hits.load(Ordering::SeqCst))
}

type Check = Box<dyn Fn(&Result<String, Error>, usize, Duration) -> Result<(), String>>;

fn expect(attempts: usize, judge: impl Fn(&Result<String, Error>) -> bool + 'static) -> Check {
    Box::new(move |result, hits, _| {
        if hits != attempts {
            return Err(format!("expected {attempts} attempts, saw {hits}"));
        }
        judge(result)
            .then_some(())
            .ok_or_else(|| format!("unexpected result {result:?}"))
    })
}

fn api(status: u16, code: Option<&'static str>) -> impl Fn(&Result<String, Error>) -> bool {
    move |r| matches!(r, Err(Error::Api(a)) if a.status.as_u16() == status && a.code.as_ref().map(|c| c.as_str()) == code)
}

#[tokio::test(flavor = "current_thread")]
async fn fault_matrix() {
    let logs = crate::support::logs();

    let in_a_second =
        httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(2));
    let date_header: &'static str =
        Box::leak(format!("retry-after: {in_a_second}").into_boxed_str());
    let big_event = format!("data: {}\n\n", "x".repeat(2048));
    // Answers around the body limit (1,024 bytes in this matrix).
    let at_limit = format!("{OK:<1024}");
    let big_body = format!("{OK:<2048}");
    let big_answer = http("200 OK", &[], big_body.as_bytes());
    let big_head = big_answer[..big_answer.len() - big_body.len()].to_vec();
    let mut unsized_big_answer = b"HTTP/1.1 200 OK\r\nconnection: close\r\n\r\n".to_vec();
    unsized_big_answer.extend_from_slice(big_body.as_bytes());
    let halves = format!("{OK:<1500}");
    let (first_half, second_half) = halves.split_at(750);
    let big_answer_in_two = Step::ReplyPaused(
        [
            b"HTTP/1.1 200 OK\r\nconnection: close\r\n\r\n",
            first_half.as_bytes(),
        ]
        .concat(),
        Duration::from_millis(50),
        second_half.as_bytes().to_vec(),
    );
    let too_large = |status| move |r: &Result<String, Error>| matches!(r, Err(Error::BodyTooLarge { status: s, limit: 1024 }) if *s == status);
    let mut invalid_utf8 = b"data: {\"id\":\"\xff\xfe\"}\n\n".to_vec();
    invalid_utf8.extend_from_slice(b"data: [DONE]\n\n");

    let success = |r: &Result<String, Error>| matches!(r, Ok(text) if text == "fine");
    type Case = (&'static str, Vec<Step>, bool, Check);
    let cases: Vec<Case> = vec![
        // First: its HTTP-date has one-second resolution and is computed above.
        ("429 Retry-After HTTP-date then success", vec![error("429 Too Many Requests", "1302", &[date_header]), ok()], false,
            Box::new(move |r, hits, took| {
                (hits == 2 && success(r) && took >= Duration::from_millis(500)).then_some(()).ok_or(format!("{r:?} {hits} {took:?}"))
            })),
        ("429 Retry-After: 1 then success", vec![error("429 Too Many Requests", "1302", &["retry-after: 1"]), ok()], false,
            Box::new(move |r, hits, took| {
                (hits == 2 && success(r) && took >= Duration::from_millis(950)).then_some(()).ok_or(format!("{r:?} {hits} {took:?}"))
            })),
        ("500, 502, 503, 504 then success", vec![
            Step::Reply(http("500 Internal Server Error", &[], b"")),
            Step::Reply(http("502 Bad Gateway", &[], b"")),
            Step::Reply(http("503 Service Unavailable", &[], b"")),
            Step::Reply(http("504 Gateway Timeout", &[], b"")),
            ok()], false, expect(5, success)),
        ("reset before headers, then success", vec![Step::ReplyThenReset(Vec::new()), ok()], false, expect(2, success)),
        ("reset mid-body: transport error, no retry",
            vec![Step::ReplyThenReset(http("200 OK", &[], OK.as_bytes())[..80].to_vec())], false,
            expect(1, |r| matches!(r, Err(Error::Transport(_))))),
        ("reset mid-stream after an event: error surfaced, no retry",
            vec![Step::ReplyThenReset(http_stream(EVENT.as_bytes()))], true,
            expect(1, |r| matches!(r, Err(Error::Transport(_))))),
        ("stall before headers, then success", vec![Step::ReplyThenStall(Vec::new()), ok()], false, expect(2, success)),
        ("stall mid-body: read timeout, no retry",
            vec![Step::ReplyThenStall(http("200 OK", &[], OK.as_bytes())[..80].to_vec())], false,
            expect(1, |r| matches!(r, Err(Error::Timeout(zai::Timeout::Read(Some(d)))) if *d == Duration::from_millis(500)))),
        ("error body stalls: read timeout, retried, then success",
            vec![Step::ReplyThenStall(http("500 Internal Server Error", &[], OK.as_bytes())[..90].to_vec()), ok()], false,
            expect(2, success)),
        ("stall mid-stream: read timeout", vec![Step::ReplyThenStall(http_stream(EVENT.as_bytes()))], true,
            expect(1, |r| matches!(r, Err(Error::Timeout(zai::Timeout::Read(Some(d)))) if *d == Duration::from_millis(500)))),
        ("truncated JSON body keeps the body", vec![Step::Reply(http("200 OK", &[], &OK.as_bytes()[..40]))], false,
            expect(1, |r| matches!(r, Err(Error::Decode { body, .. }) if body.len() == 40))),
        ("stream ends without [DONE] or finish_reason", vec![Step::Reply(http_stream(EVENT.as_bytes()))], true,
            expect(1, |r| matches!(r, Err(Error::Stream(StreamError::Incomplete))))),
        ("in-stream error object", vec![Step::Reply(http_stream(
            format!("{EVENT}data: {{\"error\":{{\"code\":\"1301\",\"message\":\"unsafe\"}}}}\n\n").as_bytes()))], true,
            expect(1, api(200, Some("1301")))),
        ("HTML 502 every time: retried, then the 502", vec![Step::Reply(http("502 Bad Gateway", &["content-type: text/html"], b"<html><h1>502</h1></html>"))], false,
            expect(5, api(502, None))),
        ("Spring-style 404: not retried", vec![Step::Reply(http("404 Not Found", &[],
            br#"{"timestamp":"2026-11-01T00:00:00.000+00:00","status":404,"error":"Not Found","path":"/v4/x"}"#))], false,
            expect(1, api(404, None))),
        ("1113 on 429: not retried", vec![error("429 Too Many Requests", "1113", &[])], false, expect(1, api(429, Some("1113")))),
        ("1308 on 429: not retried", vec![error("429 Too Many Requests", "1308", &[])], false, expect(1, api(429, Some("1308")))),
        ("x-should-retry: false on 503: not retried", vec![error("503 Service Unavailable", "1305", &["x-should-retry: false"])], false,
            expect(1, api(503, Some("1305")))),
        ("SSE event over the size limit", vec![Step::Reply(http_stream(big_event.as_bytes()))], true,
            expect(1, |r| matches!(r, Err(Error::Stream(StreamError::EventTooLarge(1024)))))),
        ("answer of exactly the body limit", vec![Step::Reply(http("200 OK", &[], at_limit.as_bytes()))], false,
            expect(1, success)),
        ("answer over the body limit: refused, no retry", vec![Step::Reply(big_answer)], false, expect(1, too_large(200))),
        ("answer over the body limit without Content-Length", vec![Step::Reply(unsized_big_answer)], false,
            expect(1, too_large(200))),
        ("answer over the body limit in two pieces, each within it", vec![big_answer_in_two], false,
            expect(1, too_large(200))),
        ("Content-Length over the body limit: refused before the body comes", vec![Step::ReplyThenStall(big_head)], false,
            expect(1, too_large(200))),
        ("error body over the body limit: not retried", vec![Step::Reply(http("500 Internal Server Error", &[], big_body.as_bytes()))], false,
            expect(1, too_large(500))),
        ("invalid UTF-8 in a stream", vec![Step::Reply(http_stream(&invalid_utf8))], true,
            expect(1, |r| matches!(r, Err(Error::Stream(StreamError::InvalidUtf8))))),
    ];

    let mut passed = 0;
    let mut failures = Vec::new();
    let mut error_strings = String::new();
    for (name, script, streaming, check) in cases {
        let server = serve(script).await;
        let client =
            client(&server.url).with_options(|o| o.max_event_size(1024).max_body_size(1024));
        let started = Instant::now();
        let run = async {
            if streaming {
                stream(&server, &client).await
            } else {
                call(&server, &client).await
            }
        };
        match tokio::time::timeout(Duration::from_secs(15), run).await {
            Err(_) => failures.push(format!("{name}: did not finish within 15 s")),
            Ok((result, hits)) => {
                if let Err(e) = &result {
                    error_strings.push_str(&format!("{e}\n{e:?}\n"));
                }
                match check(&result, hits, started.elapsed()) {
                    Ok(()) => passed += 1,
                    Err(why) => failures.push(format!("{name}: {why}")),
                }
            }
        }
    }

    // Connection refused: a port nobody listens on; every attempt fails to connect.
    let port = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    match client(&format!("http://127.0.0.1:{port}"))
        .create_chat_completion(&request())
        .await
    {
        Err(e @ Error::Transport(_)) => {
            error_strings.push_str(&format!("{e}\n{e:?}\n"));
            passed += 1
        }
        other => failures.push(format!("connection refused: {other:?}")),
    }
    // A key without `id.secret` form cannot make JWTs: refused at construction.
    match zai::Auth::jwt("not-a-zai-key") {
        Err(e @ Error::Config(_)) => {
            error_strings.push_str(&format!("{e}\n{e:?}\n"));
            passed += 1
        }
        other => failures.push(format!("wrong-format JWT key: {other:?}")),
    }

    // The service's limits: billed work, errors inside 200, redirects, the
    // governor, overloads, stream deadlines, metadata, messages.
    for (name, outcome) in super::limits::cases().await {
        match outcome {
            Ok(()) => passed += 1,
            Err(why) => failures.push(format!("{name}: {why}")),
        }
    }

    let logs = String::from_utf8_lossy(&logs.lock().unwrap()).into_owned();
    let secret = KEY.split_once('.').unwrap().1;
    for (what, text) in [("tracing output", &logs), ("error strings", &error_strings)] {
        if text.contains(secret) {
            failures.push(format!("the API key appears in the {what}"));
        } else {
            passed += 1;
        }
    }
    assert!(
        logs.contains("zai.call") && logs.contains("retrying"),
        "tracing captured:\n{logs}"
    );

    println!("fault matrix: {passed} passed, {} failed", failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn metrics_count_calls_retries_and_failures() {
    let server = serve(vec![error("503 Service Unavailable", "1305", &[]), ok()]).await;
    let stats = Arc::new(zai::CallStats::default());
    let client = zai::Client::builder()
        .api_key(KEY)
        .base_url(&server.url)
        .metrics(stats.clone())
        .call_options(CallOptions::default().retry(RetryPolicy {
            initial_backoff: Duration::from_millis(5),
            ..RetryPolicy::default()
        }))
        .build()
        .unwrap();
    client.create_chat_completion(&request()).await.unwrap();
    let no_retry = client.with_options(|o| o.retry(RetryPolicy::none()));
    let failing = serve(vec![error("429 Too Many Requests", "1302", &[])]).await;
    let failing_client = zai::Client::builder()
        .api_key(KEY)
        .base_url(&failing.url)
        .metrics(stats.clone())
        .build()
        .unwrap()
        .with_options(|o| o.retry(RetryPolicy::none()));
    assert!(
        failing_client
            .create_chat_completion(&request())
            .await
            .is_err()
    );
    assert_eq!(
        failing.hits.load(Ordering::SeqCst),
        1,
        "per-call policy: no retry"
    );
    assert_eq!(no_retry.options().retry.max_retries, 0);
    let snapshot = stats.snapshot();
    assert_eq!(
        (
            snapshot.calls,
            snapshot.successes,
            snapshot.failures,
            snapshot.retries
        ),
        (2, 1, 1, 1)
    );
}

/// A stream of two chat events, the second (final) one and `[DONE]` after `pause`.
fn two_events_paused(pause: Duration) -> Step {
    let last = "data: {\"id\":\"1\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{\"content\":\"!\"}}]}\n\ndata: [DONE]\n\n";
    Step::ReplyPaused(
        http_stream(EVENT.as_bytes()),
        pause,
        last.as_bytes().to_vec(),
    )
}

/// The read timeout counts the client's waits for bytes, not the time the
/// caller spends between reads: a consumer that pauses longer than the timeout,
/// then waits briefly for the next event, is not timed out.
#[tokio::test]
async fn a_slow_stream_consumer_is_not_timed_out() {
    let server = serve(vec![two_events_paused(Duration::from_millis(900))]).await;
    let mut events = client(&server.url)
        .create_chat_completion_stream(&request())
        .await
        .unwrap();
    assert!(events.next().await.unwrap().is_ok());
    // Longer than the 500 ms read timeout; the last event comes 200 ms after.
    tokio::time::sleep(Duration::from_millis(700)).await;
    let last = events.next().await.unwrap();
    assert!(last.is_ok(), "{last:?}");
    assert!(events.next().await.is_none());
}

/// Timeouts past the clock's range mean "never": no overflow panic when the
/// read timer is pushed back mid-stream, nor anywhere else a call sets a timer.
#[tokio::test]
async fn timeouts_past_the_clock_range_never_fire_and_never_panic() {
    let server = serve(vec![two_events_paused(Duration::from_millis(50))]).await;
    let client = zai::Client::builder()
        .api_key(KEY)
        .base_url(&server.url)
        .connect_timeout(Duration::MAX)
        .read_timeout(Duration::MAX)
        .call_options(
            CallOptions::default()
                .attempt_timeout(Duration::MAX)
                .deadline(Duration::MAX),
        )
        .build()
        .unwrap();
    let mut events = client
        .create_chat_completion_stream(&request())
        .await
        .unwrap();
    let mut chunks = 0;
    while let Some(chunk) = events.next().await {
        chunk.unwrap();
        chunks += 1;
    }
    assert_eq!(chunks, 2);
}

#[tokio::test]
async fn download_that_stalls_ends_with_the_read_timeout() {
    let head =
        "HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-length: 100\r\n\r\n";
    let server = serve(vec![Step::ReplyThenStall(
        format!("{head}first").into_bytes(),
    )])
    .await;
    let mut body = client(&server.url)
        .retrieve_file_content("file-1")
        .await
        .unwrap();
    assert_eq!(body.next().await.unwrap().unwrap(), "first");
    let stalled = body.next().await.unwrap();
    assert!(
        matches!(stalled, Err(Error::Timeout(zai::Timeout::Read(Some(d)))) if d == Duration::from_millis(500)),
        "{stalled:?}"
    );
    assert!(body.next().await.is_none(), "an error ends the stream");
}

#[tokio::test]
async fn deadline_bounds_the_whole_call() {
    let server = serve(vec![Step::ReplyThenStall(Vec::new())]).await;
    let client = zai::Client::builder()
        .api_key(KEY)
        .base_url(&server.url)
        .call_options(CallOptions::default().deadline(Duration::from_millis(300)))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.create_chat_completion(&request()).await.unwrap_err();
    assert!(
        matches!(err, Error::Timeout(zai::Timeout::Deadline(d)) if d == Duration::from_millis(300)),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn multipart_upload_is_rebuilt_and_retried() {
    let uploaded = r#"{"id":"file-1","object":"file","bytes":5,"filename":"a.txt","purpose":"agent","created_at":1}"#;
    let server = serve(vec![
        error("503 Service Unavailable", "1305", &[]),
        Step::Reply(http(
            "200 OK",
            &["content-type: application/json"],
            uploaded.as_bytes(),
        )),
    ])
    .await;
    let file = zai::FilePart::new(&b"hello"[..], "a.txt", "text/plain");
    let body = zai::types::FileUploadRequest::new(file, "agent");
    let stored = client(&server.url).upload_file(&body).await.unwrap();
    assert_eq!(stored.id.as_deref(), Some("file-1"));
    assert_eq!(
        server.hits.load(Ordering::SeqCst),
        2,
        "the form was sent twice"
    );
}
