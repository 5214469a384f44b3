//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! Rerank (`/paas/v4/rerank`, China platform).

use crate::support::{api_client, bearer, expect_call};
use httpmock::{Method::POST, MockServer};
use serde_json::json;
use zai::types::RerankRequest;

#[tokio::test]
async fn rerank() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        bearer,
        (POST, "/api/paas/v4/rerank"),
        &[],
        Some(json!({
            "model": "rerank",
            "query": "capital of the United States",
            "documents": ["Carson City is in Nevada.", "Washington, D.C. is the capital."],
            "top_n": 1,
            "return_documents": true
        })),
        json!({
            "id": "20241120141244890ab4ee4af84acf",
            "request_id": "rr-000001",
            "created": 1732083164,
            "results": [{"index": 1, "relevance_score": 0.99866986,
                         "document": "Washington, D.C. is the capital."}],
            "usage": {"prompt_tokens": 31, "total_tokens": 31}
        }),
    )
    .await;
    let request = RerankRequest::new(
        "rerank",
        "capital of the United States",
        [
            "Carson City is in Nevada.",
            "Washington, D.C. is the capital.",
        ],
    )
    .top_n(1)
    .return_documents(true);
    let answer = api_client(&server).rerank(&request).await.unwrap();
    mock.assert_async().await;
    assert_eq!(answer.id.as_deref(), Some("20241120141244890ab4ee4af84acf"));
    assert_eq!(answer.created, Some(1732083164));
    let best = &answer.results[0];
    assert_eq!(
        (best.index, best.relevance_score),
        (Some(1), Some(0.99866986))
    );
    assert_eq!(
        best.document.as_deref(),
        Some("Washington, D.C. is the capital.")
    );
    assert_eq!(answer.usage.unwrap().total_tokens, Some(31));
}
