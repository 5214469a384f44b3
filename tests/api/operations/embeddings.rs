//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! Embeddings and moderations.

use crate::support::{authed, client, json_post};
use httpmock::MockServer;
use serde_json::json;
use zai::types::{
    EmbeddingInput, EmbeddingRequest, MediaUrl, ModerationInput, ModerationPart, ModerationRequest,
    RiskLevel,
};

/// Sends text list and parses vectors.
#[tokio::test]
async fn create_embedding() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        authed,
        "/embeddings",
        json!({
            "model": "embedding-3",
            "input": ["red apple", "green pear"],
            "dimensions": 256
        }),
        json!({
            "object": "list",
            "model": "embedding-3",
            "data": [
                {"object": "embedding", "index": 0, "embedding": [0.125, -0.5, 0.75]},
                {"object": "embedding", "index": 1, "embedding": [0.0625, 0.25, -1.0]}
            ],
            "usage": {"prompt_tokens": 6, "completion_tokens": 0, "total_tokens": 6}
        }),
    )
    .await;
    let request = EmbeddingRequest::new(
        "embedding-3",
        EmbeddingInput::Texts(vec!["red apple".into(), "green pear".into()]),
    )
    .dimensions(256);
    let response = client(&server)
        .create_embedding(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(response.data.len(), 2);
    assert_eq!(response.data[1].index, Some(1));
    assert_eq!(response.data[0].embedding, vec![0.125, -0.5, 0.75]);
    assert_eq!(response.usage.unwrap().total_tokens, Some(6));
}

#[tokio::test]
async fn create_embedding_sends_token_lists() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        authed,
        "/embeddings",
        json!({"model": "embedding-2", "input": [[101, 2023], [101]]}),
        json!({"object": "list", "model": "embedding-2", "data": [], "usage": {"total_tokens": 3}}),
    )
    .await;
    let request = EmbeddingRequest::new(
        "embedding-2",
        EmbeddingInput::TokenLists(vec![vec![101, 2023], vec![101]]),
    );
    let response = client(&server).create_embedding(&request).await.unwrap();
    mock.assert_async().await;
    assert!(response.data.is_empty());
    assert_eq!(response.model.as_deref(), Some("embedding-2"));
}

/// Parses result list.
#[tokio::test]
async fn create_moderation() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        authed,
        "/moderations",
        json!({
            "model": "moderation",
            "input": [
                {"type": "text", "text": "Buy cheap pills now"},
                {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}
            ]
        }),
        json!({
            "id": "mod-20260313-01",
            "request_id": "mod-20260313-01",
            "created": 1773370271,
            "result_list": [
                {"content_type": "text", "risk_level": "REVIEW", "risk_type": ["ad"]},
                {"content_type": "image", "risk_level": "PASS", "risk_type": []}
            ],
            "usage": {"moderation_text": {"call_count": 1}}
        }),
    )
    .await;
    let request = ModerationRequest::new(
        "moderation",
        ModerationInput::Array(vec![
            ModerationPart::Text {
                text: "Buy cheap pills now".into(),
            },
            ModerationPart::ImageUrl {
                image_url: MediaUrl::new("https://example.com/a.png"),
            },
        ]),
    );
    let response = client(&server).create_moderation(&request).await.unwrap();
    mock.assert_async().await;
    let results = &response.result_list;
    assert_eq!(results[0].risk_level, Some(RiskLevel::Review));
    assert_eq!(results[0].risk_type, Some(vec!["ad".to_owned()]));
    assert_eq!(results[1].content_type.as_deref(), Some("image"));
    let usage = response.usage.unwrap().moderation_text.unwrap();
    assert_eq!(usage.call_count, Some(1));
}
