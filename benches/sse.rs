//! SSE decode throughput on a GLM-shaped corpus (>= 10 MB), bytes to typed
//! `ChatCompletionChunk`s, in 128-byte pieces, 1460-byte pieces and whole lines:
//!
//! * `zai`: the client's own `EventStream`;
//! * `eventsource`: eventsource-stream 0.2 + `serde_json` into the same types;
//! * `serde_only`: `serde_json::from_str` alone on payloads split beforehand.
//!
//! `cargo bench --bench sse`.
//! Prints MB/s and the ratios at the end: thread CPU time, interleaved rounds,
//! the best round of each side.

#[path = "common/corpus.rs"]
mod corpus;

use bytes::Bytes;
use criterion::{Criterion, Throughput};
use futures_util::{FutureExt, StreamExt};
use std::hint::black_box;
use std::time::Duration;
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

/// The CPU time `f` takes once, by this thread's clock: unlike the wall clock
/// it stands still while other processes on a shared machine have the core.
fn time(f: impl FnOnce() -> usize) -> Duration {
    let start = thread_cpu_time();
    black_box(f());
    thread_cpu_time() - start
}

fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid place for the call to write the time to.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "CLOCK_THREAD_CPUTIME_ID is supported");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
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
    // `once <side> [shape]`: one decode of the corpus by one side, for
    // instruction counts (`valgrind --tool=callgrind`; subtract `once none`, the
    // set-up alone).
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("once") {
        let pieces = |name: Option<&String>| {
            let name = name.map_or("128B", String::as_str);
            &shapes.iter().find(|(n, _)| *n == name).expect("a shape").1
        };
        let decoded = match args.get(2).map(String::as_str) {
            Some("zai") => zai_stream(pieces(args.get(3))),
            Some("eventsource") => eventsource(pieces(args.get(3))),
            Some("serde") => serde_only(&payloads),
            _ => 0,
        };
        println!("{decoded} events");
        return;
    }
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

    // Interleaved rounds: each times every side once, so load from other
    // processes falls on all sides alike; each side keeps its best round.
    let rounds = 15;
    let mut base = Duration::MAX;
    let mut best = vec![(Duration::MAX, Duration::MAX); shapes.len()];
    for _ in 0..rounds {
        base = base.min(time(|| serde_only(&payloads)));
        for ((_, pieces), (ours, es)) in shapes.iter().zip(&mut best) {
            *ours = (*ours).min(time(|| zai_stream(pieces)));
            *es = (*es).min(time(|| eventsource(pieces)));
        }
    }
    let mb_per_s = |d: Duration| corpus.len() as f64 / 1e6 / d.as_secs_f64();
    let base = mb_per_s(base);
    println!(
        "\ncorpus {:.1} MB, {events} events, CPU time, best of {rounds} interleaved rounds; serde_json alone (b): {base:.0} MB/s",
        corpus.len() as f64 / 1e6
    );
    for ((name, _), (ours, es)) in shapes.iter().zip(best) {
        let (ours, es) = (mb_per_s(ours), mb_per_s(es));
        println!(
            "{name:>6}: zai {ours:.0} MB/s, eventsource (a) {es:.0} MB/s; zai/(a) {:.2}x, zai/(b) {:.2}x",
            ours / es,
            ours / base
        );
    }
    c.final_summary();
}
