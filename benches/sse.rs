//! SSE decode throughput on a GLM-shaped corpus (>= 10 MB), bytes to typed
//! `ChatCompletionChunk`s, in 128-byte pieces, 1460-byte pieces and whole lines:
//!
//! * `zai`: the client's own `EventStream`;
//! * `eventsource`: eventsource-stream 0.2 + `serde_json` into the same types;
//! * `serde_only`: `serde_json::from_str` alone on payloads split beforehand.
//!
//! `cargo bench --bench sse`.
//! Prints MB/s and the ratios at the end.

#[path = "common/corpus.rs"]
mod corpus;

use bytes::Bytes;
use criterion::{Criterion, Throughput};
use futures_util::{FutureExt, StreamExt};
use std::hint::black_box;
use std::time::{Duration, Instant};
use zai::EventStream;
use zai::types::ChatCompletionChunk;

/// Decodes with the client's stream; returns the number of chunks.
fn zai_stream(pieces: &[Bytes]) -> usize {
    EventStream::<ChatCompletionChunk>::from_chunks(pieces.to_vec())
        .fold(0, |n, chunk| {
            black_box(chunk.expect("valid corpus"));
            async move { n + 1 }
        })
        .now_or_never()
        .expect("in-memory stream is never pending")
}

/// eventsource-stream 0.2, then serde_json into the same types.
fn eventsource(pieces: &[Bytes]) -> usize {
    use eventsource_stream::Eventsource;
    futures_util::stream::iter(
        pieces
            .iter()
            .cloned()
            .map(Ok::<_, std::convert::Infallible>),
    )
    .eventsource()
    .take_while(|e| {
        let more = e.as_ref().map(|e| e.data != "[DONE]").unwrap_or(true);
        async move { more }
    })
    .fold(0, |n, event| {
        let event = event.expect("valid corpus");
        black_box(serde_json::from_str::<ChatCompletionChunk>(&event.data).expect("valid"));
        async move { n + 1 }
    })
    .now_or_never()
    .expect("in-memory stream is never pending")
}

/// serde_json alone on payloads split beforehand.
fn serde_only(payloads: &[String]) -> usize {
    for payload in payloads {
        black_box(serde_json::from_str::<ChatCompletionChunk>(payload).expect("valid"));
    }
    payloads.len()
}

/// Best of `runs` timings, in MB/s of SSE corpus.
fn mb_per_s(bytes: usize, runs: usize, mut f: impl FnMut() -> usize) -> f64 {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        black_box(f());
        best = best.min(start.elapsed());
    }
    bytes as f64 / 1e6 / best.as_secs_f64()
}

fn main() {
    let corpus = Bytes::from(corpus::corpus(10 << 20));
    let payloads = corpus::payloads(&corpus);
    let shapes = [
        ("128B", corpus::pieces(&corpus, 128)),
        ("1460B", corpus::pieces(&corpus, 1460)),
        ("lines", corpus::lines(&corpus)),
    ];
    let events = payloads.len();
    assert_eq!(zai_stream(&shapes[0].1), events);
    assert_eq!(eventsource(&shapes[0].1), events);

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    {
        let mut group = c.benchmark_group("sse_decode");
        group.throughput(Throughput::Bytes(corpus.len() as u64));
        for (name, pieces) in &shapes {
            group.bench_function(format!("zai/{name}"), |b| b.iter(|| zai_stream(pieces)));
            group.bench_function(format!("eventsource/{name}"), |b| {
                b.iter(|| eventsource(pieces))
            });
        }
        group.bench_function("serde_only", |b| b.iter(|| serde_only(&payloads)));
        group.finish();
    }

    let runs = 5;
    let base = mb_per_s(corpus.len(), runs, || serde_only(&payloads));
    println!(
        "\ncorpus {:.1} MB, {events} events; serde_json alone (b): {base:.0} MB/s",
        corpus.len() as f64 / 1e6
    );
    for (name, pieces) in &shapes {
        let ours = mb_per_s(corpus.len(), runs, || zai_stream(pieces));
        let es = mb_per_s(corpus.len(), runs, || eventsource(pieces));
        println!(
            "{name:>6}: zai {ours:.0} MB/s, eventsource (a) {es:.0} MB/s; zai/(a) {:.2}x, zai/(b) {:.2}x",
            ours / es,
            ours / base
        );
    }
    c.final_summary();
}
