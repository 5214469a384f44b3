//! Collections kept per server beyond files and batches: knowledge bases
//! (enveloped answers, numbered pages with a total, updates) and fine-tuning
//! jobs (cursor pages), with distinct ids and 404s for unknown ones; and the
//! service's validation of ranges and item counts.

use serde_json::{Value, json};
use zai_mock::MockServer;

async fn call(mock: &MockServer, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    zai::install_tls_provider();
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut request = reqwest::Client::new()
        .request(method, format!("{}{path}", mock.url()))
        .bearer_auth("a.b");
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

const KB: &str = "/api/llm-application/open/knowledge";

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
