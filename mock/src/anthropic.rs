//! Anthropic-style messages that depend on the request: `tool_use` blocks from
//! the declared tools (`stop_reason: tool_use`, streamed as `input_json_delta`
//! fragments), the answer to `tool_result` blocks, and the text answering a
//! plain question (quoting it).

use crate::chat::pieces;
use crate::text::{content_text, echo, tokens};
use crate::tools::{Function, plan, report};
use serde_json::{Value, json};

/// The message for `request`, built on `template` (the default answer): tool
/// calls, the answer to tool results, or the example's text quoting the
/// question; `None` for a request without messages.
pub(crate) fn answer(request: &Value, template: &Value, parallel: bool) -> Option<Value> {
    let messages = request["messages"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let last = messages.last()?;
    let blocks = last["content"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let results: Vec<(String, String)> = blocks
        .iter()
        .filter(|b| b["type"] == "tool_result")
        .map(|b| {
            (
                tool_name(messages, &b["tool_use_id"]),
                content_text(&b["content"]),
            )
        })
        .collect();
    let question = content_text(&last["content"]);
    let choice = &request["tool_choice"];
    let functions: Vec<Function> = request["tools"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|_| choice["type"] != "none")
        .map(|t| Function {
            name: t["name"].as_str().unwrap_or_default(),
            description: t["description"].as_str().unwrap_or_default(),
            schema: &t["input_schema"],
        })
        .collect();
    let forced = choice["name"].as_str().filter(|_| choice["type"] == "tool");
    let calls = plan(&functions, &question, forced, parallel);
    let (content, stop) = if !results.is_empty() {
        (
            json!([{ "type": "text", "text": report(&results) }]),
            "end_turn",
        )
    } else if let Some(first) = calls.first() {
        let mut content =
            vec![json!({ "type": "text", "text": format!("I'll call {}.", first.name) })];
        content.extend(calls.iter().map(|call| {
            json!({ "type": "tool_use", "id": format!("toolu_{}", call.id),
                    "name": call.name, "input": call.arguments })
        }));
        (Value::Array(content), "tool_use")
    } else {
        // A plain question: the example's text, quoting it.
        let mut content = template["content"].clone();
        for block in content.as_array_mut().into_iter().flatten() {
            if let Some(text) = block["text"].as_str() {
                block["text"] = echo(&question, text).into();
            }
        }
        (content, "end_turn")
    };
    let input: usize = messages
        .iter()
        .map(|m| tokens(&content_text(&m["content"])))
        .sum();
    let mut message = template.clone();
    message["usage"] =
        json!({ "input_tokens": input, "output_tokens": tokens(&content.to_string()) });
    message["content"] = content;
    message["stop_reason"] = stop.into();
    Some(message)
}

/// The name of the tool whose `tool_use` block has id `id`, in the conversation.
fn tool_name(messages: &[Value], id: &Value) -> String {
    messages
        .iter()
        .flat_map(|m| m["content"].as_array().into_iter().flatten())
        .find(|b| b["type"] == "tool_use" && b["id"] == *id)
        .and_then(|b| b["name"].as_str())
        .unwrap_or("the tool")
        .to_owned()
}

/// The named events streaming `message`: `message_start`, each block (text in
/// two `text_delta`s, a tool's input in three `input_json_delta` fragments),
/// `message_delta` with the stop reason and usage, `message_stop`.
pub(crate) fn events(message: &Value) -> Vec<Value> {
    let mut start = message.clone();
    start["content"] = json!([]);
    start["stop_reason"] = Value::Null;
    start["usage"]["output_tokens"] = 0.into();
    let mut out = vec![json!({ "type": "message_start", "message": start })];
    for (index, block) in message["content"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let (opening, deltas) = match block["type"].as_str() {
            Some("tool_use") => {
                let mut opening = block.clone();
                opening["input"] = json!({});
                let input = block["input"].to_string();
                let deltas = pieces(&input, 3)
                    .into_iter()
                    .map(|p| json!({ "type": "input_json_delta", "partial_json": p }))
                    .collect::<Vec<_>>();
                (opening, deltas)
            }
            _ => {
                let text = block["text"].as_str().unwrap_or_default();
                let deltas = pieces(text, 2)
                    .into_iter()
                    .map(|p| json!({ "type": "text_delta", "text": p }))
                    .collect();
                (json!({ "type": "text", "text": "" }), deltas)
            }
        };
        out.push(
            json!({ "type": "content_block_start", "index": index, "content_block": opening }),
        );
        out.extend(
            deltas.into_iter().map(
                |delta| json!({ "type": "content_block_delta", "index": index, "delta": delta }),
            ),
        );
        out.push(json!({ "type": "content_block_stop", "index": index }));
    }
    out.push(json!({
        "type": "message_delta",
        "delta": { "stop_reason": message["stop_reason"], "stop_sequence": null },
        "usage": { "output_tokens": message["usage"]["output_tokens"] },
    }));
    out.push(json!({ "type": "message_stop" }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tools_are_used_and_streamed_as_input_json_fragments() {
        let request = json!({
            "messages": [{ "role": "user", "content": "Weather in Oslo?" }],
            "tools": [{ "name": "get_weather", "input_schema": {
                "type": "object", "properties": { "city": { "type": "string" } } } }],
        });
        let message = answer(&request, &json!({ "id": "msg_1" }), false).unwrap();
        assert_eq!(message["stop_reason"], "tool_use");
        assert_eq!(message["content"][1]["input"], json!({ "city": "Oslo" }));
        let events = events(&message);
        let partial: String = events
            .iter()
            .filter_map(|e| e["delta"]["partial_json"].as_str())
            .collect();
        assert_eq!(partial, r#"{"city":"Oslo"}"#);
        assert_eq!(events.last().unwrap()["type"], "message_stop");
        let id = &message["content"][1]["id"];
        let reply = json!({ "messages": [
            { "role": "user", "content": "Weather in Oslo?" },
            { "role": "assistant", "content": [message["content"][1].clone()] },
            { "role": "user", "content": [{ "type": "tool_result", "tool_use_id": id, "content": "sunny" }] },
        ] });
        let done = answer(&reply, &json!({}), false).unwrap();
        assert_eq!(done["stop_reason"], "end_turn");
        assert_eq!(
            done["content"][0]["text"],
            "Based on the tool results: get_weather returned sunny."
        );
    }
}
