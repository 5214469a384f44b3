//! Contract tests for the operations documented on docs.z.ai (family A): exact
//! request method, path, headers and body, and typed parsing of realistic replies.

mod common;

use common::{KEY, client};
use futures_util::StreamExt;
use httpmock::{
    Method::{GET, POST},
    MockServer,
};
use serde_json::json;
use zai::FilePart;
use zai::types::{
    AgentAsyncResultRequest, AgentCompletionRequest, AgentContentPart, AgentConversationRequest,
    AgentConversationVariables, AgentInputContent, AgentInputMessage, AnthropicContentBlock,
    AnthropicContentDelta, AnthropicInputBlock, AnthropicInputContent, AnthropicInputMessage,
    AnthropicInputMessageRole, AnthropicMessageRequest, AnthropicStopReason, AnthropicStreamEvent,
    AnthropicSystem, AnthropicThinking, AnthropicThinkingType, AnthropicTool, AnthropicToolChoice,
    AsyncResult, ChatMessage, FileUploadRequest, ImageGenerationRequest, LayoutParsingRequest,
    ReaderRequest, TaskStatus, TokenizerRequest, TranscriptionEventType, TranscriptionRequest,
    VideoGenerationRequest, VideoImageInput, WebSearchRequest, WebSearchRequestSearchRecencyFilter,
};

const JSON: &str = "application/json; charset=UTF-8";
const SSE: &str = "text/event-stream;charset=UTF-8";

/// Mocks one JSON POST at `path` expecting exactly `body`, replying `reply`.
async fn json_post<'a>(
    server: &'a MockServer,
    path: &str,
    body: serde_json::Value,
    reply: serde_json::Value,
) -> httpmock::Mock<'a> {
    server
        .mock_async(|when, then| {
            when.method(POST)
                .path(path)
                .header("authorization", format!("Bearer {KEY}"))
                .header("content-type", "application/json")
                .json_body(body);
            then.status(200)
                .header("content-type", JSON)
                .body(reply.to_string());
        })
        .await
}

/// Mocks one streaming JSON POST at `path` expecting exactly `body` (with
/// `"stream": true`), replying with the SSE text `events`.
async fn sse_post<'a>(
    server: &'a MockServer,
    path: &str,
    body: serde_json::Value,
    events: &str,
) -> httpmock::Mock<'a> {
    server
        .mock_async(|when, then| {
            when.method(POST)
                .path(path)
                .header("authorization", format!("Bearer {KEY}"))
                .header("content-type", "application/json")
                .header("accept", "text/event-stream")
                .json_body(body);
            then.status(200).header("content-type", SSE).body(events);
        })
        .await
}

/// `Content-Disposition` of a text part, as reqwest writes it, with its value.
fn text_part(name: &str, value: &str) -> String {
    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
}

#[tokio::test]
async fn create_video_generation() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        "/videos/generations",
        json!({
            "model": "cogvideox-3",
            "prompt": "A red fox running through fresh snow, slow motion.",
            "image_url": ["https://cdn.example.com/first.png", "https://cdn.example.com/last.png"],
            "quality": "quality",
            "with_audio": true,
            "size": "1920x1080",
            "fps": 60,
            "duration": 10,
            "request_id": "vid-req-000123"
        }),
        json!({
            "model": "cogvideox-3",
            "id": "1029384756-7261839201",
            "request_id": "vid-req-000123",
            "task_status": "PROCESSING"
        }),
    )
    .await;
    let request = VideoGenerationRequest::new("cogvideox-3")
        .prompt("A red fox running through fresh snow, slow motion.")
        .image_url(VideoImageInput::from(vec![
            "https://cdn.example.com/first.png".to_owned(),
            "https://cdn.example.com/last.png".to_owned(),
        ]))
        .quality("quality")
        .with_audio(true)
        .size("1920x1080")
        .fps(60)
        .duration(10)
        .request_id("vid-req-000123");
    let task = client(&server)
        .create_video_generation(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(task.id.as_deref(), Some("1029384756-7261839201"));
    assert_eq!(task.model.as_deref(), Some("cogvideox-3"));
    assert_eq!(task.request_id.as_deref(), Some("vid-req-000123"));
    assert_eq!(task.task_status, Some(TaskStatus::Processing));
}

#[tokio::test]
async fn retrieve_async_result() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/async-result/1029384756-7261839201")
                .header("authorization", format!("Bearer {KEY}"));
            then.status(200).header("content-type", JSON).body(
                json!({
                    "model": "cogvideox-3",
                    "request_id": "vid-req-000123",
                    "task_status": "SUCCESS",
                    "video_result": [{
                        "url": "https://aigc-files.z.ai/video/fox.mp4",
                        "cover_image_url": "https://aigc-files.z.ai/video/fox.jpg"
                    }],
                    "optimized_prompt": null
                })
                .to_string(),
            );
        })
        .await;
    let result = client(&server)
        .retrieve_async_result("1029384756-7261839201")
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(result.task_status, Some(TaskStatus::Success));
    let video = &result.video_result.as_ref().unwrap()[0];
    assert_eq!(
        video.url.as_deref(),
        Some("https://aigc-files.z.ai/video/fox.mp4")
    );
    assert_eq!(
        video.cover_image_url.as_deref(),
        Some("https://aigc-files.z.ai/video/fox.jpg")
    );
    assert!(result.image_result.is_none());

    // A running task carries nothing but its status; a new status stays readable.
    let running: AsyncResult = serde_json::from_str(r#"{"task_status":"PROCESSING"}"#).unwrap();
    assert_eq!(running.task_status, Some(TaskStatus::Processing));
    assert!(running.video_result.is_none());
    let queued: AsyncResult =
        serde_json::from_str(r#"{"task_status":"QUEUED","image_result":[{"url":"u"}]}"#).unwrap();
    assert_eq!(
        queued.task_status,
        Some(TaskStatus::Unknown("QUEUED".into()))
    );
}

#[tokio::test]
async fn create_image() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        "/images/generations",
        json!({
            "model": "cogview-4-250304",
            "prompt": "An isometric pixel-art coffee shop.",
            "quality": "standard",
            "size": "1024x1024",
            "user_id": "user-778899"
        }),
        json!({
            "created": 1773351000,
            "data": [{"url": "https://aigc-files.z.ai/image/coffee.png"}],
            "content_filter": [{"role": "assistant", "level": 3}]
        }),
    )
    .await;
    let request =
        ImageGenerationRequest::new("cogview-4-250304", "An isometric pixel-art coffee shop.")
            .quality("standard")
            .size("1024x1024")
            .user_id("user-778899");
    let image = client(&server)
        .create_image(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(image.created, Some(1773351000));
    assert_eq!(
        image.data[0].url.as_deref(),
        Some("https://aigc-files.z.ai/image/coffee.png")
    );
    let filter = &image.content_filter.as_ref().unwrap()[0];
    assert_eq!(
        (filter.role.as_deref(), filter.level),
        (Some("assistant"), Some(3))
    );
}

#[tokio::test]
async fn create_image_async() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        "/async/images/generations",
        json!({"model": "glm-image", "prompt": "A paper boat on a puddle.", "quality": "hd"}),
        json!({
            "model": "glm-image",
            "id": "5566778899-1122334455",
            "request_id": "5566778899-1122334455",
            "task_status": "PROCESSING"
        }),
    )
    .await;
    let request =
        ImageGenerationRequest::new("glm-image", "A paper boat on a puddle.").quality("hd");
    let task = client(&server)
        .create_image_async(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(task.id.as_deref(), Some("5566778899-1122334455"));
    assert_eq!(task.task_status, Some(TaskStatus::Processing));
}

const WAV: &[u8] = b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00";

fn transcription_request() -> TranscriptionRequest {
    TranscriptionRequest::new("glm-asr-2512")
        .file(FilePart::new(WAV, "a.wav", "audio/wav"))
        .prompt("Earlier: a talk about Rust.")
        .hotwords(vec!["Tokio".to_owned(), "GLM".to_owned()])
        .request_id("asr-req-000042")
}

#[tokio::test]
async fn create_transcription() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/audio/transcriptions")
                .header("authorization", format!("Bearer {KEY}"))
                .header_prefix("content-type", "multipart/form-data; boundary=")
                .body_includes(format!(
                    "Content-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\
                     Content-Type: audio/wav\r\n\r\n{}\r\n",
                    std::str::from_utf8(WAV).unwrap()
                ))
                .body_includes(text_part("model", "glm-asr-2512"))
                .body_includes(text_part("prompt", "Earlier: a talk about Rust."))
                .body_includes(text_part("hotwords", "Tokio"))
                .body_includes(text_part("hotwords", "GLM"))
                .body_includes(text_part("request_id", "asr-req-000042"))
                .body_excludes("name=\"stream\"")
                .body_excludes("name=\"file_base64\"");
            then.status(200).header("content-type", JSON).body(
                json!({
                    "id": "202603131200001a2b3c4d5e6f7a8b",
                    "created": 1773353600,
                    "request_id": "asr-req-000042",
                    "model": "glm-asr-2512",
                    "text": "Tokio runs the futures; GLM writes the docs."
                })
                .to_string(),
            );
        })
        .await;
    let transcript = client(&server)
        .create_transcription(&transcription_request())
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(
        transcript.text.as_deref(),
        Some("Tokio runs the futures; GLM writes the docs.")
    );
    assert_eq!(transcript.request_id.as_deref(), Some("asr-req-000042"));
    assert_eq!(transcript.created, Some(1773353600));
    assert!(transcript.segments.is_none());
}

#[tokio::test]
async fn create_transcription_stream() {
    let server = MockServer::start_async().await;
    let events = [
        json!({"id": "asr-1", "created": 1773353600, "model": "glm-asr-2512",
               "type": "transcript.text.delta", "delta": "Tokio runs"}),
        json!({"id": "asr-1", "created": 1773353600, "model": "glm-asr-2512",
               "type": "transcript.text.delta", "delta": " the futures."}),
        json!({"id": "asr-1", "created": 1773353601, "model": "glm-asr-2512",
               "type": "transcript.text.done", "delta": ""}),
    ]
    .iter()
    .map(|e| format!("data: {e}\n\n"))
    .collect::<String>()
        + "data: [DONE]\n\n";
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/audio/transcriptions")
                .header("authorization", format!("Bearer {KEY}"))
                .header_prefix("content-type", "multipart/form-data; boundary=")
                .body_includes(text_part("stream", "true"))
                .body_includes(text_part("model", "glm-asr-2512"))
                .body_includes(
                    "Content-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\
                     Content-Type: audio/wav\r\n\r\nRIFF",
                );
            then.status(200).header("content-type", SSE).body(events);
        })
        .await;
    let stream = client(&server)
        .create_transcription_stream(&transcription_request())
        .await
        .expect("stream opens");
    let chunks: Vec<_> = stream.collect().await;
    mock.assert_async().await;
    let chunks: Vec<_> = chunks.into_iter().map(|c| c.expect("chunk")).collect();
    assert_eq!(chunks.len(), 3);
    let text: String = chunks.iter().filter_map(|c| c.delta.as_deref()).collect();
    assert_eq!(text, "Tokio runs the futures.");
    assert_eq!(
        chunks[0].type_,
        Some(TranscriptionEventType::TranscriptTextDelta)
    );
    assert_eq!(
        chunks[2].type_,
        Some(TranscriptionEventType::TranscriptTextDone)
    );
}

#[tokio::test]
async fn tokenize() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        "/tokenizer",
        json!({
            "model": "glm-4.6",
            "messages": [
                {"role": "system", "content": "Answer in French."},
                {"role": "user", "content": "What is a borrow checker?"}
            ],
            "request_id": "tok-req-000007"
        }),
        json!({
            "id": "20260313121500aabbccddeeff0011",
            "created": 1773354900,
            "request_id": "tok-req-000007",
            "usage": {"prompt_tokens": 17, "image_tokens": 0, "video_tokens": 0, "total_tokens": 17}
        }),
    )
    .await;
    let request = TokenizerRequest::new(
        "glm-4.6",
        vec![
            ChatMessage::system("Answer in French."),
            ChatMessage::user("What is a borrow checker?"),
        ],
    )
    .request_id("tok-req-000007");
    let counted = client(&server)
        .tokenize(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(
        counted.id.as_deref(),
        Some("20260313121500aabbccddeeff0011")
    );
    let usage = counted.usage.unwrap();
    assert_eq!(
        (usage.prompt_tokens, usage.image_tokens, usage.total_tokens),
        (Some(17), Some(0), Some(17))
    );
}

#[tokio::test]
async fn parse_layout() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        "/layout_parsing",
        json!({
            "model": "glm-ocr",
            "file": "https://cdn.example.com/receipt.png",
            "need_layout_visualization": false,
            "start_page_id": 1,
            "end_page_id": 1
        }),
        json!({
            "id": "20260313122000ocr0000000000001",
            "created": 1773355200,
            "model": "glm-ocr",
            "request_id": "20260313122000ocr0000000000001",
            "md_results": "| Item | Price |\n|---|---|\n| Tea | 3.50 |",
            "layout_details": [[
                {"index": 0, "label": "table", "bbox_2d": [0.08, 0.21, 0.92, 0.48],
                 "content": "| Item | Price |", "width": 800, "height": 1200}
            ]],
            "layout_visualization": [],
            "data_info": {"num_pages": 1, "pages": [{"width": 800, "height": 1200}]},
            "usage": {"prompt_tokens": 980, "completion_tokens": 24, "total_tokens": 1004,
                      "prompt_tokens_details": {"cached_tokens": 0}}
        }),
    )
    .await;
    let request = LayoutParsingRequest::new("glm-ocr", "https://cdn.example.com/receipt.png")
        .need_layout_visualization(false)
        .start_page_id(1)
        .end_page_id(1);
    let parsed = client(&server)
        .parse_layout(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(
        parsed.md_results.as_deref(),
        Some("| Item | Price |\n|---|---|\n| Tea | 3.50 |")
    );
    let block = &parsed.layout_details.as_ref().unwrap()[0][0];
    assert_eq!(block.label.as_deref(), Some("table"));
    assert_eq!(block.bbox_2d, Some(json!([0.08, 0.21, 0.92, 0.48])));
    let info = parsed.data_info.unwrap();
    assert_eq!(info.num_pages, Some(1));
    assert_eq!(info.pages[0].width, Some(800));
    assert_eq!(parsed.usage.unwrap().total_tokens, Some(1004));
}

#[tokio::test]
async fn web_search() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        "/web_search",
        json!({
            "search_engine": "search-prime",
            "search_query": "tokio 1.0 release",
            "count": 3,
            "search_domain_filter": "tokio.rs",
            "search_recency_filter": "noLimit"
        }),
        json!({
            "id": "20260313123000ws00000000000001",
            "created": 1773355800,
            "request_id": "20260313123000ws00000000000001",
            "search_intent": [{"query": "tokio 1.0 release", "intent": "SEARCH_ALWAYS",
                               "keywords": "tokio 1.0"}],
            "search_result": [{
                "title": "Announcing Tokio 1.0",
                "content": "We are pleased to announce the 1.0 release of Tokio.",
                "link": "https://tokio.rs/blog/2020-12-tokio-1-0",
                "media": "Tokio",
                "icon": "https://tokio.rs/favicon.ico",
                "refer": "ref_1",
                "publish_date": "2020-12-23"
            }]
        }),
    )
    .await;
    let request = WebSearchRequest::new("search-prime", "tokio 1.0 release")
        .count(3)
        .search_domain_filter("tokio.rs")
        .search_recency_filter(WebSearchRequestSearchRecencyFilter::NoLimit);
    let found = client(&server)
        .web_search(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    let result = &found.search_result.as_ref().unwrap()[0];
    assert_eq!(result.title.as_deref(), Some("Announcing Tokio 1.0"));
    assert_eq!(
        result.link.as_deref(),
        Some("https://tokio.rs/blog/2020-12-tokio-1-0")
    );
    assert_eq!(result.publish_date.as_deref(), Some("2020-12-23"));
    assert_eq!(
        found.search_intent.unwrap()[0].intent.as_deref(),
        Some("SEARCH_ALWAYS")
    );
}

#[tokio::test]
async fn read_web_page() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        "/reader",
        json!({
            "url": "https://doc.rust-lang.org/book/",
            "timeout": 30,
            "no_cache": true,
            "return_format": "text",
            "retain_images": false
        }),
        json!({
            "id": "20260313124000rd00000000000001",
            "created": 1773356400,
            "request_id": "20260313124000rd00000000000001",
            "model": "reader",
            "reader_result": {
                "title": "The Rust Programming Language",
                "url": "https://doc.rust-lang.org/book/",
                "description": "The Rust book",
                "content": "The Rust Programming Language by Steve Klabnik and Carol Nichols",
                "publishedTime": null,
                "metadata": {"viewport": "width=device-width, initial-scale=1.0"},
                "external": {"stylesheet": {"https://doc.rust-lang.org/book/css/general.css": {"type": "text/css"}}}
            }
        }),
    )
    .await;
    let request = ReaderRequest::new("https://doc.rust-lang.org/book/")
        .timeout(30)
        .no_cache(true)
        .return_format("text")
        .retain_images(false);
    let page = client(&server)
        .read_web_page(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    let result = page.reader_result.unwrap();
    assert_eq!(
        result.title.as_deref(),
        Some("The Rust Programming Language")
    );
    assert_eq!(
        result.content.as_deref(),
        Some("The Rust Programming Language by Steve Klabnik and Carol Nichols")
    );
    assert_eq!(
        result.metadata.unwrap()["viewport"],
        json!("width=device-width, initial-scale=1.0")
    );
    assert!(result.published_time.is_none());
}

#[tokio::test]
async fn upload_file() {
    let server = MockServer::start_async().await;
    let glossary = "Rust\tRust\nborrow checker\t借用检查器\n";
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/files")
                .header("authorization", format!("Bearer {KEY}"))
                .header_prefix("content-type", "multipart/form-data; boundary=")
                .body_includes(format!(
                    "Content-Disposition: form-data; name=\"file\"; filename=\"glossary.txt\"\r\n\
                     Content-Type: text/plain\r\n\r\n{glossary}\r\n"
                ))
                .body_includes(text_part("purpose", "agent"));
            then.status(200).header("content-type", JSON).body(
                json!({
                    "id": "file-1773357000-4f2a",
                    "object": "file",
                    "bytes": glossary.len(),
                    "filename": "glossary.txt",
                    "purpose": "agent",
                    "created_at": 1773357000
                })
                .to_string(),
            );
        })
        .await;
    let request = FileUploadRequest::new(
        FilePart::new(glossary.as_bytes().to_vec(), "glossary.txt", "text/plain"),
        "agent",
    );
    let file = client(&server)
        .upload_file(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(file.id.as_deref(), Some("file-1773357000-4f2a"));
    assert_eq!(file.bytes, Some(glossary.len() as i64));
    assert_eq!(file.filename.as_deref(), Some("glossary.txt"));
    assert_eq!(file.purpose.as_deref(), Some("agent"));
    assert_eq!(file.created_at, Some(1773357000));
    assert!(file.status.is_none());
}

fn translation_request() -> AgentCompletionRequest {
    let vars = json!({"source_lang": "en", "target_lang": "zh-CN", "strategy": "general"});
    AgentCompletionRequest::new(
        "general_translation",
        vec![AgentInputMessage::new(
            "user",
            AgentInputContent::from(vec![AgentContentPart::Text {
                text: "Ownership is Rust's most unique feature.".into(),
            }]),
        )],
    )
    .custom_variables(vars.as_object().unwrap().clone())
}

fn translation_body() -> serde_json::Value {
    json!({
        "agent_id": "general_translation",
        "messages": [{"role": "user", "content": [
            {"type": "text", "text": "Ownership is Rust's most unique feature."}
        ]}],
        "custom_variables": {"source_lang": "en", "target_lang": "zh-CN", "strategy": "general"}
    })
}

#[tokio::test]
async fn create_agent_completion() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        "/v1/agents",
        translation_body(),
        json!({
            "id": "agt-20260313125000-01",
            "agent_id": "general_translation",
            "status": "success",
            "choices": [{
                "index": 0,
                "finish_reason": "stop",
                "messages": [{"role": "assistant",
                              "content": {"type": "text", "text": "所有权是 Rust 最独特的特性。"}}]
            }],
            "usage": {"prompt_tokens": 31, "completion_tokens": 12, "total_tokens": 43, "total_calls": 1}
        }),
    )
    .await;
    let answer = client(&server)
        .create_agent_completion(&translation_request())
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(answer.agent_id.as_deref(), Some("general_translation"));
    assert_eq!(answer.status.as_deref(), Some("success"));
    let choice = &answer.choices.as_ref().unwrap()[0];
    assert_eq!(choice.finish_reason.as_deref(), Some("stop"));
    assert_eq!(
        choice.messages.as_ref().unwrap()[0]["content"]["text"],
        json!("所有权是 Rust 最独特的特性。")
    );
    let usage = answer.usage.unwrap();
    assert_eq!((usage.total_tokens, usage.total_calls), (Some(43), Some(1)));
}

#[tokio::test]
async fn create_agent_completion_stream() {
    let server = MockServer::start_async().await;
    let mut body = translation_body();
    body["stream"] = json!(true);
    let events = [
        json!({"id": "agt-1", "agent_id": "general_translation",
               "choices": [{"index": 0, "delta": {"role": "assistant", "content": "所有权是"}}]}),
        json!({"id": "agt-1", "agent_id": "general_translation",
               "choices": [{"index": 0, "delta": {"role": "assistant", "content": " Rust 最独特的特性。"}}]}),
        json!({"id": "agt-1", "agent_id": "general_translation",
               "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": "stop"}],
               "usage": {"prompt_tokens": 31, "completion_tokens": 12, "total_tokens": 43}}),
    ]
    .iter()
    .map(|e| format!("data: {e}\n\n"))
    .collect::<String>()
        + "data: [DONE]\n\n";
    let mock = sse_post(&server, "/v1/agents", body, &events).await;
    let stream = client(&server)
        .create_agent_completion_stream(&translation_request())
        .await
        .expect("stream opens");
    let chunks: Vec<_> = stream.collect().await;
    mock.assert_async().await;
    let chunks: Vec<_> = chunks.into_iter().map(|c| c.expect("chunk")).collect();
    assert_eq!(chunks.len(), 3);
    let text: String = chunks
        .iter()
        .filter_map(|c| c.choices[0].delta.as_ref()?.content.as_ref()?.as_str())
        .collect();
    assert_eq!(text, "所有权是 Rust 最独特的特性。");
    assert_eq!(chunks[2].choices[0].finish_reason.as_deref(), Some("stop"));
    assert_eq!(chunks[2].usage.as_ref().unwrap().total_tokens, Some(43));
}

#[tokio::test]
async fn retrieve_agent_async_result() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        "/v1/agents/async-result",
        json!({"agent_id": "vidu_template_agent", "async_id": "agt-async-20260313-99"}),
        json!({
            "status": "success",
            "agent_id": "vidu_template_agent",
            "async_id": "agt-async-20260313-99",
            "choices": [{
                "index": 0,
                "finish_reason": "stop",
                "message": [{"role": "assistant", "content": [
                    {"type": "video_url", "video_url": "https://aigc-files.z.ai/agent/bodyshake.mp4"}
                ]}]
            }]
        }),
    )
    .await;
    let request = AgentAsyncResultRequest::new("vidu_template_agent", "agt-async-20260313-99");
    let result = client(&server)
        .retrieve_agent_async_result(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(result.status.as_deref(), Some("success"));
    let content = &result.choices.as_ref().unwrap()[0]
        .message
        .as_ref()
        .unwrap()[0]
        .content[0];
    assert_eq!(content.type_.as_deref(), Some("video_url"));
    assert_eq!(
        content.video_url.as_deref(),
        Some("https://aigc-files.z.ai/agent/bodyshake.mp4")
    );
}

#[tokio::test]
async fn retrieve_agent_conversation() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        "/v1/agents/conversation",
        json!({
            "agent_id": "slides_glm_agent",
            "conversation_id": "conv-8d1e7c",
            "custom_variables": {"include_pdf": true}
        }),
        json!({
            "conversation_id": "conv-8d1e7c",
            "agent_id": "slides_glm_agent",
            "choices": [{"message": [{"role": "assistant", "content": [
                {"type": "file_url", "tag_cn": "PDF文件", "tag_en": "PDF file",
                 "file_url": "https://aigc-files.z.ai/slides/conv-8d1e7c.pdf"},
                {"type": "image_url", "tag_cn": "封面", "tag_en": "Cover",
                 "image_url": "https://aigc-files.z.ai/slides/conv-8d1e7c-1.png"}
            ]}]}]
        }),
    )
    .await;
    let request = AgentConversationRequest::new("slides_glm_agent", "conv-8d1e7c")
        .custom_variables(AgentConversationVariables::default().include_pdf(true));
    let conversation = client(&server)
        .retrieve_agent_conversation(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(conversation.conversation_id.as_deref(), Some("conv-8d1e7c"));
    let content = &conversation.choices.as_ref().unwrap()[0]
        .message
        .as_ref()
        .unwrap()[0]
        .content;
    assert_eq!(
        content[0].file_url.as_deref(),
        Some("https://aigc-files.z.ai/slides/conv-8d1e7c.pdf")
    );
    assert_eq!(content[1].tag_en.as_deref(), Some("Cover"));
}

fn anthropic_request() -> AnthropicMessageRequest {
    let schema = json!({"type": "object", "properties": {"crate": {"type": "string"}}});
    AnthropicMessageRequest::new(
        "glm-4.7",
        1024,
        vec![
            AnthropicInputMessage::new(
                AnthropicInputMessageRole::User,
                AnthropicInputContent::String("Latest version of serde?".into()),
            ),
            AnthropicInputMessage::new(
                AnthropicInputMessageRole::Assistant,
                AnthropicInputContent::from(vec![AnthropicInputBlock::ToolUse {
                    id: "toolu_01".into(),
                    name: "crate_version".into(),
                    input: json!({"crate": "serde"}).as_object().unwrap().clone(),
                }]),
            ),
            AnthropicInputMessage::new(
                AnthropicInputMessageRole::User,
                AnthropicInputContent::from(vec![AnthropicInputBlock::ToolResult {
                    tool_use_id: "toolu_01".into(),
                    content: Some(zai::types::AnthropicToolResultContent::String(
                        "1.0.228".into(),
                    )),
                    is_error: None,
                }]),
            ),
        ],
    )
    .system(AnthropicSystem::String(
        "You answer about Rust crates.".into(),
    ))
    .temperature(0.2)
    .stop_sequences(vec!["\n\nHuman:".to_owned()])
    .tools(vec![AnthropicTool::new(
        "crate_version",
        schema.as_object().unwrap().clone(),
    )])
    .tool_choice(AnthropicToolChoice::Auto {
        disable_parallel_tool_use: None,
    })
    .thinking(AnthropicThinking::new(AnthropicThinkingType::Enabled).budget_tokens(2048))
}

fn anthropic_body() -> serde_json::Value {
    json!({
        "model": "glm-4.7",
        "max_tokens": 1024,
        "messages": [
            {"role": "user", "content": "Latest version of serde?"},
            {"role": "assistant", "content": [
                {"type": "tool_use", "id": "toolu_01", "name": "crate_version", "input": {"crate": "serde"}}
            ]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "toolu_01", "content": "1.0.228"}
            ]}
        ],
        "system": "You answer about Rust crates.",
        "temperature": 0.2,
        "stop_sequences": ["\n\nHuman:"],
        "tools": [{"name": "crate_version",
                   "input_schema": {"type": "object", "properties": {"crate": {"type": "string"}}}}],
        "tool_choice": {"type": "auto"},
        "thinking": {"type": "enabled", "budget_tokens": 2048}
    })
}

#[tokio::test]
async fn create_message() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        "/anthropic/v1/messages",
        anthropic_body(),
        json!({
            "id": "msg_202603131300001a2b3c",
            "type": "message",
            "role": "assistant",
            "model": "glm-4.7",
            "content": [
                {"type": "thinking", "thinking": "The tool said 1.0.228.", "signature": "sig-abc"},
                {"type": "text", "text": "The latest serde is 1.0.228."}
            ],
            "stop_reason": "end_turn",
            "stop_sequence": null,
            "usage": {"input_tokens": 96, "output_tokens": 21, "cache_read_input_tokens": 0}
        }),
    )
    .await;
    let message = client(&server)
        .create_message(&anthropic_request())
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(message.id.as_deref(), Some("msg_202603131300001a2b3c"));
    assert_eq!(message.stop_reason, Some(AnthropicStopReason::EndTurn));
    assert_eq!(message.stop_sequence, None);
    assert_eq!(
        message.content,
        vec![
            AnthropicContentBlock::Thinking {
                thinking: "The tool said 1.0.228.".into(),
                signature: Some("sig-abc".into()),
            },
            AnthropicContentBlock::Text {
                text: "The latest serde is 1.0.228.".into()
            },
        ]
    );
    let usage = message.usage.unwrap();
    assert_eq!(
        (usage.input_tokens, usage.output_tokens),
        (Some(96), Some(21))
    );
}

#[tokio::test]
async fn create_message_stream() {
    let server = MockServer::start_async().await;
    let mut body = anthropic_body();
    body["stream"] = json!(true);
    let events = [
        (
            "message_start",
            json!({"type": "message_start", "message": {
            "id": "msg_202603131301", "type": "message", "role": "assistant", "model": "glm-4.7",
            "content": [], "stop_reason": null, "stop_sequence": null,
            "usage": {"input_tokens": 96, "output_tokens": 0}}}),
        ),
        (
            "content_block_start",
            json!({"type": "content_block_start", "index": 0,
            "content_block": {"type": "text", "text": ""}}),
        ),
        ("ping", json!({"type": "ping"})),
        (
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0,
            "delta": {"type": "text_delta", "text": "The latest serde"}}),
        ),
        (
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0,
            "delta": {"type": "text_delta", "text": " is 1.0.228."}}),
        ),
        (
            "content_block_stop",
            json!({"type": "content_block_stop", "index": 0}),
        ),
        (
            "message_delta",
            json!({"type": "message_delta",
            "delta": {"stop_reason": "end_turn", "stop_sequence": null},
            "usage": {"output_tokens": 9}}),
        ),
        ("message_stop", json!({"type": "message_stop"})),
    ]
    .iter()
    .map(|(name, data)| format!("event: {name}\ndata: {data}\n\n"))
    .collect::<String>();
    let mock = sse_post(&server, "/anthropic/v1/messages", body, &events).await;
    let stream = client(&server)
        .create_message_stream(&anthropic_request())
        .await
        .expect("stream opens");
    let chunks: Vec<_> = stream.collect().await;
    mock.assert_async().await;
    let chunks: Vec<_> = chunks.into_iter().map(|c| c.expect("chunk")).collect();
    assert_eq!(chunks.len(), 8);
    let AnthropicStreamEvent::MessageStart { message } = &chunks[0] else {
        panic!("first event is message_start: {:?}", chunks[0]);
    };
    assert_eq!(message.id.as_deref(), Some("msg_202603131301"));
    assert_eq!(message.stop_reason, None);
    assert_eq!(chunks[2], AnthropicStreamEvent::Ping);
    let text: String = chunks
        .iter()
        .filter_map(|c| match c {
            AnthropicStreamEvent::ContentBlockDelta {
                delta: AnthropicContentDelta::TextDelta { text },
                ..
            } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(text, "The latest serde is 1.0.228.");
    let AnthropicStreamEvent::MessageDelta { delta, usage } = &chunks[6] else {
        panic!("message_delta expected: {:?}", chunks[6]);
    };
    assert_eq!(delta.stop_reason, Some(AnthropicStopReason::EndTurn));
    assert_eq!(usage.as_ref().unwrap().output_tokens, Some(9));
    assert_eq!(chunks[7], AnthropicStreamEvent::MessageStop);
}
