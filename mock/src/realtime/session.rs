//! One realtime connection on the wire: client frames in, server events out as
//! JSON text frames, a response's events paced, heartbeats, the idle timeout, the
//! size limit and the faults that cut or slow a response.

use super::conversation::Conversation;
use super::reply::Frame;
use super::{Fault, Options, SLOW};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::time::{Instant, interval_at, sleep, sleep_until};
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::{Error, Message};

/// How long a send may wait for a client that does not read.
const WRITE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// Serves one upgraded connection until the client leaves, goes idle, breaks the
/// protocol, or a fault drops it.
pub(crate) async fn run<S>(mut ws: WebSocketStream<S>, options: Options)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let (mut conversation, opening) = Conversation::open(options.fault);
    if send(&mut ws, &mut conversation, opening).await.is_err() {
        return;
    }
    let mut heartbeat = interval_at(Instant::now() + options.heartbeat, options.heartbeat);
    let idle = sleep(options.idle);
    tokio::pin!(idle);
    let mut next_frame = Instant::now();
    loop {
        let pending = conversation.responding();
        if !pending {
            // A response that starts now sends its first event one pace later.
            next_frame = Instant::now() + pace(&conversation, &options);
        }
        tokio::select! {
            // Client events first, so a cancel or speech lands between two frames.
            biased;
            message = ws.next() => {
                idle.as_mut().reset(Instant::now() + options.idle);
                let text = match message {
                    Some(Ok(Message::Text(text))) => text.as_str().to_owned(),
                    // The service takes the same JSON in binary frames.
                    Some(Ok(Message::Binary(bytes))) => String::from_utf8_lossy(&bytes).into_owned(),
                    Some(Ok(Message::Ping(_) | Message::Pong(_) | Message::Frame(_))) => continue,
                    // tungstenite queued the closing handshake's reply: send it.
                    Some(Ok(Message::Close(_))) => {
                        let _ = ws.flush().await;
                        return;
                    }
                    None => return,
                    Some(Err(Error::Capacity(_))) => {
                        return close(&mut ws, CloseCode::Size, "message too big").await;
                    }
                    Some(Err(_)) => return,
                };
                let events = conversation.receive(&text);
                if send(&mut ws, &mut conversation, events).await.is_err() {
                    return;
                }
            }
            () = &mut idle => {
                return close(&mut ws, CloseCode::Away, "idle timeout").await;
            }
            _ = heartbeat.tick() => {
                if send(&mut ws, &mut conversation, vec![json!({"type": "heartbeat"})]).await.is_err() {
                    return;
                }
            }
            () = sleep_until(next_frame), if pending => {
                let sent = match conversation.next_frame() {
                    Some(Frame::Event(event)) => send(&mut ws, &mut conversation, vec![event]).await,
                    // Dropping the stream closes the socket: no close frame.
                    Some(Frame::Drop) => return,
                    None => Ok(()),
                };
                if sent.is_err() {
                    return;
                }
                next_frame = Instant::now() + pace(&conversation, &options);
            }
        }
    }
}

/// The pause between a response's events.
fn pace(conversation: &Conversation, options: &Options) -> std::time::Duration {
    if conversation.fault() == Some(Fault::SlowFrames) {
        SLOW
    } else {
        options.pace
    }
}

/// Sends events as JSON text frames, each with a fresh `event_id`; a client that
/// reads nothing for `WRITE_TIMEOUT` is given up on.
async fn send<S>(
    ws: &mut WebSocketStream<S>,
    conversation: &mut Conversation,
    events: Vec<Value>,
) -> Result<(), Error>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let frames = async {
        for event in events {
            let event = conversation.stamp(event);
            ws.feed(Message::text(event.to_string())).await?;
        }
        ws.flush().await
    };
    tokio::time::timeout(WRITE_TIMEOUT, frames)
        .await
        .unwrap_or_else(|_| Err(Error::Io(std::io::ErrorKind::TimedOut.into())))
}

async fn close<S>(ws: &mut WebSocketStream<S>, code: CloseCode, reason: &str)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let frame = CloseFrame {
        code,
        reason: reason.into(),
    };
    // The client may be gone already; there is nothing left to do then.
    let _ = ws.close(Some(frame)).await;
}
