//! One operation of the spec and its `x-zai-*` facts: paths, bodies, answers,
//! streams, waiting, paging, tasks.

use super::values::{Result, schema_name, strings, upper_first};
use serde_json::{Map, Value};

/// The HTTP methods an operation may have, in the order they are read.
pub(crate) const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];
const MULTIPART: &str = "multipart/form-data";

/// An object schema holding an operation's query parameters (typify turns it into
/// the typed query struct the method takes).
pub(crate) fn query_schema(id: &str, op: &Value) -> Value {
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
    /// Its API families (`tags`), each a Cargo feature it compiles with; the
    /// first groups it (docs, platform).
    pub tags: Vec<String>,
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
    pub(crate) fn read(f: &str) -> Result<Self> {
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

impl Operation {
    pub(crate) fn read(path: &str, method: &str, op: &Value) -> Result<Self> {
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
            tags: strings(&op["tags"]),
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
    pub(crate) fn read_schemas(&mut self, schemas: &Map<String, Value>) -> Result<()> {
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

impl WaitSpec {
    pub(crate) fn read(op: &str, ext: &Value) -> Result<Self> {
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
    pub(crate) fn read(ext: &Value) -> Result<Self> {
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
