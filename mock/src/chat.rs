//! Chat completions that depend on the request: tool calls from the declared
//! tools (streamed whole, or in argument fragments with `tool_stream`), the
//! answer to tool results, `web_search` results, JSON mode following the
//! schema the request carries, and a plain answer quoting the question.

use crate::instance::{instance, names_in};
use crate::text::{content_text, echo, last_text, tokens};
use crate::tools::{Function, plan, report};
use serde_json::{Value, json};

/// The completion for `request`, built on `template` (the operation's default
/// answer: ids, model, reasoning); a plain question gets the example's answer
/// quoting it. `None` for JSON mode without a schema (the spec's example).
pub(crate) fn answer(request: &Value, template: &Value, parallel: bool) -> Option<Value> {
    let messages = &request["messages"];
    let question = last_text(messages, "user");
    let results = tool_results(messages);
    let mut message = json!({ "role": "assistant" });
    let mut response = template.clone();
    let finish;
    if !results.is_empty() {
        message["content"] = report(&results).into();
        message["reasoning_content"] = "The tools answered; I report what they said.".into();
        finish = "stop";
    } else if let Some(tools) = request["tools"]
        .as_array()
        .filter(|_| request["tool_choice"] != "none")
    {
        let functions: Vec<Function> = tools
            .iter()
            .filter(|t| t["type"] == "function")
            .map(|t| Function {
                name: t["function"]["name"].as_str().unwrap_or_default(),
                description: t["function"]["description"].as_str().unwrap_or_default(),
                schema: &t["function"]["parameters"],
            })
            .collect();
        let forced = request["tool_choice"]["function"]["name"].as_str();
        let calls = plan(&functions, &question, forced, parallel);
        let searched = tools.iter().any(|t| t["type"] == "web_search");
        if searched {
            response["web_search"] = web_search(&question);
        }
        if calls.is_empty() && !searched {
            message = plain(template, &question);
            finish = "stop";
        } else if calls.is_empty() {
            message["content"] =
                format!("Here is what the web says about \"{question}\" [ref_1].").into();
            finish = "stop";
        } else {
            let names: Vec<&str> = calls.iter().map(|c| c.name.as_str()).collect();
            message["content"] = "".into();
            message["reasoning_content"] =
                format!("The user asks: {question} I call {}.", names.join(", ")).into();
            let calls: Vec<Value> = calls
                .iter()
                .enumerate()
                .map(|(index, call)| {
                    json!({
                        "id": format!("call_{}", call.id),
                        "type": "function",
                        "index": index,
                        "function": { "name": call.name, "arguments": call.arguments.to_string() },
                    })
                })
                .collect();
            message["tool_calls"] = calls.into();
            finish = "tool_calls";
        }
    } else if json_mode(request) {
        let schema = json_schema(request)?;
        let hints = names_in(&question);
        message["content"] = instance(&schema, &hints).to_string().into();
        finish = "stop";
    } else {
        message = plain(template, &question);
        finish = "stop";
    }
    let prompt: usize = messages
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| tokens(&content_text(&m["content"])))
        .sum();
    let arguments = message["tool_calls"].as_array().into_iter().flatten();
    let completion = [&message["content"], &message["reasoning_content"]]
        .into_iter()
        .chain(arguments.map(|c| &c["function"]["arguments"]))
        .map(|text| tokens(text.as_str().unwrap_or_default()))
        .sum::<usize>();
    response["choices"] = json!([{ "index": 0, "finish_reason": finish, "message": message }]);
    response["usage"] = json!({
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    });
    Some(response)
}

/// The trailing tool results of a conversation, each with the name of the
/// function whose call it answers.
fn tool_results(messages: &Value) -> Vec<(String, String)> {
    let all = messages.as_array().map(Vec::as_slice).unwrap_or_default();
    let trailing = all.iter().rev().take_while(|m| m["role"] == "tool");
    let mut results: Vec<(String, String)> = trailing
        .map(|m| {
            let name = all
                .iter()
                .flat_map(|a| a["tool_calls"].as_array().into_iter().flatten())
                .find(|c| c["id"] == m["tool_call_id"])
                .and_then(|c| c["function"]["name"].as_str())
                .unwrap_or("the tool");
            (name.to_owned(), content_text(&m["content"]))
        })
        .collect();
    results.reverse();
    results
}

/// The example's message (`template`'s first choice) answering `question`: its
/// text opened by a quote of the question.
fn plain(template: &Value, question: &str) -> Value {
    let mut message = template["choices"][0]["message"].clone();
    let text = message["content"].as_str().unwrap_or_default();
    message["content"] = echo(question, text).into();
    message
}

/// Whether the request asks for JSON (`response_format` `json_object` or
/// `json_schema`).
fn json_mode(request: &Value) -> bool {
    matches!(
        request["response_format"]["type"].as_str(),
        Some("json_object" | "json_schema")
    )
}

/// The JSON Schema a JSON-mode request carries: in `response_format`
/// (`json_schema.schema`, `json_schema` or `schema`), else the first JSON object
/// with `properties` in a system message.
fn json_schema(request: &Value) -> Option<Value> {
    let format = &request["response_format"];
    let given = ["/json_schema/schema", "/json_schema", "/schema"]
        .iter()
        .filter_map(|p| format.pointer(p))
        .find(|s| s.is_object() && s.get("schema").is_none());
    if let Some(schema) = given {
        return Some(schema.clone());
    }
    let system = last_text(&request["messages"], "system");
    let start = system.find('{')?;
    let end = system.rfind('}')?;
    serde_json::from_str::<Value>(system.get(start..=end)?)
        .ok()
        .filter(|s| s.get("properties").is_some())
}

/// Two search results about `question`, as a `web_search` tool returns them.
fn web_search(question: &str) -> Value {
    (1..=2)
        .map(|n| {
            json!({
                "title": format!("{question} — result {n}"),
                "content": format!("What page {n} says about: {question}"),
                "link": format!("https://example.com/search/{n}"),
                "media": "example.com",
                "refer": format!("ref_{n}"),
            })
        })
        .collect()
}

/// The events streaming `response`, each shaped like `template` (a chunk of the
/// spec's stream): reasoning, the content in two pieces, each tool call (its
/// arguments in fragments with `fragments`), then the finish with the usage.
pub(crate) fn chunks(response: &Value, template: &Value, fragments: bool) -> Vec<Value> {
    let choice = &response["choices"][0];
    let message = &choice["message"];
    let chunk = |delta: Value| {
        let mut chunk = template.clone();
        chunk["choices"] = json!([{ "index": 0, "delta": delta }]);
        chunk.as_object_mut().map(|c| c.remove("usage"));
        chunk
    };
    let mut out = Vec::new();
    if let Some(reasoning) = message["reasoning_content"].as_str() {
        out.push(chunk(
            json!({ "role": "assistant", "reasoning_content": reasoning }),
        ));
    }
    let content = message["content"].as_str().unwrap_or_default();
    let half = content
        .char_indices()
        .nth(content.chars().count() / 2)
        .map_or(0, |(i, _)| i);
    for piece in [&content[..half], &content[half..]]
        .into_iter()
        .filter(|p| !p.is_empty())
    {
        out.push(chunk(json!({ "role": "assistant", "content": piece })));
    }
    for call in message["tool_calls"].as_array().into_iter().flatten() {
        let arguments = call["function"]["arguments"].as_str().unwrap_or_default();
        if !fragments {
            out.push(chunk(json!({ "role": "assistant", "tool_calls": [call] })));
            continue;
        }
        let mut head = call.clone();
        head["function"]["arguments"] = "".into();
        out.push(chunk(json!({ "role": "assistant", "tool_calls": [head] })));
        for piece in pieces(arguments, 3) {
            let fragment = json!({ "index": call["index"], "function": { "arguments": piece } });
            out.push(chunk(json!({ "tool_calls": [fragment] })));
        }
    }
    let mut last = chunk(json!({ "role": "assistant", "content": "" }));
    last["choices"][0]["finish_reason"] = choice["finish_reason"].clone();
    last["usage"] = response["usage"].clone();
    out.push(last);
    if let (Some(first), Some(search)) = (out.first_mut(), response.get("web_search")) {
        first["web_search"] = search.clone();
    }
    out
}

/// `text` cut into `n` pieces of about equal length (fewer for a short text), on
/// character boundaries.
pub(crate) fn pieces(text: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let size = chars.len().div_ceil(n).max(1);
    chars.chunks(size).map(|c| c.iter().collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template() -> Value {
        json!({ "id": "t1", "model": "glm-4.7", "object": "chat.completion" })
    }

    #[test]
    fn a_declared_tool_is_called_with_arguments_from_its_schema() {
        let request = json!({
            "messages": [{ "role": "user", "content": "What's the weather in Paris?" }],
            "tools": [
                { "type": "function", "function": { "name": "add", "description": "Add numbers",
                  "parameters": { "type": "object", "properties": { "a": { "type": "integer" } } } } },
                { "type": "function", "function": { "name": "get_weather",
                  "parameters": { "type": "object", "required": ["city"],
                                  "properties": { "city": { "type": "string" } } } } },
            ],
        });
        let reply = answer(&request, &template(), false).unwrap();
        let call = &reply["choices"][0]["message"]["tool_calls"][0];
        assert_eq!(call["function"]["name"], "get_weather");
        assert_eq!(call["function"]["arguments"], r#"{"city":"Paris"}"#);
        assert_eq!(reply["choices"][0]["finish_reason"], "tool_calls");
        let events = chunks(&reply, &json!({ "id": "t1" }), true);
        let joined: String = events
            .iter()
            .filter_map(|e| {
                e["choices"][0]["delta"]["tool_calls"][0]["function"]["arguments"].as_str()
            })
            .collect();
        assert_eq!(joined, r#"{"city":"Paris"}"#);
        assert_eq!(
            events.len(),
            1 + 1 + 3 + 1,
            "reasoning, head, 3 fragments, finish"
        );
        let mut none = request.clone();
        none["tool_choice"] = "none".into();
        let plain = answer(&none, &template(), false).unwrap();
        assert!(plain["choices"][0]["message"]["tool_calls"].is_null());
        assert_eq!(plain["choices"][0]["finish_reason"], "stop");
    }

    #[test]
    fn tool_results_and_json_schemas_shape_the_answer() {
        let request = json!({ "messages": [
            { "role": "user", "content": "Weather?" },
            { "role": "assistant", "tool_calls": [{ "id": "c1", "function": { "name": "get_weather" } }] },
            { "role": "tool", "tool_call_id": "c1", "content": "{\"temp\":21}" },
        ] });
        let reply = answer(&request, &template(), false).unwrap();
        assert_eq!(
            reply["choices"][0]["message"]["content"],
            "Based on the tool results: get_weather returned {\"temp\":21}."
        );
        let request = json!({
            "messages": [
                { "role": "system", "content": "Answer as {\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}" },
                { "role": "user", "content": "Count" },
            ],
            "response_format": { "type": "json_object" },
        });
        let reply = answer(&request, &template(), false).unwrap();
        assert_eq!(reply["choices"][0]["message"]["content"], r#"{"n":1}"#);
    }
}
