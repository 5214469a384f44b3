//! Batch jobs: create / retrieve / list / cancel, then the one-call helper
//! `Client::run_chat_batch` (upload JSONL, create, wait, download, match lines).
//!
//! Runs against the built-in mock server:
//! `cargo run --example batches --features mock`

use std::time::Duration;
use zai::ext::poll::PollOptions;
use zai::types::{ChatCompletionRequest, ChatMessage, CreateBatchRequest};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai::mock::MockServer::start().await;
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
    let page = client.list_batches(None, Some(20)).await?;
    for b in &page.data {
        println!("listed: {:?} {:?}", b.id, b.status);
    }

    let cancelled = client.cancel_batch(&id).await?;
    println!("cancel {id}: {:?}", cancelled.status);

    // Or all in one: requests in, one result per `custom_id` out.
    let requests: Vec<(String, ChatCompletionRequest)> = ["Hello", "Bonjour"]
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user(*text)]);
            (format!("r{}", i + 1), request)
        })
        .collect();
    let options = PollOptions::every(Duration::from_millis(50), Duration::from_secs(10));
    for result in client.run_chat_batch(&requests, &options, |_| {}).await? {
        let answer = result
            .outcome
            .map(|r| r.choices.first().and_then(|c| c.message.clone()));
        println!("{}: {answer:?}", result.custom_id);
    }
    Ok(())
}
