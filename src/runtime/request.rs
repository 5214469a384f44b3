//! One call as a generated method describes it: the operation (a row of the
//! operation table), its path parameters, query and body.

use crate::runtime::error::Error;
use bytes::Bytes;
use std::borrow::Cow;
use std::sync::LazyLock;

/// One operation of spec/zai.yaml, as listed in [`crate::OPERATIONS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operation {
    /// The spec's `operationId`.
    pub id: &'static str,
    /// HTTP method, upper case.
    pub method: &'static str,
    /// Path relative to the operation's base URL.
    pub path: &'static str,
    /// Name of the `Client` method calling it.
    pub rust_method: &'static str,
    /// `x-zai-base`: served from another base than `paas/v4`.
    pub base: Option<&'static str>,
    /// `x-zai-auth`: credentials sent otherwise than as `Authorization: Bearer`;
    /// `raw-key` sends the API key itself (the GLM Coding Plan monitor).
    pub auth: Option<&'static str>,
    /// Sent as multipart/form-data.
    pub multipart: bool,
    /// Also has a `*_stream` method.
    pub stream: bool,
    /// `x-zai-platform` of its family: the only platform serving it (`china`).
    pub platform: Option<&'static str>,
    /// `x-zai-retry`: when a failed call may be resent.
    pub retry: RetrySafety,
    /// The JSON body's `request_id` is filled by the client when empty (billed
    /// operations), the same on every attempt.
    pub fills_request_id: bool,
    /// `x-zai-envelope`: the answer's `code` values meaning success; any other
    /// is [`Error::Api`] with status 200.
    pub envelope: Option<&'static [i64]>,
    /// The answer's schema has a top-level `error` of its own: a 200 holding one
    /// is an answer, not an error.
    pub own_error: bool,
}

/// When a failed call may be resent: the operation's `x-zai-retry`, or
/// [`crate::CallOptions::retry_safety`] for some calls.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RetrySafety {
    /// Resent after a transient status (408, 429, 5xx), a connection failure or
    /// a timeout, unless a success response head had arrived (as the official SDKs).
    #[default]
    Transient,
    /// The call creates billed work: resent only when the service provably did
    /// not process it (no connection made, 429, a rate-limit or overload code).
    /// Any other failure once the request was sent is [`Error::OutcomeUnknown`].
    Billed,
}

/// One call of an operation, as a generated method describes it: the operation,
/// its path with the parameters filled in, the query, the body.
pub(crate) struct Request<'a> {
    pub(crate) operation: &'static Operation,
    pub(crate) path: Cow<'static, str>,
    pub(crate) query: Option<String>,
    pub(crate) body: Body<'a>,
}

/// A request's body as the request path sends it.
pub(crate) enum Body<'a> {
    Empty,
    Json(Bytes),
    /// Rebuilt for every attempt: a multipart form cannot be cloned.
    Form(Box<dyn Fn() -> Result<reqwest::multipart::Form, Error> + Send + Sync + 'a>),
}

impl<'a> Request<'a> {
    /// A request of `operation`, its `{name}` path segments filled in
    /// (percent-encoded) from `params`.
    pub(crate) fn new(
        operation: &'static Operation,
        params: &[(&str, &str)],
    ) -> Result<Self, Error> {
        let mut path = Cow::Borrowed(operation.path);
        for (name, value) in params {
            // An empty segment would address another route (`/batches/` is the
            // list), and URL parsing resolves `.` and `..` away.
            if matches!(*value, "" | "." | "..") {
                return Err(Error::InvalidRequest(format!(
                    "`{}`: path parameter `{name}` is `{value}`, which names no resource",
                    operation.id
                )));
            }
            let encoded: String = url::form_urlencoded::byte_serialize(value.as_bytes()).collect();
            path = path
                .replace(&format!("{{{name}}}"), &encoded.replace('+', "%20"))
                .into();
        }
        if let Some(open) = memchr::memchr(b'{', path.as_bytes()) {
            let rest = &path[open + 1..];
            let missing = rest.split('}').next().unwrap_or(rest);
            return Err(Error::InvalidRequest(format!(
                "`{}` needs the path parameter `{missing}`",
                operation.id
            )));
        }
        Ok(Request {
            operation,
            path,
            query: None,
            body: Body::Empty,
        })
    }

    /// Appends the query parameters (a typed query struct, or name/value pairs).
    pub(crate) fn query<Q: serde::Serialize + ?Sized>(mut self, query: &Q) -> Result<Self, Error> {
        let encoded = serde_urlencoded::to_string(query)
            .map_err(|e| Error::InvalidRequest(format!("query does not serialize: {e}")))?;
        self.query = (!encoded.is_empty()).then_some(encoded);
        Ok(self)
    }

    /// A JSON body. `stream` sends it with `"stream": true` (the `*_stream`
    /// methods); otherwise a body asking for a stream is refused, since the
    /// answer would be events the non-streaming method cannot read.
    pub(crate) fn json<B: serde::Serialize>(
        mut self,
        body: &B,
        stream: bool,
    ) -> Result<Self, Error> {
        let invalid =
            |e: serde_json::Error| Error::InvalidRequest(format!("body does not serialize: {e}"));
        let bytes = if stream {
            let mut value = serde_json::to_value(body).map_err(invalid)?;
            let serde_json::Value::Object(map) = &mut value else {
                return Err(Error::InvalidRequest("stream body is not an object".into()));
            };
            map.insert("stream".into(), true.into());
            serde_json::to_vec(&value).map_err(invalid)?
        } else {
            // Built once: building a searcher costs more than searching a body.
            static STREAM_TRUE: LazyLock<memchr::memmem::Finder<'static>> =
                LazyLock::new(|| memchr::memmem::Finder::new(b"\"stream\":true"));
            let bytes = serde_json::to_vec(body).map_err(invalid)?;
            if self.operation.stream && STREAM_TRUE.find(&bytes).is_some() {
                return Err(Error::InvalidRequest(format!(
                    "`{}` was sent `stream: true`; call `{}_stream` to receive server-sent events",
                    self.operation.id, self.operation.rust_method
                )));
            }
            bytes
        };
        self.body = Body::Json(bytes.into());
        Ok(self)
    }

    /// A multipart body, rebuilt by `form` for every attempt.
    pub(crate) fn form(
        mut self,
        form: impl Fn() -> Result<reqwest::multipart::Form, Error> + Send + Sync + 'a,
    ) -> Self {
        self.body = Body::Form(Box::new(form));
        self
    }
}

impl Request<'_> {
    /// The body's `request_id`, filled with a fresh one when the operation asks
    /// for it and the caller left it empty: the same on every attempt, so the
    /// service can tell a resend and the caller can look the task up.
    pub(crate) fn request_id(&mut self) -> Result<Option<String>, Error> {
        let Body::Json(bytes) = &self.body else {
            return Ok(None);
        };
        if !self.operation.fills_request_id {
            return Ok(None);
        }
        let mut map: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(bytes)
            .map_err(|e| Error::InvalidRequest(format!("body is not a JSON object: {e}")))?;
        if let Some(id) = map.get("request_id").and_then(|v| v.as_str())
            && !id.is_empty()
        {
            return Ok(Some(id.to_owned()));
        }
        let millis = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_millis();
        let id = format!("zai-{millis}-{:016x}", fastrand::u64(..));
        map.insert("request_id".into(), id.clone().into());
        let body = serde_json::to_vec(&map).map_err(|e| Error::InvalidRequest(e.to_string()))?;
        self.body = Body::Json(body.into());
        Ok(Some(id))
    }
}

/// A JSON body with `fields` merged in at the top level (as sent: the body is
/// already serialized). No fields: the body unchanged, without a copy.
pub(crate) fn with_fields(
    body: &Bytes,
    fields: &serde_json::Map<String, serde_json::Value>,
) -> Result<Bytes, Error> {
    if fields.is_empty() {
        return Ok(body.clone());
    }
    let mut value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| Error::InvalidRequest(format!("body is not JSON: {e}")))?;
    let serde_json::Value::Object(map) = &mut value else {
        return Err(Error::InvalidRequest(
            "extra fields need an object body".into(),
        ));
    };
    map.extend(fields.iter().map(|(k, v)| (k.clone(), v.clone())));
    serde_json::to_vec(&value)
        .map(Bytes::from)
        .map_err(|e| Error::InvalidRequest(e.to_string()))
}
