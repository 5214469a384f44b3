//! `zai agent`: runs an agent and prints the text of its answer.

use crate::args::AgentArgs;
use crate::connection::Connection;
use crate::failure::{Failure, Outcome};
use crate::input::pairs;
use futures_util::StreamExt;
use serde_json::{Value, json};
use std::io::Write;
use zai::types;

/// Runs `zai agent`: the answer's text, whole or as it arrives, or the id of
/// an answer that comes asynchronously.
pub(crate) async fn run(connection: &Connection, args: AgentArgs) -> Outcome {
    let client = &connection.client;
    let mut variables = serde_json::Map::new();
    for (k, v) in pairs(&args.vars, "--var")? {
        variables.insert(k, Value::String(v));
    }
    let request: types::AgentCompletionRequest = serde_json::from_value(json!({
        "agent_id": args.agent_id,
        "messages": [{"role": "user", "content": [{"type": "text", "text": args.text}]}],
        "custom_variables": variables,
    }))
    .map_err(|e| Failure::Usage(e.to_string()))?;
    if args.stream {
        let mut events = client.create_agent_completion_stream(&request).await?;
        let mut out = std::io::stdout();
        while let Some(chunk) = events.next().await {
            for choice in chunk?.choices {
                let mut found = Vec::new();
                texts(&json!(choice.delta), &mut found);
                let _ = write!(out, "{}", found.concat());
                let _ = out.flush();
            }
        }
        println!();
        return Ok(());
    }
    let reply = client.create_agent_completion(&request).await?;
    if let Some(id) = &reply.async_id {
        println!("{id}");
        return Ok(());
    }
    let mut found = Vec::new();
    texts(&json!(reply.choices), &mut found);
    println!("{}", found.concat());
    Ok(())
}

/// Every `text` (or string `content`) inside a JSON value, in order.
fn texts(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("text" | "content", Value::String(s)) => out.push(s.clone()),
                    _ => texts(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| texts(v, out)),
        _ => {}
    }
}
