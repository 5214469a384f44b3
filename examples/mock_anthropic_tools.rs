//! Anthropic-style tool use against the mock: a `tool_use` block whose input
//! follows the tool's `input_schema` (`stop_reason: tool_use`), the same streamed
//! as `input_json_delta` fragments, then the answer to the `tool_result`.
//!
//! Runs against the built-in mock server (and asserts what it gets):
//! `cargo run --example mock_anthropic_tools`

use futures_util::StreamExt;
use serde_json::{Value, json};
use zai::types::{
    AnthropicContentBlock, AnthropicContentDelta, AnthropicInputMessage, AnthropicMessageRequest,
    AnthropicStopReason, AnthropicStreamEvent, AnthropicTool,
};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;
    let tool: AnthropicTool = serde_json::from_value(json!({
        "name": "get_weather", "description": "Current weather of a city",
        "input_schema": {"type": "object", "required": ["city", "unit"], "properties": {
            "city": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}}},
    }))?;
    let question = AnthropicInputMessage::user("What's the weather in Oslo?");
    let request = AnthropicMessageRequest::new("glm-4.7", 1024, vec![question.clone()])
        .tools(vec![tool.clone()]);

    let reply = client.create_message(&request).await?;
    assert_eq!(reply.stop_reason, Some(AnthropicStopReason::ToolUse));
    let (id, input) = reply
        .content
        .iter()
        .find_map(|block| match block {
            AnthropicContentBlock::ToolUse { id, name, input } if name == "get_weather" => {
                Some((id.clone(), input.clone()))
            }
            _ => None,
        })
        .ok_or("no tool_use block")?;
    let input = Value::Object(input);
    assert_eq!(input, json!({"city": "Oslo", "unit": "celsius"}));
    println!("tool_use {id}: get_weather({input})");

    // Streamed: the input arrives as input_json_delta fragments.
    let mut events = client
        .create_message_stream(&request.clone().stream(true))
        .await?;
    let (mut partial, mut fragments) = (String::new(), 0);
    while let Some(event) = events.next().await {
        if let AnthropicStreamEvent::ContentBlockDelta {
            delta: AnthropicContentDelta::InputJsonDelta { partial_json },
            ..
        } = event?
        {
            partial.push_str(&partial_json);
            fragments += 1;
        }
    }
    assert!(fragments >= 2, "{fragments} fragments");
    assert_eq!(serde_json::from_str::<Value>(&partial)?, input);
    println!("streamed input in {fragments} fragments: {partial}");

    // The tool's result goes back; the answer uses it.
    let used: AnthropicInputMessage = serde_json::from_value(json!({"role": "assistant",
        "content": [{"type": "tool_use", "id": id, "name": "get_weather", "input": input}]}))?;
    let result: AnthropicInputMessage = serde_json::from_value(json!({"role": "user",
        "content": [{"type": "tool_result", "tool_use_id": id, "content": "12°C, light rain"}]}))?;
    let request = AnthropicMessageRequest::new("glm-4.7", 1024, vec![question, used, result])
        .tools(vec![tool]);
    let answer = client.create_message(&request).await?;
    assert_eq!(answer.stop_reason, Some(AnthropicStopReason::EndTurn));
    assert!(
        answer.text().contains("12°C, light rain"),
        "{}",
        answer.text()
    );
    println!("answer: {}", answer.text());
    Ok(())
}
