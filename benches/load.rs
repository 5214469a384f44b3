//! Load: 1,000 concurrent streaming chat calls through ONE `zai::Client` against a
//! loopback server, beside raw reqwest doing the same; each side in its own
//! process so peak RSS is its own. `cargo bench --bench load [-- STREAMS EVENTS]`

mod support;

use futures_util::StreamExt;
use std::time::Instant;
use support::{REQUEST, StreamShape, peak_rss_kib, raw_sse_lines, start_server};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if let Some(side) = args.first().filter(|a| *a == "zai" || *a == "raw") {
        let streams = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
        let events = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(50);
        return run_side(side, streams, events);
    }
    let streams: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let events: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(50);
    let exe = std::env::current_exe().unwrap();
    println!("load: {streams} concurrent streams x {events} events, one client, loopback");
    let mut times = Vec::new();
    for side in ["raw", "zai", "raw", "zai"] {
        let out = std::process::Command::new(&exe)
            .args([side, &streams.to_string(), &events.to_string()])
            .output()
            .unwrap();
        let line = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        println!("  {line}");
        let secs: f64 = line
            .split("time_s=")
            .nth(1)
            .and_then(|v| v.split(' ').next()?.parse().ok())
            .unwrap_or(f64::NAN);
        times.push((side, secs));
    }
    let best = |name| {
        times
            .iter()
            .filter(|(s, _)| *s == name)
            .map(|(_, t)| *t)
            .fold(f64::INFINITY, f64::min)
    };
    println!(
        "load ratio zai/raw (best of 2): {:.2}",
        best("zai") / best("raw")
    );
}

fn run_side(side: &str, streams: usize, events: usize) {
    let addr = start_server(StreamShape {
        events,
        pause_after_first: None,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let (elapsed, errors, chunks) = runtime.block_on(async move {
        let base = format!("http://{addr}");
        let started = Instant::now();
        let tasks: Vec<_> = (0..streams)
            .map(|_| {
                let side = side.to_owned();
                let base = base.clone();
                tokio::spawn(async move { one_stream(&side, &base).await })
            })
            .collect();
        let (mut errors, mut chunks) = (0, 0);
        for task in tasks {
            match task.await.unwrap() {
                Ok(n) => chunks += n,
                Err(_) => errors += 1,
            }
        }
        (started.elapsed(), errors, chunks)
    });
    println!(
        "{side}: streams={streams} errors={errors} chunks={chunks} time_s={:.3} peak_rss_mib={:.1}",
        elapsed.as_secs_f64(),
        peak_rss_kib() as f64 / 1024.0
    );
}

static ZAI: std::sync::OnceLock<zai::Client> = std::sync::OnceLock::new();
static RAW: std::sync::OnceLock<reqwest::Client> = std::sync::OnceLock::new();

async fn one_stream(side: &str, base: &str) -> Result<usize, String> {
    if side == "zai" {
        let client = ZAI.get_or_init(|| {
            zai::Client::builder()
                .api_key("load.test")
                .base_url(base)
                .build()
                .unwrap()
        });
        let request: zai::types::ChatCompletionRequest = serde_json::from_str(REQUEST).unwrap();
        let mut stream = client
            .create_chat_completion_stream(&request)
            .await
            .map_err(|e| e.to_string())?;
        let mut n = 0;
        while let Some(chunk) = stream.next().await {
            chunk.map_err(|e| e.to_string())?;
            n += 1;
        }
        Ok(n)
    } else {
        let client = RAW.get_or_init(support::raw_client);
        let body = REQUEST.replacen('{', "{\"stream\":true,", 1);
        let response = client
            .post(format!("{base}/chat/completions"))
            .header("authorization", "Bearer load.test")
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let mut bytes = response.bytes_stream();
        let (mut buffer, mut n, mut failed) = (Vec::new(), 0, None);
        while let Some(chunk) = bytes.next().await {
            let chunk = chunk.map_err(|e| e.to_string())?;
            raw_sse_lines(&mut buffer, &chunk, |data| {
                if data != "[DONE]" {
                    match serde_json::from_str::<zai::types::ChatCompletionChunk>(data) {
                        Ok(_) => n += 1,
                        Err(e) => failed = Some(e.to_string()),
                    }
                }
            });
        }
        failed.map_or(Ok(n), Err)
    }
}
