//! Untyped calls of any operation by its id ([`Client::call_raw`]), through the
//! same request path as the typed methods: for what the spec does not type yet.

use crate::operations::OPERATIONS;
use crate::runtime::answer::{decode_json, reported_error};
use crate::runtime::client::Client;
use crate::runtime::error::Error;
use crate::runtime::observe::Pending;
use crate::runtime::request::Request;
use crate::runtime::send::is_json;
use crate::runtime::timer::ReadTimer;
use reqwest::header::CONTENT_TYPE;

impl Client {
    /// Calls any JSON operation of the spec by its `operationId` (see
    /// [`crate::OPERATIONS`]), untyped: `path_params` fill the path template,
    /// `query` is appended, `body` (if any) is sent as JSON. Goes through the same
    /// request path as the typed methods.
    ///
    /// Multipart operations are refused with [`Error::InvalidRequest`]; use their
    /// typed methods.
    pub async fn call_raw(
        &self,
        operation_id: &str,
        path_params: &[(&str, &str)],
        query: &[(&str, &str)],
        body: Option<&serde_json::Value>,
    ) -> Result<RawResponse, Error> {
        let op = OPERATIONS
            .iter()
            .find(|op| op.id == operation_id || op.rust_method == operation_id)
            .ok_or_else(|| Error::InvalidRequest(format!("unknown operation `{operation_id}`")))?;
        if op.multipart {
            return Err(Error::InvalidRequest(format!(
                "`{}` takes a multipart body; use Client::{}",
                op.id, op.rust_method
            )));
        }
        let mut request = Request::new(op, path_params)?.query(query)?;
        if let Some(body) = body {
            request = request.json(body, false)?;
        }
        let read = |response: reqwest::Response, mut timer: ReadTimer| async move {
            let status = response.status().as_u16();
            let content_type = response
                .headers()
                .get(CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            let body = timer
                .read_body(response, self.inner.options.max_body_size)
                .await?;
            Ok(RawResponse {
                status,
                content_type,
                body,
            })
        };
        let finish = |raw: RawResponse, _: &mut Option<Pending>| {
            reported_error(op, raw.status, &raw.body)?;
            Ok(raw)
        };
        self.execute(Ok(request), None, read, finish).await
    }
}

/// The answer of [`Client::call_raw`].
#[derive(Clone, Debug, PartialEq)]
pub struct RawResponse {
    /// HTTP status (a success: failures are [`Error`]s).
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body as received.
    pub body: bytes::Bytes,
}

impl RawResponse {
    /// Whether the body is declared as JSON: a media type ending in `json`
    /// (`application/json`, `…+json`, `text/json`), any case.
    pub fn is_json(&self) -> bool {
        self.content_type.as_deref().is_some_and(is_json)
    }

    /// The body parsed as JSON.
    pub fn json(&self) -> Result<serde_json::Value, Error> {
        decode_json(self.status, self.body.clone())
    }
}
