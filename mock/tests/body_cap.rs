//! A 1 GB request body against the default 64 MiB cap: answered `413` while the
//! process (client and mock) grows by less than 100 MiB. Alone in its binary, so
//! the peak memory it reads is its own.

use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use zai_mock::MockServer;

/// The process's peak resident memory so far (`VmHWM`), in bytes.
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .unwrap_or(0);
    kb * 1024
}

/// Sends a 1 GB body (chunked, so the mock must read to find it too large) in
/// 1 MiB pieces until the mock stops reading; its answer.
async fn send_gigabyte(mock: &MockServer, chunked: bool) -> String {
    let mut socket = TcpStream::connect(mock.addr()).await.unwrap();
    let framing = match chunked {
        true => "transfer-encoding: chunked".to_owned(),
        false => format!("content-length: {}", 1u64 << 30),
    };
    let head = format!(
        "POST /embeddings HTTP/1.1\r\nhost: x\r\nauthorization: Bearer a.b\r\n\
         content-type: application/json\r\n{framing}\r\n\r\n"
    );
    socket.write_all(head.as_bytes()).await.unwrap();
    let piece = vec![b' '; 1 << 20];
    let mut framed = format!("{:x}\r\n", piece.len()).into_bytes();
    framed.extend_from_slice(&piece);
    framed.extend_from_slice(b"\r\n");
    let (mut reader, mut writer) = socket.into_split();
    let writing = tokio::spawn(async move {
        for _ in 0..1024 {
            let data = if chunked { &framed } else { &piece };
            if writer.write_all(data).await.is_err() {
                break;
            }
        }
    });
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(60), reader.read_to_end(&mut answer)).await;
    writing.abort();
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gigabyte_body_is_a_413_and_memory_stays_under_100_mib() {
    let mock = MockServer::start().await;
    let before = peak_rss();
    for chunked in [false, true] {
        let answer = send_gigabyte(&mock, chunked).await;
        assert!(
            answer.starts_with("HTTP/1.1 413"),
            "chunked {chunked}: {answer}"
        );
        assert!(
            answer.contains("Request body larger than 67108864 bytes"),
            "{answer}"
        );
    }
    let grown = peak_rss().saturating_sub(before);
    eprintln!("peak memory grew by {} MiB", grown >> 20);
    assert!(grown < 100 << 20, "grew by {} MiB", grown >> 20);
}
