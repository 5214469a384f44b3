//! Reads spec/zai.yaml: the progenitor view of it, and the facts build.rs itself
//! generates code from (the `x-zai-*` extensions and the multipart operations).

use serde_json::{Map, Value};
use std::collections::BTreeSet;

pub type Result<T> = std::result::Result<T, String>;

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];
const MULTIPART: &str = "multipart/form-data";

/// Everything build.rs needs from the spec.
pub struct Spec {
    /// The spec as progenitor sees it: multipart operations (which it cannot
    /// generate) and error responses (so every non-2xx reaches `zai::Error` with its
    /// status, headers and raw body intact) removed.
    pub view: openapiv3::OpenAPI,
    pub operations: Vec<Operation>,
    /// `x-zai-open-enum` schemas: name and wire values.
    pub open_enums: Vec<(String, Vec<String>)>,
    /// `x-zai-task` schemas: name and polling facts.
    pub tasks: Vec<(String, TaskSpec)>,
    /// Component schemas, by name (for multipart bodies).
    pub schemas: Map<String, Value>,
    /// `x-zai-mock.errors` of `components/responses/Error`: status → (code, message).
    pub mock_errors: Vec<(u16, String, String)>,
    /// The example of `components/responses/Error`, as JSON text.
    pub error_example: String,
}

pub struct Operation {
    pub id: String,
    pub method: String,
    pub path: String,
    pub doc: String,
    /// `x-zai-base`: the named base URL the operation is served from.
    pub base: Option<String>,
    pub stream: Option<StreamSpec>,
    /// Name of the JSON body schema, when the body is JSON.
    pub json_body: Option<String>,
    /// Name of the multipart/form-data body schema, when the body is multipart.
    pub multipart: Option<String>,
    /// Success body: `Some(schema name)` for JSON, `None` for raw bytes.
    pub response: Option<String>,
    /// What the built-in mock server answers (examples and `x-zai-mock`).
    pub mock: MockSpec,
}

/// The success examples of an operation and its `x-zai-mock` extension.
pub struct MockSpec {
    /// Media type of the success response.
    pub content_type: String,
    /// Named examples (`example` is named `default`): JSON text, or the raw text of
    /// a non-JSON example.
    pub examples: Vec<(String, String)>,
    /// `x-zai-mock.when-present`: request field → example name.
    pub when_present: Vec<(String, String)>,
    /// `x-zai-mock.sequence`: example names served over successive calls.
    pub sequence: Vec<String>,
    /// `x-zai-stream.examples`: named lists of chunk payloads (JSON text).
    pub stream_examples: Vec<(String, Vec<String>)>,
}

/// `x-zai-task` of a schema.
pub struct TaskSpec {
    pub status: String,
    pub success: Vec<String>,
    pub failure: Vec<String>,
    pub message: Option<String>,
}

/// `x-zai-stream` of an operation.
pub struct StreamSpec {
    pub chunk: String,
    pub done: Option<String>,
    /// `(array field, item field)` from `final-field: "a[].b"`.
    pub final_field: Option<(String, String)>,
    /// An SSE `event:` name that ends the stream properly.
    pub final_event: Option<String>,
    /// `event-field`: the payload field whose value is each event's SSE `event:` name.
    pub event_field: Option<String>,
}

impl Spec {
    pub fn parse(text: &str) -> Result<Self> {
        let raw: Value = serde_norway::from_str::<Strict>(text)
            .map_err(|e| e.to_string())?
            .0;
        let mut view = raw.clone();
        let schemas = raw
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();

        let mut operations = Vec::new();
        let mut multipart_schemas = BTreeSet::new();
        let paths = view
            .get_mut("paths")
            .and_then(Value::as_object_mut)
            .ok_or("no paths")?;
        for (path, item) in paths.iter_mut() {
            let item = item
                .as_object_mut()
                .ok_or_else(|| format!("{path}: not an object"))?;
            for method in METHODS {
                let Some(op) = item.get(method) else { continue };
                let operation = Operation::read(path, method, op)?;
                if let Some(form) = &operation.multipart {
                    multipart_schemas.insert(form.clone());
                    item.remove(method);
                } else if let Some(responses) = item[method]
                    .get_mut("responses")
                    .and_then(Value::as_object_mut)
                {
                    responses.retain(|status, _| status.starts_with('2'));
                }
                operations.push(operation);
            }
        }
        paths.retain(|_, item| METHODS.iter().any(|m| item.get(m).is_some()));
        if let Some(view_schemas) = view
            .pointer_mut("/components/schemas")
            .and_then(Value::as_object_mut)
        {
            view_schemas.retain(|name, _| !multipart_schemas.contains(name));
        }

        let open_enums = schemas
            .iter()
            .filter(|(_, s)| s.get("x-zai-open-enum") == Some(&Value::Bool(true)))
            .map(|(name, s)| {
                let values = s["enum"]
                    .as_array()
                    .ok_or_else(|| format!("{name}: x-zai-open-enum without enum"))?
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect();
                Ok((name.clone(), values))
            })
            .collect::<Result<_>>()?;

        let tasks = schemas
            .iter()
            .filter_map(|(name, s)| Some((name, s.get("x-zai-task")?)))
            .map(|(name, task)| {
                let list = |key: &str| -> Vec<String> {
                    let items = task[key].as_array().into_iter().flatten();
                    items
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                };
                let status = task["status"]
                    .as_str()
                    .ok_or_else(|| format!("{name}: x-zai-task needs `status`"))?;
                let spec = TaskSpec {
                    status: status.to_owned(),
                    success: list("success"),
                    failure: list("failure"),
                    message: task["message"].as_str().map(str::to_owned),
                };
                Ok((name.clone(), spec))
            })
            .collect::<Result<_>>()?;

        let error = raw
            .pointer("/components/responses/Error")
            .ok_or("components/responses/Error is missing")?;
        let error_example = error
            .pointer("/content/application~1json/example")
            .map(Value::to_string)
            .ok_or("components/responses/Error has no example")?;
        let mock_errors = error
            .pointer("/x-zai-mock/errors")
            .and_then(Value::as_object)
            .map(|errors| {
                errors
                    .iter()
                    .map(|(status, pair)| {
                        let status = status
                            .parse::<u16>()
                            .map_err(|_| format!("x-zai-mock.errors: bad status {status}"))?;
                        let text =
                            |i: usize| pair.get(i).and_then(Value::as_str).map(str::to_owned);
                        match (text(0), text(1)) {
                            (Some(code), Some(message)) => Ok((status, code, message)),
                            _ => Err(format!("x-zai-mock.errors.{status}: want [code, message]")),
                        }
                    })
                    .collect::<Result<Vec<_>>>()
            })
            .transpose()?
            .unwrap_or_default();

        let view = serde_json::from_value(view).map_err(|e| e.to_string())?;
        Ok(Spec {
            view,
            operations,
            open_enums,
            tasks,
            schemas,
            mock_errors,
            error_example,
        })
    }
}

impl Operation {
    fn read(path: &str, method: &str, op: &Value) -> Result<Self> {
        let id = op["operationId"]
            .as_str()
            .ok_or_else(|| format!("{method} {path}: missing operationId"))?
            .to_owned();
        let doc = [op.get("summary"), op.get("description")]
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n\n");
        let multipart = op
            .pointer("/requestBody/content")
            .and_then(|c| c.get(MULTIPART))
            .map(|media| schema_name(&media["schema"]))
            .transpose()
            .map_err(|e| format!("{id}: multipart body: {e}"))?;
        let json_body = op
            .pointer("/requestBody/content/application~1json/schema")
            .map(schema_name)
            .transpose()
            .map_err(|e| format!("{id}: JSON body: {e}"))?;
        let ok = op["responses"]
            .as_object()
            .and_then(|r| r.iter().find(|(status, _)| status.starts_with('2')))
            .map(|(_, r)| r)
            .ok_or_else(|| format!("{id}: no 2XX response"))?;
        let response = match ok.pointer("/content/application~1json/schema") {
            Some(schema) => Some(schema_name(schema).map_err(|e| format!("{id}: {e}"))?),
            None => None,
        };
        let stream = op.get("x-zai-stream").map(StreamSpec::read).transpose()?;
        let mock = MockSpec::read(ok, op).map_err(|e| format!("{id}: {e}"))?;
        Ok(Operation {
            id,
            method: method.to_owned(),
            path: path.to_owned(),
            doc,
            base: op
                .get("x-zai-base")
                .and_then(Value::as_str)
                .map(str::to_owned),
            stream,
            json_body,
            multipart,
            response,
            mock,
        })
    }
}

impl MockSpec {
    fn read(ok: &Value, op: &Value) -> Result<Self> {
        let (content_type, media) = ok["content"]
            .as_object()
            .and_then(|c| c.iter().next())
            .ok_or("success response has no content")?;
        let text = |v: &Value| match v {
            Value::String(s) if content_type != "application/json" => s.clone(),
            v => v.to_string(),
        };
        let mut examples = Vec::new();
        if let Some(example) = media.get("example") {
            examples.push(("default".to_owned(), text(example)));
        }
        for (name, example) in media["examples"].as_object().into_iter().flatten() {
            let value = example
                .get("value")
                .ok_or_else(|| format!("example {name} has no value"))?;
            examples.push((name.clone(), text(value)));
        }
        if examples.is_empty() {
            return Err("success response has no example".into());
        }
        let names = |v: Option<&Value>| -> Vec<(String, String)> {
            v.and_then(Value::as_object)
                .into_iter()
                .flatten()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                .collect()
        };
        let mock = op.get("x-zai-mock");
        let when_present = names(mock.and_then(|m| m.get("when-present")));
        let sequence: Vec<String> = mock
            .and_then(|m| m.get("sequence"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        let mut stream_examples = Vec::new();
        for (name, chunks) in op
            .pointer("/x-zai-stream/examples")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let chunks = chunks
                .as_array()
                .ok_or_else(|| format!("x-zai-stream.examples.{name} is not a list"))?;
            stream_examples.push((name.clone(), chunks.iter().map(Value::to_string).collect()));
        }
        if op.get("x-zai-stream").is_some() && stream_examples.is_empty() {
            return Err("x-zai-stream has no examples".into());
        }
        let known = |n: &String| {
            examples.iter().any(|(e, _)| e == n) || stream_examples.iter().any(|(e, _)| e == n)
        };
        for name in when_present.iter().map(|(_, n)| n).chain(&sequence) {
            if !known(name) {
                return Err(format!("x-zai-mock names unknown example `{name}`"));
            }
        }
        Ok(MockSpec {
            content_type: content_type.clone(),
            examples,
            when_present,
            sequence,
            stream_examples,
        })
    }
}

impl StreamSpec {
    fn read(ext: &Value) -> Result<Self> {
        let text = |key: &str| ext.get(key).and_then(Value::as_str).map(str::to_owned);
        let final_field = text("final-field")
            .map(|f| {
                f.split_once("[].")
                    .map(|(a, b)| (a.to_owned(), b.to_owned()))
                    .ok_or_else(|| format!("x-zai-stream final-field `{f}` is not `array[].field`"))
            })
            .transpose()?;
        Ok(StreamSpec {
            chunk: text("chunk").ok_or("x-zai-stream needs `chunk`")?,
            done: text("done"),
            final_field,
            final_event: text("final-event"),
            event_field: text("event-field"),
        })
    }
}

/// The component name behind a `$ref`.
fn schema_name(schema: &Value) -> Result<String> {
    schema["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
        .map(str::to_owned)
        .ok_or_else(|| "schema must be a $ref to #/components/schemas".to_owned())
}

/// A JSON value read from YAML that refuses duplicate mapping keys: YAML parsers
/// keep the last of two, which would silently drop a path or a schema.
struct Strict(Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value::<Strict>()?.0;
            if out.insert(key.clone(), value).is_some() {
                return Err(serde::de::Error::custom(format!("duplicate key `{key}`")));
            }
        }
        Ok(Value::Object(out))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element::<Strict>()? {
            out.push(item.0);
        }
        Ok(Value::Array(out))
    }

    fn visit_bool<E>(self, v: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> std::result::Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> std::result::Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
}
