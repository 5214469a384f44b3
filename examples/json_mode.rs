//! JSON mode: `response_format: {type: json_object}` makes the reply one JSON
//! object, read here into a typed struct.
//!
//! `cargo run --example json_mode` (against the built-in mock)

use zai::types::{ChatCompletionRequest, ChatMessage, ResponseFormatType};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    let request = ChatCompletionRequest::new(
        "glm-4.7",
        vec![
            ChatMessage::system("Answer as a JSON object."),
            ChatMessage::user("Name a city and its country."),
        ],
    )
    .response_format(ResponseFormatType::JsonObject);
    let reply = client.create_chat_completion(&request).await?;

    let json: serde_json::Value = serde_json::from_str(reply.text().unwrap_or("{}"))?;
    println!("{json:#}");
    Ok(())
}
