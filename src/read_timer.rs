//! The read (idle) timeout of a client zai built, kept here rather than by
//! reqwest: one timer per attempt, started with the request, pushed back
//! whenever bytes arrive, and handed on from the response head to its body or
//! stream. reqwest's own arms a boxed timer for the head and another for the
//! body, and reads the clock twice per body frame: about 2 k instructions a call.

use crate::error::{Error, Timeout, Timeouts};
use bytes::{Bytes, BytesMut};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::time::{Instant, Sleep};

/// The timer of one attempt, and the timeouts to name when reqwest reports one
/// of its own (a caller's `reqwest::Client`, whose settings apply: no timer here).
pub(crate) struct ReadTimer {
    sleep: Option<Pin<Box<Sleep>>>,
    timeouts: Timeouts,
}

impl ReadTimer {
    /// Starts the wait for the first bytes, when `timeouts` has a read timeout.
    pub(crate) fn start(timeouts: Timeouts) -> Self {
        ReadTimer {
            sleep: timeouts
                .read
                .map(|limit| Box::pin(tokio::time::sleep(limit))),
            timeouts,
        }
    }

    /// No timer (bytes already in memory, or a caller's own byte stream).
    pub(crate) fn none() -> Self {
        ReadTimer::start(Timeouts::default())
    }

    /// Bytes arrived: the wait starts again. Later deadlines only update the
    /// registered timer (tokio moves it when the old deadline comes).
    pub(crate) fn push_back(&mut self) {
        if let (Some(sleep), Some(limit)) = (&mut self.sleep, self.timeouts.read) {
            sleep.as_mut().reset(Instant::now() + limit);
        }
    }

    /// After the source came back pending: the timeout, once it has passed.
    pub(crate) fn poll_expired(&mut self, cx: &mut Context<'_>) -> Poll<Timeout> {
        match &mut self.sleep {
            Some(sleep) => sleep
                .as_mut()
                .poll(cx)
                .map(|()| Timeout::Read(self.timeouts.read)),
            None => Poll::Pending,
        }
    }

    /// `work`'s output, unless the read timeout passes first; pushed back when
    /// it arrives.
    pub(crate) async fn guard<F: Future>(&mut self, work: F) -> Result<F::Output, Timeout> {
        let mut work = std::pin::pin!(work);
        let output = std::future::poll_fn(|cx| match work.as_mut().poll(cx) {
            Poll::Ready(output) => Poll::Ready(Ok(output)),
            Poll::Pending => self.poll_expired(cx).map(Err),
        })
        .await?;
        self.push_back();
        Ok(output)
    }

    /// A transport error, or the reqwest timeout it stands for.
    pub(crate) fn transport(&self, e: reqwest::Error) -> Error {
        Error::transport(e, self.timeouts)
    }

    /// The next piece of a body, within the read timeout.
    async fn next_piece(
        &mut self,
        response: &mut reqwest::Response,
    ) -> Result<Option<Bytes>, Error> {
        match self.guard(response.chunk()).await {
            Ok(piece) => piece.map_err(|e| self.transport(e)),
            Err(timeout) => Err(Error::Timeout(timeout)),
        }
    }

    /// A whole body, each piece of it within the read timeout. A body of one
    /// piece is not copied.
    pub(crate) async fn read_body(
        &mut self,
        mut response: reqwest::Response,
    ) -> Result<Bytes, Error> {
        let Some(first) = self.next_piece(&mut response).await? else {
            return Ok(Bytes::new());
        };
        let Some(second) = self.next_piece(&mut response).await? else {
            return Ok(first);
        };
        // Not sized by `Content-Length`: the server's word is no reason to allocate.
        let mut whole = BytesMut::from(first);
        whole.extend_from_slice(&second);
        while let Some(piece) = self.next_piece(&mut response).await? {
            whole.extend_from_slice(&piece);
        }
        Ok(whole.freeze())
    }
}
