//! Knowledge bases against the mock: created with distinct ids, then listed a
//! page at a time until every one has been seen (`page`/`size`/`total`).
//!
//! Runs against the built-in mock server (and asserts what it gets):
//! `cargo run --example mock_knowledge_pages`

use futures_util::StreamExt;
use zai::types::{KnowledgeBaseRequest, ListKnowledgeBasesQuery};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;
    let mut created = Vec::new();
    for n in 1..=7 {
        let request = KnowledgeBaseRequest::new(11, format!("Manuals {n}"));
        let reply = client.create_knowledge_base(&request).await?;
        created.extend(reply.and_then(|d| d.id));
    }
    let mut distinct = created.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 7, "distinct ids: {created:?}");

    // Pages of three: the seeded knowledge base and the seven new ones.
    let mut pages = std::pin::pin!(
        client.list_knowledge_bases_pages(ListKnowledgeBasesQuery::default().size(3))
    );
    let (mut seen, mut count) = (Vec::new(), 0);
    while let Some(page) = pages.next().await {
        let data = page?.unwrap_or_default();
        count += 1;
        let names: Vec<String> = data.list.iter().filter_map(|k| k.name.clone()).collect();
        println!("page {count} (total {:?}): {names:?}", data.total);
        assert_eq!(data.total, Some(8));
        seen.extend(data.list.into_iter().filter_map(|k| k.id));
    }
    assert_eq!(count, 3, "8 knowledge bases in pages of 3");
    assert_eq!(seen.len(), 8);
    assert!(created.iter().all(|id| seen.contains(id)));
    Ok(())
}
