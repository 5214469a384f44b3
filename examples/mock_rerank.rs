//! Rerank against the mock: the documents sent are scored against the query,
//! best first, `top_n` of them, with their text (`return_documents`).
//!
//! Runs against the built-in mock server (and asserts what it gets):
//! `cargo run --example mock_rerank`

use zai::types::RerankRequest;

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;
    let documents = vec![
        "Bananas are rich in potassium.".to_owned(),
        "Paris is the capital of France.".to_owned(),
        "The Seine flows through Paris, the French capital.".to_owned(),
        "Rust has no garbage collector.".to_owned(),
    ];
    let request = RerankRequest::new("rerank", "capital of France", documents.clone())
        .top_n(2)
        .return_documents(true);
    let reply = client.rerank(&request).await?;
    for result in &reply.results {
        println!(
            "{:.3}  #{:?} {:?}",
            result.relevance_score.unwrap_or_default(),
            result.index,
            result.document
        );
    }
    assert_eq!(reply.results.len(), 2, "top_n");
    assert_eq!(reply.results[0].index, Some(1));
    assert_eq!(
        reply.results[0].document.as_deref(),
        Some(documents[1].as_str())
    );
    assert!(reply.results[0].relevance_score >= reply.results[1].relevance_score);
    Ok(())
}
