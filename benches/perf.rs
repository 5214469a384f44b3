//! What the client adds on top of the network, side by side with raw reqwest in
//! the same run: per-call overhead, time to first token, and peak memory while
//! streaming 1 GiB. The raw side does what a hand-written client must: serialize
//! the same typed request (identical bytes on the wire), post it with the key, and
//! parse the reply into the same type. `cargo bench --bench perf` runs it all and prints a table.
//!
//! Sections can be run alone: `cargo bench --bench perf -- overhead|ttft|memory`.

mod support;

use futures_util::StreamExt;
use reqwest::header::{ACCEPT, HeaderValue, USER_AGENT};
use std::process::Command;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use support::{REQUEST, StreamShape, peak_rss_kib, raw_sse_lines, start_server};
use zai::types::{ChatCompletionChunk, ChatCompletionRequest, ChatCompletionResponse};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    match args.first().map(String::as_str) {
        Some("overhead-worker") => overhead_worker(
            args.get(1).map(String::as_str),
            args.get(2).map_or(5000, |n| n.parse().unwrap()),
        ),
        Some("memory-worker") => memory_worker(&args[1], args[2].parse().unwrap()),
        Some("overhead") => overhead(),
        Some("ttft") => ttft(),
        Some("memory") => memory(),
        _ => {
            overhead();
            ttft();
            memory();
        }
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn zai_client(base: &str) -> zai::Client {
    zai::Client::builder()
        .api_key("bench.key")
        .base_url(base)
        .build()
        .unwrap()
}

/// Re-runs this binary pinned to one core (when `taskset` exists), so the server
/// thread and the client share it and scheduling noise stays small.
fn overhead() {
    let exe = std::env::current_exe().unwrap();
    let pinned = Command::new("taskset")
        .args(["-c", "0"])
        .arg(&exe)
        .arg("overhead-worker")
        .output();
    let output = match pinned {
        Ok(out) if out.status.success() => out,
        _ => Command::new(&exe).arg("overhead-worker").output().unwrap(),
    };
    print!("{}", String::from_utf8_lossy(&output.stdout));
}

/// The sides the overhead section times, in block order.
const SIDES: [&str; 4] = ["zai", "raw", "raw-same", "zai-governed"];

/// `only`: one side of [`SIDES`] run alone, `calls` calls after its own warm-up
/// (for instruction counts under `valgrind --tool=callgrind`: the difference
/// between two call counts is the per-call cost without the set-up).
/// - `raw` is reqwest's defaults sending only what the call needs.
/// - `raw-same` is raw reqwest configured like zai's defaults and sending the same
///   request: the same connect and read timeouts, reqwest's retries off as zai
///   turns them off over HTTP/1.1, and the same `User-Agent` and `Accept`
///   headers (as the client's default headers).
///   Against it the difference is the client's own code.
/// - `zai-governed` is the zai side with the concurrency governor on
///   (`max_in_flight(64)`): its cost is a slot taken and given back per call.
/// - `zai-bare` is the zai side configured like `raw` (reqwest's defaults, so no
///   read timeout; no `User-Agent`).
fn overhead_worker(only: Option<&str>, calls: usize) {
    const BLOCK: usize = 250;
    let addr = start_server(StreamShape {
        events: 0,
        pause_after_first: None,
    });
    let base = format!("http://{addr}");
    let runtime = runtime();
    let (client, only) = match only {
        Some("zai-bare") => {
            let client = zai::Client::builder()
                .api_key("bench.key")
                .base_url(&base)
                .http_client(support::raw_client())
                .without_default_header("user-agent")
                .build()
                .unwrap();
            (client, Some("zai"))
        }
        only => (zai_client(&base), only),
    };
    let governed = zai::Client::builder()
        .api_key("bench.key")
        .base_url(&base)
        .max_in_flight(64)
        .build()
        .unwrap();
    let raw = RawSide(support::raw_client());
    let zai_headers = reqwest::header::HeaderMap::from_iter([
        (ACCEPT, HeaderValue::from_static("application/json")),
        (
            USER_AGENT,
            HeaderValue::from_static(zai::DEFAULT_USER_AGENT),
        ),
    ]);
    let raw_same = RawSide(
        reqwest::Client::builder()
            .connect_timeout(zai::DEFAULT_CONNECT_TIMEOUT)
            .read_timeout(zai::DEFAULT_READ_TIMEOUT)
            .default_headers(zai_headers)
            .retry(reqwest::retry::never().max_retries_per_request(0))
            .build()
            .unwrap(),
    );
    let request: ChatCompletionRequest = serde_json::from_str(REQUEST).unwrap();
    let url = format!("{base}/chat/completions");
    let (client, governed, raw, raw_same) = (&client, &governed, &raw, &raw_same);
    let (request, url) = (&request, &url);
    let call = move |side: usize| async move {
        match side {
            0 => {
                let reply = client.create_chat_completion(request).await.unwrap();
                std::hint::black_box(reply);
            }
            1 => raw.call(url, request).await,
            2 => raw_same.call(url, request).await,
            _ => {
                let reply = governed.create_chat_completion(request).await.unwrap();
                std::hint::black_box(reply);
            }
        }
    };
    let runs = |side: usize| only.is_none_or(|o| o == SIDES[side]);
    let mut micros: [Vec<f64>; 4] = Default::default();
    runtime.block_on(async {
        for _ in 0..100 {
            for side in (0..SIDES.len()).filter(|&s| runs(s)) {
                call(side).await;
            }
        }
        for block in 0..calls.div_ceil(BLOCK) {
            // Each side leads in turn, so none always follows the same one.
            for side in (0..SIDES.len()).map(|s| (s + block) % SIDES.len()) {
                if !runs(side) {
                    continue;
                }
                let n = BLOCK.min(calls - block * BLOCK);
                let started = Instant::now();
                for _ in 0..n {
                    call(side).await;
                }
                micros[side].push(started.elapsed().as_secs_f64() * 1e6 / n as f64);
            }
        }
    });
    if only.is_some() {
        return;
    }
    let ratio = |side: usize| {
        let ratios: Vec<f64> = micros[0]
            .iter()
            .zip(&micros[side])
            .map(|(z, r)| z / r)
            .collect();
        median(&ratios)
    };
    println!(
        "overhead: {calls} sequential calls each side, blocks of {BLOCK}: zai {:.1} µs/call; raw {:.1} µs/call, median ratio {:.3}; raw configured like zai {:.1} µs/call, median ratio {:.3}; zai with max_in_flight(64) {:.1} µs/call, median ratio to raw {:.3}",
        median(&micros[0]),
        median(&micros[1]),
        ratio(1),
        median(&micros[2]),
        ratio(2),
        median(&micros[3]),
        median(
            &micros[3]
                .iter()
                .zip(&micros[1])
                .map(|(g, r)| g / r)
                .collect::<Vec<_>>()
        )
    );
}

/// A hand-written client over its `reqwest::Client`.
struct RawSide(reqwest::Client);

impl RawSide {
    /// What a hand-written client does for one chat call.
    async fn call(&self, url: &str, request: &ChatCompletionRequest) {
        let response = self
            .0
            .post(url)
            .header("authorization", "Bearer bench.key")
            .json(request)
            .send()
            .await
            .unwrap();
        let bytes = response.bytes().await.unwrap();
        let reply: ChatCompletionResponse = serde_json::from_slice(&bytes).unwrap();
        std::hint::black_box(reply);
    }
}

/// Server writes the first event, records when, then pauses; the client records
/// when the typed stream yields it.
fn ttft() {
    const RUNS: usize = 300;
    let addr = start_server(StreamShape {
        events: 2,
        pause_after_first: Some(Duration::from_millis(5)),
    });
    let base = format!("http://{addr}");
    let runtime = runtime();
    let client = zai_client(&base);
    let raw = support::raw_client();
    let request: ChatCompletionRequest = serde_json::from_str(REQUEST).unwrap();
    let raw_body = REQUEST.replacen('{', "{\"stream\":true,", 1);
    let (mut zai_us, mut raw_us) = (Vec::new(), Vec::new());
    runtime.block_on(async {
        for run in 0..RUNS * 2 {
            let zai_side = run % 2 == 0;
            let first_at = if zai_side {
                let mut stream = client
                    .create_chat_completion_stream(&request)
                    .await
                    .unwrap();
                let first = stream.next().await.unwrap().unwrap();
                let at = support::now_nanos();
                std::hint::black_box(first);
                while stream.next().await.is_some() {}
                at
            } else {
                let response = raw
                    .post(format!("{base}/chat/completions"))
                    .header("authorization", "Bearer bench.key")
                    .header("content-type", "application/json")
                    .body(raw_body.clone())
                    .send()
                    .await
                    .unwrap();
                let mut bytes = response.bytes_stream();
                let mut buffer = Vec::new();
                let mut at = None;
                while let Some(chunk) = bytes.next().await {
                    raw_sse_lines(&mut buffer, &chunk.unwrap(), |data| {
                        if at.is_none() && data != "[DONE]" {
                            let chunk: ChatCompletionChunk = serde_json::from_str(data).unwrap();
                            at = Some(support::now_nanos());
                            std::hint::black_box(chunk);
                        }
                    });
                }
                at.unwrap()
            };
            let written = support::FIRST_EVENT_WRITTEN.load(Ordering::SeqCst);
            let micros = first_at.saturating_sub(written) as f64 / 1000.0;
            if run >= 20 {
                if zai_side {
                    zai_us.push(micros)
                } else {
                    raw_us.push(micros)
                }
            }
        }
    });
    zai_us.sort_by(f64::total_cmp);
    raw_us.sort_by(f64::total_cmp);
    let p = |v: &[f64], q: f64| v[((v.len() - 1) as f64 * q) as usize];
    println!(
        "ttft: {RUNS} streams each side: zai p50 {:.0} µs p99 {:.0} µs; raw p50 {:.0} µs p99 {:.0} µs; p50 difference {:+.0} µs",
        p(&zai_us, 0.5),
        p(&zai_us, 0.99),
        p(&raw_us, 0.5),
        p(&raw_us, 0.99),
        p(&zai_us, 0.5) - p(&raw_us, 0.5)
    );
}

/// Streams 1 GiB of SSE through each side, each in its own process.
fn memory() {
    const GIB: u64 = 1 << 30;
    let exe = std::env::current_exe().unwrap();
    for side in ["raw", "zai-typed"] {
        let out = Command::new(&exe)
            .args(["memory-worker", side, &GIB.to_string()])
            .output()
            .unwrap();
        print!("{}", String::from_utf8_lossy(&out.stdout));
        if !out.status.success() {
            print!("{}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

fn memory_worker(side: &str, bytes: u64) {
    let event_len = support::delta_event(0).len() as u64;
    let events = (bytes / event_len) as usize;
    let addr = start_server(StreamShape {
        events,
        pause_after_first: None,
    });
    let base = format!("http://{addr}");
    let runtime = runtime();
    let started = Instant::now();
    let chunks = runtime.block_on(async {
        let mut n = 0u64;
        if side == "raw" {
            let response = support::raw_client()
                .post(format!("{base}/chat/completions"))
                .header("content-type", "application/json")
                .body(REQUEST.replacen('{', "{\"stream\":true,", 1))
                .send()
                .await
                .unwrap();
            let mut stream = response.bytes_stream();
            let mut buffer = Vec::new();
            while let Some(chunk) = stream.next().await {
                raw_sse_lines(&mut buffer, &chunk.unwrap(), |data| {
                    if data != "[DONE]" {
                        let chunk: ChatCompletionChunk = serde_json::from_str(data).unwrap();
                        std::hint::black_box(chunk);
                        n += 1;
                    }
                });
            }
        } else {
            let request: ChatCompletionRequest = serde_json::from_str(REQUEST).unwrap();
            let mut stream = zai_client(&base)
                .create_chat_completion_stream(&request)
                .await
                .unwrap();
            while let Some(chunk) = stream.next().await {
                std::hint::black_box(chunk.unwrap());
                n += 1;
            }
        }
        n
    });
    let secs = started.elapsed().as_secs_f64();
    println!(
        "memory: {side}: {:.2} GiB of SSE, {chunks} chunks in {secs:.1} s ({:.0} MB/s), peak RSS {:.1} MiB",
        (events as u64 * event_len) as f64 / (1u64 << 30) as f64,
        (events as u64 * event_len) as f64 / secs / 1e6,
        peak_rss_kib() as f64 / 1024.0
    );
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}
