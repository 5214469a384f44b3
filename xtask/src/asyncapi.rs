//! AsyncAPI 3.0 documents (the realtime contract) as drift operations: one per
//! message an operation sends or receives, keyed `SEND|RECEIVE <address>#<event>`
//! where the address is the channel's (behind the first server's `pathname`,
//! normalized like an OpenAPI path) and the event is the payload's `type`
//! (`const` or one-value `enum`, through `allOf`), else the message's name. Its
//! payload is flattened under `payload.` as an OpenAPI body is under `request.`;
//! `x-zai-upstream` notes sit on the message or its payload schemas. Operation and
//! message names need not match between the documents.

use super::{Operation, Walker, normalize};
use serde_json::Value;

/// Every message of every AsyncAPI operation of `doc`.
pub(super) fn operations(doc: &Value) -> Vec<Operation> {
    let servers = doc["servers"].as_object().into_iter().flatten();
    let first = servers.map(|(_, s)| s).next();
    let prefix = first.and_then(|s| s["pathname"].as_str()).unwrap_or("");
    let prefix = prefix.trim_end_matches('/');
    let mut out: Vec<Operation> = Vec::new();
    for (name, op) in doc["operations"].as_object().into_iter().flatten() {
        let reader = Walker::new(doc);
        let action = op["action"].as_str().unwrap_or("send").to_ascii_uppercase();
        let (channel, _) = reader.resolve(&op["channel"], "");
        let address = channel["address"].as_str().unwrap_or(name);
        let messages = op["messages"].as_array().into_iter().flatten();
        for (i, message) in messages.enumerate() {
            let (message, at) =
                reader.resolve(message, &format!("/operations/{name}/messages/{i}"));
            let event = event_type(&reader, &message["payload"])
                .unwrap_or_else(|| at.rsplit('/').next().unwrap_or_default().to_owned());
            let address = format!("{prefix}/{}", address.trim_start_matches('/'));
            let key = (action.clone(), format!("{}#{event}", normalize(&address)));
            if out.iter().any(|o| o.key == key) {
                continue;
            }
            let mut walker = Walker::new(doc);
            walker.note("", &message["x-zai-upstream"]);
            walker.schema(&message["payload"], "payload", &format!("{at}/payload"), 0);
            out.push(Operation {
                label: format!("{action} {address}#{event}"),
                key,
                pointer: at,
                fields: walker.fields,
                notes: walker.notes,
            });
        }
    }
    out
}

/// The payload's `type` value: a `const` or one-value `enum`, in the schema or
/// one of its `allOf` members.
fn event_type(walker: &Walker, payload: &Value) -> Option<String> {
    let (payload, _) = walker.resolve(payload, "");
    let ty = &payload["properties"]["type"];
    let one = ty.get("const").or_else(|| {
        let values = ty["enum"].as_array().filter(|v| v.len() == 1)?;
        values.first()
    });
    if let Some(value) = one.and_then(Value::as_str) {
        return Some(value.to_owned());
    }
    let members = payload["allOf"].as_array().into_iter().flatten();
    members.filter_map(|m| event_type(walker, m)).next()
}
