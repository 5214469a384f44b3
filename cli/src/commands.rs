//! Agents, asynchronous results and `zai api` (any JSON operation by its id).

use crate::input::{json_arg, pairs};
use crate::{Failure, Outcome};
use futures_util::StreamExt;
use serde_json::{Value, json};
use std::io::Write;
use std::time::Duration;
use zai::types;

pub(crate) async fn await_result(client: &zai::Client, id: &str, every: Duration) -> Outcome {
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.enable_steady_tick(Duration::from_millis(120));
    // The timeout is the caller's Ctrl-C; keep polling for up to a day.
    let options = zai::PollOptions::every(every, Duration::from_secs(86_400));
    let result = client
        .wait_async_result(id, &options, |p| {
            let status = p.status.unwrap_or("UNKNOWN");
            spinner.set_message(format!("task {id}: {status} ({}s)", p.elapsed.as_secs()));
        })
        .await;
    spinner.finish_and_clear();
    print_result(&result?);
    Ok(())
}

pub(crate) fn print_result(result: &types::AsyncResult) {
    let status = result
        .task_status
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_else(|| "UNKNOWN".into());
    eprintln!("status: {status}");
    for video in result.video_result.iter().flatten() {
        println!("{}", video.url.as_deref().unwrap_or_default());
    }
    for image in result.image_result.iter().flatten() {
        println!("{}", image.url.as_deref().unwrap_or_default());
    }
    // An async chat completion's reply.
    for choice in result.choices.iter().flatten() {
        if let Some(text) = choice.message.as_ref().and_then(|m| m.content.as_deref()) {
            println!("{text}");
        }
    }
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

pub(crate) async fn agent(
    client: &zai::Client,
    text: String,
    agent_id: String,
    vars: Vec<String>,
    stream: bool,
) -> Outcome {
    let mut variables = serde_json::Map::new();
    for (k, v) in pairs(&vars, "--var")? {
        variables.insert(k, Value::String(v));
    }
    let request: types::AgentCompletionRequest = serde_json::from_value(json!({
        "agent_id": agent_id,
        "messages": [{"role": "user", "content": [{"type": "text", "text": text}]}],
        "custom_variables": variables,
    }))
    .map_err(|e| Failure::Usage(e.to_string()))?;
    if stream {
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

pub(crate) async fn api(
    client: &zai::Client,
    operation_id: String,
    body: Option<String>,
    params: Vec<String>,
) -> Outcome {
    let Some(op) = zai::OPERATIONS
        .iter()
        .find(|op| op.id == operation_id || op.rust_method == operation_id)
    else {
        return Err(Failure::Usage(format!(
            "unknown operation `{operation_id}` (`zai api --list` shows them)"
        )));
    };
    let body = body.map(|b| json_arg(&b, "--body")).transpose()?;
    let params = pairs(&params, "--param")?;
    let (path, query): (Vec<_>, Vec<_>) = params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .partition(|(k, _)| op.path.contains(&format!("{{{k}}}")));
    let reply = client
        .call_raw(op.id, &path, &query, body.as_ref())
        .await
        .map_err(|e| match e {
            zai::Error::InvalidRequest(m) => Failure::Usage(m),
            e => e.into(),
        })?;
    if reply.is_json() {
        let value = reply.json()?;
        println!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    } else {
        let _ = std::io::stdout().write_all(&reply.body);
    }
    Ok(())
}
