//! The events of one realtime response: a spoken answer (transcript and tone), a
//! text answer, or a call of a declared function, with usage; and the faults that
//! bend them.

use super::audio::{CHUNK_MS, tone_chunk};
use super::{Fault, Ids};
use base64::Engine as _;
use serde_json::{Map, Value, json};

/// What the mock says when it answers (the spoken answer's transcript, or the text).
pub(crate) const ANSWER: &str = "Hello! How can I help you today?";
/// What it says after a function call's result came back.
pub(crate) const AFTER_CALL: &str = "Thanks, I have the result.";
/// The spoken answer's length, in 100 ms chunks.
const AUDIO_CHUNKS: u32 = 5;

/// One step of a response on the wire.
#[derive(Debug)]
pub(crate) enum Frame {
    /// A server event (its `event_id` is set when it is sent).
    Event(Value),
    /// Fault `drop-mid-response`: the connection ends here, without a close frame.
    Drop,
}

/// What the model does in a response.
pub(crate) enum Answer<'a> {
    /// Speaks (`audio` modality) this text.
    Audio(&'a str),
    /// Writes (`text` modality only) this text.
    Text(&'a str),
    /// Calls a declared function (the session's first tool).
    Call(&'a Value),
}

/// A response about to be streamed: its id, its frames, and the output item it
/// adds to the conversation.
pub(crate) struct Plan {
    /// `resp_<n>`.
    pub(crate) id: String,
    /// The frames after `response.created`, in order.
    pub(crate) frames: Vec<Frame>,
    /// The finished output item (kept in the conversation).
    pub(crate) item: Value,
}

/// The response object of `response.*` events.
pub(crate) fn response_object(id: &str, status: &str) -> Value {
    json!({"id": id, "object": "realtime.response", "status": status})
}

/// Plans a response: `response.created` is the caller's to send; `input_tokens` is
/// the conversation's size in tokens, for the usage; `timestamp` the
/// `client_timestamp` of the `response.create` (echoed on deltas).
pub(crate) fn plan(
    ids: &mut Ids,
    answer: Answer<'_>,
    fault: Option<Fault>,
    input_tokens: u64,
    timestamp: Option<&Value>,
) -> Plan {
    let id = ids.next("resp");
    let item_id = ids.next("item");
    let stamped = |mut event: Value| {
        if let Some(ts) = timestamp {
            event["client_timestamp"] = ts.clone();
        }
        event
    };
    let part = |kind: &str| json!({"type": kind, "response_id": id, "item_id": item_id, "output_index": 0, "content_index": 0});
    let with = |mut event: Value, key: &str, value: Value| {
        event[key] = value;
        event
    };
    let (mut events, item, output_tokens) = match answer {
        Answer::Audio(text) | Answer::Text(text) => {
            let spoken = matches!(answer, Answer::Audio(_));
            let words: Vec<String> = text.split_inclusive(' ').map(str::to_owned).collect();
            let mut events = vec![started_item(&item_id, "message")];
            if spoken {
                // Transcript and audio deltas interleave, as the service's do.
                for n in 0..words.len().max(AUDIO_CHUNKS as usize) {
                    if let Some(word) = words.get(n) {
                        let delta = part("response.audio_transcript.delta");
                        events.push(stamped(with(delta, "delta", json!(word))));
                    }
                    if n < AUDIO_CHUNKS as usize {
                        let pcm =
                            base64::engine::general_purpose::STANDARD.encode(tone_chunk(n as u32));
                        let delta = part("response.audio.delta");
                        events.push(stamped(with(delta, "delta", json!(pcm))));
                    }
                }
                let done = part("response.audio_transcript.done");
                events.push(with(done, "transcript", json!(text)));
                events.push(part("response.audio.done"));
            } else {
                for word in &words {
                    let delta = part("response.text.delta");
                    events.push(stamped(with(delta, "delta", json!(word))));
                }
                events.push(with(part("response.text.done"), "text", json!(text)));
            }
            let content = if spoken {
                json!({"type": "audio", "transcript": text})
            } else {
                json!({"type": "text", "text": text})
            };
            let mut item = finished_item(&item_id, "message");
            item["role"] = json!("assistant");
            item["content"] = json!([content]);
            let audio_tokens = if spoken {
                u64::from(AUDIO_CHUNKS * CHUNK_MS / 40)
            } else {
                0
            };
            (events, item, (words.len() as u64, audio_tokens))
        }
        Answer::Call(tool) => {
            let name = tool["name"].as_str().unwrap_or_default();
            let arguments = sample_object(&tool["parameters"]).to_string();
            let call_id = ids.next("call");
            let mut started = started_item(&item_id, "function_call");
            started["item"]["name"] = json!(name);
            started["item"]["call_id"] = json!(call_id);
            let done = json!({"type": "response.function_call_arguments.done", "response_id": id,
                "item_id": item_id, "output_index": 0, "call_id": call_id, "name": name, "arguments": arguments});
            let mut item = finished_item(&item_id, "function_call");
            item["name"] = json!(name);
            item["call_id"] = json!(call_id);
            item["arguments"] = json!(arguments);
            (
                vec![started, stamped(done)],
                item,
                (arguments.len() as u64 / 4 + 1, 0),
            )
        }
    };
    let usage = usage(input_tokens, output_tokens);
    let mut done = response_object(&id, "completed");
    done["output"] = json!([item]);
    done["usage"] = usage;
    events.push(json!({"type": "response.done", "response": done}));
    let frames = match fault {
        Some(Fault::ServerError) => failed(&id),
        Some(Fault::DropMidResponse) => {
            let mut frames: Vec<Frame> = events.into_iter().map(Frame::Event).collect();
            frames.insert(frames.len() / 2, Frame::Drop);
            frames
        }
        Some(Fault::SlowFrames) | None => events.into_iter().map(Frame::Event).collect(),
    };
    Plan { id, frames, item }
}

/// Fault `server-error`: an `error` event, then `response.done` with status `failed`.
fn failed(id: &str) -> Vec<Frame> {
    let error = json!({"type": "server_error", "code": "internal_error",
        "message": "The model failed to answer (mock fault server-error)."});
    let mut response = response_object(id, "failed");
    response["status_details"] = json!({"type": "failed", "error": error});
    vec![
        Frame::Event(json!({"type": "error", "error": error})),
        Frame::Event(json!({"type": "response.done", "response": response})),
    ]
}

/// `conversation.item.created` for the output item as it starts.
fn started_item(id: &str, kind: &str) -> Value {
    let mut item = finished_item(id, kind);
    item["status"] = json!("in_progress");
    if kind == "message" {
        item["role"] = json!("assistant");
        item["content"] = json!([]);
    }
    json!({"type": "conversation.item.created", "item": item})
}

fn finished_item(id: &str, kind: &str) -> Value {
    json!({"id": id, "object": "realtime.item", "type": kind, "status": "completed"})
}

/// The usage of a response: input tokens as given, output text and audio tokens.
fn usage(input: u64, (text, audio): (u64, u64)) -> Value {
    json!({
        "total_tokens": input + text + audio,
        "input_tokens": input,
        "output_tokens": text + audio,
        "input_token_details": {"cached_tokens": 0, "text_tokens": input, "audio_tokens": 0},
        "output_token_details": {"text_tokens": text, "audio_tokens": audio},
    })
}

/// Arguments that satisfy a tool's `parameters` schema: each required property
/// (every property when none is required), from its `default`, `example`, first
/// `enum` value, or a value of its type.
pub(crate) fn sample_object(schema: &Value) -> Value {
    let properties = schema["properties"].as_object();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let names: Vec<&str> = if required.is_empty() {
        properties
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default()
    } else {
        required
    };
    let object: Map<String, Value> = names
        .into_iter()
        .map(|name| {
            let property = properties.and_then(|p| p.get(name)).unwrap_or(&Value::Null);
            (name.to_owned(), sample(property))
        })
        .collect();
    Value::Object(object)
}

fn sample(schema: &Value) -> Value {
    if let Some(value) = schema.get("default").or_else(|| schema.get("example")) {
        return value.clone();
    }
    if let Some(first) = schema["enum"].get(0) {
        return first.clone();
    }
    match schema["type"].as_str() {
        Some("integer") | Some("number") => json!(1),
        Some("boolean") => json!(true),
        Some("array") => json!([sample(&schema["items"])]),
        Some("object") => sample_object(schema),
        Some("null") => Value::Null,
        _ => json!("mock"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_follow_the_declared_schema() {
        let schema = json!({"type": "object", "required": ["city", "days", "unit"], "properties": {
            "city": {"type": "string"}, "days": {"type": "integer"},
            "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
            "lang": {"type": "string", "default": "en"}}});
        assert_eq!(
            sample_object(&schema),
            json!({"city": "mock", "days": 1, "unit": "celsius"})
        );
        let all = json!({"properties": {"tags": {"type": "array", "items": {"type": "boolean"}},
            "where": {"type": "object", "properties": {"lat": {"type": "number", "example": 39.9}}}}});
        assert_eq!(
            sample_object(&all),
            json!({"tags": [true], "where": {"lat": 39.9}})
        );
        assert_eq!(sample_object(&Value::Null), json!({}));
    }

    fn types(plan: &Plan) -> Vec<String> {
        plan.frames
            .iter()
            .map(|f| match f {
                Frame::Event(e) => e["type"].as_str().unwrap_or_default().to_owned(),
                Frame::Drop => "DROP".to_owned(),
            })
            .collect()
    }

    #[test]
    fn a_text_answer_streams_its_words_then_done_events_with_usage() {
        let plan = plan(&mut Ids::default(), Answer::Text("a b"), None, 7, None);
        assert_eq!(
            types(&plan),
            [
                "conversation.item.created",
                "response.text.delta",
                "response.text.delta",
                "response.text.done",
                "response.done"
            ]
        );
        let Some(Frame::Event(done)) = plan.frames.last() else {
            panic!("no done")
        };
        assert_eq!(done["response"]["usage"]["total_tokens"], 9);
        assert_eq!(
            done["response"]["output"][0]["content"],
            json!([{"type": "text", "text": "a b"}])
        );
        assert_eq!(plan.item["role"], "assistant");
    }

    #[test]
    fn faults_fail_or_cut_the_response() {
        let failed = plan(
            &mut Ids::default(),
            Answer::Text("x"),
            Some(Fault::ServerError),
            1,
            None,
        );
        assert_eq!(types(&failed), ["error", "response.done"]);
        let cut = plan(
            &mut Ids::default(),
            Answer::Audio(ANSWER),
            Some(Fault::DropMidResponse),
            1,
            None,
        );
        let kinds = types(&cut);
        let at = kinds.iter().position(|k| k == "DROP");
        assert_eq!(at, Some(kinds.len() / 2));
    }
}
