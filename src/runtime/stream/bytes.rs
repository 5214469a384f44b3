//! Binary answers (file content, speech audio, parse results), streamed.

use crate::runtime::error::Error;
use crate::runtime::timer::ReadTimer;
use bytes::Bytes;
use futures_core::Stream;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

/// The body of a binary answer as it arrives: `Stream<Item = Result<Bytes,
/// zai::Error>>`. Read it piece by piece, or whole with [`ByteStream::bytes`].
/// After an error it ends. Dropping it closes the connection.
pub struct ByteStream {
    source: Pin<Box<dyn Stream<Item = reqwest::Result<Bytes>> + Send>>,
    content_type: Option<String>,
    /// The read timeout, waiting for the next piece.
    timer: ReadTimer,
}

impl std::fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ByteStream")
            .field("content_type", &self.content_type)
            .finish_non_exhaustive()
    }
}

impl ByteStream {
    pub(crate) fn new(response: reqwest::Response, timer: ReadTimer) -> Self {
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        ByteStream {
            source: Box::pin(response.bytes_stream()),
            content_type,
            timer,
        }
    }

    /// The `Content-Type` the server declared, if any.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// Reads the whole body.
    pub async fn bytes(mut self) -> Result<Bytes, Error> {
        let mut whole = bytes::BytesMut::new();
        while let Some(piece) = std::future::poll_fn(|cx| Pin::new(&mut self).poll_next(cx)).await {
            whole.extend_from_slice(&piece?);
        }
        Ok(whole.freeze())
    }
}

impl Stream for ByteStream {
    type Item = Result<Bytes, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        let error = match ready!(this.timer.poll_piece(this.source.as_mut(), cx)) {
            Some(Err(e)) => e,
            None => {
                // The end: free the call's slot now, not when dropped.
                this.timer = ReadTimer::none();
                return Poll::Ready(None);
            }
            piece => return Poll::Ready(piece),
        };
        // An error ends the stream (and closes the connection).
        this.source = Box::pin(futures_util::stream::empty());
        this.timer = ReadTimer::none();
        Poll::Ready(Some(Err(error)))
    }
}
