//! The built-in mock server (`zai_mock`): every operation of the spec answers 2xx
//! through the real client, streams are typed, errors come on demand.

use futures_util::StreamExt;
use zai::types::{ChatCompletionRequest, ChatMessage};

async fn client(mock: &zai_mock::MockServer) -> zai::Client {
    zai::Client::builder()
        .api_key("mock-id.mock-secret")
        .base_url(mock.url())
        .build()
        .unwrap()
}

fn file() -> zai::FilePart {
    zai::FilePart::new(b"RIFF....WAVE".to_vec(), "a.wav", "audio/wav")
}

#[tokio::test]
async fn every_json_operation_answers_2xx_through_call_raw() {
    let mock = zai_mock::MockServer::start().await;
    let client = client(&mock).await;
    let mut called = 0;
    // Deletions last: the files and batches the mock starts with (its list
    // examples) serve the item operations first.
    let mut ops: Vec<_> = zai::OPERATIONS.iter().filter(|op| !op.multipart).collect();
    ops.sort_by_key(|op| op.method == "DELETE");
    for op in ops {
        let mocked = zai_mock::operations()
            .iter()
            .find(|m| m.id == op.id)
            .unwrap();
        let seeded = zai_mock::seeded_id(mocked);
        let params: Vec<(&str, &str)> = op
            .path
            .split('{')
            .skip(1)
            .filter_map(|p| p.split('}').next())
            .map(|name| (name, seeded.as_deref().unwrap_or("task-1")))
            .collect();
        // Every body is the spec's request example (the mock validates bodies),
        // every required query parameter a value of its type.
        let body = mocked.request_example.clone();
        let query = zai_mock::required_query(mocked);
        let query: Vec<(&str, &str)> = query
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let raw = client
            .call_raw(op.id, &params, &query, body.as_ref())
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", op.id));
        assert!((200..300).contains(&raw.status), "{}", op.id);
        if raw.is_json() {
            raw.json().unwrap_or_else(|e| panic!("{}: {e}", op.id));
        }
        called += 1;
    }
    assert_eq!(
        called,
        zai::OPERATIONS.iter().filter(|o| !o.multipart).count()
    );
}

#[tokio::test]
async fn every_operation_has_a_typed_mock_answer() {
    use zai::types::*;
    let mock = zai_mock::MockServer::start().await;
    let client = client(&mock).await;
    // Multipart operations, through their typed methods.
    let t = client
        .create_transcription(&TranscriptionRequest::new("glm-asr-2512").file(file()))
        .await
        .unwrap();
    assert_eq!(t.text.as_deref(), Some("Hello, this is a test of GLM ASR."));
    client
        .upload_file(&FileUploadRequest::new(file(), "batch"))
        .await
        .unwrap();
    client
        .recognize_handwriting(&HandwritingOcrRequest::new(file(), "hand_write"))
        .await
        .unwrap();
    // Every operation decodes into its typed response: the spec examples are
    // schema-valid for the generated types.
    for op in zai_mock::operations() {
        if op.content_type == "application/json" {
            for (name, text) in &op.examples {
                serde_json::from_str::<serde_json::Value>(text)
                    .unwrap_or_else(|e| panic!("{}/{name}: {e}", op.id));
            }
        }
    }
    let reply = client
        .create_chat_completion(&ChatCompletionRequest::new(
            "glm-4.7",
            vec![ChatMessage::user("Hi")],
        ))
        .await
        .unwrap();
    let message = reply.choices[0].message.as_ref().unwrap();
    assert_eq!(
        message.content.as_deref(),
        Some("You asked about \"Hi\". Hello! How can I help you today?")
    );
}

#[tokio::test]
async fn chat_stream_with_tools_yields_reasoning_and_a_tool_call() {
    let mock = zai_mock::MockServer::start().await;
    let client = client(&mock).await;
    let tool: zai::types::ChatTool = serde_json::from_value(serde_json::json!({
        "type": "function",
        "function": {"name": "get_weather", "parameters": {"type": "object"}}
    }))
    .unwrap();
    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Weather?")])
        .tools(vec![tool]);
    let mut stream = client
        .create_chat_completion_stream(&request)
        .await
        .unwrap();
    let (mut reasoning, mut calls) = (String::new(), Vec::new());
    while let Some(chunk) = stream.next().await {
        for choice in chunk.unwrap().choices {
            if let Some(delta) = choice.delta {
                reasoning.push_str(delta.reasoning_content.as_deref().unwrap_or(""));
                calls.extend(delta.tool_calls.unwrap_or_default());
            }
        }
    }
    assert!(reasoning.contains("get_weather"));
    assert_eq!(calls.len(), 1);
    assert_eq!(
        calls[0].function.as_ref().unwrap().name.as_deref(),
        Some("get_weather")
    );
}

#[tokio::test]
async fn async_results_go_processing_then_success_per_task() {
    let mock = zai_mock::MockServer::start().await;
    let client = client(&mock).await;
    let mut seen = Vec::new();
    for _ in 0..4 {
        let r = client.retrieve_async_result("task-a").await.unwrap();
        seen.push(r.task_status.unwrap().to_string());
    }
    assert_eq!(seen, ["PROCESSING", "PROCESSING", "SUCCESS", "SUCCESS"]);
    let other = client.retrieve_async_result("task-b").await.unwrap();
    assert_eq!(other.task_status.unwrap().to_string(), "PROCESSING");
}

#[tokio::test]
async fn errors_on_demand_by_model_name() {
    let mock = zai_mock::MockServer::start().await;
    let client = client(&mock)
        .await
        .with_options(|o| o.retry(zai::RetryPolicy::none()));
    for (status, code) in [
        (429, "1302"),
        (400, "1214"),
        (401, "1002"),
        (503, "1305"),
        (418, "418"),
    ] {
        let request =
            ChatCompletionRequest::new(format!("error-{status}"), vec![ChatMessage::user("x")]);
        let err = client.create_chat_completion(&request).await.unwrap_err();
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(err.code().map(|c| c.as_str()), Some(code));
    }
}
