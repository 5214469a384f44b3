//! The read (idle) timeout of a client zai built, kept here rather than by
//! reqwest: one timer per attempt, started with the request, handed on from the
//! response head to its body or stream, and pushed back when the client waits
//! again after bytes arrived — so a call whose answer is already there reads no
//! clock and moves no timer, and a slow consumer of a stream is not timed out.
//! reqwest's own arms a boxed timer for the head and another for the body, and
//! reads the clock twice per body frame: about 2 k instructions a call.

use crate::runtime::error::{Error, Timeout, Timeouts};
use bytes::{Bytes, BytesMut};
use futures_core::Stream;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use tokio::time::{Instant, Sleep};

/// The timer of one attempt, and the timeouts to name when reqwest reports one
/// of its own (a caller's `reqwest::Client`, whose settings apply: no timer here).
pub(crate) struct ReadTimer {
    sleep: Option<Pin<Box<Sleep>>>,
    timeouts: Timeouts,
    /// The stream deadline ([`crate::CallOptions::stream_deadline`]): when it
    /// passes, and its length to name. Arriving bytes never push it back.
    until: Option<(Instant, std::time::Duration)>,
    /// Bytes arrived since the timer was last set.
    arrived: bool,
    /// The attempt's slot under the client's concurrency limit: held while the
    /// answer is read, until its stream ends or is dropped.
    _slot: Option<tokio::sync::OwnedSemaphorePermit>,
}

impl ReadTimer {
    /// Starts the wait for the first bytes, when `timeouts` has a read timeout
    /// or there is a deadline `until`; `slot` is held as long as the timer.
    pub(crate) fn start(
        timeouts: Timeouts,
        until: Option<(Instant, std::time::Duration)>,
        slot: Option<tokio::sync::OwnedSemaphorePermit>,
    ) -> Self {
        let first = timeouts
            .read
            .and_then(|limit| Instant::now().checked_add(limit));
        let at = match (first, until) {
            (Some(first), Some((until, _))) => Some(first.min(until)),
            (first, until) => first.or(until.map(|(at, _)| at)),
        };
        // A read timeout past the clock's range: tokio's far future stands.
        let sleep = match (at, timeouts.read) {
            (Some(at), _) => Some(tokio::time::sleep_until(at)),
            (None, Some(limit)) => Some(tokio::time::sleep(limit)),
            (None, None) => None,
        };
        ReadTimer {
            sleep: sleep.map(Box::pin),
            timeouts,
            until,
            arrived: false,
            _slot: slot,
        }
    }

    /// No timer (bytes already in memory, or a caller's own byte stream).
    pub(crate) fn none() -> Self {
        ReadTimer::start(Timeouts::default(), None, None)
    }

    /// The next piece of a body or stream, within the read timeout: its
    /// passing, or the transport's failure, is the error.
    pub(crate) fn poll_piece<S>(
        &mut self,
        source: Pin<&mut S>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Error>>>
    where
        S: Stream<Item = reqwest::Result<Bytes>> + ?Sized,
    {
        match source.poll_next(cx) {
            Poll::Pending => self
                .poll_expired(cx)
                .map(|timeout| Some(Err(Error::Timeout(timeout)))),
            Poll::Ready(Some(Ok(piece))) => {
                self.arrived = true;
                Poll::Ready(Some(Ok(piece)))
            }
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(self.transport(e)))),
            Poll::Ready(None) => Poll::Ready(None),
        }
    }

    /// After the source came back pending: the timeout, once it has passed.
    /// Bytes that arrived since the last wait give this one the whole timeout.
    fn poll_expired(&mut self, cx: &mut Context<'_>) -> Poll<Timeout> {
        let Some(sleep) = &mut self.sleep else {
            return Poll::Pending;
        };
        // A later deadline only updates the registered timer (tokio moves it
        // when the old deadline comes). A limit past the clock's range never
        // ends: the first deadline, tokio's far future, stands.
        if std::mem::take(&mut self.arrived)
            && let Some(limit) = self.timeouts.read
            && let Some(next) = Instant::now().checked_add(limit)
        {
            let next = self.until.map_or(next, |(until, _)| next.min(until));
            sleep.as_mut().reset(next);
        }
        ready!(sleep.as_mut().poll(cx));
        Poll::Ready(match self.until {
            Some((until, length)) if Instant::now() >= until => Timeout::Deadline(length),
            _ => Timeout::Read(self.timeouts.read),
        })
    }

    /// `work`'s output (bytes that arrived), unless the read timeout passes first.
    pub(crate) async fn guard<F: Future>(&mut self, work: F) -> Result<F::Output, Timeout> {
        let mut work = std::pin::pin!(work);
        let output = std::future::poll_fn(|cx| match work.as_mut().poll(cx) {
            Poll::Ready(output) => Poll::Ready(Ok(output)),
            Poll::Pending => self.poll_expired(cx).map(Err),
        })
        .await?;
        self.arrived = true;
        Ok(output)
    }

    /// A transport error, or the reqwest timeout it stands for.
    fn transport(&self, e: reqwest::Error) -> Error {
        Error::transport(e, self.timeouts)
    }

    /// A whole body of at most `limit` bytes, each piece of it within the read
    /// timeout. A body of one piece is not copied.
    pub(crate) fn read_body(
        &mut self,
        response: reqwest::Response,
        limit: usize,
    ) -> ReadBody<'_, impl Stream<Item = reqwest::Result<Bytes>> + Unpin> {
        let status = response.status().as_u16();
        let declared_too_large = response
            .content_length()
            .is_some_and(|length| length > limit as u64);
        ReadBody {
            pieces: response.bytes_stream(),
            timer: self,
            first: None,
            whole: BytesMut::new(),
            limit,
            status,
            declared_too_large,
        }
    }
}

/// The future of [`ReadTimer::read_body`], written out: as an `async fn` it
/// kept two copies of the response and a future per piece, several hundred
/// bytes moved on every call.
pub(crate) struct ReadBody<'t, S> {
    pieces: S,
    timer: &'t mut ReadTimer,
    /// The first piece, kept whole until a second one comes.
    first: Option<Bytes>,
    /// Not sized by `Content-Length`: the server's word is no reason to allocate.
    whole: BytesMut,
    /// The largest body accepted, in bytes.
    limit: usize,
    /// The response's status, to name when the body is too large.
    status: u16,
    /// `Content-Length` is over the limit: refused before reading.
    declared_too_large: bool,
}

impl<S> ReadBody<'_, S> {
    fn too_large(&self) -> Error {
        Error::BodyTooLarge {
            status: self.status,
            limit: self.limit,
        }
    }
}

impl<S: Stream<Item = reqwest::Result<Bytes>> + Unpin> Future for ReadBody<'_, S> {
    type Output = Result<Bytes, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        if this.declared_too_large {
            return Poll::Ready(Err(this.too_large()));
        }
        loop {
            let piece = match ready!(this.timer.poll_piece(Pin::new(&mut this.pieces), cx)) {
                Some(Ok(piece)) => piece,
                Some(Err(e)) => return Poll::Ready(Err(e)),
                None => {
                    let whole = std::mem::take(&mut this.whole).freeze();
                    return Poll::Ready(Ok(this.first.take().unwrap_or(whole)));
                }
            };
            let read = this.first.as_ref().map_or(this.whole.len(), Bytes::len);
            if piece.len() > this.limit - read {
                return Poll::Ready(Err(this.too_large()));
            }
            match this.first.take() {
                None if this.whole.is_empty() => this.first = Some(piece),
                first => {
                    this.whole.extend_from_slice(&first.unwrap_or_default());
                    this.whole.extend_from_slice(&piece);
                }
            }
        }
    }
}
