//! Recovery from Z.AI's concatenated-frame fault: since GLM-5.1 the service
//! sometimes sends one frame's JSON cut off and the next frame's `data: ` on the
//! same line, with no blank line between. The decoder sees one event whose data
//! does not parse; here it is split back into the intact frames it holds, and
//! what cannot be saved is reported, never silently dropped.

use bytes::Bytes;
use serde::de::IgnoredAny;
use std::sync::{Arc, Mutex};

/// What a stream does with an event that holds the service's concatenated-frame
/// fault. Set per client or per call with [`crate::CallOptions::stream_faults`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum StreamFaultPolicy {
    /// Keep every intact frame, drop the cut fragment and report it (in
    /// [`crate::EventStream::faults`], a `tracing` warning and the metrics hook);
    /// the answer goes on.
    #[default]
    Recover,
    /// End the stream with [`crate::Error::Decode`] holding the raw event.
    Strict,
}

/// A piece of an event dropped while recovering from a concatenated frame.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DroppedFragment {
    /// The bytes dropped: the cut-off start of a frame.
    pub bytes: Bytes,
    /// Intact frames recovered from the same event.
    pub recovered_frames: usize,
}

/// The faults a stream recovered from so far; a handle sharing the stream's
/// record, so it stays readable after the stream is consumed
/// (`let faults = stream.faults(); stream.collect_completion().await`).
#[derive(Clone, Debug, Default)]
pub struct StreamFaults(Arc<Mutex<Vec<DroppedFragment>>>);

impl StreamFaults {
    /// Every fragment dropped so far, in stream order.
    pub fn dropped(&self) -> Vec<DroppedFragment> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Whether the stream needed no recovery.
    pub fn is_empty(&self) -> bool {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).is_empty()
    }

    pub(crate) fn record(&self, fragment: DroppedFragment) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(fragment);
    }
}

/// An event's data split at the frames glued into it.
#[derive(Debug, PartialEq)]
pub(crate) struct Glued<'a> {
    /// The intact frames' JSON, in order.
    pub frames: Vec<&'a str>,
    /// What lies outside them: the cut fragments.
    pub dropped: Vec<&'a str>,
    /// A glued `data: <done>` ended the stream.
    pub done: bool,
}

/// Splits `data` at each inline `data:` that starts a well-formed JSON frame
/// (or the `done` payload) running to the next inline `data:` or the end. `None`
/// unless at least one such frame is found: other undecodable data is no known
/// fault. A `data:` inside a frame's strings is skipped, since each frame is
/// parsed whole.
pub(crate) fn split_glued<'a>(data: &'a str, done: Option<&str>) -> Option<Glued<'a>> {
    const FIELD: &str = "data:";
    // Where a frame starting at `start` ends, if one does: a whole JSON value
    // followed by the next inline `data:` or by the end of the data.
    let frame_end = |start: usize| {
        let mut values =
            serde_json::Deserializer::from_str(&data[start..]).into_iter::<IgnoredAny>();
        let end = start + values.next()?.ok().map(|_| values.byte_offset())?;
        let rest = &data[end..];
        (rest.trim_end().is_empty() || rest.starts_with(FIELD)).then_some(end)
    };
    let mut glued = Glued {
        frames: Vec::new(),
        dropped: Vec::new(),
        done: false,
    };
    // A leading intact frame has no `data:` of its own: the decoder took it.
    let mut kept_to = 0;
    if let Some(end) = frame_end(0).filter(|end| *end < data.len()) {
        glued.frames.push(&data[..end]);
        kept_to = end;
    }
    let mut search = kept_to;
    while let Some(offset) = data[search..].find(FIELD) {
        let field = search + offset;
        let value = field + FIELD.len();
        let start = value + usize::from(data[value..].starts_with(' '));
        let is_done = done.is_some_and(|d| data[start..].trim_end() == d);
        let Some(end) = (if is_done {
            Some(data.len())
        } else {
            frame_end(start)
        }) else {
            search = value;
            continue;
        };
        glued.drop(&data[kept_to..field]);
        if is_done {
            glued.done = true;
        } else {
            glued.frames.push(&data[start..end]);
        }
        (kept_to, search) = (end, end);
    }
    if glued.frames.is_empty() && !glued.done {
        return None;
    }
    glued.drop(&data[kept_to..]);
    Some(glued)
}

impl<'a> Glued<'a> {
    /// Records what lies between frames: one fragment per cut frame in it.
    fn drop(&mut self, between: &'a str) {
        for (i, piece) in between.split("data:").enumerate() {
            let piece = if i == 0 {
                piece
            } else {
                piece.strip_prefix(' ').unwrap_or(piece)
            };
            if !piece.trim().is_empty() {
                self.dropped.push(piece);
            }
        }
    }
}
