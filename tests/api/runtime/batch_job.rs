//! `BatchJob`, the resumable job over any number of requests: results matched to
//! their requests' ids in either order, every kind of output line, what a job
//! refuses (against httpmock, exact wire), and typed embeddings (against the mock).

use crate::support::batch_job::{chat, fast, requests, run_to_end, state_file};
use crate::support::{client, fixture};
use futures_util::StreamExt as _;
use httpmock::{
    Method::{DELETE, GET, POST},
    MockServer,
};
use serde_json::{Value, json};
use std::collections::HashMap;
use zai::types::{ChatCompletionResponse, EmbeddingRequest};
use zai::{BatchJob, BatchLineError, BatchResult, ResultOrder};

/// The outcome as the results file shows it (`custom_id`, `response` or `error`).
fn line<T: serde::Serialize>(result: &BatchResult<T>) -> Value {
    serde_json::to_value(result).unwrap()
}

/// Output: `b` then `a` (and `b` again, dropped), a line naming no request;
/// errors: `c`; `d` has no line at all.
pub(super) async fn one_batch_server() -> MockServer {
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

/// Results are matched to requests by id: an id repeated anywhere in the input,
/// within a batch file or across two, stops the job before anything is uploaded.
#[tokio::test]
async fn a_job_refuses_an_id_repeated_anywhere_in_its_input() {
    let server = MockServer::start_async().await;
    let upload = server
        .mock_async(|when, then| {
            when.method(POST).path("/files");
            then.status(500);
        })
        .await;
    for (name, max_requests) in [("repeat", 3), ("repeat-across", 2)] {
        let state = state_file(name);
        let job =
            BatchJob::new(&client(&server), &state).options(fast().max_requests(max_requests));
        let input = ["a", "b", "a"].map(|id| (id.to_owned(), chat(id))).to_vec();
        let mut run = job.run(requests(input)).unwrap();
        match run.next().await {
            Some(Err(zai::Error::InvalidRequest(message))) => assert_eq!(
                message,
                "custom_id `a` repeats in the input: ids must be unique (nothing is submitted \
                 before the whole input is read)"
            ),
            other => panic!("{other:?}"),
        }
        assert!(run.next().await.is_none());
    }
    upload.assert_calls_async(0).await;
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
