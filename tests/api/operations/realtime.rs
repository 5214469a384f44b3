//! GLM-Realtime: every documented event (de)serializes; sessions against the
//! built-in mock (voice, text, tools, video, errors, limits, reconnection) and a
//! scripted WebSocket server (unknown events).

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::time::Duration;
use zai::realtime::{
    BetaFields, BetaFieldsChatMode, ClientEvent, Modality, Pcm16, RealtimeOptions,
    RealtimeResponseStatus, RealtimeSession, ServerEvent, SessionConfig, Tool,
};
use zai::{Error, StreamError, Timeout};

const KEY: &str = "test-id.test-secret";

fn client(url: &str, key: &str) -> zai::Client {
    zai::Client::builder()
        .api_key(key)
        .base_url(url)
        .build()
        .expect("client")
}

/// A second of a 440 Hz tone, loud enough for the mock to hear speech.
fn question() -> Pcm16 {
    let samples = (0..16_000)
        .map(|i| ((i as f32 * 440.0 * std::f32::consts::TAU / 16_000.0).sin() * 8_000.0) as i16)
        .collect();
    Pcm16 {
        sample_rate: 16_000,
        samples,
    }
}

/// A session on a fresh mock, past its greeting events.
async fn session(mock: &zai_mock::MockServer) -> RealtimeSession {
    let mut session = client(&mock.url(), KEY).realtime().await.expect("connect");
    for expected in ["session.created", "conversation.created", "heartbeat"] {
        let event = session.next().await.expect("event").expect("ok");
        assert_eq!(serde_json::to_value(&event).unwrap()["type"], expected);
    }
    session
}

/// The JSON without its `null` fields and empty lists (they read as absent).
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()))
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

#[test]
fn every_documented_event_round_trips() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/spec/realtime.yaml"))
        .unwrap();
    let spec = zai_codegen::read_document(&text).unwrap();
    let (mut client_events, mut server_events) = (0, 0);
    for op in spec["operations"].as_object().unwrap().values() {
        for reference in op["messages"].as_array().unwrap() {
            let name = reference["$ref"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap();
            let message = &spec["components"]["messages"][name];
            let examples = message["examples"].as_array().unwrap();
            assert!(!examples.is_empty(), "{name} has no example");
            for example in examples {
                let payload = without_nulls(&example["payload"]);
                let back = if op["action"] == "send" {
                    client_events += 1;
                    let event: ClientEvent = serde_json::from_value(payload.clone())
                        .unwrap_or_else(|e| panic!("{name}: {e}"));
                    serde_json::to_value(event).unwrap()
                } else {
                    server_events += 1;
                    let event: ServerEvent = serde_json::from_value(payload.clone())
                        .unwrap_or_else(|e| panic!("{name}: {e}"));
                    assert!(
                        !matches!(event, ServerEvent::Other(_)),
                        "{name} parsed as Other"
                    );
                    serde_json::to_value(event).unwrap()
                };
                assert_eq!(back, payload, "{name}");
            }
        }
    }
    assert_eq!((client_events, server_events), (11, 26));
}

#[test]
fn client_event_constructors_serialize_as_documented() {
    let update = zai::realtime::SessionUpdate::new(
        SessionConfig::default()
            .modalities(vec![Modality::Text])
            .tools(vec![Tool::new("get_weather", "Weather of a city.")]),
    )
    .event_id("evt_1".to_owned());
    assert_eq!(
        serde_json::to_value(ClientEvent::from(update)).unwrap(),
        json!({"type": "session.update", "event_id": "evt_1", "session": {
            "modalities": ["text"],
            "tools": [{"type": "function", "name": "get_weather", "description": "Weather of a city."}]
        }})
    );
    let commit = ClientEvent::from(zai::realtime::InputAudioBufferCommit::default());
    assert_eq!(
        serde_json::to_string(&commit).unwrap(),
        r#"{"type":"input_audio_buffer.commit"}"#
    );
}

#[test]
fn wav_round_trips_mixes_stereo_and_chunks() {
    let audio = question();
    assert_eq!(Pcm16::from_wav(&audio.to_wav()).unwrap(), audio);
    assert_eq!(audio.chunks(Duration::from_millis(100)).count(), 10);
    assert_eq!(audio.duration(), Duration::from_secs(1));
    let mut stereo = audio.to_wav();
    stereo[22] = 2; // two channels: each frame is a (left, right) pair
    let mixed = Pcm16::from_wav(&stereo).unwrap();
    assert_eq!(mixed.samples.len(), 8_000);
    assert_eq!(
        mixed.samples[1],
        ((audio.samples[2] as i32 + audio.samples[3] as i32) / 2) as i16
    );
    assert!(matches!(
        Pcm16::from_wav(b"RIFF0000WAVX"),
        Err(Error::InvalidRequest(_))
    ));
}

#[tokio::test]
async fn voice_turn_gives_transcript_audio_and_usage() {
    let mock = zai_mock::MockServer::start().await;
    let mut session = session(&mock).await;
    session
        .append_wav(&question(), Duration::from_millis(100))
        .await
        .unwrap();
    session.commit().await.unwrap();
    session.create_response().await.unwrap();
    let mut deltas = Vec::new();
    let reply = session
        .reply(|event| {
            if let ServerEvent::ResponseAudioTranscriptDelta(d) = event {
                deltas.push(d.delta.clone());
            }
        })
        .await
        .unwrap();
    assert_eq!(reply.transcript, "Hello! How can I help you today?");
    assert_eq!(deltas.concat(), reply.transcript);
    assert_eq!(reply.audio.sample_rate, 24_000);
    assert_eq!(
        reply.audio.samples.len(),
        5 * 2_400,
        "five deltas of 100 ms"
    );
    assert_eq!(reply.status, Some(RealtimeResponseStatus::Completed));
    assert!(reply.usage.unwrap().total_tokens.unwrap() > 0);
    assert!(reply.response_id.unwrap().starts_with("resp_"));
    session.close().await.unwrap();
}

#[tokio::test]
async fn text_turn_and_server_error_events_keep_the_session() {
    let mock = zai_mock::MockServer::start().await;
    let mut session = session(&mock).await;
    session.commit().await.unwrap(); // nothing appended: an `error` event
    let Some(Ok(ServerEvent::ServerError(error))) = session.next().await else {
        panic!("expected an error event");
    };
    assert_eq!(
        error.error.code.as_deref(),
        Some("input_audio_buffer_commit_empty")
    );
    let config = SessionConfig::default().modalities(vec![Modality::Text]);
    session.update_session(config).await.unwrap();
    session.send_text("What is GLM-Realtime?").await.unwrap();
    session.create_response().await.unwrap();
    let reply = session.reply(|_| {}).await.unwrap();
    assert!(!reply.text.is_empty());
    assert_eq!(reply.transcript, "");
    assert!(reply.audio.samples.is_empty());
}

#[tokio::test]
async fn tool_loop_answers_the_function_call() {
    let mock = zai_mock::MockServer::start().await;
    let mut session = session(&mock).await;
    let tool = Tool::new("get_weather", "Current weather of a city.").parameters(
        json!({"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]})
            .as_object()
            .unwrap()
            .clone(),
    );
    session
        .update_session(SessionConfig::default().tools(vec![tool]))
        .await
        .unwrap();
    session.send_text("Weather in Beijing?").await.unwrap();
    let mut calls = Vec::new();
    let reply = session
        .reply_with_tools(|name, arguments| {
            calls.push((name.to_owned(), arguments.to_owned()));
            json!({"weather": "sunny"}).to_string()
        })
        .await
        .unwrap();
    assert_eq!(
        calls,
        [("get_weather".to_owned(), r#"{"city":"mock"}"#.to_owned())]
    );
    assert_eq!(reply.transcript, "Thanks, I have the result.");
}

#[tokio::test]
async fn video_frames_go_with_the_audio() {
    let mock = zai_mock::MockServer::start().await;
    let mut session = session(&mock).await;
    let video =
        SessionConfig::default().beta_fields(BetaFields::new(BetaFieldsChatMode::VideoPassive));
    session.update_session(video).await.unwrap();
    session.create_response().await.unwrap(); // before any frame: refused
    let error = loop {
        if let ServerEvent::ServerError(e) = session.next().await.unwrap().unwrap() {
            break e;
        }
    };
    assert_eq!(error.error.code.as_deref(), Some("video_model_query_error"));
    session
        .append_video_frame(b"\xFF\xD8\xFF\xE0 a tiny jpeg")
        .await
        .unwrap();
    session
        .append_wav(&question(), Duration::from_millis(200))
        .await
        .unwrap();
    session.commit().await.unwrap();
    session.create_response().await.unwrap();
    let reply = session.reply(|_| {}).await.unwrap();
    assert_eq!(reply.status, Some(RealtimeResponseStatus::Completed));
}

#[tokio::test]
async fn refused_handshake_is_an_api_error_with_the_body() {
    let mock = zai_mock::MockServer::start().await;
    let Err(Error::Api(api)) = client(&mock.url(), "not-a-key").realtime().await else {
        panic!("expected Error::Api");
    };
    assert_eq!(api.status.as_u16(), 401);
    let body: Value = serde_json::from_slice(&api.detail.body).unwrap();
    assert_eq!(
        body["error"]["message"].as_str(),
        Some(api.message.as_str())
    );
}

#[tokio::test]
async fn limits_end_the_stream_with_typed_errors() {
    let mock = zai_mock::MockServer::start().await;
    let mut small = RealtimeOptions::default();
    small.max_message_size = 64;
    let mut session = client(&mock.url(), KEY).realtime_with(small).await.unwrap();
    let item = session.next().await.unwrap();
    assert!(
        matches!(item, Err(Error::Stream(StreamError::EventTooLarge(64)))),
        "{item:?}"
    );
    assert!(session.next().await.is_none());

    let mut idle = RealtimeOptions::default();
    idle.idle_timeout = Duration::from_millis(100);
    let mut session = client(&mock.url(), KEY).realtime_with(idle).await.unwrap();
    for _ in 0..3 {
        session.next().await.unwrap().unwrap();
    }
    let item = session.next().await.unwrap();
    let expected = Duration::from_millis(100);
    assert!(
        matches!(item, Err(Error::Timeout(Timeout::Read(Some(d)))) if d == expected),
        "{item:?}"
    );
}

#[tokio::test]
async fn dropped_connection_is_typed_and_reconnect_reports_the_gap() {
    let mock = zai_mock::MockServer::start().await;
    let mut session = session(&mock).await;
    let faulty = SessionConfig::default().instructions("mock-fault:drop-mid-response");
    session.update_session(faulty).await.unwrap();
    session.send_text("Tell me a story.").await.unwrap();
    session.create_response().await.unwrap();
    // Without reconnecting: the response ends in a typed error.
    let error = session.reply(|_| {}).await.unwrap_err();
    assert!(matches!(error, Error::Connection(_)), "{error:?}");
    assert!(error.is_retryable());

    let gap = session.reconnect().await.unwrap();
    assert_eq!((gap.attempts, gap.items_replayed), (1, 1));
    assert!(gap.session_restored && !gap.lost_uncommitted_input);
    // The new connection's greeting, then the replayed configuration and item.
    let mut seen = Vec::new();
    while seen.last().map(String::as_str) != Some("conversation.item.created") {
        let event = session.next().await.unwrap().unwrap();
        seen.push(
            serde_json::to_value(&event).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
        if let ServerEvent::SessionUpdated(updated) = &event {
            assert_eq!(
                updated.session.instructions.as_deref(),
                Some("mock-fault:drop-mid-response")
            );
        }
    }
    assert!(seen.contains(&"session.updated".to_owned()), "{seen:?}");
    // The session goes on once the fault is lifted.
    session
        .update_session(SessionConfig::default().instructions(""))
        .await
        .unwrap();
    session.create_response().await.unwrap();
    let reply = session.reply(|_| {}).await.unwrap();
    assert_eq!(reply.status, Some(RealtimeResponseStatus::Completed));
}

#[tokio::test]
async fn unknown_events_do_not_end_the_stream() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move {
        let (tcp, _) = listener.accept().await.unwrap();
        let mut ws = tokio_tungstenite::accept_async(tcp).await.unwrap();
        for text in [
            r#"{"type":"response.hologram.delta","delta":"3d"}"#,
            r#"{"type":"heartbeat"}"#,
        ] {
            ws.send(tokio_tungstenite::tungstenite::Message::text(text))
                .await
                .unwrap();
        }
        ws.close(None).await.unwrap();
    });
    let mut session = client(&url, KEY).realtime().await.unwrap();
    let first = session.next().await.unwrap().unwrap();
    assert_eq!(
        first,
        ServerEvent::Other(json!({"type": "response.hologram.delta", "delta": "3d"}))
    );
    assert!(matches!(
        session.next().await,
        Some(Ok(ServerEvent::Heartbeat(_)))
    ));
    assert!(
        session.next().await.is_none(),
        "a normal close ends the stream"
    );
    server.await.unwrap();
}
