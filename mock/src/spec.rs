//! The route table: what the mock reads from spec/zai.yaml (its `paths` and
//! `components/responses`, converted to JSON by build.rs), parsed once.

use serde_json::Value;
use std::sync::OnceLock;

/// `paths` and `components/responses` of spec/zai.yaml, as JSON (see build.rs).
const SPEC_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/spec.json"));

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];
const MULTIPART: &str = "multipart/form-data";

/// One operation of the spec, as the mock serves it.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Operation {
    /// The spec's `operationId`.
    pub id: String,
    /// HTTP method, upper case.
    pub method: String,
    /// Path template from the spec (`/files/{file_id}`): relative to the `paas/v4`
    /// base, or to the API root when [`Operation::root`] is set.
    pub path: String,
    /// `x-zai-base: root`: the path is relative to the API root (`/api`), not to
    /// `/api/paas/v4`.
    pub root: bool,
    /// The request body is multipart/form-data.
    pub multipart: bool,
    /// Media type of the success response.
    pub content_type: String,
    /// Named success examples (`example` is named `default`): JSON text, or the
    /// body itself for other media types.
    pub examples: Vec<(String, String)>,
    /// `x-zai-mock.when-present`: request body field → example name.
    pub when_present: Vec<(String, String)>,
    /// `x-zai-mock.sequence`: example names served over successive calls.
    pub sequence: Vec<String>,
    /// Streaming answers, for `x-zai-stream` operations.
    pub stream: Option<Stream>,
    /// `x-zai-mock.when-equal`: (JSON pointer into the request body, value,
    /// example name): serve the example when the body holds that value there.
    pub when_equal: Vec<(String, Value, String)>,
    /// `x-zai-mock.omit-when`: (JSON pointer, value, field names): when the body
    /// holds that value there, these fields are left out of the answer and its
    /// chunks (e.g. `/thinking/type` = `disabled` → no `reasoning_content`).
    pub omit_when: Vec<(String, Value, Vec<String>)>,
    /// `x-zai-mock.results` on a polling operation: creating operationId → the
    /// example its tasks finish with (other tasks finish with the sequence's last).
    pub results: Vec<(String, String)>,
    /// `x-zai-wait: {poll, id}`: this operation creates a task that operation
    /// `poll` answers; the task id is at JSON pointer `id` of the answer.
    pub creates_task: Option<(String, String)>,
    /// The request body's schema (JSON or multipart/form-data), if any.
    pub body_schema: Option<Value>,
    /// `requestBody.required`.
    pub body_required: bool,
    /// The request body's example, if the spec gives one (for a multipart body,
    /// its parts; a `format: binary` part holds a placeholder text).
    pub request_example: Option<Value>,
    /// Query and path parameters: (name, `in`, required, schema).
    pub parameters: Vec<(String, String, bool, Value)>,
    /// Its part in a collection of stored resources (files, batches), if any.
    pub(crate) resource: Option<Resource>,
    /// `x-zai-task.status` of the success response's schema: the field holding a
    /// task's state.
    pub(crate) status_field: Option<String>,
    /// The success response's schema name (a `$ref` to `components/schemas`).
    pub(crate) response_schema: Option<String>,
    /// `x-zai-mock.collection`: the collection it acts on, its path not showing it.
    collection: Option<String>,
    /// `x-zai-mock.creates` (with `collection`): the items it adds as it answers.
    pub(crate) adds: Option<Adds>,
    /// `x-zai-mock.owner`: the parameter or body field naming its items' owner.
    pub(crate) owner: Option<String>,
}

/// An operation that adds items to a collection as it answers (a document
/// upload, an assistant turn starting a conversation).
#[derive(Clone, Debug)]
pub(crate) struct Adds {
    pub collection: String,
    /// JSON pointer of the new item's id in the answer.
    pub id: String,
    /// The body field each of whose items is a new item (`upload_detail`), or
    /// with `reads` the id of an item reported on (`file_ids`).
    pub each: Option<String>,
    /// `x-zai-mock.reads`: it adds nothing but reports on the items `each`
    /// names; the example whose element reports an unknown one (`unknown`).
    pub reads: Option<String>,
}

/// How an operation acts on a collection: a path `P` that is created by `POST P`
/// and has item operations at `P/{id}...` (`/files`, `/batches`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Resource {
    /// `POST P`: stores a new item.
    Create(String),
    /// `GET P`: lists the stored items.
    List(String),
    /// `P/{id}<rest>`: acts on one stored item.
    Item { collection: String, rest: String },
}

impl Resource {
    pub(crate) fn collection(&self) -> &str {
        match self {
            Resource::Create(c) | Resource::List(c) | Resource::Item { collection: c, .. } => c,
        }
    }
}

/// The server-sent events of a streaming operation (`x-zai-stream`).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Stream {
    /// `done`: the data payload ending the stream (`[DONE]`), if any.
    pub done: Option<String>,
    /// `event-field`: the payload field naming each event's SSE `event:` line.
    pub event_field: Option<String>,
    /// `examples`: named lists of chunk payloads (JSON text).
    pub examples: Vec<(String, Vec<String>)>,
}

/// Everything the mock answers from.
#[derive(Debug)]
pub(crate) struct Table {
    pub operations: Vec<Operation>,
    /// `x-zai-mock.errors` of `components/responses/Error`: status → (code, message).
    pub errors: Vec<(u16, String, String)>,
    /// The example of `components/responses/Error`.
    pub error_example: Value,
    /// `components/schemas`, for request validation.
    pub schemas: Value,
}

/// The table read from the spec, once.
///
/// # Panics
/// If the spec breaks a convention the mock relies on (an `x-zai-mock` naming an
/// example that does not exist, a success response without examples, ...): the
/// message names the operation and the fault. A test of this crate reads the real
/// spec, so such a spec never gets past `cargo test`.
pub(crate) fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let spec: Value = serde_json::from_str(SPEC_JSON).expect("build.rs writes valid JSON");
        Table::read(&spec).unwrap_or_else(|e| panic!("spec/zai.yaml: {e}"))
    })
}

/// The required query parameters of `op`, each with its spec `example` or else a
/// value of its type: enough for a request the mock accepts.
pub fn required_query(op: &Operation) -> Vec<(String, String)> {
    let required = op
        .parameters
        .iter()
        .filter(|(_, at, required, _)| at == "query" && *required);
    required
        .map(|(name, _, _, schema)| {
            let value = match (&schema["example"], schema["type"].as_str()) {
                (Value::String(example), _) => example.clone(),
                (Value::Null, Some("integer" | "number")) => "1".to_owned(),
                (Value::Null, _) => "x1".to_owned(),
                (example, _) => example.to_string(),
            };
            (name.clone(), value)
        })
        .collect()
}

/// Every operation of spec/zai.yaml that the mock serves.
pub fn operations() -> &'static [Operation] {
    &table().operations
}

impl Table {
    pub(crate) fn read(spec: &Value) -> Result<Table, String> {
        let paths = spec["paths"].as_object().ok_or("no paths")?;
        let mut operations = Vec::new();
        for (path, item) in paths {
            for method in METHODS {
                if let Some(op) = item.get(method) {
                    operations.push(Operation::read(path, method, op)?);
                }
            }
        }
        let declared: Vec<String> = operations
            .iter()
            .filter_map(|op| op.collection.clone())
            .collect();
        let creates: Vec<String> = operations
            .iter()
            .filter(|op| op.method == "POST" && !op.path.contains('{'))
            .map(|op| op.path.clone())
            .chain(declared.iter().cloned())
            .collect();
        let item_of = |path: &str| {
            creates.iter().find_map(|c| {
                let rest = path.strip_prefix(c.as_str())?.strip_prefix("/{")?;
                let (_, rest) = rest.split_once('}')?;
                Some(Resource::Item {
                    collection: c.clone(),
                    rest: rest.to_owned(),
                })
            })
        };
        let collections: Vec<String> = creates
            .iter()
            .filter(|c| {
                declared.contains(c)
                    || operations
                        .iter()
                        .any(|op| item_of(&op.path).is_some_and(|r| r.collection() == c.as_str()))
            })
            .cloned()
            .collect();
        for op in &mut operations {
            op.resource = if let Some(collection) = op.collection.clone() {
                // Declared: lists it, or acts on the item its path parameter names.
                match (&op.adds, op.path.contains('{')) {
                    (Some(_), _) => None,
                    (None, false) => Some(Resource::List(collection)),
                    (None, true) => Some(Resource::Item {
                        collection,
                        rest: op.path.clone(),
                    }),
                }
            } else if collections.contains(&op.path) {
                match op.method.as_str() {
                    "POST" => Some(Resource::Create(op.path.clone())),
                    "GET" => Some(Resource::List(op.path.clone())),
                    _ => None,
                }
            } else {
                item_of(&op.path).filter(|r| collections.iter().any(|c| c == r.collection()))
            };
            op.status_field = op.status_field.take().or_else(|| {
                let name = op.response_schema.as_deref()?;
                text(spec.pointer(&format!("/components/schemas/{name}/x-zai-task/status"))?)
            });
        }
        let error = spec
            .pointer("/components/responses/Error")
            .ok_or("components/responses/Error is missing")?;
        let error_example = error
            .pointer("/content/application~1json/example")
            .cloned()
            .ok_or("components/responses/Error has no example")?;
        let mut errors = Vec::new();
        for (status, pair) in error
            .pointer("/x-zai-mock/errors")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let code = status
                .parse::<u16>()
                .map_err(|_| format!("x-zai-mock.errors: bad status `{status}`"))?;
            match (text(&pair[0]), text(&pair[1])) {
                (Some(c), Some(m)) => errors.push((code, c, m)),
                _ => return Err(format!("x-zai-mock.errors.{status}: want [code, message]")),
            }
        }
        Ok(Table {
            operations,
            errors,
            error_example,
            schemas: spec
                .pointer("/components/schemas")
                .cloned()
                .unwrap_or_default(),
        })
    }
}

impl Operation {
    fn read(path: &str, method: &str, op: &Value) -> Result<Operation, String> {
        let id = op["operationId"]
            .as_str()
            .ok_or_else(|| format!("{method} {path}: missing operationId"))?;
        let fail = |e: String| format!("{id}: {e}");
        let root = match op.get("x-zai-base") {
            None => false,
            Some(Value::String(s)) if s == "root" => true,
            Some(other) => return Err(fail(format!("x-zai-base {other}: only `root` is known"))),
        };
        let ok = op["responses"]
            .as_object()
            .and_then(|r| r.iter().find(|(status, _)| status.starts_with('2')))
            .map(|(_, r)| r)
            .ok_or_else(|| fail("no 2XX response".into()))?;
        let (content_type, media) = ok["content"]
            .as_object()
            .and_then(|c| c.iter().next())
            .ok_or_else(|| fail("success response has no content".into()))?;
        let body = |v: &Value| match v {
            Value::String(s) if content_type != "application/json" => s.clone(),
            v => v.to_string(),
        };
        let mut examples = Vec::new();
        if let Some(example) = media.get("example") {
            examples.push(("default".to_owned(), body(example)));
        }
        for (name, example) in media["examples"].as_object().into_iter().flatten() {
            let value = example
                .get("value")
                .ok_or_else(|| fail(format!("example `{name}` has no value")))?;
            examples.push((name.clone(), body(value)));
        }
        if examples.is_empty() {
            return Err(fail("success response has no example".into()));
        }
        let stream = op
            .get("x-zai-stream")
            .map(|s| Stream::read(s).map_err(fail))
            .transpose()?;
        let mock = &op["x-zai-mock"];
        let when_present: Vec<(String, String)> = mock["when-present"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(field, name)| Ok((field.clone(), text(name).ok_or(field)?)))
            .collect::<Result<_, &String>>()
            .map_err(|f| fail(format!("x-zai-mock.when-present.{f} is not a name")))?;
        let sequence: Vec<String> = mock["sequence"]
            .as_array()
            .into_iter()
            .flatten()
            .map(text)
            .collect::<Option<_>>()
            .ok_or_else(|| fail("x-zai-mock.sequence holds a non-name".into()))?;
        let conditions = |key: &str| -> Result<Vec<(String, Value, Value)>, String> {
            let mut out = Vec::new();
            for (pointer, by_value) in mock[key].as_object().into_iter().flatten() {
                let by_value = by_value.as_object().ok_or_else(|| {
                    fail(format!("x-zai-mock.{key}.{pointer}: want {{value: ...}}"))
                })?;
                for (value, then) in by_value {
                    out.push((pointer.clone(), Value::String(value.clone()), then.clone()));
                }
            }
            Ok(out)
        };
        let when_equal: Vec<(String, Value, String)> = conditions("when-equal")?
            .into_iter()
            .map(|(p, v, name)| Ok((p, v, text(&name).ok_or("when-equal")?)))
            .collect::<Result<_, &str>>()
            .map_err(|k| fail(format!("x-zai-mock.{k} holds a non-name")))?;
        let omit_when: Vec<(String, Value, Vec<String>)> = conditions("omit-when")?
            .into_iter()
            .map(|(p, v, fields)| {
                let fields = fields.as_array().into_iter().flatten().map(text).collect();
                Ok((p, v, Option::<Vec<String>>::ok_or(fields, "omit-when")?))
            })
            .collect::<Result<_, &str>>()
            .map_err(|k| fail(format!("x-zai-mock.{k} wants lists of field names")))?;
        let results: Vec<(String, String)> = mock["results"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(op, name)| Ok((op.clone(), text(name).ok_or(op)?)))
            .collect::<Result<_, &String>>()
            .map_err(|f| fail(format!("x-zai-mock.results.{f} is not a name")))?;
        let known = |n: &String| {
            examples.iter().any(|(e, _)| e == n)
                || stream
                    .iter()
                    .any(|s| s.examples.iter().any(|(e, _)| e == n))
        };
        if let Some(name) = when_present
            .iter()
            .map(|(_, n)| n)
            .chain(&sequence)
            .chain(when_equal.iter().map(|(.., n)| n))
            .chain(results.iter().map(|(_, n)| n))
            .find(|n| !known(n))
        {
            return Err(fail(format!("x-zai-mock names unknown example `{name}`")));
        }
        let reads = text(&mock["reads"]).map(|_| text(&mock["unknown"]));
        if (mock.get("creates").is_some() || reads.is_some()) && text(&mock["collection"]).is_none()
        {
            return Err(fail("x-zai-mock.creates/reads needs a `collection`".into()));
        }
        let reads = match reads {
            Some(Some(name)) if known(&name) && mock.get("each").is_some() => Some(name),
            Some(_) => {
                return Err(fail(
                    "x-zai-mock.reads needs `each` and a known `unknown`".into(),
                ));
            }
            None => None,
        };
        let creates_task = match (
            text(&op["x-zai-wait"]["poll"]),
            text(&op["x-zai-wait"]["id"]),
        ) {
            (Some(poll), Some(id)) => Some((poll, id)),
            _ => None,
        };
        let body_schema = op
            .pointer("/requestBody/content")
            .and_then(Value::as_object)
            .and_then(|c| c.values().next())
            .and_then(|media| media.get("schema"))
            .cloned();
        let parameters = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| {
                Some((
                    text(&p["name"])?,
                    text(&p["in"])?,
                    p["required"] == Value::Bool(true),
                    p["schema"].clone(),
                ))
            })
            .collect();
        Ok(Operation {
            id: id.to_owned(),
            method: method.to_ascii_uppercase(),
            path: path.to_owned(),
            root,
            multipart: op
                .pointer("/requestBody/content")
                .is_some_and(|c| c.get(MULTIPART).is_some()),
            content_type: content_type.clone(),
            examples,
            when_present,
            sequence,
            stream,
            when_equal,
            omit_when,
            results,
            creates_task,
            body_schema,
            body_required: op.pointer("/requestBody/required") == Some(&Value::Bool(true)),
            request_example: op
                .pointer("/requestBody/content")
                .and_then(Value::as_object)
                .and_then(|c| c.values().next())
                .and_then(|media| media.get("example"))
                .cloned(),
            parameters,
            resource: None,
            status_field: text(&mock["status"]),
            collection: text(&mock["collection"]),
            adds: text(&mock["creates"])
                .or(text(&mock["reads"]))
                .map(|id| Adds {
                    collection: text(&mock["collection"]).unwrap_or_default(),
                    id,
                    each: text(&mock["each"]),
                    reads,
                }),
            owner: text(&mock["owner"]),
            response_schema: media["schema"]["$ref"]
                .as_str()
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
                .map(str::to_owned),
        })
    }
}

impl Stream {
    fn read(ext: &Value) -> Result<Stream, String> {
        let mut examples = Vec::new();
        for (name, chunks) in ext["examples"].as_object().into_iter().flatten() {
            let chunks = chunks
                .as_array()
                .ok_or_else(|| format!("x-zai-stream.examples.{name} is not a list"))?;
            examples.push((name.clone(), chunks.iter().map(Value::to_string).collect()));
        }
        if examples.is_empty() {
            return Err("x-zai-stream has no examples".into());
        }
        Ok(Stream {
            done: text(&ext["done"]),
            event_field: text(&ext["event-field"]),
            examples,
        })
    }
}

fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A spec of one operation `op` (plus the error response), for the fault cases.
    fn spec(op: Value) -> Value {
        json!({
            "paths": { "/things": { "post": op } },
            "components": { "responses": { "Error": {
                "content": { "application/json": { "example": { "error": { "code": "1", "message": "m" } } } },
                "x-zai-mock": { "errors": { "429": ["1302", "Slow down"] } },
            } } },
        })
    }

    fn op(extra: Value) -> Value {
        let mut op = json!({
            "operationId": "makeThing",
            "responses": { "200": { "content": { "application/json": {
                "example": { "id": 1 },
                "examples": { "other": { "value": { "id": 2 } } },
            } } } },
        });
        for (k, v) in extra.as_object().unwrap() {
            op[k] = v.clone();
        }
        op
    }

    fn fault(extra: Value) -> String {
        Table::read(&spec(op(extra))).unwrap_err()
    }

    #[test]
    fn the_real_spec_reads_and_every_operation_is_served_once() {
        let ops = operations();
        assert!(ops.len() > 30, "{} operations", ops.len());
        let mut ids: Vec<&str> = ops.iter().map(|o| o.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ops.len());
        let chat = ops.iter().find(|o| o.id == "createChatCompletion").unwrap();
        assert_eq!(
            (chat.method.as_str(), chat.path.as_str()),
            ("POST", "/chat/completions")
        );
        assert!(!chat.root && chat.stream.is_some());
        let agents = ops.iter().find(|o| o.path == "/v1/agents").unwrap();
        assert!(agents.root);
        assert!(!table().errors.is_empty());
    }

    #[test]
    fn a_small_spec_reads_into_its_table() {
        let table = Table::read(&spec(op(json!({
            "x-zai-mock": { "when-present": { "tools": "other" }, "sequence": ["default", "other"] },
        }))))
        .unwrap();
        let op = &table.operations[0];
        assert_eq!((op.method.as_str(), op.path.as_str()), ("POST", "/things"));
        assert_eq!(
            op.examples,
            [
                ("default".into(), r#"{"id":1}"#.into()),
                ("other".into(), r#"{"id":2}"#.into())
            ]
        );
        assert_eq!(op.when_present, [("tools".into(), "other".into())]);
        assert_eq!(op.sequence, ["default", "other"]);
        assert_eq!(table.errors, [(429, "1302".into(), "Slow down".into())]);
    }

    #[test]
    fn convention_faults_name_the_operation_and_the_fault() {
        assert_eq!(
            fault(json!({ "x-zai-mock": { "when-present": { "tools": "missing" } } })),
            "makeThing: x-zai-mock names unknown example `missing`"
        );
        assert_eq!(
            fault(json!({ "x-zai-mock": { "sequence": ["default", "gone"] } })),
            "makeThing: x-zai-mock names unknown example `gone`"
        );
        assert_eq!(
            fault(json!({ "x-zai-stream": { "chunk": "Chunk" } })),
            "makeThing: x-zai-stream has no examples"
        );
        assert_eq!(
            fault(json!({ "x-zai-base": "agents" })),
            "makeThing: x-zai-base \"agents\": only `root` is known"
        );
        assert_eq!(
            fault(json!({ "responses": { "200": { "content": { "application/json": {} } } } })),
            "makeThing: success response has no example"
        );
        // A stream example name is a valid target too.
        let stream = json!({ "x-zai-stream": { "examples": { "live": [{ "n": 1 }] } },
                             "x-zai-mock": { "sequence": ["live"] } });
        assert!(Table::read(&spec(op(stream))).is_ok());
    }
}
