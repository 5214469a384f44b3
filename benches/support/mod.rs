//! Shared by the benchmark binaries: a loopback hyper server serving GLM-shaped
//! chat JSON and SSE, and process measurements.
#![allow(dead_code)]

use bytes::Bytes;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::Frame;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// When the server last handed a stream's first event to the connection
/// ([`now_nanos`] clock).
pub static FIRST_EVENT_WRITTEN: AtomicU64 = AtomicU64::new(0);

/// Nanoseconds on a process-wide monotonic clock shared by server and client.
pub fn now_nanos() -> u64 {
    static BASE: OnceLock<Instant> = OnceLock::new();
    BASE.get_or_init(Instant::now).elapsed().as_nanos() as u64
}

pub const REPLY: &str = r#"{"choices":[{"finish_reason":"stop","index":0,"message":{"content":"Rust frees memory when the owner goes out of scope.","reasoning_content":"Short factual answer.","role":"assistant"}}],"created":1760012345,"id":"20251009120545a1b2c3d4e5f60718","model":"glm-4.7","object":"chat.completion","request_id":"20251009120545a1b2c3d4e5f60718","usage":{"completion_tokens":41,"prompt_tokens":18,"prompt_tokens_details":{"cached_tokens":0},"total_tokens":59}}"#;

pub const REQUEST: &str =
    r#"{"model":"glm-4.7","messages":[{"role":"user","content":"How does Rust free memory?"}]}"#;

/// One content delta event, as GLM sends it.
pub fn delta_event(i: usize) -> String {
    format!(
        "data: {{\"id\":\"20251009120545a1b2c3d4e5f60718\",\"created\":1760012345,\"model\":\"glm-4.7\",\"object\":\"chat.completion.chunk\",\"choices\":[{{\"index\":0,\"delta\":{{\"role\":\"assistant\",\"content\":\"token{i} \"}}}}]}}\n\n"
    )
}

pub const FINAL_EVENT: &str = "data: {\"id\":\"20251009120545a1b2c3d4e5f60718\",\"created\":1760012345,\"model\":\"glm-4.7\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}],\"usage\":{\"prompt_tokens\":18,\"completion_tokens\":20,\"total_tokens\":38}}\n\ndata: [DONE]\n\n";

/// How the server answers streaming requests.
#[derive(Clone, Copy, Debug)]
pub struct StreamShape {
    /// Delta events per stream.
    pub events: usize,
    /// Pause after the first event (time-to-first-token runs).
    pub pause_after_first: Option<Duration>,
}

/// The raw side's reqwest client.
pub fn raw_client() -> reqwest::Client {
    reqwest::Client::new()
}

/// Starts the server on its own runtime thread; returns its address.
pub fn start_server(shape: StreamShape) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    continue;
                };
                socket.set_nodelay(true).ok();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |req| handle(req, shape));
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(hyper_util::rt::TokioIo::new(socket), service)
                        .await;
                });
            }
        });
    });
    rx.recv().unwrap()
}

type Body = http_body_util::combinators::BoxBody<Bytes, Infallible>;

async fn handle(
    req: hyper::Request<hyper::body::Incoming>,
    shape: StreamShape,
) -> Result<hyper::Response<Body>, Infallible> {
    let body = req
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let streaming = memchr_stream_flag(&body);
    if !streaming {
        let response = hyper::Response::builder()
            .header("content-type", "application/json; charset=UTF-8")
            .body(Full::new(Bytes::from_static(REPLY.as_bytes())).boxed())
            .unwrap();
        return Ok(response);
    }
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Frame<Bytes>, Infallible>>(16);
    tokio::spawn(async move {
        for i in 0..shape.events {
            if tx
                .send(Ok(Frame::data(Bytes::from(delta_event(i)))))
                .await
                .is_err()
            {
                return;
            }
            if i == 0 {
                FIRST_EVENT_WRITTEN.store(now_nanos(), Ordering::SeqCst);
                if let Some(pause) = shape.pause_after_first {
                    tokio::time::sleep(pause).await;
                }
            }
        }
        let _ = tx
            .send(Ok(Frame::data(Bytes::from_static(FINAL_EVENT.as_bytes()))))
            .await;
    });
    let stream = tokio_stream_from(rx);
    let response = hyper::Response::builder()
        .header("content-type", "text/event-stream;charset=UTF-8")
        .body(StreamBody::new(stream).boxed())
        .unwrap();
    Ok(response)
}

fn memchr_stream_flag(body: &[u8]) -> bool {
    body.windows(13).any(|w| w == b"\"stream\":true")
}

fn tokio_stream_from<T: Send + 'static>(
    mut rx: tokio::sync::mpsc::Receiver<T>,
) -> impl futures_util::Stream<Item = T> + Send + 'static {
    futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx))
}

/// Peak resident set size of this process, in KiB (Linux `VmHWM`).
pub fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// Parses raw SSE lines the simplest way (the "raw reqwest" baseline).
pub fn raw_sse_lines(buffer: &mut Vec<u8>, chunk: &[u8], mut on_data: impl FnMut(&str)) {
    buffer.extend_from_slice(chunk);
    let mut start = 0;
    while let Some(pos) = buffer[start..].iter().position(|&b| b == b'\n') {
        let line = &buffer[start..start + pos];
        if let Some(data) = line.strip_prefix(b"data: ")
            && let Ok(text) = std::str::from_utf8(data)
        {
            on_data(text);
        }
        start += pos + 1;
    }
    buffer.drain(..start);
}
