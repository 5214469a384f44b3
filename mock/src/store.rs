//! What one server remembers: task ids and their polls, and stored resources
//! (every collection of the spec — a path `P` created by `POST P` with item
//! operations at `P/{id}...`: files, batches), with the generic rules that serve
//! them.

use crate::call::{Call, Reply};
use crate::error::error_body;
use crate::examples;
use crate::fill::fill;
use crate::spec::{Operation, Resource, table};
use bytes::Bytes;
use hyper::StatusCode;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

/// What one server remembers between requests.
#[derive(Debug)]
pub(crate) struct State {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// Ids handed out so far (they end in this counter, so they are unique).
    issued: u64,
    /// Calls so far per request path, for `x-zai-mock.sequence`.
    polls: HashMap<String, usize>,
    /// Task id → the operationId that created it.
    tasks: HashMap<String, String>,
    /// Stored resources, oldest first.
    items: Vec<Item>,
}

#[derive(Debug)]
struct Item {
    collection: String,
    id: String,
    object: Value,
    /// An uploaded file's bytes.
    bytes: Option<Bytes>,
    /// Retrievals so far, for the retrieve operation's `x-zai-mock.sequence`.
    polls: usize,
    /// Changed by an action (`cancel`): no longer progresses but through
    /// `after_action`.
    frozen: bool,
    /// The rest of the action's `x-zai-mock.sequence`, laid over the item one per
    /// later retrieval.
    after_action: std::collections::VecDeque<Value>,
    /// Its batch is being answered: retrievals meanwhile see it as it was.
    finishing: bool,
    /// What owns it (a document's knowledge base), when its creator said.
    owner: Option<String>,
}

impl Item {
    fn new(collection: &str, id: String, object: Value, bytes: Option<Bytes>) -> Item {
        Item {
            collection: collection.to_owned(),
            id,
            object,
            bytes,
            polls: 0,
            frozen: false,
            after_action: Default::default(),
            finishing: false,
            owner: None,
        }
    }
}

impl State {
    /// A server's state, its collections holding their [`seeds`].
    pub(crate) fn new() -> State {
        let mut items = Vec::new();
        for (collection, object) in seeds() {
            let id = object["id"].as_str().unwrap_or_default().to_owned();
            let mut item = Item::new(collection, id, object.clone(), None);
            // Listed as its retrieval's last step shows it: done.
            if let Some((retrieve, field)) = retrieval(collection)
                && let Some(last) = retrieve.sequence.last()
                && object[field] == step(retrieve, last)[field]
            {
                item.polls = retrieve.sequence.len();
            }
            items.push(item);
        }
        State {
            inner: Mutex::new(Inner {
                items,
                ..Inner::default()
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts a call of a sequence operation: the calls so far for this task (the
    /// path parameter, when it names a task) or path, and the task's creator.
    pub(crate) fn poll(&self, path: &str, param: Option<&String>) -> (usize, Option<String>) {
        let mut inner = self.lock();
        let creator = param.and_then(|p| inner.tasks.get(p).cloned());
        let key = match (&creator, param) {
            (Some(_), Some(task)) => format!("task:{task}"),
            _ => path.to_owned(),
        };
        let n = inner.polls.entry(key).or_default();
        let seen = *n;
        *n += 1;
        (seen, creator)
    }

    /// The bytes stored with item `id` of `collection` (empty for an item without
    /// any), `None` when there is no such item.
    pub(crate) fn bytes(&self, collection: &str, id: &str) -> Option<Bytes> {
        let mut inner = self.lock();
        Some(
            inner
                .find(collection, id, None)?
                .bytes
                .clone()
                .unwrap_or_default(),
        )
    }

    /// Field `name` of item `id` of `collection` (`null` when it lacks it), `None`
    /// when there is no such item.
    pub(crate) fn field(&self, collection: &str, id: &str, name: &str) -> Option<Value> {
        let mut inner = self.lock();
        Some(inner.find(collection, id, None)?.object[name].clone())
    }

    /// Stores `object` (and `bytes`) in `collection` under a fresh id; the object
    /// as stored.
    pub(crate) fn add(&self, collection: &str, object: Value, bytes: Option<Bytes>) -> Value {
        self.lock().store(collection, object, bytes)
    }

    /// Stores one item of `collection` per entry (a request or part of one),
    /// each shaped like the collection's listed items with the entry's values,
    /// owned by `owner`; the new ids, each with its entry.
    pub(crate) fn add_all(
        &self,
        collection: &str,
        entries: Vec<Value>,
        owner: Option<String>,
    ) -> Vec<(String, Value)> {
        let mut inner = self.lock();
        let mut added = Vec::new();
        for entry in entries {
            let mut object = shape(collection).unwrap_or_default();
            fill(&mut object, &entry);
            let id = inner.store(collection, object, None)["id"]
                .as_str()
                .map(str::to_owned);
            if let Some(item) = id.as_ref().and_then(|id| inner.find(collection, id, None)) {
                item.owner = owner.clone();
            }
            added.extend(id.map(|id| (id, entry)));
        }
        added
    }

    /// Counts a visit to item `id` of `collection` (of `owner`, if given): the
    /// visits before it, `None` when there is no such item.
    pub(crate) fn visit(&self, collection: &str, id: &str, owner: Option<&str>) -> Option<usize> {
        let mut inner = self.lock();
        let item = inner.find(collection, id, owner)?;
        item.polls = item.polls.saturating_add(1);
        Some(item.polls - 1)
    }

    /// A new task of operation `creator`, its id shaped like `example`.
    pub(crate) fn create_task(&self, creator: &str, example: Option<&str>) -> String {
        let mut inner = self.lock();
        let id = inner.fresh_id(example.unwrap_or("task"));
        inner.tasks.insert(id.clone(), creator.to_owned());
        id
    }
}

impl Inner {
    /// An id shaped like `example` (`file-20260313-7f3a9c`, `batch_1791…`): its
    /// last `-`/`_`-separated part replaced by a counter, same length, digits or hex.
    fn fresh_id(&mut self, example: &str) -> String {
        self.issued += 1;
        let n = self.issued + now() * 1000;
        let (head, tail) = match example.rfind(['-', '_']) {
            Some(at) => example.split_at(at + 1),
            None => ("", example),
        };
        let width = tail.len().max(6);
        let tail = if !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) {
            format!("{n:0width$}")
        } else {
            format!("{n:0width$x}")
        };
        format!("{head}{}", &tail[tail.len() - width..])
    }

    /// Item `id` of `collection`; when `owner` is given, unless another owns it.
    fn find(&mut self, collection: &str, id: &str, owner: Option<&str>) -> Option<&mut Item> {
        let owned =
            |i: &Item| owner.is_none() || i.owner.as_deref().is_none_or(|o| Some(o) == owner);
        self.items
            .iter_mut()
            .find(|i| i.collection == collection && i.id == id && owned(i))
    }

    fn store(&mut self, collection: &str, mut object: Value, bytes: Option<Bytes>) -> Value {
        let id = self.fresh_id(object["id"].as_str().unwrap_or("item"));
        object["id"] = Value::String(id.clone());
        for stamp in ["created_at", "create_time", "update_time"] {
            if object.get(stamp).is_some() {
                object[stamp] = now().into();
            }
        }
        // A new item starts at its retrieval's first step (a document: embedding).
        if let Some((retrieve, field)) = retrieval(collection)
            && let Some(first) = retrieve.sequence.first()
        {
            object[field] = step(retrieve, first)[field].clone();
        }
        if let Some(bytes) = &bytes
            && object.get("bytes").is_some()
        {
            object["bytes"] = bytes.len().into();
        }
        self.items
            .push(Item::new(collection, id, object.clone(), bytes));
        object
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The `404` for an unknown item `id`.
pub(crate) fn not_found(id: &str) -> Reply {
    let mut body = error_body(404);
    body["error"]["message"] = Value::String(format!("Resource not found: {id}"));
    Reply::Json(StatusCode::NOT_FOUND, body)
}

/// `update`'s status field and the fields `object` lacks, laid over `object`.
fn overlay(object: &mut Value, update: &Value, status_field: Option<&str>) {
    for (key, value) in update.as_object().into_iter().flatten() {
        if object.get(key).is_none() || Some(key.as_str()) == status_field {
            object[key] = value.clone();
        }
    }
}

/// An operation on a collection (`op.resource` is set). A retrieval that brings
/// a batch to its end hands it to `finish_batch`, which answers its input and
/// returns it completed.
pub(crate) fn resource(
    state: &State,
    op: &Operation,
    call: &Call,
    finish_batch: &dyn Fn(Value) -> Value,
) -> Reply {
    let resource = op
        .resource
        .as_ref()
        .expect("called for resource operations");
    let mut inner = state.lock();
    match resource {
        Resource::Create(collection) => {
            let answer = examples::json(op, None);
            // An enveloped answer (`{data: {id}, code, ...}`) names only the new
            // id: the item takes the shape of the collection's listed items.
            let enveloped = answer.pointer("/data/id").is_some() && answer.get("id").is_none();
            let mut object = match enveloped {
                true => shape(collection).unwrap_or_default(),
                false => answer.clone(),
            };
            fill(&mut object, &call.fields);
            let file = call.files.first();
            if let Some(file) = file
                && object.get("filename").is_some()
            {
                object["filename"] = Value::String(file.filename.clone());
            }
            let stored = inner.store(collection, object, file.map(|f| f.bytes.clone()));
            if !enveloped {
                return Reply::Json(StatusCode::OK, stored);
            }
            let mut answer = answer;
            answer["data"]["id"] = stored["id"].clone();
            Reply::Json(StatusCode::OK, answer)
        }
        Resource::List(collection) => {
            let mut page = examples::json(op, None);
            // Query parameters, and body fields of a list read by `POST`.
            let given = call.given();
            let param = |name: &str| given.iter().find(|(k, _)| k == name).map(|(_, v)| v);
            let owner = call.owner(op);
            let mut items: Vec<&Item> = inner
                .items
                .iter()
                .filter(|i| &i.collection == collection)
                .filter(|i| i.owner.is_none() || i.owner == owner)
                // Parameters naming an item field filter by it (`purpose`).
                .filter(|i| {
                    given.iter().all(|(k, v)| {
                        i.object
                            .get(k)
                            .is_none_or(|f| f.as_str().is_none_or(|s| s == v))
                    })
                })
                .collect();
            if param("order").is_none_or(|o| o != "asc") {
                items.reverse(); // newest first
            }
            if let Some(after) = param("after")
                && let Some(at) = items.iter().position(|i| &i.id == after)
            {
                items.drain(..=at);
            }
            let total = items.len();
            // Numbered pages (`page` from 1, `size` or `page_size` per page, 10 by
            // default) when the operation takes them, else a cursor's `limit`.
            let numbered =
                op.parameters.iter().any(|(name, ..)| name == "page") || param("page").is_some();
            let number = |name: &str| param(name).and_then(|n| n.parse::<usize>().ok());
            let mut more = false;
            if numbered {
                let size = number("size").or(number("page_size")).unwrap_or(10);
                let skip = (number("page").unwrap_or(1).max(1) - 1).saturating_mul(size);
                items.drain(..skip.min(total));
                more = skip.saturating_add(size) < total;
                items.truncate(size);
            }
            let limit = number("limit");
            more |= limit.is_some_and(|l| items.len() > l);
            items.truncate(limit.unwrap_or(usize::MAX));
            let listed: Value = items.iter().map(|i| i.object.clone()).collect();
            let slot = list_slot(&page).unwrap_or_else(|| "/data".into());
            // `total` and `has_more` beside the items, or at the top.
            let parent = &slot[..slot.rfind('/').unwrap_or(0)];
            for (name, value) in [("total", Value::from(total)), ("has_more", more.into())] {
                let at = [format!("{parent}/{name}"), format!("/{name}")];
                if let Some(field) = at.iter().find(|p| page.pointer(p).is_some()) {
                    *page.pointer_mut(field).expect("found above") = value;
                }
            }
            match page.pointer_mut(&slot) {
                Some(at) => *at = listed,
                None => page["data"] = listed,
            }
            Reply::Json(StatusCode::OK, page)
        }
        Resource::Item { collection, rest } => {
            let Some(id) = call.item_id(op) else {
                return not_found("");
            };
            let Some(item) = inner.find(collection, id, call.owner(op).as_deref()) else {
                return not_found(id);
            };
            if op.content_type != "application/json" {
                let bytes = item
                    .bytes
                    .clone()
                    .unwrap_or_else(|| Bytes::from(examples::pick(&op.examples, None).clone()));
                return Reply::Bytes(op.content_type.clone(), bytes);
            }
            let status_field = op.status_field.as_deref();
            match op.method.as_str() {
                "DELETE" => {
                    let mut answer = examples::json(op, None);
                    if answer.get("id").is_some() {
                        answer["id"] = Value::String(id.clone());
                    }
                    inner
                        .items
                        .retain(|i| !(&i.collection == collection && &i.id == id));
                    Reply::Json(StatusCode::OK, answer)
                }
                "GET" if rest.is_empty() => {
                    if !item.frozen && !item.finishing && !op.sequence.is_empty() {
                        let name = &op.sequence[item.polls.min(op.sequence.len() - 1)];
                        item.polls += 1;
                        let update = step(op, name);
                        let finishes = update.get("output_file_id").is_some()
                            && item.object.get("output_file_id").is_none_or(Value::is_null);
                        if finishes {
                            // Stored once its files are: a retrieval meanwhile
                            // must not see the example's placeholder file ids.
                            item.finishing = true;
                            let mut batch = item.object.clone();
                            overlay(&mut batch, &update, status_field);
                            drop(inner);
                            let done = finish_batch(batch);
                            let mut inner = state.lock();
                            if let Some(item) = inner.find(collection, id, None) {
                                item.object = done.clone();
                                item.finishing = false;
                            }
                            return Reply::Json(StatusCode::OK, done);
                        }
                        overlay(&mut item.object, &update, status_field);
                    } else if let Some(update) = item.after_action.pop_front() {
                        overlay(&mut item.object, &update, status_field);
                    }
                    Reply::Json(StatusCode::OK, enveloped(op, &item.object))
                }
                "GET" => Reply::Json(StatusCode::OK, examples::json(op, None)),
                // An action answering no item (`reembed`): it only needs the item.
                _ if !rest.is_empty() && examples::json(op, None).get("id").is_none() => {
                    Reply::Json(StatusCode::OK, examples::json(op, None))
                }
                "PUT" | "PATCH" => {
                    fill(&mut item.object, &call.fields);
                    Reply::Json(StatusCode::OK, examples::json(op, None))
                }
                _ => {
                    overlay(&mut item.object, &examples::json(op, None), status_field);
                    item.frozen = true;
                    item.after_action = op
                        .sequence
                        .iter()
                        .skip(1)
                        .map(|name| examples::json(op, Some(name)))
                        .collect();
                    Reply::Json(StatusCode::OK, item.object.clone())
                }
            }
        }
    }
}

/// The retrieval of `collection`'s items that steps through a `sequence`, and
/// the field its steps set.
fn retrieval(collection: &str) -> Option<(&'static Operation, &'static str)> {
    table().operations.iter().find_map(|op| {
        let item = Resource::Item {
            collection: collection.to_owned(),
            rest: String::new(),
        };
        let retrieves = op.method == "GET" && op.resource.as_ref() == Some(&item);
        let field = op.status_field.as_deref().filter(|_| retrieves)?;
        (!op.sequence.is_empty()).then_some((op, field))
    })
}

/// Example `name` of `op` as laid over an item: the item part of an enveloped
/// answer (`{data: {...}, code, message}`).
fn step(op: &Operation, name: &str) -> Value {
    let mut value = examples::json(op, Some(name));
    if value.get("data").is_some_and(Value::is_object) && value.get("id").is_none() {
        value = value["data"].take();
    }
    value
}

/// `object` as `op` answers an item: itself, or in the `data` of the example's
/// envelope (`{data: {id, ...}, code, message}`).
fn enveloped(op: &Operation, object: &Value) -> Value {
    let mut answer = examples::json(op, None);
    if answer.pointer("/data/id").is_some() && answer.get("id").is_none() {
        answer["data"] = object.clone();
        answer
    } else {
        object.clone()
    }
}

/// The items a fresh server's collections hold: their list examples' items;
/// a collection no operation lists, the item its creators' examples name.
fn seeds() -> Vec<(&'static str, Value)> {
    let mut seeds = Vec::new();
    for op in &table().operations {
        if let Some(Resource::List(collection)) = &op.resource {
            let page = examples::json(op, None);
            let listed = list_slot(&page).and_then(|slot| page.pointer(&slot).cloned());
            let listed = listed
                .as_ref()
                .and_then(Value::as_array)
                .into_iter()
                .flatten();
            let listed = listed.filter(|object| object["id"].is_string());
            seeds.extend(listed.map(|object| (collection.as_str(), object.clone())));
        }
    }
    let listed = |c: &str| {
        table()
            .operations
            .iter()
            .any(|o| o.resource == Some(Resource::List(c.to_owned())))
    };
    for op in &table().operations {
        if let Some(adds) = op
            .adds
            .as_ref()
            .filter(|a| a.reads.is_none() && !listed(&a.collection))
            && let Some(id) = examples::json(op, None).pointer(&adds.id).cloned()
            && !seeds
                .iter()
                .any(|(c, o)| *c == adds.collection && o["id"] == id)
        {
            seeds.push((adds.collection.as_str(), serde_json::json!({ "id": id })));
        }
    }
    seeds
}

/// The first seed of `collection`: the shape of its items.
fn shape(collection: &str) -> Option<Value> {
    seeds()
        .into_iter()
        .find(|(c, _)| *c == collection)
        .map(|(_, o)| o)
}

/// Where a list page holds its items: `data` (OpenAI style), or the list in
/// `data` (`data.list` of knowledge bases, `data.conversation_list`).
fn list_slot(page: &Value) -> Option<String> {
    if page["data"].is_array() {
        return Some("/data".into());
    }
    let object = page["data"].as_object()?;
    let (name, _) = object.iter().find(|(_, v)| v.is_array())?;
    Some(format!("/data/{name}"))
}

/// The id of the first item a fresh mock stores in the collection `op` acts on
/// (`/files/{file_id}` → the first file of `listFiles`' example), so a test can
/// call an item operation on something that exists.
pub fn seeded_id(op: &Operation) -> Option<String> {
    let collection = match &op.resource {
        Some(item @ Resource::Item { .. }) => item.collection(),
        _ => op.path.split_once("/{")?.0,
    };
    Some(shape(collection)?["id"].as_str()?.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_keep_the_example_shape_and_are_unique() {
        let mut inner = Inner::default();
        let a = inner.fresh_id("file-20260313-7f3a9c");
        let b = inner.fresh_id("file-20260313-7f3a9c");
        assert!(
            a.starts_with("file-20260313-") && a.len() == b.len() && a != b,
            "{a} {b}"
        );
        let c = inner.fresh_id("batch_1791490810192076800");
        assert!(
            c.starts_with("batch_") && c[6..].bytes().all(|b| b.is_ascii_digit()),
            "{c}"
        );
    }
}
