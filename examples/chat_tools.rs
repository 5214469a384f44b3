//! A tool-call round trip with chat completions, then a streamed reply.
//!
//! The request offers a `get_weather` function; the model answers with a tool
//! call, we "run" the tool and send its result back as a `tool` message. Finally
//! a streamed request is printed event by event with `ChatStreamExt::events()`.
//!
//! Runs against the built-in mock server:
//! `cargo run --example chat_tools`

use futures_util::StreamExt;
use zai::types::{ChatCompletionRequest, ChatMessage, ChatTool};
use zai::{ChatEvent, ChatStreamExt};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    // 1. Offer a function tool (its arguments as a JSON Schema).
    let schema = serde_json::json!({
        "type": "object",
        "properties": {"city": {"type": "string"}},
        "required": ["city"]
    });
    let weather = ChatTool::function("get_weather", "Current weather of a city", schema);
    let mut messages = vec![ChatMessage::user("What's the weather in Paris?")];
    let request = ChatCompletionRequest::new("glm-4.7", messages.clone()).tools(vec![weather]);
    let reply = client.create_chat_completion(&request).await?;

    // 2. The assistant asked for tool calls: keep its turn, answer each call.
    for call in reply.tool_calls() {
        let args: serde_json::Value = call.parse_arguments()?;
        println!("tool call {}: {:?}({args})", call.call_id(), call.name());
    }
    let calls = reply.tool_calls().to_vec();
    if let Some(turn) = reply.message() {
        messages.push(ChatMessage::from(turn.clone()));
    }
    for call in &calls {
        let result = r#"{"temperature_c": 21, "sky": "clear"}"#;
        messages.push(ChatMessage::tool_result(call, result));
    }

    // 3. Send the tool results back and read the final answer.
    let request = ChatCompletionRequest::new("glm-4.7", messages);
    let answer = client.create_chat_completion(&request).await?;
    println!("answer: {:?}", answer.text());

    // 4. The same conversation, streamed: semantic events as they arrive.
    let mut events = client
        .create_chat_completion_stream(&request)
        .await?
        .events();
    while let Some(event) = events.next().await {
        match event? {
            ChatEvent::ReasoningDelta(text) => println!("thinking: {text:?}"),
            ChatEvent::ContentDelta(text) => println!("content:  {text:?}"),
            ChatEvent::Usage(usage) => println!("usage:    {:?} tokens", usage.total_tokens),
            ChatEvent::Done { finish_reason } => println!("done:     {finish_reason:?}"),
            other => println!("event:    {other:?}"),
        }
    }
    Ok(())
}
