//! What every request carries beside its body: `User-Agent`, the `Accept` of
//! each kind of answer as the official SDK asks for it, and no `Accept-Language`
//! unless one is set (optional in the docs; the Java SDK stopped sending it).

use crate::support::{KEY, client};
use httpmock::{Method, MockServer};
use zai::types::{ChatCompletionRequest, ChatMessage, FileUploadRequest, TranscriptionRequest};
use zai::{Error, FilePart, WithResponse};

const UA: &str = concat!("zai-rust/", env!("CARGO_PKG_VERSION"));

/// Expects one request with these headers; answers `body` as `content_type`.
async fn expect<'a>(
    server: &'a MockServer,
    method: Method,
    path: &str,
    accept: &str,
    content_type: &str,
    body: &str,
) -> httpmock::Mock<'a> {
    let (path, accept, content_type, body) = (
        path.to_owned(),
        accept.to_owned(),
        content_type.to_owned(),
        body.to_owned(),
    );
    server
        .mock_async(|when, then| {
            when.method(method)
                .path(path)
                .header("accept", accept)
                .header("user-agent", UA)
                .header_missing("accept-language")
                .header("authorization", format!("Bearer {KEY}"));
            then.status(200)
                .header("content-type", content_type)
                .body(body);
        })
        .await
}

const CHAT: &str = r#"{"id":"1","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"ok"}}]}"#;
const EVENTS: &str = "data: {\"id\":\"1\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{\"content\":\"ok\"}}]}\n\ndata: [DONE]\n\n";

#[tokio::test]
async fn json_multipart_streaming_and_binary_calls_send_the_sdk_headers() {
    let server = MockServer::start_async().await;
    let client = client(&server);
    let chat = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("hi")]);
    let audio = || FilePart::new(&b"RIFF"[..], "a.wav", "audio/wav");
    let file = r#"{"id":"file-1","object":"file"}"#;

    let json = expect(
        &server,
        Method::POST,
        "/chat/completions",
        "application/json",
        "application/json",
        CHAT,
    )
    .await;
    client.create_chat_completion(&chat).await.unwrap();
    json.assert_async().await;

    let multipart = expect(
        &server,
        Method::POST,
        "/files",
        "application/json",
        "application/json",
        file,
    )
    .await;
    client
        .upload_file(&FileUploadRequest::new(audio(), "batch"))
        .await
        .unwrap();
    multipart.assert_async().await;

    let binary = expect(
        &server,
        Method::GET,
        "/files/file-1/content",
        "application/binary",
        "application/octet-stream",
        "bytes",
    )
    .await;
    let bytes = client
        .retrieve_file_content("file-1")
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(&bytes[..], b"bytes");
    binary.assert_async().await;

    server.reset_async().await;
    let stream = expect(
        &server,
        Method::POST,
        "/chat/completions",
        "text/event-stream",
        "text/event-stream",
        EVENTS,
    )
    .await;
    client.create_chat_completion_stream(&chat).await.unwrap();
    stream.assert_async().await;

    let multipart_stream = expect(
        &server,
        Method::POST,
        "/audio/transcriptions",
        "text/event-stream",
        "text/event-stream",
        "data: [DONE]\n\n",
    )
    .await;
    let request = TranscriptionRequest::new("glm-asr").file(audio());
    client.create_transcription_stream(&request).await.unwrap();
    multipart_stream.assert_async().await;
}

#[tokio::test]
async fn defaults_can_be_changed_or_removed() {
    let server = MockServer::start_async().await;
    let changed = server
        .mock_async(|when, then| {
            when.path("/chat/completions")
                .header("user-agent", "my-app/2")
                .header("accept-language", "en-US,en");
            then.status(200)
                .header("content-type", "application/json")
                .body(CHAT);
        })
        .await;
    let chat = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("hi")]);
    let client = zai::Client::builder()
        .api_key(KEY)
        .base_url(server.base_url())
        .default_header("user-agent", "my-app/2")
        .accept_language("en-US,en")
        .build()
        .unwrap();
    client.create_chat_completion(&chat).await.unwrap();
    changed.assert_async().await;
    changed.delete_async().await;

    let removed = server
        .mock_async(|when, then| {
            when.path("/chat/completions").header_missing("user-agent");
            then.status(200)
                .header("content-type", "application/json")
                .body(CHAT);
        })
        .await;
    let client = zai::Client::builder()
        .api_key(KEY)
        .base_url(server.base_url())
        .without_default_header("user-agent")
        .build()
        .unwrap();
    client.create_chat_completion(&chat).await.unwrap();
    removed.assert_async().await;

    let bad = zai::Client::builder()
        .api_key(KEY)
        .default_header("x-bad", "line\nbreak")
        .build();
    assert!(
        matches!(&bad, Err(Error::Config(m)) if m.contains("x-bad")),
        "{bad:?}"
    );
}

/// Escape hatches: what the spec does not know yet can be sent (headers, query
/// parameters, body fields — on JSON, multipart and streaming calls) and read
/// (the raw body beside the typed answer).
#[tokio::test]
async fn extra_headers_query_and_body_fields_on_every_kind_of_call() {
    let server = MockServer::start_async().await;
    let client = client(&server).with_options(|o| {
        o.header("x-trace", "t-1")
            .query("debug", "on")
            .body_field("new_param", serde_json::json!({"deep": true}))
    });
    let chat = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("hi")]);
    let expected = serde_json::json!({
        "model": "glm-4.7",
        "messages": [{"role": "user", "content": "hi"}],
        "new_param": {"deep": true},
    });
    let with_extra = |when: httpmock::When| {
        when.header("x-trace", "t-1")
            .query_param("debug", "on")
            .header("authorization", format!("Bearer {KEY}"))
    };

    let reply = r#"{"id":"1","surprise":{"new":1},"choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"ok"}}]}"#;
    let json = server
        .mock_async(|when, then| {
            with_extra(when.path("/chat/completions").json_body(expected.clone()));
            then.status(200)
                .header("content-type", "application/json")
                .body(reply);
        })
        .await;
    let (_, answer) = client
        .create_chat_completion(&chat)
        .with_response()
        .await
        .unwrap();
    json.assert_async().await;
    let body = answer.json().expect("a JSON answer").unwrap();
    assert_eq!(body["surprise"]["new"], 1, "an unknown field, readable raw");

    let mut streamed = expected.clone();
    streamed["stream"] = true.into();
    let stream = server
        .mock_async(|when, then| {
            with_extra(when.path("/chat/completions").json_body(streamed));
            then.status(200)
                .header("content-type", "text/event-stream")
                .body(EVENTS);
        })
        .await;
    client.create_chat_completion_stream(&chat).await.unwrap();
    stream.assert_async().await;

    let multipart = server
        .mock_async(|when, then| {
            with_extra(when.path("/files"))
                .body_includes("name=\"new_param\"\r\n\r\n{\"deep\":true}\r\n")
                .body_includes("name=\"purpose\"\r\n\r\nbatch\r\n");
            then.status(200)
                .header("content-type", "application/json")
                .body(r#"{"id":"file-1"}"#);
        })
        .await;
    let file = FilePart::new(&b"x"[..], "a.txt", "text/plain");
    client
        .upload_file(&FileUploadRequest::new(file, "batch"))
        .await
        .unwrap();
    multipart.assert_async().await;

    let no_body = client.retrieve_file_content("file-1").await.unwrap_err();
    assert!(matches!(no_body, Error::InvalidRequest(m) if m.contains("no body")));
}
