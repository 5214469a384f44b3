//! The mock's GLM-Realtime endpoint over a real WebSocket: the handshake, session
//! events, audio, text and function-call responses, server VAD, errors that keep
//! the connection open, faults, limits and timers.

use base64::Engine as _;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::{Error, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};
use zai_mock::MockServer;

type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

async fn open(mock: &MockServer, query: &str, auth: Option<&str>) -> Result<Ws, Error> {
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
async fn connect(mock: &MockServer, query: &str) -> Ws {
    let mut ws = open(mock, query, Some("Bearer mock-id.mock-secret"))
        .await
        .unwrap();
    for expected in ["session.created", "conversation.created", "heartbeat"] {
        assert_eq!(next(&mut ws).await["type"], expected);
    }
    ws
}

async fn send(ws: &mut Ws, event: Value) {
    ws.send(Message::text(event.to_string())).await.unwrap();
}

/// The next server event (a JSON text frame), within 5 s.
async fn next(ws: &mut Ws) -> Value {
    let message = tokio::time::timeout(Duration::from_secs(5), ws.next()).await;
    match message.expect("an event within 5 s") {
        Some(Ok(Message::Text(text))) => serde_json::from_str(&text).unwrap(),
        other => panic!("not a text frame: {other:?}"),
    }
}

/// Events up to and including the first of type `last`.
async fn until(ws: &mut Ws, last: &str) -> Vec<Value> {
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

fn types(events: &[Value]) -> Vec<&str> {
    events.iter().map(|e| e["type"].as_str().unwrap()).collect()
}

/// The event without its `event_id` (checked apart: `event_<n>`).
fn bare(mut event: Value) -> Value {
    let id = event["event_id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("event_"), "{id}");
    event.as_object_mut().unwrap().remove("event_id");
    event
}

/// 100 ms of raw 16 kHz PCM16 at this amplitude (0: silence).
fn pcm16(amplitude: f64) -> String {
    let bytes: Vec<u8> = (0..1600)
        .flat_map(|n| {
            let t = f64::from(n) / 16_000.0;
            ((amplitude * (2.0 * std::f64::consts::PI * 300.0 * t).sin()) as i16).to_le_bytes()
        })
        .collect();
    B64.encode(bytes)
}

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
async fn a_committed_turn_gets_a_spoken_answer_in_24khz_pcm16() {
    let mock = MockServer::start().await;
    let mut ws = connect(&mock, "").await;
    send(
        &mut ws,
        json!({"type": "session.update", "session": {"input_audio_format": "pcm16"}}),
    )
    .await;
    until(&mut ws, "heartbeat").await;
    send(
        &mut ws,
        json!({"type": "input_audio_buffer.append", "audio": pcm16(8000.0)}),
    )
    .await;
    send(&mut ws, json!({"type": "input_audio_buffer.commit"})).await;
    let committed = until(
        &mut ws,
        "conversation.item.input_audio_transcription.completed",
    )
    .await;
    assert_eq!(
        types(&committed),
        [
            "input_audio_buffer.committed",
            "conversation.item.created",
            "conversation.item.input_audio_transcription.completed"
        ]
    );
    let item_id = committed[0]["item_id"].clone();
    assert_eq!(
        committed[1]["item"],
        json!({"id": item_id, "object": "realtime.item", "type": "message",
        "status": "completed", "role": "user", "content": [{"type": "input_audio", "transcript": null}]})
    );
    assert_eq!(committed[2]["transcript"], "What can you do?");

    send(
        &mut ws,
        json!({"type": "response.create", "client_timestamp": 1760000000400u64}),
    )
    .await;
    let events = until(&mut ws, "response.done").await;
    let kinds = types(&events);
    assert_eq!(
        kinds[..2],
        ["response.created", "conversation.item.created"]
    );
    assert_eq!(
        kinds[kinds.len() - 3..],
        [
            "response.audio_transcript.done",
            "response.audio.done",
            "response.done"
        ]
    );
    let response_id = events[0]["response"]["id"].clone();
    assert_eq!(
        events[0]["response"],
        json!({"id": response_id, "object": "realtime.response", "status": "in_progress"})
    );
    let deltas = |kind: &str| {
        events
            .iter()
            .filter(|e| e["type"] == kind)
            .collect::<Vec<_>>()
    };
    let text: String = deltas("response.audio_transcript.delta")
        .iter()
        .map(|e| e["delta"].as_str().unwrap())
        .collect();
    assert_eq!(text, "Hello! How can I help you today?");
    let mut samples = Vec::new();
    for delta in deltas("response.audio.delta") {
        assert_eq!(delta["response_id"], response_id);
        assert_eq!(delta["client_timestamp"], 1760000000400u64);
        let bytes = B64.decode(delta["delta"].as_str().unwrap()).unwrap();
        assert_eq!(bytes.len() % 2, 0, "whole 16-bit samples");
        samples.extend(
            bytes
                .chunks_exact(2)
                .map(|s| i16::from_le_bytes([s[0], s[1]])),
        );
    }
    // Half a second at 24 kHz of a 440 Hz tone: 440 sign changes.
    assert_eq!(samples.len(), 12_000);
    let crossings = samples
        .windows(2)
        .filter(|w| (w[0] < 0) != (w[1] < 0))
        .count();
    assert!((439..=441).contains(&crossings), "{crossings}");
    let done = &events[events.len() - 1]["response"];
    assert_eq!(done["status"], "completed");
    assert_eq!(
        done["output"][0]["content"],
        json!([{"type": "audio", "transcript": text}])
    );
    let usage = &done["usage"];
    assert_eq!(
        usage["total_tokens"],
        usage["input_tokens"].as_u64().unwrap() + usage["output_tokens"].as_u64().unwrap()
    );
    assert_eq!(
        usage["output_token_details"],
        json!({"text_tokens": 7, "audio_tokens": 12})
    );
}

#[tokio::test]
async fn declared_tools_get_a_call_then_the_result_an_answer() {
    let mock = MockServer::start().await;
    let mut ws = connect(&mock, "").await;
    let tool = json!({"type": "function", "name": "get_weather", "description": "Current weather of a city.",
        "parameters": {"type": "object", "required": ["city", "unit"], "properties": {
            "city": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}}}});
    send(
        &mut ws,
        json!({"type": "session.update", "session": {"tools": [tool]}}),
    )
    .await;
    until(&mut ws, "heartbeat").await;
    send(
        &mut ws,
        json!({"type": "conversation.item.create", "item": {"type": "message", "role": "user",
        "content": [{"type": "input_text", "text": "Weather in Beijing?"}]}}),
    )
    .await;
    assert_eq!(next(&mut ws).await["type"], "conversation.item.created");
    send(&mut ws, json!({"type": "response.create"})).await;
    let events = until(&mut ws, "response.done").await;
    assert_eq!(
        types(&events),
        [
            "response.created",
            "conversation.item.created",
            "response.function_call_arguments.done",
            "response.done"
        ]
    );
    let call = bare(events[2].clone());
    assert_eq!(call["name"], "get_weather");
    assert_eq!(call["arguments"], r#"{"city":"mock","unit":"celsius"}"#);
    assert_eq!(call["response_id"], events[0]["response"]["id"]);
    assert_eq!(events[3]["response"]["output"][0]["type"], "function_call");

    let output = json!({"type": "function_call_output", "call_id": call["call_id"], "output": "{\"weather\":\"sunny\"}"});
    send(
        &mut ws,
        json!({"type": "conversation.item.create", "item": output}),
    )
    .await;
    let created = next(&mut ws).await;
    assert_eq!(created["item"]["type"], "function_call_output");
    assert_eq!(created["previous_item_id"], call["item_id"]);
    send(&mut ws, json!({"type": "response.create"})).await;
    let answer = until(&mut ws, "response.done").await;
    let transcript = answer
        .iter()
        .find(|e| e["type"] == "response.audio_transcript.done")
        .unwrap();
    assert_eq!(transcript["transcript"], "Thanks, I have the result.");
}

#[tokio::test]
async fn text_modality_answers_in_text_deltas() {
    let mock = MockServer::start().await;
    let mut ws = connect(&mock, "").await;
    send(
        &mut ws,
        json!({"type": "session.update", "session": {"modalities": ["text"]}}),
    )
    .await;
    until(&mut ws, "heartbeat").await;
    send(&mut ws, json!({"type": "response.create"})).await;
    let events = until(&mut ws, "response.done").await;
    assert!(
        !types(&events)
            .iter()
            .any(|t| t.starts_with("response.audio"))
    );
    let done = events
        .iter()
        .find(|e| e["type"] == "response.text.done")
        .unwrap();
    assert_eq!(done["text"], "Hello! How can I help you today?");
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
async fn server_vad_hears_speech_then_silence_and_answers() {
    let mock = MockServer::start().await;
    let mut ws = connect(&mock, "").await;
    let session = json!({"input_audio_format": "pcm16", "turn_detection": {"type": "server_vad"}});
    send(
        &mut ws,
        json!({"type": "session.update", "session": session}),
    )
    .await;
    until(&mut ws, "heartbeat").await;
    send(
        &mut ws,
        json!({"type": "input_audio_buffer.append", "audio": pcm16(0.0)}),
    )
    .await;
    send(
        &mut ws,
        json!({"type": "input_audio_buffer.append", "audio": pcm16(8000.0)}),
    )
    .await;
    let started = bare(next(&mut ws).await);
    let item_id = started["item_id"].clone();
    assert_eq!(
        started,
        json!({"type": "input_audio_buffer.speech_started", "item_id": item_id, "audio_start_ms": 100})
    );
    send(
        &mut ws,
        json!({"type": "input_audio_buffer.append", "audio": pcm16(0.0)}),
    )
    .await;
    let events = until(&mut ws, "response.done").await;
    assert_eq!(
        types(&events)[..5],
        [
            "input_audio_buffer.speech_stopped",
            "input_audio_buffer.committed",
            "conversation.item.created",
            "conversation.item.input_audio_transcription.completed",
            "response.created"
        ]
    );
    assert_eq!(events[0]["audio_end_ms"], 200);
    assert_eq!(events[1]["item_id"], item_id);
}

#[tokio::test]
async fn video_mode_needs_a_jpeg_frame_before_a_response() {
    let mock = MockServer::start().await;
    let mut ws = connect(&mock, "").await;
    send(&mut ws, json!({"type": "session.update", "session": {"beta_fields": {"chat_mode": "video_passive"}}})).await;
    until(&mut ws, "heartbeat").await;
    send(&mut ws, json!({"type": "response.create"})).await;
    assert_eq!(
        next(&mut ws).await["error"]["code"],
        "video_model_query_error"
    );
    send(&mut ws, json!({"type": "input_audio_buffer.append_video_frame", "video_frame": B64.encode(b"GIF89a")})).await;
    assert_eq!(next(&mut ws).await["error"]["param"], "video_frame");
    let jpeg = B64.encode([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0xFF, 0xD9]);
    send(
        &mut ws,
        json!({"type": "input_audio_buffer.append_video_frame", "video_frame": jpeg}),
    )
    .await;
    send(&mut ws, json!({"type": "input_audio_buffer.commit"})).await;
    assert_eq!(next(&mut ws).await["type"], "input_audio_buffer.committed");
    assert_eq!(next(&mut ws).await["item"]["content"], json!([]));
    send(&mut ws, json!({"type": "response.create"})).await;
    assert_eq!(
        until(&mut ws, "response.done").await.last().unwrap()["response"]["status"],
        "completed"
    );
}

#[tokio::test]
async fn a_slow_response_can_be_cancelled() {
    let mock = MockServer::start().await;
    let mut ws = connect(&mock, "?fault=slow-frames").await;
    send(&mut ws, json!({"type": "response.create"})).await;
    assert_eq!(next(&mut ws).await["type"], "response.created");
    send(&mut ws, json!({"type": "response.cancel"})).await;
    let events = until(&mut ws, "response.done").await;
    assert_eq!(types(&events), ["response.cancelled", "response.done"]);
    assert_eq!(
        events[1]["response"]["status_details"],
        json!({"type": "cancelled", "reason": "client_cancelled"})
    );
}

#[tokio::test]
async fn faults_fail_a_response_or_drop_the_connection() {
    let mock = MockServer::start().await;
    let mut ws = connect(&mock, "").await;
    let session = json!({"instructions": "mock-fault:server-error", "modalities": ["text"]});
    send(
        &mut ws,
        json!({"type": "session.update", "session": session}),
    )
    .await;
    until(&mut ws, "heartbeat").await;
    send(&mut ws, json!({"type": "response.create"})).await;
    let events = until(&mut ws, "response.done").await;
    assert_eq!(
        types(&events),
        ["response.created", "error", "response.done"]
    );
    assert_eq!(events[1]["error"]["type"], "server_error");
    assert_eq!(events[2]["response"]["status"], "failed");

    let mut ws = connect(&mock, "?fault=drop-mid-response").await;
    send(&mut ws, json!({"type": "response.create"})).await;
    let mut seen = Vec::new();
    let end = loop {
        match ws.next().await {
            Some(Ok(Message::Text(text))) => {
                seen.push(serde_json::from_str::<Value>(&text).unwrap())
            }
            other => break other,
        }
    };
    // Cut without a close frame, before response.done.
    assert!(
        matches!(end, Some(Err(Error::Protocol(_))) | None),
        "{end:?}"
    );
    assert!(
        seen.len() > 3 && !types(&seen).contains(&"response.done"),
        "{:?}",
        types(&seen)
    );
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
