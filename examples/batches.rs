//! Batch jobs: create / retrieve / list / cancel.
//!
//! Runs against the built-in mock server:
//! `cargo run --example batches`

use zai::types::{CreateBatchRequest, ListBatchesQuery};

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

    // `client.run_chat_batch(&requests, &options, progress)` does it all in one
    // call (upload JSONL, create, `wait_batch`, download, match lines by
    // `custom_id`); it needs a batch that completes, which the mock's never does.
    Ok(())
}
