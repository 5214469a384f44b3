//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! Batches: create, retrieve, list, cancel; then `BatchJob`, the resumable job
//! over any number of requests, against httpmock (exact wire, every kind of
//! line) and against the stateful mock (thousands of requests, a crash, resume).

use crate::support::{authed, client, fixture, json_post, json_reply};
use futures_util::{Stream, StreamExt as _, stream};
use httpmock::{
    Method::{DELETE, GET, POST},
    MockServer,
};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;
use zai::types::{
    BatchStatus, ChatCompletionRequest, ChatCompletionResponse, ChatMessage, CreateBatchRequest,
    EmbeddingRequest, ListBatchesQuery,
};
use zai::{BatchJob, BatchLineError, BatchOptions, BatchProgress, BatchResult, ResultOrder};

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

/// The state file of a job in a fresh directory of its own.
fn state_file(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zai-api-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("state.json")
}

fn chat(text: &str) -> ChatCompletionRequest {
    ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user(text)])
}

/// Runs `job` over `input` to its end; every result must be `Ok`.
async fn run_to_end<R, S>(job: &BatchJob, input: S) -> Vec<BatchResult<R::Response>>
where
    R: zai::BatchRequest + Send + 'static,
    R::Response: Send + 'static,
    S: Stream<Item = Result<(String, R), zai::Error>> + Send + 'static,
{
    job.run(input).unwrap().map(Result::unwrap).collect().await
}

fn requests<R>(
    items: Vec<(String, R)>,
) -> impl Stream<Item = Result<(String, R), zai::Error>> + Send + 'static
where
    R: Send + 'static,
{
    stream::iter(items.into_iter().map(Ok))
}

/// Polls fast, as the mocks answer at once.
fn fast() -> BatchOptions {
    BatchOptions::default().poll_interval(Duration::from_millis(1))
}

/// The outcome as the results file shows it (`custom_id`, `response` or `error`).
fn line<T: serde::Serialize>(result: &BatchResult<T>) -> Value {
    serde_json::to_value(result).unwrap()
}

/// Output: `b` then `a` (and `b` again, dropped), a line naming no request;
/// errors: `c`; `d` has no line at all.
async fn one_batch_server() -> MockServer {
    let output = format!(
        "{}\n{}\n{}\nnot json",
        ok_line("b"),
        ok_line("a"),
        ok_line("b")
    );
    one_batch_server_with(output.into_bytes()).await
}

/// A batch output line answering `id` with the chat fixture.
fn ok_line(id: &str) -> String {
    format!(
        r#"{{"id":"br-{id}","custom_id":"{id}","response":{{"status_code":200,"body":{}}}}}"#,
        fixture("chat_reasoning_no_object.json").trim()
    )
}

/// The job of [`one_batch_server`], its output file `output`.
async fn one_batch_server_with(output: Vec<u8>) -> MockServer {
    let server = MockServer::start_async().await;
    let request = |id: &str, text: &str| {
        format!(
            r#"{{"custom_id":"{id}","method":"POST","url":"/v4/chat/completions","body":{{"messages":[{{"role":"user","content":"{text}"}}],"model":"glm-4.7"}}}}"#
        )
    };
    let content = ["a", "b", "c", "d"].map(|id| request(id, id)).join("\n");
    server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/files")
                .body_includes("Content-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n")
                .body_includes(format!(
                    "Content-Disposition: form-data; name=\"file\"; filename=\"part-00000.jsonl\"\r\nContent-Type: application/jsonl\r\n\r\n{content}\n\r\n"
                ));
            then.status(200).body(r#"{"id":"file-in","object":"file","bytes":400,"filename":"part-00000.jsonl","purpose":"batch","created_at":1}"#);
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/batches")
                .json_body(json!({"input_file_id": "file-in", "endpoint": "/v4/chat/completions"}));
            then.status(200).body(r#"{"id":"batch-1","object":"batch","status":"validating","input_file_id":"file-in"}"#);
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(GET).path("/batches/batch-1");
            then.status(200).body(r#"{"id":"batch-1","object":"batch","status":"completed","output_file_id":"file-out","error_file_id":"file-err","request_counts":{"total":4,"completed":2,"failed":1}}"#);
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(GET).path("/files/file-out/content");
            then.status(200).body(output);
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(GET).path("/files/file-err/content");
            then.status(200).body(
                r#"{"custom_id":"c","response":{"status_code":429,"body":{"error":{"code":"1302","message":"Rate limit reached"}}}}"#,
            );
        })
        .await;
    server
}

#[tokio::test]
async fn batch_job_matches_lines_to_ids_in_completion_or_input_order() {
    let server = one_batch_server().await;
    let deleted = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .path_matches("^/files/file-(in|out|err)$");
            then.status(200)
                .body(r#"{"id":"file-in","object":"file","deleted":true}"#);
        })
        .await;
    let input = || {
        requests(
            ["a", "b", "c", "d"]
                .map(|id| (id.to_owned(), chat(id)))
                .to_vec(),
        )
    };
    let mut orders = Vec::new();
    for order in [ResultOrder::Completion, ResultOrder::Input] {
        let state = state_file(&format!("one-{order:?}"));
        let job = BatchJob::new(&client(&server), &state).options(fast().order(order));
        let results: Vec<BatchResult<ChatCompletionResponse>> = run_to_end(&job, input()).await;
        let ids: Vec<&str> = results.iter().map(|r| r.custom_id.as_str()).collect();
        orders.push(ids.join(" "));
        let by_id: HashMap<&str, &BatchResult<_>> =
            results.iter().map(|r| (r.custom_id.as_str(), r)).collect();
        for ok in ["a", "b"] {
            let reply = by_id[ok].outcome.as_ref().unwrap();
            assert_eq!(reply.usage.as_ref().unwrap().total_tokens, Some(59));
        }
        assert_eq!(
            line(by_id["c"]),
            json!({"custom_id": "c", "error": {"kind": "api", "status": 429, "code": "1302", "message": "Rate limit reached"}})
        );
        assert_eq!(by_id["d"].outcome, Err(BatchLineError::Missing));
        match &by_id[""].outcome {
            Err(BatchLineError::Decode { line, .. }) => assert_eq!(line, "not json"),
            other => panic!("{other:?}"),
        }
        let progress = job.progress().unwrap();
        assert_eq!(
            (progress.submitted, progress.completed, progress.failed),
            (4, 2, 3)
        );
        assert_eq!((progress.batches, progress.in_flight), (1, 0));
        assert!(progress.finished);
        let parts = state.with_extension("json.parts");
        assert_eq!(std::fs::read_dir(parts).unwrap().count(), 0);
    }
    assert_eq!(orders, ["b a c d ", "a b c d "]);
    deleted.assert_calls_async(6).await;
}

/// An output line with a byte that is not UTF-8, last in its file: a decode
/// error keeping the line, its id read; the lines before it unaffected.
#[tokio::test]
async fn an_output_line_that_is_not_utf8_is_a_decode_error_keeping_it() {
    let mut output = format!("{}\n", ok_line("a")).into_bytes();
    let mut line_b = ok_line("b").into_bytes();
    line_b.insert(r#"{"id":"br-"#.len(), 0xff);
    output.extend(line_b);
    let server = one_batch_server_with(output).await;
    let state = state_file("not-utf8");
    let job = BatchJob::new(&client(&server), &state).options(fast().order(ResultOrder::Input));
    let input = requests(
        ["a", "b", "c", "d"]
            .map(|id| (id.to_owned(), chat(id)))
            .to_vec(),
    );
    let results: Vec<BatchResult<ChatCompletionResponse>> = run_to_end(&job, input).await;
    let ids: Vec<&str> = results.iter().map(|r| r.custom_id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    assert!(results[0].outcome.is_ok());
    match &results[1].outcome {
        Err(BatchLineError::Decode { line, error }) => {
            assert!(
                line.starts_with("{\"id\":\"br-\u{fffd}b\",\"custom_id\":\"b\""),
                "{line}"
            );
            assert!(error.contains("not UTF-8"), "{error}");
        }
        other => panic!("{other:?}"),
    }
}

/// The saved delivery counts are positions in the job's result order: resuming
/// part way through in the other order is refused, in the same order it goes on.
#[tokio::test]
async fn a_job_part_way_through_delivery_resumes_only_in_its_order() {
    let server = one_batch_server().await;
    let state = state_file("order");
    let client = client(&server);
    let input = || {
        requests(
            ["a", "b", "c", "d"]
                .map(|id| (id.to_owned(), chat(id)))
                .to_vec(),
        )
    };
    let completion = BatchJob::new(&client, &state).options(fast());
    let mut run = completion.run(input()).unwrap();
    let first = run.next().await.unwrap().unwrap();
    run.next().await.unwrap().unwrap();
    drop(run);
    assert_eq!(completion.progress().unwrap().delivered(), 1);

    let input_order = BatchJob::new(&client, &state).options(fast().order(ResultOrder::Input));
    let Err(error) = input_order.run(input()) else {
        panic!("a resume in the other order is refused");
    };
    assert!(
        matches!(&error, zai::Error::InvalidRequest(m) if m.contains("Completion order")),
        "{error:?}"
    );
    let rest: Vec<BatchResult<ChatCompletionResponse>> = run_to_end(&completion, input()).await;
    let mut ids: Vec<&str> = rest.iter().map(|r| r.custom_id.as_str()).collect();
    ids.push(&first.custom_id);
    ids.sort();
    assert_eq!(ids, ["", "a", "b", "c", "d"]);
}

#[tokio::test]
async fn a_finished_job_run_again_delivers_nothing_and_submits_nothing() {
    let server = one_batch_server().await;
    let state = state_file("again");
    let job = BatchJob::new(&client(&server), &state).options(fast());
    let input = || {
        requests(
            ["a", "b", "c", "d"]
                .map(|id| (id.to_owned(), chat(id)))
                .to_vec(),
        )
    };
    let first: Vec<_> = job.run(input()).unwrap().collect().await;
    assert_eq!(first.len(), 5, "a to d, and the line naming no request");
    let again: Vec<_> = job.run(input()).unwrap().collect().await;
    assert!(again.is_empty());
}

#[tokio::test]
async fn a_job_refuses_another_endpoint_and_oversized_requests() {
    let server = one_batch_server().await;
    let state = state_file("refuse");
    let job = BatchJob::new(&client(&server), &state).options(fast().max_file_bytes(100));
    let mut run = job
        .run(requests(vec![("a".to_owned(), chat(&"x".repeat(100)))]))
        .unwrap();
    match run.next().await {
        Some(Err(zai::Error::InvalidRequest(message))) => {
            assert_eq!(
                message,
                "request `a` takes 232 bytes, more than a whole file may (100)"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(run.next().await.is_none());
    drop(run);
    let embeddings = requests(vec![(
        "e".to_owned(),
        EmbeddingRequest::new("embedding-3", "hi"),
    )]);
    match job.run(embeddings) {
        Err(zai::Error::InvalidRequest(message)) => assert!(
            message.ends_with("belongs to a job of `/v4/chat/completions`, not `/v4/embeddings`"),
            "{message}"
        ),
        other => panic!("{:?}", other.map(|_| ())),
    }
}

/// Results are matched to requests by id within a batch file: an id repeated
/// there stops the job before anything is uploaded; across files it is fine.
#[tokio::test]
async fn a_job_refuses_an_id_repeated_within_a_batch_file() {
    let server = MockServer::start_async().await;
    let upload = server
        .mock_async(|when, then| {
            when.method(POST).path("/files");
            then.status(500);
        })
        .await;
    let state = state_file("repeat");
    let job = BatchJob::new(&client(&server), &state).options(fast());
    let input = ["a", "b", "a"].map(|id| (id.to_owned(), chat(id))).to_vec();
    let mut run = job.run(requests(input)).unwrap();
    match run.next().await {
        Some(Err(zai::Error::InvalidRequest(message))) => assert_eq!(
            message,
            "custom_id `a` repeats within one batch file: ids must be unique"
        ),
        other => panic!("{other:?}"),
    }
    assert!(run.next().await.is_none());
    upload.assert_calls_async(0).await;

    // In parts of two requests, `a` comes once in each: accepted and uploaded.
    let state = state_file("repeat-across");
    let job = BatchJob::new(&client(&server), &state).options(fast().max_requests(2));
    let input = ["a", "b", "a"].map(|id| (id.to_owned(), chat(id))).to_vec();
    let mut run = job.run(requests(input)).unwrap();
    assert!(matches!(run.next().await, Some(Err(zai::Error::Api(_)))));
    assert!(upload.calls_async().await >= 1);
}

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
    assert_eq!(ids, ["a", "b", "c", "d"], "`e` was never submitted");
    for result in &results {
        assert_eq!(
            result.outcome,
            Err(BatchLineError::BatchEnded {
                status: "cancelled".into(),
                message: Some("cancelled by the user".into())
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
    let part = |file: &str| json!({"requests": 1, "bytes": 10, "last_id": "a", "file_id": file});
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

#[tokio::test]
async fn an_embeddings_job_yields_typed_embeddings() {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("mock-id.mock-secret")
        .base_url(mock.url())
        .build()
        .unwrap();
    let state = state_file("embeddings");
    let job =
        BatchJob::new(&client, &state).options(fast().order(ResultOrder::Input).max_requests(2));
    let input: Vec<_> = (0..5)
        .map(|i| {
            (
                format!("e{i}"),
                EmbeddingRequest::new("embedding-3", format!("text {i}")),
            )
        })
        .collect();
    let results: Vec<_> = run_to_end(&job, requests(input)).await;
    let ids: Vec<&str> = results.iter().map(|r| r.custom_id.as_str()).collect();
    assert_eq!(ids, ["e0", "e1", "e2", "e3", "e4"]);
    for result in &results {
        let embedding = result.outcome.as_ref().unwrap();
        assert!(!embedding.data[0].embedding.is_empty());
    }
    assert_eq!(job.progress().unwrap().batches, 3);
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
    // Room for another part: the rerun reads past the two submitted requests.
    let job = job.options(fast().max_requests(2).max_in_flight(2));
    for (ids, expected) in [
        (
            &["a", "x", "c"][..],
            "the input is not the one this job started with: request 2 is `x`, the state file expects `b`",
        ),
        (
            &["a"][..],
            "the input ends before request 2; the job already submitted 2",
        ),
    ] {
        match job.run(input(ids)).unwrap().next().await {
            Some(Err(zai::Error::InvalidRequest(message))) => assert_eq!(message, expected),
            other => panic!("{:?}", other.map(|r| r.map(|r| r.custom_id))),
        }
    }
}
