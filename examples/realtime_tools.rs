//! GLM-Realtime function calling: declare a tool, let the model call it, send
//! the result back and get the final spoken answer.
//!
//! Runs against the built-in mock server:
//! `cargo run --example realtime_tools`

use serde_json::json;
use zai::realtime::{SessionConfig, Tool};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    let parameters = json!({
        "type": "object",
        "properties": {"city": {"type": "string", "example": "Beijing"}},
        "required": ["city"]
    });
    let weather = Tool::new("get_weather", "Current weather of a city.")
        .parameters(parameters.as_object().cloned().unwrap_or_default());
    let mut session = client.realtime().await?;
    session
        .update_session(SessionConfig::default().tools(vec![weather]))
        .await?;
    session.send_text("What's the weather in Beijing?").await?;

    // Asks for a response; each function call is answered with the closure's
    // result and a new response, until one answers without calling.
    let mut calls = Vec::new();
    let reply = session
        .reply_with_tools(|name, arguments| {
            println!("call {name}({arguments})");
            calls.push(name.to_owned());
            let city = serde_json::from_str::<serde_json::Value>(arguments)
                .ok()
                .and_then(|a| a["city"].as_str().map(str::to_owned))
                .unwrap_or_default();
            json!({"city": city, "weather": "sunny, 24 C"}).to_string()
        })
        .await?;
    println!("answer: {}", reply.transcript);
    session.close().await?;

    assert_eq!(calls, ["get_weather"]);
    assert_eq!(reply.transcript, "Thanks, I have the result.");
    Ok(())
}
