//! How the mock answers one request: routing, auth, errors on demand, examples,
//! sequences and server-sent events, all driven by the route table.

use crate::spec::{Operation, Stream, table};
use crate::validate::{self, Invalid};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, StreamBody, combinators::BoxBody};
use hyper::body::{Frame, Incoming};
use hyper::{Request, Response, StatusCode, header};
use serde_json::Value;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

pub(crate) type Body = BoxBody<Bytes, Infallible>;

/// The `paas/v4` bases of the real API (general and GLM Coding Plan).
const PAAS_BASES: [&str; 2] = ["/api/paas/v4", "/api/coding/paas/v4"];
/// The API root, base of `x-zai-base: root` operations.
const ROOT_BASE: &str = "/api";

pub(crate) use crate::state::State;

/// Which operations a request path reaches once a base is taken off it.
#[derive(Clone, Copy)]
enum Mount {
    /// The server root: every operation at its spec path.
    Any,
    /// A `paas/v4` base: its operations, and root ones too (both official SDKs join
    /// `v1/agents` onto the `paas/v4` base).
    Paas,
    /// `/api`: the root operations.
    Root,
}

impl Mount {
    fn serves(self, op: &Operation) -> bool {
        match self {
            Mount::Any | Mount::Paas => true,
            Mount::Root => op.root,
        }
    }
}

/// The ways `path` can be read: as is, and minus each base it starts with.
fn mounts(path: &str) -> Vec<(&str, Mount)> {
    let under = |base: &str| path.strip_prefix(base).filter(|rest| rest.starts_with('/'));
    let mut mounts = vec![(path, Mount::Any)];
    mounts.extend(
        PAAS_BASES
            .iter()
            .filter_map(|b| Some((under(b)?, Mount::Paas))),
    );
    mounts.extend(under(ROOT_BASE).map(|rest| (rest, Mount::Root)));
    mounts
}

/// The operation serving `method path`, how many literal segments its template
/// matched and the path parameters' values; `Err(true)` when the path exists
/// under another method.
pub(crate) fn route(
    method: &str,
    path: &str,
) -> Result<(&'static Operation, usize, Vec<String>), bool> {
    let mut best: Option<(&Operation, usize, Vec<String>)> = None;
    let mut other_method = false;
    for (rest, mount) in mounts(path) {
        for op in table().operations.iter().filter(|op| mount.serves(op)) {
            let Some((literals, params)) = matches(&op.path, rest) else {
                continue;
            };
            if !op.method.eq_ignore_ascii_case(method) {
                other_method = true;
            } else if best.as_ref().is_none_or(|(_, l, _)| literals > *l) {
                best = Some((op, literals, params));
            }
        }
    }
    best.ok_or(other_method)
}

/// Number of literal segments and the parameter values when `path` matches
/// `template`.
fn matches(template: &str, path: &str) -> Option<(usize, Vec<String>)> {
    let t: Vec<&str> = template.trim_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_matches('/').split('/').collect();
    if t.len() != p.len() {
        return None;
    }
    let mut literals = 0;
    let mut params = Vec::new();
    for (t, p) in t.iter().zip(&p) {
        if t.starts_with('{') && t.ends_with('}') {
            if p.is_empty() {
                return None;
            }
            params.push(percent_decode(p));
        } else if t == p {
            literals += 1;
        } else {
            return None;
        }
    }
    Some((literals, params))
}

/// The methods served at `path` by its most specific path template (for a 405's
/// `Allow`): `/files/ocr` allows `POST`, not `/files/{file_id}`'s `DELETE`.
fn allowed_methods(path: &str) -> String {
    let served: Vec<(&str, usize)> = ["GET", "POST", "PUT", "PATCH", "DELETE"]
        .into_iter()
        .filter_map(|m| Some((m, route(m, path).ok()?.1)))
        .collect();
    let best = served.iter().map(|(_, l)| *l).max().unwrap_or(0);
    served
        .iter()
        .filter(|(_, l)| *l == best)
        .map(|(m, _)| *m)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The request as the mock reads it: path parameters, query, JSON body (or the
/// text parts of a multipart one) and file parts.
pub(crate) struct Call {
    pub params: Vec<String>,
    pub query: Vec<(String, String)>,
    pub fields: Value,
    pub files: Vec<FilePart>,
}

/// One file part of a multipart body.
pub(crate) struct FilePart {
    pub name: String,
    pub filename: String,
    pub bytes: Bytes,
}

/// What the mock answers, before it is written out.
pub(crate) enum Reply {
    /// A JSON body with its status.
    Json(StatusCode, Value),
    /// Another media type (the operation's), e.g. a file's bytes.
    Bytes(String, Bytes),
    /// Server-sent events: the `data:` payloads of `stream`.
    Events(&'static Stream, Vec<Value>),
}

pub(crate) async fn handle(state: Arc<State>, req: Request<Incoming>) -> Response<Body> {
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let (op, params) = match route(&method, &path) {
        Ok((op, _, params)) => (op, params),
        Err(true) => {
            let mut response = error(StatusCode::METHOD_NOT_ALLOWED);
            if let Ok(allow) = allowed_methods(&path).parse() {
                response.headers_mut().insert(header::ALLOW, allow);
            }
            return response;
        }
        Err(false) => {
            // What Z.AI's gateway answers for an unknown path (Spring-style).
            let body = serde_json::json!({
                "timestamp": "2026-03-13T05:05:28.067+00:00",
                "status": 404,
                "error": "Not Found",
                "path": path,
            });
            return json(StatusCode::NOT_FOUND, &body);
        }
    };
    let query = req.uri().query().map(parse_query).unwrap_or_default();
    let headers = req.headers();
    let authorized = headers
        .get(header::AUTHORIZATION)
        .or_else(|| headers.get("x-api-key"))
        .and_then(|v| v.to_str().ok())
        .is_some_and(plausible_key);
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = match req.into_body().collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return error(StatusCode::BAD_REQUEST),
    };
    if !authorized {
        return error(StatusCode::UNAUTHORIZED);
    }
    let (fields, files) = if op.multipart {
        multipart(&content_type, &body)
    } else if body.is_empty() {
        (Value::Null, Vec::new())
    } else {
        match serde_json::from_slice::<Value>(&body) {
            Ok(v @ Value::Object(_)) => (v, Vec::new()),
            _ => return error(StatusCode::BAD_REQUEST),
        }
    };
    let call = Call {
        params,
        query,
        fields,
        files,
    };
    let streaming = matches!(&call.fields["stream"], Value::Bool(true))
        || call.fields["stream"].as_str() == Some("true");
    let fault = streaming && call.fields["model"].as_str() == Some(GLUED_FRAMES);
    let chunk_delay = state.chunk_delay;
    // Off the async workers: answering may take a while (a batch of 50,000
    // lines is answered when it completes), and other requests go on meanwhile.
    let reply =
        tokio::task::spawn_blocking(move || process(&state, op, &call, &path, streaming)).await;
    let Ok(reply) = reply else {
        return error(StatusCode::INTERNAL_SERVER_ERROR);
    };
    match reply {
        Reply::Json(status, value) => json(status, &value),
        Reply::Bytes(content_type, bytes) => {
            let mut response = Response::new(full(bytes));
            set_type(&mut response, &content_type);
            response
        }
        Reply::Events(stream, chunks) => sse(stream, chunks, fault, chunk_delay),
    }
}

/// The `model` that makes a stream glue frames together (see the crate docs).
pub(crate) const GLUED_FRAMES: &str = "fault-glued-frames";

/// Errors on demand, validation, then the answer: everything but the wire.
pub(crate) fn process(
    state: &State,
    op: &'static Operation,
    call: &Call,
    path: &str,
    streaming: bool,
) -> Reply {
    if let Some(status) = call.fields["model"]
        .as_str()
        .and_then(|m| m.strip_prefix("error-"))
        .and_then(|s| s.parse::<u16>().ok())
        .and_then(|s| StatusCode::from_u16(s).ok())
        .filter(|s| s.is_client_error() || s.is_server_error())
    {
        return Reply::Json(status, error_body(status.as_u16()));
    }
    if let Err(invalid) = validate(op, call) {
        let mut body = error_body(400);
        body["error"]["message"] = Value::String(invalid.message());
        return Reply::Json(StatusCode::BAD_REQUEST, body);
    }
    if op.resource.is_some() {
        return crate::state::resource(state, op, call);
    }
    let fields = &call.fields;
    let mut name = op
        .when_equal
        .iter()
        .find(|(pointer, value, _)| fields.pointer(pointer) == Some(value))
        .map(|(.., name)| name.clone());
    // A tool result answers the call: the conversation goes on without calling again.
    let tool_result_last = fields["messages"]
        .as_array()
        .and_then(|m| m.last())
        .is_some_and(|m| m["role"] == "tool");
    if name.is_none() && !tool_result_last {
        name = op
            .when_present
            .iter()
            .find(|(field, _)| present(&fields[field.as_str()]))
            .map(|(_, name)| name.clone());
    }
    let mut task = None;
    if name.is_none() && !op.sequence.is_empty() {
        let (n, creator) = state.poll(path, call.params.first());
        task = creator
            .as_ref()
            .map(|c| (call.params[0].clone(), c.clone()));
        let last = op.sequence.len() - 1;
        name = Some(op.sequence[n.min(last)].clone());
        if n >= last
            && let Some((_, result)) = creator
                .as_ref()
                .and_then(|c| op.results.iter().find(|(op, _)| op == c))
        {
            name = Some(result.clone());
        }
    }
    let name = name.as_deref();
    let omitted: Vec<&String> = op
        .omit_when
        .iter()
        .filter(|(pointer, v, _)| fields.pointer(pointer) == Some(v))
        .flat_map(|(.., names)| names)
        .collect();
    let omit = |value: &mut Value| strip(value, &omitted);
    if let Some(stream) = op.stream.as_ref().filter(|_| streaming) {
        let name = if fields["model"].as_str() == Some(GLUED_FRAMES) {
            None
        } else {
            name
        };
        let chunks = pick(&stream.examples, name)
            .iter()
            .filter_map(|c| {
                let mut chunk: Value = serde_json::from_str(c).ok()?;
                omit(&mut chunk);
                Some(chunk)
            })
            .filter(|chunk| omitted.is_empty() || !emptied(chunk))
            .collect();
        return Reply::Events(stream, chunks);
    }
    let text = pick(&op.examples, name);
    if op.content_type != "application/json" {
        return Reply::Bytes(op.content_type.clone(), Bytes::from(text.clone()));
    }
    let mut value: Value = serde_json::from_str(text).unwrap_or_default();
    omit(&mut value);
    if let Some((_, pointer)) = &op.creates_task {
        let id = state.create_task(&op.id, value.pointer(pointer).and_then(Value::as_str));
        set_pointer(&mut value, pointer, Value::String(id));
    }
    if let Some((id, creator)) = task {
        // A finished task names itself where its creation answer did.
        if let Some((_, pointer)) = table()
            .operations
            .iter()
            .find(|o| o.id == creator)
            .and_then(|o| o.creates_task.as_ref())
        {
            set_pointer(&mut value, pointer, Value::String(id));
        }
    }
    Reply::Json(StatusCode::OK, value)
}

/// The request against its operation's schemas: parameters, then the body.
fn validate(op: &Operation, call: &Call) -> Result<(), Invalid> {
    let schemas = &table().schemas;
    let mut path_values = call.params.iter();
    for (name, location, required, schema) in &op.parameters {
        let value = match location.as_str() {
            "path" => path_values.next().cloned(),
            "query" => call
                .query
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone()),
            _ => continue,
        };
        match value {
            Some(v) => validate::check(schemas, schema, &validate::coerce(schemas, schema, &v))
                .map_err(|e| Invalid {
                    path: name.clone(),
                    reason: e.reason,
                })?,
            None if *required => {
                return Err(Invalid {
                    path: name.clone(),
                    reason: "is required".into(),
                });
            }
            None => {}
        }
    }
    let Some(schema) = &op.body_schema else {
        return Ok(());
    };
    if call.fields.is_null() && call.files.is_empty() {
        return if op.body_required {
            Err(Invalid {
                path: String::new(),
                reason: "is required".into(),
            })
        } else {
            Ok(())
        };
    }
    if op.multipart {
        // Text parts take their property's type; file parts only need to be there.
        let resolved = validate::resolve(schemas, schema);
        let mut typed = serde_json::Map::new();
        for (name, text) in call.fields.as_object().into_iter().flatten() {
            let property = &resolved["properties"][name.as_str()];
            typed.insert(
                name.clone(),
                validate::coerce(schemas, property, text.as_str().unwrap_or_default()),
            );
        }
        for (name, property) in resolved["properties"].as_object().into_iter().flatten() {
            let file = property["format"] == "binary" || property["items"]["format"] == "binary";
            if file && call.files.iter().any(|f| f.name == *name) {
                let part = Value::String(String::new());
                let value = match property["type"] == "array" {
                    true => Value::Array(vec![part]),
                    false => part,
                };
                typed.insert(name.clone(), value);
            }
        }
        return validate::check(schemas, schema, &Value::Object(typed));
    }
    validate::check(schemas, schema, &call.fields)
}

/// A Z.AI key (`id.secret`) or a JWT (`a.b.c`), bare or after a `Bearer` scheme
/// (any case).
pub(crate) fn plausible_key(value: &str) -> bool {
    let value = value.trim();
    let key = match value.split_once(' ') {
        Some((scheme, key)) if scheme.eq_ignore_ascii_case("bearer") => key.trim(),
        _ => value,
    };
    key.split('.').count() >= 2
        && key.split('.').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_=".contains(&b))
        })
}

pub(crate) fn present(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// The named example, else `default`, else the first (the table has at least one).
pub(crate) fn pick<'a, T>(examples: &'a [(String, T)], name: Option<&str>) -> &'a T {
    let find = |n: &str| examples.iter().find(|(e, _)| e == n).map(|(_, t)| t);
    name.and_then(find)
        .or_else(|| find("default"))
        .unwrap_or(&examples[0].1)
}

fn sse(stream: &Stream, chunks: Vec<Value>, glue: bool, delay: Duration) -> Response<Body> {
    let mut events: Vec<String> = chunks
        .iter()
        .map(|chunk| {
            let event = stream
                .event_field
                .as_deref()
                .and_then(|field| chunk[field].as_str())
                .map(|e| format!("event: {e}\n"))
                .unwrap_or_default();
            format!("{event}data: {chunk}\n\n")
        })
        .collect();
    if glue {
        events = glued(&events);
    }
    if let Some(done) = &stream.done {
        events.push(format!("data: {done}\n\n"));
    }
    let frames = futures_util::stream::unfold(
        (events.into_iter(), true),
        move |(mut events, first)| async move {
            let event = events.next()?;
            if !first && !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            let frame = Frame::data(Bytes::from(event));
            Some((Ok::<_, Infallible>(frame), (events, false)))
        },
    );
    let mut response = Response::new(BodyExt::boxed(StreamBody::new(frames)));
    set_type(&mut response, "text/event-stream;charset=UTF-8");
    response
}

/// Z.AI's concatenated-frame bug, twice: the second event is cut off mid-key
/// (after `{"role` / `"role`) and the third follows on the same line, then the
/// fourth is cut mid-value (after `"object":"chat.c`) and the fifth follows it.
/// Every other event is intact.
fn glued(events: &[String]) -> Vec<String> {
    let cut = |event: &str, after: &str, extra: usize| {
        let line = event.trim_end_matches('\n');
        let at = line
            .find(after)
            .map(|i| i + after.len() + extra)
            .filter(|&i| i < line.len() && line.is_char_boundary(i))
            .unwrap_or(line.len() / 2);
        line[..at].to_owned()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let cut_at = match i {
            1 => Some(("\"role", 0)),
            3 => Some(("\"object\":\"", 6)),
            _ => None,
        };
        match (cut_at, events.get(i + 1)) {
            (Some((after, extra)), Some(next)) => {
                out.push(format!("{}{next}", cut(&events[i], after, extra)));
                i += 2;
            }
            _ => {
                out.push(events[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// Removes every field named in `names`, at any depth.
fn strip(value: &mut Value, names: &[&String]) {
    match value {
        Value::Object(map) => {
            map.retain(|k, _| !names.contains(&k));
            map.values_mut().for_each(|v| strip(v, names));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| strip(v, names)),
        _ => {}
    }
}

/// A chunk whose every choice's delta says nothing but its role (after
/// `omit-when` took the rest away) and that finishes nothing.
fn emptied(chunk: &Value) -> bool {
    chunk["choices"].as_array().is_some_and(|choices| {
        !choices.is_empty()
            && choices.iter().all(|c| {
                c["finish_reason"].is_null()
                    && c["delta"]
                        .as_object()
                        .is_some_and(|d| d.keys().all(|k| k == "role"))
            })
    }) && chunk.get("usage").is_none()
}

/// Sets the value at a JSON pointer, creating objects on the way.
pub(crate) fn set_pointer(target: &mut Value, pointer: &str, value: Value) {
    let mut at = target;
    for key in pointer.split('/').skip(1) {
        if !at.is_object() {
            *at = Value::Object(Default::default());
        }
        at = at
            .as_object_mut()
            .expect("made an object above")
            .entry(key.replace("~1", "/").replace("~0", "~"))
            .or_insert(Value::Null);
    }
    *at = value;
}

/// The Z.AI error body the mock answers with `status`: the spec's error example
/// with the code and message that `x-zai-mock.errors` gives the status (or, for
/// another status, the status itself and its reason phrase).
///
/// ```
/// let body = zai_mock::error_body(429);
/// assert_eq!(body["error"]["code"], "1302");
/// assert_eq!(body["error"]["message"], "Rate limit reached for requests");
/// assert_eq!(zai_mock::error_body(418)["error"]["code"], "418");
/// ```
pub fn error_body(status: u16) -> Value {
    let table = table();
    let (code, message) = table
        .errors
        .iter()
        .find(|(s, ..)| *s == status)
        .map(|(_, c, m)| (c.clone(), m.clone()))
        .unwrap_or_else(|| {
            let reason = StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("Error");
            (status.to_string(), reason.to_owned())
        });
    let mut body = table.error_example.clone();
    body["error"] = serde_json::json!({ "code": code, "message": message });
    body
}

pub(crate) fn error(status: StatusCode) -> Response<Body> {
    json(status, &error_body(status.as_u16()))
}

fn json(status: StatusCode, body: &Value) -> Response<Body> {
    let mut response = Response::new(full(Bytes::from(body.to_string())));
    *response.status_mut() = status;
    set_type(&mut response, "application/json");
    response
}

fn full(bytes: Bytes) -> Body {
    BodyExt::boxed(Full::new(bytes))
}

fn set_type(response: &mut Response<Body>, content_type: &str) {
    if let Ok(value) = content_type.parse() {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
}

/// A multipart/form-data body: its text parts as a JSON object of strings, and
/// its file parts.
fn multipart(content_type: &str, body: &[u8]) -> (Value, Vec<FilePart>) {
    let mut fields = serde_json::Map::new();
    let mut files = Vec::new();
    let Some(boundary) = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| format!("--{}", b.trim_matches('"')))
    else {
        return (Value::Object(fields), files);
    };
    for part in split(body, boundary.as_bytes()) {
        let Some(at) = find(part, b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&part[..at]);
        let value = &part[at + 4..];
        let value = value.strip_suffix(b"\r\n").unwrap_or(value);
        let param = |key: &str| {
            head.split([';', '\r', '\n'])
                .find_map(|p| p.trim().strip_prefix(key))
                .map(|v| v.trim_matches('"').to_owned())
        };
        let Some(name) = param("name=") else {
            continue;
        };
        match param("filename=") {
            Some(filename) => files.push(FilePart {
                name,
                filename,
                bytes: Bytes::copy_from_slice(value),
            }),
            None => {
                let text = String::from_utf8_lossy(value).into_owned();
                fields.insert(name, Value::String(text));
            }
        }
    }
    (Value::Object(fields), files)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn split<'a>(mut body: &'a [u8], boundary: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    while let Some(at) = find(body, boundary) {
        parts.push(&body[..at]);
        body = &body[at + boundary.len()..];
    }
    parts.push(body);
    parts
}

/// `a=1&b=x%20y` as pairs, decoded.
fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (
                percent_decode(&k.replace('+', " ")),
                percent_decode(&v.replace('+', " ")),
            )
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || u8::from_str_radix(text.get(i + 1..i + 3)?, 16).ok();
        match (bytes[i], hex()) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_plausible_with_any_bearer_case() {
        for good in [
            "a.b",
            "Bearer a.b",
            "bearer a.b",
            "BEARER a.b",
            " Bearer  x-1.y_2= ",
        ] {
            assert!(plausible_key(good), "{good:?}");
        }
        for bad in [
            "",
            "Bearer",
            "Bearer ab",
            "Basic a.b",
            "a..b",
            "a.b c",
            "Bearer a b.c",
        ] {
            assert!(!plausible_key(bad), "{bad:?}");
        }
    }

    #[test]
    fn routes_at_the_root_and_under_the_real_bases() {
        let id = |method, path| route(method, path).map(|(op, ..)| op.id.as_str());
        for path in [
            "/chat/completions",
            "/api/paas/v4/chat/completions",
            "/api/coding/paas/v4/chat/completions",
        ] {
            assert_eq!(id("POST", path), Ok("createChatCompletion"), "{path}");
        }
        for path in ["/v1/agents", "/api/v1/agents", "/api/paas/v4/v1/agents"] {
            assert_eq!(id("POST", path), Ok("createAgentCompletion"), "{path}");
        }
        assert_eq!(
            id("POST", "/api/anthropic/v1/messages"),
            Ok("createMessage")
        );
        // paas operations are not under the bare API root, nor under look-alikes.
        assert_eq!(id("POST", "/api/chat/completions"), Err(false));
        assert_eq!(id("POST", "/apix/paas/v4/chat/completions"), Err(false));
        assert_eq!(id("GET", "/api/paas/v4/chat/completions"), Err(true));
        assert_eq!(allowed_methods("/api/paas/v4/files/ocr"), "POST");
    }
}
