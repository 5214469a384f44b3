//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! Documents: file parsing (async task, result, sync) and handwriting OCR.

use crate::support::{
    authed, client, collect_bytes, file_part, json_reply, post_multipart, text_part,
};
use httpmock::{Method::GET, MockServer};
use serde_json::json;
use zai::FilePart;
use zai::types::{FileParseRequest, HandwritingOcrRequest};

fn parse_request(tool_type: &str) -> FileParseRequest {
    FileParseRequest::new(
        FilePart::new(&b"%PDF-1.7 tiny"[..], "report.pdf", "application/pdf"),
        "pdf",
        tool_type,
    )
}

/// Sends parts.
#[tokio::test]
async fn create_file_parse_task() {
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

/// Returns raw body.
#[tokio::test]
async fn retrieve_file_parse_result() {
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

/// Sends parts and parses content.
#[tokio::test]
async fn parse_file_sync() {
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
    assert_eq!(
        parsed.status,
        Some(zai::types::FileParseSyncResponseStatus::Boolean(true))
    );
    assert_eq!(
        parsed.content.as_deref(),
        Some("# Report\nQ1 revenue grew.")
    );
    assert_eq!(
        parsed.parsing_result_url.as_deref(),
        Some("https://example.com/parse-sync-1.zip")
    );
}

/// Sends parts and parses words.
#[tokio::test]
async fn recognize_handwriting() {
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

/// The sync parser's `status` parses as the string its OCR sibling sends.
#[test]
fn parse_file_sync_status_string() {
    let parsed: zai::types::FileParseSyncResponse = serde_json::from_value(json!({
        "task_id": "parse-sync-2", "message": "ok", "status": "succeeded",
        "content": "# Report", "parsing_result_url": null
    }))
    .expect("a string status parses");
    assert_eq!(
        parsed.status,
        Some(zai::types::FileParseSyncResponseStatus::String(
            "succeeded".into()
        ))
    );
}
