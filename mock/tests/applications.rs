//! Applications (the older agent API) as stored collections: conversations
//! started per application, continued by invocations and read back by their
//! history record, 404 when unknown or of another application; uploaded files
//! with distinct ids whose parsing state progresses over reports.

mod support;

use serde_json::{Value, json};
use support::{call, upload_files};
use zai_mock::MockServer;

const APP: &str = "/api/llm-application/open";
const INVOKE: &str = "/api/llm-application/open/v3/application/invoke";

/// The mock's answer for an unknown `id`.
fn not_found(id: &str) -> Value {
    let mut body = zai_mock::error_body(404);
    body["error"] = json!({"code": "1211", "message": format!("Resource not found: {id}")});
    body
}

fn invoke(app: &str, conversation: Option<&str>, stream: bool) -> Value {
    let mut body = json!({"app_id": app, "stream": stream, "messages": [
        {"role": "user", "content": [{"type": "input", "value": "When does my parcel ship?"}]}]});
    if let Some(id) = conversation {
        body["conversation_id"] = id.into();
    }
    body
}

#[tokio::test]
async fn conversations_are_stored_per_application_continued_and_recorded() {
    let mock = MockServer::start().await;
    let start = async |app: &str| {
        let path = format!("/v2/application/{app}/conversation");
        let (status, answer) = call(&mock, "POST", &format!("{APP}{path}"), None).await;
        assert_eq!((status, &answer["code"]), (200, &json!(200)), "{answer}");
        answer["data"]["conversation_id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (a1, a2, b1) = (
        start("app-a").await,
        start("app-a").await,
        start("app-b").await,
    );
    let seeded = "conv-1834500000000000009";
    assert!(
        a1 != a2 && a2 != b1 && a1 != b1 && a1 != seeded,
        "{a1} {a2} {b1}"
    );
    assert!(a1.starts_with("conv-") && a1.len() == seeded.len(), "{a1}");

    // A known conversation of its application continues.
    let (status, answer) = call(
        &mock,
        "POST",
        INVOKE,
        Some(invoke("app-a", Some(&a1), false)),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(answer["conversation_id"], json!(a1));
    assert_eq!(
        answer["choices"][0]["messages"]["content"]["msg"],
        "Your parcel ships tomorrow."
    );
    // Streamed: every event names it.
    let text = reqwest::Client::new()
        .post(format!("{}{INVOKE}", mock.url()))
        .bearer_auth("a.b")
        .json(&invoke("app-a", Some(&a2), true))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let named: Vec<Value> = text
        .lines()
        .filter_map(|l| l.strip_prefix("data: ").filter(|d| *d != "[DONE]"))
        .map(|d| serde_json::from_str::<Value>(d).unwrap()["conversation_id"].clone())
        .collect();
    assert_eq!(named, [json!(a2), json!(a2)]);
    // Unknown, or another application's: 404.
    for (app, id) in [("app-a", "conv-nope"), ("app-a", b1.as_str())] {
        let reply = call(&mock, "POST", INVOKE, Some(invoke(app, Some(id), false))).await;
        assert_eq!(reply, (404, not_found(id)));
    }
    // No conversation: the invocation starts one.
    let (_, fresh) = call(&mock, "POST", INVOKE, Some(invoke("app-b", None, false))).await;
    let b2 = fresh["conversation_id"].as_str().unwrap().to_owned();
    assert!(b2 != b1 && b2 != a1 && b2 != seeded, "{b2}");

    let record = async |app: &str, id: &str| {
        call(
            &mock,
            "GET",
            &format!("{APP}/history_session_record/{app}/{id}"),
            None,
        )
        .await
    };
    let suggested = json!({"data": {"problems": ["How do I track my parcel?", "Can I change the address?"]},
        "code": 200, "message": "请求成功", "timestamp": 1726110000000_u64});
    assert_eq!(record("app-a", &a1).await, (200, suggested.clone()));
    assert_eq!(record("app-b", &b2).await, (200, suggested));
    assert_eq!(record("app-b", &a1).await, (404, not_found(&a1)));
    assert_eq!(
        record("app-a", "conv-nope").await,
        (404, not_found("conv-nope"))
    );
}

/// Uploads files `names` to application `app`, one `files` part each.
async fn upload(mock: &MockServer, app: &str, names: &[&str]) -> Value {
    let path = format!("{APP}/v2/application/file_upload");
    upload_files(mock, &path, &[("app_id", app)], names).await
}

#[tokio::test]
async fn uploaded_files_get_distinct_ids_and_parse_over_reports() {
    let mock = MockServer::start().await;
    let uploaded = upload(&mock, "app-a", &["report.docx", "sheet.xlsx"]).await;
    let info = uploaded["data"]["success_info"].as_array().unwrap();
    let ids: Vec<&str> = info
        .iter()
        .map(|f| f["file_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{uploaded}");
    assert!(ids[0] != ids[1] && ids[0] != "file-app-01", "{ids:?}");
    assert!(ids[0].starts_with("file-app-"), "{ids:?}");
    assert_eq!(
        uploaded["data"],
        json!({"success_info": [{"file_id": ids[0], "file_name": "report.docx"},
            {"file_id": ids[1], "file_name": "sheet.xlsx"}], "fail_info": []})
    );

    let stat = async |app: &str| {
        let body = json!({"app_id": app, "file_ids": [ids[0], "file-nope", ids[1]]});
        let (status, answer) = call(
            &mock,
            "POST",
            &format!("{APP}/v2/application/file_stat"),
            Some(body),
        )
        .await;
        assert_eq!((status, &answer["code"]), (200, &json!(200)), "{answer}");
        answer["data"].clone()
    };
    let report = |code: u32, msg: &str| {
        json!([{"file_id": ids[0], "code": code, "msg": msg},
            {"file_id": "file-nope", "code": 404, "msg": "文件不存在"},
            {"file_id": ids[1], "code": code, "msg": msg}])
    };
    // Another application's files are unknown to it (and not reported on).
    let unknown = |id: &str| json!({"file_id": id, "code": 404, "msg": "文件不存在"});
    assert_eq!(
        stat("app-b").await,
        json!([unknown(ids[0]), unknown("file-nope"), unknown(ids[1])])
    );
    assert_eq!(stat("app-a").await, report(1, "解析中"));
    assert_eq!(stat("app-a").await, report(0, "解析成功"));
    assert_eq!(stat("app-a").await, report(0, "解析成功"));
}
