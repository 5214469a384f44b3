//! GLM-Realtime voice: a WAV question in, the reply's transcript as it arrives
//! and its audio out as a WAV file.
//!
//! Runs against the built-in mock server:
//! `cargo run --example realtime_voice`

use std::io::Write;
use std::time::Duration;
use zai::realtime::{Pcm16, RealtimeResponseStatus, ServerEvent, SessionConfig, Voice};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    // A question to say: here one second of a 440 Hz tone, 16 kHz mono (with a
    // real recording: `Pcm16::from_wav(&std::fs::read("question.wav")?)`).
    let samples = (0..16_000)
        .map(|i| ((i as f32 * 440.0 * std::f32::consts::TAU / 16_000.0).sin() * 8_000.0) as i16)
        .collect();
    let question = Pcm16 {
        sample_rate: 16_000,
        samples,
    };

    let mut session = client.realtime().await?;
    let config = SessionConfig::default()
        .model("glm-realtime-flash")
        .voice(Voice::Tongtong)
        .instructions("Answer briefly.");
    session.update_session(config).await?;
    // Client VAD (the default): append the audio in 100 ms chunks, commit, ask.
    session
        .append_wav(&question, Duration::from_millis(100))
        .await?;
    session.commit().await?;
    session.create_response().await?;

    let reply = session
        .reply(|event| {
            if let ServerEvent::ResponseAudioTranscriptDelta(d) = event {
                print!("{}", d.delta);
                let _ = std::io::stdout().flush();
            }
        })
        .await?;
    println!();
    let path = std::env::temp_dir().join("zai-realtime-reply.wav");
    std::fs::write(&path, reply.audio.to_wav()).map_err(|e| zai::Error::Io {
        path: path.clone(),
        source: e,
    })?;
    println!(
        "{:?} of audio in {}, usage {:?}",
        reply.audio.duration(),
        path.display(),
        reply.usage
    );
    session.close().await?;

    assert_eq!(reply.transcript, "Hello! How can I help you today?");
    assert_eq!(reply.status, Some(RealtimeResponseStatus::Completed));
    assert_eq!(reply.audio.duration(), Duration::from_millis(500));
    Ok(())
}
