//! Choosing the answer to one request: errors on demand, validation, then the
//! spec's example the `x-zai-mock` rules name — stored resources, task polls and
//! streams included.

use crate::call::{Call, Reply};
use crate::error::error_body;
use crate::examples::{self, pick};
use crate::knob::Fault;
use crate::spec::{Operation, table};
use crate::store::{self, State};
use crate::{adds, anthropic, batch, chat, inputs, validate};
use bytes::Bytes;
use hyper::StatusCode;
use serde_json::Value;

/// Errors on demand, validation, then the answer: everything but the wire.
/// `path` is the request's (a sequence counts calls per path); `streaming`: the
/// request asked for a stream.
pub(crate) fn process(
    state: &State,
    op: &'static Operation,
    call: &Call,
    path: &str,
    streaming: bool,
) -> Reply {
    if let Some(status) = call
        .knob
        .error
        .and_then(|s| StatusCode::from_u16(s).ok())
        .filter(|s| s.is_client_error() || s.is_server_error())
    {
        return Reply::Json(status, error_body(status.as_u16()));
    }
    if let Err(invalid) = validate::request(op, call) {
        let mut body = error_body(400);
        body["error"]["message"] = Value::String(invalid.message());
        return Reply::Json(StatusCode::BAD_REQUEST, body);
    }
    if op.resource.is_some() {
        // A batch's lines are answered as requests of their own, not streamed.
        let answer = |op, call: &Call, path: &str| process(state, op, call, path, false);
        let finish_batch = |batch| batch::run(state, batch, &answer);
        return store::resource(state, op, call, &finish_batch);
    }
    let Some(adds) = &op.adds else {
        return answer(state, op, call, path, streaming);
    };
    match adds::add(state, op, adds, call) {
        Ok(added) => adds::name(answer(state, op, call, path, streaming), adds, &added),
        Err(reply) => reply,
    }
}

/// The answer from the spec's examples, or computed from the request.
fn answer(
    state: &State,
    op: &'static Operation,
    call: &Call,
    path: &str,
    streaming: bool,
) -> Reply {
    let fields = &call.fields;
    let glued = call.knob.fault == Some(Fault::GluedFrames);
    let (computes, computed) = computed(op, call);
    let omitted: Vec<&String> = op
        .omit_when
        .iter()
        .filter(|(pointer, v, _)| fields.pointer(pointer) == Some(v))
        .flat_map(|(.., names)| names)
        .collect();
    let omit = |value: &mut Value| strip(value, &omitted);
    // Chunks `omit-when` left saying nothing but their role go.
    let keep = |chunk: &Value| omitted.is_empty() || !emptied(chunk);
    if let Some(mut value) = computed.filter(|_| !glued) {
        if let Some(stream) = op.stream.as_ref().filter(|_| streaming) {
            let template = stream.examples[0]
                .1
                .first()
                .map(|c| serde_json::from_str(c));
            let template = template.and_then(Result::ok).unwrap_or_default();
            let chunks = match stream.event_field {
                Some(_) => anthropic::events(&value),
                None => chat::chunks(&value, &template, fields["tool_stream"] == true),
            };
            let chunks = chunks
                .into_iter()
                .map(|mut c| {
                    omit(&mut c);
                    c
                })
                .filter(keep)
                .collect();
            return Reply::Events {
                stream,
                chunks,
                glued,
            };
        }
        omit(&mut value);
        return Reply::Json(StatusCode::OK, value);
    }
    let mut name = op
        .when_equal
        .iter()
        .find(|(pointer, value, _)| fields.pointer(pointer) == Some(value))
        .map(|(.., name)| name.clone());
    // An answer computed from the request supersedes `when-present` (a tool call
    // example), also when it found nothing to compute (no function declared).
    if name.is_none() && !computes {
        name = op
            .when_present
            .iter()
            .find(|(field, _)| present(&fields[field.as_str()]))
            .map(|(_, name)| name.clone());
    }
    let mut task = None;
    if name.is_none() && !op.sequence.is_empty() {
        let (n, creator) = state.poll(path, call.params.first());
        task = creator
            .as_ref()
            .map(|c| (call.params[0].clone(), c.clone()));
        let last = op.sequence.len() - 1;
        name = Some(op.sequence[n.min(last)].clone());
        if n >= last
            && let Some((_, result)) = creator
                .as_ref()
                .and_then(|c| op.results.iter().find(|(op, _)| op == c))
        {
            name = Some(result.clone());
        }
    }
    let name = name.as_deref();
    if let Some(stream) = op.stream.as_ref().filter(|_| streaming) {
        let name = if glued { None } else { name };
        let chunks = pick(&stream.examples, name)
            .iter()
            .filter_map(|c| {
                let mut chunk: Value = serde_json::from_str(c).ok()?;
                omit(&mut chunk);
                Some(chunk)
            })
            .filter(keep)
            .collect();
        return Reply::Events {
            stream,
            chunks,
            glued,
        };
    }
    if op.content_type != "application/json" {
        let text = pick(&op.examples, name);
        return Reply::Bytes(op.content_type.clone(), Bytes::from(text.clone()));
    }
    let mut value = examples::json(op, name);
    omit(&mut value);
    if let Some((_, pointer)) = &op.creates_task {
        let id = state.create_task(&op.id, value.pointer(pointer).and_then(Value::as_str));
        set_pointer(&mut value, pointer, Value::String(id));
    }
    if let Some((id, creator)) = task {
        // A finished task names itself where its creation answer did.
        if let Some((_, pointer)) = table()
            .operations
            .iter()
            .find(|o| o.id == creator)
            .and_then(|o| o.creates_task.as_ref())
        {
            set_pointer(&mut value, pointer, Value::String(id));
        }
    }
    Reply::Json(StatusCode::OK, value)
}

/// Whether `op`'s answer is computed from the request (by the shape of its
/// answer: chat completions, Anthropic messages, embeddings, rerank, token
/// counts), and the answer when the request calls for one.
fn computed(op: &Operation, call: &Call) -> (bool, Option<Value>) {
    let (fields, parallel) = (&call.fields, call.knob.parallel);
    let template = || examples::json(op, None);
    match op.response_schema.as_deref() {
        Some("ChatCompletionResponse") => (true, chat::answer(fields, &template(), parallel)),
        Some("AnthropicMessage") => (true, anthropic::answer(fields, &template(), parallel)),
        Some("EmbeddingResponse") => (true, Some(inputs::embeddings(fields, &template()))),
        Some("RerankResponse") => (true, Some(inputs::rerank(fields, &template()))),
        Some("TokenizerResponse") => (true, Some(inputs::tokenize(fields, &template()))),
        _ => (false, None),
    }
}

/// Whether a request field counts as given: not `null` nor empty.
fn present(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// Removes every field named in `names`, at any depth.
fn strip(value: &mut Value, names: &[&String]) {
    match value {
        Value::Object(map) => {
            map.retain(|k, _| !names.contains(&k));
            map.values_mut().for_each(|v| strip(v, names));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| strip(v, names)),
        _ => {}
    }
}

/// A chunk whose every choice's delta says nothing but its role (after
/// `omit-when` took the rest away) and that finishes nothing.
fn emptied(chunk: &Value) -> bool {
    chunk["choices"].as_array().is_some_and(|choices| {
        !choices.is_empty()
            && choices.iter().all(|c| {
                c["finish_reason"].is_null()
                    && c["delta"]
                        .as_object()
                        .is_some_and(|d| d.keys().all(|k| k == "role"))
            })
    }) && chunk.get("usage").is_none()
}

/// Sets the value at a JSON pointer, creating objects on the way.
fn set_pointer(target: &mut Value, pointer: &str, value: Value) {
    let mut at = target;
    for key in pointer.split('/').skip(1) {
        if !at.is_object() {
            *at = Value::Object(Default::default());
        }
        at = at
            .as_object_mut()
            .expect("made an object above")
            .entry(key.replace("~1", "/").replace("~0", "~"))
            .or_insert(Value::Null);
    }
    *at = value;
}
