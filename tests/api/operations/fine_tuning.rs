//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! Fine-tuning (`/paas/v4/fine_tuning/...`, China platform, from its Python SDK).

use crate::support::{api_client, bearer, expect_call};
use httpmock::{
    Method::{DELETE, GET, POST},
    MockServer,
};
use serde_json::{Value, json};
use zai::types::{
    FineTuningHyperparameters, FineTuningJobRequest, FineTuningValue, ListFineTuningEventsQuery,
    ListFineTuningJobsQuery,
};

const JOB: &str = "ftjob-20260711-01";

fn job(status: &str) -> Value {
    json!({
        "id": JOB, "object": "fine_tuning.job", "model": "glm-4-flash", "status": status,
        "created_at": 1783000000, "finished_at": null, "fine_tuned_model": null,
        "training_file": "file-train", "validation_file": null, "result_files": [],
        "trained_tokens": null, "hyperparameters": {"n_epochs": 3}, "error": null
    })
}

#[tokio::test]
async fn create_fine_tuning_job() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        bearer,
        (POST, "/api/paas/v4/fine_tuning/jobs"),
        &[],
        Some(json!({
            "model": "glm-4-flash",
            "training_file": "file-train",
            "suffix": "support",
            "hyperparameters": {"n_epochs": 3, "batch_size": "auto", "learning_rate_multiplier": 0.5},
            "request_id": "ft-req-1"
        })),
        job("create"),
    )
    .await;
    let hyperparameters = FineTuningHyperparameters::default()
        .n_epochs(FineTuningValue::Integer(3))
        .batch_size(FineTuningValue::String("auto".into()))
        .learning_rate_multiplier(FineTuningValue::Number(0.5));
    let request = FineTuningJobRequest::new("glm-4-flash", "file-train")
        .suffix("support")
        .hyperparameters(hyperparameters)
        .request_id("ft-req-1");
    let created = api_client(&server)
        .create_fine_tuning_job(&request)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(created.id.as_deref(), Some(JOB));
    assert_eq!(created.status.as_deref(), Some("create"));
    assert_eq!(
        created.hyperparameters.unwrap().n_epochs,
        Some(FineTuningValue::Integer(3))
    );
}

#[tokio::test]
async fn list_fine_tuning_jobs() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        bearer,
        (GET, "/api/paas/v4/fine_tuning/jobs"),
        &[("after", "ftjob-0"), ("limit", "5")],
        None,
        json!({"object": "list", "has_more": false, "data": [job("running")]}),
    )
    .await;
    let page = api_client(&server)
        .list_fine_tuning_jobs(&ListFineTuningJobsQuery::default().after("ftjob-0").limit(5))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(page.has_more, Some(false));
    assert_eq!(page.data[0].status.as_deref(), Some("running"));
    assert_eq!(page.data[0].training_file.as_deref(), Some("file-train"));
}

#[tokio::test]
async fn retrieve_fine_tuning_job() {
    let server = MockServer::start_async().await;
    let mut done = job("succeeded");
    done["fine_tuned_model"] = json!("glm-4-flash:support:ftjob-20260711-01");
    done["result_files"] = json!(["file-result-1"]);
    done["trained_tokens"] = json!(360000);
    let path = format!("/api/paas/v4/fine_tuning/jobs/{JOB}");
    let mock = expect_call(&server, bearer, (GET, &path), &[], None, done).await;
    let job = api_client(&server)
        .retrieve_fine_tuning_job(JOB)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(
        job.fine_tuned_model.as_deref(),
        Some("glm-4-flash:support:ftjob-20260711-01")
    );
    assert_eq!(job.result_files, ["file-result-1"]);
    assert_eq!(job.trained_tokens, Some(360000));
}

#[tokio::test]
async fn cancel_fine_tuning_job() {
    let server = MockServer::start_async().await;
    let path = format!("/api/paas/v4/fine_tuning/jobs/{JOB}/cancel");
    let mock = expect_call(&server, bearer, (POST, &path), &[], None, job("cancelled")).await;
    let job = api_client(&server)
        .cancel_fine_tuning_job(JOB)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(job.status.as_deref(), Some("cancelled"));
}

#[tokio::test]
async fn delete_fine_tuning_job() {
    let server = MockServer::start_async().await;
    let path = format!("/api/paas/v4/fine_tuning/jobs/{JOB}");
    let mut failed = job("failed");
    failed["error"] = json!({"code": "1500", "message": "bad data", "param": null});
    let mock = expect_call(&server, bearer, (DELETE, &path), &[], None, failed).await;
    let job = api_client(&server)
        .delete_fine_tuning_job(JOB)
        .await
        .unwrap();
    mock.assert_async().await;
    let error = job.error.unwrap();
    assert_eq!(error.message.as_deref(), Some("bad data"));
    assert_eq!(error.param, None);
}

#[tokio::test]
async fn list_fine_tuning_events() {
    let server = MockServer::start_async().await;
    let path = format!("/api/paas/v4/fine_tuning/jobs/{JOB}/events");
    let mock = expect_call(
        &server,
        bearer,
        (GET, &path),
        &[("limit", "1")],
        None,
        json!({"object": "list", "has_more": true, "data": [{
            "id": "ev-1", "object": "fine_tuning.job.event", "type": "metrics", "level": "info",
            "created_at": 1783000600, "message": "Step 100/300",
            "data": {"epoch": 1, "current_steps": 100, "total_steps": 300, "loss": "0.734",
                     "learning_rate": 0.0001, "elapsed_time": "00:10:00"}
        }]}),
    )
    .await;
    let events = api_client(&server)
        .list_fine_tuning_events(JOB, &ListFineTuningEventsQuery::default().limit(1))
        .await
        .unwrap();
    mock.assert_async().await;
    let event = &events.data[0];
    assert_eq!(event.type_.as_deref(), Some("metrics"));
    let metrics = event.data.as_ref().unwrap();
    assert_eq!(metrics.epoch, Some(FineTuningValue::Integer(1)));
    assert_eq!(metrics.loss, Some(FineTuningValue::String("0.734".into())));
    assert_eq!(metrics.learning_rate, Some(FineTuningValue::Number(0.0001)));
    assert_eq!(metrics.current_steps, Some(100));
}

/// The pages of one job's events: the path parameter is kept on every page.
#[tokio::test]
async fn list_fine_tuning_events_pages() {
    use futures_util::StreamExt;
    let server = MockServer::start_async().await;
    let path = format!("/api/paas/v4/fine_tuning/jobs/{JOB}/events");
    let page = |id: &str, more: bool| {
        json!({"object": "list", "has_more": more, "data": [{"id": id}]}).to_string()
    };
    let first = server
        .mock_async(|when, then| {
            when.path(&path).query_param_missing("after");
            then.status(200).body(page("ev-1", true));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.path(&path).query_param("after", "ev-1");
            then.status(200).body(page("ev-2", false));
        })
        .await;
    let client = api_client(&server);
    let ids: Vec<String> = client
        .list_fine_tuning_events_pages(JOB, ListFineTuningEventsQuery::default())
        .flat_map(|page| futures_util::stream::iter(page.unwrap().data))
        .filter_map(|event| async move { event.id })
        .collect()
        .await;
    assert_eq!(ids, ["ev-1", "ev-2"]);
    first.assert_async().await;
    second.assert_async().await;
}

#[tokio::test]
async fn delete_fine_tuned_model() {
    let server = MockServer::start_async().await;
    let model = "glm-4-flash:support:ftjob-20260711-01";
    let mock = expect_call(
        &server,
        bearer,
        (
            DELETE,
            "/api/paas/v4/fine_tuning/fine_tuned_models/glm-4-flash%3Asupport%3Aftjob-20260711-01",
        ),
        &[],
        None,
        json!({"request_id": "r-2", "model_name": model, "delete_status": "deleting"}),
    )
    .await;
    let deleted = api_client(&server)
        .delete_fine_tuned_model(model)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(deleted.model_name.as_deref(), Some(model));
    assert_eq!(deleted.delete_status.as_deref(), Some("deleting"));
}
