//! Error handling: match the typed error, ask what kind it is, and keep tests fast
//! with `RetryPolicy::for_tests()`. The mock answers model `error-<status>` with
//! that status and Z.AI's error body.
//!
//! `cargo run --example errors` (against the built-in mock)

use zai::types::{ChatCompletionRequest, ChatMessage};
use zai::{ApiError, BusinessCode, CallOptions, Error, RetryPolicy};

#[tokio::main]
async fn main() -> Result<(), Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        // The same retry decisions as the default policy, waiting at most 10 ms.
        .call_options(CallOptions::default().retry(RetryPolicy::for_tests()))
        .build()?;

    for model in ["error-429", "error-400", "error-401", "error-503"] {
        let request = ChatCompletionRequest::new(model, vec![ChatMessage::user("Hi")]);
        match client.create_chat_completion(&request).await {
            Ok(reply) => println!("{model}: {}", reply.text().unwrap_or_default()),
            Err(Error::Api(ApiError {
                code: Some(BusinessCode::InvalidParameter),
                message,
                ..
            })) => {
                println!("{model}: fix the request: {message}")
            }
            Err(e) if e.is_rate_limited() => println!("{model}: rate limited, slow down ({e})"),
            Err(e) if e.is_retryable() => println!("{model}: still failing after retries ({e})"),
            Err(Error::Api(api)) => println!(
                "{model}: HTTP {} code {:?}, request id {:?}",
                api.status, api.code, api.detail.request_id
            ),
            Err(other) => return Err(other),
        }
    }
    Ok(())
}
