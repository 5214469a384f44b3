//! Unit tests of `src/runtime/stream/decoder.rs` (compiled into the library's test build).
use super::*;

/// Owned copy of an [`Event`].
type Owned = (Option<String>, String, Option<String>, Option<u64>);

/// Feeds `pieces` in order; returns the events and the first error.
fn decode(max: usize, pieces: &[&[u8]]) -> (Vec<Owned>, Option<StreamError>) {
    let mut decoder = Decoder::new(max);
    let mut events = Vec::new();
    for piece in pieces {
        let result = decoder.feed(piece, |e| -> Result<(), StreamError> {
            events.push((
                e.event.map(str::to_owned),
                e.data.to_owned(),
                e.id.map(str::to_owned),
                e.retry,
            ));
            Ok(())
        });
        if let Err(e) = result {
            return (events, Some(e));
        }
    }
    (events, None)
}

/// `input` split at the given (sorted) offsets.
fn split<'a>(input: &'a [u8], cuts: &[usize]) -> Vec<&'a [u8]> {
    let mut pieces = Vec::new();
    let mut last = 0;
    for &cut in cuts {
        pieces.push(&input[last..cut]);
        last = cut;
    }
    pieces.push(&input[last..]);
    pieces
}

/// A deterministic pseudo-random generator (no dependency needed).
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

const MIXED: &[u8] = b"\xEF\xBB\xBF: comment\r\ndata: {\"a\":\"\xE4\xBD\xA0\xE5\xA5\xBD \xF0\x9F\xA6\x80\"}\r\n\r\nevent: ping\rid: 7\rretry: 1500\rdata:x\rdata\r\r:c\ndata:  two spaces\n\ndata: \xC3\xA9\r\nid\r\n\r\nretry: nope\ndata: [DONE]\n\n";

fn expected_mixed() -> Vec<Owned> {
    vec![
        (None, "{\"a\":\"你好 🦀\"}".into(), None, None),
        (
            Some("ping".into()),
            "x\n".into(),
            Some("7".into()),
            Some(1500),
        ),
        (None, " two spaces".into(), Some("7".into()), None),
        (None, "é".into(), Some(String::new()), None),
        (None, "[DONE]".into(), Some(String::new()), None),
    ]
}

#[test]
fn whole_input_decodes_every_line_ending_and_field() {
    assert_eq!(decode(1024, &[MIXED]), (expected_mixed(), None));
}

#[test]
fn byte_by_byte_equals_whole() {
    let pieces: Vec<&[u8]> = MIXED.chunks(1).collect();
    assert_eq!(decode(1024, &pieces), (expected_mixed(), None));
}

#[test]
fn every_single_split_point_equals_whole() {
    for cut in 0..=MIXED.len() {
        let pieces = split(MIXED, &[cut]);
        assert_eq!(decode(1024, &pieces), (expected_mixed(), None), "cut {cut}");
    }
}

#[test]
fn random_chunkings_equal_whole() {
    let mut rng = Lcg(42);
    for _ in 0..2000 {
        let mut cuts: Vec<usize> = (0..rng.below(12))
            .map(|_| rng.below(MIXED.len() + 1))
            .collect();
        cuts.sort_unstable();
        let pieces = split(MIXED, &cuts);
        assert_eq!(decode(1024, &pieces), (expected_mixed(), None), "{cuts:?}");
    }
}

#[test]
fn crlf_split_across_chunks_is_one_line_ending() {
    let (events, error) = decode(64, &[b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"]);
    assert_eq!(error, None);
    assert_eq!(events, vec![(None, "a\nb".into(), None, None)]);
}

#[test]
fn utf8_char_split_across_chunks() {
    let input = "data: 你好🦀\n\n".as_bytes();
    for cut in 0..=input.len() {
        let (events, error) = decode(64, &split(input, &[cut]));
        assert_eq!(error, None);
        assert_eq!(events, vec![(None, "你好🦀".into(), None, None)]);
    }
}

#[test]
fn split_bom_is_stripped_and_partial_bom_is_data() {
    let (events, _) = decode(64, &[b"\xEF", b"\xBB", b"\xBFdata: x\n\n"]);
    assert_eq!(events, vec![(None, "x".into(), None, None)]);
    let (events, error) = decode(64, &[b"\xEF", b"data: x\n\n"]);
    assert!(events.is_empty());
    assert_eq!(error, Some(StreamError::InvalidUtf8));
}

#[test]
fn oversized_events_fail_at_any_chunking() {
    // One long line, and an event of short lines adding up.
    let long_line = format!("data: {}\n\n", "x".repeat(40));
    let many_lines = "data: 0123456789\n".repeat(4) + "\n";
    for input in [long_line.as_bytes(), many_lines.as_bytes()] {
        for size in 1..=input.len() {
            let pieces: Vec<&[u8]> = input.chunks(size).collect();
            let (events, error) = decode(32, &pieces);
            assert!(events.is_empty());
            assert_eq!(error, Some(StreamError::EventTooLarge(32)), "size {size}");
        }
    }
    // A line and its data exactly at the limit are accepted.
    let (events, error) = decode(32, &[format!("data: {}\n\n", "y".repeat(26)).as_bytes()]);
    assert_eq!((events.len(), error), (1, None));
}

#[test]
fn invalid_utf8_is_an_error_after_earlier_events() {
    let input = b"data: ok\n\ndata: \xFF\xFE\n\n";
    for size in 1..=input.len() {
        let pieces: Vec<&[u8]> = input.chunks(size).collect();
        let (events, error) = decode(64, &pieces);
        assert_eq!(events, vec![(None, "ok".into(), None, None)]);
        assert_eq!(error, Some(StreamError::InvalidUtf8));
    }
}

#[test]
fn unterminated_event_at_end_is_not_dispatched() {
    let (events, error) = decode(64, &[b"data: a\n\ndata: b\n"]);
    assert_eq!((events.len(), error), (1, None));
}

#[test]
fn events_inside_one_input_borrow_it_and_come_one_at_a_time() {
    let input = b"data: {\"a\":1}\n\n: note\ndata: two\n\ndata: x\ndata: y\n\ndata: cut";
    let within = |data: &str| input.as_ptr_range().contains(&data.as_ptr());
    let mut decoder = Decoder::new(64);
    let mut pos = 0;
    let event = decoder.next_event(input, &mut pos).unwrap().unwrap();
    assert_eq!(event.data, "{\"a\":1}");
    assert!(within(event.data), "a one-line event is not copied");
    assert_eq!(pos, 15);
    let event = decoder.next_event(input, &mut pos).unwrap().unwrap();
    assert_eq!(event.data, "two");
    assert!(within(event.data));
    // Several data lines are joined in the decoder's own buffer.
    let event = decoder.next_event(input, &mut pos).unwrap().unwrap();
    assert_eq!(event.data, "x\ny");
    assert!(!within(event.data));
    // The rest is kept for the next input.
    assert_eq!(decoder.next_event(input, &mut pos), Ok(None));
    assert_eq!(pos, input.len());
    let mut pos = 0;
    let event = decoder.next_event(b" here\n\n", &mut pos).unwrap().unwrap();
    assert_eq!(event.data, "cut here");
}

#[test]
fn an_event_split_after_its_data_line_keeps_its_data() {
    let (events, error) = decode(
        64,
        &[b"data: a\n", b"\n", b"data: b\n", b"data: c\n", b"\n"],
    );
    assert_eq!(error, None);
    let data: Vec<_> = events.into_iter().map(|e| e.1).collect();
    assert_eq!(data, ["a", "b\nc"]);
}
