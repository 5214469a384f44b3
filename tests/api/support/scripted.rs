//! A scripted loopback HTTP server for faults httpmock cannot express: resets,
//! stalls, and a different answer per request.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the server does with one request.
#[derive(Clone)]
pub enum Step {
    /// Write these bytes, then close.
    Reply(Vec<u8>),
    /// Write these bytes, then reset the connection.
    ReplyThenReset(Vec<u8>),
    /// Write these bytes, then go silent (keep the connection open).
    ReplyThenStall(Vec<u8>),
    /// Write the first bytes, pause, write the rest, then close.
    ReplyPaused(Vec<u8>, Duration, Vec<u8>),
    /// Write the first bytes, then the second every interval, for 30 s.
    Trickle(Vec<u8>, Vec<u8>, Duration),
}

pub struct Server {
    pub url: String,
    pub hits: Arc<AtomicUsize>,
    /// The head (request line and headers, lower-cased) of each request received.
    pub heads: Arc<Mutex<Vec<String>>>,
    /// The body of each request received, as sent.
    pub bodies: Arc<Mutex<Vec<String>>>,
    /// The most requests in progress at once.
    pub peak: Arc<AtomicUsize>,
}

/// Serves the n-th request with `script[n]` (the last step repeats).
pub async fn serve(script: Vec<Step>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let heads = Arc::new(Mutex::new(Vec::new()));
    let bodies = Arc::new(Mutex::new(Vec::new()));
    let peak = Arc::new(AtomicUsize::new(0));
    let (counter, received, sent) = (hits.clone(), heads.clone(), bodies.clone());
    let (most, now) = (peak.clone(), Arc::new(AtomicUsize::new(0)));
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let n = counter.fetch_add(1, Ordering::SeqCst);
            let step = script[n.min(script.len() - 1)].clone();
            let (received, sent) = (received.clone(), sent.clone());
            let (most, now) = (most.clone(), now.clone());
            tokio::spawn(async move {
                let (head, body) = read_request(&mut socket).await;
                received.lock().unwrap().push(head);
                sent.lock().unwrap().push(body);
                most.fetch_max(now.fetch_add(1, Ordering::SeqCst) + 1, Ordering::SeqCst);
                match step {
                    Step::Reply(bytes) => {
                        let _ = socket.write_all(&bytes).await;
                        let _ = socket.shutdown().await;
                    }
                    Step::ReplyThenReset(bytes) => {
                        let _ = socket.write_all(&bytes).await;
                        let _ = socket.flush().await;
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        reset(socket);
                    }
                    Step::ReplyThenStall(bytes) => {
                        let _ = socket.write_all(&bytes).await;
                        tokio::time::sleep(Duration::from_secs(30)).await;
                    }
                    Step::ReplyPaused(first, pause, rest) => {
                        let _ = socket.write_all(&first).await;
                        tokio::time::sleep(pause).await;
                        let _ = socket.write_all(&rest).await;
                        let _ = socket.shutdown().await;
                    }
                    Step::Trickle(first, piece, every) => {
                        let _ = socket.write_all(&first).await;
                        for _ in 0..(30_000 / every.as_millis().max(1)) {
                            tokio::time::sleep(every).await;
                            if socket.write_all(&piece).await.is_err() {
                                break;
                            }
                        }
                    }
                }
                now.fetch_sub(1, Ordering::SeqCst);
            });
        }
    });
    Server {
        url,
        hits,
        heads,
        bodies,
        peak,
    }
}

fn reset(socket: TcpStream) {
    let std = socket.into_std().unwrap();
    let sock = socket2::SockRef::from(&std);
    sock.set_linger(Some(Duration::ZERO)).unwrap();
    drop(std);
}

/// Reads one request; returns its head, lower-cased, and its body.
async fn read_request(socket: &mut TcpStream) -> (String, String) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let Ok(n) = socket.read(&mut chunk).await else {
            return Default::default();
        };
        if n == 0 {
            return Default::default();
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            while buf.len() < end + 4 + length {
                match socket.read(&mut chunk).await {
                    Ok(n) if n > 0 => buf.extend_from_slice(&chunk[..n]),
                    _ => break,
                }
            }
            let body = String::from_utf8_lossy(&buf[end + 4..]).into_owned();
            return (head, body);
        }
    }
}

pub fn http(status: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nconnection: close\r\ncontent-length: {}\r\n",
        body.len()
    );
    for h in headers {
        out.push_str(h);
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

/// A response whose body arrives as-is with no length (read until close).
pub fn http_stream(body: &[u8]) -> Vec<u8> {
    let mut out =
        b"HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-type: text/event-stream\r\n\r\n".to_vec();
    out.extend_from_slice(body);
    out
}
