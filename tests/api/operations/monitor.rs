//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! The GLM Coding Plan monitor (`/monitor/usage/...` on the API root): the raw key
//! in `Authorization`, no `Bearer`.

use crate::support::{KEY, api_client, expect_call, raw_key};
use httpmock::{Method::GET, MockServer};
use serde_json::json;
use zai::WithResponse;
use zai::types::{RetrieveModelUsageQuery, RetrieveToolUsageQuery};

const START: &str = "2026-07-10 00:00:00";
const END: &str = "2026-07-11 00:00:00";

#[tokio::test]
async fn retrieve_model_usage() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        raw_key,
        (GET, "/api/monitor/usage/model-usage"),
        &[("startTime", START), ("endTime", END)],
        None,
        json!({"code": 200, "msg": "ok", "success": true,
               "data": {"totalUsage": {"totalModelCallCount": 412}}}),
    )
    .await;
    // The `data` alone; the whole envelope stays readable beside it.
    let (usage, answer) = api_client(&server)
        .retrieve_model_usage(&RetrieveModelUsageQuery::new(START, END))
        .with_response()
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(usage["totalUsage"]["totalModelCallCount"], json!(412));
    let envelope = answer.json().unwrap().unwrap();
    assert_eq!(
        (&envelope["msg"], &envelope["success"]),
        (&json!("ok"), &json!(true))
    );
}

#[tokio::test]
async fn retrieve_tool_usage() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        raw_key,
        (GET, "/api/monitor/usage/tool-usage"),
        &[("startTime", START), ("endTime", END)],
        None,
        json!({"code": 200, "data": {"totalUsage": {"totalNetworkSearchCount": 37}}}),
    )
    .await;
    let usage = api_client(&server)
        .retrieve_tool_usage(&RetrieveToolUsageQuery::new(START, END))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(usage["totalUsage"]["totalNetworkSearchCount"], json!(37));
}

#[tokio::test]
async fn retrieve_quota_limit() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        raw_key,
        (GET, "/api/monitor/usage/quota/limit"),
        &[],
        None,
        json!({"code": 200, "success": true, "data": {"limits": [
            {"type": "TOKENS_LIMIT", "percentage": 42},
            {"type": "TIME_LIMIT", "percentage": 10, "currentValue": 100, "usage": 1000,
             "usageDetails": [{"modelCode": "search-prime", "usage": 60}]}
        ]}}),
    )
    .await;
    let quota = api_client(&server).retrieve_quota_limit().await.unwrap();
    mock.assert_async().await;
    let limits = quota.unwrap().limits;
    assert_eq!(limits[0].type_.as_deref(), Some("TOKENS_LIMIT"));
    assert_eq!(limits[0].percentage, Some(42.0));
    assert_eq!(
        (limits[1].current_value, limits[1].usage),
        (Some(100.0), Some(1000.0))
    );
    assert_eq!(
        limits[1].usage_details.as_ref().unwrap()[0]["usage"],
        json!(60)
    );
}

/// A JWT client sends its raw key too: the monitor documents no token.
#[tokio::test]
async fn raw_key_operations_send_the_key_from_a_jwt_client() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            raw_key(when)
                .method(GET)
                .path("/api/monitor/usage/quota/limit");
            then.status(200).json_body(json!({"data": {"limits": []}}));
        })
        .await;
    let client = zai::Client::builder()
        .auth(zai::Auth::jwt(KEY).unwrap())
        .base_url(format!("{}/api/paas/v4", server.base_url()))
        .build()
        .unwrap();
    client.retrieve_quota_limit().await.unwrap();
    mock.assert_async().await;
}
