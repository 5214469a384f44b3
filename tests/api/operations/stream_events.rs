//! Streams read as UI events, for both dialects, against the built-in mock: the
//! usage a chat stream's final chunk carried in one call, an Anthropic Messages
//! stream folded into the same `ChatEvent`s, and the streamed Anthropic tool loop.

use futures_util::StreamExt;
use serde::Deserialize;
use serde_json::{Value, json};
use zai::types::{
    AnthropicInputMessage, AnthropicMessageRequest, ChatCompletionRequest, ChatMessage,
    FinishReason, Usage,
};
use zai::{AnthropicStreamExt, ChatEvent, ChatStreamExt, ToolEvent, ToolFor, ToolRunner};

#[derive(Deserialize, schemars::JsonSchema)]
struct City {
    /// The city's name.
    city: String,
}

async fn mock() -> (zai_mock::MockServer, zai::Client) {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()
        .unwrap();
    (mock, client)
}

fn usage(prompt: i64, completion: i64) -> Usage {
    let usage = Usage::default()
        .prompt_tokens(prompt)
        .completion_tokens(completion);
    usage.total_tokens(prompt + completion)
}

#[tokio::test]
async fn a_chat_streams_usage_is_read_in_one_call() {
    let (_mock, client) = mock().await;
    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Hello there")]);
    let mut events = client
        .create_chat_completion_stream(&request)
        .await
        .unwrap()
        .events();
    assert_eq!(events.usage(), None, "nothing read yet");
    while let Some(event) = events.next().await {
        event.unwrap();
    }
    // The mock counts tokens from the texts: "Hello there" is 2, its answer 26.
    assert_eq!(events.usage(), Some(usage(2, 26)));
    // The plain call's counts (it adds details the stream's final chunk lacks).
    let plain = client.create_chat_completion(&request).await.unwrap();
    let plain = plain.usage.unwrap();
    assert_eq!(
        (plain.prompt_tokens, plain.completion_tokens),
        (Some(2), Some(26))
    );
}

#[tokio::test]
async fn an_anthropic_stream_folds_into_the_chat_events() {
    let (_mock, client) = mock().await;
    let tool = zai::types::AnthropicTool::function_for::<City>("get_weather", "Weather of a city");
    let question = AnthropicInputMessage::user("Weather in Oslo?");
    let request = AnthropicMessageRequest::new("glm-4.7", 1024, vec![question]).tools(vec![tool]);
    let mut stream = client
        .create_message_stream(&request)
        .await
        .unwrap()
        .events();
    let mut events = Vec::new();
    while let Some(event) = stream.next().await {
        events.push(event.unwrap());
    }
    let text: String = events
        .iter()
        .filter_map(|e| match e {
            ChatEvent::ContentDelta(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(text, "I'll call get_weather.");
    let deltas: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            ChatEvent::ToolCallDelta {
                index,
                id,
                name,
                arguments,
            } => Some((*index, id.clone(), name.clone(), arguments.clone())),
            _ => None,
        })
        .collect();
    let id = deltas[0].1.clone().expect("the first piece names the call");
    assert!(id.starts_with("toolu_"), "{id}");
    assert_eq!(
        deltas[0],
        (
            0,
            Some(id.clone()),
            Some("get_weather".into()),
            String::new()
        )
    );
    assert_eq!(
        deltas.len(),
        4,
        "the start and three input fragments: {deltas:?}"
    );
    let arguments: String = deltas.iter().map(|d| d.3.as_str()).collect();
    assert_eq!(
        serde_json::from_str::<Value>(&arguments).unwrap(),
        json!({"city": "Oslo"})
    );
    assert!(
        deltas[1..]
            .iter()
            .all(|d| d.0 == 0 && d.1.is_none() && d.2.is_none())
    );
    let tail = &events[events.len() - 3..];
    let ChatEvent::ToolCallCompleted(call) = &tail[0] else {
        panic!("the call completes when its block stops: {tail:?}");
    };
    assert_eq!(
        (call.call_id(), call.name(), call.index),
        (id.as_str(), Some("get_weather"), Some(0))
    );
    assert_eq!(
        call.parse_arguments::<Value>().unwrap(),
        json!({"city": "Oslo"})
    );
    assert_eq!(tail[1], ChatEvent::Usage(usage(4, 72)));
    assert_eq!(
        tail[2],
        ChatEvent::Done {
            finish_reason: Some(FinishReason::ToolCalls)
        }
    );
    assert_eq!(stream.usage(), Some(usage(4, 72)));
}

#[tokio::test]
async fn the_anthropic_tool_loop_streams_events_and_results() {
    let (_mock, client) = mock().await;
    let runner = ToolRunner::new().tool("get_weather", "Weather of a city", |a: City| async move {
        Ok::<_, String>(format!("21 °C in {}", a.city))
    });
    let question = AnthropicInputMessage::user("Weather in Oslo?");
    let request = AnthropicMessageRequest::new("glm-4.7", 1024, vec![question]);
    let mut stream = runner.stream_messages(&client, request);
    let (mut text, mut results, mut done) = (String::new(), Vec::new(), Vec::new());
    while let Some(event) = stream.next().await {
        match event.unwrap() {
            ToolEvent::Chat(ChatEvent::ContentDelta(delta)) => text.push_str(&delta),
            ToolEvent::Chat(ChatEvent::Done { finish_reason }) => done.push(finish_reason),
            ToolEvent::Result { call, output } => {
                results.push((call.name().map(str::to_owned), output))
            }
            _ => {}
        }
    }
    assert_eq!(
        results,
        [(
            Some("get_weather".to_owned()),
            Ok("21 °C in Oslo".to_owned())
        )]
    );
    assert_eq!(
        done,
        [Some(FinishReason::ToolCalls), Some(FinishReason::Stop)]
    );
    assert_eq!(
        text,
        "I'll call get_weather.Based on the tool results: get_weather returned 21 °C in Oslo."
    );
}
