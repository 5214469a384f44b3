//! A GLM-Realtime session: typed events out ([`RealtimeSender`]) and in
//! ([`RealtimeReceiver`], a `Stream`), together ([`RealtimeSession`]) or split for
//! full duplex, with idle timeout, clean close and opt-in reconnection.

use super::{RealtimeOptions, connect, wav::Pcm16};
use crate::runtime::client::Client;
use crate::runtime::error::{Error, StreamError, Timeout};
use crate::runtime::observe::CallRecord;
use base64::Engine as _;
use futures_core::Stream;
use futures_util::stream::{SplitSink, SplitStream};
use futures_util::{SinkExt as _, StreamExt as _};
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::{Duration, Instant};
use tokio_tungstenite::tungstenite::{self, Message, protocol::frame::coding::CloseCode};
use zai_types::realtime::{
    ClientEvent, ContentPart, ContentPartType, ConversationItem, ConversationItemCreate,
    ConversationItemRole, ConversationItemType, InputAudioBufferAppend,
    InputAudioBufferAppendVideoFrame, InputAudioBufferCommit, ResponseCancel, ResponseCreate,
    ServerEvent, SessionConfig, SessionUpdate,
};

pub(crate) type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// What a reconnection sends again: the session configuration (every update
/// merged) and the conversation items this session created, in order.
#[derive(Clone, Debug, Default)]
struct Replay {
    session: serde_json::Map<String, serde_json::Value>,
    items: Vec<ConversationItemCreate>,
}

/// What a reconnection restored and what it could not: never silent.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Gap {
    /// From the failure being noticed to the new session being configured.
    pub down_for: Duration,
    /// Connection attempts made.
    pub attempts: u32,
    /// Whether the session configuration was sent again.
    pub session_restored: bool,
    /// Conversation items (created by this session) sent again.
    pub items_replayed: usize,
    /// Audio or video appended and not committed, and any response in progress,
    /// are lost: the service's new session starts with an empty buffer.
    pub lost_uncommitted_input: bool,
}

/// The sending half: typed [`ClientEvent`]s and helpers for the common ones.
/// `send` waits while the socket's bounded write buffer is full.
pub struct RealtimeSender {
    sink: SplitSink<Ws, Message>,
    replay: Replay,
    appended: bool,
    span: tracing::Span,
}

/// The receiving half: the server's events, as a `Stream` of
/// `Result<ServerEvent, Error>`. An event of an unknown type is
/// `ServerEvent::Other`; a server `error` event is `ServerEvent::ServerError`
/// (the session goes on). The stream ends on a normal close; a broken connection,
/// an abnormal close, an oversized message or the idle timeout is its last item.
pub struct RealtimeReceiver {
    stream: SplitStream<Ws>,
    idle: Duration,
    max_message: usize,
    timer: Pin<Box<tokio::time::Sleep>>,
    done: bool,
    started: Instant,
    client: Client,
    span: tracing::Span,
}

/// A GLM-Realtime session: send with the [`RealtimeSender`] methods (it derefs
/// to one), receive by polling it as a `Stream`, or [`split`](Self::split) it.
pub struct RealtimeSession {
    tx: RealtimeSender,
    pub(super) rx: RealtimeReceiver,
    options: RealtimeOptions,
}

impl RealtimeSession {
    pub(crate) fn new(client: Client, options: RealtimeOptions, ws: Ws) -> Self {
        let span = tracing::info_span!("zai.realtime", session_id = tracing::field::Empty);
        let (sink, stream) = ws.split();
        RealtimeSession {
            tx: RealtimeSender {
                sink,
                replay: Replay::default(),
                appended: false,
                span: span.clone(),
            },
            rx: RealtimeReceiver {
                stream,
                idle: options.idle_timeout,
                max_message: options.max_message_size,
                timer: Box::pin(tokio::time::sleep(options.idle_timeout)),
                done: false,
                started: Instant::now(),
                client,
                span,
            },
            options,
        }
    }

    /// The two halves, to send and receive from different tasks. A split session
    /// cannot [`reconnect`](Self::reconnect).
    pub fn split(self) -> (RealtimeSender, RealtimeReceiver) {
        (self.tx, self.rx)
    }

    /// Sends a close frame and reads until the server closes (a server that
    /// drops the connection instead is closed too).
    pub async fn close(mut self) -> Result<(), Error> {
        self.tx.close().await?;
        while let Some(item) = self.rx.next().await {
            match item {
                Err(Error::Connection(_)) => break,
                other => other.map(drop)?,
            }
        }
        Ok(())
    }

    /// After the stream failed with a connection error (or ended), opens a new
    /// connection (backoff per [`RealtimeOptions::reconnect`]), sends the session
    /// configuration again and replays the conversation items this session created.
    /// Returns what was restored and what was lost.
    pub async fn reconnect(&mut self) -> Result<Gap, Error> {
        let started = Instant::now();
        let (tries, mut backoff) = self.options.reconnect;
        let mut attempts = 0;
        let ws = loop {
            attempts += 1;
            match connect(&self.rx.client, &self.options).await {
                Ok(ws) => break ws,
                Err(e) if attempts >= tries || !e.is_retryable() => return Err(e),
                Err(_) => tokio::time::sleep(backoff).await,
            }
            backoff *= 2;
        };
        let client = self.rx.client.clone();
        let replay = std::mem::take(&mut self.tx.replay);
        let lost = self.tx.appended;
        *self = RealtimeSession::new(client, self.options.clone(), ws);
        let session_restored = !replay.session.is_empty();
        if session_restored {
            let session = serde_json::from_value(replay.session.into())
                .map_err(|e| Error::InvalidRequest(format!("session to restore: {e}")))?;
            self.tx.update_session(session).await?;
        }
        let items_replayed = replay.items.len();
        for item in replay.items {
            self.tx.send(item).await?;
        }
        let gap = Gap {
            down_for: started.elapsed(),
            attempts,
            session_restored,
            items_replayed,
            lost_uncommitted_input: lost,
        };
        tracing::warn!(parent: &self.tx.span, ?gap, "realtime session reconnected");
        Ok(gap)
    }
}

impl std::ops::Deref for RealtimeSession {
    type Target = RealtimeSender;
    fn deref(&self) -> &RealtimeSender {
        &self.tx
    }
}

impl std::ops::DerefMut for RealtimeSession {
    fn deref_mut(&mut self) -> &mut RealtimeSender {
        &mut self.tx
    }
}

impl Stream for RealtimeSession {
    type Item = Result<ServerEvent, Error>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Pin::new(&mut self.rx).poll_next(cx)
    }
}

impl RealtimeSender {
    /// Sends one client event (anything that converts: `SessionUpdate::new(…)`,
    /// `ResponseCreate::default()`, …).
    pub async fn send(&mut self, event: impl Into<ClientEvent>) -> Result<(), Error> {
        let event = event.into();
        match &event {
            ClientEvent::SessionUpdate(update) => {
                if let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(&update.session)
                {
                    self.replay.session.extend(fields);
                }
            }
            ClientEvent::ConversationItemCreate(item) => self.replay.items.push(item.clone()),
            ClientEvent::ConversationItemDelete(delete) => {
                let id = Some(delete.item_id.as_str());
                self.replay.items.retain(|i| i.item.id.as_deref() != id);
            }
            ClientEvent::InputAudioBufferAppend(_)
            | ClientEvent::InputAudioBufferAppendVideoFrame(_) => self.appended = true,
            ClientEvent::InputAudioBufferCommit(_) | ClientEvent::InputAudioBufferClear(_) => {
                self.appended = false
            }
            _ => {}
        }
        let text = serde_json::to_string(&event)
            .map_err(|e| Error::InvalidRequest(format!("client event: {e}")))?;
        let _entered = self.span.enter();
        self.sink
            .send(Message::text(text))
            .await
            .map_err(|e| map_ws(e, 0))
    }

    /// `session.update` with this configuration.
    pub async fn update_session(&mut self, session: SessionConfig) -> Result<(), Error> {
        self.send(SessionUpdate::new(session)).await
    }

    /// `input_audio_buffer.append` of one chunk, as is (a WAV file for the `wav`
    /// format, raw PCM for `pcm16` / `pcm24`).
    pub async fn append_audio(&mut self, audio: &[u8]) -> Result<(), Error> {
        let audio = base64::engine::general_purpose::STANDARD.encode(audio);
        self.send(InputAudioBufferAppend::new(audio)).await
    }

    /// Appends `audio` in chunks of `frame` (e.g. 100 ms), each a WAV file of its
    /// own (the default `wav` input format).
    pub async fn append_wav(&mut self, audio: &Pcm16, frame: Duration) -> Result<(), Error> {
        for chunk in audio.chunks(frame) {
            self.append_audio(&chunk.to_wav()).await?;
        }
        Ok(())
    }

    /// `input_audio_buffer.append_video_frame` with one JPEG image (video mode).
    pub async fn append_video_frame(&mut self, jpeg: &[u8]) -> Result<(), Error> {
        let frame = base64::engine::general_purpose::STANDARD.encode(jpeg);
        self.send(InputAudioBufferAppendVideoFrame::new(frame))
            .await
    }

    /// `input_audio_buffer.commit`: the buffered input becomes a user turn.
    pub async fn commit(&mut self) -> Result<(), Error> {
        self.send(InputAudioBufferCommit::default()).await
    }

    /// `response.create`: asks for an answer now.
    pub async fn create_response(&mut self) -> Result<(), Error> {
        self.send(ResponseCreate::default()).await
    }

    /// `response.cancel`: interrupts the answer in progress.
    pub async fn cancel_response(&mut self) -> Result<(), Error> {
        self.send(ResponseCancel::default()).await
    }

    /// A user text message (`conversation.item.create`); then ask for an answer
    /// with [`create_response`](Self::create_response).
    pub async fn send_text(&mut self, text: &str) -> Result<(), Error> {
        let part = ContentPart::new(ContentPartType::InputText).text(text);
        let item = ConversationItem::new(ConversationItemType::Message)
            .role(ConversationItemRole::User)
            .content(vec![part]);
        self.send(ConversationItemCreate::new(item)).await
    }

    /// The result of a function call (`function_call_output`; `call_id` from
    /// `response.function_call_arguments.done`, when it had one); then ask for
    /// the answer with [`create_response`](Self::create_response).
    pub async fn function_result(
        &mut self,
        call_id: Option<&str>,
        output: impl Into<String>,
    ) -> Result<(), Error> {
        let mut item =
            ConversationItem::new(ConversationItemType::FunctionCallOutput).output(output.into());
        item.call_id = call_id.map(str::to_owned);
        self.send(ConversationItemCreate::new(item)).await
    }

    /// Sends a normal close frame; the receiver then ends.
    pub async fn close(&mut self) -> Result<(), Error> {
        match self.sink.close().await {
            Err(tungstenite::Error::ConnectionClosed | tungstenite::Error::AlreadyClosed) => Ok(()),
            other => other.map_err(|e| map_ws(e, 0)),
        }
    }
}

impl Stream for RealtimeReceiver {
    type Item = Result<ServerEvent, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if this.done {
            return Poll::Ready(None);
        }
        let _entered = this.span.clone().entered();
        loop {
            let message = match this.stream.poll_next_unpin(cx) {
                Poll::Pending => {
                    ready!(this.timer.as_mut().poll(cx));
                    let idle = Error::Timeout(Timeout::Read(Some(this.idle)));
                    return Poll::Ready(this.finish(Some(idle)));
                }
                Poll::Ready(message) => message,
            };
            let deadline = tokio::time::Instant::now() + this.idle;
            this.timer.as_mut().reset(deadline);
            let text = match message {
                None => return Poll::Ready(this.finish(None)),
                Some(Ok(Message::Text(text))) => text.as_str().to_owned(),
                Some(Ok(Message::Binary(bytes))) => String::from_utf8_lossy(&bytes).into_owned(),
                Some(Ok(Message::Close(frame))) => {
                    let error = frame.filter(|f| f.code != CloseCode::Normal).map(|f| {
                        Error::Stream(StreamError::Closed {
                            code: f.code.into(),
                            reason: f.reason.as_str().to_owned(),
                        })
                    });
                    return Poll::Ready(this.finish(error));
                }
                // Pings are answered by tungstenite itself.
                Some(Ok(_)) => continue,
                Some(Err(e)) => return Poll::Ready(this.finish(Some(map_ws(e, this.max_message)))),
            };
            let event =
                serde_json::from_str::<ServerEvent>(&text).map_err(|source| Error::Decode {
                    status: 200,
                    body: text.clone().into(),
                    source,
                });
            if let Ok(ServerEvent::SessionCreated(created)) = &event {
                this.span.record("session_id", created.session.id.as_str());
            }
            return Poll::Ready(Some(event));
        }
    }
}

impl RealtimeReceiver {
    /// Ends the stream: its last item (if any), and the session's metrics record.
    fn finish(&mut self, error: Option<Error>) -> Option<Result<ServerEvent, Error>> {
        self.done = true;
        if let Some(metrics) = &self.client.inner.metrics {
            metrics.call_finished(&CallRecord {
                operation: "realtime",
                outcome: error.as_ref().map_or(Ok(()), Err),
                attempts: 1,
                latency: self.started.elapsed(),
                queued: std::time::Duration::ZERO,
                stream: None,
            });
        }
        if let Some(error) = &error {
            tracing::debug!(%error, "realtime session ended");
        }
        error.map(Err)
    }
}

/// A WebSocket failure as the crate's error.
fn map_ws(e: tungstenite::Error, max_message: usize) -> Error {
    match e {
        tungstenite::Error::Capacity(_) => Error::Stream(StreamError::EventTooLarge(max_message)),
        tungstenite::Error::ConnectionClosed | tungstenite::Error::AlreadyClosed => {
            Error::Stream(StreamError::Incomplete)
        }
        e => Error::Connection(Box::new(e)),
    }
}
