//! Contract tests, one per `Client` method (named after it): exact request
//! (method, path, query, headers, body or multipart parts) and typed parsing of a
//! realistic reply.
//!
//! Image and video generation, and the asynchronous results they queue.

use crate::support::{JSON, KEY, bearer, client, json_post};
use httpmock::{Method::GET, MockServer};
use serde_json::json;
use zai::types::{
    AsyncResult, ImageGenerationRequest, TaskStatus, VideoGenerationRequest, VideoImageInput,
};

#[tokio::test]
async fn create_video_generation() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        bearer,
        "/videos/generations",
        json!({
            "model": "cogvideox-3",
            "prompt": "A red fox running through fresh snow, slow motion.",
            "image_url": ["https://cdn.example.com/first.png", "https://cdn.example.com/last.png"],
            "quality": "quality",
            "with_audio": true,
            "size": "1920x1080",
            "fps": 60,
            "duration": 10,
            "request_id": "vid-req-000123"
        }),
        json!({
            "model": "cogvideox-3",
            "id": "1029384756-7261839201",
            "request_id": "vid-req-000123",
            "task_status": "PROCESSING"
        }),
    )
    .await;
    let request = VideoGenerationRequest::new("cogvideox-3")
        .prompt("A red fox running through fresh snow, slow motion.")
        .image_url(VideoImageInput::from(vec![
            "https://cdn.example.com/first.png".to_owned(),
            "https://cdn.example.com/last.png".to_owned(),
        ]))
        .quality("quality")
        .with_audio(true)
        .size("1920x1080")
        .fps(60)
        .duration(10)
        .request_id("vid-req-000123");
    let task = client(&server)
        .create_video_generation(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(task.id.as_deref(), Some("1029384756-7261839201"));
    assert_eq!(task.model.as_deref(), Some("cogvideox-3"));
    assert_eq!(task.request_id.as_deref(), Some("vid-req-000123"));
    assert_eq!(task.task_status, Some(TaskStatus::Processing));
}

#[tokio::test]
async fn retrieve_async_result() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/async-result/1029384756-7261839201")
                .header("authorization", format!("Bearer {KEY}"));
            then.status(200).header("content-type", JSON).body(
                json!({
                    "model": "cogvideox-3",
                    "request_id": "vid-req-000123",
                    "task_status": "SUCCESS",
                    "video_result": [{
                        "url": "https://aigc-files.z.ai/video/fox.mp4",
                        "cover_image_url": "https://aigc-files.z.ai/video/fox.jpg"
                    }],
                    "optimized_prompt": null
                })
                .to_string(),
            );
        })
        .await;
    let result = client(&server)
        .retrieve_async_result("1029384756-7261839201")
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(result.task_status, Some(TaskStatus::Success));
    let video = &result.video_result.as_ref().unwrap()[0];
    assert_eq!(
        video.url.as_deref(),
        Some("https://aigc-files.z.ai/video/fox.mp4")
    );
    assert_eq!(
        video.cover_image_url.as_deref(),
        Some("https://aigc-files.z.ai/video/fox.jpg")
    );
    assert!(result.image_result.is_none());

    // A running task carries nothing but its status; a new status stays readable.
    let running: AsyncResult = serde_json::from_str(r#"{"task_status":"PROCESSING"}"#).unwrap();
    assert_eq!(running.task_status, Some(TaskStatus::Processing));
    assert!(running.video_result.is_none());
    let queued: AsyncResult =
        serde_json::from_str(r#"{"task_status":"QUEUED","image_result":[{"url":"u"}]}"#).unwrap();
    assert_eq!(
        queued.task_status,
        Some(TaskStatus::Unknown("QUEUED".into()))
    );
}

#[tokio::test]
async fn create_image() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        bearer,
        "/images/generations",
        json!({
            "model": "cogview-4-250304",
            "prompt": "An isometric pixel-art coffee shop.",
            "quality": "standard",
            "size": "1024x1024",
            "user_id": "user-778899"
        }),
        json!({
            "created": 1773351000,
            "data": [{"url": "https://aigc-files.z.ai/image/coffee.png"}],
            "content_filter": [{"role": "assistant", "level": 3}]
        }),
    )
    .await;
    let request =
        ImageGenerationRequest::new("cogview-4-250304", "An isometric pixel-art coffee shop.")
            .quality("standard")
            .size("1024x1024")
            .user_id("user-778899");
    let image = client(&server)
        .create_image(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(image.created, Some(1773351000));
    assert_eq!(
        image.data[0].url.as_deref(),
        Some("https://aigc-files.z.ai/image/coffee.png")
    );
    let filter = &image.content_filter.as_ref().unwrap()[0];
    assert_eq!(
        (filter.role.as_deref(), filter.level),
        (Some("assistant"), Some(3))
    );
}

#[tokio::test]
async fn create_image_async() {
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        bearer,
        "/async/images/generations",
        json!({"model": "glm-image", "prompt": "A paper boat on a puddle.", "quality": "hd"}),
        json!({
            "model": "glm-image",
            "id": "5566778899-1122334455",
            "request_id": "5566778899-1122334455",
            "task_status": "PROCESSING"
        }),
    )
    .await;
    let request =
        ImageGenerationRequest::new("glm-image", "A paper boat on a puddle.").quality("hd");
    let task = client(&server)
        .create_image_async(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(task.id.as_deref(), Some("5566778899-1122334455"));
    assert_eq!(task.task_status, Some(TaskStatus::Processing));
}
