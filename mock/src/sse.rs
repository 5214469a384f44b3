//! Framing a streamed answer as server-sent events, paced in time, with Z.AI's
//! glued-frame fault on demand.

use crate::spec::Stream;
use bytes::Bytes;
use futures_util::stream;
use hyper::body::Frame;
use serde_json::Value;
use std::convert::Infallible;
use std::time::Duration;

/// The events of `chunks` (an `event:` line when the stream names one, then the
/// `data:` line), glued when `glued`, then the stream's `done` payload.
pub(crate) fn events(stream: &Stream, chunks: &[Value], glued: bool) -> Vec<String> {
    let mut events: Vec<String> = chunks
        .iter()
        .map(|chunk| {
            let event = stream
                .event_field
                .as_deref()
                .and_then(|field| chunk[field].as_str())
                .map(|e| format!("event: {e}\n"))
                .unwrap_or_default();
            format!("{event}data: {chunk}\n\n")
        })
        .collect();
    if glued {
        events = glue(&events);
    }
    if let Some(done) = &stream.done {
        events.push(format!("data: {done}\n\n"));
    }
    events
}

/// One body frame per event, `delay` apart (none before the first).
pub(crate) fn paced(
    events: Vec<String>,
    delay: Duration,
) -> impl futures_util::Stream<Item = Result<Frame<Bytes>, Infallible>> {
    stream::unfold(
        (events.into_iter(), true),
        move |(mut events, first)| async move {
            let event = events.next()?;
            if !first && !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            let frame = Frame::data(Bytes::from(event));
            Some((Ok::<_, Infallible>(frame), (events, false)))
        },
    )
}

/// Z.AI's concatenated-frame bug, twice: the second event is cut off mid-key
/// (after `{"role` / `"role`) and the third follows on the same line, then the
/// fourth is cut mid-value (after `"object":"chat.c`) and the fifth follows it.
/// Every other event is intact.
fn glue(events: &[String]) -> Vec<String> {
    let cut = |event: &str, after: &str, extra: usize| {
        let line = event.trim_end_matches('\n');
        let at = line
            .find(after)
            .map(|i| i + after.len() + extra)
            .filter(|&i| i < line.len() && line.is_char_boundary(i))
            .unwrap_or(line.len() / 2);
        line[..at].to_owned()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let cut_at = match i {
            1 => Some(("\"role", 0)),
            3 => Some(("\"object\":\"", 6)),
            _ => None,
        };
        match (cut_at, events.get(i + 1)) {
            (Some((after, extra)), Some(next)) => {
                out.push(format!("{}{next}", cut(&events[i], after, extra)));
                i += 2;
            }
            _ => {
                out.push(events[i].clone());
                i += 1;
            }
        }
    }
    out
}
