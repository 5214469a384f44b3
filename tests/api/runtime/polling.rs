//! Waiting on asynchronous tasks, and JWT auth on the wire.

use crate::support::scripted::{Step, http, serve};
use crate::support::{KEY, client, client_at, fixture};
use httpmock::{Method::GET, Method::POST, MockServer};
use std::sync::atomic::Ordering;
use std::time::Duration;
use zai::PollOptions;
use zai::types::{ChatCompletionRequest, ChatMessage, TaskStatus};

fn json(body: &str) -> Step {
    Step::Reply(http(
        "200 OK",
        &["content-type: application/json"],
        body.as_bytes(),
    ))
}

fn fast() -> PollOptions {
    PollOptions::every(Duration::from_millis(10), Duration::from_secs(5))
}

const PROCESSING: &str = r#"{"model":"cogvideox-3","request_id":"r1","task_status":"PROCESSING"}"#;
const SUCCESS: &str = r#"{"model":"cogvideox-3","request_id":"r1","task_status":"SUCCESS","video_result":[{"url":"https://cdn.example/v.mp4","cover_image_url":"https://cdn.example/v.jpg"}]}"#;

#[tokio::test]
async fn polls_until_success_reporting_progress() {
    let server = serve(vec![json(PROCESSING), json(PROCESSING), json(SUCCESS)]).await;
    let mut seen = Vec::new();
    let result = client_at(&server.url)
        .wait_async_result("task-1", &fast(), |p| {
            seen.push((
                p.polls,
                p.status.map(str::to_owned),
                p.task.task_status.clone(),
            ))
        })
        .await
        .unwrap();
    assert_eq!(result.task_status, Some(TaskStatus::Success));
    assert_eq!(
        result.video_result.as_ref().unwrap()[0].url.as_deref(),
        Some("https://cdn.example/v.mp4")
    );
    assert_eq!(server.hits.load(Ordering::SeqCst), 3);
    assert_eq!(
        seen,
        vec![
            (1, Some("PROCESSING".into()), Some(TaskStatus::Processing)),
            (2, Some("PROCESSING".into()), Some(TaskStatus::Processing))
        ]
    );
}

#[tokio::test]
async fn failure_is_a_typed_error_with_the_message() {
    let failed = r#"{"task_status":"FAIL","error":{"code":"1301","message":"unsafe prompt"}}"#;
    let server = serve(vec![json(PROCESSING), json(failed)]).await;
    let err = client_at(&server.url)
        .wait_async_result("t", &fast(), |_| {})
        .await
        .unwrap_err();
    match err {
        zai::Error::TaskFailed { status, message } => {
            assert_eq!(
                (status.as_str(), message.as_deref()),
                ("FAIL", Some("unsafe prompt"))
            );
        }
        other => panic!("expected TaskFailed, got {other:?}"),
    }
}

#[tokio::test]
async fn unknown_status_keeps_polling_until_timeout_naming_it() {
    let server = serve(vec![json(r#"{"task_status":"QUEUED"}"#)]).await;
    let options = PollOptions::every(Duration::from_millis(20), Duration::from_millis(150));
    let err = client_at(&server.url)
        .wait_async_result("t", &options, |_| {})
        .await
        .unwrap_err();
    assert!(
        matches!(&err, zai::Error::Timeout(zai::Timeout::Task { status: Some(s), .. }) if s == "QUEUED"),
        "{err:?}"
    );
    assert!(server.hits.load(Ordering::SeqCst) >= 3);
}

/// A task value tells where it stands, by the spec's `x-zai-task` states.
#[test]
fn a_task_value_tells_its_state() {
    use zai::{Task, TaskState, types::AsyncResult};
    let task = |json: &str| serde_json::from_str::<AsyncResult>(json).unwrap().state();
    assert_eq!(
        task(PROCESSING),
        TaskState::Pending(Some("PROCESSING".into()))
    );
    assert_eq!(task(SUCCESS), TaskState::Succeeded);
    assert_eq!(
        task(r#"{"task_status":"FAIL"}"#),
        TaskState::Failed("FAIL".into(), None)
    );
    assert_eq!(task("{}"), TaskState::Pending(None));
}

#[tokio::test]
async fn an_unbounded_interval_waits_until_the_timeout_without_overflow() {
    let server = serve(vec![json(PROCESSING)]).await;
    let options = PollOptions::default()
        .initial_delay(Duration::ZERO)
        .interval(Duration::MAX)
        .max_interval(Duration::MAX)
        .timeout(Duration::from_millis(50));
    assert_eq!(
        (options.initial_delay, options.interval, options.timeout),
        (Duration::ZERO, Duration::MAX, Duration::from_millis(50))
    );
    let err = client_at(&server.url)
        .wait_async_result("t", &options, |_| {})
        .await
        .unwrap_err();
    assert!(
        matches!(
            &err,
            zai::Error::Timeout(zai::Timeout::Task { polls: 2, .. })
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn create_video_generation_and_wait_submits_then_polls() {
    let server = MockServer::start_async().await;
    let create = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/videos/generations")
                .json_body(serde_json::json!({"model": "cogvideox-3", "prompt": "a cat surfing", "request_id": "r"}));
            then.status(200).body(r#"{"model":"cogvideox-3","id":"vid-42","request_id":"r","task_status":"PROCESSING"}"#);
        })
        .await;
    let poll = server
        .mock_async(|when, then| {
            when.method(GET).path("/async-result/vid-42");
            then.status(200).body(SUCCESS);
        })
        .await;
    let request = zai::types::VideoGenerationRequest::new("cogvideox-3")
        .prompt("a cat surfing")
        .request_id("r");
    let result = client(&server)
        .create_video_generation_and_wait(&request, &fast(), |_| {})
        .await
        .unwrap();
    assert_eq!(
        result.video_result.as_ref().unwrap()[0]
            .cover_image_url
            .as_deref(),
        Some("https://cdn.example/v.jpg")
    );
    create.assert_async().await;
    poll.assert_async().await;
}

#[tokio::test]
async fn jwt_auth_sends_a_signed_token_and_reuses_it() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST).path("/chat/completions").header_matches(
                "^authorization$",
                r"^Bearer eyJhbGciOiJIUzI1NiIsInNpZ25fdHlwZSI6IlNJR04ifQ\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$",
            );
            then.status(200).body(fixture("chat_reasoning_no_object.json"));
        })
        .await;
    let client = zai::Client::builder()
        .auth(zai::Auth::jwt(KEY).unwrap())
        .base_url(server.base_url())
        .build()
        .unwrap();
    let request = ChatCompletionRequest::new("glm-4.5", vec![ChatMessage::user("hi")]);
    client.create_chat_completion(&request).await.unwrap();
    client.create_chat_completion(&request).await.unwrap();
    mock.assert_calls_async(2).await;
}
