//! Audio: transcription (multipart upload with `FilePart`), text-to-speech as
//! bytes written to a temp file, and streamed speech chunks.
//!
//! Runs against the built-in mock server:
//! `cargo run --example audio`

use futures_util::StreamExt;
use zai::FilePart;
use zai::types::{SpeechRequest, TranscriptionRequest};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    // Speech to text: the audio file goes as a multipart part.
    let wav = FilePart::new(b"RIFF....WAVEfmt ".to_vec(), "hello.wav", "audio/wav");
    let request = TranscriptionRequest::new("glm-asr-2512").file(wav);
    let transcript = client.create_transcription(&request).await?;
    println!("transcript: {:?}", transcript.text);

    // Text to speech: the reply is the audio file itself, a `ByteStream`.
    let request = SpeechRequest::new("glm-tts", "Hello from Rust!").voice("tongtong");
    let audio = client.create_speech(&request).await?.bytes().await?;
    let path = std::env::temp_dir().join("zai-example-speech.wav");
    std::fs::write(&path, &audio).map_err(|e| zai::Error::InvalidRequest(e.to_string()))?;
    println!(
        "speech: {} bytes written to {}",
        audio.len(),
        path.display()
    );

    // Streamed speech: each chunk's delta carries base64 audio.
    let mut chunks = client.create_speech_stream(&request).await?;
    while let Some(chunk) = chunks.next().await {
        for choice in chunk?.choices {
            let content = choice.delta.and_then(|d| d.content).unwrap_or_default();
            println!("speech chunk: {} base64 chars", content.len());
        }
    }
    Ok(())
}
