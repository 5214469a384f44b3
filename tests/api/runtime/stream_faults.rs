//! Z.AI's concatenated-frame fault: a frame's JSON cut off and the next frame's
//! `data: ` on the same line. Recovered by default (intact frames kept, the cut
//! fragment reported), an error in strict mode — at every chunk boundary.

use bytes::Bytes;
use futures_util::StreamExt;
use httpmock::{Method::POST, MockServer};
use serde_json::{Value, json};
use std::sync::Arc;
use zai::types::{ChatCompletionChunk, ChatCompletionRequest, ChatMessage, FinishReason};
use zai::{CallStats, ChatStreamExt, Error, EventStream, StreamFaultPolicy};

/// A chunk as the service writes it (its key order, which `json!` would sort).
fn chunk(created: u64, delta: &str) -> String {
    format!(
        r#"{{"id":"2026112910","created":{created},"object":"chat.completion.chunk","model":"glm-5.1","choices":[{{"index":0,"delta":{{"role":"assistant",{delta}}}}}]}}"#
    )
}

fn reasoning(created: u64, text: &str) -> String {
    chunk(
        created,
        &format!(r#""reasoning_content":{}"#, Value::from(text)),
    )
}

fn content(created: u64, text: &str) -> String {
    chunk(created, &format!(r#""content":{}"#, Value::from(text)))
}

fn last() -> String {
    json!({
        "id": "2026112910",
        "choices": [{"index": 0, "finish_reason": "stop", "delta": {"role": "assistant", "content": "!"}}],
        "usage": {"prompt_tokens": 7, "completion_tokens": 5, "total_tokens": 12},
    })
    .to_string()
}

/// `frame` cut right after `marker` (kept), as the service sends it.
fn cut(frame: &str, marker: &str) -> String {
    let at = frame.find(marker).expect("marker in frame") + marker.len();
    frame[..at].to_owned()
}

/// A stream of lines, each `data: <line>` + blank line, then `[DONE]`.
fn sse(lines: &[String]) -> String {
    let mut body: String = lines.iter().map(|l| format!("data: {l}\n\n")).collect();
    body.push_str("data: [DONE]\n\n");
    body
}

/// A fault shape: the stream body, and the fragments the client must drop.
struct Shape {
    name: &'static str,
    body: String,
    dropped: Vec<String>,
}

/// Reasoning before the cut, content after it; the cut frames carry text that
/// must not appear in the answer.
fn shapes() -> Vec<Shape> {
    let stale = reasoning(1_776_936_427, "LOST");
    let mid_key = cut(&stale, r#""delta":{"role"#);
    let mid_value = cut(&content(1_776_936_430, "LOST"), r#""object":"chat.c"#);
    vec![
        Shape {
            name: "cut mid-key",
            body: sse(&[
                reasoning(1, "Let me"),
                format!("{mid_key}data: {}", reasoning(1_776_936_520, " think")),
                content(3, "Hello"),
                last(),
            ]),
            dropped: vec![mid_key.clone()],
        },
        Shape {
            name: "cut mid-value",
            body: sse(&[
                reasoning(1, "Let me"),
                reasoning(2, " think"),
                format!("{mid_value}data: {}", content(3, "Hello")),
                last(),
            ]),
            dropped: vec![mid_value.clone()],
        },
        Shape {
            name: "twice in a row",
            body: sse(&[
                reasoning(1, "Let me"),
                format!("{mid_key}data: {mid_value}data: {}", reasoning(2, " think")),
                content(3, "Hello"),
                last(),
            ]),
            dropped: vec![mid_key, mid_value],
        },
    ]
}

fn pieces(body: &str, size: Option<usize>) -> Vec<Bytes> {
    let bytes = Bytes::copy_from_slice(body.as_bytes());
    match size {
        Some(n) => (0..bytes.len())
            .step_by(n)
            .map(|at| bytes.slice(at..bytes.len().min(at + n)))
            .collect(),
        None => vec![bytes],
    }
}

#[tokio::test]
async fn every_shape_recovers_at_every_chunk_size() {
    for shape in shapes() {
        for size in [Some(1), Some(7), Some(64), None] {
            let stream = EventStream::<ChatCompletionChunk>::from_chunks(pieces(&shape.body, size));
            let faults = stream.faults();
            let reply = stream
                .collect_completion()
                .await
                .unwrap_or_else(|e| panic!("{} at {size:?}: {e}", shape.name));
            let message = reply.choices[0].message.clone().unwrap();
            let at = format!("{} at {size:?}", shape.name);
            assert_eq!(
                message.reasoning_content.as_deref(),
                Some("Let me think"),
                "{at}"
            );
            assert_eq!(message.content.as_deref(), Some("Hello!"), "{at}");
            assert_eq!(
                reply.choices[0].finish_reason,
                Some(FinishReason::Stop),
                "{at}"
            );
            assert_eq!(
                reply.usage.as_ref().and_then(|u| u.total_tokens),
                Some(12),
                "{at}"
            );
            let dropped: Vec<String> = faults
                .dropped()
                .iter()
                .map(|f| String::from_utf8(f.bytes.to_vec()).unwrap())
                .collect();
            assert_eq!(dropped, shape.dropped, "{at}");
        }
    }
}

#[tokio::test]
async fn strict_mode_fails_with_the_raw_event() {
    let shape = &shapes()[0];
    let raw = shape
        .body
        .split("\n\n")
        .nth(1)
        .unwrap()
        .strip_prefix("data: ")
        .unwrap();
    let mut stream = EventStream::<ChatCompletionChunk>::from_chunks(pieces(&shape.body, Some(7)))
        .with_fault_policy(StreamFaultPolicy::Strict);
    assert!(
        stream.next().await.unwrap().is_ok(),
        "the frame before the fault"
    );
    match stream.next().await {
        Some(Err(Error::Decode { status, body, .. })) => {
            assert_eq!(status, 200);
            assert_eq!(body, raw.as_bytes());
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    assert!(
        stream.next().await.is_none(),
        "the stream ends after the error"
    );
    assert!(stream.faults().is_empty());
}

/// Undecodable data without the fault's shape is still an error.
#[tokio::test]
async fn other_broken_events_are_not_recovered() {
    let body = sse(&[
        reasoning(1, "a"),
        r#"{"id":"x","choices":[{"index":0,"delta":{"content":"oops"#.to_owned(),
    ]);
    let mut stream = EventStream::<ChatCompletionChunk>::from_chunks(pieces(&body, None));
    assert!(stream.next().await.unwrap().is_ok());
    assert!(matches!(
        stream.next().await,
        Some(Err(Error::Decode { .. }))
    ));
}

/// `data: ` inside an intact frame's text is not a frame boundary.
#[tokio::test]
async fn data_inside_a_string_is_not_a_boundary() {
    let tricky = content(4, "see data: {\"a\":1} here");
    let body = sse(&[
        format!(
            "{}data: {tricky}",
            cut(&reasoning(2, "LOST"), r#""delta":{"#)
        ),
        last(),
    ]);
    let stream = EventStream::<ChatCompletionChunk>::from_chunks(pieces(&body, None));
    let reply = stream.collect_completion().await.unwrap();
    let message = reply.choices[0].message.clone().unwrap();
    assert_eq!(
        message.content.as_deref(),
        Some("see data: {\"a\":1} here!")
    );
}

/// Through the client: the answer continues, the metrics hook and the tracing
/// span hear of it, and a strict call (per call options) fails without a retry.
#[tokio::test]
async fn the_client_reports_and_the_policy_applies_per_call() {
    let logs = crate::support::logs();
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST).path("/chat/completions");
            then.status(200)
                .header("content-type", "text/event-stream")
                .body(&shapes()[1].body);
        })
        .await;
    let stats = Arc::new(CallStats::default());
    let client = zai::Client::builder()
        .api_key(crate::support::KEY)
        .base_url(server.base_url())
        .metrics(stats.clone())
        .build()
        .unwrap();
    let request = ChatCompletionRequest::new("glm-5.1", vec![ChatMessage::user("Hi")]);

    let stream = client
        .create_chat_completion_stream(&request)
        .await
        .unwrap();
    let faults = stream.faults();
    let reply = stream.collect_completion().await.unwrap();
    let message = reply.choices[0].message.clone().unwrap();
    assert_eq!(message.content.as_deref(), Some("Hello!"));
    assert_eq!(faults.dropped().len(), 1);
    assert_eq!(stats.snapshot().stream_faults, 1);
    let logs = String::from_utf8_lossy(&logs.lock().unwrap()).into_owned();
    assert!(
        logs.lines().any(|l| l.contains("WARN")
            && l.contains("concatenated")
            && l.contains("operation=\"createChatCompletion\"")),
        "{logs}"
    );

    let strict = client.with_options(|o| o.stream_faults(StreamFaultPolicy::Strict));
    let items: Vec<_> = strict
        .create_chat_completion_stream(&request)
        .await
        .unwrap()
        .collect()
        .await;
    assert!(matches!(items.last(), Some(Err(Error::Decode { .. }))));
    mock.assert_calls_async(2).await;
}
