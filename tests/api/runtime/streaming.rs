//! Streaming contract tests: SSE served by a mock server through
//! `Client::create_chat_completion_stream`, folded into the non-streaming
//! response and into UI events. Fixtures reproduce the quirks of real GLM streams.

use crate::support::{client, fixture};
use futures_util::StreamExt;
use httpmock::{Method::POST, MockServer};
use serde_json::json;
use zai::EventStream;
use zai::types::{
    ChatCompletionChunk, ChatCompletionRequest, ChatCompletionResponse, ChatMessage, FinishReason,
    FunctionCall, ToolCall, ToolType, Usage,
};
use zai::{ChatEvent, ChatStreamExt, Error, StreamError};

/// Serves `body` as the event stream of one streamed chat completion.
async fn open(body: &str) -> (MockServer, EventStream<ChatCompletionChunk>) {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/chat/completions")
                .header("accept", "text/event-stream")
                .json_body_includes(r#"{"stream":true}"#);
            then.status(200)
                .header("content-type", "text/event-stream;charset=UTF-8")
                .body(body);
        })
        .await;
    let request = ChatCompletionRequest::new("glm-4.5", vec![ChatMessage::user("Hi")]);
    let stream = client(&server)
        .create_chat_completion_stream(&request)
        .await
        .expect("stream opens");
    (server, stream)
}

async fn collect(body: &str) -> Result<ChatCompletionResponse, Error> {
    let (_server, stream) = open(body).await;
    stream.collect_completion().await
}

async fn events(body: &str) -> Vec<Result<ChatEvent, Error>> {
    let (_server, stream) = open(body).await;
    stream.events().collect().await
}

fn response(value: serde_json::Value) -> ChatCompletionResponse {
    serde_json::from_value(value).expect("expected response parses")
}

fn call(index: i64, id: &str, name: &str, arguments: &str) -> ToolCall {
    ToolCall::default()
        .function(FunctionCall::default().arguments(arguments).name(name))
        .id(id)
        .index(index)
        .type_(ToolType::Function)
}

/// Reasoning then content folds into one message.
#[tokio::test]
async fn create_chat_completion_stream() {
    let body = fixture("stream_reasoning_content.sse");
    let expected = response(json!({
        "id": "20260101120000abcdef0123456789", "created": 1767268800, "model": "glm-4.5",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {
            "role": "assistant",
            "content": "\n\nRust frees memory on drop 🦀.",
            "reasoning_content": "\nOwnership, borrowing — 借用."
        }}],
        "usage": {"prompt_tokens": 12, "completion_tokens": 30, "total_tokens": 42,
                  "prompt_tokens_details": {"cached_tokens": 0}}
    }));
    assert_eq!(collect(&body).await.unwrap(), expected);

    let usage: Usage = expected.usage.clone().unwrap();
    let events: Vec<ChatEvent> = events(&body)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        events,
        vec![
            ChatEvent::ReasoningDelta("\n".into()),
            ChatEvent::ReasoningDelta("Ownership, ".into()),
            ChatEvent::ReasoningDelta("borrowing — 借用.".into()),
            ChatEvent::ContentDelta("\n\nRust frees".into()),
            ChatEvent::ContentDelta(" memory on drop 🦀.".into()),
            ChatEvent::Usage(usage),
            ChatEvent::Done {
                finish_reason: Some(FinishReason::Stop)
            },
        ]
    );
}

/// Each chunk reads its increment in one call: `text()`, `reasoning()`.
#[tokio::test]
async fn chunk_text_and_reasoning_accessors() {
    let (_server, stream) = open(&fixture("stream_reasoning_content.sse")).await;
    let chunks: Vec<ChatCompletionChunk> = stream.map(Result::unwrap).collect().await;
    let text: Vec<Option<&str>> = chunks.iter().map(|c| c.text()).collect();
    let reasoning: Vec<Option<&str>> = chunks.iter().map(|c| c.reasoning()).collect();
    assert_eq!(
        reasoning.iter().flatten().copied().collect::<String>(),
        "\nOwnership, borrowing — 借用."
    );
    assert_eq!(
        text.iter().flatten().copied().collect::<String>(),
        "\n\nRust frees memory on drop 🦀."
    );
    // A chunk without choices (or without a delta) has neither.
    let empty = ChatCompletionChunk::default();
    assert_eq!(
        (empty.delta(), empty.text(), empty.reasoning()),
        (None, None, None)
    );
}

/// A voice model's `delta.audio` segments fold into one base64 audio (its bytes in
/// order); `content_filter` verdicts are kept once each. In events mode both pass
/// through as they come.
#[tokio::test]
async fn audio_segments_and_content_filter_are_kept() {
    let body = concat!(
        "data: {\"id\":\"v1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"audio\":{\"id\":\"audio-1\",\"data\":\"AAEC\"}}}]}\n\n",
        "data: {\"id\":\"v1\",\"choices\":[{\"index\":0,\"delta\":{\"audio\":{\"data\":\"AwQ=\",\"expires_at\":1773353130}}}],\"content_filter\":[{\"role\":\"assistant\",\"level\":3}]}\n\n",
        "data: {\"id\":\"v1\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{\"content\":\"\"}}],\"content_filter\":[{\"role\":\"assistant\",\"level\":3},{\"role\":\"user\",\"level\":1}]}\n\n",
        "data: [DONE]\n\n",
    );
    let reply = collect(body).await.unwrap();
    let audio = reply.message().unwrap().audio.clone().unwrap();
    // [0, 1, 2] then [3, 4]: one base64 text of all five bytes.
    assert_eq!(audio.data.as_deref(), Some("AAECAwQ="));
    assert_eq!(audio.id.as_deref(), Some("audio-1"));
    assert_eq!(audio.expires_at, Some(json!(1773353130)));
    let verdicts: Vec<(Option<String>, Option<i64>)> = reply
        .content_filter
        .unwrap()
        .into_iter()
        .map(|v| (v.role, v.level))
        .collect();
    assert_eq!(
        verdicts,
        [
            (Some("assistant".into()), Some(3)),
            (Some("user".into()), Some(1))
        ]
    );

    let events: Vec<ChatEvent> = events(body).await.into_iter().map(Result::unwrap).collect();
    let audio_data: Vec<Option<String>> = events
        .iter()
        .filter_map(|e| match e {
            ChatEvent::Audio(a) => Some(a.data.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(audio_data, [Some("AAEC".into()), Some("AwQ=".into())]);
    let filters = events
        .iter()
        .filter(|e| matches!(e, ChatEvent::ContentFilter(_)))
        .count();
    assert_eq!(filters, 2);
}

/// Audio segments that are not base64 are joined as sent, never dropped.
#[test]
fn audio_segments_that_are_not_base64_are_joined_as_sent() {
    let mut fold = zai::ChatAccumulator::new();
    for data in ["AAEC", "not base64!"] {
        fold.push(
            serde_json::from_value(
                json!({"choices": [{"index": 0, "delta": {"audio": {"data": data}}}]}),
            )
            .unwrap(),
        );
    }
    let reply = fold.finish();
    let audio = reply.message().unwrap().audio.as_ref().unwrap();
    assert_eq!(audio.data.as_deref(), Some("AAECnot base64!"));
}

#[tokio::test]
async fn tool_call_with_index_minus_one_is_a_new_call() {
    let body = fixture("stream_tool_index_minus1.sse");
    let expected = response(json!({
        "id": "2026010112000100de064dedfa4b68", "created": 1767268801, "model": "glm-4.5-flash",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {
            "role": "assistant", "content": "\n", "reasoning_content": "\n Call add.",
            "tool_calls": [{"id": "call_9QxR2mWpTbmswCBFSC9abc", "index": 0, "type": "function",
                            "function": {"name": "add", "arguments": "{\"a\": 365, \"b\": 96}"}}]
        }}],
        "usage": {"prompt_tokens": 170, "completion_tokens": 72, "total_tokens": 242,
                  "prompt_tokens_details": {"cached_tokens": 43}}
    }));
    assert_eq!(collect(&body).await.unwrap(), expected);

    let events: Vec<ChatEvent> = events(&body)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let add = call(
        0,
        "call_9QxR2mWpTbmswCBFSC9abc",
        "add",
        "{\"a\": 365, \"b\": 96}",
    );
    assert_eq!(
        events[3..],
        [
            ChatEvent::ToolCallDelta {
                index: 0,
                id: add.id.clone(),
                name: Some("add".into()),
                arguments: "{\"a\": 365, \"b\": 96}".into(),
            },
            ChatEvent::ToolCallCompleted(add),
            ChatEvent::Usage(expected.usage.unwrap()),
            ChatEvent::Done {
                finish_reason: Some(FinishReason::ToolCalls)
            },
        ]
    );
}

#[tokio::test]
async fn parallel_tool_calls_with_repeated_finish_reason() {
    let body = fixture("stream_parallel_tools_glm45.sse");
    let add = call(
        0,
        "call_aaaa1111bbbb2222cccc3333",
        "add",
        "{\"a\": 2, \"b\": 3}",
    );
    let multiply = call(
        1,
        "call_dddd4444eeee5555ffff6666",
        "multiply",
        "{\"a\": 2, \"b\": 3}",
    );
    let expected = response(json!({
        "id": "20260101120002c633be90e4bb4b9f", "created": 1767268802, "model": "glm-4.5",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {
            "role": "assistant", "content": "I'll use both.", "reasoning_content": "Both tools.",
            "tool_calls": [add, multiply]
        }}],
        "usage": {"prompt_tokens": 282, "completion_tokens": 178, "total_tokens": 460,
                  "prompt_tokens_details": {"cached_tokens": 43}}
    }));
    assert_eq!(collect(&body).await.unwrap(), expected);

    // Each call completes on its own chunk's finish_reason; one Done at the end.
    let events: Vec<ChatEvent> = events(&body)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let completed: Vec<&ChatEvent> = events
        .iter()
        .filter(|e| matches!(e, ChatEvent::ToolCallCompleted(_) | ChatEvent::Done { .. }))
        .collect();
    assert_eq!(
        completed,
        [
            &ChatEvent::ToolCallCompleted(add),
            &ChatEvent::ToolCallCompleted(multiply),
            &ChatEvent::Done {
                finish_reason: Some(FinishReason::ToolCalls)
            },
        ]
    );
}

#[tokio::test]
async fn tool_stream_argument_fragments_merge_by_index() {
    let body = fixture("stream_tool_stream_fragments.sse");
    let paris = call(
        0,
        "call_1a2b3c4d5e6f7a8b9c0d1e2f",
        "weather",
        "{\"city\": \"Paris\"}",
    );
    let beijing = call(
        1,
        "call_ffeeddccbbaa998877665544",
        "weather",
        "{\"city\": \"北京\"}",
    );
    let expected = response(json!({
        "id": "20260101120003aa11bb22cc33dd44", "created": 1767268803, "model": "glm-4.7-flash",
        "object": "chat.completion",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {
            "role": "assistant", "content": "", "reasoning_content": "Weather in two cities.",
            "tool_calls": [paris, beijing]
        }}],
        "usage": {"prompt_tokens": 90, "completion_tokens": 40, "total_tokens": 130,
                  "prompt_tokens_details": {"cached_tokens": 3},
                  "completion_tokens_details": {"reasoning_tokens": 12}}
    }));
    assert_eq!(collect(&body).await.unwrap(), expected);

    let events: Vec<ChatEvent> = events(&body)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let delta =
        |index, id: Option<&str>, name: Option<&str>, arguments: &str| ChatEvent::ToolCallDelta {
            index,
            id: id.map(Into::into),
            name: name.map(Into::into),
            arguments: arguments.into(),
        };
    assert_eq!(
        events,
        vec![
            ChatEvent::ReasoningDelta("Weather in two cities.".into()),
            delta(0, paris.id.as_deref(), Some("weather"), ""),
            delta(0, None, None, "{\"city\": "),
            delta(0, None, None, "\"Paris\"}"),
            delta(1, beijing.id.as_deref(), Some("weather"), "{\"ci"),
            delta(1, None, None, "ty\": \"北京\"}"),
            ChatEvent::ToolCallCompleted(paris),
            ChatEvent::ToolCallCompleted(beijing),
            ChatEvent::Usage(expected.usage.unwrap()),
            ChatEvent::Done {
                finish_reason: Some(FinishReason::ToolCalls)
            },
        ]
    );
}

const CHUNK: &str = r#"data: {"id":"e1","created":1,"model":"glm-4.5","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"}}]}"#;

#[tokio::test]
async fn error_object_inside_the_stream_is_an_api_error() {
    let body = format!(
        "{CHUNK}\n\ndata: {{\"contentFilter\":[{{\"level\":1,\"role\":\"assistant\"}}],\"error\":{{\"code\":\"1301\",\"message\":\"unsafe content\"}}}}\n\ndata: [DONE]\n\n"
    );
    let error = collect(&body).await.unwrap_err();
    assert_eq!(error.code(), Some(&zai::BusinessCode::ContentFiltered));
    let api = error.api().expect("an API error");
    assert_eq!(api.message, "unsafe content");
    assert_eq!(api.detail.content_filter.len(), 1);

    // Events: the delta before it, then the error, then the end.
    let events = events(&body).await;
    assert!(matches!(&events[0], Ok(ChatEvent::ContentDelta(t)) if t == "Hel"));
    assert!(
        matches!(&events[1], Err(Error::Api(api)) if api.code == Some(zai::BusinessCode::ContentFiltered))
    );
    assert_eq!(events.len(), 2);
}

#[tokio::test]
async fn stream_ending_without_done_or_finish_reason_is_incomplete() {
    let body = format!("{CHUNK}\n\n");
    let error = collect(&body).await.unwrap_err();
    assert!(
        matches!(error, Error::Stream(StreamError::Incomplete)),
        "{error:?}"
    );
    let events = events(&body).await;
    assert!(matches!(
        events.last(),
        Some(Err(Error::Stream(StreamError::Incomplete)))
    ));
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Ok(ChatEvent::Done { .. })))
    );
}

#[tokio::test]
async fn stream_ending_without_done_after_finish_reason_and_usage_is_complete() {
    let body = format!(
        "{CHUNK}\n\ndata: {{\"id\":\"e1\",\"choices\":[{{\"index\":0,\"finish_reason\":\"length\",\"delta\":{{\"content\":\"lo\"}}}}],\"usage\":{{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}}}\n\n"
    );
    let expected = response(json!({
        "id": "e1", "created": 1, "model": "glm-4.5",
        "choices": [{"index": 0, "finish_reason": "length",
                     "message": {"role": "assistant", "content": "Hello"}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}
    }));
    assert_eq!(collect(&body).await.unwrap(), expected);
    let events = events(&body).await;
    assert!(matches!(
        events.last(),
        Some(Ok(ChatEvent::Done {
            finish_reason: Some(FinishReason::Length)
        }))
    ));
}

/// glm-4.5 sets `finish_reason` on each tool-call chunk, and only the last chunk
/// carries usage: a stream cut after an earlier one, or one whose final-looking
/// chunk is followed by others, did not finish.
#[tokio::test]
async fn stream_cut_after_a_chunk_with_finish_reason_but_no_usage_is_incomplete() {
    let whole = fixture("stream_parallel_tools_glm45.sse");
    let events: Vec<&str> = whole.split_inclusive("\n\n").collect();
    assert_eq!(events.len(), 6, "five chunks, then [DONE]");
    // Cut after the first tool call (finish_reason set), after the second, and
    // after a final chunk followed by a plain one.
    let final_then_more = format!("{}{}{CHUNK}\n\n", events[..2].concat(), events[4]);
    for body in [events[..3].concat(), events[..4].concat(), final_then_more] {
        let error = collect(&body).await.unwrap_err();
        assert!(
            matches!(error, Error::Stream(StreamError::Incomplete)),
            "{body}: {error:?}"
        );
    }
    // Without its [DONE], the stream still ends properly on its last chunk.
    assert_eq!(
        collect(&events[..5].concat()).await.unwrap(),
        collect(&whole).await.unwrap()
    );
}

#[tokio::test]
async fn any_chunking_of_a_fixture_gives_the_same_completion() {
    for name in [
        "stream_reasoning_content.sse",
        "stream_tool_index_minus1.sse",
        "stream_parallel_tools_glm45.sse",
        "stream_tool_stream_fragments.sse",
    ] {
        let body = bytes::Bytes::from(fixture(name));
        let whole = zai::completion_from_bytes([body.clone()]).unwrap().0;
        for size in [1, 2, 3, 7, 64, 1460] {
            let pieces: Vec<bytes::Bytes> = (0..body.len())
                .step_by(size)
                .map(|at| body.slice(at..body.len().min(at + size)))
                .collect();
            let split = zai::completion_from_bytes(pieces).unwrap().0;
            assert_eq!(split, whole, "{name} in {size}-byte pieces");
        }
    }
}

/// Real captures in `../shared/fixtures/real` (beside the repository in CI):
/// each decodes to the same result (completion or error) at every chunk size.
#[test]
fn real_captures_decode_identically_at_every_chunk_size() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/real");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("note: {} absent, real captures not checked", dir.display());
        return;
    };
    let mut checked = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "sse") {
            continue;
        }
        let body = bytes::Bytes::from(std::fs::read(&path).unwrap());
        let decode = |pieces: Vec<bytes::Bytes>| {
            zai::completion_from_bytes(pieces)
                .map(|(r, _)| r)
                .map_err(|e| e.to_string())
        };
        let whole = decode(vec![body.clone()]);
        for size in [1, 7, 64, 1460] {
            let pieces = (0..body.len())
                .step_by(size)
                .map(|at| body.slice(at..body.len().min(at + size)))
                .collect();
            assert_eq!(decode(pieces), whole, "{} at {size}", path.display());
        }
        if let Ok(response) = &whole {
            let choice = &response.choices[0];
            assert!(choice.finish_reason.is_some(), "{}", path.display());
            for call in choice
                .message
                .iter()
                .flat_map(|m| m.tool_calls.iter().flatten())
            {
                let args = call.function.as_ref().and_then(|f| f.arguments.as_deref());
                serde_json::from_str::<serde_json::Value>(args.unwrap_or_default())
                    .unwrap_or_else(|e| panic!("{}: arguments: {e}", path.display()));
            }
        }
        checked += 1;
    }
    println!("checked {checked} real captures");
}

/// Found by fuzzing: garbage after `[DONE]` in the same network chunk must not
/// turn a finished stream into an error.
#[test]
fn bytes_after_done_are_ignored_at_any_chunking() {
    let body = bytes::Bytes::from_static(b"data: [DONE]\n\ndata: \xFF\n\n");
    for size in [1, 3, body.len()] {
        let pieces = (0..body.len())
            .step_by(size)
            .map(|at| body.slice(at..body.len().min(at + size)))
            .collect::<Vec<_>>();
        let response = zai::completion_from_bytes(pieces).unwrap().0;
        assert!(response.choices.is_empty());
    }
}

/// A JSON answer where events were asked for has no `data:` lines: its error
/// object is the call's error (judged for retry like a failed status's: 1301 is
/// final), the body kept; not an empty stream reported as incomplete.
#[tokio::test]
async fn a_json_answer_to_a_stream_request_is_its_error() {
    let server = MockServer::start_async().await;
    let body = r#"{"error":{"code":"1301","message":"unsafe content"}}"#;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST).path("/chat/completions");
            then.status(200)
                .header("content-type", "Application/JSON; charset=utf-8")
                .body(body);
        })
        .await;
    let request = ChatCompletionRequest::new("glm-4.5", vec![ChatMessage::user("Hi")]);
    let Err(error) = client(&server)
        .create_chat_completion_stream(&request)
        .await
    else {
        panic!("a JSON answer opens no stream");
    };
    let api = error.api().expect("an API error");
    assert_eq!(api.status, 200);
    assert_eq!(error.code(), Some(&zai::BusinessCode::ContentFiltered));
    assert_eq!(api.message, "unsafe content");
    assert_eq!(api.detail.body, body.as_bytes());
    mock.assert_calls_async(1).await;
}
