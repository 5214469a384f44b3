//! Reads spec/zai.yaml (OpenAPI) or spec/realtime.yaml (AsyncAPI): the schemas
//! typify generates types from, and the facts everything else is generated from
//! (operations, unions and `x-zai-*` extensions).

use serde_json::{Map, Value};

pub type Result<T> = std::result::Result<T, String>;

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];
const MULTIPART: &str = "multipart/form-data";

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

pub struct Operation {
    pub id: String,
    pub method: String,
    pub path: String,
    pub doc: String,
    /// `x-zai-base`: the named base URL the operation is served from.
    pub base: Option<String>,
    pub stream: Option<StreamSpec>,
    /// Path parameters, in path order.
    pub path_params: Vec<String>,
    /// Name of the synthesized query schema, when the operation has query parameters.
    pub query: Option<String>,
    /// Name of the JSON body schema, when the body is JSON.
    pub json_body: Option<String>,
    /// Name of the multipart/form-data body schema, when the body is multipart.
    pub multipart: Option<String>,
    /// Success body: `Some(schema name)` for JSON, `None` for raw bytes.
    pub response: Option<String>,
    /// `x-zai-wait`: a generated method waiting for the task this operation returns.
    pub wait: Option<WaitSpec>,
    /// `x-zai-pages`: how the next page is asked for.
    pub pages: Option<Paging>,
    /// `x-zai-auth`: how credentials are sent when not as `Bearer` (`raw-key`).
    pub auth: Option<String>,
    /// Its API family: the first of its `tags`.
    pub tag: Option<String>,
    /// `x-zai-platform` of its family: the one platform serving it (`china`).
    pub platform: Option<String>,
    /// `x-zai-retry: billed`: the operation creates billed work, resent only when
    /// the service provably did not process it.
    pub billed: bool,
    /// Billed, and its JSON body has a `request_id` the client fills when empty.
    pub fills_request_id: bool,
    /// `x-zai-envelope` of the answer's schema: the `code` values meaning success.
    pub envelope: Option<Vec<i64>>,
    /// The answer's schema has its own top-level `error` property.
    pub own_error: bool,
}

/// `x-zai-pages` of a list operation. `items` is a JSON pointer to the page's items.
pub enum Paging {
    /// `{cursor, items, has-more}`: the next page starts after the last item's `id`
    /// (query parameter `cursor`) while the flag at pointer `has_more` is true.
    Cursor {
        cursor: String,
        items: String,
        has_more: String,
    },
    /// `{page, items, total}`: numbered pages (query parameter `page`, from 1)
    /// until a page is empty or `total` (a pointer to the item count) items came.
    Numbered {
        page: String,
        items: String,
        total: String,
    },
}

/// `x-zai-wait` of an operation: the generated method's name, and what it polls.
pub enum WaitSpec {
    /// Polls this operation itself with the same arguments.
    Repeat(String),
    /// Calls this operation, reads the task id at JSON pointer `id` of its answer,
    /// then polls operation `poll` with it.
    Submit {
        method: String,
        poll: String,
        id: String,
        /// `renamed-from`: the method's former name, kept as a deprecated alias.
        renamed_from: Option<String>,
    },
}

/// `x-zai-open-union` of a schema: a `oneOf` of inline objects, each with a
/// one-value string enum in the tag property, and one catch-all member whose only
/// property is the tag, `not` any listed value.
pub struct OpenUnion {
    pub name: String,
    /// The tag property: the catch-all member's one property.
    pub tag: String,
    /// The wire value of the tag of each listed variant, in `oneOf` order.
    pub values: Vec<String>,
    /// The catch-all member's index in `oneOf`.
    pub other: usize,
}

/// A `oneOf` of `$ref`s to object schemas, each with a constant tag property
/// (`const`, or a one-value enum) named by `discriminator`: a Rust enum of one
/// newtype variant per member (the member's struct, the tag stripped from it).
/// `x-zai-open-union: true` adds the catch-all variant.
pub struct RefUnion {
    pub name: String,
    pub tag: String,
    /// Each member: its schema name and its tag value, in `oneOf` order.
    pub members: Vec<(String, String)>,
    pub open: bool,
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
    /// `event-field`: the payload field naming each event's SSE `event:` line.
    pub event_field: Option<String>,
    /// `final-field`: what a chunk must show, all of it, to end a stream properly
    /// when it is the last one (empty: no chunk does).
    pub final_field: Vec<FinalField>,
    /// An SSE `event:` name that ends the stream properly.
    pub final_event: Option<String>,
    /// `always: true`: the operation answers with events whatever the body, so the
    /// `*_stream` method sends the body as is (no `stream` flag added).
    pub always: bool,
    /// `server-default: true`: the server streams unless the body says `stream: false`,
    /// so the plain method sends `stream: false`.
    pub server_default: bool,
}

/// A condition of `final-field` in `x-zai-stream`.
pub enum FinalField {
    /// `a[].b`: an item of array field `a` has field `b` set.
    Item(String, String),
    /// `f=v`: string field `f` (optional) equals `v`.
    Equals(String, String),
    /// `f`: optional field `f` is set.
    Set(String),
}

impl FinalField {
    fn read(f: &str) -> Result<Self> {
        let name =
            |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        match (f.split_once("[]."), f.split_once('=')) {
            (Some((a, b)), _) => Ok(FinalField::Item(a.to_owned(), b.to_owned())),
            (None, Some((a, b))) => Ok(FinalField::Equals(a.to_owned(), b.to_owned())),
            _ if name(f) => Ok(FinalField::Set(f.to_owned())),
            _ => Err(format!(
                "x-zai-stream final-field `{f}` is neither `array[].field`, `field=value` nor `field`"
            )),
        }
    }
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
                let tag = operation.tag.as_deref();
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

impl OpenUnion {
    fn read(name: &str, schema: &Value) -> Result<Self> {
        let fail = |what: &str| format!("{name}: x-zai-open-union {what}");
        let members = schema["oneOf"]
            .as_array()
            .ok_or_else(|| fail("without oneOf"))?;
        let catch_all = |m: &Value| {
            let props = m["properties"].as_object().filter(|p| p.len() == 1)?;
            let (tag, prop) = props.iter().next()?;
            Some((tag.clone(), strings(prop.get("not")?.get("enum")?)))
        };
        let others: Vec<(usize, (String, Vec<String>))> = members
            .iter()
            .enumerate()
            .filter_map(|(i, m)| Some((i, catch_all(m)?)))
            .collect();
        let [(other, (tag, excluded))] = others.as_slice() else {
            return Err(fail(
                "needs one catch-all member: its tag `not` every listed value",
            ));
        };
        let values: Vec<String> = members
            .iter()
            .enumerate()
            .filter(|(i, _)| i != other)
            .map(|(_, variant)| {
                let value = variant["properties"][tag]["enum"]
                    .as_array()
                    .filter(|values| values.len() == 1)
                    .and_then(|values| values[0].as_str());
                value
                    .map(str::to_owned)
                    .ok_or_else(|| fail(&format!("member without a one-value `{tag}` enum")))
            })
            .collect::<Result<_>>()?;
        if *excluded != values {
            return Err(fail(&format!(
                "catch-all excludes {excluded:?}, not the listed values {values:?}"
            )));
        }
        Ok(OpenUnion {
            name: name.to_owned(),
            tag: tag.clone(),
            values,
            other: *other,
        })
    }
}

impl RefUnion {
    fn read(name: &str, schema: &Value, schemas: &Map<String, Value>) -> Result<Self> {
        let tag = match &schema["discriminator"] {
            Value::String(tag) => tag.clone(),
            other => other["propertyName"].as_str().unwrap_or("type").to_owned(),
        };
        let members = schema["oneOf"].as_array().into_iter().flatten();
        let members = members
            .map(|reference| {
                let member = schema_name(reference)?;
                let tag_schema = schemas.get(&member).map(|m| &m["properties"][&tag]);
                let value = tag_schema.and_then(|t| {
                    let single = || t["enum"].as_array().filter(|e| e.len() == 1)?[0].as_str();
                    t["const"].as_str().or_else(single)
                });
                let value = value
                    .ok_or_else(|| format!("{name}: member {member} needs a constant `{tag}`"))?;
                Ok((member, value.to_owned()))
            })
            .collect::<Result<_>>()?;
        Ok(RefUnion {
            name: name.to_owned(),
            tag,
            members,
            open: schema.get("x-zai-open-union") == Some(&Value::Bool(true)),
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

fn strings(list: &Value) -> Vec<String> {
    let items = list.as_array().into_iter().flatten();
    items
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// An object schema holding an operation's query parameters (typify turns it into
/// the typed query struct the method takes).
fn query_schema(id: &str, op: &Value) -> Value {
    let params = op["parameters"].as_array().into_iter().flatten();
    let query: Vec<&Value> = params.filter(|p| p["in"] == "query").collect();
    let properties: Map<String, Value> = query
        .iter()
        .map(|p| {
            let mut schema = p["schema"].clone();
            if let (Some(s), Some(doc)) = (schema.as_object_mut(), p.get("description")) {
                s.insert("description".into(), doc.clone());
            }
            (p["name"].as_str().unwrap_or_default().to_owned(), schema)
        })
        .collect();
    let required: Vec<&Value> = query
        .iter()
        .filter(|p| p["required"] == true)
        .map(|p| &p["name"])
        .collect();
    serde_json::json!({
        "type": "object",
        "description": format!("Query parameters of `{id}`."),
        "properties": properties,
        "required": required,
    })
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
        let params = op["parameters"].as_array().into_iter().flatten();
        let mut path_params = Vec::new();
        let mut has_query = false;
        for param in params {
            let name = param["name"]
                .as_str()
                .ok_or(format!("{id}: unnamed parameter"))?;
            match param["in"].as_str() {
                Some("path") => path_params.push(name.to_owned()),
                Some("query") => has_query = true,
                other => return Err(format!("{id}.{name}: unsupported parameter in {other:?}")),
            }
        }
        path_params.sort_by_key(|p| path.find(&format!("{{{p}}}")));
        let stream = op.get("x-zai-stream").map(StreamSpec::read).transpose()?;
        let wait = op
            .get("x-zai-wait")
            .map(|w| WaitSpec::read(&id, w))
            .transpose()?;
        let pages = op
            .get("x-zai-pages")
            .map(|p| {
                let text = |key: &str| p[key].as_str().map(str::to_owned);
                match (text("cursor"), text("page"), text("items")) {
                    (Some(cursor), None, Some(items))
                        if p.as_object().map(|m| m.len()) == Some(3) =>
                    {
                        let has_more =
                            text("has-more").ok_or(format!("{id}: x-zai-pages needs has-more"))?;
                        Ok(Paging::Cursor {
                            cursor,
                            items,
                            has_more,
                        })
                    }
                    (None, Some(page), Some(items))
                        if p.as_object().map(|m| m.len()) == Some(3) =>
                    {
                        let total =
                            text("total").ok_or(format!("{id}: x-zai-pages needs total"))?;
                        Ok(Paging::Numbered { page, items, total })
                    }
                    _ => Err(format!(
                        "{id}: x-zai-pages is {{cursor, items, has-more}} or {{page, items, total}}"
                    )),
                }
            })
            .transpose()?;
        // The client knows two bases: `paas/v4` (none) and the API root.
        let base = match op.get("x-zai-base") {
            None => None,
            Some(Value::String(b)) if b == "root" => Some(b.clone()),
            Some(other) => return Err(format!("{id}: x-zai-base {other}: only `root` is known")),
        };
        let auth = match op.get("x-zai-auth") {
            None => None,
            Some(Value::String(a)) if a == "raw-key" => Some(a.clone()),
            Some(other) => {
                return Err(format!("{id}: x-zai-auth {other}: only `raw-key` is known"));
            }
        };
        let billed = match op.get("x-zai-retry") {
            None => false,
            Some(Value::String(r)) if r == "billed" => true,
            Some(other) => {
                return Err(format!("{id}: x-zai-retry {other}: only `billed` is known"));
            }
        };
        Ok(Operation {
            auth,
            tag: op
                .pointer("/tags/0")
                .and_then(Value::as_str)
                .map(str::to_owned),
            platform: None,
            billed,
            fills_request_id: false,
            envelope: None,
            own_error: false,
            query: has_query.then(|| format!("{}Query", upper_first(&id))),
            id,
            method: method.to_owned(),
            path: path.to_owned(),
            doc,
            base,
            stream,
            path_params,
            json_body,
            multipart,
            response,
            wait,
            pages,
        })
    }
}

impl Operation {
    /// The facts read from the operation's body and answer schemas.
    fn read_schemas(&mut self, schemas: &Map<String, Value>) -> Result<()> {
        let schema = |name: &Option<String>| name.as_ref().and_then(|n| schemas.get(n));
        let has = |name: &Option<String>, property: &str| {
            schema(name).is_some_and(|s| s.pointer(&format!("/properties/{property}")).is_some())
        };
        self.fills_request_id = self.billed && has(&self.json_body, "request_id");
        self.own_error = has(&self.response, "error");
        self.envelope = match schema(&self.response).and_then(|s| s.get("x-zai-envelope")) {
            None => None,
            Some(codes) => Some(
                codes
                    .get("success")
                    .and_then(Value::as_array)
                    .and_then(|codes| codes.iter().map(Value::as_i64).collect())
                    .ok_or_else(|| {
                        format!("{}: x-zai-envelope is {{success: [codes]}}", self.id)
                    })?,
            ),
        };
        Ok(())
    }
}

fn upper_first(id: &str) -> String {
    let mut chars = id.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

impl WaitSpec {
    fn read(op: &str, ext: &Value) -> Result<Self> {
        if let Some(method) = ext.as_str() {
            return Ok(WaitSpec::Repeat(method.to_owned()));
        }
        let text = |key: &str| ext.get(key).and_then(Value::as_str).map(str::to_owned);
        match (text("method"), text("poll"), text("id")) {
            (Some(method), Some(poll), Some(id)) => Ok(WaitSpec::Submit {
                method,
                poll,
                id,
                renamed_from: text("renamed-from"),
            }),
            _ => Err(format!(
                "{op}: x-zai-wait is a method name or {{method, poll, id}}"
            )),
        }
    }
}

impl StreamSpec {
    fn read(ext: &Value) -> Result<Self> {
        let text = |key: &str| ext.get(key).and_then(Value::as_str).map(str::to_owned);
        let final_field = match ext.get("final-field") {
            None => Vec::new(),
            Some(Value::String(f)) => vec![FinalField::read(f)?],
            Some(Value::Array(all)) => all
                .iter()
                .map(|f| {
                    f.as_str()
                        .ok_or("x-zai-stream final-field items are strings")
                })
                .map(|f| FinalField::read(f?))
                .collect::<Result<_>>()?,
            Some(other) => {
                return Err(format!(
                    "x-zai-stream final-field `{other}` is not a string or list"
                ));
            }
        };
        let flag = |key: &str| ext.get(key) == Some(&Value::Bool(true));
        Ok(StreamSpec {
            chunk: text("chunk").ok_or("x-zai-stream needs `chunk`")?,
            done: text("done"),
            event_field: text("event-field"),
            final_field,
            final_event: text("final-event"),
            always: flag("always"),
            server_default: flag("server-default"),
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

/// `tool_calls` → `ToolCalls`, `PROCESSING` → `Processing`, `chat.completion` → `ChatCompletion`
/// (an open enum's variant names).
pub fn pascal_case(value: &str) -> String {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            let rest: String = if w.chars().all(|c| !c.is_ascii_lowercase()) {
                chars.as_str().to_ascii_lowercase()
            } else {
                chars.as_str().to_owned()
            };
            first.into_iter().chain(rest.chars()).collect::<String>()
        })
        .collect()
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
