//! User code under test, with its Z.AI answers declared through the typed
//! `httpmock` helpers (`zai_mock::httpmock::ZaiMocks`, feature `httpmock`).
#![cfg(feature = "httpmock")]

use futures_util::StreamExt;
use serde_json::json;
use zai::types::{
    ChatCompletionChunk, ChatCompletionRequest, ChatCompletionResponse, ChatMessage,
    FileUploadRequest,
};
use zai_mock::httpmock::ZaiMocks;

/// The code under test: asks for a one-line summary, `None` when rate limited.
async fn summarize(client: &zai::Client, text: &str) -> Result<Option<String>, zai::Error> {
    let request = ChatCompletionRequest::new(
        "glm-4.7",
        vec![ChatMessage::system("One line."), ChatMessage::user(text)],
    );
    match client.create_chat_completion(&request).await {
        Ok(reply) => Ok(reply.text().map(str::to_owned)),
        Err(e) if e.status().map(|s| s.as_u16()) == Some(429) => Ok(None),
        Err(e) => Err(e),
    }
}

fn client(server: &httpmock::MockServer) -> zai::Client {
    zai::Client::builder()
        .api_key("test.key")
        .base_url(server.base_url())
        .build()
        .unwrap()
        .with_options(|o| o.retry(zai::RetryPolicy::none()))
}

fn request(text: &str) -> ChatCompletionRequest {
    ChatCompletionRequest::new(
        "glm-4.7",
        vec![ChatMessage::system("One line."), ChatMessage::user(text)],
    )
}

#[tokio::test]
async fn a_typed_request_gets_a_typed_answer() {
    let server = httpmock::MockServer::start_async().await;
    let response: ChatCompletionResponse = serde_json::from_value(json!({
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": "A short text."}}]
    }))
    .unwrap();
    let mock = server.create_chat_completion(|when, then| {
        when.body(&request("Long text"));
        then.ok(&response);
    });
    let summary = summarize(&client(&server), "Long text").await.unwrap();
    assert_eq!(summary.as_deref(), Some("A short text."));
    mock.assert();
}

#[tokio::test]
async fn a_z_ai_error_by_status() {
    let server = httpmock::MockServer::start_async().await;
    server.create_chat_completion(|_, then| {
        then.error(429);
    });
    assert_eq!(summarize(&client(&server), "x").await.unwrap(), None);
    let server = httpmock::MockServer::start_async().await;
    server.create_chat_completion(|_, then| {
        then.api_error(400, "1214", "Invalid messages parameter");
    });
    let err = summarize(&client(&server), "x").await.unwrap_err();
    assert_eq!(err.code(), Some(&zai::BusinessCode::InvalidParameter));
}

#[tokio::test]
async fn a_typed_stream_and_path_parameters_and_multipart() {
    let server = httpmock::MockServer::start_async().await;
    let chunk = |text: &str| -> ChatCompletionChunk {
        serde_json::from_value(
            json!({"id": "c1", "choices": [{"index": 0, "delta": {"content": text}}]}),
        )
        .unwrap()
    };
    server.create_chat_completion(|when, then| {
        when.body_includes(&request("Stream"));
        then.stream(&[chunk("Hel"), chunk("lo")]);
    });
    let client = client(&server);
    let mut stream = client
        .create_chat_completion_stream(&request("Stream"))
        .await
        .unwrap();
    let mut text = String::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.unwrap();
        text.push_str(
            chunk.choices[0]
                .delta
                .as_ref()
                .unwrap()
                .content
                .as_deref()
                .unwrap_or(""),
        );
    }
    assert_eq!(text, "Hello");

    let content = server.retrieve_file_content(|when, then| {
        when.path_params(&["file-1"]);
        then.bytes("application/octet-stream", b"raw bytes");
    });
    let bytes = client
        .retrieve_file_content("file-1")
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(bytes.as_ref(), b"raw bytes");
    content.assert();

    let upload = server.upload_file(|when, then| {
        when.part("purpose", "batch");
        then.ok(&serde_json::from_value(json!({"id": "file-9"})).unwrap());
    });
    let part = zai::FilePart::new(b"{}".to_vec(), "in.jsonl", "application/jsonl");
    let file = client
        .upload_file(&FileUploadRequest::new(part, "batch"))
        .await
        .unwrap();
    assert_eq!(file.id.as_deref(), Some("file-9"));
    upload.assert();
}
