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
        json!({"model": "glm-image", "prompt": "A paper boat on a puddle.", "quality": "hd", "request_id": "5566778899-1122334455"}),
        json!({
            "model": "glm-image",
            "id": "5566778899-1122334455",
            "request_id": "5566778899-1122334455",
            "task_status": "PROCESSING"
        }),
    )
    .await;
    let request = ImageGenerationRequest::new("glm-image", "A paper boat on a puddle.")
        .quality("hd")
        .request_id("5566778899-1122334455");
    let task = client(&server)
        .create_image_async(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(task.id.as_deref(), Some("5566778899-1122334455"));
    assert_eq!(task.task_status, Some(TaskStatus::Processing));
}

/// The SDK-only video fields and the object form of `image_url` serialize exactly.
#[tokio::test]
async fn video_request_extended_fields() {
    use zai::types::SensitiveWordCheck;
    let server = MockServer::start_async().await;
    let mock = json_post(
        &server,
        bearer,
        "/videos/generations",
        json!({
            "model": "cogvideox-3",
            "image_url": {"url": "https://cdn.example.com/cat.png"},
            "off_peak": true,
            "watermark_enabled": false,
            "sensitive_word_check": {"type": "ALL", "status": "ENABLE"},
            "prompt_opt_model": "glm-4.7",
            "request_id": "vid-req-1"
        }),
        json!({"model": "cogvideox-3", "id": "vid-ext-1", "task_status": "PROCESSING"}),
    )
    .await;
    let image = json!({"url": "https://cdn.example.com/cat.png"});
    let request = VideoGenerationRequest::new("cogvideox-3")
        .image_url(VideoImageInput::Object(image.as_object().unwrap().clone()))
        .off_peak(true)
        .watermark_enabled(false)
        .sensitive_word_check(SensitiveWordCheck::default().type_("ALL").status("ENABLE"))
        .prompt_opt_model("glm-4.7")
        .request_id("vid-req-1");
    let task = client(&server)
        .create_video_generation(&request)
        .await
        .expect("call succeeds");
    mock.assert_async().await;
    assert_eq!(task.id.as_deref(), Some("vid-ext-1"));
    // A plain string still builds the common form.
    let plain = VideoImageInput::String("https://cdn.example.com/cat.png".into());
    assert_eq!(
        serde_json::to_value(plain).unwrap(),
        json!("https://cdn.example.com/cat.png")
    );
}

/// The SDK-only image fields serialize exactly (sync and async).
#[tokio::test]
async fn image_request_extended_fields() {
    use zai::types::SensitiveWordCheck;
    let server = MockServer::start_async().await;
    let sync = json_post(
        &server,
        bearer,
        "/images/generations",
        json!({
            "model": "cogview-4-250304",
            "prompt": "A paper crane",
            "request_id": "img-req-000001",
            "watermark_enabled": false,
            "sensitive_word_check": {"type": "ALL", "status": "DISABLE"},
            "n": 1,
            "response_format": "url",
            "style": "vivid",
            "user": "user-000001"
        }),
        json!({"created": 1773349530, "data": [{"url": "https://aigc-files.z.ai/crane.png"}]}),
    )
    .await;
    let asynchronous = json_post(
        &server,
        bearer,
        "/async/images/generations",
        json!({"model": "glm-image", "prompt": "A paper crane",
               "request_id": "img-req-000002", "watermark_enabled": true}),
        json!({"model": "glm-image", "id": "img-task-2", "task_status": "PROCESSING"}),
    )
    .await;
    let request = ImageGenerationRequest::new("cogview-4-250304", "A paper crane")
        .request_id("img-req-000001")
        .watermark_enabled(false)
        .sensitive_word_check(SensitiveWordCheck::default().type_("ALL").status("DISABLE"))
        .n(1)
        .response_format("url")
        .style("vivid")
        .user("user-000001");
    let image = client(&server).create_image(&request).await.unwrap();
    assert_eq!(
        image.data[0].url.as_deref(),
        Some("https://aigc-files.z.ai/crane.png")
    );
    let request = ImageGenerationRequest::new("glm-image", "A paper crane")
        .request_id("img-req-000002")
        .watermark_enabled(true);
    let task = client(&server).create_image_async(&request).await.unwrap();
    assert_eq!(task.id.as_deref(), Some("img-task-2"));
    sync.assert_async().await;
    asynchronous.assert_async().await;
}
