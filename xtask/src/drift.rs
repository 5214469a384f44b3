//! The upstream drift report: what an upstream OpenAPI document has that
//! spec/zai.yaml lacks.
//!
//! Operations are matched by method and normalized path: the upstream document's
//! first server path is put in front of its paths, then `/api`, `/coding` and
//! `/paas/v4` prefixes are taken off (in that order) and every `{param}` reads
//! `{}`. So upstream `/paas/v4/files/{file_id}` (server `…/api`) is the spec's
//! `/files/{file_id}`, and `/llm-application/open/knowledge` is the spec's root-based
//! path of the same name. operationIds are not needed.
//!
//! For each matched operation both sides are flattened into dotted field paths
//! (`request.messages[].content`, `response.data.list[].id`, `stream.type` for the
//! spec's `x-zai-stream` chunk against an upstream `text/event-stream` answer,
//! `query.page` and `header.X-Session-Id` for parameters), walking `$ref`,
//! `allOf`/`oneOf`/`anyOf` members (merged at the same path), nested objects and
//! array items. Findings:
//!
//! * an upstream operation the spec lacks;
//! * an upstream field the spec lacks (only the outermost one of a missing subtree,
//!   and none under a spec field without structure: an object left open, with no
//!   `properties`, or a field of another type, reported as a type conflict);
//! * an upstream enum value the spec's enum lacks (a spec field without `enum`
//!   accepts any value);
//! * a type conflict (an upstream `integer` fits a spec `number`).
//!
//! A finding is explained, not drift, when an `x-zai-upstream` note of the spec
//! declares it (see the spec's header): on the node at or above it, `ignores`
//! lists fields (relative dotted paths), `enum` values and `type` fields; the
//! spec's top-level note may list operations (`"POST /path"`) it leaves out.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];
/// Request body media types, in the order they are looked for.
pub const MEDIA: [&str; 3] = [
    "application/json",
    "multipart/form-data",
    "application/x-www-form-urlencoded",
];
/// How deep schemas are walked (recursive schemas stop here).
const MAX_DEPTH: usize = 24;

/// One difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    /// `METHOD /upstream/path`.
    pub operation: String,
    /// The field's dotted path (empty for a missing operation).
    pub field: String,
    /// The note's reason, when the spec declares the difference.
    pub explained: Option<String>,
    /// JSON pointer into the upstream document: the operation, or the field's schema.
    pub upstream_at: String,
    /// JSON pointers into the spec where `--apply` writes: the schemas holding the
    /// missing field's parent, the enum lacking a value, or the operation lacking
    /// a parameter (empty for a missing operation).
    pub spec_at: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    OperationMissing,
    FieldMissing { upstream_type: String },
    EnumValueMissing { value: String },
    TypeConflict { upstream: String, spec: String },
}

/// Every finding of one comparison.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
}

impl Report {
    /// Count of unexplained findings of a kind.
    fn count(&self, matches: fn(&Kind) -> bool) -> usize {
        let unexplained = self.findings.iter().filter(|f| f.explained.is_none());
        unexplained.filter(|f| matches(&f.kind)).count()
    }

    /// The summary line.
    pub fn summary(&self) -> String {
        let explained = self
            .findings
            .iter()
            .filter(|f| f.explained.is_some())
            .count();
        format!(
            "drift: {} operations missing, {} fields missing, {} enum values missing, {} type conflicts ({explained} explained)",
            self.count(|k| matches!(k, Kind::OperationMissing)),
            self.count(|k| matches!(k, Kind::FieldMissing { .. })),
            self.count(|k| matches!(k, Kind::EnumValueMissing { .. })),
            self.count(|k| matches!(k, Kind::TypeConflict { .. })),
        )
    }

    /// One line per finding, then the summary line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for f in &self.findings {
            let (op, field) = (&f.operation, &f.field);
            let _ = match &f.kind {
                Kind::OperationMissing => write!(out, "operation missing: {op}"),
                Kind::FieldMissing { upstream_type } => {
                    write!(
                        out,
                        "field missing: {op} {field} (upstream {upstream_type})"
                    )
                }
                Kind::EnumValueMissing { value } => {
                    write!(out, "enum value missing: {op} {field} {value}")
                }
                Kind::TypeConflict { upstream, spec } => write!(
                    out,
                    "type conflict: {op} {field} (upstream {upstream}, spec {spec})"
                ),
            };
            if let Some(reason) = &f.explained {
                let _ = write!(out, " [explained: {reason}]");
            }
            out.push('\n');
        }
        out + &self.summary() + "\n"
    }
}

/// Compares `upstream` with `spec`.
pub fn report(upstream: &Value, spec: &Value) -> Report {
    let spec_ops = flatten(spec, "");
    let top_note = Note::read("", &spec["x-zai-upstream"]);
    let mut report = Report::default();
    for up in flatten(upstream, &server_path(upstream)) {
        let Some(mine) = spec_ops.iter().find(|o| o.key == up.key) else {
            let explained = top_note.as_ref().and_then(|n| {
                let listed = n.ignores.iter().any(|i| op_key(i) == Some(up.key.clone()));
                listed.then(|| n.reason.clone())
            });
            report.findings.push(Finding {
                kind: Kind::OperationMissing,
                operation: up.label.clone(),
                field: String::new(),
                explained,
                upstream_at: up.pointer.clone(),
                spec_at: Vec::new(),
            });
            continue;
        };
        compare(&up, mine, &mut report.findings);
    }
    report
}

/// The path of the document's first server URL (`https://open.bigmodel.cn/api/` → `/api`).
fn server_path(doc: &Value) -> String {
    let url = doc["servers"][0]["url"].as_str().unwrap_or("");
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    path.trim_end_matches('/').to_owned()
}

/// `METHOD /path` of a note's operation entry, normalized.
fn op_key(entry: &str) -> Option<(String, String)> {
    let (method, path) = entry.split_once(' ')?;
    Some((method.to_ascii_uppercase(), normalize(path)))
}

/// Prefixes off, parameters anonymous.
fn normalize(path: &str) -> String {
    let mut path = format!("/{}", path.trim_matches('/'));
    for prefix in ["/api", "/coding", "/paas/v4"] {
        if let Some(rest) = path.strip_prefix(prefix)
            && (rest.is_empty() || rest.starts_with('/'))
        {
            path = rest.to_owned();
        }
    }
    path.split('/')
        .map(|seg| match seg.starts_with('{') && seg.ends_with('}') {
            true => "{}",
            false => seg,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// One operation, flattened.
struct Operation {
    key: (String, String),
    /// JSON pointer of the operation object.
    pointer: String,
    label: String,
    fields: BTreeMap<String, Node>,
    notes: Vec<Note>,
}

/// What is known at one field path (merged over union members).
#[derive(Debug, Default)]
struct Node {
    types: BTreeSet<String>,
    /// `Some` when a schema here declares an enum.
    enums: Option<BTreeSet<String>>,
    /// Declares properties, items or composition somewhere: fields below it are
    /// known one by one.
    structured: bool,
    /// JSON pointers of the schemas merged here, in walk order.
    at: Vec<String>,
    /// JSON pointer of the first schema here declaring an enum.
    enum_at: Option<String>,
}

/// An `x-zai-upstream` note, where it sits.
#[derive(Debug)]
struct Note {
    at: String,
    reason: String,
    ignores: Vec<String>,
    enums: BTreeMap<String, Vec<String>>,
    types: BTreeSet<String>,
}

impl Note {
    fn read(at: &str, value: &Value) -> Option<Note> {
        let note = value.as_object()?;
        let strings = |v: &Value| -> Vec<String> {
            let items = v.as_array().into_iter().flatten();
            items
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect()
        };
        let fields = |key: &str| -> Vec<(String, &Value)> {
            let map = note
                .get(key)
                .and_then(Value::as_object)
                .into_iter()
                .flatten();
            map.map(|(field, v)| (join_relative(at, field), v))
                .collect()
        };
        Some(Note {
            at: at.to_owned(),
            reason: note
                .get("reason")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            ignores: strings(note.get("ignores").unwrap_or(&Value::Null)),
            enums: fields("enum")
                .into_iter()
                .map(|(f, v)| (f, strings(v)))
                .collect(),
            types: fields("type").into_iter().map(|(f, _)| f).collect(),
        })
    }

    /// Whether this note declares `finding` (at `field`) deliberate.
    fn explains(&self, kind: &Kind, field: &str) -> bool {
        match kind {
            Kind::OperationMissing => false,
            Kind::FieldMissing { .. } => self.ignores.iter().any(|i| {
                let ignored = join_relative(&self.at, i);
                field == ignored || is_below(field, &ignored)
            }),
            Kind::EnumValueMissing { value } => self.enums.get(field).is_some_and(|values| {
                values
                    .iter()
                    .any(|v| enum_text(&Value::from(v.as_str())) == *value)
            }),
            Kind::TypeConflict { .. } => self.types.contains(field),
        }
    }
}

/// `at` joined with a relative field path (`.` is `at` itself).
fn join_relative(at: &str, field: &str) -> String {
    match (at, field) {
        (at, ".") => at.to_owned(),
        ("", field) => field.to_owned(),
        (at, field) if field.starts_with("[]") => format!("{at}{field}"),
        (at, field) => format!("{at}.{field}"),
    }
}

/// Whether `field` lies under `ancestor`.
fn is_below(field: &str, ancestor: &str) -> bool {
    field
        .strip_prefix(ancestor)
        .is_some_and(|rest| rest.starts_with('.') || rest.starts_with("[]"))
}

/// The parent of a field path (`a.b` → `a`, `a[]` → `a`).
fn parent(field: &str) -> Option<&str> {
    if let Some(p) = field.strip_suffix("[]") {
        return Some(p);
    }
    field.rfind('.').map(|i| &field[..i])
}

/// Every operation of a document, its paths prefixed with `prefix`.
/// Every operation of an OpenAPI or AsyncAPI document, flattened.
fn flatten(doc: &Value, prefix: &str) -> Vec<Operation> {
    match doc.get("asyncapi") {
        Some(_) => asyncapi::operations(doc),
        None => operations(doc, prefix),
    }
}

fn operations(doc: &Value, prefix: &str) -> Vec<Operation> {
    let mut out = Vec::new();
    let paths = doc["paths"].as_object().into_iter().flatten();
    for (path, item) in paths {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let mut walker = Walker::new(doc);
            walker.note("", &op["x-zai-upstream"]);
            let item_at = format!("/paths/{}", escape(path));
            walker.operation(op, item, &item_at, method);
            out.push(Operation {
                pointer: format!("{item_at}/{method}"),
                key: (
                    method.to_ascii_uppercase(),
                    normalize(&format!("{prefix}{path}")),
                ),
                label: format!("{} {prefix}{path}", method.to_ascii_uppercase()),
                fields: walker.fields,
                notes: walker.notes,
            });
        }
    }
    out
}

struct Walker<'a> {
    doc: &'a Value,
    fields: BTreeMap<String, Node>,
    notes: Vec<Note>,
    /// `$ref`s being walked (a recursive schema stops at itself).
    stack: Vec<&'a str>,
}

impl<'a> Walker<'a> {
    fn new(doc: &'a Value) -> Self {
        Walker {
            doc,
            fields: BTreeMap::new(),
            notes: Vec::new(),
            stack: Vec::new(),
        }
    }

    fn note(&mut self, at: &str, value: &Value) {
        self.notes.extend(Note::read(at, value));
    }

    /// The target of a `$ref` (or the value itself), and its JSON pointer (`at`
    /// is the value's own).
    fn resolve(&self, value: &'a Value, at: &str) -> (&'a Value, String) {
        let (mut value, mut at) = (value, at.to_owned());
        for _ in 0..MAX_DEPTH {
            let Some(target) = value["$ref"].as_str() else {
                break;
            };
            let Some(pointer) = target.strip_prefix('#') else {
                break;
            };
            match self.doc.pointer(pointer) {
                Some(next) => (value, at) = (next, pointer.to_owned()),
                None => break,
            }
        }
        (value, at)
    }

    fn operation(&mut self, op: &'a Value, item: &'a Value, item_at: &str, method: &str) {
        let op_at = format!("{item_at}/{method}");
        let list = |owner: &'a Value, owner_at: &str| {
            let params = owner["parameters"].as_array().into_iter().flatten();
            let owner_at = owner_at.to_owned();
            params
                .enumerate()
                .map(move |(i, p)| (p, format!("{owner_at}/parameters/{i}")))
        };
        for (param, param_at) in list(item, item_at).chain(list(op, &op_at)) {
            let (param, param_at) = self.resolve(param, &param_at);
            let (Some(place), Some(name)) = (param["in"].as_str(), param["name"].as_str()) else {
                continue;
            };
            if place == "query" || place == "header" {
                let field = format!("{place}.{name}");
                self.schema(&param["schema"], &field, &format!("{param_at}/schema"), 0);
            }
        }
        let (body, body_at) = self.resolve(&op["requestBody"], &format!("{op_at}/requestBody"));
        for media in MEDIA {
            if let Some(m) = body["content"].get(media) {
                let at = format!("{body_at}/content/{}/schema", escape(media));
                self.schema(&m["schema"], "request", &at, 0);
                break;
            }
        }
        let responses = op["responses"].as_object().into_iter().flatten();
        for (status, response) in responses.filter(|(status, _)| status.starts_with('2')) {
            let (response, at) = self.resolve(response, &format!("{op_at}/responses/{status}"));
            let content = &response["content"];
            if let Some(json) = content.get("application/json") {
                let at = format!("{at}/content/application~1json/schema");
                self.schema(&json["schema"], "response", &at, 0);
            }
            if let Some(events) = content.get("text/event-stream") {
                let schema = &events["schema"];
                let at = format!("{at}/content/text~1event-stream/schema");
                if self.resolve(schema, &at).0["type"] != "string" {
                    self.schema(schema, "stream", &at, 0);
                }
            }
        }
        if let Some(chunk) = op["x-zai-stream"]["chunk"].as_str() {
            let at = format!("/components/schemas/{}", escape(chunk));
            if let Some(schema) = self.doc.pointer(&at) {
                self.schema(schema, "stream", &at, 0);
            }
        }
    }

    /// Walks `schema` (at JSON pointer `ptr`) as the field at `at`.
    fn schema(&mut self, schema: &'a Value, at: &str, ptr: &str, depth: usize) {
        self.note(at, &schema["x-zai-upstream"]);
        let reference = schema["$ref"].as_str();
        if depth > MAX_DEPTH || reference.is_some_and(|r| self.stack.contains(&r)) {
            return;
        }
        if let Some(r) = reference {
            self.stack.push(r);
        }
        let (resolved, ptr) = self.resolve(schema, ptr);
        if reference.is_some() {
            self.note(at, &resolved["x-zai-upstream"]);
        }
        self.node(resolved, at, &ptr);
        for key in ["allOf", "oneOf", "anyOf"] {
            for (i, member) in resolved[key].as_array().into_iter().flatten().enumerate() {
                self.schema(member, at, &format!("{ptr}/{key}/{i}"), depth + 1);
            }
        }
        if let Some(items) = resolved.get("items") {
            self.schema(
                items,
                &format!("{at}[]"),
                &format!("{ptr}/items"),
                depth + 1,
            );
        }
        for (name, prop) in resolved["properties"].as_object().into_iter().flatten() {
            let prop_at = format!("{ptr}/properties/{}", escape(name));
            self.schema(prop, &join_relative(at, name), &prop_at, depth + 1);
        }
        if reference.is_some() {
            self.stack.pop();
        }
    }

    /// Records what this schema says about the field at `at`.
    fn node(&mut self, schema: &Value, at: &str, ptr: &str) {
        let node = self.fields.entry(at.to_owned()).or_default();
        node.at.push(ptr.to_owned());
        if schema.get("enum").is_some() && node.enums.is_none() {
            node.enum_at = Some(ptr.to_owned());
        }
        let ty = schema["type"].as_str();
        if let Some(ty) = ty {
            node.types.insert(ty.to_owned());
        }
        if let Some(values) = schema["enum"].as_array() {
            let set = node.enums.get_or_insert_with(BTreeSet::new);
            set.extend(values.iter().map(enum_text));
        }
        // JSON Schema's `const` (AsyncAPI payloads): a one-value enum.
        if let Some(value) = schema.get("const") {
            node.enums
                .get_or_insert_with(BTreeSet::new)
                .insert(enum_text(value));
        }
        let composed = ["allOf", "oneOf", "anyOf"]
            .iter()
            .any(|k| schema.get(*k).is_some());
        let has_props = schema["properties"]
            .as_object()
            .is_some_and(|p| !p.is_empty());
        node.structured |= has_props || composed || schema.get("items").is_some();
    }
}

/// A JSON pointer token (`/` → `~1`, `~` → `~0`).
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// An enum value as printed (strings quoted, numbers as is).
fn enum_text(value: &Value) -> String {
    value.to_string()
}

fn compatible(upstream: &BTreeSet<String>, spec: &BTreeSet<String>) -> bool {
    upstream.is_empty()
        || spec.is_empty()
        || upstream
            .iter()
            .any(|t| spec.contains(t) || (t == "integer" && spec.contains("number")))
}

fn compare(up: &Operation, mine: &Operation, findings: &mut Vec<Finding>) {
    let mut push = |kind: Kind, field: &str, spec_at: Vec<String>| {
        let explained = mine
            .notes
            .iter()
            .find(|n| n.explains(&kind, field))
            .map(|n| n.reason.clone());
        let upstream_at = up.fields[field].at.first().cloned().unwrap_or_default();
        findings.push(Finding {
            kind,
            operation: up.label.clone(),
            field: field.to_owned(),
            explained,
            upstream_at,
            spec_at,
        });
    };
    for (field, theirs) in &up.fields {
        let Some(ours) = mine.fields.get(field) else {
            // Report only the outermost missing field.
            let mut ancestor = parent(field);
            let mut covered = false;
            while let Some(a) = ancestor {
                match mine.fields.get(a) {
                    // Below a spec field without structure (an open object, or a field
                    // of another type: a type conflict, reported itself) nothing is missing.
                    Some(node) => {
                        covered = !node.structured;
                        break;
                    }
                    None if up.fields.contains_key(a) => {
                        covered = true;
                        break;
                    }
                    None => ancestor = parent(a),
                }
            }
            if !covered {
                let upstream_type = theirs.types.iter().cloned().collect::<Vec<_>>().join("|");
                let upstream_type = if upstream_type.is_empty() {
                    "any".into()
                } else {
                    upstream_type
                };
                // Where it goes: the parent's schemas, or the operation (a parameter).
                let spec_at = match parent(field).and_then(|p| mine.fields.get(p)) {
                    Some(node) => node.at.clone(),
                    None => vec![mine.pointer.clone()],
                };
                push(Kind::FieldMissing { upstream_type }, field, spec_at);
            }
            continue;
        };
        if !compatible(&theirs.types, &ours.types) {
            let join = |s: &BTreeSet<String>| s.iter().cloned().collect::<Vec<_>>().join("|");
            let kind = Kind::TypeConflict {
                upstream: join(&theirs.types),
                spec: join(&ours.types),
            };
            push(kind, field, Vec::new());
        }
        if let (Some(their_values), Some(our_values)) = (&theirs.enums, &ours.enums) {
            for value in their_values.difference(our_values) {
                let kind = Kind::EnumValueMissing {
                    value: value.clone(),
                };
                push(kind, field, ours.enum_at.iter().cloned().collect());
            }
        }
    }
}

#[path = "asyncapi.rs"]
mod asyncapi;

#[cfg(test)]
#[path = "drift_tests.rs"]
mod tests;
