//! Operations that add to a collection as they answer (`x-zai-mock.creates`): a
//! document upload stores a document per file or URL, an assistant turn starts a
//! conversation; the answer names the new ids.

use crate::call::{Call, Reply};
use crate::spec::{Adds, Operation};
use crate::store::{self, State, fill};
use serde_json::Value;

/// The items `op` adds for `call`, each id with the entry it came from: one per
/// uploaded file or item of `adds.each`, else one for the request. A request
/// sending the id's field continues the item it names (`404` if unknown).
pub(crate) fn add(
    state: &State,
    op: &Operation,
    adds: &Adds,
    call: &Call,
) -> Result<Vec<(String, Value)>, Reply> {
    let field = adds.id.rsplit('/').next().unwrap_or_default();
    if let Some(id) = call.fields[field].as_str() {
        return match state.has(&adds.collection, id) {
            true => Ok(vec![(id.to_owned(), call.fields.clone())]),
            false => Err(store::not_found(id)),
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
    Ok(state.add_all(&adds.collection, entries, owner(op, call)))
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

/// The owner `op`'s `x-zai-mock.owner` names: its path parameter of that name,
/// else the body field.
fn owner(op: &Operation, call: &Call) -> Option<String> {
    let name = op.owner.as_deref()?;
    let mut path = op.parameters.iter().filter(|(_, at, ..)| at == "path");
    match path.position(|(n, ..)| n == name) {
        Some(at) => call.params.get(at).cloned(),
        None => call.fields[name].as_str().map(str::to_owned),
    }
}
