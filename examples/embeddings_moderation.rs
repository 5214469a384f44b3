//! Embeddings for a batch of texts, and content moderation of a text.
//!
//! Runs against the built-in mock server:
//! `cargo run --example embeddings_moderation`

use zai::types::{EmbeddingInput, EmbeddingRequest, ModerationRequest};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    // One vector per input text (optionally shortened with `dimensions`).
    let input = EmbeddingInput::Texts(vec!["red apple".into(), "green pear".into()]);
    let request = EmbeddingRequest::new("embedding-3", input).dimensions(256);
    let embeddings = client.create_embedding(&request).await?;
    for item in &embeddings.data {
        let head: Vec<_> = item.embedding.iter().take(3).collect();
        println!(
            "embedding #{:?}: {} floats, starts {head:?}",
            item.index,
            item.embedding.len()
        );
    }
    println!("usage: {:?}", embeddings.usage);

    // Moderation: a risk level and risk types per checked part.
    let request = ModerationRequest::new("moderation", "A friendly chat about gardening.");
    let verdict = client.create_moderation(&request).await?;
    for result in &verdict.result_list {
        println!(
            "moderation: {:?} risk {:?} {:?}",
            result.content_type, result.risk_level, result.risk_type
        );
    }
    Ok(())
}
