//! `zai messages`: chat through the Anthropic-compatible Messages endpoint.

use super::chat::Reasoning;
use crate::args::MessagesArgs;
use crate::connection::Connection;
use crate::failure::Outcome;
use futures_util::StreamExt;
use std::io::Write;
use zai::types;

/// Runs `zai messages`.
pub(crate) async fn run(connection: &Connection, args: MessagesArgs) -> Outcome {
    let client = &connection.client;
    let message = types::AnthropicInputMessage::new(
        types::AnthropicInputMessageRole::User,
        types::AnthropicInputContent::String(args.prompt),
    );
    let request = types::AnthropicMessageRequest::new(args.model, args.max_tokens, vec![message]);
    if args.stream {
        let mut events = client.create_message_stream(&request).await?;
        let mut out = std::io::stdout();
        let reasoning = Reasoning::new(true);
        while let Some(event) = events.next().await {
            if let types::AnthropicStreamEvent::ContentBlockDelta { delta, .. } = event? {
                match delta {
                    types::AnthropicContentDelta::TextDelta { text } => {
                        let _ = write!(out, "{text}");
                        let _ = out.flush();
                    }
                    types::AnthropicContentDelta::ThinkingDelta { thinking } => {
                        reasoning.print(&thinking)
                    }
                    _ => {}
                }
            }
        }
        println!();
        return Ok(());
    }
    let reply = client.create_message(&request).await?;
    for block in reply.content {
        match block {
            types::AnthropicContentBlock::Text { text } => println!("{text}"),
            other => println!("{}", serde_json::to_string(&other).unwrap_or_default()),
        }
    }
    Ok(())
}
