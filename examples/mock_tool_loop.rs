//! A two-tool loop against the mock, the second turn streamed with
//! `tool_stream`: the model calls the declared tool that matches the question,
//! its arguments arrive in fragments, the tool's result goes back, and the
//! final answer uses it.
//!
//! Runs against the built-in mock server (and asserts what it gets):
//! `cargo run --example mock_tool_loop`

use futures_util::StreamExt;
use serde_json::{Value, json};
use zai::ChatAccumulator;
use zai::types::{ChatCompletionRequest, ChatCompletionResponse, ChatMessage, ChatTool};

/// Runs a tool call: the weather of a city, or the time in one.
fn run_tool(name: &str, args: &Value) -> String {
    match name {
        "get_weather" => json!({"city": args["city"], "temperature_c": 21}).to_string(),
        _ => json!({"city": args["city"], "time": "14:05"}).to_string(),
    }
}

fn tool(name: &str, description: &str) -> ChatTool {
    let schema = json!({"type": "object", "required": ["city"],
                        "properties": {"city": {"type": "string"}}});
    ChatTool::function(
        name,
        description,
        schema.as_object().cloned().unwrap_or_default(),
    )
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;
    let tools = vec![
        tool("get_weather", "Current weather of a city"),
        tool("get_time", "Local time in a city"),
    ];
    let mut messages = Vec::new();
    for (question, expected) in [
        ("What's the weather in Paris?", "get_weather"),
        ("What time is it in Tokyo?", "get_time"),
    ] {
        messages.push(ChatMessage::user(question));
        let streamed = expected == "get_time";
        let request = ChatCompletionRequest::new("glm-4.7", messages.clone()).tools(tools.clone());
        let reply = if streamed {
            // Streamed with tool_stream: the arguments come in fragments.
            let request = request.stream(true).tool_stream(true);
            let mut chunks = client.create_chat_completion_stream(&request).await?;
            let (mut fold, mut fragments) = (ChatAccumulator::new(), 0);
            while let Some(chunk) = chunks.next().await {
                let chunk = chunk?;
                let calls = chunk.choices.first().and_then(|c| c.delta.as_ref());
                let calls = calls.and_then(|d| d.tool_calls.as_ref());
                fragments += calls
                    .into_iter()
                    .flatten()
                    .filter(|c| c.id.is_none())
                    .count();
                fold.push(chunk);
            }
            assert!(fragments >= 2, "arguments in fragments, got {fragments}");
            println!("{question} -> streamed in {fragments} argument fragments");
            fold.finish()
        } else {
            client.create_chat_completion(&request).await?
        };
        let answer = finish_turn(&client, &mut messages, &tools, &reply, expected).await?;
        println!("{question} -> {answer}");
    }
    Ok(())
}

/// Checks the tool call in `reply`, runs it, sends its result back and returns
/// the final answer (which must quote the result).
async fn finish_turn(
    client: &zai::Client,
    messages: &mut Vec<ChatMessage>,
    tools: &[ChatTool],
    reply: &ChatCompletionResponse,
    expected: &str,
) -> Result<String, Box<dyn std::error::Error>> {
    let calls = reply.tool_calls().to_vec();
    assert_eq!(calls.len(), 1, "one call: {calls:?}");
    assert_eq!(calls[0].name(), Some(expected));
    let args: Value = calls[0].parse_arguments()?;
    assert!(
        args["city"].is_string(),
        "arguments follow the schema: {args}"
    );
    messages.push(ChatMessage::assistant_tool_calls(None, calls.clone()));
    let result = run_tool(expected, &args);
    messages.push(ChatMessage::tool(
        calls[0].id.clone().unwrap_or_default(),
        result.clone(),
    ));
    let request = ChatCompletionRequest::new("glm-4.7", messages.clone()).tools(tools.to_vec());
    let answer = client.create_chat_completion(&request).await?;
    assert!(
        answer.tool_calls().is_empty(),
        "the loop ends after the result"
    );
    let text = answer.text().unwrap_or_default().to_owned();
    assert!(text.contains(&result), "the answer uses the result: {text}");
    messages.push(ChatMessage::assistant(text.clone()));
    Ok(text)
}
