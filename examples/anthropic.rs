//! The Anthropic-compatible Messages endpoint (`/anthropic/v1/messages`): a plain
//! request, then the same streamed as Anthropic's named server-sent events.
//!
//! Runs against the built-in mock server:
//! `cargo run --example anthropic`

use futures_util::StreamExt;
use zai::types::{
    AnthropicContentBlock, AnthropicContentDelta, AnthropicInputMessage, AnthropicMessageRequest,
    AnthropicStreamEvent,
};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    let message = AnthropicInputMessage::user("Latest version of serde?");
    let request = AnthropicMessageRequest::new("glm-4.7", 1024, vec![message]);

    // Plain: one message with typed content blocks.
    let reply = client.create_message(&request).await?;
    println!(
        "message {:?}, stop reason {:?}",
        reply.id, reply.stop_reason
    );
    for block in &reply.content {
        match block {
            AnthropicContentBlock::Text { text } => println!("  text: {text}"),
            AnthropicContentBlock::Thinking { thinking, .. } => println!("  thinking: {thinking}"),
            other => println!("  block: {other:?}"),
        }
    }

    // Streamed: `message_start`, `content_block_delta`, ..., `message_stop`.
    let mut events = client.create_message_stream(&request).await?;
    while let Some(event) = events.next().await {
        match event? {
            AnthropicStreamEvent::MessageStart { message } => println!("start {:?}", message.id),
            AnthropicStreamEvent::ContentBlockDelta { delta, index } => match delta {
                AnthropicContentDelta::TextDelta { text } => println!("  [{index}] text {text:?}"),
                other => println!("  [{index}] {other:?}"),
            },
            AnthropicStreamEvent::MessageDelta { delta, usage } => {
                println!("delta: stop {:?}, usage {usage:?}", delta.stop_reason)
            }
            AnthropicStreamEvent::MessageStop => println!("stop"),
            other => println!("  {other:?}"),
        }
    }
    Ok(())
}
