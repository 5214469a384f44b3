//! Batch jobs: create / retrieve / list / cancel, then the whole workflow in one
//! call (`run_chat_batch`).
//!
//! Runs against the built-in mock server:
//! `cargo run --example batches`

use std::time::Duration;
use zai::PollOptions;
use zai::types::{ChatCompletionRequest, ChatMessage, CreateBatchRequest, ListBatchesQuery};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    // A batch over an uploaded JSONL file (see the `files` example).
    let request = CreateBatchRequest::new("file-in-1", "/v4/chat/completions");
    let batch = client.create_batch(&request).await?;
    let id = batch.id.clone().unwrap_or_default();
    println!("created {id}: {:?}", batch.status);

    let batch = client.retrieve_batch(&id).await?;
    println!(
        "retrieved {id}: {:?}, counts {:?}",
        batch.status, batch.request_counts
    );

    // Newest first; `after` and `limit` page through the list.
    let page = client
        .list_batches(&ListBatchesQuery::default().limit(20))
        .await?;
    for b in &page.data {
        println!("listed: {:?} {:?}", b.id, b.status);
    }

    let cancelled = client.cancel_batch(&id).await?;
    println!("cancel {id}: {:?}", cancelled.status);

    // The whole workflow in one call: upload JSONL, create, `wait_batch`,
    // download the output and error files, one typed result per `custom_id`.
    let ask = |text: &str| ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user(text)]);
    let requests = [
        ("q1".to_owned(), ask("Hello")),
        ("q2".to_owned(), ask("Hi")),
    ];
    let poll = PollOptions::every(Duration::from_millis(50), Duration::from_secs(30));
    for result in client.run_chat_batch(&requests, &poll, |_| {}).await? {
        match result.outcome {
            Ok(reply) => println!("{}: {}", result.custom_id, reply.text().unwrap_or_default()),
            Err(error) => println!("{}: failed: {error:?}", result.custom_id),
        }
    }
    Ok(())
}
