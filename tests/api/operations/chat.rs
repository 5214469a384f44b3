//! Contract tests for `POST /chat/completions` (and its queued form,
//! `POST /async/chat/completions`): exact request bytes, headers, and every response
//! quirk seen on the wire.

use crate::support::{KEY, authed, client, fixture, json_post};
use httpmock::{Method::POST, MockServer};
use serde_json::json;
use zai::types::{
    ChatCompletionRequest, ChatMessage, ChatThinking, ChatThinkingType, ChatTool, ContentPart,
    FinishReason, ReasoningEffort, ResponseFormat, ResponseFormatType, Role, TaskStatus, ToolType,
};

async fn round_trip(
    request: &ChatCompletionRequest,
    expected_body: serde_json::Value,
    reply: &str,
) -> zai::types::ChatCompletionResponse {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/chat/completions")
                .header("authorization", format!("Bearer {KEY}"))
                .header("content-type", "application/json")
                .header_missing("api-version")
                .json_body(expected_body);
            then.status(200)
                .header("content-type", "application/json; charset=UTF-8")
                .body(reply);
        })
        .await;
    let response = client(&server)
        .create_chat_completion(request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    response
}

/// Plain text request is exact and reasoning parses.
#[tokio::test]
async fn create_chat_completion() {
    let request = ChatCompletionRequest::new(
        "glm-4.5",
        vec![
            ChatMessage::system("Be brief."),
            ChatMessage::user("How does Rust free memory?"),
        ],
    )
    .temperature(0.6)
    .max_tokens(512)
    .stop(vec!["END".to_owned()]);
    let response = round_trip(
        &request,
        json!({
            "model": "glm-4.5",
            "messages": [
                {"role": "system", "content": "Be brief."},
                {"role": "user", "content": "How does Rust free memory?"}
            ],
            "temperature": 0.6,
            "max_tokens": 512,
            "stop": ["END"]
        }),
        &fixture("chat_reasoning_no_object.json"),
    )
    .await;
    assert_eq!(response.object, None, "2025 responses carry no `object`");
    assert_eq!(
        response.request_id.as_deref(),
        Some("20251009120545a1b2c3d4e5f60718")
    );
    let choice = &response.choices[0];
    assert_eq!(choice.finish_reason, Some(FinishReason::Stop));
    let message = choice.message.as_ref().unwrap();
    assert_eq!(message.role, Some(Role::Assistant));
    assert_eq!(
        message.reasoning_content.as_deref(),
        Some("\nThe user asks about Rust memory. Explain ownership briefly.")
    );
    let usage = response.usage.as_ref().unwrap();
    assert_eq!(
        (usage.prompt_tokens, usage.total_tokens),
        (Some(18), Some(59))
    );
    assert_eq!(
        usage.prompt_tokens_details.as_ref().unwrap().cached_tokens,
        Some(0)
    );
    assert!(usage.completion_tokens_details.is_none());
}

#[tokio::test]
async fn tools_thinking_and_format_serialize_exactly() {
    let params =
        json!({"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]});
    let request = ChatCompletionRequest::new(
        "glm-4.7-flash",
        vec![ChatMessage::user("Weather in Lisbon and Porto?")],
    )
    .tools(vec![ChatTool::function(
        "get_weather",
        "Current weather for a city",
        params.as_object().unwrap().clone(),
    )])
    .tool_choice(zai::types::ToolChoice::String("auto".into()))
    .thinking(
        ChatThinking::default()
            .type_(ChatThinkingType::Enabled)
            .clear_thinking(false),
    )
    .reasoning_effort(ReasoningEffort::High)
    .response_format(ResponseFormat::new(ResponseFormatType::JsonObject))
    .do_sample(true)
    .request_id("req-123456")
    .user_id("user-123456");
    let response = round_trip(
        &request,
        json!({
            "model": "glm-4.7-flash",
            "messages": [{"role": "user", "content": "Weather in Lisbon and Porto?"}],
            "tools": [{"type": "function", "function": {
                "name": "get_weather", "description": "Current weather for a city", "parameters": params
            }}],
            "tool_choice": "auto",
            "thinking": {"type": "enabled", "clear_thinking": false},
            "reasoning_effort": "high",
            "response_format": {"type": "json_object"},
            "do_sample": true,
            "request_id": "req-123456",
            "user_id": "user-123456"
        }),
        &fixture("chat_tool_calls_object.json"),
    )
    .await;
    assert_eq!(response.object.as_deref(), Some("chat.completion"));
    let choice = &response.choices[0];
    assert_eq!(choice.finish_reason, Some(FinishReason::ToolCalls));
    let message = choice.message.as_ref().unwrap();
    assert_eq!(
        message.content.as_deref(),
        Some(""),
        "empty content beside tool calls"
    );
    let calls = message.tool_calls.as_ref().unwrap();
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].id.as_deref(), Some("call_-8120034511223344556"));
    assert_eq!(calls[0].type_, Some(ToolType::Function));
    assert_eq!(calls[1].index, Some(1));
    let function = calls[0].function.as_ref().unwrap();
    assert_eq!(function.name.as_deref(), Some("get_weather"));
    let args: serde_json::Value =
        serde_json::from_str(function.arguments.as_deref().unwrap()).unwrap();
    assert_eq!(args, json!({"city": "Lisbon", "unit": "celsius"}));
    let usage = response.usage.unwrap();
    assert_eq!(
        usage.completion_tokens_details.unwrap().reasoning_tokens,
        Some(52)
    );
    assert_eq!(
        usage.prompt_tokens_details.unwrap().cached_tokens,
        Some(187)
    );
}

#[tokio::test]
async fn multi_turn_with_tool_results_serializes_exactly() {
    let first: zai::types::ChatCompletionResponse =
        serde_json::from_str(&fixture("chat_tool_calls_object.json")).unwrap();
    let assistant = first.choices[0].message.clone().unwrap();
    let request = ChatCompletionRequest::new(
        "glm-4.7-flash",
        vec![
            ChatMessage::user("Weather in Lisbon?"),
            ChatMessage::from(assistant),
            ChatMessage::tool("call_-8120034511223344556", r#"{"temp":21}"#),
        ],
    );
    round_trip(
        &request,
        json!({
            "model": "glm-4.7-flash",
            "messages": [
                {"role": "user", "content": "Weather in Lisbon?"},
                {"role": "assistant", "content": "",
                 "reasoning_content": "The user wants the weather in Lisbon; call get_weather.",
                 "tool_calls": [
                    {"id": "call_-8120034511223344556", "type": "function", "index": 0,
                     "function": {"name": "get_weather", "arguments": "{\"city\":\"Lisbon\",\"unit\":\"celsius\"}"}},
                    {"id": "call_-8120034511223344555", "type": "function", "index": 1,
                     "function": {"name": "get_weather", "arguments": "{\"city\":\"Porto\"}"}}
                 ]},
                {"role": "tool", "tool_call_id": "call_-8120034511223344556", "content": "{\"temp\":21}"}
            ]
        }),
        &fixture("chat_reasoning_no_object.json"),
    )
    .await;
}

#[tokio::test]
async fn multimodal_parts_serialize_exactly() {
    let request = ChatCompletionRequest::new(
        "glm-4.6v",
        vec![ChatMessage::user(vec![
            ContentPart::text("What is in these?"),
            ContentPart::image_url("https://example.com/cat.png"),
            ContentPart::image_base64("image/png", b"\x89PNG"),
            ContentPart::video_url("https://example.com/clip.mp4"),
        ])],
    );
    round_trip(
        &request,
        json!({
            "model": "glm-4.6v",
            "messages": [{"role": "user", "content": [
                {"type": "text", "text": "What is in these?"},
                {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}},
                {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw=="}},
                {"type": "video_url", "video_url": {"url": "https://example.com/clip.mp4"}}
            ]}]
        }),
        &fixture("chat_reasoning_no_object.json"),
    )
    .await;
}

#[tokio::test]
async fn unknown_values_and_fields_and_nulls_parse() {
    let request = ChatCompletionRequest::new("glm-6", vec![ChatMessage::user("hi")]);
    let response = round_trip(
        &request,
        json!({"model": "glm-6", "messages": [{"role": "user", "content": "hi"}]}),
        &fixture("chat_future_fields.json"),
    )
    .await;
    assert_eq!(response.object.as_deref(), Some("chat.completion.v2"));
    assert_eq!(
        response.choices[0].finish_reason,
        Some(FinishReason::Unknown("abort_by_policy".into()))
    );
    let message = response.choices[0].message.as_ref().unwrap();
    assert_eq!(
        (message.content.as_ref(), message.tool_calls.as_ref()),
        (None, None)
    );
    assert!(response.usage.is_none());
    assert!(response.web_search.is_none());
}

#[tokio::test]
async fn web_search_results_parse() {
    let request = ChatCompletionRequest::new("glm-4", vec![ChatMessage::user("news?")]);
    let response = round_trip(
        &request,
        json!({"model": "glm-4", "messages": [{"role": "user", "content": "news?"}]}),
        &fixture("chat_web_search.json"),
    )
    .await;
    let results = response.web_search.unwrap();
    assert_eq!(
        results[0].link.as_deref(),
        Some("https://news.example.com/eclipse")
    );
    assert_eq!(results[0].icon, None);
}

#[tokio::test]
async fn trailing_slash_base_url_and_extra_headers() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/chat/completions")
                .header("accept-language", "zh-CN,zh")
                .header("x-team", "core");
            then.status(200)
                .body(fixture("chat_reasoning_no_object.json"));
        })
        .await;
    let client = zai::Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/", server.base_url()))
        .accept_language("zh-CN,zh")
        .default_header("x-team", "core")
        .build()
        .unwrap();
    let request = ChatCompletionRequest::new("glm-4.5", vec![ChatMessage::user("hi")]);
    client.create_chat_completion(&request).await.unwrap();
    mock.assert_async().await;
}

/// Queues a task.
#[tokio::test]
async fn create_chat_completion_async() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        authed,
        "/async/chat/completions",
        json!({
            "model": "glm-4.7",
            "messages": [{"role": "user", "content": "Summarize the meeting notes."}],
            "temperature": 0.3,
            "request_id": "req-async-0001"
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
    .temperature(0.3)
    .request_id("req-async-0001");
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

/// A reply reads in one line; request parts convert from their natural forms.
#[tokio::test]
async fn one_line_reading_and_conversions() {
    use zai::types::{
        AnthropicInputMessage, ChatCompletionResponse, ChatThinkingType, ChatTool,
        ResponseFormatType,
    };
    let reply: ChatCompletionResponse =
        serde_json::from_str(&fixture("chat_tool_calls_object.json")).unwrap();
    let call = &reply.tool_calls()[0];
    assert_eq!(call.name(), Some("get_weather"));
    let args: serde_json::Value = call.parse_arguments().unwrap();
    assert_eq!(args["city"], "Lisbon");
    assert_eq!(reply.tool_calls().len(), 2);
    assert_eq!(reply.text(), Some(""));
    let reasoning: ChatCompletionResponse =
        serde_json::from_str(&fixture("chat_reasoning_no_object.json")).unwrap();
    assert!(reasoning.text().is_some_and(|t| !t.is_empty()));
    assert!(reasoning.reasoning().is_some_and(|t| !t.is_empty()));
    assert!(reasoning.tool_calls().is_empty());

    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("hi")])
        .thinking(ChatThinkingType::Disabled)
        .response_format(ResponseFormatType::JsonObject)
        .tools(vec![ChatTool::function(
            "get_weather",
            "Weather of a city",
            json!({"type": "object", "properties": {"city": {"type": "string"}}}),
        )]);
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({
            "model": "glm-4.7",
            "messages": [{"role": "user", "content": "hi"}],
            "thinking": {"type": "disabled"},
            "response_format": {"type": "json_object"},
            "tools": [{"type": "function", "function": {
                "name": "get_weather",
                "description": "Weather of a city",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
            }}],
        })
    );
    assert_eq!(
        serde_json::to_value(AnthropicInputMessage::user("hi")).unwrap(),
        json!({"role": "user", "content": "hi"})
    );
}

/// The SDK-only request fields serialize exactly; audio, MCP calls, document
/// references, `total_calls` and search images parse.
#[tokio::test]
async fn chat_request_extended_fields() {
    use zai::types::{
        ChatMeta, ChatStreamOptions, CodeGeexContext, CodeGeexExtra, CodeGeexTarget,
        SensitiveWordCheck, UserContent,
    };
    let request = ChatCompletionRequest::new(
        "charglm-3",
        vec![
            ChatMessage::System {
                content: "Stay in character.".into(),
                name: Some("director".into()),
            },
            ChatMessage::User {
                content: UserContent::from("Hi Lin!"),
                name: Some("mei".into()),
            },
        ],
    )
    .seed(42)
    .stream_options(ChatStreamOptions::default().include_usage(true))
    .watermark_enabled(false)
    .sensitive_word_check(SensitiveWordCheck::default().type_("ALL").status("DISABLE"))
    .meta(ChatMeta::new(
        "Mei, a student",
        "Lin, a kind tutor",
        "Lin",
        "Mei",
    ))
    .extra(
        CodeGeexExtra::new(CodeGeexTarget::new("rust", "fn main() {", "}").path("src/main.rs"))
            .contexts(vec![CodeGeexContext::new("src/lib.rs", "pub fn f() {}")]),
    );
    let reply = json!({
        "id": "chat-ext-1", "created": 1773349530, "model": "glm-4-voice",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {
            "role": "assistant", "content": null,
            "audio": {"id": "audio-1", "data": "UklGRg==", "expires_at": 1773353130},
            "tool_calls": [
                {"id": "call_mcp_1", "type": "mcp", "mcp": {
                    "id": "mcp-1", "type": "mcp_call", "server_label": "docs",
                    "name": "search", "arguments": "{\"q\":\"tokio\"}", "output": "3 hits"}},
                {"id": "call_ret_1", "type": "retrieval",
                 "doc_reference": [{"index": 0, "doc_type": "pdf", "doc_name": "guide.pdf"}]}
            ]}}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15, "total_calls": 2},
        "web_search": [{"title": "Tokio", "link": "https://tokio.rs", "content": "Async Rust",
                        "images": ["https://tokio.rs/logo.png"]}]
    });
    let response = round_trip(
        &request,
        json!({
            "model": "charglm-3",
            "messages": [
                {"role": "system", "content": "Stay in character.", "name": "director"},
                {"role": "user", "content": "Hi Lin!", "name": "mei"}
            ],
            "seed": 42,
            "stream_options": {"include_usage": true},
            "watermark_enabled": false,
            "sensitive_word_check": {"type": "ALL", "status": "DISABLE"},
            "meta": {"user_info": "Mei, a student", "bot_info": "Lin, a kind tutor",
                     "bot_name": "Lin", "user_name": "Mei"},
            "extra": {
                "target": {"path": "src/main.rs", "language": "rust",
                           "code_prefix": "fn main() {", "code_suffix": "}"},
                "contexts": [{"path": "src/lib.rs", "code": "pub fn f() {}"}]
            }
        }),
        &reply.to_string(),
    )
    .await;
    let message = response.choices[0].message.as_ref().unwrap();
    let audio = message.audio.as_ref().unwrap();
    assert_eq!(audio.id.as_deref(), Some("audio-1"));
    assert_eq!(audio.data.as_deref(), Some("UklGRg=="));
    assert_eq!(audio.expires_at, Some(json!(1773353130)));
    let calls = message.tool_calls.as_ref().unwrap();
    let mcp = calls[0].mcp.as_ref().unwrap();
    assert_eq!(
        (
            mcp.type_.as_deref(),
            mcp.server_label.as_deref(),
            mcp.name.as_deref()
        ),
        (Some("mcp_call"), Some("docs"), Some("search"))
    );
    assert_eq!(mcp.output, Some(json!("3 hits")));
    let docs = calls[1].doc_reference.as_ref().unwrap();
    assert_eq!(docs[0].doc_name.as_deref(), Some("guide.pdf"));
    assert_eq!(response.usage.as_ref().unwrap().total_calls, Some(2));
    let search = &response.web_search.as_ref().unwrap()[0];
    assert_eq!(
        search.images.as_deref(),
        Some(&["https://tokio.rs/logo.png".to_owned()][..])
    );
}

/// `delta.audio` of a voice model's stream parses (its `expires_at` as a string too).
#[test]
fn chat_chunk_delta_audio() {
    let chunk: zai::types::ChatCompletionChunk = serde_json::from_value(json!({
        "id": "c1", "created": 1, "model": "glm-4-voice",
        "choices": [{"index": 0, "delta": {"role": "assistant",
            "audio": {"id": "audio-2", "data": "AAAA", "expires_at": "1773353130"}}}]
    }))
    .unwrap();
    let audio = chunk.choices[0]
        .delta
        .as_ref()
        .unwrap()
        .audio
        .as_ref()
        .unwrap();
    assert_eq!(audio.data.as_deref(), Some("AAAA"));
    assert_eq!(audio.expires_at, Some(json!("1773353130")));
}
