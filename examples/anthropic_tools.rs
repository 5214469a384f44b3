//! Tools on the Anthropic-compatible Messages endpoint: tools from a Rust type,
//! the tool loop (plain, then streamed as the same events as chat), a streamed
//! message folded into the one a plain call returns, and a reply sent back as
//! the next turn.
//!
//! `cargo run --example anthropic_tools` (against the built-in mock). Relies on
//! the mock answering Messages requests; `tool_use` blocks (issue 27) are
//! answered when it sends them, and a plain answer is taken as final.

use futures_util::StreamExt;
use serde::Deserialize;
use zai::types::{AnthropicInputMessage, AnthropicMessageRequest, AnthropicTool};
use zai::{AnthropicStreamExt, ChatEvent, ToolEvent, ToolFor, ToolRunner};

#[derive(Deserialize, schemars::JsonSchema)]
struct City {
    /// The city's name.
    city: String,
}

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    // A tool from a type: its input schema is `City`'s.
    let tool = AnthropicTool::function_for::<City>("get_weather", "Current weather of a city");
    assert_eq!(tool.input_schema["required"], serde_json::json!(["city"]));

    let runner = ToolRunner::new().tool(
        "get_weather",
        "Current weather of a city",
        |a: City| async move { Ok::<_, String>(format!("21 °C and clear in {}", a.city)) },
    );
    let question = AnthropicInputMessage::user("Weather in Paris?");
    let request = AnthropicMessageRequest::new("glm-4.7", 1024, vec![question]);
    let run = runner.run_messages(&client, request.clone()).await?;
    println!("{} steps: {}", run.steps, run.reply.text());
    assert_eq!(
        run.reply.tool_uses().count(),
        0,
        "the model answered in text"
    );
    assert!(!run.reply.text().is_empty());

    // The same loop streamed: text deltas, tool calls, results, usage, as for chat.
    let mut events = runner.stream_messages(&client, request.clone());
    let (mut text, mut results) = (String::new(), Vec::new());
    while let Some(event) = events.next().await {
        match event? {
            ToolEvent::Chat(ChatEvent::ContentDelta(delta)) => text.push_str(&delta),
            ToolEvent::Chat(ChatEvent::ToolCallCompleted(call)) => {
                println!("call {:?}({:?})", call.name(), call.arguments())
            }
            ToolEvent::Chat(ChatEvent::Usage(usage)) => println!("usage {:?}", usage.total_tokens),
            ToolEvent::Result { output, .. } => results.push(output),
            _ => {}
        }
    }
    println!("streamed: {text}");
    assert_eq!(results, [Ok("21 °C and clear in Paris".to_owned())]);
    assert!(text.ends_with("get_weather returned 21 °C and clear in Paris."));

    // A stream folded into the message a plain call returns.
    let streamed = client
        .create_message_stream(&request)
        .await?
        .collect_message()
        .await?;
    println!("streamed: {} ({:?})", streamed.text(), streamed.stop_reason);
    assert!(!streamed.text().is_empty() && streamed.stop_reason.is_some());

    // The reply goes back as the assistant's turn of the next request.
    let mut next = request;
    next.messages.push(streamed.into());
    next.messages
        .push(AnthropicInputMessage::user("And tomorrow?"));
    let reply = client.create_message(&next).await?;
    assert!(!reply.text().is_empty());
    Ok(())
}
