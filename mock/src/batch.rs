//! Running a batch to its end: every line of its input file answered by the
//! answering function it is given, the results stored as its output and error
//! files.

use crate::call::{Call, Reply};
use crate::error::error_body;
use crate::examples;
use crate::knob::Knob;
use crate::route::route;
use crate::spec::{Operation, Resource, table};
use crate::store::State;
use bytes::Bytes;
use hyper::StatusCode;
use serde_json::{Value, json};
use std::collections::HashMap;

/// Answers one request to an operation (the request path last), as the server
/// would without streaming.
pub(crate) type Answer<'a> = dyn Fn(&'static Operation, &Call, &str) -> Reply + 'a;

/// A batch reaching its end: every line of its input file (`input_file_id`,
/// `{"custom_id", "method", "url", "body"}`) answered by `answer`, the successes
/// stored as its output file, the failures as its error file.
pub(crate) fn run(state: &State, mut batch: Value, answer: &Answer) -> Value {
    // The collection uploads go to: the multipart operation that creates items.
    let files = table().operations.iter().find_map(|op| match &op.resource {
        Some(Resource::Create(collection)) if op.multipart => Some((op, collection)),
        _ => None,
    });
    let input = batch["input_file_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let text = files
        .and_then(|(_, collection)| state.bytes(collection, &input))
        .unwrap_or_default();
    let (mut output, mut errors) = (String::new(), String::new());
    let (mut completed, mut failed) = (0, 0);
    // Routing costs more than answering: once per method and URL of the batch.
    let mut routes = Routes::new();
    for line in String::from_utf8_lossy(&text)
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let request: Value = serde_json::from_str(line).unwrap_or_default();
        let (status, body) = answer_line(&request, &mut routes, answer);
        let record = json!({
            "custom_id": request["custom_id"],
            "response": { "status_code": status.as_u16(), "body": body },
        });
        if status.is_success() {
            completed += 1;
            output.push_str(&format!("{record}\n"));
        } else {
            failed += 1;
            errors.push_str(&format!("{record}\n"));
        }
    }
    batch["request_counts"] =
        json!({ "total": completed + failed, "completed": completed, "failed": failed });
    let Some((files, collection)) = files else {
        return batch;
    };
    let purpose = state.field(collection, &input, "purpose");
    let batch_id = batch["id"].as_str().unwrap_or_default().to_owned();
    for (field, text, kind) in [
        ("output_file_id", output, "output"),
        ("error_file_id", errors, "error"),
    ] {
        if text.is_empty() {
            batch[field] = Value::Null;
            continue;
        }
        let mut object = examples::json(files, None);
        if object.get("filename").is_some() {
            object["filename"] = Value::String(format!("{batch_id}_{kind}.jsonl"));
        }
        if let Some(purpose) = purpose.clone().filter(|_| object.get("purpose").is_some()) {
            object["purpose"] = purpose;
        }
        let stored = state.add(collection, object, Some(Bytes::from(text)));
        batch[field] = stored["id"].clone();
    }
    batch
}

/// Where each `(method, url)` of a batch's lines goes: its operation and path
/// parameters, `None` when nothing serves it.
type Routes = HashMap<(String, String), Option<(&'static Operation, Vec<String>)>>;

/// One batch line answered like a request to its `url` (`/v4/chat/completions`
/// is the `paas/v4` operation `/chat/completions`).
fn answer_line(request: &Value, routes: &mut Routes, answer: &Answer) -> (StatusCode, Value) {
    let url = request["url"].as_str().unwrap_or_default();
    let method = request["method"].as_str().unwrap_or("POST");
    let routed = routes
        .entry((method.to_owned(), url.to_owned()))
        .or_insert_with(|| {
            let candidates = [url.to_owned(), format!("/api/paas{url}")];
            let (op, _, params) = candidates.iter().find_map(|u| route(method, u).ok())?;
            Some((op, params))
        });
    let Some((op, params)) = routed.clone() else {
        return (StatusCode::NOT_FOUND, error_body(404));
    };
    let call = Call {
        params,
        query: Vec::new(),
        fields: request["body"].clone(),
        files: Vec::new(),
        // A line's `model` may ask for an error (`error-400`), as a request's does.
        knob: Knob::read(None, request["body"]["model"].as_str()).unwrap_or_default(),
    };
    match answer(op, &call, url) {
        Reply::Json(status, body) => (status, body),
        _ => (StatusCode::BAD_REQUEST, error_body(400)),
    }
}
