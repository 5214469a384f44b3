//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! The older application API (`/llm-application/open/...` on the API root, China
//! platform).

use crate::support::{
    SSE, api_client, app_envelope, bearer, collect_events, expect_call, file_part, json_reply,
    post_multipart, text_part,
};
use httpmock::{
    Method::{GET, POST},
    MockServer,
};
use serde_json::{Value, json};
use zai::FilePart;
use zai::types::{
    ApplicationFileStatusRequest, ApplicationFileUpload, ApplicationInvokeRequest,
    ApplicationMessage, ApplicationMessageContentItem, ApplicationSliceInfoRequest,
};

const APP: &str = "1834500000000000001";
const CONVERSATION: &str = "conv-9";

#[tokio::test]
async fn retrieve_application_variables() {
    let server = MockServer::start_async().await;
    let path = format!("/api/llm-application/open/v2/application/{APP}/variables");
    let mock = expect_call(
        &server,
        bearer,
        (GET, &path),
        &[],
        None,
        app_envelope(Some(json!([{
            "id": "var-1", "name": "topic", "type": "selection_list", "tips": "Pick one",
            "allowed_values": ["billing", "shipping"], "input_template": {"options": ["billing"]}
        }]))),
    )
    .await;
    let variables = api_client(&server)
        .retrieve_application_variables(APP)
        .await
        .unwrap();
    mock.assert_async().await;
    let variable = &variables[0];
    assert_eq!(variable.type_.as_deref(), Some("selection_list"));
    assert_eq!(variable.allowed_values, ["billing", "shipping"]);
    assert_eq!(
        variable.input_template.as_ref().unwrap().options,
        ["billing"]
    );
}

#[tokio::test]
async fn upload_application_files() {
    let server = MockServer::start_async().await;
    let reply = app_envelope(Some(json!({
        "success_info": [{"file_id": "f-1", "file_name": "a.txt"},
                         {"file_id": "f-2", "file_name": "b.txt"}],
        "fail_info": []
    })));
    let parts = vec![
        text_part("app_id", APP),
        text_part("conversation_id", CONVERSATION),
        text_part("file_type", "2"),
        file_part("files", "a.txt", "text/plain", "first"),
        file_part("files", "b.txt", "text/plain", "second"),
    ];
    let path = "/api/llm-application/open/v2/application/file_upload";
    let mock = post_multipart(&server, path, parts, move |then| {
        json_reply(then, &reply);
    })
    .await;
    let upload = ApplicationFileUpload::new(
        APP,
        vec![
            FilePart::new(b"first".to_vec(), "a.txt", "text/plain"),
            FilePart::new(b"second".to_vec(), "b.txt", "text/plain"),
        ],
    )
    .conversation_id(CONVERSATION)
    .file_type(2);
    let uploaded = api_client(&server)
        .upload_application_files(&upload)
        .await
        .unwrap();
    mock.assert_async().await;
    let ids: Vec<_> = uploaded
        .success_info
        .iter()
        .map(|f| f.file_id.as_deref().unwrap())
        .collect();
    assert_eq!(ids, ["f-1", "f-2"]);
    assert!(uploaded.fail_info.is_empty());
}

#[tokio::test]
async fn retrieve_application_file_status() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        bearer,
        (POST, "/api/llm-application/open/v2/application/file_stat"),
        &[],
        Some(json!({"app_id": APP, "file_ids": ["f-1"]})),
        app_envelope(Some(
            json!([{"file_id": "f-1", "code": 0, "msg": "解析成功"}]),
        )),
    )
    .await;
    let request = ApplicationFileStatusRequest::new(APP, vec!["f-1".to_owned()]);
    let status = api_client(&server)
        .retrieve_application_file_status(&request)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(status[0].code, Some(0));
    assert_eq!(status[0].msg.as_deref(), Some("解析成功"));
}

#[tokio::test]
async fn create_application_conversation() {
    let server = MockServer::start_async().await;
    let path = format!("/api/llm-application/open/v2/application/{APP}/conversation");
    let mock = expect_call(
        &server,
        bearer,
        (POST, &path),
        &[],
        None,
        app_envelope(Some(json!({"conversation_id": CONVERSATION}))),
    )
    .await;
    let conversation = api_client(&server)
        .create_application_conversation(APP)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(conversation.conversation_id.as_deref(), Some(CONVERSATION));
}

fn invoke_request() -> ApplicationInvokeRequest {
    ApplicationInvokeRequest::new(
        APP,
        vec![
            ApplicationMessage::new(vec![ApplicationMessageContentItem::new(
                "input",
                "When does it ship?",
            )])
            .role("user"),
        ],
    )
    .conversation_id(CONVERSATION)
}

/// The body, with the `stream` flag each method sets.
fn invoke_body(stream: bool) -> Value {
    json!({
        "app_id": APP,
        "conversation_id": CONVERSATION,
        "messages": [{"role": "user", "content": [{"type": "input", "value": "When does it ship?"}]}],
        "stream": stream
    })
}

#[tokio::test]
async fn invoke_application() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        bearer,
        (POST, "/api/llm-application/open/v3/application/invoke"),
        &[],
        Some(invoke_body(false)),
        json!({
            "request_id": "req-1", "conversation_id": CONVERSATION, "app_id": APP,
            "choices": [{"index": 0, "finish_reason": "stop",
                         "messages": {"content": {"type": "text", "msg": "Tomorrow."},
                                      "event": [{"node_id": "n-1", "type": "node_finish", "time": 120}]}}],
            "usage": [{"model": "glm-4-plus", "nodeName": "answer", "inputTokenCount": 120,
                       "outputTokenCount": 3, "totalTokenCount": 123}]
        }),
    )
    .await;
    let answer = api_client(&server)
        .invoke_application(&invoke_request())
        .await
        .unwrap();
    mock.assert_async().await;
    let choice = &answer.choices[0];
    assert_eq!(choice.finish_reason.as_deref(), Some("stop"));
    let messages = choice.messages.as_ref().unwrap();
    assert_eq!(
        messages.content.as_ref().unwrap().msg.as_deref(),
        Some("Tomorrow.")
    );
    assert_eq!(messages.event[0].time, Some(120));
    assert_eq!(answer.usage[0].total_token_count, Some(123));
}

#[tokio::test]
async fn invoke_application_stream() {
    let server = MockServer::start_async().await;
    let events = "data: {\"request_id\":\"req-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":{\"type\":\"text\",\"msg\":\"Tomor\"}}}]}\n\n\
data: {\"request_id\":\"req-1\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{\"content\":{\"type\":\"text\",\"msg\":\"row.\"}}}]}\n\n";
    let mock = server
        .mock_async(|when, then| {
            bearer(when)
                .method(POST)
                .path("/api/llm-application/open/v3/application/invoke")
                .header("accept", "text/event-stream")
                .json_body(invoke_body(true));
            then.status(200).header("content-type", SSE).body(events);
        })
        .await;
    let stream = api_client(&server)
        .invoke_application_stream(&invoke_request())
        .await
        .unwrap();
    let chunks = collect_events(stream).await;
    mock.assert_async().await;
    let text: String = chunks
        .iter()
        .flat_map(|c| &c.choices)
        .filter_map(|c| c.delta.as_ref()?.content.as_ref()?.msg.clone())
        .collect();
    assert_eq!(text, "Tomorrow.");
    assert_eq!(chunks[1].choices[0].finish_reason.as_deref(), Some("stop"));
}

#[tokio::test]
async fn retrieve_application_slice_info() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        bearer,
        (POST, "/api/llm-application/open/v2/application/slice_info"),
        &[],
        Some(json!({"request_id": "req-1", "node_id": "n-1"})),
        app_envelope(Some(json!({
            "document_slices": [{
                "document": {"id": "d-1", "name": "manual.pdf", "url": "https://x/m.pdf", "dtype": 1},
                "slice_info": [{"document_id": "d-1", "text": "Hold power.",
                                "position": {"x0": 72.0, "x1": 540.0, "top": 96.5, "bottom": 130.2,
                                             "page": 3, "height": 842.0, "width": 595.0}}],
                "hide_positions": false,
                "images": [{"text": "fig-1", "cos_url": "https://x/1.png"}]
            }],
            "has_old_document": false
        }))),
    )
    .await;
    let info = api_client(&server)
        .retrieve_application_slice_info(&ApplicationSliceInfoRequest::new("req-1", "n-1"))
        .await
        .unwrap();
    mock.assert_async().await;
    let slices = &info.document_slices[0];
    assert_eq!(slices.document.as_ref().unwrap().dtype, Some(1));
    let position = slices.slice_info[0].position.as_ref().unwrap();
    assert_eq!((position.page, position.top), (Some(3), Some(96.5)));
    assert_eq!(info.has_old_document, Some(false));
}

#[tokio::test]
async fn list_application_suggested_questions() {
    let server = MockServer::start_async().await;
    let path = format!("/api/llm-application/open/history_session_record/{APP}/{CONVERSATION}");
    let mock = expect_call(
        &server,
        bearer,
        (GET, &path),
        &[],
        None,
        app_envelope(Some(
            json!({"problems": ["How do I track it?", "Can I change the address?"]}),
        )),
    )
    .await;
    let suggested = api_client(&server)
        .list_application_suggested_questions(APP, CONVERSATION)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(
        suggested.problems,
        ["How do I track it?", "Can I change the address?"]
    );
}
