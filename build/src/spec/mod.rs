//! Reads spec/zai.yaml (OpenAPI) or spec/realtime.yaml (AsyncAPI): the schemas
//! typify generates types from, and the facts everything else is generated from
//! (operations, unions and `x-zai-*` extensions).

mod operation;
mod unions;
mod values;

pub use operation::{FinalField, Operation, Paging, StreamSpec, TaskSpec, WaitSpec};
pub use unions::{OpenUnion, RefUnion};
pub use values::{Result, pascal_case};

use operation::{METHODS, query_schema};
use serde_json::{Map, Value};
use values::strings;

/// Everything build.rs needs from the spec.
pub struct Spec {
    /// The spec as typify sees it (an OpenAPI document): component schemas only
    /// (no paths: the emitter writes every method itself), without the multipart
    /// bodies (emitted apart), plus one `<Operation>Query` schema per operation
    /// with query parameters.
    pub types: Value,
    pub operations: Vec<Operation>,
    /// `x-zai-open-enum` schemas: name, and each value's wire text and variant name.
    pub open_enums: Vec<(String, Vec<(String, String)>)>,
    /// `x-zai-open-union` schemas: tagged unions with a catch-all variant.
    pub open_unions: Vec<OpenUnion>,
    /// Tagged unions of `$ref`s (an AsyncAPI document's message unions).
    pub ref_unions: Vec<RefUnion>,
    /// `x-zai-task` schemas: name and polling facts.
    pub tasks: Vec<(String, TaskSpec)>,
    /// The API families (`tags`): name and description, in spec order.
    pub tags: Vec<(String, String)>,
    /// Component schemas, by name.
    pub schemas: Map<String, Value>,
    /// `x-zai-preset` servers: preset name, URL, description.
    pub presets: Vec<(String, String, String)>,
    /// The whole spec as JSON, for what the model leaves out (the mock serves
    /// the examples and `x-zai-mock` rules from it).
    pub document: Value,
}

/// A YAML or JSON document (JSON is read as YAML) as a JSON value, refusing
/// duplicate keys, which a JSON value would silently collapse (dropping a path or
/// a schema). The one way the workspace reads the spec and upstream documents.
pub fn read_document(text: &str) -> Result<Value> {
    let yaml: serde_norway::Value = serde_norway::from_str(text).map_err(|e| e.to_string())?;
    serde_json::to_value(yaml).map_err(|e| e.to_string())
}

impl Spec {
    pub fn parse(text: &str) -> Result<Self> {
        let raw = read_document(text)?;
        let mut schemas = raw
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        hoist_open_enums(&mut schemas);
        let ref_unions = schemas
            .iter()
            .filter(|(_, s)| {
                let refs = s["oneOf"].as_array();
                s.get("discriminator").is_some()
                    && refs.is_some_and(|m| m.iter().all(|m| m.get("$ref").is_some()))
            })
            .map(|(name, s)| RefUnion::read(name, s, &schemas))
            .collect::<Result<Vec<_>>>()?;
        let mut types = schemas.clone();
        for union in &ref_unions {
            // Emitted apart; its members are its variants' structs, without the tag.
            types.remove(&union.name);
            for (member, _) in &union.members {
                let member = &mut types[member.as_str()];
                member["properties"]
                    .as_object_mut()
                    .map(|p| p.remove(&union.tag));
                if let Some(required) = member["required"].as_array_mut() {
                    required.retain(|r| *r != *union.tag);
                }
            }
        }

        let mut operations = Vec::new();
        // An AsyncAPI document has messages instead of paths.
        let paths = match raw.get("paths") {
            None if raw.get("asyncapi").is_some() => &Map::new(),
            paths => paths.and_then(Value::as_object).ok_or("no paths")?,
        };
        for (path, item) in paths {
            for method in METHODS {
                let Some(op) = item.get(method) else { continue };
                let mut operation = Operation::read(path, method, op)?;
                let tag = operation.tags.first().map(String::as_str);
                let mut families = raw["tags"].as_array().into_iter().flatten();
                let family = families.find(|t| t["name"].as_str() == tag);
                operation.platform = family
                    .and_then(|t| t["x-zai-platform"].as_str())
                    .map(str::to_owned);
                operation.read_schemas(&schemas)?;
                if let Some(form) = &operation.multipart {
                    types.remove(form);
                }
                if let Some(query) = &operation.query {
                    // Also a schema by name, so `new` takes the required parameters in
                    // the spec's order.
                    let schema = query_schema(&operation.id, op);
                    schemas.insert(query.clone(), schema.clone());
                    types.insert(query.clone(), schema);
                }
                operations.push(operation);
            }
        }
        let open_enums = schemas
            .iter()
            .filter(|(_, s)| s.get("x-zai-open-enum") == Some(&Value::Bool(true)))
            .map(|(name, s)| {
                // `anyOf: [{enum}, {type: string}]`: the listed values or any other.
                let values = match s["anyOf"].as_array().map(Vec::as_slice) {
                    Some([listed, any]) if any.get("enum").is_none() => strings(&listed["enum"]),
                    // AsyncAPI documents (spec/realtime.yaml) list them plainly.
                    _ => strings(&s["enum"]),
                };
                let names = match s.get("x-enum-varnames") {
                    Some(names) => strings(names),
                    None => values.iter().map(|v| pascal_case(v)).collect(),
                };
                if values.is_empty() || names.len() != values.len() {
                    return Err(format!(
                        "{name}: x-zai-open-enum needs `anyOf: [{{enum: [..]}}, {{type: string}}]` (and one name each)"
                    ));
                }
                Ok((name.clone(), values.into_iter().zip(names).collect()))
            })
            .collect::<Result<_>>()?;

        let open_unions: Vec<OpenUnion> = schemas
            .iter()
            .filter(|(name, s)| {
                s.get("x-zai-open-union") == Some(&Value::Bool(true))
                    && !ref_unions.iter().any(|u| u.name == **name)
            })
            .map(|(name, s)| OpenUnion::read(name, s))
            .collect::<Result<_>>()?;

        let tasks = schemas
            .iter()
            .filter_map(|(name, s)| Some((name, s.get("x-zai-task")?)))
            .map(|(name, task)| {
                let status = task["status"]
                    .as_str()
                    .ok_or_else(|| format!("{name}: x-zai-task needs `status`"))?;
                let spec = TaskSpec {
                    status: status.to_owned(),
                    success: strings(&task["success"]),
                    failure: strings(&task["failure"]),
                    message: task["message"].as_str().map(str::to_owned),
                };
                Ok((name.clone(), spec))
            })
            .collect::<Result<_>>()?;

        let presets = raw["servers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|server| {
                let text = |key: &str| server[key].as_str().unwrap_or_default().to_owned();
                server.get("x-zai-preset")?;
                Some((text("x-zai-preset"), text("url"), text("description")))
            })
            .collect();

        for schema in types.values_mut() {
            described_refs(schema);
            nullable_types(schema);
        }
        // typify sees the listed members only: the catch-all is `Other`, emitted apart.
        for union in &open_unions {
            let mut schema = schemas[union.name.as_str()].clone();
            if let Some(members) = schema["oneOf"].as_array_mut() {
                members.remove(union.other);
            }
            types.insert(union.name.clone(), schema.clone());
            types.insert(format!("{}Known", union.name), schema);
        }
        let view = serde_json::json!({
            "openapi": raw.get("openapi").unwrap_or(&Value::from("3.0.3")),
            "info": raw["info"],
            "paths": {},
            "components": { "schemas": types },
        });
        let tags = raw["tags"].as_array().into_iter().flatten();
        let tags = tags
            .filter_map(|t| {
                Some((
                    t["name"].as_str()?.to_owned(),
                    t["description"].as_str()?.to_owned(),
                ))
            })
            .collect();
        Ok(Spec {
            tags,
            types: view,
            operations,
            open_enums,
            open_unions,
            ref_unions,
            tasks,
            schemas,
            presets,
            document: raw,
        })
    }
}

/// Makes every `x-zai-open-enum` property (at any depth of a component's
/// properties) a component of its own, named after its path (`TurnDetection` →
/// `type` → `TurnDetectionType`, as typify would name it), so it becomes an open
/// enum like the named ones. Its description stays on the field.
fn hoist_open_enums(schemas: &mut Map<String, Value>) {
    fn walk(name: &str, schema: &mut Value, found: &mut Vec<(String, Value)>) {
        let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
            return;
        };
        for (prop, value) in props.iter_mut() {
            let path = format!("{name}{}", pascal_case(prop));
            if value.get("x-zai-open-enum") == Some(&Value::Bool(true)) {
                let mut reference =
                    serde_json::json!({ "$ref": format!("#/components/schemas/{path}") });
                if let Some(doc) = value.get("description") {
                    reference["description"] = doc.clone();
                }
                found.push((path, std::mem::replace(value, reference)));
            } else {
                walk(&path, value, found);
            }
        }
    }
    let mut found = Vec::new();
    for (name, schema) in schemas.iter_mut() {
        walk(name, schema, &mut found);
    }
    schemas.extend(found);
}

/// JSON Schema's `type: [T, "null"]` as OpenAPI 3.0's `type: T, nullable: true`.
fn nullable_types(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get("type") {
                let other: Vec<Value> = types.iter().filter(|t| *t != "null").cloned().collect();
                if let ([only], true) = (other.as_slice(), other.len() < types.len()) {
                    let only = only.clone();
                    map.insert("type".into(), only);
                    map.insert("nullable".into(), Value::Bool(true));
                }
            }
            map.values_mut().for_each(nullable_types);
        }
        Value::Array(items) => items.iter_mut().for_each(nullable_types),
        _ => {}
    }
}

/// A `$ref` with a sibling `description` (the only way to describe a field of a
/// component type; OpenAPI 3.0 tools ignore siblings of `$ref`) becomes
/// `allOf: [$ref]` with that description, which typify reads: the field keeps the
/// referenced type and gets the doc.
fn described_refs(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if map.contains_key("$ref") && map.contains_key("description") {
                let reference = map.remove("$ref").unwrap_or_default();
                map.insert("allOf".into(), serde_json::json!([{ "$ref": reference }]));
            }
            map.values_mut().for_each(described_refs);
        }
        Value::Array(items) => items.iter_mut().for_each(described_refs),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An open union's catch-all must exclude exactly the listed tags: a variant
    /// added without it would be valid twice for a standard validator.
    #[test]
    fn an_open_union_needs_a_catch_all_of_exactly_its_tags() {
        let member =
            |tag: &str| serde_json::json!({"properties": {"type": {"enum": [tag]}, "x": {}}});
        let other =
            |tags: &[&str]| serde_json::json!({"properties": {"type": {"not": {"enum": tags}}}});
        let union = |members: Vec<Value>| serde_json::json!({"oneOf": members});
        let read = OpenUnion::read(
            "U",
            &union(vec![member("a"), other(&["a", "b"]), member("b")]),
        )
        .unwrap();
        assert_eq!(
            (read.tag.as_str(), read.values, read.other),
            ("type", vec!["a".into(), "b".into()], 1)
        );
        let stale = OpenUnion::read("U", &union(vec![member("a"), member("b"), other(&["a"])]));
        assert_eq!(
            stale.err().unwrap(),
            r#"U: x-zai-open-union catch-all excludes ["a"], not the listed values ["a", "b"]"#
        );
        assert!(OpenUnion::read("U", &union(vec![member("a")])).is_err());
    }
}
