//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! Tools: tokenizer, layout parsing, web search, web reader, tool calls.

use crate::support::{authed, bearer, client, collect_events, json_post, sse_post};
use httpmock::MockServer;
use serde_json::json;
use zai::types::{
    ChatMessage, FinishReason, LayoutParsingRequest, ReaderRequest, Role,
    SearchToolCallSearchRecommend, TokenizerRequest, ToolCallRequest, WebSearchRequest,
    WebSearchRequestSearchRecencyFilter,
};

#[tokio::test]
async fn tokenize() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        bearer,
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
        bearer,
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
        bearer,
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
        bearer,
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

fn tool_request() -> ToolCallRequest {
    ToolCallRequest::new(
        "web-search-pro",
        vec![ChatMessage::user("Latest Rust release")],
    )
    .recent_days(7)
}

/// Parses search blocks.
#[tokio::test]
async fn create_tool_call() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        authed,
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

/// Yields chunks.
#[tokio::test]
async fn create_tool_call_stream() {
    let server = MockServer::start_async().await;
    let events = concat!(
        "data: {\"id\":\"tool-s1\",\"created\":1773370271,\"choices\":[{\"index\":0,\"delta\":{\"role\":\"tool\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"search_intent\",\"search_intent\":[{\"index\":0,\"query\":\"rust\",\"intent\":\"SEARCH_ALL\",\"keywords\":\"rust\"}]}]}}]}\n\n",
        "data: {\"id\":\"tool-s1\",\"created\":1773370271,\"choices\":[{\"index\":0,\"delta\":{\"role\":\"tool\",\"tool_calls\":[{\"index\":1,\"id\":\"call_2\",\"type\":\"search_recommend\",\"search_recommend\":[{\"index\":0,\"query\":\"rust 2024 edition\"}]}]},\"finish_reason\":\"stop\"}]}\n\n",
        "data: [DONE]\n\n"
    );
    let mock = sse_post(
        &server,
        authed,
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
    let Some(SearchToolCallSearchRecommend::Array(recommend)) = &recommend.search_recommend else {
        panic!("an array of recommendations: {recommend:?}");
    };
    assert_eq!(recommend[0].query.as_deref(), Some("rust 2024 edition"));
}

/// The SDK-only web-search fields serialize exactly; result images parse.
#[tokio::test]
async fn web_search_request_extended_fields() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        bearer,
        "/web_search",
        json!({
            "search_engine": "search-prime",
            "search_query": "ferris crab",
            "include_image": true,
            "search_intent": true,
            "sensitive_word_check": {"type": "ALL", "status": "ENABLE"}
        }),
        json!({
            "id": "ws-ext-1", "created": 1773355800,
            "search_intent": [{"query": "ferris crab", "intent": "SEARCH_ALL", "keywords": "ferris"}],
            "search_result": [{"title": "Ferris", "link": "https://rustacean.net",
                               "content": "The unofficial mascot.",
                               "images": ["https://rustacean.net/ferris.png"]}]
        }),
    )
    .await;
    let request = WebSearchRequest::new("search-prime", "ferris crab")
        .include_image(true)
        .search_intent(true)
        .sensitive_word_check(
            zai::types::SensitiveWordCheck::default()
                .type_("ALL")
                .status("ENABLE"),
        );
    let found = client(&server).web_search(&request).await.unwrap();
    mock.assert_async().await;
    let result = &found.search_result.as_ref().unwrap()[0];
    assert_eq!(
        result.images.as_deref(),
        Some(&["https://rustacean.net/ferris.png".to_owned()][..])
    );
}

/// `search_recommend` as the single object all three SDKs model parses too.
#[test]
fn tool_call_search_recommend_single_object() {
    let response: zai::types::ToolCallResponse = serde_json::from_value(json!({
        "id": "tool-1", "choices": [{"index": 0, "finish_reason": "stop", "message": {
            "role": "tool", "tool_calls": [{"id": "call_3", "type": "search_recommend",
                "search_recommend": {"index": 0, "query": "rust 2024 edition"}}]}}]
    }))
    .expect("a single recommendation parses");
    let call = &response.choices[0]
        .message
        .as_ref()
        .unwrap()
        .tool_calls
        .as_ref()
        .unwrap()[0];
    let Some(SearchToolCallSearchRecommend::SearchRecommend(one)) = &call.search_recommend else {
        panic!("one recommendation: {call:?}");
    };
    assert_eq!(one.query.as_deref(), Some("rust 2024 edition"));
}
