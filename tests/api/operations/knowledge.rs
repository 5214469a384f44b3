//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! Knowledge bases and their documents (`/llm-application/open/...` on the API
//! root, China platform).

use crate::support::{
    api_client, app_envelope, bearer, expect_call, file_part, json_reply, post_multipart, text_part,
};
use httpmock::{
    Method::{DELETE, GET, POST, PUT},
    MockServer,
};
use serde_json::{Value, json};
use zai::types::{
    KnowledgeBaseRequest, KnowledgeBaseUpdate, KnowledgeDocumentUpload, KnowledgeReembedRequest,
    KnowledgeSearchRequest, KnowledgeUrl, KnowledgeUrlUpload, ListKnowledgeBasesQuery,
    ListKnowledgeDocumentsQuery,
};
use zai::{FilePart, WithResponse};

const BASE: &str = "1834901856438775808";
const DOC: &str = "1834902000000000001";

fn knowledge_base() -> Value {
    json!({
        "id": BASE, "embedding_id": 11, "name": "Manuals", "description": "All manuals",
        "contextual": 1, "background": "blue", "icon": "book",
        "document_size": 3, "length": 48213, "word_num": 20511
    })
}

fn document() -> Value {
    json!({
        "id": DOC, "knowledge_type": 5, "custom_separator": ["\n\n"], "sentence_size": 500,
        "length": 48213, "word_num": 20511, "name": "manual.pdf",
        "url": "https://cdn.bigmodel.cn/knowledge/manual.pdf", "embedding_stat": 3,
        "failInfo": {"embedding_code": 10002, "embedding_msg": "字数超出限制"}
    })
}

#[tokio::test]
async fn create_knowledge_base() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        bearer,
        (POST, "/api/llm-application/open/knowledge"),
        &[],
        Some(json!({"embedding_id": 11, "name": "Manuals", "contextual": 1, "icon": "book"})),
        app_envelope(Some(json!({"id": BASE}))),
    )
    .await;
    let request = KnowledgeBaseRequest::new(11, "Manuals")
        .contextual(1)
        .icon("book");
    let created = api_client(&server)
        .create_knowledge_base(&request)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(created.unwrap().id.as_deref(), Some(BASE));
}

#[tokio::test]
async fn list_knowledge_bases() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        bearer,
        (GET, "/api/llm-application/open/knowledge"),
        &[("page", "2"), ("size", "5")],
        None,
        app_envelope(Some(json!({"list": [knowledge_base()], "total": 6}))),
    )
    .await;
    let page = api_client(&server)
        .list_knowledge_bases(&ListKnowledgeBasesQuery::default().page(2).size(5))
        .await
        .unwrap();
    mock.assert_async().await;
    let data = page.unwrap();
    assert_eq!(data.total, Some(6));
    assert_eq!(data.list[0].id.as_deref(), Some(BASE));
    assert_eq!(data.list[0].word_num, Some(20511));
}

#[tokio::test]
async fn retrieve_knowledge_base() {
    let server = MockServer::start_async().await;
    let path = format!("/api/llm-application/open/knowledge/{BASE}");
    let mock = expect_call(
        &server,
        bearer,
        (GET, &path),
        &[],
        None,
        app_envelope(Some(knowledge_base())),
    )
    .await;
    let base = api_client(&server)
        .retrieve_knowledge_base(BASE)
        .await
        .unwrap()
        .unwrap();
    mock.assert_async().await;
    assert_eq!(base.embedding_id, Some(11));
    assert_eq!(base.name.as_deref(), Some("Manuals"));
    assert_eq!((base.document_size, base.length), (Some(3), Some(48213)));
}

#[tokio::test]
async fn update_knowledge_base() {
    let server = MockServer::start_async().await;
    let path = format!("/api/llm-application/open/knowledge/{BASE}");
    let mock = expect_call(
        &server,
        bearer,
        (PUT, &path),
        &[],
        Some(json!({
            "embedding_id": 12,
            "callback_url": "https://example.com/hooks/kb",
            "callback_header": {"X-Token": "hook-secret"}
        })),
        app_envelope(None),
    )
    .await;
    let update = KnowledgeBaseUpdate::default()
        .embedding_id(12)
        .callback_url("https://example.com/hooks/kb")
        .callback_header([("X-Token".to_owned(), "hook-secret".to_owned())]);
    let () = api_client(&server)
        .update_knowledge_base(BASE, &update)
        .await
        .unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn delete_knowledge_base() {
    let server = MockServer::start_async().await;
    let path = format!("/api/llm-application/open/knowledge/{BASE}");
    let mock = expect_call(
        &server,
        bearer,
        (DELETE, &path),
        &[],
        None,
        app_envelope(None),
    )
    .await;
    // Nothing but success; the envelope's message stays readable beside it.
    let ((), answer) = api_client(&server)
        .delete_knowledge_base(BASE)
        .with_response()
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(answer.json().unwrap().unwrap()["message"], "请求成功");
}

#[tokio::test]
async fn retrieve_knowledge_capacity() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        bearer,
        (GET, "/api/llm-application/open/knowledge/capacity"),
        &[],
        None,
        app_envelope(Some(json!({
            "used": {"word_num": 20511, "length": 48213},
            "total": {"word_num": 100000000, "length": 1073741824}
        }))),
    )
    .await;
    let capacity = api_client(&server)
        .retrieve_knowledge_capacity()
        .await
        .unwrap()
        .unwrap();
    mock.assert_async().await;
    assert_eq!(capacity.used.unwrap().word_num, Some(20511));
    assert_eq!(capacity.total.unwrap().length, Some(1073741824));
}

#[tokio::test]
async fn search_knowledge() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        bearer,
        (POST, "/api/llm-application/open/knowledge/retrieve"),
        &[],
        Some(json!({
            "query": "reset the device",
            "knowledge_ids": [BASE],
            "recall_method": "keyword",
            "top_k": 3,
            "rerank_status": 1,
            "rerank_model": "rerank-pro",
            "fractional_threshold": 0.5
        })),
        app_envelope(Some(json!([{
            "text": "Hold the power button for ten seconds.",
            "score": 0.91,
            "metadata": {"_id": "slice-7f3a", "knowledge_id": BASE, "doc_id": DOC,
                         "doc_name": "manual.pdf", "doc_url": "https://cdn.bigmodel.cn/m.pdf",
                         "contextual_text": ""}
        }]))),
    )
    .await;
    let request = KnowledgeSearchRequest::new("reset the device", vec![BASE.to_owned()])
        .recall_method("keyword")
        .top_k(3)
        .rerank_status(1)
        .rerank_model("rerank-pro")
        .fractional_threshold(0.5);
    let found = api_client(&server)
        .search_knowledge(&request)
        .await
        .unwrap();
    mock.assert_async().await;
    let slice = &found[0];
    assert_eq!(slice.score, Some(0.91));
    let metadata = slice.metadata.as_ref().unwrap();
    assert_eq!(metadata.id.as_deref(), Some("slice-7f3a"));
    assert_eq!(metadata.doc_id.as_deref(), Some(DOC));
}

#[tokio::test]
async fn list_knowledge_documents() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        bearer,
        (GET, "/api/llm-application/open/document"),
        &[("knowledge_id", BASE), ("page", "1"), ("word", "manual")],
        None,
        app_envelope(Some(json!({"list": [document()], "total": 1}))),
    )
    .await;
    let query = ListKnowledgeDocumentsQuery::new(BASE)
        .page(1)
        .word("manual");
    let page = api_client(&server)
        .list_knowledge_documents(&query)
        .await
        .unwrap()
        .unwrap();
    mock.assert_async().await;
    let doc = &page.list[0];
    assert_eq!(doc.custom_separator, ["\n\n"]);
    assert_eq!(doc.embedding_stat, Some(3));
    let failure = doc.fail_info.as_ref().unwrap();
    assert_eq!(failure.embedding_code, Some(10002));
}

#[tokio::test]
async fn upload_knowledge_document() {
    let server = MockServer::start_async().await;
    let path = format!("/api/llm-application/open/document/upload_document/{BASE}");
    let reply = app_envelope(Some(json!({
        "successInfos": [{"documentId": DOC, "fileName": "manual.txt"}],
        "failedInfos": [{"fileName": "bad.exe", "failReason": "不支持的文档类型"}]
    })));
    let parts = vec![
        file_part("files", "manual.txt", "text/plain", "Reset: hold power."),
        text_part("knowledge_type", "5"),
        text_part("custom_separator", "##"),
        text_part("custom_separator", "\n"),
        text_part("sentence_size", "500"),
        text_part("parse_image", "true"),
        text_part("callback_header", r#"{"X-Token":"s"}"#),
    ];
    let mock = post_multipart(&server, &path, parts, move |then| {
        json_reply(then, &reply);
    })
    .await;
    let upload = KnowledgeDocumentUpload::new(FilePart::new(
        b"Reset: hold power.".to_vec(),
        "manual.txt",
        "text/plain",
    ))
    .knowledge_type(5)
    .custom_separator(vec!["##".to_owned(), "\n".to_owned()])
    .sentence_size(500)
    .parse_image(true)
    .callback_header(r#"{"X-Token":"s"}"#);
    let uploaded = api_client(&server)
        .upload_knowledge_document(BASE, &upload)
        .await
        .unwrap()
        .unwrap();
    mock.assert_async().await;
    assert_eq!(uploaded.success_infos[0].document_id.as_deref(), Some(DOC));
    assert_eq!(
        uploaded.failed_infos[0].fail_reason.as_deref(),
        Some("不支持的文档类型")
    );
}

#[tokio::test]
async fn upload_knowledge_document_urls() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        bearer,
        (POST, "/api/llm-application/open/document/upload_url"),
        &[],
        Some(json!({
            "knowledge_id": BASE,
            "upload_detail": [{"url": "https://example.com/faq.html", "knowledge_type": 1,
                               "callback_url": "https://example.com/hooks/doc"}]
        })),
        app_envelope(Some(json!({
            "successInfos": [{"documentId": DOC, "url": "https://example.com/faq.html"}],
            "failedInfos": []
        }))),
    )
    .await;
    let request = KnowledgeUrlUpload::new(
        BASE,
        vec![
            KnowledgeUrl::new("https://example.com/faq.html", 1)
                .callback_url("https://example.com/hooks/doc"),
        ],
    );
    let uploaded = api_client(&server)
        .upload_knowledge_document_urls(&request)
        .await
        .unwrap()
        .unwrap();
    mock.assert_async().await;
    assert_eq!(uploaded.success_infos[0].document_id.as_deref(), Some(DOC));
    assert!(uploaded.failed_infos.is_empty());
}

#[tokio::test]
async fn list_knowledge_document_images() {
    let server = MockServer::start_async().await;
    let path = format!("/api/llm-application/open/document/slice/image_list/{DOC}");
    let mock = expect_call(
        &server,
        bearer,
        (POST, &path),
        &[],
        None,
        app_envelope(Some(json!({"images": [{"text": "【示意图序号_1_103】",
                                    "cos_url": "https://cdn.bigmodel.cn/img/1.png"}]}))),
    )
    .await;
    let images = api_client(&server)
        .list_knowledge_document_images(DOC)
        .await
        .unwrap()
        .unwrap();
    mock.assert_async().await;
    assert_eq!(
        images.images[0].text.as_deref(),
        Some("【示意图序号_1_103】")
    );
    assert_eq!(
        images.images[0].cos_url.as_deref(),
        Some("https://cdn.bigmodel.cn/img/1.png")
    );
}

#[tokio::test]
async fn retrieve_knowledge_document() {
    let server = MockServer::start_async().await;
    let path = format!("/api/llm-application/open/document/{DOC}");
    let mock = expect_call(
        &server,
        bearer,
        (GET, &path),
        &[],
        None,
        app_envelope(Some(document())),
    )
    .await;
    let doc = api_client(&server)
        .retrieve_knowledge_document(DOC)
        .await
        .unwrap()
        .unwrap();
    mock.assert_async().await;
    assert_eq!(doc.knowledge_type, Some(5));
    assert_eq!(doc.sentence_size, Some(500));
    assert_eq!(
        doc.fail_info.unwrap().embedding_msg.as_deref(),
        Some("字数超出限制")
    );
}

#[tokio::test]
async fn delete_knowledge_document() {
    let server = MockServer::start_async().await;
    let path = format!("/api/llm-application/open/document/{DOC}");
    let mock = expect_call(
        &server,
        bearer,
        (DELETE, &path),
        &[],
        None,
        app_envelope(None),
    )
    .await;
    let () = api_client(&server)
        .delete_knowledge_document(DOC)
        .await
        .unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn reembed_knowledge_document() {
    let server = MockServer::start_async().await;
    let path = format!("/api/llm-application/open/document/embedding/{DOC}");
    let mock = expect_call(
        &server,
        bearer,
        (POST, &path),
        &[],
        Some(json!({"callback_url": "https://example.com/hooks/embedded"})),
        app_envelope(None),
    )
    .await;
    let request =
        KnowledgeReembedRequest::default().callback_url("https://example.com/hooks/embedded");
    let () = api_client(&server)
        .reembed_knowledge_document(DOC, &request)
        .await
        .unwrap();
    mock.assert_async().await;
}

/// Serves page `number` of documents (ids `doc-<n>`), `total` when given.
async fn document_page<'a>(
    server: &'a MockServer,
    number: Option<&str>,
    ids: &[u32],
    total: Option<u32>,
) -> httpmock::Mock<'a> {
    let list: Vec<Value> = ids
        .iter()
        .map(|i| json!({"id": format!("doc-{i}")}))
        .collect();
    let mut data = json!({"list": list});
    if let Some(total) = total {
        data["total"] = json!(total);
    }
    let body = app_envelope(Some(data)).to_string();
    server
        .mock_async(|when, then| {
            let when = when
                .path("/api/llm-application/open/document")
                .query_param("knowledge_id", BASE)
                .query_param("size", "2");
            match number {
                Some(n) => when.query_param("page", n),
                None => when.query_param_missing("page"),
            };
            then.status(200)
                .header("content-type", "application/json")
                .body(body);
        })
        .await
}

/// The ids of every page a `*_pages` stream yields, or the first error.
async fn document_ids(
    pages: impl futures_util::Stream<
        Item = Result<Option<zai::types::KnowledgeDocumentListData>, zai::Error>,
    >,
) -> Vec<Result<Vec<String>, zai::Error>> {
    use futures_util::StreamExt;
    pages
        .map(|page| page.map(|p| p.unwrap().list.into_iter().filter_map(|d| d.id).collect()))
        .collect()
        .await
}

/// Numbered pages from the first: the next number until `total` items have come
/// (here 5, in pages of 2, 2 and 1: no fourth request).
#[tokio::test]
async fn list_knowledge_documents_pages() {
    let server = MockServer::start_async().await;
    let first = document_page(&server, None, &[1, 2], Some(5)).await;
    let second = document_page(&server, Some("2"), &[3, 4], Some(5)).await;
    let third = document_page(&server, Some("3"), &[5], Some(5)).await;
    let client = api_client(&server);
    let ids = document_ids(
        client.list_knowledge_documents_pages(ListKnowledgeDocumentsQuery::new(BASE).size(2)),
    )
    .await;
    let ids: Vec<Vec<String>> = ids.into_iter().map(Result::unwrap).collect();
    assert_eq!(
        ids,
        [
            vec!["doc-1", "doc-2"],
            vec!["doc-3", "doc-4"],
            vec!["doc-5"]
        ]
    );
    for page in [first, second, third] {
        page.assert_calls_async(1).await;
    }
}

/// Without a total, paging goes on from the given page until a page is empty; a
/// failed page is yielded and ends the stream.
#[tokio::test]
async fn numbered_pages_end_on_an_empty_page_or_an_error() {
    let server = MockServer::start_async().await;
    let fourth = document_page(&server, Some("4"), &[7, 8], None).await;
    let fifth = document_page(&server, Some("5"), &[], None).await;
    let client = api_client(&server).with_options(|o| o.retry(zai::RetryPolicy::none()));
    let query = ListKnowledgeDocumentsQuery::new(BASE).size(2).page(4);
    let ids = document_ids(client.list_knowledge_documents_pages(query.clone())).await;
    let ids: Vec<Vec<String>> = ids.into_iter().map(Result::unwrap).collect();
    assert_eq!(ids, [vec!["doc-7", "doc-8"], vec![]]);
    fourth.assert_calls_async(1).await;
    fifth.assert_calls_async(1).await;

    // Page 5 now fails: the stream yields the error and stops.
    fifth.delete_async().await;
    let failing = server
        .mock_async(|when, then| {
            when.path("/api/llm-application/open/document")
                .query_param("page", "5");
            then.status(500)
                .header("content-type", "application/json")
                .body(r#"{"error":{"code":"500","message":"internal error"}}"#);
        })
        .await;
    let pages = document_ids(client.list_knowledge_documents_pages(query)).await;
    assert_eq!(pages.len(), 2);
    assert!(pages[0].is_ok());
    assert!(
        matches!(&pages[1], Err(zai::Error::Api(e)) if e.status == 500),
        "{pages:?}"
    );
    failing.assert_calls_async(1).await;
}

/// A server that ignores the page number answers the same page again: an error
/// after the first page, instead of asking forever.
#[tokio::test]
async fn numbered_pages_answered_again_end_in_an_error() {
    let server = MockServer::start_async().await;
    let body = app_envelope(Some(json!({"list": [{"id": "doc-1"}, {"id": "doc-2"}]})));
    let any_page = server
        .mock_async(|when, then| {
            when.path("/api/llm-application/open/document");
            then.status(200)
                .header("content-type", "application/json")
                .body(body.to_string());
        })
        .await;
    let client = api_client(&server);
    let query = ListKnowledgeDocumentsQuery::new(BASE).size(2);
    // Without the check the stream never ends: fail, rather than hang.
    let pages = futures_util::StreamExt::take(client.list_knowledge_documents_pages(query), 3);
    let pages = document_ids(pages).await;
    assert_eq!(pages.len(), 2, "{pages:?}");
    assert_eq!(pages[0].as_ref().unwrap(), &["doc-1", "doc-2"]);
    assert!(
        matches!(&pages[1], Err(zai::Error::UnexpectedResponse(m)) if m.contains("same page again")),
        "{pages:?}"
    );
    any_page.assert_calls_async(2).await;
}
