//! The mock's GLM-Realtime endpoint over a real WebSocket (a tokio-tungstenite
//! client): the connection (`connection.rs`: handshake, session events, errors that
//! keep it open, limits, timers) and responses (`responses.rs`: audio, text,
//! function calls, server VAD, video, cancel, faults). This file: the client's helpers.

mod connection;
mod responses;

use base64::Engine as _;
use futures_util::{SinkExt, StreamExt};
use serde_json::Value;
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::{Error, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};
use zai_mock::MockServer;

pub(crate) type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

pub(crate) const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

pub(crate) async fn open(mock: &MockServer, query: &str, auth: Option<&str>) -> Result<Ws, Error> {
    let url = format!("ws://{}/api/paas/v4/realtime{query}", mock.addr());
    let mut request = url.into_client_request()?;
    if let Some(auth) = auth {
        request
            .headers_mut()
            .insert("authorization", auth.parse().unwrap());
    }
    Ok(tokio_tungstenite::connect_async(request).await?.0)
}

/// A connection past its opening events (checked in `opening_events`).
pub(crate) async fn connect(mock: &MockServer, query: &str) -> Ws {
    let mut ws = open(mock, query, Some("Bearer mock-id.mock-secret"))
        .await
        .unwrap();
    for expected in ["session.created", "conversation.created", "heartbeat"] {
        assert_eq!(next(&mut ws).await["type"], expected);
    }
    ws
}

pub(crate) async fn send(ws: &mut Ws, event: Value) {
    ws.send(Message::text(event.to_string())).await.unwrap();
}

/// The next server event (a JSON text frame), within 5 s.
pub(crate) async fn next(ws: &mut Ws) -> Value {
    let message = tokio::time::timeout(Duration::from_secs(5), ws.next()).await;
    match message.expect("an event within 5 s") {
        Some(Ok(Message::Text(text))) => serde_json::from_str(&text).unwrap(),
        other => panic!("not a text frame: {other:?}"),
    }
}

/// Events up to and including the first of type `last`.
pub(crate) async fn until(ws: &mut Ws, last: &str) -> Vec<Value> {
    let mut events = Vec::new();
    loop {
        let event = next(ws).await;
        let done = event["type"] == last;
        events.push(event);
        if done {
            return events;
        }
    }
}

pub(crate) fn types(events: &[Value]) -> Vec<&str> {
    events.iter().map(|e| e["type"].as_str().unwrap()).collect()
}

/// The event without its `event_id` (checked apart: `event_<n>`).
pub(crate) fn bare(mut event: Value) -> Value {
    let id = event["event_id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("event_"), "{id}");
    event.as_object_mut().unwrap().remove("event_id");
    event
}

/// 100 ms of raw 16 kHz PCM16 at this amplitude (0: silence).
pub(crate) fn pcm16(amplitude: f64) -> String {
    let bytes: Vec<u8> = (0..1600)
        .flat_map(|n| {
            let t = f64::from(n) / 16_000.0;
            ((amplitude * (2.0 * std::f64::consts::PI * 300.0 * t).sin()) as i16).to_le_bytes()
        })
        .collect();
    B64.encode(bytes)
}
