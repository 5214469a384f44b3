//! `BatchJob` interrupted: cancelling a job (even a batch whose id was never
//! saved), resuming after a crash with every id delivered once, and refusing a
//! damaged state file or a changed input.

use crate::support::batch_job::{chat, fast, requests, run_to_end, state_file};
use crate::support::client;
use futures_util::{StreamExt as _, stream};
use httpmock::{
    Method::{GET, POST},
    MockServer,
};
use serde_json::{Value, json};
use std::time::Duration;
use zai::types::{ChatCompletionRequest, ChatCompletionResponse, ChatMessage, ListBatchesQuery};
use zai::{BatchJob, BatchLineError, BatchProgress, BatchResult, ResultOrder};

/// Answers the cancellation of batch `id` with it `cancelling`.
async fn cancelling<'a>(server: &'a MockServer, id: &str) -> httpmock::Mock<'a> {
    let body = json!({"id": id, "object": "batch", "status": "cancelling"}).to_string();
    server
        .mock_async(|when, then| {
            when.method(POST).path(format!("/batches/{id}/cancel"));
            then.status(200).body(body);
        })
        .await
}

/// Answers every upload with file `file-in` and every batch creation with a
/// `validating` batch `batch-1`.
async fn accept_upload_and_batch(server: &MockServer) {
    server
        .mock_async(|when, then| {
            when.method(POST).path("/files");
            then.status(200).body(r#"{"id":"file-in","object":"file"}"#);
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(POST).path("/batches");
            then.status(200)
                .body(r#"{"id":"batch-1","object":"batch","status":"validating"}"#);
        })
        .await;
}

#[tokio::test]
async fn cancelling_a_job_cancels_its_batches_and_ends_the_rest() {
    let server = MockServer::start_async().await;
    accept_upload_and_batch(&server).await;
    let running = server
        .mock_async(|when, then| {
            when.method(GET).path("/batches/batch-1");
            then.status(200)
                .body(r#"{"id":"batch-1","object":"batch","status":"in_progress"}"#);
        })
        .await;
    let cancel = cancelling(&server, "batch-1").await;
    let state = state_file("cancel");
    let options = fast()
        .max_requests(2)
        .max_in_flight(2)
        .order(ResultOrder::Input);
    let job = BatchJob::new(&client(&server), &state).options(options);
    let input = || {
        requests(
            ["a", "b", "c", "d", "e"]
                .map(|id| (id.to_owned(), chat(id)))
                .to_vec(),
        )
    };
    let mut run = job.run(input()).unwrap();
    // Two parts submitted, both running: nothing to deliver yet.
    while run.progress().batches < 2 {
        tokio::select! {
            item = run.next() => panic!("{item:?}"),
            () = tokio::time::sleep(Duration::from_millis(1)) => {}
        }
    }
    drop(run);
    let progress = job.cancel().await.unwrap();
    assert!(progress.cancelled && !progress.finished);
    // Both parts share the mock's one batch id; each is cancelled once.
    cancel.assert_calls_async(2).await;
    running.delete_async().await;
    server
        .mock_async(|when, then| {
            when.method(GET).path("/batches/batch-1");
            then.status(200).body(r#"{"id":"batch-1","object":"batch","status":"cancelled","errors":{"data":[{"message":"cancelled by the user"}]}}"#);
        })
        .await;
    let results: Vec<BatchResult<ChatCompletionResponse>> = run_to_end(&job, input()).await;
    let ids: Vec<&str> = results.iter().map(|r| r.custom_id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    for result in &results {
        // `e` was spooled, never submitted: its part ended without a batch.
        let message = (result.custom_id != "e").then(|| "cancelled by the user".into());
        assert_eq!(
            result.outcome,
            Err(BatchLineError::BatchEnded {
                status: "cancelled".into(),
                message
            })
        );
    }
    assert!(job.progress().unwrap().finished);
}

/// A crash between uploading a part and saving its batch's id leaves only the
/// file id: cancelling finds that batch by its input file and cancels it; with
/// no such batch, the part's requests end unanswered.
#[tokio::test]
async fn cancelling_finds_a_batch_whose_id_was_never_saved() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method(GET).path("/batches");
            then.status(200).body(
                r#"{"object":"list","data":[{"id":"batch-9","object":"batch","status":"in_progress","input_file_id":"file-1"}],"has_more":false}"#,
            );
        })
        .await;
    let cancel = cancelling(&server, "batch-9").await;
    let state = state_file("cancel-unsaved");
    let part = |file: &str| json!({"requests": 1, "bytes": 10, "file_id": file});
    let saved = json!({
        "version": 1,
        "endpoint": "/v4/chat/completions",
        "parts": [part("file-1"), part("file-2")],
    });
    std::fs::write(&state, saved.to_string()).unwrap();
    let job = BatchJob::new(&client(&server), &state);
    let progress = job.cancel().await.unwrap();
    cancel.assert_calls_async(1).await;
    assert!(progress.cancelled);
    // The first part now names its batch (running, polled by the next run);
    // the second, with no batch, ended.
    assert_eq!((progress.batches, progress.in_flight), (1, 1));
    let saved: Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    assert_eq!(saved["parts"][0]["batch_id"], "batch-9");
    assert_eq!(saved["parts"][1]["status"], "cancelled");
}

/// Thousands of requests over several batches, a crash mid-way (the stream is
/// leaked: nothing is saved on the way out), then the same call again: every id
/// exactly once, no batch created twice.
#[tokio::test]
async fn batch_job_resumes_after_a_crash_and_delivers_every_id_once() {
    const TOTAL: usize = 3_000;
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("mock-id.mock-secret")
        .base_url(mock.url())
        .build()
        .unwrap();
    let batches_before = client
        .list_batches(&ListBatchesQuery::default().limit(100))
        .await
        .unwrap()
        .data
        .len();
    let id = |i: usize| format!("req-{i:05}");
    // Every seventh request fails, as the mock answers `error-429`.
    let input = move || {
        stream::iter((0..TOTAL).map(move |i| {
            let model = if i % 7 == 0 { "error-429" } else { "glm-4.7" };
            let request =
                ChatCompletionRequest::new(model, vec![ChatMessage::user(format!("q{i}"))]);
            Ok((id(i), request))
        }))
    };
    let state = state_file("crash");
    let job = BatchJob::new(&client, &state)
        .options(fast().max_requests(400).max_in_flight(3).save_every(100));
    let mut delivered: Vec<BatchResult<ChatCompletionResponse>> = Vec::new();
    let mut run = job.run(input()).unwrap();
    while delivered.len() < 1_000 {
        delivered.push(run.next().await.unwrap().unwrap());
    }
    std::mem::forget(run);
    // Requests the leaked run had already handed to a connection are still sent
    // (its connection tasks live on): let them land, as a crashed process's last
    // requests land long before it restarts. Without this a `create_batch` could
    // reach the mock after the resumed job looked for its batch, and the test
    // would count the duplicate a restart that fast would make.
    tokio::time::sleep(Duration::from_millis(200)).await;
    // What a crashed consumer keeps: the results the state file counts.
    let saved = job.progress().unwrap();
    // Saved every 100 results, and at each step of a part; the 1,000th is not
    // counted until the next one is asked for.
    assert!((900..1_000).contains(&saved.delivered()), "{saved:?}");
    assert!(!saved.finished);
    delivered.truncate(saved.delivered() as usize);

    let rest: Vec<_> = run_to_end(&job, input()).await;
    delivered.extend(rest);
    assert_eq!(delivered.len(), TOTAL);
    let mut seen = vec![0; TOTAL];
    for result in &delivered {
        let i: usize = result.custom_id["req-".len()..].parse().unwrap();
        seen[i] += 1;
        match &result.outcome {
            Err(BatchLineError::Api { status, code, .. }) => {
                assert_eq!(i % 7, 0, "{}", result.custom_id);
                assert_eq!(
                    (*status, code.as_ref()),
                    (Some(429), Some(&zai::BusinessCode::ConcurrencyLimit))
                );
            }
            Ok(reply) => {
                assert_ne!(i % 7, 0, "{}", result.custom_id);
                assert!(reply.choices[0].message.as_ref().unwrap().content.is_some());
            }
            other => panic!("{}: {other:?}", result.custom_id),
        }
    }
    assert!(seen.iter().all(|&n| n == 1));
    let progress = job.progress().unwrap();
    let failed = (0..TOTAL).filter(|i| i % 7 == 0).count() as u64;
    assert_eq!(
        (progress.submitted, progress.completed, progress.failed),
        (TOTAL as u64, TOTAL as u64 - failed, failed)
    );
    assert_eq!((progress.batches, progress.in_flight), (8, 0));
    assert!(progress.finished);
    let batches_after = client
        .list_batches(&ListBatchesQuery::default().limit(100))
        .await
        .unwrap()
        .data
        .len();
    assert_eq!(batches_after - batches_before, 8);
}

#[tokio::test]
async fn a_damaged_state_file_is_an_io_error_naming_it() {
    let server = MockServer::start_async().await;
    let state = state_file("damaged");
    std::fs::write(&state, "{\"version\": 1, \"endpoint\": ").unwrap();
    let job = BatchJob::new(&client(&server), &state);
    match job.run(requests(vec![("a".to_owned(), chat("a"))])) {
        Err(zai::Error::Io { path, source }) => {
            assert_eq!(path, state);
            assert_eq!(source.kind(), std::io::ErrorKind::InvalidData);
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
    assert!(matches!(
        BatchProgress::from_state_file(&state),
        Err(zai::Error::Io { .. })
    ));
}

#[tokio::test]
async fn a_resumed_job_refuses_a_different_or_shorter_input() {
    let server = MockServer::start_async().await;
    accept_upload_and_batch(&server).await;
    server
        .mock_async(|when, then| {
            when.method(GET).path("/batches/batch-1");
            then.status(200)
                .body(r#"{"id":"batch-1","object":"batch","status":"in_progress"}"#);
        })
        .await;
    let state = state_file("changed");
    let input = |ids: &[&str]| requests(ids.iter().map(|id| (id.to_string(), chat(id))).collect());
    let job =
        BatchJob::new(&client(&server), &state).options(fast().max_requests(2).max_in_flight(1));
    let mut run = job.run(input(&["a", "b", "c"])).unwrap();
    while run.progress().batches < 1 {
        tokio::select! {
            item = run.next() => panic!("{item:?}"),
            () = tokio::time::sleep(Duration::from_millis(1)) => {}
        }
    }
    drop(run);
    // The rerun reads past the three spooled requests (one part submitted).
    let job = job.options(fast().max_requests(2).max_in_flight(2));
    for (ids, expected) in [
        (
            &["a", "x", "c"][..],
            "the input is not the one this job started with: the ids of part 0 (up to request 2) are not the ones it spooled",
        ),
        (
            &["a"][..],
            "the input has only 1 requests, fewer than the job already spooled",
        ),
    ] {
        match job.run(input(ids)).unwrap().next().await {
            Some(Err(zai::Error::InvalidRequest(message))) => assert_eq!(message, expected),
            other => panic!("{:?}", other.map(|r| r.map(|r| r.custom_id))),
        }
    }
}
