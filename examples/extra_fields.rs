//! Escape hatches for what the spec does not know yet: extra body fields, headers
//! and query parameters per call, and the raw answer beside the typed one.
//!
//! `cargo run --example extra_fields` (against the built-in mock)

use serde_json::json;
use zai::types::{ChatCompletionRequest, ChatMessage};
use zai::{Error, WithResponse};

#[tokio::main]
async fn main() -> Result<(), Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Hi")]);
    let (reply, answer) = client
        .with_options(|o| {
            o.body_field("new_sampling_knob", json!(0.5))
                .header("X-Trace", "example-1")
                .query("beta", "true")
        })
        .create_chat_completion(&request)
        .with_response()
        .await?;

    println!("typed: {}", reply.text().unwrap_or_default());
    // Every field the server sent, including those the typed response has no place for.
    let body = answer.json().expect("the answer was JSON")?;
    let fields: Vec<&String> = body
        .as_object()
        .map(|o| o.keys().collect())
        .unwrap_or_default();
    println!(
        "raw fields: {fields:?} (request id {:?})",
        answer.request_id()
    );
    assert!(fields.iter().any(|f| *f == "choices"));
    Ok(())
}
