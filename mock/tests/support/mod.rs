//! Set-up shared by the mock's test files: a JSON call and a multipart upload as a
//! client sends them.

use serde_json::Value;
use zai_mock::MockServer;

/// Posts a multipart form to `path` of `mock`: the text `fields`, then one
/// `files` part per name (its text `text of <name>`); asserts a 200 and returns
/// the answer.
pub async fn upload_files(
    mock: &MockServer,
    path: &str,
    fields: &[(&str, &str)],
    names: &[&str],
) -> Value {
    let mut form = String::new();
    for (name, value) in fields {
        form +=
            &format!("--b\r\ncontent-disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
    }
    for name in names {
        form += &format!(
            "--b\r\ncontent-disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n\r\ntext of {name}\r\n"
        );
    }
    form += "--b--\r\n";
    let response = reqwest::Client::new()
        .post(format!("{}{path}", mock.url()))
        .bearer_auth("a.b")
        .header("content-type", "multipart/form-data; boundary=b")
        .body(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    response.json().await.unwrap()
}

/// Sends `method path` to `mock` with an optional JSON body; the status and the
/// JSON answer.
pub async fn call(
    mock: &MockServer,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
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
