//! The realtime connection: the handshake, the opening and session events, errors
//! that keep it open, the size limit and the timers.

use crate::{bare, connect, next, open, send};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::{Error, Message};
use zai_mock::MockServer;

#[tokio::test]
async fn opening_events() {
    let mock = MockServer::start().await;
    let mut ws = open(&mock, "", Some("Bearer mock-id.mock-secret"))
        .await
        .unwrap();
    let created = next(&mut ws).await;
    assert_eq!(created["event_id"], "event_1");
    assert_eq!(
        bare(created),
        json!({"type": "session.created", "session": {
            "id": "sess_1", "object": "realtime.session", "model": "glm-realtime-flash",
            "modalities": ["text", "audio"], "instructions": "", "voice": "tongtong",
            "input_audio_format": "wav", "output_audio_format": "pcm",
            "turn_detection": {"type": "client_vad"}, "tools": [],
            "beta_fields": {"chat_mode": "audio", "tts_source": "e2e", "auto_search": true}}})
    );
    assert_eq!(
        bare(next(&mut ws).await),
        json!({"type": "conversation.created", "conversation": {"id": "conv_2", "object": "realtime.conversation"}})
    );
    assert_eq!(bare(next(&mut ws).await), json!({"type": "heartbeat"}));
}

#[tokio::test]
async fn session_update_is_echoed_whole_and_checked() {
    let mock = MockServer::start().await;
    let mut ws = connect(&mock, "").await;
    let update = json!({"model": "glm-realtime-air", "voice": "female-tianmei", "input_audio_format": "pcm24",
        "turn_detection": {"type": "server_vad"}, "beta_fields": {"chat_mode": "video_passive"}});
    send(
        &mut ws,
        json!({"type": "session.update", "session": update}),
    )
    .await;
    let updated = bare(next(&mut ws).await);
    assert_eq!(updated["type"], "session.updated");
    let session = &updated["session"];
    assert_eq!(session["model"], "glm-realtime-air");
    assert_eq!(session["voice"], "female-tianmei");
    assert_eq!(session["input_audio_format"], "pcm24");
    assert_eq!(session["turn_detection"], json!({"type": "server_vad"}));
    // beta_fields merge; untouched fields keep their values.
    assert_eq!(
        session["beta_fields"],
        json!({"chat_mode": "video_passive", "tts_source": "e2e", "auto_search": true})
    );
    assert_eq!(session["output_audio_format"], "pcm");
    assert_eq!(bare(next(&mut ws).await), json!({"type": "heartbeat"}));
    // As the guide warns: an update without turn_detection goes back to client VAD.
    send(
        &mut ws,
        json!({"type": "session.update", "session": {"instructions": "Be brief."}}),
    )
    .await;
    let session = next(&mut ws).await["session"].clone();
    assert_eq!(session["instructions"], "Be brief.");
    assert_eq!(session["turn_detection"], json!({"type": "client_vad"}));
    next(&mut ws).await;
    // A value the service refuses: an error naming it, and nothing changes.
    send(&mut ws, json!({"type": "session.update", "event_id": "evt_9", "session": {"output_audio_format": "mp3"}})).await;
    assert_eq!(
        bare(next(&mut ws).await),
        json!({"type": "error", "error": {"type": "invalid_request_error", "code": "invalid_value",
            "message": "session.output_audio_format must be pcm.", "param": "session.output_audio_format", "event_id": "evt_9"}})
    );
}

#[tokio::test]
async fn bad_events_get_errors_and_the_connection_stays_open() {
    let mock = MockServer::start().await;
    let mut ws = connect(&mock, "").await;
    send(
        &mut ws,
        json!({"type": "conversation.item.teleport", "event_id": "evt_1"}),
    )
    .await;
    assert_eq!(
        bare(next(&mut ws).await),
        json!({"type": "error", "error": {"type": "invalid_request_error", "code": "invalid_event",
            "message": "Unknown event type 'conversation.item.teleport'.", "param": "type", "event_id": "evt_1"}})
    );
    ws.send(Message::text("{not json")).await.unwrap();
    assert_eq!(next(&mut ws).await["error"]["code"], "invalid_json");
    send(&mut ws, json!({"audio": "AAAA"})).await;
    assert_eq!(
        next(&mut ws).await["error"]["message"],
        "The 'type' field is missing."
    );
    send(&mut ws, json!({"type": "input_audio_buffer.append"})).await;
    assert_eq!(next(&mut ws).await["error"]["code"], "missing_field");
    send(&mut ws, json!({"type": "input_audio_buffer.commit"})).await;
    assert_eq!(
        next(&mut ws).await["error"]["code"],
        "input_audio_buffer_commit_empty"
    );
    send(
        &mut ws,
        json!({"type": "conversation.item.delete", "item_id": "item_404"}),
    )
    .await;
    assert_eq!(next(&mut ws).await["error"]["code"], "item_not_found");
    send(&mut ws, json!({"type": "response.cancel"})).await;
    assert_eq!(
        next(&mut ws).await["error"]["code"],
        "response_cancel_not_active"
    );
    // Still open: an update is answered.
    send(
        &mut ws,
        json!({"type": "session.update", "session": {"voice": "tongtong"}}),
    )
    .await;
    assert_eq!(next(&mut ws).await["type"], "session.updated");
}

#[tokio::test]
async fn limits_and_timers() {
    let mock = MockServer::start().await;
    let mut ws = connect(&mock, "?heartbeat_ms=50&idle_ms=300").await;
    assert_eq!(bare(next(&mut ws).await), json!({"type": "heartbeat"}));
    // Idle: heartbeats do not count; the server closes with 1001.
    let close = loop {
        match ws.next().await {
            Some(Ok(Message::Close(frame))) => break frame,
            Some(Ok(Message::Text(_))) => continue,
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(
        close.map(|f| (f.code, f.reason.to_string())),
        Some((CloseCode::Away, "idle timeout".into()))
    );

    let mut ws = connect(&mock, "").await;
    let huge = json!({"type": "input_audio_buffer.append", "audio": "A".repeat(5 << 20)});
    let _ = ws.send(Message::text(huge.to_string())).await;
    let Some(Ok(Message::Close(frame))) = ws.next().await else {
        panic!("no close frame");
    };
    assert_eq!(frame.map(|f| f.code), Some(CloseCode::Size));
}

#[tokio::test]
async fn the_handshake_needs_a_key_and_an_upgrade() {
    let mock = MockServer::start().await;
    for auth in [None, Some("Bearer nonsense")] {
        let Err(Error::Http(response)) = open(&mock, "", auth).await else {
            panic!("connected without a key ({auth:?})");
        };
        assert_eq!(response.status(), 401);
        let body: Value = serde_json::from_slice(response.body().as_deref().unwrap()).unwrap();
        assert_eq!(body, zai_mock::error_body(401));
    }
    let Err(Error::Http(response)) = open(&mock, "?fault=explode", Some("Bearer a.b")).await else {
        panic!("connected with a bad fault");
    };
    assert_eq!(response.status(), 400);
    zai::install_tls_provider();
    let plain = reqwest::Client::new()
        .get(format!("{}/realtime", mock.url()))
        .header("authorization", "Bearer a.b")
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), 426);
    assert_eq!(plain.headers()["upgrade"], "websocket");
    // The JWT a device sends is taken as well.
    assert!(
        open(
            &mock,
            "",
            Some("Bearer eyJhbGciOiJIUzI1NiJ9.eyJhcGlfa2V5IjoiayJ9.c2ln")
        )
        .await
        .is_ok()
    );
}
