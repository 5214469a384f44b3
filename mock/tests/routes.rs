//! The mock over plain HTTP: its routes (server root and the real API's bases),
//! auth, errors, streams and sequences, with exact statuses and bodies.

use serde_json::{Value, json};
use zai_mock::{MockServer, Operation, operations};

struct Reply {
    status: u16,
    content_type: String,
    allow: String,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

const KEY: &str = "Bearer mock-id.mock-secret";

async fn send(
    mock: &MockServer,
    method: &str,
    path: &str,
    auth: Option<(&str, &str)>,
    body: Option<(&str, String)>,
) -> Reply {
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut request = http().request(method, format!("{}{path}", mock.url()));
    if let Some((name, value)) = auth {
        request = request.header(name, value);
    }
    if let Some((content_type, body)) = body {
        request = request.header("content-type", content_type).body(body);
    }
    let response = request.send().await.unwrap();
    let header = |name| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let (content_type, allow) = (header("content-type"), header("allow"));
    let status = response.status().as_u16();
    let body = response.text().await.unwrap();
    Reply {
        status,
        content_type,
        allow,
        body,
    }
}

async fn post(mock: &MockServer, path: &str, body: Value) -> Reply {
    let body = Some(("application/json", body.to_string()));
    send(mock, "POST", path, Some(("authorization", KEY)), body).await
}

fn op(id: &str) -> &'static Operation {
    operations().iter().find(|op| op.id == id).unwrap()
}

fn example(id: &str, name: &str) -> &'static str {
    let examples = &op(id).examples;
    &examples.iter().find(|(n, _)| n == name).unwrap().1
}

/// The exact event stream the mock sends for example `name` of `id`.
fn event_stream(id: &str, name: &str) -> String {
    let stream = op(id).stream.as_ref().unwrap();
    let chunks = &stream.examples.iter().find(|(n, _)| n == name).unwrap().1;
    let mut text = String::new();
    for chunk in chunks {
        if let Some(field) = &stream.event_field {
            let event: Value = serde_json::from_str(chunk).unwrap();
            text += &format!("event: {}\n", event[field].as_str().unwrap());
        }
        text += &format!("data: {chunk}\n\n");
    }
    if let Some(done) = &stream.done {
        text += &format!("data: {done}\n\n");
    }
    text
}

fn error(code: &str, message: &str) -> String {
    json!({"error": {"code": code, "message": message}}).to_string()
}

#[tokio::test]
async fn paas_operations_answer_at_the_root_and_under_both_paas_bases() {
    let mock = MockServer::start().await;
    let request = json!({"model": "glm-4.7", "messages": [{"role": "user", "content": "Hi"}]});
    for path in [
        "/chat/completions",
        "/api/paas/v4/chat/completions",
        "/api/coding/paas/v4/chat/completions",
    ] {
        let reply = post(&mock, path, request.clone()).await;
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.content_type, "application/json");
        let canned: Value =
            serde_json::from_str(example("createChatCompletion", "default")).unwrap();
        assert_eq!(reply.json()["id"], canned["id"]);
        assert_eq!(
            reply.json()["choices"][0]["message"]["content"],
            "You asked about \"Hi\". Hello! How can I help you today?"
        );
    }
    // Not under the bare API root: that is for `x-zai-base: root` operations.
    let reply = post(&mock, "/api/chat/completions", request).await;
    assert_eq!(reply.status, 404);
}

#[tokio::test]
async fn root_operations_answer_under_api_and_the_sdk_form() {
    let mock = MockServer::start().await;
    let request = json!({"agent_id": "general_translation", "messages": []});
    for path in ["/v1/agents", "/api/v1/agents", "/api/paas/v4/v1/agents"] {
        let reply = post(&mock, path, request.clone()).await;
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.body, example("createAgentCompletion", "default"));
    }
    let message = json!({"model": "glm-4.7", "max_tokens": 16,
                         "messages": [{"role": "user", "content": "Hello!"}]});
    for path in ["/anthropic/v1/messages", "/api/anthropic/v1/messages"] {
        let body = Some(("application/json", message.to_string()));
        let reply = send(&mock, "POST", path, Some(("x-api-key", "a.b")), body).await;
        assert_eq!(reply.status, 200, "{path}");
        let canned: Value = serde_json::from_str(example("createMessage", "default")).unwrap();
        assert_eq!(reply.json()["id"], canned["id"]);
        assert_eq!(
            reply.json()["content"][0]["text"],
            "You asked about \"Hello!\". Hello! How can I help you today?"
        );
    }
}

/// The operation's request example as a body: JSON, or multipart parts (a
/// placeholder `<binary ...>` becomes a file part).
fn example_body(op: &Operation) -> Option<(&'static str, String)> {
    let example = op.request_example.clone()?;
    if !op.multipart {
        return Some(("application/json", example.to_string()));
    }
    let mut form = String::new();
    for (name, value) in example.as_object().unwrap() {
        let text = value
            .as_str()
            .map_or_else(|| value.to_string(), str::to_owned);
        let file = if text.starts_with("<binary") {
            "; filename=\"a.bin\"\r\nContent-Type: application/octet-stream"
        } else {
            ""
        };
        form += &format!(
            "--b\r\nContent-Disposition: form-data; name=\"{name}\"{file}\r\n\r\n{text}\r\n"
        );
    }
    form += "--b--\r\n";
    Some(("multipart/form-data; boundary=b", form))
}

#[tokio::test]
async fn every_operation_answers_its_first_example_at_its_real_path() {
    let mock = MockServer::start().await;
    // Deletions last, so the stored items they remove serve the others first.
    let mut ops: Vec<&Operation> = operations().iter().collect();
    ops.sort_by_key(|op| op.method == "DELETE");
    for op in ops {
        let base = if op.root { "/api" } else { "/api/paas/v4" };
        let seeded = zai_mock::seeded_id(op);
        let path: String = op
            .path
            .split('/')
            .map(|s| match (s.starts_with('{'), &seeded) {
                (true, Some(id)) => id.as_str(),
                (true, None) => "x1",
                _ => s,
            })
            .collect::<Vec<_>>()
            .join("/");
        let body = example_body(op);
        assert!(
            body.is_some() || !op.body_required,
            "{}: no request example",
            op.id
        );
        let query: Vec<String> = zai_mock::required_query(op)
            .into_iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        let query = match query.is_empty() {
            true => String::new(),
            false => format!("?{}", query.join("&")),
        };
        let reply = send(
            &mock,
            &op.method,
            &format!("{base}{path}{query}"),
            Some(("authorization", KEY)),
            body,
        )
        .await;
        assert_eq!(reply.status, 200, "{} {base}{path}: {}", op.id, reply.body);
        assert_eq!(reply.content_type, op.content_type, "{}", op.id);
        let is_collection = zai_mock::operations()
            .iter()
            .any(|o| o.path.starts_with(&format!("{path}/{{")));
        if seeded.is_some() || is_collection {
            continue; // stored resources: see `stateful.rs`
        }
        if [
            "createEmbedding",
            "rerank",
            "tokenize",
            "createChatCompletion",
            "createMessage",
        ]
        .contains(&op.id.as_str())
        {
            continue; // computed from the request: see `computed.rs`
        }
        let adding = [
            "createAssistantCompletion",
            "listAssistantConversations",
            "uploadKnowledgeDocument",
            "uploadKnowledgeDocumentUrls",
            "createApplicationConversation",
            "uploadApplicationFiles",
        ];
        if adding.contains(&op.id.as_str()) {
            continue; // adding to conversations, documents, files: `collections.rs`, `applications.rs`
        }
        let first = op.sequence.first().map_or("default", String::as_str);
        let expected = op
            .examples
            .iter()
            .find(|(n, _)| n == first)
            .unwrap_or(&op.examples[0]);
        if op.content_type != "application/json" {
            assert_eq!(reply.body, expected.1, "{}", op.id);
            continue;
        }
        // A created task has a fresh id where the example has one.
        let mut expected: Value = serde_json::from_str(&expected.1).unwrap();
        let mut got = reply.json();
        if op.creates_task.is_some() {
            assert_ne!(got["id"], expected["id"], "{}", op.id);
            got["id"] = Value::Null;
            expected["id"] = Value::Null;
        }
        assert_eq!(got, expected, "{}", op.id);
    }
}

#[tokio::test]
async fn stream_true_answers_the_stream_examples_as_server_sent_events() {
    let mock = MockServer::start().await;
    let reply = post(
        &mock,
        "/api/paas/v4/chat/completions",
        json!({"model": "glm-4.7", "messages": [{"role": "user", "content": "Hi"}], "stream": true}),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.content_type, "text/event-stream;charset=UTF-8");
    // The example's events, their text quoting the question (`computed.rs`).
    let content: String = reply
        .body
        .lines()
        .filter_map(|l| l.strip_prefix("data: ").filter(|d| *d != "[DONE]"))
        .map(|d| serde_json::from_str::<Value>(d).unwrap())
        .filter_map(|c| {
            c["choices"][0]["delta"]["content"]
                .as_str()
                .map(str::to_owned)
        })
        .collect();
    assert_eq!(
        content,
        "You asked about \"Hi\". Hello! How can I help you today?"
    );
    assert!(reply.body.starts_with("data: {"));
    assert!(reply.body.ends_with("\n\ndata: [DONE]\n\n"));

    // `tools` in the request: a call of the declared function, streamed (its
    // arguments an instance of its schema: none declared, an empty object).
    let tools = json!({"model": "glm-4.7", "messages": [{"role": "user", "content": "Weather?"}],
                       "stream": true, "tools": [{"type": "function", "function": {"name": "get_weather"}}]});
    let reply = post(&mock, "/chat/completions", tools).await;
    let call = r#"{"function":{"arguments":"{}","name":"get_weather"},"id":"call_"#;
    assert!(reply.body.contains(call), "{}", reply.body);
    assert!(reply.body.contains(r#""finish_reason":"tool_calls""#));

    // Anthropic: each event named by its `type`.
    let mut message = op("createMessage").request_example.clone().unwrap();
    message["stream"] = json!(true);
    let body = Some(("application/json", message.to_string()));
    let path = "/api/anthropic/v1/messages";
    let reply = send(&mock, "POST", path, Some(("x-api-key", "a.b")), body).await;
    let names: Vec<&str> = reply
        .body
        .lines()
        .filter_map(|l| l.strip_prefix("event: "))
        .collect();
    let canned = event_stream("createMessage", "default");
    let expected: Vec<&str> = canned
        .lines()
        .filter_map(|l| l.strip_prefix("event: "))
        .collect();
    assert_eq!(names, expected);
    assert!(reply.body.starts_with("event: message_start\ndata: {"));

    // Multipart: a `stream=true` part.
    let form = "--b\r\nContent-Disposition: form-data; name=\"stream\"\r\n\r\ntrue\r\n\
                --b\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nglm-asr\r\n\
                --b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\
                Content-Type: audio/wav\r\n\r\nRIFF\r\n--b--\r\n";
    let body = Some(("multipart/form-data; boundary=b", form.to_owned()));
    let path = "/api/paas/v4/audio/transcriptions";
    let reply = send(&mock, "POST", path, Some(("authorization", KEY)), body).await;
    assert_eq!(reply.content_type, "text/event-stream;charset=UTF-8");
    assert_eq!(reply.body, event_stream("createTranscription", "default"));
}

#[tokio::test]
async fn a_key_is_needed_and_the_bearer_scheme_is_any_case() {
    let mock = MockServer::start().await;
    let request = json!({"model": "glm-4.7", "messages": [{"role": "user", "content": "Hi"}]});
    let body = || Some(("application/json", request.to_string()));
    let path = "/api/paas/v4/chat/completions";
    for auth in [
        None,
        Some(("authorization", "Bearer")),
        Some(("authorization", "Bearer not-a-key")),
        Some(("authorization", "Basic a.b")),
    ] {
        let reply = send(&mock, "POST", path, auth, body()).await;
        assert_eq!(reply.status, 401, "{auth:?}");
        assert_eq!(reply.content_type, "application/json");
        assert_eq!(reply.body, error("1002", "Authorization Token invalid"));
    }
    for auth in [
        "Bearer a.b",
        "bearer a.b",
        "BEARER a.b",
        "a.b",
        "Bearer h.p.s",
    ] {
        let reply = send(&mock, "POST", path, Some(("authorization", auth)), body()).await;
        assert_eq!(reply.status, 200, "{auth}");
    }
}

#[tokio::test]
async fn unknown_paths_are_404_and_other_methods_405() {
    let mock = MockServer::start().await;
    let reply = send(
        &mock,
        "GET",
        "/api/paas/v4/nope",
        Some(("authorization", KEY)),
        None,
    )
    .await;
    assert_eq!(reply.status, 404);
    assert_eq!(
        reply.json(),
        json!({
            "timestamp": "2026-03-13T05:05:28.067+00:00",
            "status": 404,
            "error": "Not Found",
            "path": "/api/paas/v4/nope",
        })
    );
    // Routing comes before auth.
    assert_eq!(send(&mock, "GET", "/nope", None, None).await.status, 404);

    let reply = send(&mock, "GET", "/api/paas/v4/chat/completions", None, None).await;
    assert_eq!(reply.status, 405);
    assert_eq!(reply.allow, "POST");
    assert_eq!(reply.body, error("405", "Method Not Allowed"));
    // The most specific template decides `Allow`.
    let reply = send(&mock, "GET", "/api/paas/v4/files/ocr", None, None).await;
    assert_eq!((reply.status, reply.allow.as_str()), (405, "POST"));
    let reply = send(&mock, "PUT", "/files/f1", None, None).await;
    assert_eq!((reply.status, reply.allow.as_str()), (405, "DELETE"));
}

#[tokio::test]
async fn errors_on_demand_and_bad_bodies() {
    let mock = MockServer::start().await;
    let path = "/api/coding/paas/v4/chat/completions";
    let reply = post(&mock, path, json!({"model": "error-429"})).await;
    assert_eq!(reply.status, 429);
    assert_eq!(reply.content_type, "application/json");
    assert_eq!(reply.body, error("1302", "Rate limit reached for requests"));
    let reply = post(&mock, path, json!({"model": "error-503"})).await;
    assert_eq!(reply.status, 503);
    assert_eq!(
        reply.body,
        error(
            "1305",
            "The service may be temporarily overloaded, please try again later"
        )
    );
    let reply = post(&mock, path, json!({"model": "error-418"})).await;
    assert_eq!(
        (reply.status, reply.body),
        (418, error("418", "I'm a teapot"))
    );
    // Not an error status: the ordinary answer.
    assert_eq!(
        post(
            &mock,
            path,
            json!({"model": "error-200", "messages": [{"role": "user", "content": "Hi"}]})
        )
        .await
        .status,
        200
    );

    for bad in ["[1]", "not json"] {
        let body = Some(("application/json", bad.to_owned()));
        let reply = send(&mock, "POST", path, Some(("authorization", KEY)), body).await;
        assert_eq!(reply.status, 400, "{bad}");
        assert_eq!(reply.body, error("1214", "Invalid request parameters"));
    }
}

#[tokio::test]
async fn sequences_advance_per_path() {
    let mock = MockServer::start().await;
    let status = |reply: Reply| reply.json()["task_status"].as_str().unwrap().to_owned();
    let mut seen = Vec::new();
    for _ in 0..4 {
        let reply = send(
            &mock,
            "GET",
            "/api/paas/v4/async-result/t1",
            Some(("authorization", KEY)),
            None,
        )
        .await;
        seen.push(status(reply));
    }
    assert_eq!(seen, ["PROCESSING", "PROCESSING", "SUCCESS", "SUCCESS"]);
    let other = send(
        &mock,
        "GET",
        "/async-result/t2",
        Some(("authorization", KEY)),
        None,
    )
    .await;
    assert_eq!(status(other), "PROCESSING");
}

#[tokio::test]
async fn a_dropped_server_stops_listening() {
    let mock = MockServer::bind_with_delay(0, std::time::Duration::ZERO)
        .await
        .unwrap();
    let addr = mock.addr();
    assert_eq!(mock.url(), format!("http://{addr}"));
    drop(mock);
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let refused = http().get(format!("http://{addr}/files")).send().await;
    assert!(refused.is_err());
}

/// A plain reqwest client (no TLS feature of its own; zai's default gives it one).
fn http() -> reqwest::Client {
    reqwest::Client::new()
}
