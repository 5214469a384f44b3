//! `zai chat`: the reply on stdout, reasoning on stderr, streamed or whole.

use crate::args::{ChatArgs, Switch};
use crate::connection::Connection;
use crate::failure::{Failure, Outcome};
use crate::input::json_arg;
use futures_util::StreamExt;
use std::io::{IsTerminal, Write};
use zai::types;

/// Reasoning goes to stderr, dimmed on a terminal (`zai messages` prints its
/// thinking the same way).
pub(crate) struct Reasoning {
    show: bool,
    dim: bool,
}

impl Reasoning {
    /// Prints reasoning if `show`.
    pub(crate) fn new(show: bool) -> Self {
        Self {
            show,
            dim: std::io::stderr().is_terminal(),
        }
    }

    /// Prints `text`, unless it is empty or reasoning is not shown.
    pub(crate) fn print(&self, text: &str) {
        if !self.show || text.is_empty() {
            return;
        }
        let mut err = std::io::stderr();
        let _ = if self.dim {
            write!(err, "\x1b[2m{text}\x1b[0m")
        } else {
            write!(err, "{text}")
        };
        let _ = err.flush();
    }
}

/// A tool call the model asked for, one line on stdout.
fn print_tool_call(call: &types::ToolCall) {
    let function = call.function.clone().unwrap_or_default();
    println!(
        "[tool call {}] {}({})",
        call.id.as_deref().unwrap_or("-"),
        function.name.unwrap_or_default(),
        function.arguments.unwrap_or_default()
    );
}

/// Runs `zai chat`.
pub(crate) async fn run(connection: &Connection, args: ChatArgs) -> Outcome {
    let client = &connection.client;
    let mut messages = Vec::new();
    if let Some(system) = &args.system {
        messages.push(types::ChatMessage::system(system.as_str()));
    }
    let user = if args.images.is_empty() {
        types::UserContent::from(args.prompt.as_str())
    } else {
        let mut parts: Vec<_> = args
            .images
            .iter()
            .map(|url| types::ContentPart::image_url(url.as_str()))
            .collect();
        parts.push(types::ContentPart::text(args.prompt.as_str()));
        types::UserContent::from(parts)
    };
    messages.push(types::ChatMessage::user(user));
    let mut request = types::ChatCompletionRequest::new(args.model.as_str(), messages);
    if let Some(thinking) = args.thinking {
        let kind = match thinking {
            Switch::On => types::ChatThinkingType::Enabled,
            Switch::Off => types::ChatThinkingType::Disabled,
        };
        request = request.thinking(types::ChatThinking::default().type_(kind));
    }
    if let Some(tools) = &args.tools {
        let tools: Vec<types::ChatTool> = serde_json::from_value(json_arg(tools, "--tools")?)
            .map_err(|e| Failure::Usage(format!("--tools: {e}")))?;
        request = request.tools(tools);
    }
    if let Some(n) = args.max_tokens {
        request = request.max_tokens(n);
    }
    if let Some(t) = args.temperature {
        request = request.temperature(t);
    }
    let reasoning = Reasoning::new(!args.no_reasoning && !args.json);

    if !args.stream {
        let reply = client.create_chat_completion(&request).await?;
        if args.json {
            println!("{}", serde_json::to_string(&reply).unwrap_or_default());
            return Ok(());
        }
        for choice in &reply.choices {
            let Some(message) = &choice.message else {
                continue;
            };
            if let Some(text) = &message.reasoning_content {
                reasoning.print(text);
                reasoning.print("\n");
            }
            if let Some(text) = message.content.as_deref().filter(|t| !t.is_empty()) {
                println!("{text}");
            }
            for call in message.tool_calls.iter().flatten() {
                print_tool_call(call);
            }
        }
        return Ok(());
    }

    let mut stream = client.create_chat_completion_stream(&request).await?;
    let faults = stream.faults();
    let mut fold = zai::ChatAccumulator::default();
    let mut out = std::io::stdout();
    let mut in_reasoning = false;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        if args.json {
            fold.push(chunk);
            continue;
        }
        for choice in &chunk.choices {
            let Some(delta) = &choice.delta else { continue };
            if let Some(text) = delta.reasoning_content.as_deref().filter(|t| !t.is_empty()) {
                reasoning.print(text);
                in_reasoning = true;
            }
            if let Some(text) = delta.content.as_deref().filter(|t| !t.is_empty()) {
                if in_reasoning {
                    reasoning.print("\n");
                    in_reasoning = false;
                }
                let _ = write!(out, "{text}");
                let _ = out.flush();
            }
        }
        fold.push(chunk);
    }
    let reply = fold.finish();
    for fragment in faults.dropped() {
        eprintln!(
            "warning: the service sent a cut-off event glued to the next one; dropped {} bytes: {}",
            fragment.bytes.len(),
            String::from_utf8_lossy(&fragment.bytes)
        );
    }
    if args.json {
        println!("{}", serde_json::to_string(&reply).unwrap_or_default());
        return Ok(());
    }
    if in_reasoning {
        reasoning.print("\n");
    }
    let message = reply.choices.first().and_then(|c| c.message.as_ref());
    if message
        .and_then(|m| m.content.as_deref())
        .is_some_and(|t| !t.is_empty())
    {
        println!();
    }
    for call in message
        .and_then(|m| m.tool_calls.as_ref())
        .into_iter()
        .flatten()
    {
        print_tool_call(call);
    }
    Ok(())
}
