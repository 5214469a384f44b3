//! JWT authentication: an HS256 token signed with the key's secret, cached and
//! renewed by the client, instead of sending the key itself.
//!
//! `cargo run --example jwt` (against the built-in mock)

use zai::types::{ChatCompletionRequest, ChatMessage};
use zai::{Auth, Error};

#[tokio::main]
async fn main() -> Result<(), Error> {
    let mock = zai_mock::MockServer::start().await;
    // The key has the `id.secret` form; anything else is `Error::Config`.
    let auth = Auth::jwt("demo-id.demo-secret")?;
    let client = zai::Client::builder()
        .auth(auth)
        .base_url(mock.url())
        .build()?;

    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Hi")]);
    let reply = client.create_chat_completion(&request).await?;
    println!("{}", reply.text().unwrap_or_default());

    let bad = Auth::jwt("no-dot-in-this-key").unwrap_err();
    println!("refused: {bad}");
    Ok(())
}
