//! The GLM Coding Plan: its own base URL (`BaseUrl::CodingPlan`), your own
//! `reqwest::Client` (here with a proxy-friendly timeout), and the Coding Plan
//! monitor's quota and usage.
//!
//! `cargo run --example coding_plan` (against the built-in mock, which serves the
//! real API's paths)

use std::time::Duration;
use zai::types::{ChatCompletionRequest, ChatMessage, RetrieveModelUsageQuery};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mock = zai_mock::MockServer::start().await;
    // Against Z.AI: `.base_url(zai::BaseUrl::CodingPlan)`.
    let base = format!("{}/api/coding/paas/v4", mock.url());
    // With the `rustls-ring` feature alone, reqwest needs a process-wide provider
    // for this one: `zai::install_tls_provider()` at the start of `main`.
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(base)
        .http_client(
            zai::reqwest::Client::builder()
                .connect_timeout(Duration::from_secs(5))
                .build()?,
        )
        .build()?;

    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Write fizzbuzz")]);
    let reply = client.create_chat_completion(&request).await?;
    println!("{}", reply.text().unwrap_or_default());

    let quota = client.retrieve_quota_limit().await?;
    for limit in quota.map(|d| d.limits).unwrap_or_default() {
        println!("{:?}: {:?} % used", limit.type_, limit.percentage);
    }
    let window = RetrieveModelUsageQuery::new("2026-11-29 00:00:00", "2026-11-30 00:00:00");
    let usage = client.retrieve_model_usage(&window).await?;
    println!("usage: {}", serde_json::Value::Object(usage));
    Ok(())
}
