//! The tool loop: two typed tools, their calls answered (those of one turn
//! concurrently) until the model answers in text; then the same run streamed.
//!
//! `cargo run --example tool_runner` (against the built-in mock). Relies on the
//! mock calling a declared function with arguments of its schema (today always
//! `get_weather({"city": "Paris"})`) and answering in text after a tool result.

use futures_util::StreamExt;
use serde::Deserialize;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use zai::types::{ChatCompletionRequest, ChatMessage};
use zai::{ChatEvent, ToolEvent, ToolRunner};

#[derive(Deserialize, schemars::JsonSchema)]
struct City {
    /// The city's name, e.g. "Paris".
    city: String,
}

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    let calls = Arc::new(AtomicUsize::new(0));
    let counted = calls.clone();
    let runner = ToolRunner::new()
        .tool("get_weather", "Current weather of a city", move |args: City| {
            counted.fetch_add(1, Ordering::SeqCst);
            async move { Ok::<_, String>(serde_json::json!({"city": args.city, "celsius": 21})) }
        })
        .tool("get_time", "Local time in a city", |args: City| async move {
            Ok::<_, String>(format!("12:00 in {}", args.city))
        })
        .max_steps(4);
    let question = "Weather and time in Paris and Tokyo?";
    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user(question)]);

    let run = runner.run(&client, request.clone()).await?;
    println!("{} steps, answer: {:?}", run.steps, run.reply.text());
    assert!(
        run.reply.tool_calls().is_empty(),
        "the model answered in text"
    );
    let results = run
        .messages
        .iter()
        .filter(|m| matches!(m, ChatMessage::Tool { .. }));
    assert!(results.count() >= 1 && calls.load(Ordering::SeqCst) >= 1);
    assert_eq!(run.steps, 2);

    // Streamed: text deltas, tool calls as they start and complete, their results.
    let mut events = runner.stream(&client, request);
    let (mut text, mut results) = (String::new(), 0);
    while let Some(event) = events.next().await {
        match event? {
            ToolEvent::Chat(ChatEvent::ContentDelta(delta)) => text.push_str(&delta),
            ToolEvent::Chat(ChatEvent::ToolCallCompleted(call)) => {
                println!("call {:?}", call.name())
            }
            ToolEvent::Chat(ChatEvent::Usage(usage)) => println!("usage {:?}", usage.total_tokens),
            ToolEvent::Result { call, output } => {
                results += 1;
                println!("{:?} -> {output:?}", call.name());
                assert!(output.is_ok());
            }
            _ => {}
        }
    }
    println!("streamed answer: {text:?}");
    assert!(results >= 1 && !text.is_empty());
    Ok(())
}
