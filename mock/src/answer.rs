//! How the mock answers one request: routing, auth, errors on demand, examples,
//! sequences and server-sent events, all driven by the route table.

use crate::spec::{Operation, Stream, table};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, StreamBody, combinators::BoxBody};
use hyper::body::{Frame, Incoming};
use hyper::{Request, Response, StatusCode, header};
use serde_json::Value;
use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::Mutex;
use std::time::Duration;

pub(crate) type Body = BoxBody<Bytes, Infallible>;

/// The `paas/v4` bases of the real API (general and GLM Coding Plan).
const PAAS_BASES: [&str; 2] = ["/api/paas/v4", "/api/coding/paas/v4"];
/// The API root, base of `x-zai-base: root` operations.
const ROOT_BASE: &str = "/api";

/// What one server remembers between requests.
#[derive(Debug, Default)]
pub(crate) struct State {
    /// Calls so far per request path, for `x-zai-mock.sequence`.
    polls: Mutex<HashMap<String, usize>>,
    /// Pause between streamed events.
    chunk_delay: Duration,
}

impl State {
    pub(crate) fn new(chunk_delay: Duration) -> State {
        State {
            chunk_delay,
            ..State::default()
        }
    }
}

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

/// The operation serving `method path` and how many literal segments its template
/// matched; `Err(true)` when the path exists under another method.
fn route(method: &str, path: &str) -> Result<(&'static Operation, usize), bool> {
    let mut best: Option<(&Operation, usize)> = None;
    let mut other_method = false;
    for (rest, mount) in mounts(path) {
        for op in table().operations.iter().filter(|op| mount.serves(op)) {
            let Some(literals) = matches(&op.path, rest) else {
                continue;
            };
            if !op.method.eq_ignore_ascii_case(method) {
                other_method = true;
            } else if best.is_none_or(|(_, l)| literals > l) {
                best = Some((op, literals));
            }
        }
    }
    best.ok_or(other_method)
}

/// Number of literal segments when `path` matches `template`.
fn matches(template: &str, path: &str) -> Option<usize> {
    let t: Vec<&str> = template.trim_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_matches('/').split('/').collect();
    if t.len() != p.len() {
        return None;
    }
    let mut literals = 0;
    for (t, p) in t.iter().zip(&p) {
        if t.starts_with('{') && t.ends_with('}') {
            if p.is_empty() {
                return None;
            }
        } else if t == p {
            literals += 1;
        } else {
            return None;
        }
    }
    Some(literals)
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

pub(crate) async fn handle(state: &State, req: Request<Incoming>) -> Response<Body> {
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let op = match route(&method, &path) {
        Ok((op, _)) => op,
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
    let fields = if op.multipart {
        multipart_fields(&content_type, &body)
    } else if body.is_empty() {
        Value::Null
    } else {
        match serde_json::from_slice::<Value>(&body) {
            Ok(v @ Value::Object(_)) => v,
            _ => return error(StatusCode::BAD_REQUEST),
        }
    };
    if let Some(status) = fields["model"]
        .as_str()
        .and_then(|m| m.strip_prefix("error-"))
        .and_then(|s| s.parse::<u16>().ok())
        .and_then(|s| StatusCode::from_u16(s).ok())
        .filter(|s| s.is_client_error() || s.is_server_error())
    {
        return error(status);
    }

    let mut name = op
        .when_present
        .iter()
        .find(|(field, _)| present(&fields[field.as_str()]))
        .map(|(_, name)| name.as_str());
    if name.is_none() && !op.sequence.is_empty() {
        let mut polls = state.polls.lock().unwrap_or_else(|e| e.into_inner());
        let n = polls.entry(path).or_default();
        name = Some(&op.sequence[(*n).min(op.sequence.len() - 1)]);
        *n += 1;
    }
    let streaming =
        matches!(&fields["stream"], Value::Bool(true)) || fields["stream"].as_str() == Some("true");
    match &op.stream {
        Some(stream) if streaming => sse(stream, name, state.chunk_delay),
        _ => {
            let text = pick(&op.examples, name);
            let mut response = Response::new(full(Bytes::from(text.clone())));
            set_type(&mut response, &op.content_type);
            response
        }
    }
}

/// A Z.AI key (`id.secret`) or a JWT (`a.b.c`), bare or after a `Bearer` scheme
/// (any case).
fn plausible_key(value: &str) -> bool {
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

fn present(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// The named example, else `default`, else the first (the table has at least one).
fn pick<'a, T>(examples: &'a [(String, T)], name: Option<&str>) -> &'a T {
    let find = |n: &str| examples.iter().find(|(e, _)| e == n).map(|(_, t)| t);
    name.and_then(find)
        .or_else(|| find("default"))
        .unwrap_or(&examples[0].1)
}

fn sse(stream: &Stream, name: Option<&str>, delay: Duration) -> Response<Body> {
    let event_line = |chunk: &str| {
        let field = stream.event_field.as_deref()?;
        serde_json::from_str::<Value>(chunk).ok()?[field]
            .as_str()
            .map(|e| format!("event: {e}\n"))
    };
    let mut events: Vec<Bytes> = pick(&stream.examples, name)
        .iter()
        .map(|chunk| {
            let event = event_line(chunk).unwrap_or_default();
            Bytes::from(format!("{event}data: {chunk}\n\n"))
        })
        .collect();
    if let Some(done) = &stream.done {
        events.push(Bytes::from(format!("data: {done}\n\n")));
    }
    let frames = futures_util::stream::unfold(
        (events.into_iter(), true),
        move |(mut events, first)| async move {
            let event = events.next()?;
            if !first && !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            Some((Ok::<_, Infallible>(Frame::data(event)), (events, false)))
        },
    );
    let mut response = Response::new(BodyExt::boxed(StreamBody::new(frames)));
    set_type(&mut response, "text/event-stream;charset=UTF-8");
    response
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

fn error(status: StatusCode) -> Response<Body> {
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

/// The text parts of a multipart/form-data body, as a JSON object (file parts are
/// left out).
fn multipart_fields(content_type: &str, body: &[u8]) -> Value {
    let mut fields = serde_json::Map::new();
    let Some(boundary) = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| format!("--{}", b.trim_matches('"')))
    else {
        return Value::Object(fields);
    };
    let text = String::from_utf8_lossy(body);
    for part in text.split(boundary.as_str()) {
        let Some((head, value)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        if head.contains("filename=") {
            continue;
        }
        let Some(name) = head
            .split(';')
            .find_map(|p| p.trim().strip_prefix("name="))
            .map(|n| n.lines().next().unwrap_or(n).trim_matches('"').to_owned())
        else {
            continue;
        };
        let value = value.strip_suffix("\r\n").unwrap_or(value);
        fields.insert(name, Value::String(value.to_owned()));
    }
    Value::Object(fields)
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
        let id = |method, path| route(method, path).map(|(op, _)| op.id.as_str());
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
