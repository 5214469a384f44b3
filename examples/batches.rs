//! Batch jobs: create / retrieve / list / cancel, then a resumable `BatchJob`
//! over a stream of requests.
//!
//! Runs against the built-in mock server:
//! `cargo run --example batches`

use futures_util::StreamExt as _;
use std::time::Duration;
use zai::types::{ChatCompletionRequest, ChatMessage, CreateBatchRequest, ListBatchesQuery};
use zai::{BatchJob, BatchOptions};

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

    // Any number of requests: spooled to JSONL files, cut at the Batch API's
    // limits (here 2 requests per batch), uploaded, polled, and one typed result
    // per `custom_id`. Running it again with the same state file resumes it.
    let state = std::env::temp_dir().join(format!("zai-example-{}.json", std::process::id()));
    let requests = futures_util::stream::iter((1..=5).map(|i| {
        let request =
            ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user(format!("Hello {i}"))]);
        Ok((format!("q{i}"), request))
    }));
    let options = BatchOptions::default()
        .max_requests(2)
        .poll_interval(Duration::from_millis(50));
    let job = BatchJob::new(&client, &state).options(options);
    let mut results = job.run(requests)?;
    while let Some(result) = results.next().await {
        let result = result?;
        match result.outcome {
            Ok(reply) => println!("{}: {}", result.custom_id, reply.text().unwrap_or_default()),
            Err(error) => println!("{}: failed: {error:?}", result.custom_id),
        }
    }
    println!("{:?}", results.progress());
    // The job is finished: its state file (and the emptied work directory
    // beside it) can go.
    std::fs::remove_file(&state).ok();
    std::fs::remove_dir(state.with_extension("json.parts")).ok();
    Ok(())
}
