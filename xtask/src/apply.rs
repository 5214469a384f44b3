//! `cargo xtask drift --apply`: writes a drift report's unexplained findings into
//! the spec's text, following the spec's rules (see its header):
//!
//! * a missing operation: the path item (under the API root with `x-zai-base: root`
//!   unless upstream serves it under `paas/v4`), an operationId (upstream's, else
//!   the verb and the path's words), upstream's summary and description, path and
//!   query parameters, `<Id>Request`, `<Id>Response` and, for an upstream
//!   `text/event-stream` answer with an object schema, `<Id>Chunk` schemas plus
//!   `x-zai-stream` (`always: true` without a JSON answer), multipart bodies as
//!   multipart, non-JSON answers as bytes, errors as the shared `Error` response;
//! * a missing field: upstream's schema (type, description, items, properties,
//!   nested fields; enums on request fields only, as response values grow),
//!   optional, in the spec schema holding its parent; a missing query parameter:
//!   an optional parameter of the operation;
//! * a missing enum value: appended to the enum (and to `x-enum-varnames`).
//!
//! Never applied, only listed: type conflicts (a decision), header parameters
//! (client-wide here) and anything the text editor cannot place. Upstream
//! schemas are copied with `$ref`s inlined, `required` only in new request bodies,
//! and without what the spec's rules exclude (examples, defaults, bounds,
//! `additionalProperties: false`, formats the generated types cannot hold).

use crate::drift::{Finding, Kind, MEDIA, Report, escape};
use crate::yaml_edit::YamlText;
use serde_json::{Map, Value, json};

/// Formats typify maps onto types `zai-types` can hold.
const FORMATS: [&str; 5] = ["int32", "int64", "float", "double", "binary"];
/// How deep an upstream schema is copied (recursive schemas end as open objects).
const MAX_DEPTH: usize = 12;

/// What `--apply` did: the new text and one line per unexplained finding.
pub struct Applied {
    pub text: String,
    pub changed: bool,
    pub lines: Vec<String>,
}

/// Applies every unexplained finding of `report` (of `upstream` against the spec
/// `text`) that can be applied.
pub fn apply(report: &Report, upstream: &Value, text: &str) -> Applied {
    let mut yaml = YamlText::new(text);
    let mut lines = Vec::new();
    let mut changed = false;
    for finding in report.findings.iter().filter(|f| f.explained.is_none()) {
        // Re-read after every edit: pointers and "already there" checks see the text as it is.
        let result = zai_codegen::read_document(&yaml.text())
            .and_then(|spec| one(&mut yaml, finding, upstream, &spec));
        let what = format!("{} {}", finding.operation, finding.field);
        lines.push(match result {
            Ok(()) => {
                changed = true;
                format!("applied: {}", what.trim_end())
            }
            Err(why) => format!("not applied: {}: {why}", what.trim_end()),
        });
    }
    Applied {
        text: yaml.text(),
        changed,
        lines,
    }
}

fn one(yaml: &mut YamlText, f: &Finding, upstream: &Value, spec: &Value) -> Result<(), String> {
    match &f.kind {
        Kind::TypeConflict { .. } => Err("a type conflict is a maintainer's decision".into()),
        Kind::OperationMissing if upstream.get("asyncapi").is_some() => {
            message(yaml, f, upstream, spec)
        }
        Kind::OperationMissing => operation(yaml, f, upstream, spec),
        Kind::FieldMissing { .. } => field(yaml, f, upstream, spec),
        Kind::EnumValueMissing { value } => {
            let at = f.spec_at.first().ok_or("the spec has no enum there")?;
            let value: Value = serde_json::from_str(value).map_err(|e| e.to_string())?;
            let listed = spec
                .pointer(&format!("{at}/enum"))
                .and_then(Value::as_array);
            if listed.is_some_and(|values| values.contains(&value)) {
                return Err("the spec has the value already".into());
            }
            yaml.append_item(&format!("{at}/enum"), &value)?;
            // An open enum (`anyOf: [{enum}, {type: string}]`) names its variants.
            if let Some(owner) = at.strip_suffix("/anyOf/0")
                && spec
                    .pointer(owner)
                    .is_some_and(|s| s["x-enum-varnames"].is_array())
            {
                let name = zai_codegen::pascal_case(
                    &value.as_str().map_or(value.to_string(), str::to_owned),
                );
                yaml.append_item(&format!("{owner}/x-enum-varnames"), &Value::from(name))?;
            }
            Ok(())
        }
    }
}

fn field(yaml: &mut YamlText, f: &Finding, upstream: &Value, spec: &Value) -> Result<(), String> {
    let schema = upstream
        .pointer(&f.upstream_at)
        .ok_or("upstream schema not found")?;
    if f.field.starts_with("header.") {
        return Err("header parameters are client-wide in this spec (ClientBuilder)".into());
    }
    if let Some(name) = f.field.strip_prefix("query.") {
        let param_at = f.upstream_at.strip_suffix("/schema").unwrap_or_default();
        let param = upstream
            .pointer(param_at)
            .ok_or("upstream parameter not found")?;
        let op = f.spec_at.first().ok_or("no operation")?;
        let mut out = json!({"name": name, "in": "query", "schema": Clean::request().schema(upstream, schema, 0)});
        if let Some(doc) = param.get("description") {
            out["description"] = doc.clone();
        }
        return yaml.append_item(&format!("{op}/parameters"), &out);
    }
    let (_, name) = f
        .field
        .rsplit_once('.')
        .ok_or("a whole body is missing: add it by hand")?;
    if name.ends_with("[]") {
        return Err("array items are missing: add them by hand".into());
    }
    let target = f.spec_at.iter().find(|at| {
        spec.pointer(at)
            .is_some_and(|s| s["properties"].is_object() || s["type"] == "object")
    });
    let target = target.ok_or("the spec's parent declares no properties to add to")?;
    if spec
        .pointer(target)
        .is_some_and(|s| s["properties"].get(name).is_some())
    {
        return Err("the spec has the field already".into());
    }
    let clean = match f.field.starts_with("request") {
        true => Clean::request(),
        false => Clean::response(),
    };
    let value = clean.schema(upstream, schema, 0);
    yaml.insert_entry(&format!("{target}/properties"), name, &value)
}

/// How an upstream schema is copied.
struct Clean {
    /// A request schema: enums kept (the client sends one of them).
    request: bool,
    /// A new operation's body: its `required` lists kept.
    required: bool,
}

impl Clean {
    fn request() -> Self {
        Clean {
            request: true,
            required: false,
        }
    }

    fn response() -> Self {
        Clean {
            request: false,
            required: false,
        }
    }

    fn schema(&self, doc: &Value, schema: &Value, depth: usize) -> Value {
        let mut schema = schema;
        while let Some(target) = schema["$ref"].as_str().and_then(|r| r.strip_prefix('#')) {
            match doc.pointer(target) {
                Some(next) if depth < MAX_DEPTH => schema = next,
                _ => return json!({"type": "object"}),
            }
        }
        let mut out = Map::new();
        if let Some(doc) = schema.get("description").filter(|d| d.is_string()) {
            out.insert("description".into(), doc.clone());
        }
        match &schema["type"] {
            Value::String(ty) => drop(out.insert("type".into(), ty.as_str().into())),
            // OpenAPI 3.1: `[t, "null"]`.
            Value::Array(types) => {
                let ty = types.iter().find(|t| *t != "null");
                if let Some(ty) = ty {
                    out.insert("type".into(), ty.clone());
                }
                if types.iter().any(|t| t == "null") {
                    out.insert("nullable".into(), true.into());
                }
            }
            _ => {}
        }
        if let Some(format) = schema["format"].as_str().filter(|f| FORMATS.contains(f)) {
            out.insert("format".into(), format.into());
        }
        if let Some(value) = schema.get("const") {
            out.insert("const".into(), value.clone());
        }
        if schema["nullable"] == true {
            out.insert("nullable".into(), true.into());
        }
        if let Some(values) = schema.get("enum").filter(|_| self.request) {
            out.insert("enum".into(), values.clone());
        }
        if let Some(required) = schema.get("required").filter(|_| self.required) {
            out.insert("required".into(), required.clone());
        }
        if let Some(items) = schema.get("items") {
            out.insert("items".into(), self.schema(doc, items, depth + 1));
        }
        if let Some(props) = schema["properties"].as_object() {
            let props = props
                .iter()
                .map(|(k, v)| (k.clone(), self.schema(doc, v, depth + 1)));
            out.insert("properties".into(), Value::Object(props.collect()));
        }
        match &schema["additionalProperties"] {
            Value::Bool(true) => drop(out.insert("additionalProperties".into(), true.into())),
            extra @ Value::Object(_) => {
                let extra = self.schema(doc, extra, depth + 1);
                out.insert("additionalProperties".into(), extra);
            }
            _ => {}
        }
        for key in ["oneOf", "anyOf", "allOf"] {
            if let Some(members) = schema[key].as_array() {
                let members = members.iter().map(|m| self.schema(doc, m, depth + 1));
                out.insert(key.into(), Value::Array(members.collect()));
            }
        }
        Value::Object(out)
    }
}

/// The spec's path of an upstream full path, and whether it is served from the
/// API root rather than `paas/v4`.
fn spec_path(full: &str) -> (String, bool) {
    let mut path = full.to_owned();
    for prefix in ["/api", "/coding"] {
        if let Some(rest) = path.strip_prefix(prefix).filter(|r| r.starts_with('/')) {
            path = rest.to_owned();
        }
    }
    match path.strip_prefix("/paas/v4").filter(|r| r.starts_with('/')) {
        Some(rest) => (rest.to_owned(), false),
        None => (path, true),
    }
}

/// Upstream's operationId when it is an identifier, else the verb and the
/// path's words (`POST /video/generations` → `createVideoGenerations`).
fn operation_id(op: &Value, method: &str, path: &str) -> String {
    if let Some(id) = op["operationId"].as_str()
        && id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && id.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return id.to_owned();
    }
    let verb = match method {
        "get" => "get",
        "post" => "create",
        "delete" => "delete",
        _ => "update",
    };
    let segments = path.split('/').filter(|s| !s.starts_with('{'));
    let words = segments
        .flat_map(|s| s.split(['-', '_', '.']))
        .filter(|w| !w.is_empty());
    verb.to_owned() + &words.map(zai_codegen::pascal_case).collect::<String>()
}

fn operation(
    yaml: &mut YamlText,
    f: &Finding,
    upstream: &Value,
    spec: &Value,
) -> Result<(), String> {
    let op = upstream
        .pointer(&f.upstream_at)
        .ok_or("upstream operation not found")?;
    let item = upstream
        .pointer(f.upstream_at.rsplit_once('/').map_or("", |(item, _)| item))
        .unwrap_or(&Value::Null);
    let (method, full) = f.operation.split_once(' ').ok_or("no method")?;
    let method = method.to_ascii_lowercase();
    let (path, root) = spec_path(full);
    let id = operation_id(op, &method, &path);
    let taken = spec["paths"].as_object().into_iter().flatten();
    if taken
        .flat_map(|(_, i)| i.as_object().into_iter().flatten())
        .any(|(_, o)| o["operationId"] == id.as_str())
    {
        return Err(format!("operationId `{id}` is taken: add it by hand"));
    }
    let name = zai_codegen::pascal_case(&id);
    let mut schemas = Vec::new();
    let mut out = Map::new();
    out.insert("operationId".into(), id.into());
    for key in ["summary", "description"] {
        if let Some(text) = op.get(key).filter(|t| t.is_string()) {
            out.insert(key.into(), text.clone());
        }
    }
    if root {
        out.insert("x-zai-base".into(), "root".into());
    }
    let params = item["parameters"].as_array().into_iter().flatten();
    let params: Vec<Value> = params
        .chain(op["parameters"].as_array().into_iter().flatten())
        .filter_map(|p| {
            let p = p["$ref"].as_str().and_then(|r| upstream.pointer(r.strip_prefix('#')?)).unwrap_or(p);
            let place = p["in"].as_str().filter(|i| *i == "path" || *i == "query")?;
            let mut param = json!({"name": p["name"], "in": place, "schema": Clean::request().schema(upstream, &p["schema"], 0)});
            if place == "path" {
                param["required"] = true.into();
            }
            if let Some(doc) = p.get("description").filter(|d| d.is_string()) {
                param["description"] = doc.clone();
            }
            Some(param)
        })
        .collect();
    if !params.is_empty() {
        out.insert("parameters".into(), params.into());
    }
    let body = &op["requestBody"]["content"];
    if let Some(media) = MEDIA.iter().find(|m| body.get(**m).is_some()) {
        let request = format!("{name}Request");
        let clean = Clean {
            request: true,
            required: true,
        };
        schemas.push((
            request.clone(),
            clean.schema(upstream, &body[*media]["schema"], 0),
        ));
        let schema = json!({"$ref": format!("#/components/schemas/{request}")});
        out.insert(
            "requestBody".into(),
            json!({"required": true, "content": {*media: {"schema": schema}}}),
        );
    }
    let mut responses = op["responses"].as_object().into_iter().flatten();
    let (status, answer) = responses
        .find(|(s, _)| s.starts_with('2'))
        .ok_or("upstream declares no 2XX answer")?;
    let mut content = Map::new();
    for (media, m) in answer["content"].as_object().into_iter().flatten() {
        let schema = Clean::response().schema(upstream, &m["schema"], 0);
        let component = match media.as_str() {
            "application/json" => format!("{name}Response"),
            "text/event-stream" if schema["properties"].is_object() => format!("{name}Chunk"),
            _ => {
                let bytes = json!({"type": "string", "format": "binary"});
                content.insert(media.clone(), json!({"schema": bytes}));
                continue;
            }
        };
        if media == "text/event-stream" {
            let always = answer["content"].get("application/json").is_none();
            let stream = match always {
                true => json!({"chunk": component, "always": true}),
                false => json!({"chunk": component}),
            };
            out.insert("x-zai-stream".into(), stream);
            content.insert(media.clone(), json!({"schema": {"type": "string"}}));
        } else {
            let reference = json!({"$ref": format!("#/components/schemas/{component}")});
            content.insert(media.clone(), json!({"schema": reference}));
        }
        schemas.push((component, schema));
    }
    let doc = answer["description"].as_str().unwrap_or("Success.");
    let error = json!({"$ref": "#/components/responses/Error"});
    out.insert(
        "responses".into(),
        json!({status: {"description": doc, "content": content}, "4XX": error, "5XX": error}),
    );
    for (component, _) in &schemas {
        if spec["components"]["schemas"].get(component).is_some() {
            return Err(format!("schema `{component}` exists: add it by hand"));
        }
    }
    match spec["paths"].get(&path) {
        Some(_) => yaml.insert_entry(
            &format!("/paths/{}", escape(&path)),
            &method,
            &Value::Object(out),
        )?,
        None => yaml.insert_entry("/paths", &path, &json!({method: out}))?,
    }
    for (component, schema) in schemas {
        yaml.insert_entry("/components/schemas", &component, &schema)?;
    }
    Ok(())
}

/// An AsyncAPI message the spec lacks: its payload schema (`<Event>` in
/// PascalCase), the message, its place in the channel with the same address, and
/// an operation sending or receiving it.
fn message(yaml: &mut YamlText, f: &Finding, upstream: &Value, spec: &Value) -> Result<(), String> {
    let found = upstream.pointer(&f.upstream_at);
    let message = found.ok_or("upstream message not found")?;
    let (action, rest) = f.operation.split_once(' ').ok_or("no action")?;
    let (address, event) = rest.rsplit_once('#').ok_or("no event")?;
    let name = zai_codegen::pascal_case(event);
    let channels = spec["channels"].as_object().into_iter().flatten();
    let same = |c: &Value| {
        c["address"]
            .as_str()
            .is_some_and(|a| address.ends_with(a.trim_end_matches('/')))
    };
    let (channel, _) = channels
        .into_iter()
        .find(|(_, c)| same(c))
        .ok_or("the spec has no channel at that address: add it by hand")?;
    let taken = |at: &str| spec.pointer(at).is_some();
    let operation = format!("{}{name}", action.to_ascii_lowercase());
    if taken(&format!("/components/schemas/{name}"))
        || taken(&format!("/components/messages/{name}"))
        || taken(&format!("/operations/{operation}"))
    {
        return Err(format!("`{name}` is taken: add it by hand"));
    }
    let clean = Clean {
        request: action == "SEND",
        required: action == "SEND",
    };
    let payload = clean.schema(upstream, &message["payload"], 0);
    let mut entry = json!({"payload": {"$ref": format!("#/components/schemas/{name}")}});
    for key in ["summary", "description"] {
        if let Some(text) = message.get(key).filter(|t| t.is_string()) {
            entry[key] = text.clone();
        }
    }
    let channel_at = format!("#/channels/{}", escape(channel));
    yaml.insert_entry("/components/schemas", &name, &payload)?;
    yaml.insert_entry("/components/messages", &name, &entry)?;
    let reference = json!({"$ref": format!("#/components/messages/{name}")});
    yaml.insert_entry(
        &format!("/channels/{}/messages", escape(channel)),
        &name,
        &reference,
    )?;
    let op = json!({
        "action": action.to_ascii_lowercase(),
        "channel": {"$ref": channel_at},
        "messages": [{"$ref": format!("{channel_at}/messages/{name}")}],
    });
    yaml.insert_entry("/operations", &operation, &op)
}

#[cfg(test)]
#[path = "apply_tests.rs"]
mod tests;
