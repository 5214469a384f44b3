//! Contract tests for the operations implemented by the official SDKs (family B):
//! exact request (method, path, query, headers, body or multipart parts) and typed
//! parsing of a realistic reply, one test per method.

mod common;

use common::{KEY, client};
use futures_util::StreamExt;
use httpmock::{
    Method::{DELETE, GET, POST},
    MockServer, Then, When,
};
use serde_json::{Value, json};
use zai::FilePart;
use zai::types::{
    AssistantAttachment, AssistantCompletionRequest, AssistantConversationListRequest,
    AssistantConversationMessage, AssistantExtraParameters, AssistantExtraParametersTranslate,
    AssistantListRequest, AssistantTextContent, AssistantTextContentType, BatchStatus,
    ChatCompletionRequest, ChatMessage, CreateBatchRequest, EmbeddingInput, EmbeddingRequest,
    FileParseRequest, FinishReason, HandwritingOcrRequest, ListBatchesQuery, ListFilesQuery,
    ListVoicesQuery, MediaUrl, ModerationInput, ModerationPart, ModerationRequest, RiskLevel, Role,
    SpeechCustomizationRequest, SpeechRequest, SpeechRequestEncodeFormat,
    SpeechRequestResponseFormat, TaskStatus, ToolCallRequest, VoiceCloneRequest,
    VoiceDeleteRequest,
};

fn authed(when: When) -> When {
    when.header("authorization", format!("Bearer {KEY}"))
        .header_missing("api-version")
}

fn json_reply(then: Then, reply: &Value) -> Then {
    then.status(200)
        .header("content-type", "application/json; charset=UTF-8")
        .body(reply.to_string())
}

/// Mocks a JSON POST with an exact body.
async fn post_json<'a>(
    server: &'a MockServer,
    path: &str,
    body: Value,
    reply: Value,
) -> httpmock::Mock<'a> {
    server
        .mock_async(|when, then| {
            authed(when)
                .method(POST)
                .path(path)
                .header("content-type", "application/json")
                .json_body(body);
            json_reply(then, &reply);
        })
        .await
}

async fn sse_post<'a>(
    server: &'a MockServer,
    path: &str,
    body: Value,
    events: &str,
) -> httpmock::Mock<'a> {
    let events = events.to_owned();
    server
        .mock_async(|when, then| {
            authed(when)
                .method(POST)
                .path(path)
                .header("content-type", "application/json")
                .header("accept", "text/event-stream")
                .json_body(body);
            then.status(200)
                .header("content-type", "text/event-stream;charset=UTF-8")
                .body(events);
        })
        .await
}

async fn collect_bytes(stream: zai::ByteStream) -> Vec<u8> {
    stream.bytes().await.expect("whole body").to_vec()
}

async fn collect_events<T>(stream: zai::EventStream<T>) -> Vec<T>
where
    T: zai::StreamChunk,
{
    stream
        .map(|item| item.expect("chunk parses"))
        .collect()
        .await
}

fn text_part(name: &str, value: &str) -> String {
    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
}

fn file_part(name: &str, file: &str, content_type: &str, bytes: &str) -> String {
    format!(
        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: {content_type}\r\n\r\n{bytes}\r\n"
    )
}

/// Mocks a multipart POST whose body holds every given part.
async fn post_multipart<'a>(
    server: &'a MockServer,
    path: &str,
    parts: Vec<String>,
    then_fn: impl FnOnce(Then) + Send + 'static,
) -> httpmock::Mock<'a> {
    server
        .mock_async(|when, then| {
            let mut when = authed(when)
                .method(POST)
                .path(path)
                .header_prefix("content-type", "multipart/form-data; boundary=");
            for part in parts {
                when = when.body_includes(part);
            }
            then_fn(then);
        })
        .await
}

// ---------------------------------------------------------------- async chat

#[tokio::test]
async fn create_chat_completion_async_queues_a_task() {
    let server = MockServer::start_async().await;
    let mock = post_json(
        &server,
        "/async/chat/completions",
        json!({
            "model": "glm-4.7",
            "messages": [{"role": "user", "content": "Summarize the meeting notes."}],
            "temperature": 0.3
        }),
        json!({
            "id": "9051712345678901234",
            "request_id": "req-async-0001",
            "model": "glm-4.7",
            "task_status": "PROCESSING"
        }),
    )
    .await;
    let request = ChatCompletionRequest::new(
        "glm-4.7",
        vec![ChatMessage::user("Summarize the meeting notes.")],
    )
    .temperature(0.3);
    let task = client(&server)
        .create_chat_completion_async(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(task.id.as_deref(), Some("9051712345678901234"));
    assert_eq!(task.request_id.as_deref(), Some("req-async-0001"));
    assert_eq!(task.model.as_deref(), Some("glm-4.7"));
    assert_eq!(task.task_status, Some(TaskStatus::Processing));
}

// ---------------------------------------------------------------- embeddings

#[tokio::test]
async fn create_embedding_sends_text_list_and_parses_vectors() {
    let server = MockServer::start_async().await;
    let mock = post_json(
        &server,
        "/embeddings",
        json!({
            "model": "embedding-3",
            "input": ["red apple", "green pear"],
            "dimensions": 256
        }),
        json!({
            "object": "list",
            "model": "embedding-3",
            "data": [
                {"object": "embedding", "index": 0, "embedding": [0.125, -0.5, 0.75]},
                {"object": "embedding", "index": 1, "embedding": [0.0625, 0.25, -1.0]}
            ],
            "usage": {"prompt_tokens": 6, "completion_tokens": 0, "total_tokens": 6}
        }),
    )
    .await;
    let request = EmbeddingRequest::new(
        "embedding-3",
        EmbeddingInput::Texts(vec!["red apple".into(), "green pear".into()]),
    )
    .dimensions(256);
    let response = client(&server)
        .create_embedding(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(response.data.len(), 2);
    assert_eq!(response.data[1].index, Some(1));
    assert_eq!(response.data[0].embedding, vec![0.125, -0.5, 0.75]);
    assert_eq!(response.usage.unwrap().total_tokens, Some(6));
}

#[tokio::test]
async fn create_embedding_sends_token_lists() {
    let server = MockServer::start_async().await;
    let mock = post_json(
        &server,
        "/embeddings",
        json!({"model": "embedding-2", "input": [[101, 2023], [101]]}),
        json!({"object": "list", "model": "embedding-2", "data": [], "usage": {"total_tokens": 3}}),
    )
    .await;
    let request = EmbeddingRequest::new(
        "embedding-2",
        EmbeddingInput::TokenLists(vec![vec![101, 2023], vec![101]]),
    );
    let response = client(&server).create_embedding(&request).await.unwrap();
    mock.assert_async().await;
    assert!(response.data.is_empty());
    assert_eq!(response.model.as_deref(), Some("embedding-2"));
}

// ---------------------------------------------------------------- files

#[tokio::test]
async fn list_files_sends_query_and_parses_page() {
    let server = MockServer::start_async().await;
    let reply = json!({
        "object": "list",
        "has_more": true,
        "data": [{
            "id": "1727162930-5b1a7c0f3e9a4d2c",
            "object": "file",
            "bytes": 48213,
            "created_at": 1727162930,
            "filename": "requests.jsonl",
            "purpose": "batch",
            "status": null
        }]
    });
    let mock = server
        .mock_async(|when, then| {
            authed(when)
                .method(GET)
                .path("/files")
                .query_param("purpose", "batch")
                .query_param("limit", "10")
                .query_param("after", "file-prev")
                .query_param("order", "desc");
            json_reply(then, &reply);
        })
        .await;
    let page = client(&server)
        .list_files(
            &ListFilesQuery::default()
                .after("file-prev")
                .limit(10)
                .order("desc")
                .purpose("batch"),
        )
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(page.has_more, Some(true));
    let file = &page.data[0];
    assert_eq!(file.id.as_deref(), Some("1727162930-5b1a7c0f3e9a4d2c"));
    assert_eq!(file.bytes, Some(48213));
    assert_eq!(file.filename.as_deref(), Some("requests.jsonl"));
    assert_eq!(file.status, None);
}

#[tokio::test]
async fn delete_file_parses_result() {
    let server = MockServer::start_async().await;
    let reply = json!({"id": "file-42", "object": "file", "deleted": true});
    let mock = server
        .mock_async(|when, then| {
            authed(when).method(DELETE).path("/files/file-42");
            json_reply(then, &reply);
        })
        .await;
    let deleted = client(&server).delete_file("file-42").await.unwrap();
    mock.assert_async().await;
    assert_eq!(deleted.deleted, Some(true));
    assert_eq!(deleted.id.as_deref(), Some("file-42"));
}

#[tokio::test]
async fn retrieve_file_content_returns_exact_bytes() {
    let server = MockServer::start_async().await;
    let content = "{\"custom_id\":\"r1\",\"response\":{\"status_code\":200}}\n\u{0}\u{1}";
    let mock = server
        .mock_async(|when, then| {
            authed(when).method(GET).path("/files/file-out-7/content");
            then.status(200)
                .header("content-type", "application/octet-stream")
                .body(content);
        })
        .await;
    let body = client(&server)
        .retrieve_file_content("file-out-7")
        .await
        .unwrap();
    let bytes = collect_bytes(body).await;
    mock.assert_async().await;
    assert_eq!(bytes, content.as_bytes());
}

// ---------------------------------------------------------------- batches

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

#[tokio::test]
async fn create_batch_sends_exact_body() {
    let server = MockServer::start_async().await;
    let mock = post_json(
        &server,
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

#[tokio::test]
async fn retrieve_batch_parses_unknown_status_and_counts() {
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

#[tokio::test]
async fn list_batches_sends_cursor() {
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

#[tokio::test]
async fn cancel_batch_posts_without_body() {
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

// ---------------------------------------------------------------- moderations

#[tokio::test]
async fn create_moderation_parses_result_list() {
    let server = MockServer::start_async().await;
    let mock = post_json(
        &server,
        "/moderations",
        json!({
            "model": "moderation",
            "input": [
                {"type": "text", "text": "Buy cheap pills now"},
                {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}
            ]
        }),
        json!({
            "id": "mod-20260313-01",
            "request_id": "mod-20260313-01",
            "created": 1773370271,
            "result_list": [
                {"content_type": "text", "risk_level": "REVIEW", "risk_type": ["ad"]},
                {"content_type": "image", "risk_level": "PASS", "risk_type": []}
            ],
            "usage": {"moderation_text": {"call_count": 1}}
        }),
    )
    .await;
    let request = ModerationRequest::new(
        "moderation",
        ModerationInput::Array(vec![
            ModerationPart::Text {
                text: "Buy cheap pills now".into(),
            },
            ModerationPart::ImageUrl {
                image_url: MediaUrl::new("https://example.com/a.png"),
            },
        ]),
    );
    let response = client(&server).create_moderation(&request).await.unwrap();
    mock.assert_async().await;
    let results = &response.result_list;
    assert_eq!(results[0].risk_level, Some(RiskLevel::Review));
    assert_eq!(results[0].risk_type, Some(vec!["ad".to_owned()]));
    assert_eq!(results[1].content_type.as_deref(), Some("image"));
    let usage = response.usage.unwrap().moderation_text.unwrap();
    assert_eq!(usage.call_count, Some(1));
}

// ---------------------------------------------------------------- audio

fn speech_request() -> SpeechRequest {
    SpeechRequest::new("glm-tts", "Hello there")
        .voice("tongtong")
        .response_format(SpeechRequestResponseFormat::Wav)
        .speed(1.25)
}

#[tokio::test]
async fn create_speech_returns_audio_bytes() {
    let server = MockServer::start_async().await;
    let audio = "RIFF\u{24}\u{0}\u{0}\u{0}WAVEfmt data";
    let mock = server
        .mock_async(|when, then| {
            authed(when)
                .method(POST)
                .path("/audio/speech")
                .header("content-type", "application/json")
                .json_body(json!({
                    "model": "glm-tts",
                    "input": "Hello there",
                    "voice": "tongtong",
                    "response_format": "wav",
                    "speed": 1.25
                }));
            then.status(200)
                .header("content-type", "audio/wav")
                .body(audio);
        })
        .await;
    let body = client(&server)
        .create_speech(&speech_request())
        .await
        .unwrap();
    let bytes = collect_bytes(body).await;
    mock.assert_async().await;
    assert_eq!(bytes, audio.as_bytes());
}

#[tokio::test]
async fn create_speech_stream_yields_audio_chunks() {
    let server = MockServer::start_async().await;
    let events = concat!(
        "data: {\"choices\":[{\"delta\":{\"content\":\"UklGRg==\",\"role\":\"assistant\"},\"index\":0}],\"request_id\":\"tts-1\",\"created\":1773370271}\n\n",
        "data: {\"choices\":[{\"delta\":{\"content\":\"AAEC\",\"role\":\"assistant\"},\"index\":0}],\"request_id\":\"tts-1\",\"created\":1773370271}\n\n",
        "data: {\"choices\":[{\"delta\":{\"content\":\"\",\"role\":\"assistant\"},\"finish_reason\":\"stop\",\"index\":0}],\"request_id\":\"tts-1\",\"created\":1773370272}\n\n",
        "data: [DONE]\n\n"
    );
    let mock = sse_post(
        &server,
        "/audio/speech",
        json!({
            "model": "glm-tts",
            "input": "Hello there",
            "voice": "tongtong",
            "response_format": "wav",
            "encode_format": "base64",
            "speed": 1.25,
            "stream": true
        }),
        events,
    )
    .await;
    let request = speech_request().encode_format(SpeechRequestEncodeFormat::Base64);
    let stream = client(&server)
        .create_speech_stream(&request)
        .await
        .unwrap();
    let chunks = collect_events(stream).await;
    mock.assert_async().await;
    assert_eq!(chunks.len(), 3);
    let audio: Vec<_> = chunks
        .iter()
        .map(|c| {
            c.choices[0]
                .delta
                .as_ref()
                .unwrap()
                .content
                .clone()
                .unwrap()
        })
        .collect();
    assert_eq!(audio, ["UklGRg==", "AAEC", ""]);
    assert_eq!(
        chunks[0].choices[0].delta.as_ref().unwrap().role,
        Some(Role::Assistant)
    );
    assert_eq!(chunks[2].choices[0].finish_reason, Some(FinishReason::Stop));
    assert_eq!(chunks[2].request_id.as_deref(), Some("tts-1"));
}

#[tokio::test]
async fn create_speech_customization_sends_parts_and_returns_audio() {
    let server = MockServer::start_async().await;
    let audio = "RIFF-cloned-audio";
    let mock = post_multipart(
        &server,
        "/audio/customization",
        vec![
            text_part("model", "glm-tts"),
            text_part("input", "Good morning!"),
            text_part("voice_text", "This is my sample voice."),
            file_part("voice_data", "sample.wav", "audio/wav", "RIFF-sample"),
            text_part("response_format", "wav"),
            text_part("watermark_enabled", "true"),
        ],
        move |then| {
            then.status(200)
                .header("content-type", "audio/wav")
                .body(audio);
        },
    )
    .await;
    let request = SpeechCustomizationRequest::new(
        "glm-tts",
        "Good morning!",
        "This is my sample voice.",
        FilePart::new(&b"RIFF-sample"[..], "sample.wav", "audio/wav"),
    )
    .response_format("wav")
    .watermark_enabled(true);
    let body = client(&server)
        .create_speech_customization(&request)
        .await
        .unwrap();
    let bytes = collect_bytes(body).await;
    mock.assert_async().await;
    assert_eq!(bytes, audio.as_bytes());
}

// ---------------------------------------------------------------- voice

#[tokio::test]
async fn clone_voice_sends_exact_body() {
    let server = MockServer::start_async().await;
    let mock = post_json(
        &server,
        "/voice/clone",
        json!({
            "model": "glm-tts-clone",
            "voice_name": "narrator",
            "text": "This is my sample voice.",
            "input": "Nice to meet you.",
            "file_id": "file-voice-1",
            "request_id": "clone-0001"
        }),
        json!({"voice": "voice_clone_001", "file_id": "file-preview-9", "file_purpose": "voice-clone-output"}),
    )
    .await;
    let request = VoiceCloneRequest::new(
        "narrator",
        "This is my sample voice.",
        "Nice to meet you.",
        "file-voice-1",
        "glm-tts-clone",
    )
    .request_id("clone-0001");
    let response = client(&server).clone_voice(&request).await.unwrap();
    mock.assert_async().await;
    assert_eq!(response.voice.as_deref(), Some("voice_clone_001"));
    assert_eq!(response.file_id.as_deref(), Some("file-preview-9"));
    assert_eq!(response.file_purpose.as_deref(), Some("voice-clone-output"));
}

#[tokio::test]
async fn delete_voice_sends_exact_body() {
    let server = MockServer::start_async().await;
    let mock = post_json(
        &server,
        "/voice/delete",
        json!({"voice": "voice_clone_001"}),
        json!({"voice": "voice_clone_001", "update_time": "2026-03-13 12:00:00"}),
    )
    .await;
    let response = client(&server)
        .delete_voice(&VoiceDeleteRequest::new("voice_clone_001"))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(response.update_time.as_deref(), Some("2026-03-13 12:00:00"));
}

#[tokio::test]
async fn list_voices_uses_camel_case_query() {
    let server = MockServer::start_async().await;
    let reply = json!({"voice_list": [{
        "voice": "voice_clone_001",
        "voice_name": "narrator",
        "voice_type": "PRIVATE",
        "download_url": "https://example.com/v1.wav",
        "create_time": "2026-03-13 11:00:00"
    }]});
    let mock = server
        .mock_async(|when, then| {
            authed(when)
                .method(GET)
                .path("/voice/list")
                .query_param("voiceType", "PRIVATE")
                .query_param("voiceName", "narrator")
                .query_param_missing("voice_type")
                .query_param_missing("request_id");
            json_reply(then, &reply);
        })
        .await;
    let list = client(&server)
        .list_voices(
            &ListVoicesQuery::default()
                .voice_name("narrator")
                .voice_type("PRIVATE"),
        )
        .await
        .unwrap();
    mock.assert_async().await;
    let voice = &list.voice_list[0];
    assert_eq!(voice.voice_type.as_deref(), Some("PRIVATE"));
    assert_eq!(
        voice.download_url.as_deref(),
        Some("https://example.com/v1.wav")
    );
}

// ---------------------------------------------------------------- tools

fn tool_request() -> ToolCallRequest {
    ToolCallRequest::new(
        "web-search-pro",
        vec![ChatMessage::user("Latest Rust release")],
    )
    .recent_days(7)
}

#[tokio::test]
async fn create_tool_call_parses_search_blocks() {
    let server = MockServer::start_async().await;
    let mock = post_json(
        &server,
        "/tools",
        json!({
            "model": "web-search-pro",
            "messages": [{"role": "user", "content": "Latest Rust release"}],
            "recent_days": 7
        }),
        json!({
            "id": "tool-20260313",
            "created": 1773370271,
            "request_id": "tool-20260313",
            "choices": [{
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "tool", "tool_calls": [
                    {"id": "call_1", "type": "search_intent", "search_intent": [
                        {"index": 0, "query": "latest rust release", "intent": "SEARCH_ALL", "keywords": "rust release"}
                    ]},
                    {"id": "call_2", "type": "search_result", "search_result": [
                        {"index": 0, "title": "Rust 1.95.0", "link": "https://blog.rust-lang.org/", "content": "Released today.", "icon": null}
                    ]}
                ]}
            }]
        }),
    )
    .await;
    let response = client(&server)
        .create_tool_call(&tool_request())
        .await
        .unwrap();
    mock.assert_async().await;
    let choice = &response.choices[0];
    assert_eq!(choice.finish_reason, Some(FinishReason::Stop));
    let message = choice.message.as_ref().unwrap();
    assert_eq!(message.role, Some(Role::Tool));
    let calls = message.tool_calls.as_ref().unwrap();
    assert_eq!(
        calls[0].search_intent.as_ref().unwrap()[0]
            .intent
            .as_deref(),
        Some("SEARCH_ALL")
    );
    let result = &calls[1].search_result.as_ref().unwrap()[0];
    assert_eq!(result.title.as_deref(), Some("Rust 1.95.0"));
    assert_eq!(result.icon, None);
}

#[tokio::test]
async fn create_tool_call_stream_yields_chunks() {
    let server = MockServer::start_async().await;
    let events = concat!(
        "data: {\"id\":\"tool-s1\",\"created\":1773370271,\"choices\":[{\"index\":0,\"delta\":{\"role\":\"tool\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"search_intent\",\"search_intent\":[{\"index\":0,\"query\":\"rust\",\"intent\":\"SEARCH_ALL\",\"keywords\":\"rust\"}]}]}}]}\n\n",
        "data: {\"id\":\"tool-s1\",\"created\":1773370271,\"choices\":[{\"index\":0,\"delta\":{\"role\":\"tool\",\"tool_calls\":[{\"index\":1,\"id\":\"call_2\",\"type\":\"search_recommend\",\"search_recommend\":[{\"index\":0,\"query\":\"rust 2024 edition\"}]}]},\"finish_reason\":\"stop\"}]}\n\n",
        "data: [DONE]\n\n"
    );
    let mock = sse_post(
        &server,
        "/tools",
        json!({
            "model": "web-search-pro",
            "messages": [{"role": "user", "content": "Latest Rust release"}],
            "recent_days": 7,
            "stream": true
        }),
        events,
    )
    .await;
    let stream = client(&server)
        .create_tool_call_stream(&tool_request())
        .await
        .unwrap();
    let chunks = collect_events(stream).await;
    mock.assert_async().await;
    assert_eq!(chunks.len(), 2);
    let first = chunks[0].choices[0].delta.as_ref().unwrap();
    assert_eq!(
        first.tool_calls.as_ref().unwrap()[0].type_.as_deref(),
        Some("search_intent")
    );
    let second = &chunks[1].choices[0];
    assert_eq!(second.finish_reason, Some(FinishReason::Stop));
    let recommend = &second.delta.as_ref().unwrap().tool_calls.as_ref().unwrap()[0];
    assert_eq!(
        recommend.search_recommend.as_ref().unwrap()[0]
            .query
            .as_deref(),
        Some("rust 2024 edition")
    );
}

// ---------------------------------------------------------------- assistant

fn assistant_request() -> AssistantCompletionRequest {
    AssistantCompletionRequest::new(
        "659e54b1b8006379b4b2abd6",
        vec![AssistantConversationMessage::new(
            "user",
            vec![AssistantTextContent::new(
                AssistantTextContentType::Text,
                "Translate: good morning",
            )],
        )],
    )
    .model("glm-4-assistant")
    .conversation_id("conv-1")
    .attachments(vec![AssistantAttachment::new("file-att-1")])
    .extra_parameters(
        AssistantExtraParameters::default().translate(
            AssistantExtraParametersTranslate::default()
                .from_language("en")
                .to_language("zh"),
        ),
    )
}

fn assistant_body() -> Value {
    json!({
        "assistant_id": "659e54b1b8006379b4b2abd6",
        "model": "glm-4-assistant",
        "conversation_id": "conv-1",
        "messages": [{"role": "user", "content": [{"type": "text", "text": "Translate: good morning"}]}],
        "attachments": [{"file_id": "file-att-1"}],
        "extra_parameters": {"translate": {"from_language": "en", "to_language": "zh"}}
    })
}

#[tokio::test]
async fn create_assistant_completion_parses_reply() {
    let server = MockServer::start_async().await;
    let mock = post_json(
        &server,
        "/assistant",
        assistant_body(),
        json!({
            "id": "asst-20260313",
            "conversation_id": "conv-1",
            "assistant_id": "659e54b1b8006379b4b2abd6",
            "created": 1773370271,
            "status": "completed",
            "last_error": null,
            "choices": [{
                "index": 0,
                "delta": {"type": "content", "role": "assistant", "content": "早上好"},
                "finish_reason": "stop",
                "metadata": {}
            }],
            "metadata": null,
            "usage": {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15}
        }),
    )
    .await;
    let reply = client(&server)
        .create_assistant_completion(&assistant_request())
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(reply.status.as_deref(), Some("completed"));
    assert_eq!(reply.last_error, None);
    let delta = reply.choices[0].delta.as_ref().unwrap();
    assert_eq!(delta.type_.as_deref(), Some("content"));
    assert_eq!(delta.content.as_deref(), Some("早上好"));
    assert_eq!(reply.usage.unwrap().completion_tokens, Some(3));
}

#[tokio::test]
async fn create_assistant_completion_stream_yields_tool_and_text_chunks() {
    let server = MockServer::start_async().await;
    let events = concat!(
        "data: {\"id\":\"asst-s\",\"conversation_id\":\"conv-1\",\"assistant_id\":\"659e54b1b8006379b4b2abd6\",\"created\":1773370271,\"status\":\"in_progress\",\"choices\":[{\"index\":0,\"delta\":{\"type\":\"tool_calls\",\"role\":\"tool\",\"tool_calls\":[{\"type\":\"web_browser\",\"web_browser\":{\"input\":\"good morning chinese\",\"outputs\":[]}}]}}]}\n\n",
        "data: {\"id\":\"asst-s\",\"conversation_id\":\"conv-1\",\"assistant_id\":\"659e54b1b8006379b4b2abd6\",\"created\":1773370272,\"status\":\"completed\",\"choices\":[{\"index\":0,\"delta\":{\"type\":\"content\",\"role\":\"assistant\",\"content\":\"早上好\"},\"finish_reason\":\"stop\"}],\"usage\":{\"total_tokens\":15}}\n\n",
        "data: [DONE]\n\n"
    );
    let mut body = assistant_body();
    body["stream"] = json!(true);
    let mock = sse_post(&server, "/assistant", body, events).await;
    let stream = client(&server)
        .create_assistant_completion_stream(&assistant_request())
        .await
        .unwrap();
    let chunks = collect_events(stream).await;
    mock.assert_async().await;
    assert_eq!(chunks.len(), 2);
    let tool = &chunks[0].choices[0].delta.as_ref().unwrap();
    assert_eq!(tool.role, Some(Role::Tool));
    let call = &tool.tool_calls.as_ref().unwrap()[0];
    assert_eq!(call.type_.as_deref(), Some("web_browser"));
    assert_eq!(
        call.web_browser.as_ref().unwrap()["input"],
        "good morning chinese"
    );
    assert_eq!(chunks[1].status.as_deref(), Some("completed"));
    assert_eq!(chunks[1].choices[0].finish_reason, Some(FinishReason::Stop));
}

#[tokio::test]
async fn list_assistants_parses_data() {
    let server = MockServer::start_async().await;
    let mock = post_json(
        &server,
        "/assistant/list",
        json!({"assistant_id_list": ["659e54b1b8006379b4b2abd6"]}),
        json!({
            "code": 200,
            "msg": "success",
            "data": [{
                "assistant_id": "659e54b1b8006379b4b2abd6",
                "created_at": 1705000000,
                "updated_at": 1705100000,
                "name": "Translator",
                "avatar": "https://example.com/t.png",
                "description": "Translates text.",
                "status": "publish",
                "tools": ["web_browser"],
                "starter_prompts": ["Translate this"]
            }]
        }),
    )
    .await;
    let request = AssistantListRequest::default()
        .assistant_id_list(vec!["659e54b1b8006379b4b2abd6".to_owned()]);
    let list = client(&server).list_assistants(&request).await.unwrap();
    mock.assert_async().await;
    assert_eq!(list.code, Some(200));
    let info = &list.data[0];
    assert_eq!(info.name.as_deref(), Some("Translator"));
    assert_eq!(info.tools, Some(vec!["web_browser".to_owned()]));
    assert_eq!(info.updated_at, Some(1705100000));
}

#[tokio::test]
async fn list_assistant_conversations_parses_page() {
    let server = MockServer::start_async().await;
    let mock = post_json(
        &server,
        "/assistant/conversation/list",
        json!({"assistant_id": "659e54b1b8006379b4b2abd6", "page": 2, "page_size": 20}),
        json!({
            "code": 200,
            "msg": "success",
            "data": {
                "assistant_id": "659e54b1b8006379b4b2abd6",
                "has_more": false,
                "conversation_list": [{
                    "id": "conv-1",
                    "assistant_id": "659e54b1b8006379b4b2abd6",
                    "create_time": 1773370271,
                    "update_time": 1773370300,
                    "usage": {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15}
                }]
            }
        }),
    )
    .await;
    let request = AssistantConversationListRequest::new("659e54b1b8006379b4b2abd6")
        .page(2)
        .page_size(20);
    let page = client(&server)
        .list_assistant_conversations(&request)
        .await
        .unwrap();
    mock.assert_async().await;
    let data = page.data.unwrap();
    assert_eq!(data.has_more, Some(false));
    let conversation = &data.conversation_list[0];
    assert_eq!(conversation.update_time, Some(1773370300));
    assert_eq!(conversation.usage.as_ref().unwrap().total_tokens, Some(15));
}

// ---------------------------------------------------------------- file parser, OCR

fn parse_request(tool_type: &str) -> FileParseRequest {
    FileParseRequest::new(
        FilePart::new(&b"%PDF-1.7 tiny"[..], "report.pdf", "application/pdf"),
        "pdf",
        tool_type,
    )
}

#[tokio::test]
async fn create_file_parse_task_sends_parts() {
    let server = MockServer::start_async().await;
    let reply = json!({"task_id": "parse-task-1", "message": "success", "success": true});
    let mock = post_multipart(
        &server,
        "/files/parser/create",
        vec![
            file_part("file", "report.pdf", "application/pdf", "%PDF-1.7 tiny"),
            text_part("file_type", "pdf"),
            text_part("tool_type", "lite"),
        ],
        move |then| {
            json_reply(then, &reply);
        },
    )
    .await;
    let task = client(&server)
        .create_file_parse_task(&parse_request("lite"))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(task.task_id.as_deref(), Some("parse-task-1"));
    assert_eq!(task.success, Some(true));
}

#[tokio::test]
async fn retrieve_file_parse_result_returns_raw_body() {
    let server = MockServer::start_async().await;
    let raw = "{\"status\":\"succeeded\",\"content\":\"# Report\\nQ1 revenue grew.\"}";
    let mock = server
        .mock_async(|when, then| {
            authed(when)
                .method(GET)
                .path("/files/parser/result/parse-task-1/text");
            then.status(200)
                .header("content-type", "application/json")
                .body(raw);
        })
        .await;
    let body = client(&server)
        .retrieve_file_parse_result("parse-task-1", "text")
        .await
        .unwrap();
    let bytes = collect_bytes(body).await;
    mock.assert_async().await;
    assert_eq!(bytes, raw.as_bytes());
}

#[tokio::test]
async fn parse_file_sync_sends_parts_and_parses_content() {
    let server = MockServer::start_async().await;
    let reply = json!({
        "task_id": "parse-sync-1",
        "message": "success",
        "status": true,
        "content": "# Report\nQ1 revenue grew.",
        "parsing_result_url": "https://example.com/parse-sync-1.zip"
    });
    let mock = post_multipart(
        &server,
        "/files/parser/sync",
        vec![
            file_part("file", "report.pdf", "application/pdf", "%PDF-1.7 tiny"),
            text_part("file_type", "pdf"),
            text_part("tool_type", "prime-sync"),
        ],
        move |then| {
            json_reply(then, &reply);
        },
    )
    .await;
    let parsed = client(&server)
        .parse_file_sync(&parse_request("prime-sync"))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(parsed.status, Some(true));
    assert_eq!(
        parsed.content.as_deref(),
        Some("# Report\nQ1 revenue grew.")
    );
    assert_eq!(
        parsed.parsing_result_url.as_deref(),
        Some("https://example.com/parse-sync-1.zip")
    );
}

#[tokio::test]
async fn recognize_handwriting_sends_parts_and_parses_words() {
    let server = MockServer::start_async().await;
    let reply = json!({
        "task_id": "ocr-1",
        "message": "success",
        "status": "succeeded",
        "words_result_num": 1,
        "words_result": [{
            "words": "Dear diary",
            "location": {"left": 12, "top": 30, "width": 240, "height": 48},
            "probability": {"average": 0.97, "variance": 0.0004, "min": 0.91}
        }]
    });
    let mock = post_multipart(
        &server,
        "/files/ocr",
        vec![
            file_part("file", "note.png", "image/png", "PNG-bytes"),
            text_part("tool_type", "hand_write"),
            text_part("language_type", "CHN_ENG"),
            text_part("probability", "true"),
        ],
        move |then| {
            json_reply(then, &reply);
        },
    )
    .await;
    let request = HandwritingOcrRequest::new(
        FilePart::new(&b"PNG-bytes"[..], "note.png", "image/png"),
        "hand_write",
    )
    .language_type("CHN_ENG")
    .probability(true);
    let ocr = client(&server)
        .recognize_handwriting(&request)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(ocr.words_result_num, Some(1));
    let words = &ocr.words_result.as_ref().unwrap()[0];
    assert_eq!(words.words.as_deref(), Some("Dear diary"));
    assert_eq!(words.location.as_ref().unwrap().width, Some(240));
    assert_eq!(words.probability.as_ref().unwrap().min, Some(0.91));
}
