//! Realtime responses: spoken and text answers, input transcription, function calls,
//! server VAD, video mode, cancelling, and the faults that fail or cut a response.

use crate::{B64, bare, connect, next, pcm16, send, types, until};
use base64::Engine as _;
use futures_util::StreamExt;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::{Error, Message};
use zai_mock::MockServer;

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
async fn committed_silence_fails_its_transcription() {
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
        json!({"type": "input_audio_buffer.append", "audio": pcm16(0.0)}),
    )
    .await;
    send(&mut ws, json!({"type": "input_audio_buffer.commit"})).await;
    let events = until(
        &mut ws,
        "conversation.item.input_audio_transcription.failed",
    )
    .await;
    assert_eq!(
        types(&events)[..2],
        ["input_audio_buffer.committed", "conversation.item.created"]
    );
    assert_eq!(
        bare(events[2].clone()),
        json!({"type": "conversation.item.input_audio_transcription.failed", "item_id": events[0]["item_id"],
            "content_index": 0, "error": {"type": "transcription_error", "code": "audio_unintelligible",
            "message": "No speech in the audio."}})
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
