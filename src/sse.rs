//! Server-sent events: a WHATWG event-stream decoder and the typed stream every
//! `*_stream` method returns.

use crate::error::{ApiError, Error, StreamError, Timeouts};
use crate::observe::{Metrics, StreamFaultRecord};
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

/// One dispatched event, borrowing the decoder's buffers.
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

/// Incremental event-stream decoder: feed it bytes as they arrive, at any
/// boundary; it calls back once per complete event. Lines end in LF, CRLF or CR; a
/// leading BOM and comment lines are skipped; `id`/`retry` are parsed.
#[derive(Debug)]
pub struct Decoder {
    buf: Vec<u8>,
    /// Bytes of `buf` before this offset are already consumed.
    start: usize,
    /// The previous chunk ended in CR: a leading LF of the next one belongs to it.
    after_cr: bool,
    bom_checked: bool,
    data: String,
    has_data: bool,
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

impl Decoder {
    /// A decoder refusing events (or lines) larger than `max_event_size` bytes.
    pub fn new(max_event_size: usize) -> Self {
        Decoder {
            buf: Vec::new(),
            start: 0,
            after_cr: false,
            bom_checked: false,
            data: String::new(),
            has_data: false,
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
        let mut chunk = chunk;
        if self.after_cr && !chunk.is_empty() {
            self.after_cr = false;
            if chunk[0] == b'\n' {
                chunk = &chunk[1..];
            }
        }
        if !self.bom_checked {
            // The BOM may itself arrive split; wait for three bytes.
            self.buf.extend_from_slice(chunk);
            if self.buf.len() < 3 && b"\xEF\xBB\xBF".starts_with(&self.buf) {
                return Ok(());
            }
            self.bom_checked = true;
            if self.buf.starts_with(b"\xEF\xBB\xBF") {
                self.start = 3;
            }
        } else if self.start == self.buf.len() {
            // Fast path: nothing pending, decode straight from the chunk.
            let consumed = self.lines(chunk, &mut on_event)?;
            self.buf.clear();
            self.start = 0;
            self.buf.extend_from_slice(&chunk[consumed..]);
            return self.check_pending().map_err(E::from);
        } else {
            self.buf.extend_from_slice(chunk);
        }
        let buf = std::mem::take(&mut self.buf);
        let result = self.lines(&buf[self.start..], &mut on_event);
        self.buf = buf;
        let consumed = result?;
        self.start += consumed;
        if self.start == self.buf.len() {
            self.buf.clear();
            self.start = 0;
        } else if self.start > self.buf.len() / 2 {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        self.check_pending().map_err(E::from)
    }

    /// An unterminated line already longer than the limit can only grow: fail
    /// now, as [`Self::line`] would once it ends (same verdict at any chunking).
    fn check_pending(&self) -> Result<(), StreamError> {
        if self.buf.len() - self.start > self.max_event_size {
            return Err(StreamError::EventTooLarge(self.max_event_size));
        }
        Ok(())
    }

    /// Processes the complete lines of `bytes`; returns how many bytes it used.
    fn lines<E: From<StreamError>>(
        &mut self,
        bytes: &[u8],
        on_event: &mut impl FnMut(Event<'_>) -> Result<(), E>,
    ) -> Result<usize, E> {
        let mut pos = 0;
        while let Some(offset) = memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
            let end = pos + offset;
            let line = &bytes[pos..end];
            pos = end + 1;
            if bytes[end] == b'\r' {
                match bytes.get(pos) {
                    Some(b'\n') => pos += 1,
                    Some(_) => {}
                    None => self.after_cr = true,
                }
            }
            self.line(line, on_event)?;
        }
        Ok(pos)
    }

    fn line<E: From<StreamError>>(
        &mut self,
        line: &[u8],
        on_event: &mut impl FnMut(Event<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        if line.is_empty() {
            return self.dispatch(on_event);
        }
        if line.len() > self.max_event_size {
            return Err(StreamError::EventTooLarge(self.max_event_size).into());
        }
        if line[0] == b':' {
            return Ok(());
        }
        let line = std::str::from_utf8(line).map_err(|_| StreamError::InvalidUtf8)?;
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "data" => {
                if self.data.len() + usize::from(self.has_data) + value.len() > self.max_event_size
                {
                    return Err(StreamError::EventTooLarge(self.max_event_size).into());
                }
                if self.has_data {
                    self.data.push('\n');
                }
                self.data.push_str(value);
                self.has_data = true;
            }
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
        Ok(())
    }

    fn dispatch<E>(
        &mut self,
        on_event: &mut impl FnMut(Event<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let result = if self.has_data {
            on_event(Event {
                event: (!self.event.is_empty()).then_some(self.event.as_str()),
                data: &self.data,
                id: self.has_id.then_some(self.id.as_str()),
                retry: self.retry,
            })
        } else {
            Ok(())
        };
        self.data.clear();
        self.has_data = false;
        self.event.clear();
        self.retry = None;
        result
    }
}

/// The chunk type of a streaming operation: how its stream ends (implemented by
/// build.rs from the operation's `x-zai-stream`).
pub trait StreamChunk: serde::de::DeserializeOwned + Send + 'static {
    /// Data payload ending the stream, e.g. `[DONE]`.
    const DONE: Option<&'static str>;
    /// Event name whose event ends the stream, e.g. `message_stop`.
    const FINAL_EVENT: Option<&'static str>;
    /// Whether this chunk marks a properly finished stream (e.g. carries a
    /// `finish_reason`), so that a missing `[DONE]` after it is no error.
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
    ready: VecDeque<Result<T, Error>>,
    finished: bool,
    saw_final: bool,
    policy: StreamFaultPolicy,
    faults: StreamFaults,
    observer: Observer,
}

/// Who hears of a recovered fault besides the stream's own record, and the
/// timeouts to name when one fires mid-stream.
#[derive(Default)]
struct Observer {
    operation: &'static str,
    metrics: Option<Arc<dyn Metrics>>,
    timeouts: Timeouts,
}

impl<T> std::fmt::Debug for EventStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventStream")
            .field("finished", &self.finished)
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

impl<T: StreamChunk> EventStream<T> {
    /// Wraps a byte stream (e.g. `reqwest::Response::bytes_stream()`).
    pub fn new(source: impl Stream<Item = reqwest::Result<Bytes>> + Send + 'static) -> Self {
        EventStream {
            source: Some(Box::pin(source)),
            decoder: Decoder::default(),
            ready: VecDeque::new(),
            finished: false,
            saw_final: false,
            policy: StreamFaultPolicy::default(),
            faults: StreamFaults::default(),
            observer: Observer::default(),
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
        self.policy = policy;
        self
    }

    /// The fragments dropped so far while recovering from concatenated frames:
    /// a handle that stays readable after the stream is consumed.
    pub fn faults(&self) -> StreamFaults {
        self.faults.clone()
    }

    /// Reports recovered faults to the call's tracing span and metrics hook too.
    pub(crate) fn observed(
        mut self,
        operation: &'static str,
        metrics: Option<Arc<dyn Metrics>>,
        timeouts: Timeouts,
    ) -> Self {
        self.observer = Observer {
            operation,
            metrics,
            timeouts,
        };
        self
    }

    fn feed(&mut self, bytes: &[u8]) {
        let EventStream {
            decoder,
            ready,
            finished,
            saw_final,
            policy,
            faults,
            observer,
            ..
        } = self;
        let result = decoder.feed(bytes, |event| -> Result<(), Error> {
            if *finished {
                return Ok(());
            }
            if T::DONE == Some(event.data) {
                *finished = true;
                return Ok(());
            }
            let item = parse_event::<T>(event.event, event.data);
            let glued = match (&item, *policy) {
                (Err(Error::Decode { .. }), StreamFaultPolicy::Recover) => {
                    split_glued(event.data, T::DONE)
                }
                _ => None,
            };
            let mut push = |item: Result<T, Error>| {
                if let Ok(chunk) = &item {
                    *saw_final |= chunk.is_final();
                }
                *finished |=
                    item.is_err() || (T::FINAL_EVENT.is_some() && event.event == T::FINAL_EVENT);
                ready.push_back(item);
            };
            let Some(glued) = glued else {
                push(item);
                return Ok(());
            };
            for fragment in &glued.dropped {
                let fragment = DroppedFragment {
                    bytes: Bytes::copy_from_slice(fragment.as_bytes()),
                    recovered_frames: glued.frames.len(),
                };
                observer.report(&fragment);
                faults.record(fragment);
            }
            for frame in glued.frames {
                push(parse_event::<T>(event.event, frame));
            }
            *finished |= glued.done;
            Ok(())
        });
        if let Err(e) = result {
            // Bytes after the end (`[DONE]`, an error) are ignored, whatever they
            // are: the same chunking-independent result as a stream stopped there.
            if !self.finished {
                self.ready.push_back(Err(e));
            }
            self.finished = true;
        }
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

/// An event's payload as a chunk, or the error object it carries.
fn parse_event<T: StreamChunk>(name: Option<&str>, data: &str) -> Result<T, Error> {
    // Built once: building a SIMD searcher per event cost more than the search.
    static ERROR_KEY: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"\"error\""));
    let looks_like_error = name == Some("error") || ERROR_KEY.find(data.as_bytes()).is_some();
    if looks_like_error
        && let Ok(serde_json::Value::Object(map)) = serde_json::from_str(data)
        && (name == Some("error") || map.get("error").is_some_and(|e| !e.is_null()))
    {
        let body = Bytes::copy_from_slice(data.as_bytes());
        return Err(Error::Api(ApiError::parse(
            reqwest::StatusCode::OK,
            &reqwest::header::HeaderMap::new(),
            body,
        )));
    }
    serde_json::from_str(data).map_err(|source| Error::Decode {
        status: 200,
        body: Bytes::copy_from_slice(data.as_bytes()),
        source,
    })
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
            if let Some(item) = this.ready.pop_front() {
                return Poll::Ready(Some(item));
            }
            let Some(source) = this.source.as_mut() else {
                return Poll::Ready(None);
            };
            if this.finished {
                // Done: close the connection now rather than when dropped.
                this.source = None;
                return Poll::Ready(None);
            }
            match source.as_mut().poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(Ok(bytes))) => this.feed(&bytes),
                Poll::Ready(Some(Err(e))) => {
                    let timeouts = this.observer.timeouts;
                    this.ready.push_back(Err(Error::transport(e, timeouts)));
                    this.finished = true;
                }
                Poll::Ready(None) => {
                    this.source = None;
                    if !this.finished && !this.saw_final {
                        return Poll::Ready(Some(Err(Error::Stream(StreamError::Incomplete))));
                    }
                    return Poll::Ready(None);
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "../tests/unit/sse.rs"]
mod tests;
