//! Heap allocations per event: the client's `EventStream` versus
//! `serde_json::from_str` alone on payloads split beforehand, counted by a
//! global allocator. `cargo bench --bench alloc`

#[path = "common/corpus.rs"]
mod corpus;

use bytes::Bytes;
use futures_util::{FutureExt, StreamExt};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use zai::EventStream;
use zai::types::ChatCompletionChunk;

struct Counting;
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn counted(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Relaxed);
    f();
    ALLOCATIONS.load(Relaxed) - before
}

fn main() {
    let corpus = Bytes::from(corpus::corpus(10 << 20));
    let payloads = corpus::payloads(&corpus);
    let events = payloads.len() as f64;
    let serde = counted(|| {
        for p in &payloads {
            black_box(serde_json::from_str::<ChatCompletionChunk>(p).unwrap());
        }
    });
    println!(
        "serde_json alone (b): {:.2} allocations/event",
        serde as f64 / events
    );
    for (name, pieces) in [
        ("128B", corpus::pieces(&corpus, 128)),
        ("1460B", corpus::pieces(&corpus, 1460)),
        ("lines", corpus::lines(&corpus)),
    ] {
        let ours = counted(|| {
            let n = EventStream::<ChatCompletionChunk>::from_chunks(pieces)
                .fold(0usize, |n, c| {
                    black_box(c.unwrap());
                    async move { n + 1 }
                })
                .now_or_never()
                .unwrap();
            assert_eq!(n as f64, events);
        });
        println!(
            "{name:>6}: zai {:.3} allocations/event, {:+.3} beyond (b)",
            ours as f64 / events,
            (ours as f64 - serde as f64) / events
        );
    }
}
