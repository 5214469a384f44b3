//! GLM-Realtime costs against a loopback WebSocket server in process:
//! `latency`, the time a `RealtimeSession` adds per event over raw
//! tokio-tungstenite (round trips: a client event out, one 100 ms audio delta
//! back, typed on the zai side; blocks of 500 alternating sides, p50 and p99);
//! `hour`, a one-hour session compressed in time (36,000 chunks of 100 ms of
//! audio as WAV, a commit and a folded 5-delta reply every 10 s) with the peak
//! RSS after 6 minutes and at the end. Exits non-zero when p50 adds more than
//! 50 µs or the peak RSS passes 16 MiB.
//!
//! `cargo bench --bench realtime` (`-- latency` or `-- hour` for one part).

use futures_util::{SinkExt as _, StreamExt as _};
use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use tokio_tungstenite::tungstenite::Message;
use zai::realtime::{Pcm16, RealtimeSession};

const ROUNDS: usize = 10_000;
const MAX_ADDED_P50: Duration = Duration::from_micros(50);
const MAX_RSS_KIB: u64 = 16 * 1024;

fn main() -> ExitCode {
    let part = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    let mut ok = true;
    if part.as_deref().is_none_or(|p| p == "latency") {
        ok &= runtime.block_on(latency());
    }
    if part.as_deref().is_none_or(|p| p == "hour") {
        ok &= runtime.block_on(hour());
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// A 100 ms audio delta (24 kHz PCM16, base64), as the service sends them.
fn audio_delta() -> String {
    let pcm = Pcm16 {
        sample_rate: 24_000,
        samples: (0..2_400).map(|i| (i % 200 * 100) as i16).collect(),
    };
    use base64::Engine as _;
    let delta = base64::engine::general_purpose::STANDARD.encode(pcm.to_le_bytes());
    serde_json::json!({"type": "response.audio.delta", "response_id": "resp_1",
        "item_id": "item_1", "output_index": 0, "content_index": 0, "delta": delta})
    .to_string()
}

/// Serves every connection: `response.cancel` → one audio delta; `response.create`
/// → a response of five deltas and `response.done`; anything else → nothing.
async fn server() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            tokio::spawn(async move {
                let Ok(mut ws) = tokio_tungstenite::accept_async(tcp).await else {
                    return;
                };
                let delta = audio_delta();
                let created = r#"{"type":"response.created","response":{"id":"resp_1","object":"realtime.response","status":"in_progress"}}"#;
                let done = r#"{"type":"response.done","response":{"id":"resp_1","object":"realtime.response","status":"completed","usage":{"total_tokens":10}}}"#;
                while let Some(Ok(Message::Text(text))) = ws.next().await {
                    let replies: Vec<&str> = if text.contains("response.cancel") {
                        vec![delta.as_str()]
                    } else if text.contains("response.create") {
                        [created]
                            .into_iter()
                            .chain([delta.as_str(); 5])
                            .chain([done])
                            .collect()
                    } else {
                        vec![]
                    };
                    for reply in replies {
                        if ws.send(Message::text(reply)).await.is_err() {
                            return;
                        }
                    }
                }
            });
        }
    });
    url
}

async fn session(url: &str) -> RealtimeSession {
    let client = zai::Client::builder()
        .api_key("bench.key")
        .base_url(url)
        .build();
    client.expect("client").realtime().await.expect("connect")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p) as usize]
}

async fn latency() -> bool {
    let url = server().await;
    let mut zai = session(&url).await;
    let ws_url = format!("{}/realtime", url.replace("http", "ws"));
    let (mut raw, _) = tokio_tungstenite::connect_async(ws_url)
        .await
        .expect("raw connect");
    let probe = r#"{"type":"response.cancel"}"#;
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for block in 0..ROUNDS / 500 {
        for _ in 0..500 {
            let start = Instant::now();
            if block % 2 == 0 {
                zai.cancel_response().await.expect("send");
                black_box(zai.next().await.expect("event").expect("typed"));
                ours.push(start.elapsed());
            } else {
                raw.send(Message::text(probe)).await.expect("send");
                black_box(raw.next().await.expect("message").expect("ok"));
                theirs.push(start.elapsed());
            }
        }
    }
    ours.sort();
    theirs.sort();
    let (p50, raw50) = (percentile(&ours, 0.5), percentile(&theirs, 0.5));
    let added = p50.saturating_sub(raw50);
    println!(
        "latency per event (round trip, 100 ms audio delta): zai p50 {:.1} µs p99 {:.1} µs; raw tokio-tungstenite p50 {:.1} µs p99 {:.1} µs; added p50 {:.1} µs (goal ≤ {} µs)",
        micros(p50),
        micros(percentile(&ours, 0.99)),
        micros(raw50),
        micros(percentile(&theirs, 0.99)),
        micros(added),
        MAX_ADDED_P50.as_micros()
    );
    added <= MAX_ADDED_P50
}

async fn hour() -> bool {
    let url = server().await;
    let mut session = session(&url).await;
    let chunk = Pcm16 {
        sample_rate: 16_000,
        samples: (0..1_600).map(|i| (i % 160 * 50) as i16).collect(),
    };
    let started = Instant::now();
    let (mut early, mut audio) = (0, Duration::ZERO);
    for turn in 1..=360 {
        for _ in 0..100 {
            session
                .append_wav(&chunk, Duration::from_millis(100))
                .await
                .expect("append");
        }
        session.commit().await.expect("commit");
        session.create_response().await.expect("create");
        let reply = session.reply(|_| {}).await.expect("reply");
        audio += reply.audio.duration();
        if turn == 36 {
            early = peak_rss_kib();
        }
    }
    let peak = peak_rss_kib();
    println!(
        "one hour of audio in {:.1} s: 36,000 chunks sent, 360 replies ({:?} of audio); peak RSS {:.1} MiB after 6 min, {:.1} MiB at the end (goal ≤ 16 MiB, no growth)",
        started.elapsed().as_secs_f64(),
        audio,
        early as f64 / 1024.0,
        peak as f64 / 1024.0
    );
    peak <= MAX_RSS_KIB
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Peak resident set size of this process, in KiB (Linux `VmHWM`).
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find_map(|l| l.strip_prefix("VmHWM:"));
    line.and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
