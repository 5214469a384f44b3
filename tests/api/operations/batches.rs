//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! Batches: create, retrieve, list, cancel. `BatchJob`, the resumable job over
//! any number of requests, is tested in `runtime::batch_job` and
//! `runtime::batch_job_recovery`.

use crate::support::{authed, client, json_post, json_reply};
use httpmock::{
    Method::{GET, POST},
    MockServer,
};
use serde_json::{Value, json};
use zai::types::{BatchStatus, CreateBatchRequest, ListBatchesQuery};

fn batch_json(status: &str) -> Value {
    json!({
        "id": "batch_1791490810192076800",
        "object": "batch",
        "endpoint": "/v1/chat/completions",
        "input_file_id": "file-in-1",
        "completion_window": "24h",
        "status": status,
        "output_file_id": null,
        "error_file_id": null,
        "errors": null,
        "created_at": 1727162931,
        "in_progress_at": null,
        "expires_at": 1727249331,
        "request_counts": {"total": 120, "completed": 30, "failed": 2},
        "metadata": {"team": "eval"}
    })
}

/// Sends exact body.
#[tokio::test]
async fn create_batch() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        authed,
        "/batches",
        json!({
            "input_file_id": "file-in-1",
            "endpoint": "/v1/chat/completions",
            "completion_window": "24h",
            "metadata": {"team": "eval"},
            "auto_delete_input_file": false
        }),
        batch_json("validating"),
    )
    .await;
    let request = CreateBatchRequest::new("file-in-1", "/v1/chat/completions")
        .completion_window("24h")
        .metadata(
            [("team".to_owned(), "eval".to_owned())]
                .into_iter()
                .collect::<std::collections::HashMap<_, _>>(),
        )
        .auto_delete_input_file(false);
    let batch = client(&server).create_batch(&request).await.unwrap();
    mock.assert_async().await;
    assert_eq!(batch.status, Some(BatchStatus::Validating));
    assert_eq!(batch.expires_at, Some(1727249331));
    assert_eq!(batch.output_file_id, None);
}

/// Parses unknown status and counts.
#[tokio::test]
async fn retrieve_batch() {
    let server = MockServer::start_async().await;
    let reply = batch_json("paused");
    let mock = server
        .mock_async(|when, then| {
            authed(when)
                .method(GET)
                .path("/batches/batch_1791490810192076800");
            json_reply(then, &reply);
        })
        .await;
    let batch = client(&server)
        .retrieve_batch("batch_1791490810192076800")
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(batch.status, Some(BatchStatus::Unknown("paused".into())));
    let counts = batch.request_counts.unwrap();
    assert_eq!(
        (counts.total, counts.completed, counts.failed),
        (Some(120), Some(30), Some(2))
    );
    assert_eq!(batch.metadata.unwrap()["team"], "eval");
}

/// Sends cursor.
#[tokio::test]
async fn list_batches() {
    let server = MockServer::start_async().await;
    let reply = json!({"object": "list", "data": [batch_json("completed")]});
    let mock = server
        .mock_async(|when, then| {
            authed(when)
                .method(GET)
                .path("/batches")
                .query_param("after", "batch_100")
                .query_param("limit", "5");
            json_reply(then, &reply);
        })
        .await;
    let page = client(&server)
        .list_batches(&ListBatchesQuery::default().after("batch_100").limit(5))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(page.data.len(), 1);
    assert_eq!(page.data[0].status, Some(BatchStatus::Completed));
}

/// Posts without body.
#[tokio::test]
async fn cancel_batch() {
    let server = MockServer::start_async().await;
    let mut reply = batch_json("cancelling");
    reply["cancelling_at"] = json!(1727163000);
    let mock = server
        .mock_async(|when, then| {
            authed(when)
                .method(POST)
                .path("/batches/batch_77/cancel")
                .body("");
            json_reply(then, &reply);
        })
        .await;
    let batch = client(&server).cancel_batch("batch_77").await.unwrap();
    mock.assert_async().await;
    assert_eq!(batch.status, Some(BatchStatus::Cancelling));
    assert_eq!(batch.cancelling_at, Some(1727163000));
}
