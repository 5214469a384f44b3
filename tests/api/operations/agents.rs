//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! Agents (`/v1/agents`): completions, streamed completions, async results, conversations.

use crate::support::{bearer, client, json_post, sse_post};
use futures_util::StreamExt;
use httpmock::MockServer;
use serde_json::json;
use zai::types::{
    AgentAsyncResultRequest, AgentCompletionRequest, AgentContentPart, AgentConversationRequest,
    AgentConversationVariables, AgentCustomVariables, AgentInputContent, AgentInputMessage,
};

fn translation_request() -> AgentCompletionRequest {
    let vars = AgentCustomVariables::default()
        .source_lang("en")
        .target_lang("zh-CN")
        .strategy("general");
    AgentCompletionRequest::new(
        "general_translation",
        vec![AgentInputMessage::new(
            "user",
            AgentInputContent::from(vec![AgentContentPart::Text {
                text: "Ownership is Rust's most unique feature.".into(),
            }]),
        )],
    )
    .custom_variables(vars)
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
        bearer,
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
    let mock = sse_post(&server, bearer, "/v1/agents", body, &events).await;
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
        bearer,
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
        bearer,
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

/// Typed `custom_variables` (translation strategy, vidu template, any other key),
/// `user_id`, `sensitive_word_check`; the answer's `request_id`; the async-result
/// lookup's `conversation_id`/`custom_variables`; fractional slide sizes.
#[tokio::test]
async fn agent_request_extended_fields() {
    use zai::types::{AgentConversationPage, AgentStrategyConfig, AgentStrategyConfigCot};
    let server = MockServer::start_async().await;
    let translate = json_post(
        &server,
        bearer,
        "/v1/agents",
        json!({
            "agent_id": "general_translation",
            "messages": [{"role": "user", "content": "Bonjour"}],
            "custom_variables": {
                "source_lang": "fr", "target_lang": "en-GB", "strategy": "reflection",
                "strategy_config": {"cot": {"reason_lang": "to"}},
                "tone": "formal"
            },
            "user_id": "user-000042",
            "sensitive_word_check": {"type": "ALL", "status": "DISABLE"}
        }),
        json!({"id": "agt-1", "request_id": "agt-req-1", "agent_id": "general_translation",
               "status": "success"}),
    )
    .await;
    let mut vars = AgentCustomVariables::default()
        .source_lang("fr")
        .target_lang("en-GB")
        .strategy("reflection")
        .strategy_config(
            AgentStrategyConfig::default().cot(AgentStrategyConfigCot::default().reason_lang("to")),
        );
    vars.extra.insert("tone".into(), json!("formal"));
    let request = AgentCompletionRequest::new(
        "general_translation",
        vec![AgentInputMessage::new(
            "user",
            AgentInputContent::String("Bonjour".into()),
        )],
    )
    .custom_variables(vars)
    .user_id("user-000042")
    .sensitive_word_check(
        zai::types::SensitiveWordCheck::default()
            .type_("ALL")
            .status("DISABLE"),
    );
    let answer = client(&server)
        .create_agent_completion(&request)
        .await
        .unwrap();
    translate.assert_async().await;
    assert_eq!(answer.request_id.as_deref(), Some("agt-req-1"));

    let vidu = json_post(
        &server,
        bearer,
        "/v1/agents",
        json!({
            "agent_id": "vidu_template_agent",
            "messages": [{"role": "user", "content": [
                {"type": "image_url", "image_url": "https://cdn.example.com/me.png"}]}],
            "custom_variables": {"template": "bodyshake"}
        }),
        json!({"agent_id": "vidu_template_agent", "status": "pending", "async_id": "agt-async-7"}),
    )
    .await;
    let request = AgentCompletionRequest::new(
        "vidu_template_agent",
        vec![AgentInputMessage::new(
            "user",
            AgentInputContent::from(vec![AgentContentPart::ImageUrl {
                image_url: "https://cdn.example.com/me.png".into(),
            }]),
        )],
    )
    .custom_variables(AgentCustomVariables::default().template("bodyshake"));
    let task = client(&server)
        .create_agent_completion(&request)
        .await
        .unwrap();
    vidu.assert_async().await;
    assert_eq!(task.async_id.as_deref(), Some("agt-async-7"));

    let lookup = json_post(
        &server,
        bearer,
        "/v1/agents/async-result",
        json!({"agent_id": "vidu_template_agent", "async_id": "agt-async-7",
               "conversation_id": "conv-7", "custom_variables": {"template": "bodyshake"}}),
        json!({"status": "pending", "agent_id": "vidu_template_agent"}),
    )
    .await;
    let custom = json!({"template": "bodyshake"});
    let request = AgentAsyncResultRequest::new("vidu_template_agent", "agt-async-7")
        .conversation_id("conv-7")
        .custom_variables(custom.as_object().unwrap().clone());
    let result = client(&server)
        .retrieve_agent_async_result(&request)
        .await
        .unwrap();
    lookup.assert_async().await;
    assert_eq!(result.status.as_deref(), Some("pending"));

    let export = json_post(
        &server,
        bearer,
        "/v1/agents/conversation",
        json!({"agent_id": "slides_glm_agent", "conversation_id": "conv-8",
               "custom_variables": {"pages": [{"position": 1, "width": 960.0, "height": 540.5}]}}),
        json!({"conversation_id": "conv-8", "agent_id": "slides_glm_agent"}),
    )
    .await;
    let page = AgentConversationPage::default()
        .position(1)
        .width(960.0)
        .height(540.5);
    let request = AgentConversationRequest::new("slides_glm_agent", "conv-8")
        .custom_variables(AgentConversationVariables::default().pages(vec![page]));
    client(&server)
        .retrieve_agent_conversation(&request)
        .await
        .unwrap();
    export.assert_async().await;
}
