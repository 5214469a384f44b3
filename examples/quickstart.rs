//! The main job, offline: the built-in mock stands in for Z.AI, and a real
//! `zai::Client` sends it a chat completion, then the same request streamed.
//!
//! `cargo run --example quickstart` (against Z.AI: `Client::from_env()?` instead of
//! the two mock lines, with `ZAI_API_KEY` set).

use futures_util::StreamExt;
use std::io::Write;
use zai::types::{ChatCompletionRequest, ChatMessage};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Hello!")]);
    let reply = client.create_chat_completion(&request).await?;
    println!("reasoning: {}", reply.reasoning().unwrap_or_default());
    println!("reply: {}", reply.text().unwrap_or_default());

    let mut stream = client.create_chat_completion_stream(&request).await?;
    print!("streamed: ");
    while let Some(chunk) = stream.next().await {
        print!("{}", chunk?.text().unwrap_or_default());
        let _ = std::io::stdout().flush();
    }
    println!();
    Ok(())
}
