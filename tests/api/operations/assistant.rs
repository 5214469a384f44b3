//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! The assistant API: completions, streamed completions, assistants, conversations.

use crate::support::{authed, client, collect_events, json_post, sse_post};
use httpmock::MockServer;
use serde_json::{Value, json};
use zai::types::{
    AssistantAttachment, AssistantCompletionRequest, AssistantConversationListRequest,
    AssistantConversationMessage, AssistantExtraParameters, AssistantExtraParametersTranslate,
    AssistantListRequest, AssistantTextContent, AssistantTextContentType, FinishReason, Role,
};

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

/// Parses reply.
#[tokio::test]
async fn create_assistant_completion() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        authed,
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

/// Yields tool and text chunks.
#[tokio::test]
async fn create_assistant_completion_stream() {
    let server = MockServer::start_async().await;
    let events = concat!(
        "data: {\"id\":\"asst-s\",\"conversation_id\":\"conv-1\",\"assistant_id\":\"659e54b1b8006379b4b2abd6\",\"created\":1773370271,\"status\":\"in_progress\",\"choices\":[{\"index\":0,\"delta\":{\"type\":\"tool_calls\",\"role\":\"tool\",\"tool_calls\":[{\"type\":\"web_browser\",\"web_browser\":{\"input\":\"good morning chinese\",\"outputs\":[]}}]}}]}\n\n",
        "data: {\"id\":\"asst-s\",\"conversation_id\":\"conv-1\",\"assistant_id\":\"659e54b1b8006379b4b2abd6\",\"created\":1773370272,\"status\":\"completed\",\"choices\":[{\"index\":0,\"delta\":{\"type\":\"content\",\"role\":\"assistant\",\"content\":\"早上好\"},\"finish_reason\":\"stop\"}],\"usage\":{\"total_tokens\":15}}\n\n",
        "data: [DONE]\n\n"
    );
    let mut body = assistant_body();
    body["stream"] = json!(true);
    let mock = sse_post(&server, authed, "/assistant", body, events).await;
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

/// Parses data.
#[tokio::test]
async fn list_assistants() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        authed,
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
    assert_eq!(list.len(), 1);
    let info = &list[0];
    assert_eq!(info.name.as_deref(), Some("Translator"));
    assert_eq!(info.tools, Some(vec!["web_browser".to_owned()]));
    assert_eq!(info.updated_at, Some(1705100000));
}

/// Parses page.
#[tokio::test]
async fn list_assistant_conversations() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        authed,
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
    let data = page.unwrap();
    assert_eq!(data.has_more, Some(false));
    let conversation = &data.conversation_list[0];
    assert_eq!(conversation.update_time, Some(1773370300));
    assert_eq!(conversation.usage.as_ref().unwrap().total_tokens, Some(15));
}
