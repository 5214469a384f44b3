//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! The Anthropic-compatible Messages API (`/anthropic/v1/messages`).

use crate::support::{bearer, client, json_post, sse_post};
use httpmock::MockServer;
use serde_json::json;
use zai::types::{
    AnthropicContentBlock, AnthropicContentDelta, AnthropicInputBlock, AnthropicInputContent,
    AnthropicInputMessage, AnthropicInputMessageRole, AnthropicMessageRequest, AnthropicStopReason,
    AnthropicStreamEvent, AnthropicSystem, AnthropicThinking, AnthropicThinkingType, AnthropicTool,
    AnthropicToolChoice,
};

fn anthropic_request() -> AnthropicMessageRequest {
    let schema = json!({"type": "object", "properties": {"crate": {"type": "string"}}});
    AnthropicMessageRequest::new(
        "glm-4.7",
        1024,
        vec![
            AnthropicInputMessage::new(
                AnthropicInputMessageRole::User,
                AnthropicInputContent::String("Latest version of serde?".into()),
            ),
            AnthropicInputMessage::new(
                AnthropicInputMessageRole::Assistant,
                AnthropicInputContent::from(vec![AnthropicInputBlock::ToolUse {
                    id: "toolu_01".into(),
                    name: "crate_version".into(),
                    input: json!({"crate": "serde"}).as_object().unwrap().clone(),
                }]),
            ),
            AnthropicInputMessage::new(
                AnthropicInputMessageRole::User,
                AnthropicInputContent::from(vec![AnthropicInputBlock::ToolResult {
                    tool_use_id: "toolu_01".into(),
                    content: Some(zai::types::AnthropicToolResultContent::String(
                        "1.0.228".into(),
                    )),
                    is_error: None,
                }]),
            ),
        ],
    )
    .system(AnthropicSystem::String(
        "You answer about Rust crates.".into(),
    ))
    .temperature(0.2)
    .stop_sequences(vec!["\n\nHuman:".to_owned()])
    .tools(vec![AnthropicTool::new(
        "crate_version",
        schema.as_object().unwrap().clone(),
    )])
    .tool_choice(AnthropicToolChoice::Auto {
        disable_parallel_tool_use: None,
    })
    .thinking(AnthropicThinking::new(AnthropicThinkingType::Enabled).budget_tokens(2048))
}

fn anthropic_body() -> serde_json::Value {
    json!({
        "model": "glm-4.7",
        "max_tokens": 1024,
        "messages": [
            {"role": "user", "content": "Latest version of serde?"},
            {"role": "assistant", "content": [
                {"type": "tool_use", "id": "toolu_01", "name": "crate_version", "input": {"crate": "serde"}}
            ]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "toolu_01", "content": "1.0.228"}
            ]}
        ],
        "system": "You answer about Rust crates.",
        "temperature": 0.2,
        "stop_sequences": ["\n\nHuman:"],
        "tools": [{"name": "crate_version",
                   "input_schema": {"type": "object", "properties": {"crate": {"type": "string"}}}}],
        "tool_choice": {"type": "auto"},
        "thinking": {"type": "enabled", "budget_tokens": 2048}
    })
}

#[tokio::test]
async fn create_message() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        bearer,
        "/anthropic/v1/messages",
        anthropic_body(),
        json!({
            "id": "msg_202603131300001a2b3c",
            "type": "message",
            "role": "assistant",
            "model": "glm-4.7",
            "content": [
                {"type": "thinking", "thinking": "The tool said 1.0.228.", "signature": "sig-abc"},
                {"type": "text", "text": "The latest serde is 1.0.228."}
            ],
            "stop_reason": "end_turn",
            "stop_sequence": null,
            "usage": {"input_tokens": 96, "output_tokens": 21, "cache_read_input_tokens": 0}
        }),
    )
    .await;
    let message = client(&server)
        .create_message(&anthropic_request())
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(message.id.as_deref(), Some("msg_202603131300001a2b3c"));
    assert_eq!(message.stop_reason, Some(AnthropicStopReason::EndTurn));
    assert_eq!(message.stop_sequence, None);
    assert_eq!(
        message.content,
        vec![
            AnthropicContentBlock::Thinking {
                thinking: "The tool said 1.0.228.".into(),
                signature: Some("sig-abc".into()),
            },
            AnthropicContentBlock::Text {
                text: "The latest serde is 1.0.228.".into()
            },
        ]
    );
    let usage = message.usage.unwrap();
    assert_eq!(
        (usage.input_tokens, usage.output_tokens),
        (Some(96), Some(21))
    );
}

/// Streams [`anthropic_request`] against SSE text `events` (expecting `body`); every
/// event must parse.
async fn stream_of(
    server: &MockServer,
    body: serde_json::Value,
    events: &str,
) -> Vec<AnthropicStreamEvent> {
    let mock = sse_post(server, bearer, "/anthropic/v1/messages", body, events).await;
    let stream = client(server)
        .create_message_stream(&anthropic_request())
        .await
        .expect("stream opens");
    let chunks = crate::support::collect_events(stream).await;
    mock.assert_async().await;
    chunks
}

#[tokio::test]
async fn create_message_stream() {
    let server = MockServer::start_async().await;
    let mut body = anthropic_body();
    body["stream"] = json!(true);
    let events = [
        (
            "message_start",
            json!({"type": "message_start", "message": {
            "id": "msg_202603131301", "type": "message", "role": "assistant", "model": "glm-4.7",
            "content": [], "stop_reason": null, "stop_sequence": null,
            "usage": {"input_tokens": 96, "output_tokens": 0}}}),
        ),
        (
            "content_block_start",
            json!({"type": "content_block_start", "index": 0,
            "content_block": {"type": "text", "text": ""}}),
        ),
        ("ping", json!({"type": "ping"})),
        (
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0,
            "delta": {"type": "text_delta", "text": "The latest serde"}}),
        ),
        (
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0,
            "delta": {"type": "text_delta", "text": " is 1.0.228."}}),
        ),
        (
            "content_block_stop",
            json!({"type": "content_block_stop", "index": 0}),
        ),
        (
            "message_delta",
            json!({"type": "message_delta",
            "delta": {"stop_reason": "end_turn", "stop_sequence": null},
            "usage": {"output_tokens": 9}}),
        ),
        ("message_stop", json!({"type": "message_stop"})),
    ]
    .iter()
    .map(|(name, data)| format!("event: {name}\ndata: {data}\n\n"))
    .collect::<String>();
    let chunks = stream_of(&server, body, &events).await;
    assert_eq!(chunks.len(), 8);
    let AnthropicStreamEvent::MessageStart { message } = &chunks[0] else {
        panic!("first event is message_start: {:?}", chunks[0]);
    };
    assert_eq!(message.id.as_deref(), Some("msg_202603131301"));
    assert_eq!(message.stop_reason, None);
    assert_eq!(chunks[2], AnthropicStreamEvent::Ping);
    let text: String = chunks
        .iter()
        .filter_map(|c| match c {
            AnthropicStreamEvent::ContentBlockDelta {
                delta: AnthropicContentDelta::TextDelta { text },
                ..
            } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(text, "The latest serde is 1.0.228.");
    let AnthropicStreamEvent::MessageDelta { delta, usage } = &chunks[6] else {
        panic!("message_delta expected: {:?}", chunks[6]);
    };
    assert_eq!(delta.stop_reason, Some(AnthropicStopReason::EndTurn));
    assert_eq!(usage.as_ref().unwrap().output_tokens, Some(9));
    assert_eq!(chunks[7], AnthropicStreamEvent::MessageStop);
}

/// `x-zai-open-union`: a block, event or delta type this version does not know
/// (server tools, citations) is kept as `Other` with its JSON, and the stream goes on.
#[tokio::test]
async fn create_message_stream_keeps_unknown_blocks_events_and_deltas() {
    let server = MockServer::start_async().await;
    let mut body = anthropic_body();
    body["stream"] = json!(true);
    let server_tool_use = json!({"type": "server_tool_use", "id": "srvtoolu_01",
        "name": "web_search", "input": {"query": "serde"}});
    let search_result = json!({"type": "web_search_tool_result", "tool_use_id": "srvtoolu_01",
        "content": [{"type": "web_search_result", "url": "https://serde.rs", "title": "Serde"}]});
    let citation = json!({"type": "citations_delta", "citation": {
        "type": "web_search_result_location", "url": "https://serde.rs", "cited_text": "Serde"}});
    let future_event = json!({"type": "content_block_annotation", "index": 2, "note": "new"});
    let events = [
        json!({"type": "content_block_start", "index": 0, "content_block": server_tool_use}),
        json!({"type": "content_block_stop", "index": 0}),
        json!({"type": "content_block_start", "index": 1, "content_block": search_result}),
        json!({"type": "content_block_stop", "index": 1}),
        json!({"type": "content_block_start", "index": 2, "content_block": {"type": "text", "text": ""}}),
        json!({"type": "content_block_delta", "index": 2, "delta": citation}),
        future_event.clone(),
        json!({"type": "content_block_delta", "index": 2,
               "delta": {"type": "text_delta", "text": "Serde is at serde.rs."}}),
        json!({"type": "message_stop"}),
    ]
    .iter()
    .map(|data| format!("event: {}\ndata: {data}\n\n", data["type"].as_str().unwrap()))
    .collect::<String>();
    let chunks = stream_of(&server, body, &events).await;
    assert_eq!(chunks.len(), 9, "no event ends the stream early");
    assert_eq!(
        chunks[0],
        AnthropicStreamEvent::ContentBlockStart {
            index: 0,
            content_block: AnthropicContentBlock::Other(server_tool_use),
        }
    );
    assert_eq!(
        chunks[2],
        AnthropicStreamEvent::ContentBlockStart {
            index: 1,
            content_block: AnthropicContentBlock::Other(search_result.clone()),
        }
    );
    assert_eq!(
        chunks[5],
        AnthropicStreamEvent::ContentBlockDelta {
            index: 2,
            delta: AnthropicContentDelta::Other(citation),
        }
    );
    assert_eq!(chunks[6], AnthropicStreamEvent::Other(future_event));
    assert!(matches!(
        &chunks[7],
        AnthropicStreamEvent::ContentBlockDelta {
            delta: AnthropicContentDelta::TextDelta { text },
            ..
        } if text == "Serde is at serde.rs."
    ));
    assert_eq!(chunks[8], AnthropicStreamEvent::MessageStop);
    // An unknown block serializes back as it was sent; a known one keeps its tag.
    let block = AnthropicContentBlock::Other(search_result.clone());
    assert_eq!(serde_json::to_value(&block).unwrap(), search_result);
    let text = AnthropicContentBlock::Text { text: "hi".into() };
    assert_eq!(
        serde_json::to_value(&text).unwrap(),
        json!({"type": "text", "text": "hi"})
    );
    // A known tag with a malformed body is still an error, not `Other`.
    assert!(serde_json::from_value::<AnthropicContentBlock>(json!({"type": "text"})).is_err());
}
