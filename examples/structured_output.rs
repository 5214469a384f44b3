//! A structured answer: a Rust type in, a value of it out (`Client::chat_json`),
//! on chat completions and on the Anthropic-compatible endpoint.
//!
//! `cargo run --example structured_output` (against the built-in mock). The mock
//! answers JSON mode with an object of the requested schema (today the fixed
//! `{"answer": "Hello!"}`, which fits `Reply`).

use serde::Deserialize;
use zai::types::{
    AnthropicInputMessage, AnthropicMessageRequest, ChatCompletionRequest, ChatMessage,
};

/// The shape the answer must have; its schema is sent with the request.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
struct Reply {
    /// The answer, in one sentence.
    answer: String,
    /// How sure the model is, 0 to 100 (optional).
    confidence: Option<u8>,
}

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Say hello.")]);
    let reply: Reply = client.chat_json(&request).await?;
    println!("chat: {reply:?}");
    assert!(!reply.answer.is_empty());
    assert!(reply.confidence.is_none_or(|c| c <= 100));

    // The Anthropic endpoint has no JSON mode: the schema goes into the system
    // prompt, and the answer is validated and parsed the same way.
    let message = AnthropicInputMessage::user("Say hello.");
    let request = AnthropicMessageRequest::new("glm-4.7", 1024, vec![message]);
    match client.message_json::<Reply>(&request).await {
        Ok(reply) => println!("anthropic: {reply:?}"),
        // The mock's Messages answer is prose until it follows schemas (issue 27):
        // after one repair round the error keeps the model's text.
        Err(zai::Error::Structured { answer, reason }) => {
            assert!(!answer.is_empty());
            println!("anthropic answered {answer:?}, which does not fit: {reason}");
        }
        Err(other) => return Err(other),
    }
    Ok(())
}
