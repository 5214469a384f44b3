//! The mock as a faithful fake, through the `zai` client: tasks, files and batches
//! kept per server, conversations that behave, request validation, and the
//! glued-frames stream fault.

use futures_util::StreamExt as _;
use serde_json::{Value, json};
use std::time::Duration;
use zai::types::{ChatCompletionRequest, FileUploadRequest, ListFilesQuery};
use zai::{ChatStreamExt, PollOptions};

fn client(mock: &zai_mock::MockServer) -> zai::Client {
    zai::Client::builder()
        .api_key("mock-id.mock-secret")
        .base_url(mock.url())
        .build()
        .unwrap()
        .with_options(|o| o.retry(zai::RetryPolicy::none()))
}

fn request(body: Value) -> ChatCompletionRequest {
    serde_json::from_value(body).unwrap()
}

/// A streamed chat completion, folded into one answer.
async fn streamed(client: &zai::Client, mut body: Value) -> zai::types::ChatCompletionResponse {
    body["stream"] = json!(true);
    client
        .create_chat_completion_stream(&request(body))
        .await
        .unwrap()
        .collect_completion()
        .await
        .unwrap()
}

fn fast() -> PollOptions {
    PollOptions::every(Duration::from_millis(5), Duration::from_secs(10))
}

async fn raw_post(mock: &zai_mock::MockServer, path: &str, body: &Value) -> (u16, String) {
    let response = http()
        .post(format!("{}{path}", mock.url()))
        .header("authorization", "Bearer a.b")
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

#[tokio::test]
async fn two_video_tasks_progress_independently() {
    let mock = zai_mock::MockServer::start().await;
    let client = client(&mock);
    let video: zai::types::VideoGenerationRequest =
        serde_json::from_value(json!({"model": "cogvideox-3", "prompt": "A cat"})).unwrap();
    let a = client.create_video_generation(&video).await.unwrap();
    let b = client.create_video_generation(&video).await.unwrap();
    let (a, b) = (a.id.unwrap(), b.id.unwrap());
    assert_ne!(a, b);
    let status = |r: zai::types::AsyncResult| r.task_status.unwrap().to_string();
    for _ in 0..3 {
        let _ = client.retrieve_async_result(&a).await.unwrap();
    }
    let done = client.retrieve_async_result(&a).await.unwrap();
    assert_eq!(done.id.as_deref(), Some(a.as_str()));
    assert!(
        done.video_result.clone().unwrap()[0]
            .url
            .as_deref()
            .unwrap()
            .contains(".mp4")
    );
    assert_eq!(status(done), "SUCCESS");
    // `b` has not been polled: it starts from the beginning.
    let first = client.retrieve_async_result(&b).await.unwrap();
    assert_eq!(status(first), "PROCESSING");
}

#[tokio::test]
async fn async_results_have_the_shape_of_their_kind() {
    let mock = zai_mock::MockServer::start().await;
    let client = client(&mock);
    let image: zai::types::ImageGenerationRequest =
        serde_json::from_value(json!({"model": "cogview-4-250304", "prompt": "A lighthouse"}))
            .unwrap();
    let done = client
        .create_image_async_and_wait(&image, &fast(), |_| {})
        .await
        .unwrap();
    assert!(
        done.image_result.unwrap()[0]
            .url
            .as_deref()
            .unwrap()
            .contains(".png")
    );
    assert!(done.video_result.is_none() && done.choices.is_none());

    let chat =
        request(json!({"model": "glm-4.7", "messages": [{"role": "user", "content": "Hi"}]}));
    let done = client
        .create_chat_completion_async_and_wait(&chat, &fast(), |_| {})
        .await
        .unwrap();
    let choices = done.choices.unwrap();
    assert!(choices[0].message.as_ref().unwrap().content.is_some());
}

#[tokio::test]
async fn files_keep_their_bytes_until_deleted() {
    let mock = zai_mock::MockServer::start().await;
    let client = client(&mock);
    let bytes = b"line one\nline two\n\x00\xff binary too".to_vec();
    let part = zai::FilePart::new(bytes.clone(), "notes.bin", "application/octet-stream");
    let file = client
        .upload_file(&FileUploadRequest::new(part, "agent"))
        .await
        .unwrap();
    let id = file.id.clone().unwrap();
    assert_eq!(file.filename.as_deref(), Some("notes.bin"));
    assert_eq!(file.bytes, Some(bytes.len() as i64));

    let listed = client
        .list_files(&ListFilesQuery::default().purpose("agent"))
        .await
        .unwrap();
    let ids: Vec<_> = listed.data.iter().filter_map(|f| f.id.clone()).collect();
    assert_eq!(ids, std::slice::from_ref(&id));

    let content = client
        .retrieve_file_content(&id)
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(content.as_ref(), bytes.as_slice());

    let deleted = client.delete_file(&id).await.unwrap();
    assert_eq!(deleted.id.as_deref(), Some(id.as_str()));
    let err = client.retrieve_file_content(&id).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert!(err.api().unwrap().message.contains(&id));
    let err = client.delete_file(&id).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    // Another server has its own files.
    let other = zai_mock::MockServer::start().await;
    let listed = self::client(&other)
        .list_files(&ListFilesQuery::default())
        .await;
    assert!(
        !listed
            .unwrap()
            .data
            .iter()
            .any(|f| f.id.as_deref() == Some(&id))
    );
}

#[tokio::test]
async fn a_batch_job_gets_one_typed_result_per_line() {
    let mock = zai_mock::MockServer::start().await;
    let client = client(&mock);
    let line = |model: &str| {
        request(json!({"model": model, "messages": [{"role": "user", "content": "Hi"}]}))
    };
    let requests = vec![
        ("q1".to_owned(), line("glm-4.7")),
        ("q2".to_owned(), line("error-429")),
        ("q3".to_owned(), line("glm-4.7")),
    ];
    let state = std::env::temp_dir().join(format!("zai-mock-batch-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&state);
    let options = zai::BatchOptions::default()
        .order(zai::ResultOrder::Input)
        .poll_interval(Duration::from_millis(5));
    let job = zai::BatchJob::new(&client, &state).options(options);
    let results: Vec<_> = job
        .run(futures_util::stream::iter(requests.into_iter().map(Ok)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
        .await;
    let ids: Vec<&str> = results.iter().map(|r| r.custom_id.as_str()).collect();
    assert_eq!(ids, ["q1", "q2", "q3"]);
    for ok in [&results[0], &results[2]] {
        let reply = ok.outcome.as_ref().unwrap();
        assert!(reply.choices[0].message.as_ref().unwrap().content.is_some());
    }
    match &results[1].outcome {
        Err(zai::BatchLineError::Api { status, code, .. }) => {
            assert_eq!(
                (*status, code.as_ref()),
                (Some(429), Some(&zai::BusinessCode::ConcurrencyLimit))
            );
        }
        other => panic!("{other:?}"),
    }
    // The mock stored the batch's output and error files, and the job deleted
    // them once delivered, with its input file: the seeded file is left.
    let files = client.list_files(&ListFilesQuery::default()).await.unwrap();
    let names: Vec<_> = files
        .data
        .iter()
        .filter_map(|f| f.filename.as_deref())
        .collect();
    assert_eq!(names, ["batch_input.jsonl"]);
    std::fs::remove_file(&state).unwrap();
}

/// A cancelled batch answers `cancelling`, then reads `cancelled` and stays so: a
/// job waiting on it ends (the cancel's `x-zai-mock.sequence`).
#[tokio::test]
async fn a_cancelled_batch_ends_cancelled() {
    use zai::types::{BatchStatus, CreateBatchRequest};
    let mock = zai_mock::MockServer::start().await;
    let client = client(&mock);
    let line = r#"{"custom_id":"a","method":"POST","url":"/v4/chat/completions","body":{"model":"glm-4.7","messages":[{"role":"user","content":"Hi"}]}}"#;
    let part = zai::FilePart::new(line.as_bytes().to_vec(), "in.jsonl", "application/jsonl");
    let file = client
        .upload_file(&FileUploadRequest::new(part, "batch"))
        .await
        .unwrap();
    let batch = client
        .create_batch(&CreateBatchRequest::new(
            file.id.unwrap(),
            "/v4/chat/completions",
        ))
        .await
        .unwrap();
    let id = batch.id.unwrap();
    let cancelled = client.cancel_batch(&id).await.unwrap();
    assert_eq!(cancelled.status, Some(BatchStatus::Cancelling));
    assert_eq!(cancelled.id.as_deref(), Some(id.as_str()));
    for _ in 0..2 {
        let batch = client.retrieve_batch(&id).await.unwrap();
        assert_eq!(batch.status, Some(BatchStatus::Cancelled));
        assert_eq!(batch.cancelled_at, Some(1727163060));
    }
    let waited = client.wait_batch(&id, &fast(), |_| {}).await;
    assert!(
        matches!(&waited, Err(zai::Error::TaskFailed { status, .. }) if status == "cancelled"),
        "{waited:?}"
    );
}

#[tokio::test]
async fn a_tool_loop_ends_after_the_tool_result() {
    let mock = zai_mock::MockServer::start().await;
    let client = client(&mock);
    let tools = json!([{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}]);
    let mut messages = vec![json!({"role": "user", "content": "Weather in Paris?"})];
    let first = client
        .create_chat_completion(&request(
            json!({"model": "glm-4.7", "messages": messages, "tools": tools}),
        ))
        .await
        .unwrap();
    let message = first.choices[0].message.clone().unwrap();
    let call = message.tool_calls.clone().unwrap()[0].clone();
    messages.push(serde_json::to_value(&message).unwrap());
    messages.push(json!({"role": "tool", "tool_call_id": call.id, "content": "{\"temp\": 21}"}));
    let body = json!({"model": "glm-4.7", "messages": messages, "tools": tools});
    let second = client
        .create_chat_completion(&request(body.clone()))
        .await
        .unwrap();
    let message = second.choices[0].message.clone().unwrap();
    assert!(message.tool_calls.unwrap_or_default().is_empty());
    assert!(!message.content.unwrap_or_default().is_empty());
    // Streamed too.
    let mut body = body;
    body["stream"] = json!(true);
    let streamed = streamed(&client, body).await;
    let message = streamed.choices[0].message.clone().unwrap();
    assert!(message.tool_calls.unwrap_or_default().is_empty());
}

#[tokio::test]
async fn json_mode_answers_parseable_json_and_thinking_off_has_no_reasoning() {
    let mock = zai_mock::MockServer::start().await;
    let client = client(&mock);
    let mut body = json!({"model": "glm-4.7", "messages": [{"role": "user", "content": "Hi"}],
                          "response_format": {"type": "json_object"}});
    let reply = client
        .create_chat_completion(&request(body.clone()))
        .await
        .unwrap();
    let content = reply.choices[0].message.clone().unwrap().content.unwrap();
    serde_json::from_str::<Value>(&content.to_string())
        .unwrap_or_else(|e| panic!("{e}: {content}"));
    body["stream"] = json!(true);
    let streamed = streamed(&client, body).await;
    let content = streamed.choices[0]
        .message
        .clone()
        .unwrap()
        .content
        .unwrap();
    serde_json::from_str::<Value>(&content.to_string())
        .unwrap_or_else(|e| panic!("{e}: {content}"));

    let body = json!({"model": "glm-4.7", "messages": [{"role": "user", "content": "Hi"}],
                      "thinking": {"type": "disabled"}, "stream": true});
    let (status, text) = raw_post(&mock, "/chat/completions", &body).await;
    assert_eq!(status, 200);
    let content: String = text
        .lines()
        .filter_map(|l| l.strip_prefix("data: ").filter(|d| *d != "[DONE]"))
        .filter_map(|d| {
            let chunk: Value = serde_json::from_str(d).ok()?;
            Some(chunk["choices"][0]["delta"]["content"].as_str()?.to_owned())
        })
        .collect();
    assert!(!text.contains("reasoning_content"), "{text}");
    assert_eq!(
        content,
        "You asked about \"Hi\". Hello! How can I help you today?"
    );
    assert!(
        text.contains("\"usage\""),
        "usage on the final chunk: {text}"
    );
    let (_, text) = raw_post(
        &mock,
        "/chat/completions",
        &json!({"model": "glm-4.7",
        "messages": [{"role": "user", "content": "Hi"}], "thinking": {"type": "disabled"}}),
    )
    .await;
    assert!(!text.contains("reasoning_content"), "{text}");
}

#[tokio::test]
async fn a_body_violating_its_schema_is_a_400_naming_the_field() {
    let mock = zai_mock::MockServer::start().await;
    for (body, field) in [
        (
            json!({"messages": [{"role": "user", "content": "x"}]}),
            "model",
        ),
        (
            json!({"model": "glm-4.7", "messages": [{"role": "user"}]}),
            "messages[0].content",
        ),
        (
            json!({"model": "glm-4.7", "messages": [{"role": "robot", "content": "x"}]}),
            "messages[0].role",
        ),
        (
            json!({"model": "glm-4.7", "messages": [{"role": "user", "content": "x"}], "temperature": "hot"}),
            "temperature",
        ),
    ] {
        let (status, text) = raw_post(&mock, "/api/paas/v4/chat/completions", &body).await;
        assert_eq!(status, 400, "{body}");
        let error: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(error["error"]["code"], "1214", "{text}");
        let message = error["error"]["message"].as_str().unwrap();
        assert!(
            message.starts_with(&format!("Invalid {field} parameter")),
            "{message}"
        );
    }
    // Query parameters too.
    let response = http()
        .get(format!("{}/files?limit=many", mock.url()))
        .header("authorization", "Bearer a.b")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Invalid limit parameter")
    );
}

#[tokio::test]
async fn fault_glued_frames_glues_two_frames_each_twice() {
    let mock = zai_mock::MockServer::bind_with_delay(0, Duration::ZERO)
        .await
        .unwrap();
    let body = json!({"model": "fault-glued-frames", "messages": [{"role": "user", "content": "Hi"}], "stream": true});
    let (status, text) = raw_post(&mock, "/api/paas/v4/chat/completions", &body).await;
    assert_eq!(status, 200);
    let op = zai_mock::operations()
        .iter()
        .find(|o| o.id == "createChatCompletion")
        .unwrap();
    let chunks = &op.stream.as_ref().unwrap().examples[0].1;
    let frame = |i: usize| format!("data: {}", chunks[i]);
    let cut = |i: usize, after: &str, extra: usize| {
        let f = frame(i);
        f[..f.find(after).unwrap() + after.len() + extra].to_owned()
    };
    let expected = format!(
        "{}\n\n{}{}\n\n{}{}\n\ndata: [DONE]\n\n",
        frame(0),
        cut(1, "\"role", 0),
        frame(2),
        cut(3, "\"object\":\"", 6),
        frame(4),
    );
    assert_eq!(text, expected);
    assert!(
        text.contains("\"role") && text.contains("\"object\":\"chat.cdata: {"),
        "{text}"
    );
    // Each glued line: a cut-off JSON, then a whole frame on the same line.
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[1].matches("data: ").count(), 2);
    assert_eq!(lines[2].matches("data: ").count(), 2);
}

#[tokio::test]
async fn the_sdk_base_paths_reach_every_family() {
    let mock = zai_mock::MockServer::start().await;
    let chat = json!({"model": "glm-4.7", "messages": [{"role": "user", "content": "Hi"}]});
    for path in [
        "/api/paas/v4/chat/completions",
        "/api/coding/paas/v4/chat/completions",
        "/chat/completions",
    ] {
        assert_eq!(raw_post(&mock, path, &chat).await.0, 200, "{path}");
    }
    let agent =
        json!({"agent_id": "general_translation", "messages": [{"role": "user", "content": "Hi"}]});
    for path in ["/api/v1/agents", "/api/paas/v4/v1/agents", "/v1/agents"] {
        assert_eq!(raw_post(&mock, path, &agent).await.0, 200, "{path}");
    }
    let message = zai_mock::operations()
        .iter()
        .find(|o| o.id == "createMessage")
        .unwrap();
    let message = message.request_example.clone().unwrap();
    for path in ["/api/anthropic/v1/messages", "/anthropic/v1/messages"] {
        assert_eq!(raw_post(&mock, path, &message).await.0, 200, "{path}");
    }
}

/// A plain reqwest client (no TLS feature of its own; zai's default gives it one).
fn http() -> reqwest::Client {
    reqwest::Client::new()
}
