//! The mock's own limits and knobs, over raw TCP where a client library would
//! hide them: auth before the body, the body cap, header-read and idle timeouts
//! (1,000 slow connections closed while other requests are answered), and the
//! per-request delays, errors and faults.

use serde_json::{Value, json};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use zai_mock::MockServer;

/// Sends `head` (and `body`) on a fresh connection; the raw answer, read until
/// the server closes or 2 s pass.
async fn raw(mock: &MockServer, head: &str, body: &[u8]) -> String {
    let mut socket = TcpStream::connect(mock.addr()).await.unwrap();
    socket.write_all(head.as_bytes()).await.unwrap();
    let _ = socket.write_all(body).await;
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(2), socket.read_to_end(&mut answer)).await;
    String::from_utf8_lossy(&answer).into_owned()
}

fn http() -> reqwest::Client {
    zai::install_tls_provider();
    reqwest::Client::new()
}

#[tokio::test]
async fn the_key_is_checked_before_the_body_is_read() {
    let mock = MockServer::start().await;
    // A body announced but never sent: the 401 comes without waiting for it.
    let head = "POST /chat/completions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n\
                content-length: 1000000000\r\n\r\n";
    let started = Instant::now();
    let answer = raw(&mock, head, b"").await;
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
    assert!(answer.contains(r#""code":"1002""#), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn a_body_past_the_cap_is_a_413_json_error() {
    let mock = MockServer::builder()
        .body_limit(1000)
        .start()
        .await
        .unwrap();
    let auth = "authorization: Bearer a.b\r\ncontent-type: application/json\r\n";
    // Announced too large: answered before it is sent.
    let head =
        format!("POST /embeddings HTTP/1.1\r\nhost: x\r\n{auth}content-length: 1001\r\n\r\n");
    let answer = raw(&mock, &head, b"").await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    let body: Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert_eq!(
        body["error"]["message"],
        "Request body larger than 1000 bytes"
    );
    assert!(answer.to_ascii_lowercase().contains("connection: close"));
    // Chunked, with no length: cut off once past the cap.
    let head =
        format!("POST /embeddings HTTP/1.1\r\nhost: x\r\n{auth}transfer-encoding: chunked\r\n\r\n");
    let chunk = format!("200\r\n{}\r\n", "x".repeat(0x200));
    let answer = raw(&mock, &head, chunk.repeat(4).as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    // Under the cap: answered.
    let small = json!({"model": "embedding-3", "input": "hi", "dimensions": 4});
    let reply = http()
        .post(format!("{}/embeddings", mock.url()))
        .bearer_auth("a.b")
        .json(&small)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 200);
}

#[tokio::test]
async fn embeddings_past_the_documented_2048_dimensions_or_64_inputs_are_refused_not_computed() {
    // Schemathesis once sent `dimensions: 3628570` with nine inputs: the mock
    // computed 33 M floats, past the client's read timeout. The service takes at
    // most 2048 dimensions and 64 inputs; so does the spec, and the mock checks it
    // before computing.
    let mock = MockServer::start().await;
    let send = |inputs: usize, dimensions: u64| {
        let input = vec!["a"; inputs];
        let body = json!({"model": "embedding-3", "input": input, "dimensions": dimensions});
        http()
            .post(format!("{}/embeddings", mock.url()))
            .bearer_auth("a.b")
            .json(&body)
            .send()
    };
    for (inputs, dimensions) in [(2, 3_628_570), (65, 256)] {
        let refused = send(inputs, dimensions).await.unwrap();
        assert_eq!(refused.status(), 400);
        let error: Value = refused.json().await.unwrap();
        assert_eq!(error["error"]["code"], "1214", "{error}");
    }
    let answered: Value = send(2, 2048).await.unwrap().json().await.unwrap();
    let lengths: Vec<usize> = answered["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["embedding"].as_array().unwrap().len())
        .collect();
    assert_eq!(lengths, [2048, 2048]);
}

#[tokio::test]
async fn slow_and_idle_connections_are_closed_while_requests_are_answered() {
    let timeout = Duration::from_millis(400);
    let mock = MockServer::builder()
        .header_read_timeout(timeout)
        .idle_timeout(timeout)
        .start()
        .await
        .unwrap();
    // 1,000 connections: half send nothing, half the start of a request head.
    let mut slow = Vec::new();
    for i in 0..1000 {
        let mut socket = TcpStream::connect(mock.addr()).await.unwrap();
        if i % 2 == 1 {
            socket
                .write_all(b"POST /chat/completions HTTP/1.1\r\nhost:")
                .await
                .unwrap();
        }
        slow.push(socket);
    }
    // Not closed before the timeout.
    let mut buf = [0u8; 16];
    let early = tokio::time::timeout(timeout / 4, slow[999].read(&mut buf)).await;
    assert!(early.is_err(), "closed early: {early:?}");
    // Meanwhile, ordinary requests are answered at once.
    let client = http();
    let started = Instant::now();
    for _ in 0..5 {
        let reply = client
            .get(format!("{}/files", mock.url()))
            .bearer_auth("a.b")
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 200);
    }
    assert!(started.elapsed() < timeout, "{:?}", started.elapsed());
    // Every slow connection is closed (end of stream) soon after the timeout.
    let deadline = Instant::now() + timeout * 5;
    for mut socket in slow {
        let mut buf = [0u8; 256];
        let left = deadline.saturating_duration_since(Instant::now());
        let read = tokio::time::timeout(left, socket.read(&mut buf)).await;
        // Closed: EOF, a reset, or hyper's 408 before closing.
        match read {
            Ok(Ok(0)) | Ok(Err(_)) => {}
            Ok(Ok(n)) => assert!(buf[..n].starts_with(b"HTTP/1.1 408"), "{:?}", &buf[..n]),
            Err(_) => panic!("a slow connection is still open after {:?}", timeout * 5),
        }
    }
}

#[tokio::test]
async fn every_operation_can_be_delayed_failed_or_disconnected() {
    let mock = MockServer::start().await;
    let get = |knob: &'static str| {
        http()
            .get(format!("{}/files", mock.url()))
            .bearer_auth("a.b")
            .header(zai_mock::KNOB_HEADER, knob)
            .send()
    };
    let started = Instant::now();
    assert_eq!(get("delay=300ms").await.unwrap().status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
    let failed = get("error=503").await.unwrap();
    assert_eq!(failed.status(), 503);
    let body: Value = failed.json().await.unwrap();
    assert_eq!(body["error"]["code"], "1305");
    assert!(get("fault=disconnect").await.is_err());
    let bad = get("fault=fire").await.unwrap();
    assert_eq!(bad.status(), 400);
    let body: Value = bad.json().await.unwrap();
    assert_eq!(
        body["error"]["message"],
        "x-zai-mock: unknown directive `fault=fire`"
    );

    // Server-wide: every request of this mock waits; its own header adds to it.
    let slow = MockServer::builder()
        .directives("delay=200ms")
        .start()
        .await
        .unwrap();
    let started = Instant::now();
    let reply = http()
        .get(format!("{}/files", slow.url()))
        .bearer_auth("a.b")
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(200));
    // A deadline on a plain call can now be tested.
    let client = zai::Client::builder()
        .api_key("a.b")
        .base_url(slow.url())
        .build()
        .unwrap();
    let hurried = client.with_options(|o| o.deadline(Duration::from_millis(50)));
    let late = hurried.list_files(&Default::default()).await;
    assert!(late.is_err(), "{late:?}");
}
