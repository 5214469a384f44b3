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

        let view = serde_json::from_value(view).map_err(|e| e.to_string())?;
        Ok(Spec {
            view,
            operations,
            open_enums,
            tasks,
            schemas,
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
