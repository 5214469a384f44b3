//! Every error body seen from Z.AI and its gateways maps to `zai::Error::Api`
//! with the right status, code and message, and keeps the raw body.

use crate::support::{JSON, client};
use httpmock::{Method::POST, MockServer};
use zai::BusinessCode;
use zai::types::{ChatCompletionRequest, ChatMessage};

async fn error_for(status: u16, content_type: &str, body: &str) -> zai::ApiError {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method(POST).path("/chat/completions");
            then.status(status)
                .header("content-type", content_type)
                .body(body);
        })
        .await;
    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("hi")]);
    let err = client(&server)
        .create_chat_completion(&request)
        .await
        .unwrap_err();
    let api = err
        .api()
        .unwrap_or_else(|| panic!("expected an API error, got {err:?}"))
        .clone();
    assert_eq!(api.body(), body.as_bytes(), "raw body kept");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
    api
}

#[tokio::test]
async fn balance_1113_on_429() {
    let api = error_for(429, JSON, r#"{"error":{"code":"1113","message":"Insufficient balance or no resource package. Please recharge."}}"#).await;
    assert_eq!(api.code, Some(BusinessCode::InsufficientBalance));
    assert_eq!(
        api.message,
        "Insufficient balance or no resource package. Please recharge."
    );
    assert_eq!(
        api.to_string(),
        "HTTP 429, code 1113: Insufficient balance or no resource package. Please recharge."
    );
}

#[tokio::test]
async fn model_not_found_1211_and_1214_on_400() {
    let api = error_for(
        400,
        JSON,
        r#"{"error":{"code":"1211","message":"模型不存在，请检查模型代码。"}}"#,
    )
    .await;
    assert_eq!(
        (api.code, api.message.as_str()),
        (
            Some(BusinessCode::ModelNotFound),
            "模型不存在，请检查模型代码。"
        )
    );
    let api = error_for(
        400,
        JSON,
        r#"{"error":{"code":"1214","message":"modelCode：不存在"}}"#,
    )
    .await;
    assert_eq!(
        (api.code, api.message.as_str()),
        (Some(BusinessCode::InvalidParameter), "modelCode：不存在")
    );
}

#[tokio::test]
async fn unauthorized_with_string_code_401() {
    let api = error_for(
        401,
        JSON,
        r#"{"error":{"code":"401","message":"token expired or incorrect"}}"#,
    )
    .await;
    assert_eq!(api.code, Some(BusinessCode::Unknown("401".into())));
    assert_eq!(api.message, "token expired or incorrect");
}

#[tokio::test]
async fn content_filter_beside_error() {
    let api = error_for(
        400,
        JSON,
        r#"{"contentFilter":[{"level":1,"role":"assistant"}],"error":{"code":"1301","message":"unsafe content detected"}}"#,
    )
    .await;
    assert_eq!(api.code, Some(BusinessCode::ContentFiltered));
    let filter = &api.detail.content_filter;
    assert_eq!(filter.len(), 1);
    assert_eq!(filter[0].level, Some(1));
    assert_eq!(filter[0].role.as_deref(), Some("assistant"));
}

#[tokio::test]
async fn spring_style_404() {
    let api = error_for(
        404,
        "application/json",
        r#"{"timestamp":"2026-11-01T10:00:00.000+00:00","status":404,"error":"Not Found","path":"/v4/v1/chat/completions"}"#,
    )
    .await;
    assert_eq!(api.code, None);
    assert_eq!(api.message, "Not Found (/v4/v1/chat/completions)");
}

#[tokio::test]
async fn html_502_from_a_proxy() {
    let html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center></body></html>";
    let api = error_for(502, "text/html", html).await;
    assert_eq!(api.code, None);
    assert_eq!(
        api.message,
        "Bad Gateway: <html> <head><title>502 Bad Gateway</title></head> <body><center><h1>502 Bad Gateway</h1></center></body></html>"
    );
}

#[tokio::test]
async fn empty_503() {
    let api = error_for(503, "text/plain", "").await;
    assert_eq!(
        (api.code, api.message.as_str()),
        (None, "Service Unavailable")
    );
}

#[tokio::test]
async fn numeric_code_and_top_level_shapes() {
    let api = error_for(
        400,
        JSON,
        r#"{"code":1214,"message":"Invalid messages parameter"}"#,
    )
    .await;
    assert_eq!(
        (api.code, api.message.as_str()),
        (
            Some(BusinessCode::InvalidParameter),
            "Invalid messages parameter"
        )
    );
}

#[tokio::test]
async fn success_body_not_matching_schema_keeps_body() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method(POST).path("/chat/completions");
            then.status(200).body(r#"{"choices": "#);
        })
        .await;
    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("hi")]);
    match client(&server)
        .create_chat_completion(&request)
        .await
        .unwrap_err()
    {
        zai::Error::Decode { status, body, .. } => {
            assert_eq!(status, 200);
            assert_eq!(body, r#"{"choices": "#.as_bytes());
        }
        other => panic!("expected Decode, got {other:?}"),
    }
}

/// Errors match as patterns and answer what a caller decides on.
#[tokio::test]
async fn errors_match_as_patterns_and_classify() {
    use zai::{ApiError, Error};
    let server = MockServer::start_async().await;
    let mut answers = vec![
        (
            429,
            r#"{"error":{"code":"1302","message":"Rate limit reached for requests"}}"#,
        ),
        (
            429,
            r#"{"error":{"code":"1113","message":"Insufficient balance"}}"#,
        ),
        (
            429,
            r#"{"error":{"code":"1308","message":"Usage limit reached"}}"#,
        ),
        (400, r#"{"error":{"code":"1214","message":"bad"}}"#),
        (503, ""),
    ];
    let client = client(&server).with_options(|o| o.retry(zai::RetryPolicy::none()));
    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("hi")]);
    let mut seen = Vec::new();
    for (status, body) in answers.drain(..) {
        let mock = server
            .mock_async(|when, then| {
                when.method(POST).path("/chat/completions");
                then.status(status).header("content-type", JSON).body(body);
            })
            .await;
        let err = client.create_chat_completion(&request).await.unwrap_err();
        let matched = match &err {
            Error::Api(ApiError {
                code: Some(BusinessCode::ConcurrencyLimit),
                ..
            }) => "concurrency",
            Error::Api(ApiError {
                code: Some(BusinessCode::InsufficientBalance),
                ..
            }) => "balance",
            Error::Api(ApiError {
                status, code: None, ..
            }) if status.as_u16() == 503 => "503",
            Error::Api(_) => "other",
            _ => "not an API error",
        };
        seen.push((
            matched,
            err.is_rate_limited(),
            err.is_quota_exhausted(),
            err.is_retryable(),
        ));
        mock.delete_async().await;
    }
    assert_eq!(
        seen,
        [
            ("concurrency", true, false, true),
            ("balance", false, true, false),
            ("other", false, true, false),
            ("other", false, false, false),
            ("503", false, false, true),
        ]
    );
}
