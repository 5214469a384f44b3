//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! ZRAG (`/zrag/...` on the API root, China platform): the question-answering agent
//! (always answers with events) and multimodal retrieval.

use crate::support::{SSE, api_client, bearer, collect_bytes, collect_events, expect_call};
use httpmock::{Method::POST, MockServer};
use serde_json::json;
use zai::types::{
    ZragAgentChatRequest, ZragAgentEventData, ZragMessage, ZragMessageContent,
    ZragRetrievalSettings, ZragRetrieveRequest, ZragRetrieveRequestKnowsItem,
};

const EVENTS: &str = "data: {\"type\":\"session_created\",\"sessionId\":\"s-1\"}\n\n\
data: {\"type\":\"tool_call\",\"sessionId\":\"s-1\",\"data\":{\"callId\":\"c-1\",\"toolName\":\"knowledge_retrieval\",\"arguments\":{\"query\":\"leave\"}}}\n\n\
data: {\"type\":\"answer\",\"sessionId\":\"s-1\",\"data\":\"15 days.\"}\n\n\
data: {\"type\":\"done\",\"sessionId\":\"s-1\",\"messageId\":\"m-1\",\"usage\":{\"prompt_tokens\":812,\"completion_tokens\":4,\"total_tokens\":816,\"total_calls\":1}}\n\n";

fn chat_request() -> ZragAgentChatRequest {
    ZragAgentChatRequest::new(
        vec![ZragMessage::new(
            "user",
            ZragMessageContent::String("What is the leave policy?".into()),
        )],
        ZragRetrievalSettings::new(vec!["kb-1".to_owned()]).top_k(4),
    )
    .enable_thinking(true)
}

/// The body both methods send: as is, no `stream` flag (the endpoint always streams).
fn chat_body() -> serde_json::Value {
    json!({
        "messages": [{"role": "user", "content": "What is the leave policy?"}],
        "retrieval": {"know_ids": ["kb-1"], "top_k": 4},
        "enable_thinking": true
    })
}

async fn mock_events(server: &MockServer) -> httpmock::Mock<'_> {
    server
        .mock_async(|when, then| {
            bearer(when)
                .method(POST)
                .path("/api/zrag/agent/chat")
                .header("content-type", "application/json")
                .json_body(chat_body());
            then.status(200).header("content-type", SSE).body(EVENTS);
        })
        .await
}

#[tokio::test]
async fn create_zrag_agent_chat() {
    let server = MockServer::start_async().await;
    let mock = mock_events(&server).await;
    let body = api_client(&server)
        .create_zrag_agent_chat(&chat_request())
        .await
        .unwrap();
    assert_eq!(collect_bytes(body).await, EVENTS.as_bytes());
    mock.assert_async().await;
}

#[tokio::test]
async fn create_zrag_agent_chat_stream() {
    let server = MockServer::start_async().await;
    let mock = mock_events(&server).await;
    let stream = api_client(&server)
        .create_zrag_agent_chat_stream(&chat_request())
        .await
        .unwrap();
    let events = collect_events(stream).await;
    mock.assert_async().await;
    let kinds: Vec<_> = events.iter().map(|e| e.type_.as_deref().unwrap()).collect();
    assert_eq!(kinds, ["session_created", "tool_call", "answer", "done"]);
    let Some(ZragAgentEventData::ZragEventData(call)) = &events[1].data else {
        panic!("tool_call data: {:?}", events[1].data);
    };
    assert_eq!(call.tool_name.as_deref(), Some("knowledge_retrieval"));
    assert_eq!(call.arguments["query"], json!("leave"));
    assert_eq!(
        events[2].data,
        Some(ZragAgentEventData::String("15 days.".into()))
    );
    assert_eq!(events[3].message_id.as_deref(), Some("m-1"));
    assert_eq!(events[3].usage.as_ref().unwrap().total_calls, Some(1));
}

#[tokio::test]
async fn search_zrag_knowledge() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        bearer,
        (POST, "/api/zrag/retrieval/retrieve"),
        &[],
        Some(json!({
            "knows": [{"id": "kb-1", "doc_ids": ["doc-9"]}],
            "query": "Who is Xiaozhi?",
            "recall_ratio": 0.6,
            "enable_rerank": true
        })),
        json!({
            "data": {
                "contents": [{
                    "id": "0d9f3c52", "know_id": "kb-1", "doc_id": "doc-9",
                    "text": "Xiaozhi is the assistant.", "score": 0.87, "rerank_score": 0.93,
                    "image_url": {"url": "https://cdn.bigmodel.cn/x.png"},
                    "metadata": {"doc_type": "pdf", "page_index": 2, "frames": []}
                }],
                "rewritten_query": {"original_query": "Who is Xiaozhi?", "multi_queries": []},
                "elapsed_ms": 231, "total_tokens": 95, "request_id": "zr-1"
            },
            "code": 200,
            "message": "success"
        }),
    )
    .await;
    let request = ZragRetrieveRequest::new(vec![
        ZragRetrieveRequestKnowsItem::new("kb-1").doc_ids(vec!["doc-9".to_owned()]),
    ])
    .query("Who is Xiaozhi?")
    .recall_ratio(0.6)
    .enable_rerank(true);
    let found = api_client(&server)
        .search_zrag_knowledge(&request)
        .await
        .unwrap()
        .unwrap();
    mock.assert_async().await;
    let slice = &found.contents[0];
    assert_eq!(slice.rerank_score, Some(0.93));
    assert_eq!(
        slice.image_url.as_ref().unwrap().url.as_deref(),
        Some("https://cdn.bigmodel.cn/x.png")
    );
    assert_eq!(slice.metadata.as_ref().unwrap().page_index, Some(2));
    assert_eq!(found.elapsed_ms, Some(231));
}
