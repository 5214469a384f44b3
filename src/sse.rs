//! Server-sent events: a WHATWG event-stream decoder and the typed stream every
//! `*_stream` method returns.

use crate::error::{ApiError, Error, StreamError};
use crate::observe::{Metrics, StreamFaultRecord};
use crate::probe::from_str_noting_error;
use crate::read_timer::ReadTimer;
use crate::stream_fault::{DroppedFragment, StreamFaultPolicy, StreamFaults, split_glued};
use bytes::Bytes;
use futures_core::Stream;
use std::{
    collections::VecDeque,
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
};

/// Default cap on one event's size: far above any real chunk, far below harm.
pub const DEFAULT_MAX_EVENT_SIZE: usize = 16 * 1024 * 1024;

/// One dispatched event, borrowing the input it arrived in or the decoder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event<'a> {
    /// `event:` field; `None` means the default type `message`.
    pub event: Option<&'a str>,
    /// `data:` lines joined with `\n`.
    pub data: &'a str,
    /// `id:` field of this event, if it set one.
    pub id: Option<&'a str>,
    /// `retry:` field of this event, if it set a valid one.
    pub retry: Option<u64>,
}

/// Incremental event-stream decoder: give it bytes as they arrive, at any
/// boundary, and take the events it completes one at a time
/// ([`Decoder::next_event`]) or through a callback ([`Decoder::feed`]). Lines
/// end in LF, CRLF or CR; a leading BOM and comment lines are skipped;
/// `id`/`retry` are parsed. An event whose lines all lie in one input is handed
/// out borrowing that input: only lines split across inputs and events of
/// several `data:` lines are copied.
#[derive(Debug)]
pub struct Decoder {
    /// The start of a line split across inputs (or of a possible BOM).
    partial: Vec<u8>,
    /// The previous input ended in CR: a leading LF of the next one belongs to it.
    after_cr: bool,
    bom_checked: bool,
    /// The event's data, once it can no longer borrow the input.
    data: String,
    has_data: bool,
    /// An event was handed out: its fields are cleared on the next call.
    dispatched: bool,
    event: String,
    id: String,
    has_id: bool,
    retry: Option<u64>,
    max_event_size: usize,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder::new(DEFAULT_MAX_EVENT_SIZE)
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Decoder {
    /// A decoder refusing events (or lines) larger than `max_event_size` bytes.
    pub fn new(max_event_size: usize) -> Self {
        Decoder {
            partial: Vec::new(),
            after_cr: false,
            bom_checked: false,
            data: String::new(),
            has_data: false,
            dispatched: false,
            event: String::new(),
            id: String::new(),
            has_id: false,
            retry: None,
            max_event_size,
        }
    }

    /// Decodes `chunk`, calling `on_event` for each event it completes. Stops at
    /// the first error `on_event` returns.
    pub fn feed<E: From<StreamError>>(
        &mut self,
        chunk: &[u8],
        mut on_event: impl FnMut(Event<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut pos = 0;
        while let Some(event) = self.next_event(chunk, &mut pos)? {
            on_event(event)?;
        }
        Ok(())
    }

    /// Decodes `input` from `*pos` up to the end of the next event and returns
    /// it, with `*pos` just past it; `None` once the input is used up (`*pos` is
    /// then its length and the next input continues where it stopped). Call it
    /// again with the same input after an event: the rest may hold more.
    pub fn next_event<'a>(
        &'a mut self,
        input: &'a [u8],
        pos: &mut usize,
    ) -> Result<Option<Event<'a>>, StreamError> {
        if self.dispatched {
            self.dispatched = false;
            self.data.clear();
            self.has_data = false;
            self.event.clear();
            self.retry = None;
        }
        let mut at = (*pos).min(input.len());
        if self.after_cr && at < input.len() {
            self.after_cr = false;
            at += usize::from(input[at] == b'\n');
        }
        if !self.bom_checked {
            // The BOM may itself arrive split: hold its start until it is whole
            // or turns out to be the start of the first line.
            let have = self.partial.len();
            let next = &input[at..input.len().min(at + BOM.len() - have)];
            if BOM[have..].starts_with(next) {
                self.partial.extend_from_slice(next);
                at += next.len();
                if self.partial.len() < BOM.len() {
                    *pos = at;
                    return Ok(None);
                }
                self.partial.clear();
            }
            self.bom_checked = true;
        }
        // The data of the current event while it still lies in `input`.
        let mut borrowed: Option<&'a str> = None;
        let dispatch = loop {
            let Some(offset) = memchr::memchr2(b'\n', b'\r', &input[at..]) else {
                break false;
            };
            let end = at + offset;
            let line = &input[at..end];
            at = end + 1;
            if input[end] == b'\r' {
                match input.get(at) {
                    Some(b'\n') => at += 1,
                    Some(_) => {}
                    None => self.after_cr = true,
                }
            }
            let dispatch = if self.partial.is_empty() {
                self.line(line, &mut borrowed)
            } else {
                self.carried_line(line)
            };
            match dispatch {
                Ok(true) => break true,
                // The usual end of an event: data, then an empty LF-ended line,
                // taken here without searching for it.
                Ok(false)
                    if input.get(at) == Some(&b'\n') && (borrowed.is_some() || self.has_data) =>
                {
                    at += 1;
                    break true;
                }
                Ok(false) => {}
                Err(e) => {
                    *pos = at;
                    return Err(e);
                }
            }
        };
        if dispatch {
            *pos = at;
            self.dispatched = true;
            return Ok(Some(Event {
                event: (!self.event.is_empty()).then_some(self.event.as_str()),
                data: borrowed.unwrap_or(&self.data),
                id: self.has_id.then_some(self.id.as_str()),
                retry: self.retry,
            }));
        }
        // The input is used up: keep what the next one continues.
        if let Some(data) = borrowed {
            self.data.push_str(data);
            self.has_data = true;
        }
        self.partial.extend_from_slice(&input[at..]);
        *pos = input.len();
        // An unterminated line already longer than the limit can only grow: fail
        // now, as [`Self::line`] would once it ends (same verdict at any chunking).
        if self.partial.len() > self.max_event_size {
            return Err(StreamError::EventTooLarge(self.max_event_size));
        }
        Ok(None)
    }

    /// Processes the line begun in an earlier input and ending with `rest`.
    fn carried_line(&mut self, rest: &[u8]) -> Result<bool, StreamError> {
        let mut line = std::mem::take(&mut self.partial);
        line.extend_from_slice(rest);
        let mut held = None;
        let dispatch = self.line(&line, &mut held);
        // Nothing was borrowed before: the carried line is an input's first.
        if let Some(data) = held {
            self.data.push_str(data);
            self.has_data = true;
        }
        line.clear();
        self.partial = line;
        dispatch
    }

    /// Processes one line; `Ok(true)` when it completes an event. A first
    /// `data:` line is only noted in `borrowed`, not copied.
    fn line<'l>(
        &mut self,
        line: &'l [u8],
        borrowed: &mut Option<&'l str>,
    ) -> Result<bool, StreamError> {
        if line.is_empty() {
            if borrowed.is_some() || self.has_data {
                return Ok(true);
            }
            self.event.clear();
            self.retry = None;
            return Ok(false);
        }
        if line.len() > self.max_event_size {
            return Err(StreamError::EventTooLarge(self.max_event_size));
        }
        if line[0] == b':' {
            return Ok(false);
        }
        let utf8 = |bytes| std::str::from_utf8(bytes).map_err(|_| StreamError::InvalidUtf8);
        // Nearly every line is data: its field name needs no search.
        if let Some(value) = line.strip_prefix(b"data:") {
            let value = utf8(value.strip_prefix(b" ").unwrap_or(value))?;
            self.data_line(value, borrowed)?;
            return Ok(false);
        }
        let line = utf8(line)?;
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "data" => self.data_line(value, borrowed)?,
            "event" => {
                self.event.clear();
                self.event.push_str(value);
            }
            "id" if !value.contains('\0') => {
                self.id.clear();
                self.id.push_str(value);
                self.has_id = true;
            }
            "retry" => self.retry = value.parse().ok().or(self.retry),
            _ => {}
        }
        Ok(false)
    }

    /// Adds a `data:` line's value to the event. The first is only noted in
    /// `borrowed`, not copied.
    fn data_line<'l>(
        &mut self,
        value: &'l str,
        borrowed: &mut Option<&'l str>,
    ) -> Result<(), StreamError> {
        let had = borrowed.is_some() || self.has_data;
        let len = borrowed.map_or(self.data.len(), str::len);
        if len + usize::from(had) + value.len() > self.max_event_size {
            return Err(StreamError::EventTooLarge(self.max_event_size));
        }
        match borrowed.take() {
            None if !had => *borrowed = Some(value),
            first => {
                // A further line: the data is joined in our own buffer.
                self.data.push_str(first.unwrap_or_default());
                self.data.push('\n');
                self.data.push_str(value);
                self.has_data = true;
            }
        }
        Ok(())
    }
}

/// The chunk type of a streaming operation: how its stream ends (implemented by
/// build.rs from the operation's `x-zai-stream`).
pub trait StreamChunk: serde::de::DeserializeOwned + Send + 'static {
    /// Data payload ending the stream, e.g. `[DONE]`.
    const DONE: Option<&'static str>;
    /// Event name whose event ends the stream, e.g. `message_stop`.
    const FINAL_EVENT: Option<&'static str>;
    /// Whether this chunk, as the last one, marks a properly finished stream
    /// (e.g. carries a `finish_reason` and usage), so that a missing `[DONE]`
    /// after it is no error.
    fn is_final(&self) -> bool;
}

type ByteSource = Pin<Box<dyn Stream<Item = reqwest::Result<Bytes>> + Send>>;

/// A typed stream of server-sent chunks: `Stream<Item = Result<T, zai::Error>>`.
///
/// It ends with `None` after `[DONE]` (or the operation's final event); a
/// connection that closes before then, without a final chunk, yields
/// [`StreamError::Incomplete`]. An error object inside the stream becomes
/// [`Error::Api`]. After an error the stream ends. Dropping it closes the
/// connection. An event holding the service's concatenated-frame fault is
/// handled by the call's [`StreamFaultPolicy`]; [`EventStream::faults`] tells
/// what was dropped.
pub struct EventStream<T> {
    source: Option<ByteSource>,
    decoder: Decoder,
    /// The network chunk being decoded, and how far: events are parsed from
    /// it in place, one per poll.
    chunk: Bytes,
    pos: usize,
    /// The read timeout, waiting for the next bytes of the source.
    timer: ReadTimer,
    typed: Typed<T>,
}

/// What the stream makes of decoded events.
struct Typed<T> {
    /// Items decoded ahead of their turn: the further frames of a recovered
    /// concatenated event.
    ready: VecDeque<Result<T, Error>>,
    finished: bool,
    /// The last chunk so far marks a properly finished stream.
    saw_final: bool,
    policy: StreamFaultPolicy,
    faults: StreamFaults,
    observer: Observer,
}

/// Who hears of a recovered fault besides the stream's own record.
#[derive(Default)]
struct Observer {
    operation: &'static str,
    metrics: Option<Arc<dyn Metrics>>,
}

impl<T> std::fmt::Debug for EventStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventStream")
            .field("finished", &self.typed.finished)
            .field("policy", &self.typed.policy)
            .finish_non_exhaustive()
    }
}

impl<T: StreamChunk> EventStream<T> {
    /// Wraps a byte stream (e.g. `reqwest::Response::bytes_stream()`).
    pub fn new(source: impl Stream<Item = reqwest::Result<Bytes>> + Send + 'static) -> Self {
        EventStream {
            source: Some(Box::pin(source)),
            decoder: Decoder::default(),
            chunk: Bytes::new(),
            pos: 0,
            timer: ReadTimer::none(),
            typed: Typed {
                ready: VecDeque::new(),
                finished: false,
                saw_final: false,
                policy: StreamFaultPolicy::default(),
                faults: StreamFaults::default(),
                observer: Observer::default(),
            },
        }
    }

    /// A stream over bytes already in memory, split into the given pieces (a
    /// captured body, a test, a fuzzer): decoded exactly as a live response.
    pub fn from_chunks<I>(pieces: I) -> Self
    where
        I: IntoIterator<Item = Bytes>,
        I::IntoIter: Send + 'static,
    {
        Self::new(futures_util::stream::iter(pieces.into_iter().map(Ok)))
    }

    /// Sets the largest event accepted (default [`DEFAULT_MAX_EVENT_SIZE`]).
    pub fn with_max_event_size(mut self, max: usize) -> Self {
        self.decoder.max_event_size = max;
        self
    }

    /// Sets what to do with the service's concatenated-frame fault (default
    /// [`StreamFaultPolicy::Recover`]).
    pub fn with_fault_policy(mut self, policy: StreamFaultPolicy) -> Self {
        self.typed.policy = policy;
        self
    }

    /// The fragments dropped so far while recovering from concatenated frames:
    /// a handle that stays readable after the stream is consumed.
    pub fn faults(&self) -> StreamFaults {
        self.typed.faults.clone()
    }

    /// Reports recovered faults to the call's tracing span and metrics hook too,
    /// and waits for bytes within the call's read timer.
    pub(crate) fn observed(
        mut self,
        operation: &'static str,
        metrics: Option<Arc<dyn Metrics>>,
        timer: ReadTimer,
    ) -> Self {
        self.typed.observer = Observer { operation, metrics };
        self.timer = timer;
        self
    }
}

impl<T: StreamChunk> Typed<T> {
    /// The item an event makes, if it makes one now; the further frames of a
    /// recovered concatenated event wait in `ready`.
    fn event(&mut self, event: Event<'_>) -> Option<Result<T, Error>> {
        if T::DONE == Some(event.data) {
            self.finished = true;
            return None;
        }
        let item = parse_event::<T>(event.event, event.data);
        let glued = match (&item, self.policy) {
            (Err(Error::Decode { .. }), StreamFaultPolicy::Recover) => {
                split_glued(event.data, T::DONE)
            }
            _ => None,
        };
        let Some(glued) = glued else {
            return Some(self.seen(item, event.event));
        };
        for fragment in &glued.dropped {
            let fragment = DroppedFragment {
                bytes: Bytes::copy_from_slice(fragment.as_bytes()),
                recovered_frames: glued.frames.len(),
            };
            self.observer.report(&fragment);
            self.faults.record(fragment);
        }
        for frame in glued.frames {
            let item = self.seen(parse_event::<T>(event.event, frame), event.event);
            self.ready.push_back(item);
        }
        self.finished |= glued.done;
        None
    }

    /// Notes whether `item` ends the stream, properly or not.
    fn seen(&mut self, item: Result<T, Error>, name: Option<&str>) -> Result<T, Error> {
        // Only the last chunk counts: one after a final-looking one retracts it.
        if let Ok(chunk) = &item {
            self.saw_final = chunk.is_final();
        }
        self.finished |= item.is_err() || (T::FINAL_EVENT.is_some() && name == T::FINAL_EVENT);
        item
    }
}

impl Observer {
    fn report(&self, fragment: &DroppedFragment) {
        tracing::warn!(
            operation = self.operation,
            dropped_bytes = fragment.bytes.len(),
            recovered_frames = fragment.recovered_frames,
            "recovered from a concatenated event-stream frame; dropped its cut-off start"
        );
        if let Some(metrics) = &self.metrics {
            metrics.stream_fault(&StreamFaultRecord {
                operation: self.operation,
                dropped_bytes: fragment.bytes.len(),
                recovered_frames: fragment.recovered_frames,
            });
        }
    }
}

/// An event's payload as a chunk, or the error object it carries. The error
/// object is noticed during the typed parse, not by a second scan of the event.
fn parse_event<T: StreamChunk>(name: Option<&str>, data: &str) -> Result<T, Error> {
    let api_error = || {
        Err(Error::Api(ApiError::parse(
            reqwest::StatusCode::OK,
            &reqwest::header::HeaderMap::new(),
            Bytes::copy_from_slice(data.as_bytes()),
        )))
    };
    if name == Some("error")
        && matches!(serde_json::from_str(data), Ok(serde_json::Value::Object(_)))
    {
        return api_error();
    }
    match from_str_noting_error::<T>(data) {
        (Ok(_), true) => api_error(),
        (Ok(chunk), false) => Ok(chunk),
        // An error object whose other fields do not fit the chunk type is still
        // the error it reports.
        (Err(_), _) if has_error(data) => api_error(),
        (Err(source), _) => Err(Error::Decode {
            status: 200,
            body: Bytes::copy_from_slice(data.as_bytes()),
            source,
        }),
    }
}

/// Whether `data` is a JSON object with a non-null top-level `error`.
fn has_error(data: &str) -> bool {
    matches!(
        serde_json::from_str(data),
        Ok(serde_json::Value::Object(map)) if map.get("error").is_some_and(|e| !e.is_null())
    )
}

impl From<StreamError> for Error {
    fn from(e: StreamError) -> Self {
        Error::Stream(e)
    }
}

// No field is structurally pinned: the byte source is already boxed.
impl<T> Unpin for EventStream<T> {}

impl<T: StreamChunk> Stream for EventStream<T> {
    type Item = Result<T, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            if let Some(item) = this.typed.ready.pop_front() {
                return Poll::Ready(Some(item));
            }
            if this.typed.finished {
                // Done: close the connection now rather than when dropped. Bytes
                // after the end (`[DONE]`, an error) are never decoded, whatever
                // they are: the same result at any chunking.
                this.source = None;
                this.timer = ReadTimer::none();
                return Poll::Ready(None);
            }
            match this.decoder.next_event(&this.chunk, &mut this.pos) {
                Ok(Some(event)) => match this.typed.event(event) {
                    Some(item) => return Poll::Ready(Some(item)),
                    None => continue,
                },
                Ok(None) => {}
                Err(e) => {
                    this.typed.finished = true;
                    return Poll::Ready(Some(Err(e.into())));
                }
            }
            let Some(source) = this.source.as_mut() else {
                return Poll::Ready(None);
            };
            match this.timer.poll_piece(source.as_mut(), cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(Ok(bytes))) => (this.chunk, this.pos) = (bytes, 0),
                Poll::Ready(Some(Err(e))) => {
                    this.typed.finished = true;
                    return Poll::Ready(Some(Err(e)));
                }
                Poll::Ready(None) => {
                    this.typed.finished = true;
                    if !this.typed.saw_final {
                        return Poll::Ready(Some(Err(Error::Stream(StreamError::Incomplete))));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "../tests/unit/sse.rs"]
mod tests;
