//! `zai tokenize`: how many tokens a prompt takes.

use crate::args::TokenizeArgs;
use crate::connection::Connection;
use crate::failure::Outcome;
use zai::types;

/// Runs `zai tokenize`.
pub(crate) async fn run(connection: &Connection, args: TokenizeArgs) -> Outcome {
    let request =
        types::TokenizerRequest::new(args.model, vec![types::ChatMessage::user(args.text)]);
    let reply = connection.client.tokenize(&request).await?;
    let usage = reply.usage.unwrap_or_default();
    println!(
        "{}",
        usage.prompt_tokens.or(usage.total_tokens).unwrap_or(0)
    );
    Ok(())
}
