//! Collections kept per server beyond files and batches: knowledge bases
//! (enveloped answers, numbered pages with a total, updates), their documents
//! (uploaded as files or URLs, listed per knowledge base, embedded over
//! retrievals), assistant conversations (started by assistant calls) and
//! fine-tuning jobs (cursor pages), with distinct ids and 404s for unknown ones;
//! and the service's validation of ranges and item counts.

mod support;

use serde_json::{Value, json};
use support::{call, upload_files};
use zai_mock::MockServer;

const KB: &str = "/api/llm-application/open/knowledge";
const DOC: &str = "/api/llm-application/open/document";

/// Uploads files `names` into knowledge base `kb`, one `files` part each.
async fn upload(mock: &MockServer, kb: &str, names: &[&str]) -> Value {
    let path = format!("{DOC}/upload_document/{kb}");
    upload_files(mock, &path, &[("knowledge_type", "3")], names).await
}

#[tokio::test]
async fn knowledge_bases_get_distinct_ids_pages_updates_and_deletes() {
    let mock = MockServer::start().await;
    let mut ids = Vec::new();
    for name in ["Manuals", "Policies", "Recipes"] {
        let body = json!({"embedding_id": 11, "name": name, "description": format!("All {name}")});
        let (status, created) = call(&mock, "POST", KB, Some(body)).await;
        assert_eq!(status, 200);
        assert_eq!(created["code"], 200);
        ids.push(created["data"]["id"].as_str().unwrap().to_owned());
    }
    let mut distinct = ids.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), 3, "{ids:?}");

    // One seeded knowledge base plus three: pages of two, newest first.
    let page = async |n: u32| call(&mock, "GET", &format!("{KB}?page={n}&size=2"), None).await;
    let (_, first) = page(1).await;
    assert_eq!(first["data"]["total"], 4);
    let names: Vec<&str> = first["data"]["list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Recipes", "Policies"]);
    let (_, second) = page(2).await;
    assert_eq!(second["data"]["list"].as_array().unwrap().len(), 2);
    assert_eq!(second["data"]["list"][0]["name"], "Manuals");
    let (_, third) = page(3).await;
    assert_eq!(third["data"]["list"], json!([]));

    let item = format!("{KB}/{}", ids[0]);
    let (_, got) = call(&mock, "GET", &item, None).await;
    assert_eq!(
        (&got["data"]["id"], &got["data"]["name"]),
        (&json!(ids[0]), &json!("Manuals"))
    );
    assert_eq!(got["data"]["description"], "All Manuals");
    let (status, _) = call(&mock, "PUT", &item, Some(json!({"name": "Manuals 2026"}))).await;
    assert_eq!(status, 200);
    assert_eq!(
        call(&mock, "GET", &item, None).await.1["data"]["name"],
        "Manuals 2026"
    );
    assert_eq!(call(&mock, "DELETE", &item, None).await.0, 200);
    let (status, missing) = call(&mock, "GET", &item, None).await;
    assert_eq!(status, 404);
    assert_eq!(
        missing["error"]["message"],
        format!("Resource not found: {}", ids[0])
    );
    assert_eq!(page(1).await.1["data"]["total"], 3);
}

#[tokio::test]
async fn documents_are_uploaded_listed_per_knowledge_base_embedded_and_deleted() {
    let mock = MockServer::start().await;
    let uploaded = upload(&mock, "kb-a", &["a.pdf", "b.txt"]).await;
    let infos = &uploaded["data"]["successInfos"];
    assert_eq!(infos.as_array().unwrap().len(), 2, "{uploaded}");
    assert_eq!(
        (&infos[0]["fileName"], &infos[1]["fileName"]),
        (&json!("a.pdf"), &json!("b.txt"))
    );
    assert_eq!(uploaded["data"]["failedInfos"], json!([]));
    let (a, b) = (
        infos[0]["documentId"].clone(),
        infos[1]["documentId"].clone(),
    );
    assert_ne!(a, b);
    let urls = json!({"knowledge_id": "kb-a", "upload_detail": [
        {"url": "https://example.com/faq.html", "knowledge_type": 1}]});
    let (_, by_url) = call(&mock, "POST", &format!("{DOC}/upload_url"), Some(urls)).await;
    let faq = by_url["data"]["successInfos"][0]["documentId"].clone();
    assert_eq!(
        by_url["data"]["successInfos"][0]["url"],
        "https://example.com/faq.html"
    );
    assert_eq!(by_url["data"]["failedInfos"], json!([]));
    upload(&mock, "kb-b", &["other.md"]).await;

    // kb-a: its three documents and the example one every list starts with.
    let page = async |kb: &str, n: u32| {
        call(
            &mock,
            "GET",
            &format!("{DOC}?knowledge_id={kb}&page={n}&size=2"),
            None,
        )
        .await
        .1
    };
    let first = page("kb-a", 1).await;
    assert_eq!(first["data"]["total"], 4);
    let listed = |page: &Value| -> Vec<String> {
        let list = page["data"]["list"].as_array().unwrap();
        list.iter()
            .map(|d| d["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(listed(&first), ["faq.html", "b.txt"]);
    assert_eq!(listed(&page("kb-a", 2).await), ["a.pdf", "manual.pdf"]);
    assert_eq!(page("kb-b", 1).await["data"]["total"], 2);
    // New documents are being embedded (1) until retrieved twice (2, done).
    assert_eq!(first["data"]["list"][0]["embedding_stat"], 1);
    assert_eq!(first["data"]["list"][1]["knowledge_type"], 3);
    let item = format!("{DOC}/{}", faq.as_str().unwrap());
    let (status, got) = call(&mock, "GET", &item, None).await;
    assert_eq!(
        (status, &got["data"]["id"], &got["data"]["embedding_stat"]),
        (200, &faq, &json!(1))
    );
    assert_eq!(got["data"]["url"], "https://example.com/faq.html");
    assert_eq!(
        call(&mock, "GET", &item, None).await.1["data"]["embedding_stat"],
        2
    );
    assert_eq!(
        call(&mock, "GET", &item, None).await.1["data"]["embedding_stat"],
        2
    );
    // The example document is embedded already and stays so.
    let seeded = format!("{DOC}/1834902000000000001");
    assert_eq!(
        call(&mock, "GET", &seeded, None).await.1["data"]["embedding_stat"],
        2
    );

    let doc_a = format!("{DOC}/{}", a.as_str().unwrap());
    let (status, reembed) = call(
        &mock,
        "POST",
        &format!("{DOC}/embedding/{}", a.as_str().unwrap()),
        Some(json!({})),
    )
    .await;
    assert_eq!((status, &reembed["code"]), (200, &json!(200)));
    assert_eq!(
        call(&mock, "DELETE", &doc_a, None).await,
        (
            200,
            json!({"code": 200, "message": "请求成功", "timestamp": 1726110000000_u64})
        )
    );
    let (status, missing) = call(&mock, "GET", &doc_a, None).await;
    assert_eq!(status, 404);
    assert_eq!(
        missing["error"],
        json!({"code": "1211", "message": format!("Resource not found: {}", a.as_str().unwrap())})
    );
    let unknown = format!("{DOC}/embedding/no-such-doc");
    assert_eq!(call(&mock, "POST", &unknown, Some(json!({}))).await.0, 404);
    assert_eq!(page("kb-a", 1).await["data"]["total"], 3);
}

#[tokio::test]
async fn assistant_calls_start_conversations_that_the_list_pages() {
    let mock = MockServer::start().await;
    let assistant = "659e54b1b8006379b4b2abd6";
    let turn = |conversation: Option<&str>, stream: bool| {
        let mut body = json!({"assistant_id": assistant, "model": "glm-4-assistant", "stream": stream,
            "messages": [{"role": "user", "content": [{"type": "text", "text": "Draw a cat."}]}]});
        if let Some(id) = conversation {
            body["conversation_id"] = id.into();
        }
        body
    };
    let mut ids = Vec::new();
    for _ in 0..2 {
        let (status, reply) = call(&mock, "POST", "/assistant", Some(turn(None, false))).await;
        assert_eq!(status, 200);
        ids.push(reply["conversation_id"].as_str().unwrap().to_owned());
    }
    // A streamed turn names its new conversation in every chunk.
    let text = reqwest::Client::new()
        .post(format!("{}/assistant", mock.url()))
        .bearer_auth("a.b")
        .json(&turn(None, true))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let chunks: Vec<Value> = text
        .lines()
        .filter_map(|l| l.strip_prefix("data: ").filter(|d| *d != "[DONE]"))
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    assert_eq!(chunks.len(), 2);
    let streamed = chunks[0]["conversation_id"].as_str().unwrap().to_owned();
    assert_eq!(chunks[1]["conversation_id"], json!(streamed));
    ids.push(streamed);
    assert!(
        ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != "67a0c1d2e3f4",
        "{ids:?}"
    );
    // Continuing one adds none; an unknown one is a 404.
    let (_, again) = call(
        &mock,
        "POST",
        "/assistant",
        Some(turn(Some(&ids[0]), false)),
    )
    .await;
    assert_eq!(again["conversation_id"], json!(ids[0]));
    assert_eq!(
        call(&mock, "POST", "/assistant", Some(turn(Some("nope"), false)))
            .await
            .0,
        404
    );
    let other = json!({"assistant_id": "other", "model": "glm-4-assistant",
        "messages": [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}]});
    call(&mock, "POST", "/assistant", Some(other)).await;

    let list = async |page: u32| {
        let body = json!({"assistant_id": assistant, "page": page, "page_size": 2});
        call(&mock, "POST", "/assistant/conversation/list", Some(body))
            .await
            .1
    };
    let ids_of = |page: &Value| -> Vec<String> {
        let list = page["data"]["conversation_list"].as_array().unwrap();
        list.iter()
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let first = list(1).await;
    assert_eq!(ids_of(&first), [ids[2].clone(), ids[1].clone()]);
    assert_eq!(
        (&first["data"]["has_more"], &first["code"]),
        (&json!(true), &json!(200))
    );
    assert_eq!(
        first["data"]["conversation_list"][0]["assistant_id"],
        assistant
    );
    let second = list(2).await;
    assert_eq!(ids_of(&second), [ids[0].clone(), "67a0c1d2e3f4".to_owned()]);
    assert_eq!(second["data"]["has_more"], false);
}

#[tokio::test]
async fn fine_tuning_jobs_are_a_collection_with_cursor_pages() {
    let mock = MockServer::start().await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        let body = json!({"model": "glm-4-flash", "training_file": "file-1"});
        let (status, job) = call(&mock, "POST", "/fine_tuning/jobs", Some(body)).await;
        assert_eq!(status, 200, "{job}");
        ids.push(job["id"].as_str().unwrap().to_owned());
    }
    assert!(ids[0] != ids[1] && ids[1] != ids[2]);
    let (_, page) = call(&mock, "GET", "/fine_tuning/jobs?limit=2", None).await;
    let listed: Vec<&Value> = page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| &j["id"])
        .collect();
    assert_eq!(listed, [&json!(ids[2]), &json!(ids[1])]);
    assert_eq!(page["has_more"], true);
    let (_, next) = call(
        &mock,
        "GET",
        &format!("/fine_tuning/jobs?limit=2&after={}", ids[1]),
        None,
    )
    .await;
    assert_eq!(next["data"][0]["id"], json!(ids[0]));
    let item = format!("/fine_tuning/jobs/{}", ids[0]);
    assert_eq!(call(&mock, "GET", &item, None).await.1["id"], json!(ids[0]));
    assert_eq!(call(&mock, "DELETE", &item, None).await.0, 200);
    assert_eq!(call(&mock, "GET", &item, None).await.0, 404);
}

#[tokio::test]
async fn ranges_and_item_counts_are_validated_with_code_1214_and_the_field() {
    let mock = MockServer::start().await;
    let user = json!([{"role": "user", "content": "Hi"}]);
    for (body, message) in [
        (
            json!({"model": "glm-4.7", "messages": user, "temperature": 5.0}),
            "Invalid temperature parameter (expected at most 1). Please check the documentation",
        ),
        (
            json!({"model": "glm-4.7", "messages": user, "top_p": 0.0}),
            "Invalid top_p parameter (expected at least 0.01). Please check the documentation",
        ),
        (
            json!({"model": "glm-4.7", "messages": []}),
            "Invalid messages parameter (expected at least 1 item). Please check the documentation",
        ),
    ] {
        let (status, error) = call(&mock, "POST", "/chat/completions", Some(body)).await;
        assert_eq!(status, 400);
        assert_eq!(error["error"], json!({"code": "1214", "message": message}));
    }
    let documents: Vec<String> = (0..129).map(|i| format!("doc {i}")).collect();
    let body = json!({"model": "rerank", "query": "q", "documents": documents});
    let (status, error) = call(&mock, "POST", "/rerank", Some(body)).await;
    assert_eq!(status, 400);
    assert_eq!(
        error["error"]["message"],
        "Invalid documents parameter (expected at most 128 items). Please check the documentation"
    );
}
