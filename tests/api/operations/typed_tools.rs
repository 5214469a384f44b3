//! Tools and structured answers from Rust types, the tool loop and the Anthropic
//! stream fold, against exact scripted answers (the built-in mock's are canned).

use crate::support::{SSE, bearer, client, json_reply};
use futures_util::StreamExt;
use httpmock::{Method::POST, MockServer};
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use zai::types::{
    AnthropicInputMessage, AnthropicMessageRequest, AnthropicStreamEvent, ChatCompletionRequest,
    ChatMessage, ChatTool,
};
use zai::{AnthropicStreamExt, ChatEvent, Error, EventStream, ToolEvent, ToolFor, ToolRunner};

#[derive(Debug, Deserialize, PartialEq, schemars::JsonSchema)]
struct City {
    /// The city.
    city: String,
}

fn chat_reply(message: serde_json::Value) -> serde_json::Value {
    json!({"id": "r", "choices": [{"index": 0, "finish_reason": "stop", "message": message}]})
}

/// A chat completion stream of these deltas, the last with `finish_reason`.
fn chat_stream(deltas: &[serde_json::Value], finish_reason: &str) -> String {
    let last = deltas.len() - 1;
    let chunks = deltas.iter().enumerate().map(|(at, delta)| {
        let finish = (at == last).then_some(finish_reason);
        let choice = json!({"index": 0, "delta": delta, "finish_reason": finish});
        format!("data: {}\n\n", json!({"id": "r", "choices": [choice]}))
    });
    chunks.collect::<String>() + "data: [DONE]\n\n"
}

#[test]
fn tool_from_a_type_has_the_types_schema_without_meta_keywords() {
    let ChatTool::Function { function } = ChatTool::function_for::<City>("w", "weather") else {
        panic!("a function tool");
    };
    assert_eq!(
        function.parameters,
        Some(json!({
            "title": "City", "type": "object", "required": ["city"],
            "properties": {"city": {"type": "string", "description": "The city."}}
        }))
    );
}

#[tokio::test]
async fn tool_runner_answers_parallel_calls_concurrently_and_sends_errors_back() {
    let server = MockServer::start_async().await;
    let calls = json!([
        {"id": "c1", "type": "function", "index": 0, "function": {"name": "weather", "arguments": "{\"city\":\"Paris\"}"}},
        {"id": "c2", "type": "function", "index": 1, "function": {"name": "weather", "arguments": "{\"city\":\"Oslo\"}"}},
        {"id": "c3", "type": "function", "index": 2, "function": {"name": "nope", "arguments": "{}"}}
    ]);
    let first = server.mock(|when, then| {
        bearer(when)
            .method(POST)
            .path("/chat/completions")
            .body_excludes("\"role\":\"tool\"")
            .body_includes("\"name\":\"weather\"");
        json_reply(
            then,
            &chat_reply(json!({"role": "assistant", "tool_calls": calls})),
        );
    });
    let second = server.mock(|when, then| {
        when.method(POST).path("/chat/completions").json_body_includes(json!({"messages": [
            {"role": "user", "content": "Weather?"},
            {"role": "assistant", "tool_calls": calls},
            {"role": "tool", "tool_call_id": "c1", "content": "Paris: 21"},
            {"role": "tool", "tool_call_id": "c2", "content": "{\"error\":\"Oslo: no station\"}"},
            {"role": "tool", "tool_call_id": "c3", "content": "{\"error\":\"no tool named `nope`\"}"}
        ]}).to_string());
        json_reply(then, &chat_reply(json!({"role": "assistant", "content": "Sunny."})));
    });
    // Both handlers wait for each other: run one after the other, they would hang.
    let both = Arc::new(tokio::sync::Barrier::new(2));
    let runner = ToolRunner::new().tool("weather", "Weather of a city", move |a: City| {
        let both = both.clone();
        async move {
            both.wait().await;
            match a.city.as_str() {
                "Paris" => Ok("Paris: 21".to_owned()),
                other => Err(format!("{other}: no station")),
            }
        }
    });
    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Weather?")]);
    let run = tokio::time::timeout(
        Duration::from_secs(5),
        runner.run(&client(&server), request),
    )
    .await
    .expect("the calls ran concurrently")
    .unwrap();
    first.assert();
    second.assert();
    assert_eq!((run.steps, run.reply.text()), (2, Some("Sunny.")));
    assert_eq!(run.messages.len(), 6);
}

#[tokio::test]
async fn streamed_tool_loop_sends_the_turn_back_with_its_reasoning_as_the_plain_loop_does() {
    let server = MockServer::start_async().await;
    let call = json!({"index": 0, "id": "c1", "type": "function",
        "function": {"name": "weather", "arguments": "{\"city\":\"Paris\"}"}});
    let first = server.mock(|when, then| {
        when.method(POST)
            .path("/chat/completions")
            .body_excludes("\"role\":\"tool\"");
        then.header("content-type", SSE).body(chat_stream(
            &[
                json!({"role": "assistant", "reasoning_content": "Need the "}),
                json!({"reasoning_content": "weather."}),
                json!({"content": "Checking."}),
                json!({"tool_calls": [call]}),
            ],
            "tool_calls",
        ));
    });
    let second = server.mock(|when, then| {
        when.method(POST).path("/chat/completions").json_body_includes(json!({"messages": [
            {"role": "user", "content": "Weather?"},
            {"role": "assistant", "content": "Checking.", "reasoning_content": "Need the weather.",
             "tool_calls": [{"id": "c1", "function": {"name": "weather"}}]},
            {"role": "tool", "tool_call_id": "c1", "content": "Paris: 21"}
        ]}).to_string());
        then.header("content-type", SSE)
            .body(chat_stream(&[json!({"content": "Sunny."})], "stop"));
    });
    let runner = ToolRunner::new().tool("weather", "Weather of a city", |a: City| async move {
        Ok::<_, String>(format!("{}: 21", a.city))
    });
    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Weather?")]);
    let client = client(&server);
    let mut events = runner.stream(&client, request);
    let (mut reasoning, mut text, mut results) = (String::new(), String::new(), Vec::new());
    while let Some(event) = events.next().await {
        match event.unwrap() {
            ToolEvent::Chat(ChatEvent::ReasoningDelta(delta)) => reasoning.push_str(&delta),
            ToolEvent::Chat(ChatEvent::ContentDelta(delta)) => text.push_str(&delta),
            ToolEvent::Result { output, .. } => results.push(output),
            _ => {}
        }
    }
    first.assert();
    second.assert();
    assert_eq!(
        (reasoning.as_str(), text.as_str()),
        ("Need the weather.", "Checking.Sunny.")
    );
    assert_eq!(results, [Ok("Paris: 21".to_owned())]);
}

#[tokio::test]
async fn chat_json_repairs_once_then_keeps_the_text() {
    let server = MockServer::start_async().await;
    let asked = server.mock(|when, then| {
        when.method(POST)
            .path("/chat/completions")
            .body_excludes("That answer is invalid")
            .json_body_includes(json!({"response_format": {"type": "json_object"}}).to_string())
            .body_includes("matches this JSON Schema");
        json_reply(
            then,
            &chat_reply(json!({"role": "assistant", "content": "{\"city\": 5}"})),
        );
    });
    let repaired = server.mock(|when, then| {
        when.method(POST)
            .path("/chat/completions")
            .body_includes("That answer is invalid");
        json_reply(
            then,
            &chat_reply(json!({"role": "assistant", "content": "```json\n{\"town\": 1}\n```"})),
        );
    });
    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Where?")]);
    let err = client(&server)
        .chat_json::<City>(&request)
        .await
        .unwrap_err();
    asked.assert();
    repaired.assert();
    let Error::Structured { answer, reason } = err else {
        panic!("{err:?}")
    };
    assert_eq!(answer, "```json\n{\"town\": 1}\n```");
    assert!(reason.contains("city"), "{reason}");
}

#[tokio::test]
async fn anthropic_tool_loop_sends_results_and_errors_as_tool_result_blocks() {
    let server = MockServer::start_async().await;
    let tool_use =
        json!({"type": "tool_use", "id": "t1", "name": "weather", "input": {"city": "Oslo"}});
    let message = |content| json!({"id": "m", "type": "message", "role": "assistant", "content": content, "stop_reason": "end_turn"});
    let first = server.mock(|when, then| {
        when.method(POST)
            .path("/anthropic/v1/messages")
            .body_excludes("tool_result")
            .json_body_includes(
                json!({"tools": [{"name": "weather", "description": "Weather",
                "input_schema": {"required": ["city"]}}]})
                .to_string(),
            );
        json_reply(then, &message(json!([tool_use])));
    });
    let second = server.mock(|when, then| {
        when.method(POST).path("/anthropic/v1/messages").json_body_includes(json!({"messages": [
            {"role": "user", "content": "Weather?"},
            {"role": "assistant", "content": [tool_use]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": "Oslo: no station", "is_error": true}]}
        ]}).to_string());
        json_reply(then, &message(json!([{"type": "text", "text": "Unknown."}])));
    });
    let runner = ToolRunner::new().tool("weather", "Weather", |a: City| async move {
        Err::<String, _>(format!("{}: no station", a.city))
    });
    let request =
        AnthropicMessageRequest::new("glm-4.7", 64, vec![AnthropicInputMessage::user("Weather?")]);
    let run = runner
        .run_messages(&client(&server), request)
        .await
        .unwrap();
    first.assert();
    second.assert();
    assert_eq!((run.steps, run.reply.text()), (2, "Unknown.".to_owned()));
}

#[tokio::test]
async fn anthropic_stream_folds_into_the_message_with_tool_input_from_fragments() {
    let events = [
        r#"{"type":"message_start","message":{"id":"m","type":"message","role":"assistant","content":[],"usage":{"input_tokens":9}}}"#,
        r#"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#,
        r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me "}}"#,
        r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"check."}}"#,
        r#"{"type":"content_block_stop","index":0}"#,
        r#"{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"t1","name":"weather","input":{}}}"#,
        r#"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\":"}}"#,
        r#"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"\"Paris\"}"}}"#,
        r#"{"type":"content_block_stop","index":1}"#,
        r#"{"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":12}}"#,
        r#"{"type":"message_stop"}"#,
    ];
    let body: String = events
        .iter()
        .map(|e| {
            let name = serde_json::from_str::<serde_json::Value>(e).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_owned();
            format!("event: {name}\ndata: {e}\n\n")
        })
        .collect();
    let message = EventStream::<AnthropicStreamEvent>::from_chunks([bytes::Bytes::from(body)])
        .collect_message()
        .await
        .unwrap();
    assert_eq!(message.text(), "Let me check.");
    let uses: Vec<_> = message
        .tool_uses()
        .map(|(id, name, input)| (id, name, json!(input)))
        .collect();
    assert_eq!(uses, [("t1", "weather", json!({"city": "Paris"}))]);
    let usage = message.usage.clone().unwrap();
    assert_eq!(
        (usage.input_tokens, usage.output_tokens),
        (Some(9), Some(12))
    );
    let next = AnthropicInputMessage::from(message);
    assert_eq!(
        serde_json::to_value(next).unwrap(),
        json!({"role": "assistant", "content": [{"type": "text", "text": "Let me check."},
            {"type": "tool_use", "id": "t1", "name": "weather", "input": {"city": "Paris"}}]})
    );
}
