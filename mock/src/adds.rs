//! Operations that add to a collection as they answer (`x-zai-mock.creates`): a
//! document upload stores a document per file or URL, an assistant turn starts a
//! conversation; the answer names the new ids. And those reporting on several
//! items at once (`x-zai-mock.reads`: application files' parsing states).

use crate::call::{Call, Reply};
use crate::examples;
use crate::fill::fill;
use crate::spec::{Adds, Operation};
use crate::store::{self, State};
use serde_json::Value;

/// The items `op` adds for `call`, each id with the entry it came from: one per
/// uploaded file or item of `adds.each`, else one for the request. A request
/// sending the id's field continues the item it names (`404` if unknown or of
/// another owner). With `adds.reads`, the items reported on instead.
pub(crate) fn add(
    state: &State,
    op: &Operation,
    adds: &Adds,
    call: &Call,
) -> Result<Vec<(String, Value)>, Reply> {
    let owner = call.owner(op);
    if let Some(unknown) = &adds.reads {
        return Ok(report(state, op, adds, unknown, call, owner.as_deref()));
    }
    let field = adds.id.rsplit('/').next().unwrap_or_default();
    if let Some(id) = call.fields[field].as_str() {
        return match state.visit(&adds.collection, id, owner.as_deref()) {
            Some(_) => Ok(vec![(id.to_owned(), call.fields.clone())]),
            None => Err(store::not_found(id)),
        };
    }
    let entries: Vec<Value> = match &adds.each {
        Some(each) => call.fields[each]
            .as_array()
            .into_iter()
            .flatten()
            .map(named)
            .collect(),
        None if !call.files.is_empty() => call
            .files
            .iter()
            .map(|file| {
                let mut entry = call.fields.clone();
                entry["name"] = file.filename.clone().into();
                entry["filename"] = file.filename.clone().into();
                entry
            })
            .collect(),
        None => vec![call.fields.clone()],
    };
    Ok(state.add_all(&adds.collection, entries, owner))
}

/// Each id body field `adds.each` lists, with its report: the element of the
/// `op.sequence` step its visits so far reach, or of example `unknown`.
fn report(
    state: &State,
    op: &Operation,
    adds: &Adds,
    unknown: &str,
    call: &Call,
    owner: Option<&str>,
) -> Vec<(String, Value)> {
    let list = adds.id.split_once("/0/").map_or("", |(list, _)| list);
    let element = |name: Option<&str>| {
        let example = examples::json(op, name);
        example
            .pointer(&format!("{list}/0"))
            .cloned()
            .unwrap_or_default()
    };
    let ids = adds.each.as_deref().map(|each| &call.fields[each]);
    let ids = ids.and_then(Value::as_array).into_iter().flatten();
    ids.filter_map(Value::as_str)
        .map(|id| {
            let last = op.sequence.len().saturating_sub(1);
            let name = match state.visit(&adds.collection, id, owner) {
                Some(n) => op.sequence.get(n.min(last)).map(String::as_str),
                None => Some(unknown),
            };
            (id.to_owned(), element(name))
        })
        .collect()
}

/// `reply` naming the `added` ids where `adds.id` points, in the answer or in
/// every streamed chunk.
pub(crate) fn name(reply: Reply, adds: &Adds, added: &[(String, Value)]) -> Reply {
    match reply {
        Reply::Json(status, mut value) if status.is_success() => {
            put(&mut value, &adds.id, added);
            Reply::Json(status, value)
        }
        Reply::Events {
            stream,
            mut chunks,
            glued,
        } => {
            chunks.iter_mut().for_each(|c| put(c, &adds.id, added));
            Reply::Events {
                stream,
                chunks,
                glued,
            }
        }
        other => other,
    }
}

/// Sets the ids at `pointer`; through a list (`/data/successInfos/0/documentId`),
/// one element per item, shaped like the first, with its entry's values; the
/// lists beside it (`failedInfos`) emptied: nothing was refused.
fn put(value: &mut Value, pointer: &str, added: &[(String, Value)]) {
    let Some((list, field)) = pointer.split_once("/0/") else {
        if let (Some(at), Some((id, _))) = (value.pointer_mut(pointer), added.first()) {
            *at = id.clone().into();
        }
        return;
    };
    let Some(template) = value.pointer(&format!("{list}/0")).cloned() else {
        return;
    };
    let items = added.iter().map(|(id, entry)| {
        let mut item = template.clone();
        fill(&mut item, entry);
        item[field] = id.clone().into();
        item
    });
    let items = Value::Array(items.collect());
    let parent = &list[..list.rfind('/').unwrap_or(0)];
    if let Some(Value::Object(beside)) = value.pointer_mut(parent) {
        beside
            .values_mut()
            .filter(|v| v.is_array())
            .for_each(|v| *v = Value::Array(Vec::new()));
    }
    if let Some(at) = value.pointer_mut(list) {
        *at = items;
    }
}

/// An entry read from a URL, named after the URL's last segment unless named.
fn named(entry: &Value) -> Value {
    let mut entry = entry.clone();
    if let Some(url) = entry["url"]
        .as_str()
        .filter(|_| entry.get("name").is_none())
    {
        let last = url.trim_end_matches('/').rsplit('/').next().unwrap_or(url);
        entry["name"] = last.to_owned().into();
    }
    entry
}
