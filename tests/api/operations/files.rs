//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! Files: upload, list, delete, content.

use crate::support::{JSON, KEY, authed, client, collect_bytes, json_reply, text_part};
use httpmock::{
    Method::{DELETE, GET, POST},
    MockServer,
};
use serde_json::json;
use zai::FilePart;
use zai::types::{FileUploadRequest, ListFilesQuery};

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

/// Sends query and parses page.
#[tokio::test]
async fn list_files() {
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
                .order(zai::types::SortOrder::Desc)
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

/// Parses result.
#[tokio::test]
async fn delete_file() {
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

/// Returns exact bytes.
#[tokio::test]
async fn retrieve_file_content() {
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

/// Every page, following the `after` cursor until `has_more` is false.
#[tokio::test]
async fn list_files_pages() {
    use futures_util::StreamExt;
    let server = MockServer::start_async().await;
    let page = |ids: &[&str], more: bool| {
        let data: Vec<_> = ids
            .iter()
            .map(|id| json!({"id": id, "object": "file"}))
            .collect();
        json!({"object": "list", "data": data, "has_more": more}).to_string()
    };
    let second = server
        .mock_async(|when, then| {
            when.path("/files")
                .query_param("after", "file-b")
                .query_param("limit", "2");
            then.status(200)
                .header("content-type", "application/json")
                .body(page(&["file-c"], false));
        })
        .await;
    let first = server
        .mock_async(|when, then| {
            when.path("/files")
                .query_param_missing("after")
                .query_param("limit", "2");
            then.status(200)
                .header("content-type", "application/json")
                .body(page(&["file-a", "file-b"], true));
        })
        .await;
    let client = crate::support::client(&server);
    let mut pages = client.list_files_pages(zai::types::ListFilesQuery::default().limit(2));
    let mut ids: Vec<Vec<String>> = Vec::new();
    // The stream is `Unpin`: `.next()` needs no `pin!`.
    while let Some(page) = pages.next().await {
        ids.push(
            page.unwrap()
                .data
                .into_iter()
                .filter_map(|f| f.id)
                .collect(),
        );
    }
    assert_eq!(ids, [vec!["file-a", "file-b"], vec!["file-c"]]);
    first.assert_async().await;
    second.assert_async().await;
}

/// A server that ignores the `after` cursor answers the first page again: an
/// error after it, instead of asking forever.
#[tokio::test]
async fn cursor_pages_answered_again_end_in_an_error() {
    use futures_util::StreamExt;
    let server = MockServer::start_async().await;
    let body = json!({"object": "list", "data": [{"id": "file-a"}], "has_more": true});
    let any_page = server
        .mock_async(|when, then| {
            when.path("/files");
            then.status(200)
                .header("content-type", "application/json")
                .body(body.to_string());
        })
        .await;
    let client = crate::support::client(&server);
    // Without the check the stream never ends: fail, rather than hang.
    let pages: Vec<_> = client
        .list_files_pages(zai::types::ListFilesQuery::default())
        .take(3)
        .collect()
        .await;
    assert_eq!(pages.len(), 2, "{pages:?}");
    assert_eq!(
        pages[0].as_ref().unwrap().data[0].id.as_deref(),
        Some("file-a")
    );
    assert!(
        matches!(&pages[1], Err(zai::Error::UnexpectedResponse(m)) if m.contains("same page again")),
        "{pages:?}"
    );
    any_page.assert_calls_async(2).await;
}
