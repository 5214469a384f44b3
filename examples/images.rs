//! Image generation: a synchronous image, then an asynchronous one polled with
//! `Client::wait_async_result`.
//!
//! Runs against the built-in mock server:
//! `cargo run --example images`

use std::time::Duration;
use zai::PollOptions;
use zai::types::ImageGenerationRequest;

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    // Synchronous: the reply carries the image URL(s) directly.
    let request = ImageGenerationRequest::new("cogview-4-250304", "An isometric pixel-art café")
        .size("1024x1024");
    let image = client.create_image(&request).await?;
    for data in &image.data {
        println!("image url: {:?}", data.url);
    }

    // Asynchronous (`glm-image`): start a task, then poll its result. The mock
    // answers PROCESSING twice, then SUCCESS; poll every 50 ms (default: ~2 s).
    let request = ImageGenerationRequest::new("glm-image", "A paper boat on a puddle");
    let task = client.create_image_async(&request).await?;
    let id = task.id.unwrap_or_default();
    println!("task {id}: {:?}", task.task_status);
    let options = PollOptions::every(Duration::from_millis(50), Duration::from_secs(10));
    let result = client
        .wait_async_result(&id, &options, |p| {
            println!(
                "  poll #{}: {:?} after {:?}",
                p.polls, p.task.task_status, p.elapsed
            )
        })
        .await?;
    println!("final status: {:?}", result.task_status);
    // Filled once the task succeeded (the mock answers an image task with one).
    println!("image result: {:?}", result.image_result);
    Ok(())
}
