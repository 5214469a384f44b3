//! The main job, offline: an in-process mock server stands in for Z.AI, and a real
//! `zai::Client` sends it a chat completion, then the same request streamed.
//!
//! `cargo run --example quickstart`

use futures_util::StreamExt;
use httpmock::{Method::POST, MockServer};
use zai::types::{ChatCompletionRequest, ChatMessage};

const REPLY: &str = r#"{"id":"20261122090000quickstart0001","request_id":"20261122090000quickstart0001","created":1795338000,"model":"glm-4.7","object":"chat.completion","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Hello! I'm GLM. How can I help?","reasoning_content":"A greeting; answer warmly."}}],"usage":{"prompt_tokens":9,"completion_tokens":12,"total_tokens":21}}"#;

const STREAM: &str = concat!(
    "data: {\"id\":\"q2\",\"created\":1795338001,\"model\":\"glm-4.7\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"reasoning_content\":\"A greeting.\"}}]}\n\n",
    "data: {\"id\":\"q2\",\"created\":1795338001,\"model\":\"glm-4.7\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hello\"}}]}\n\n",
    "data: {\"id\":\"q2\",\"created\":1795338001,\"model\":\"glm-4.7\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\" from a stream!\"}}]}\n\n",
    "data: {\"id\":\"q2\",\"created\":1795338001,\"model\":\"glm-4.7\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":5,\"total_tokens\":14}}\n\n",
    "data: [DONE]\n\n",
);

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/chat/completions")
                .json_body_includes(r#"{"stream":true}"#);
            then.status(200)
                .header("content-type", "text/event-stream;charset=UTF-8")
                .body(STREAM);
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(POST).path("/chat/completions");
            then.status(200)
                .header("content-type", "application/json; charset=UTF-8")
                .body(REPLY);
        })
        .await;

    let client = zai::Client::builder()
        .api_key("demo-id.demo-secret")
        .base_url(server.base_url())
        .build()?;
    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Hello!")]);

    let reply = client.create_chat_completion(&request).await?;
    let message = reply.choices[0].message.as_ref();
    println!(
        "reply: {}",
        message
            .and_then(|m| m.content.as_deref())
            .unwrap_or_default()
    );

    let mut stream = client.create_chat_completion_stream(&request).await?;
    print!("streamed: ");
    while let Some(chunk) = stream.next().await {
        for choice in chunk?.choices {
            if let Some(text) = choice.delta.and_then(|d| d.content) {
                print!("{text}");
            }
        }
    }
    println!();
    Ok(())
}
