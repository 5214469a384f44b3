//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! Speech recognition and synthesis: transcription, speech, speech customization, voices.

use crate::support::{
    JSON, KEY, SSE, authed, client, collect_bytes, collect_events, file_part, json_post,
    json_reply, post_multipart, sse_post, text_part,
};
use futures_util::StreamExt;
use httpmock::{
    Method::{GET, POST},
    MockServer,
};
use serde_json::json;
use zai::FilePart;
use zai::types::{
    FinishReason, ListVoicesQuery, Role, SpeechCustomizationRequest, SpeechRequest,
    SpeechRequestEncodeFormat, SpeechRequestResponseFormat, TranscriptionEventType,
    TranscriptionRequest, VoiceCloneRequest, VoiceDeleteRequest,
};

const WAV: &[u8] = b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00";

fn transcription_request() -> TranscriptionRequest {
    TranscriptionRequest::new("glm-asr-2512")
        .file(FilePart::new(WAV, "a.wav", "audio/wav"))
        .prompt("Earlier: a talk about Rust.")
        .hotwords(vec!["Tokio".to_owned(), "GLM".to_owned()])
        .request_id("asr-req-000042")
}

#[tokio::test]
async fn create_transcription() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/audio/transcriptions")
                .header("authorization", format!("Bearer {KEY}"))
                .header_prefix("content-type", "multipart/form-data; boundary=")
                .body_includes(format!(
                    "Content-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\
                     Content-Type: audio/wav\r\n\r\n{}\r\n",
                    std::str::from_utf8(WAV).unwrap()
                ))
                .body_includes(text_part("model", "glm-asr-2512"))
                .body_includes(text_part("prompt", "Earlier: a talk about Rust."))
                .body_includes(text_part("hotwords", "Tokio"))
                .body_includes(text_part("hotwords", "GLM"))
                .body_includes(text_part("request_id", "asr-req-000042"))
                .body_excludes("name=\"stream\"")
                .body_excludes("name=\"file_base64\"");
            then.status(200).header("content-type", JSON).body(
                json!({
                    "id": "202603131200001a2b3c4d5e6f7a8b",
                    "created": 1773353600,
                    "request_id": "asr-req-000042",
                    "model": "glm-asr-2512",
                    "text": "Tokio runs the futures; GLM writes the docs."
                })
                .to_string(),
            );
        })
        .await;
    let transcript = client(&server)
        .create_transcription(&transcription_request())
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(
        transcript.text.as_deref(),
        Some("Tokio runs the futures; GLM writes the docs.")
    );
    assert_eq!(transcript.request_id.as_deref(), Some("asr-req-000042"));
    assert_eq!(transcript.created, Some(1773353600));
    assert!(transcript.segments.is_none());
}

#[tokio::test]
async fn create_transcription_stream() {
    let server = MockServer::start_async().await;
    let events = [
        json!({"id": "asr-1", "created": 1773353600, "model": "glm-asr-2512",
               "type": "transcript.text.delta", "delta": "Tokio runs"}),
        json!({"id": "asr-1", "created": 1773353600, "model": "glm-asr-2512",
               "type": "transcript.text.delta", "delta": " the futures."}),
        json!({"id": "asr-1", "created": 1773353601, "model": "glm-asr-2512",
               "type": "transcript.text.done", "delta": ""}),
    ]
    .iter()
    .map(|e| format!("data: {e}\n\n"))
    .collect::<String>()
        + "data: [DONE]\n\n";
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/audio/transcriptions")
                .header("authorization", format!("Bearer {KEY}"))
                .header_prefix("content-type", "multipart/form-data; boundary=")
                .body_includes(text_part("stream", "true"))
                .body_includes(text_part("model", "glm-asr-2512"))
                .body_includes(
                    "Content-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\
                     Content-Type: audio/wav\r\n\r\nRIFF",
                );
            then.status(200).header("content-type", SSE).body(events);
        })
        .await;
    let stream = client(&server)
        .create_transcription_stream(&transcription_request())
        .await
        .expect("stream opens");
    let chunks: Vec<_> = stream.collect().await;
    mock.assert_async().await;
    let chunks: Vec<_> = chunks.into_iter().map(|c| c.expect("chunk")).collect();
    assert_eq!(chunks.len(), 3);
    let text: String = chunks.iter().filter_map(|c| c.delta.as_deref()).collect();
    assert_eq!(text, "Tokio runs the futures.");
    assert_eq!(
        chunks[0].type_,
        Some(TranscriptionEventType::TranscriptTextDelta)
    );
    assert_eq!(
        chunks[2].type_,
        Some(TranscriptionEventType::TranscriptTextDone)
    );
}

fn speech_request() -> SpeechRequest {
    SpeechRequest::new("glm-tts", "Hello there")
        .voice("tongtong")
        .response_format(SpeechRequestResponseFormat::Wav)
        .speed(1.25)
}

/// Returns audio bytes.
#[tokio::test]
async fn create_speech() {
    let server = MockServer::start_async().await;
    let audio = "RIFF\u{24}\u{0}\u{0}\u{0}WAVEfmt data";
    let mock = server
        .mock_async(|when, then| {
            authed(when)
                .method(POST)
                .path("/audio/speech")
                .header("content-type", "application/json")
                .json_body(json!({
                    "model": "glm-tts",
                    "input": "Hello there",
                    "voice": "tongtong",
                    "response_format": "wav",
                    "speed": 1.25
                }));
            then.status(200)
                .header("content-type", "audio/wav")
                .body(audio);
        })
        .await;
    let body = client(&server)
        .create_speech(&speech_request())
        .await
        .unwrap();
    let bytes = collect_bytes(body).await;
    mock.assert_async().await;
    assert_eq!(bytes, audio.as_bytes());
}

/// Yields audio chunks.
#[tokio::test]
async fn create_speech_stream() {
    let server = MockServer::start_async().await;
    let events = concat!(
        "data: {\"choices\":[{\"delta\":{\"content\":\"UklGRg==\",\"role\":\"assistant\"},\"index\":0}],\"request_id\":\"tts-1\",\"created\":1773370271}\n\n",
        "data: {\"choices\":[{\"delta\":{\"content\":\"AAEC\",\"role\":\"assistant\"},\"index\":0}],\"request_id\":\"tts-1\",\"created\":1773370271}\n\n",
        "data: {\"choices\":[{\"delta\":{\"content\":\"\",\"role\":\"assistant\"},\"finish_reason\":\"stop\",\"index\":0}],\"request_id\":\"tts-1\",\"created\":1773370272}\n\n",
        "data: [DONE]\n\n"
    );
    let mock = sse_post(
        &server,
        authed,
        "/audio/speech",
        json!({
            "model": "glm-tts",
            "input": "Hello there",
            "voice": "tongtong",
            "response_format": "wav",
            "encode_format": "base64",
            "speed": 1.25,
            "stream": true
        }),
        events,
    )
    .await;
    let request = speech_request().encode_format(SpeechRequestEncodeFormat::Base64);
    let stream = client(&server)
        .create_speech_stream(&request)
        .await
        .unwrap();
    let chunks = collect_events(stream).await;
    mock.assert_async().await;
    assert_eq!(chunks.len(), 3);
    let audio: Vec<_> = chunks
        .iter()
        .map(|c| {
            c.choices[0]
                .delta
                .as_ref()
                .unwrap()
                .content
                .clone()
                .unwrap()
        })
        .collect();
    assert_eq!(audio, ["UklGRg==", "AAEC", ""]);
    assert_eq!(
        chunks[0].choices[0].delta.as_ref().unwrap().role,
        Some(Role::Assistant)
    );
    assert_eq!(chunks[2].choices[0].finish_reason, Some(FinishReason::Stop));
    assert_eq!(chunks[2].request_id.as_deref(), Some("tts-1"));
}

/// Sends parts and returns audio.
#[tokio::test]
async fn create_speech_customization() {
    let server = MockServer::start_async().await;
    let audio = "RIFF-cloned-audio";
    let mock = post_multipart(
        &server,
        "/audio/customization",
        vec![
            text_part("model", "glm-tts"),
            text_part("input", "Good morning!"),
            text_part("voice_text", "This is my sample voice."),
            file_part("voice_data", "sample.wav", "audio/wav", "RIFF-sample"),
            text_part("response_format", "wav"),
            text_part("watermark_enabled", "true"),
        ],
        move |then| {
            then.status(200)
                .header("content-type", "audio/wav")
                .body(audio);
        },
    )
    .await;
    let request = SpeechCustomizationRequest::new(
        "glm-tts",
        "Good morning!",
        "This is my sample voice.",
        FilePart::new(&b"RIFF-sample"[..], "sample.wav", "audio/wav"),
    )
    .response_format("wav")
    .watermark_enabled(true);
    let body = client(&server)
        .create_speech_customization(&request)
        .await
        .unwrap();
    let bytes = collect_bytes(body).await;
    mock.assert_async().await;
    assert_eq!(bytes, audio.as_bytes());
}

/// Sends exact body.
#[tokio::test]
async fn clone_voice() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        authed,
        "/voice/clone",
        json!({
            "model": "glm-tts-clone",
            "voice_name": "narrator",
            "text": "This is my sample voice.",
            "input": "Nice to meet you.",
            "file_id": "file-voice-1",
            "request_id": "clone-0001"
        }),
        json!({"voice": "voice_clone_001", "file_id": "file-preview-9", "file_purpose": "voice-clone-output"}),
    )
    .await;
    let request = VoiceCloneRequest::new(
        "narrator",
        "This is my sample voice.",
        "Nice to meet you.",
        "file-voice-1",
        "glm-tts-clone",
    )
    .request_id("clone-0001");
    let response = client(&server).clone_voice(&request).await.unwrap();
    mock.assert_async().await;
    assert_eq!(response.voice.as_deref(), Some("voice_clone_001"));
    assert_eq!(response.file_id.as_deref(), Some("file-preview-9"));
    assert_eq!(response.file_purpose.as_deref(), Some("voice-clone-output"));
}

/// Sends exact body.
#[tokio::test]
async fn delete_voice() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        authed,
        "/voice/delete",
        json!({"voice": "voice_clone_001"}),
        json!({"voice": "voice_clone_001", "update_time": "2026-03-13 12:00:00"}),
    )
    .await;
    let response = client(&server)
        .delete_voice(&VoiceDeleteRequest::new("voice_clone_001"))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(response.update_time.as_deref(), Some("2026-03-13 12:00:00"));
}

/// Uses camel case query.
#[tokio::test]
async fn list_voices() {
    let server = MockServer::start_async().await;
    let reply = json!({"voice_list": [{
        "voice": "voice_clone_001",
        "voice_name": "narrator",
        "voice_type": "PRIVATE",
        "download_url": "https://example.com/v1.wav",
        "create_time": "2026-03-13 11:00:00"
    }]});
    let mock = server
        .mock_async(|when, then| {
            authed(when)
                .method(GET)
                .path("/voice/list")
                .query_param("voiceType", "PRIVATE")
                .query_param("voiceName", "narrator")
                .query_param_missing("voice_type")
                .query_param_missing("request_id");
            json_reply(then, &reply);
        })
        .await;
    let list = client(&server)
        .list_voices(
            &ListVoicesQuery::default()
                .voice_name("narrator")
                .voice_type("PRIVATE"),
        )
        .await
        .unwrap();
    mock.assert_async().await;
    let voice = &list.voice_list[0];
    assert_eq!(voice.voice_type.as_deref(), Some("PRIVATE"));
    assert_eq!(
        voice.download_url.as_deref(),
        Some("https://example.com/v1.wav")
    );
}

/// `sensitive_word_check` goes as `name[key]` parts (transcription and speech
/// customization); the chat-shaped transcript the SDKs model parses.
#[tokio::test]
async fn transcription_request_extended_fields() {
    use zai::types::SensitiveWordCheck;
    let server = MockServer::start_async().await;
    let check = || SensitiveWordCheck::default().type_("ALL").status("DISABLE");
    let transcribe = post_multipart(
        &server,
        "/audio/transcriptions",
        vec![
            text_part("model", "glm-asr-2512"),
            text_part("sensitive_word_check[type]", "ALL"),
            text_part("sensitive_word_check[status]", "DISABLE"),
        ],
        |then| {
            json_reply(
                then,
                &json!({
                    "id": "asr-ext-1", "created": 1773353600, "model": "glm-asr-2512",
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": "Hello there."}}],
                    "usage": {"prompt_tokens": 3, "completion_tokens": 3, "total_tokens": 6}
                }),
            );
        },
    )
    .await;
    let request = TranscriptionRequest::new("glm-asr-2512")
        .file(FilePart::new(WAV, "a.wav", "audio/wav"))
        .sensitive_word_check(check());
    let transcript = client(&server)
        .create_transcription(&request)
        .await
        .unwrap();
    transcribe.assert_async().await;
    let choice = &transcript.choices.as_ref().unwrap()[0];
    assert_eq!(
        choice.message.as_ref().unwrap().content.as_deref(),
        Some("Hello there.")
    );
    assert_eq!(transcript.usage.unwrap().total_tokens, Some(6));

    let customize = post_multipart(
        &server,
        "/audio/customization",
        vec![
            text_part("sensitive_word_check[type]", "ALL"),
            text_part("sensitive_word_check[status]", "DISABLE"),
        ],
        |then| {
            then.status(200)
                .header("content-type", "audio/wav")
                .body("RIFF");
        },
    )
    .await;
    let request = SpeechCustomizationRequest::new(
        "glm-tts",
        "Hi",
        "Sample.",
        FilePart::new(&b"RIFF-sample"[..], "sample.wav", "audio/wav"),
    )
    .sensitive_word_check(check());
    let audio = client(&server)
        .create_speech_customization(&request)
        .await
        .unwrap();
    assert_eq!(collect_bytes(audio).await, b"RIFF");
    customize.assert_async().await;

    // A chat-chunk-shaped transcription event parses too.
    let chunk: zai::types::TranscriptionChunk = serde_json::from_value(json!({
        "id": "asr-ext-2", "created": 1773353600, "model": "glm-asr-2512",
        "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hel"}}]
    }))
    .unwrap();
    let delta = chunk.choices.as_ref().unwrap()[0].delta.as_ref().unwrap();
    assert_eq!(delta.content.as_deref(), Some("Hel"));
}
