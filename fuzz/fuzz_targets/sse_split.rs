//! Arbitrary bytes, split at arbitrary points, through the SSE decoder and the
//! chat accumulator: no panic, and every split gives what the whole input gives.
#![no_main]

use bytes::Bytes;
use futures_util::{FutureExt, StreamExt};
use libfuzzer_sys::fuzz_target;
use zai::__private::Decoder;
use zai::EventStream;
use zai::completion_from_bytes;
use zai::types::ChatCompletionChunk;
use zai::{ChatEvent, ChatStreamExt};

/// The first bytes choose split points (and a small event size limit); the rest
/// is the body.
fn split(data: &[u8]) -> (Vec<usize>, usize, &[u8]) {
    let (head, body) = data.split_at(data.len().min(9));
    let mut cuts: Vec<usize> = head
        .iter()
        .skip(1)
        .map(|b| (*b as usize * body.len()) / 255)
        .collect();
    cuts.sort_unstable();
    let max = match head.first() {
        Some(b) if *b < 32 => 16 + *b as usize * 8,
        _ => zai::DEFAULT_MAX_EVENT_SIZE,
    };
    (cuts, max, body)
}

fn pieces(body: &Bytes, cuts: &[usize]) -> Vec<Bytes> {
    let mut out = Vec::new();
    let mut last = 0;
    for &cut in cuts {
        out.push(body.slice(last..cut));
        last = cut;
    }
    out.push(body.slice(last..));
    out
}

/// One decoder event, owned.
type Owned = (Option<String>, String, Option<String>, Option<u64>);

/// Raw decoder events (and the first error) for these pieces.
fn events(pieces: &[Bytes], max: usize) -> (Vec<Owned>, Option<zai::StreamError>) {
    let mut decoder = Decoder::new(max);
    let mut events = Vec::new();
    for piece in pieces {
        let result = decoder.feed(piece, |e| -> Result<(), zai::StreamError> {
            let owned = |s: Option<&str>| s.map(str::to_owned);
            events.push((owned(e.event), e.data.to_owned(), owned(e.id), e.retry));
            Ok(())
        });
        if let Err(e) = result {
            return (events, Some(e));
        }
    }
    (events, None)
}

/// UI events through the typed stream (an error by its message).
fn chat_events(pieces: Vec<Bytes>) -> Vec<Result<ChatEvent, String>> {
    EventStream::<ChatCompletionChunk>::from_chunks(pieces)
        .events()
        .map(|e| e.map_err(|e| e.to_string()))
        .collect::<Vec<_>>()
        .now_or_never()
        .unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let (cuts, max, body) = split(data);
    let body = Bytes::copy_from_slice(body);
    let split = pieces(&body, &cuts);
    let whole = vec![body.clone()];

    assert_eq!(events(&split, max), events(&whole, max));
    // The completion and the fragments dropped recovering concatenated frames.
    let completion = |p: Vec<Bytes>| {
        completion_from_bytes(p)
            .map(|(response, faults)| (response, faults.dropped()))
            .map_err(|e| e.to_string())
    };
    assert_eq!(completion(split.clone()), completion(whole.clone()));
    assert_eq!(chat_events(split), chat_events(whole));
});
