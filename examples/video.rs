//! Video generation: submit a CogVideoX task and wait for its URLs with
//! `Client::create_video_generation_and_wait`.
//!
//! Runs against the built-in mock server:
//! `cargo run --example video`

use std::time::Duration;
use zai::PollOptions;
use zai::types::VideoGenerationRequest;

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    let request = VideoGenerationRequest::new("cogvideox-3")
        .prompt("A red fox running through fresh snow, slow motion.")
        .quality("speed")
        .with_audio(true)
        .size("1920x1080");

    // Real tasks take minutes: the default PollOptions back off from 2 s to 15 s.
    // Against the mock, polling every 50 ms is plenty.
    let options = PollOptions::every(Duration::from_millis(50), Duration::from_secs(10));
    let result = client
        .create_video_generation_and_wait(&request, &options, |p| {
            println!("poll #{}: {:?}", p.polls, p.task.task_status)
        })
        .await?;

    println!("status: {:?}", result.task_status);
    for video in result.video_result.unwrap_or_default() {
        println!("video: {:?} (cover {:?})", video.url, video.cover_image_url);
    }
    Ok(())
}
