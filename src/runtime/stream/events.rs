//! The typed stream every `*_stream` method returns: events decoded, parsed into
//! the operation's chunk type, ended by its end rule, errors inside it caught.

use crate::runtime::error::{ApiError, Error, StreamError, top_level_error};
use crate::runtime::observe::{Pending, StreamFaultRecord, StreamRecord};
use crate::runtime::stream::decoder::{Decoder, Event};
use crate::runtime::stream::fault::{
    DroppedFragment, StreamFaultPolicy, StreamFaults, split_glued,
};
use crate::runtime::timer::ReadTimer;
use bytes::Bytes;
use futures_core::Stream;
use std::{
    collections::VecDeque,
    pin::Pin,
    task::{Context, Poll},
};

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

/// Who hears of a recovered fault besides the stream's own record: tracing,
/// and the metrics hook through the call's record, sent when the stream ends.
#[derive(Default)]
struct Observer {
    operation: &'static str,
    pending: Option<Pending>,
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

    /// Sets the largest event accepted (default [`DEFAULT_MAX_EVENT_SIZE`](crate::DEFAULT_MAX_EVENT_SIZE)).
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
    pub(crate) fn observed(mut self, operation: &'static str, timer: ReadTimer) -> Self {
        self.typed.observer.operation = operation;
        self.timer = timer;
        self
    }

    /// Sends the call's metrics record when the stream ends or is dropped,
    /// with what it delivered; recovered faults go to the same hook.
    pub(crate) fn reporting(mut self, pending: Option<Pending>) -> Self {
        self.typed.observer.pending = pending.map(|pending| Pending {
            stream: Some(StreamRecord::default()),
            ..pending
        });
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
        if let Some(pending) = &mut self.observer.pending {
            pending.usage(event.data);
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
        if let Some(pending) = &self.pending {
            pending.metrics.stream_fault(&StreamFaultRecord {
                operation: self.operation,
                dropped_bytes: fragment.bytes.len(),
                recovered_frames: fragment.recovered_frames,
            });
        }
    }
}

/// An event's payload as a chunk, or the error object it carries (whatever its
/// other fields are).
fn parse_event<T: StreamChunk>(name: Option<&str>, data: &str) -> Result<T, Error> {
    let named_error = name == Some("error")
        && matches!(serde_json::from_str(data), Ok(serde_json::Value::Object(_)));
    if named_error || top_level_error(data.as_bytes()).is_some() {
        return Err(Error::Api(ApiError::parse(
            reqwest::StatusCode::OK,
            &reqwest::header::HeaderMap::new(),
            Bytes::copy_from_slice(data.as_bytes()),
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
        let polled = self.poll_item(cx);
        let observer = &mut self.typed.observer;
        match (&polled, observer.pending.as_mut()) {
            (Poll::Ready(Some(Ok(_))), Some(pending)) => pending.yielded(),
            // The end, or an error (which ends the stream): the call's record.
            (Poll::Ready(item), Some(_)) => {
                let outcome = match item {
                    Some(Err(e)) => Err(e),
                    _ => Ok(()),
                };
                if let Some(pending) = observer.pending.take() {
                    pending.finish(outcome, true);
                }
            }
            _ => {}
        }
        polled
    }
}

impl<T> Drop for EventStream<T> {
    fn drop(&mut self) {
        if let Some(pending) = self.typed.observer.pending.take() {
            pending.finish(Ok(()), false);
        }
    }
}

impl<T: StreamChunk> EventStream<T> {
    fn poll_item(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<T, Error>>> {
        let this = self;
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
