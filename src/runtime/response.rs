//! What a call's answer carried besides its value: status, headers, request
//! id and raw body, per call (`.with_response()`) or kept for a client's calls.

use crate::runtime::answer::decode_json;
use crate::runtime::error::Error;
use bytes::Bytes;
use serde_json::Value;
use std::future::Future;
use std::sync::{Arc, Mutex};

/// The raw body of a call's last JSON answer, beside its typed value: fields the
/// spec does not know yet stay readable. Share one with
/// [`crate::CallOptions::keep_raw_body`]. Deprecated: concurrent calls sharing one
/// overwrite each other, and a stream leaves it empty; `.with_response()`
/// ([`WithResponse`]) answers each call with its own [`ResponseMeta::body`].
#[derive(Clone, Debug, Default)]
#[deprecated(note = "use `.with_response()` per call (`WithResponse`): `ResponseMeta::body`")]
pub struct RawBody(Arc<Mutex<Option<Bytes>>>);

#[allow(deprecated)]
impl RawBody {
    /// The body as received, once a call has answered.
    pub fn bytes(&self) -> Option<Bytes> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The body parsed as JSON, once a call has answered.
    pub fn json(&self) -> Option<Result<Value, Error>> {
        Some(decode_json(200, self.bytes()?))
    }

    pub(crate) fn keep(&self, body: &Bytes) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(body.clone());
    }
}

/// Two handles are equal when they share one record.
#[allow(deprecated)]
impl PartialEq for RawBody {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What a client's last success answer carried: status, headers, request id
/// (and a JSON answer's body). Share one with [`crate::CallOptions::keep_response`];
/// for one call's own, use [`WithResponse::with_response`].
#[derive(Clone, Debug, Default)]
pub struct LastResponse(Arc<Mutex<Option<ResponseMeta>>>);

/// The status and headers of a success answer, and its body when it was JSON.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ResponseMeta {
    /// HTTP status.
    pub status: reqwest::StatusCode,
    /// The response headers.
    pub headers: reqwest::header::HeaderMap,
    /// A JSON answer's body as received, with the fields the typed value has no
    /// place for (`None` for a stream or a download, which are not read whole).
    pub body: Option<Bytes>,
}

impl ResponseMeta {
    /// The `x-request-id` header, when the server sent one.
    pub fn request_id(&self) -> Option<&str> {
        self.headers.get("x-request-id")?.to_str().ok()
    }

    /// The body parsed as JSON, when the answer was JSON.
    pub fn json(&self) -> Option<Result<Value, Error>> {
        Some(decode_json(self.status.as_u16(), self.body.clone()?))
    }
}

tokio::task_local! {
    /// The record of the call running inside [`WithResponse::with_response`].
    static CALL: LastResponse;
}

/// Hands `keep` the records of the call running now: the client's
/// [`LastResponse`], and its own when it runs inside `with_response`.
pub(crate) fn kept(client: Option<&LastResponse>, keep: impl Fn(&LastResponse)) {
    client.iter().for_each(|k| keep(k));
    let _ = CALL.try_with(keep);
}

/// Any call, answering with its value and its own [`ResponseMeta`] (status,
/// headers, request id, a JSON answer's body; for a stream, the answer that
/// opened it): `client.create_chat_completion(&r).with_response().await?`.
/// Concurrent calls each get their own.
pub trait WithResponse<T>: Future<Output = Result<T, Error>> + Sized {
    /// The call's value and its answer. Wrapping several calls keeps the last
    /// answer; calls in tasks it spawns are not seen. A future that made no
    /// call is [`Error::InvalidRequest`].
    fn with_response(self) -> impl Future<Output = Result<(T, ResponseMeta), Error>> + Send
    where
        Self: Send,
        T: Send,
    {
        let kept = LastResponse::default();
        async move {
            let value = CALL.scope(kept.clone(), self).await?;
            let none = || Error::InvalidRequest("with_response: the future made no call".into());
            Ok((value, kept.get().ok_or_else(none)?))
        }
    }
}

impl<T, F: Future<Output = Result<T, Error>>> WithResponse<T> for F {}

impl LastResponse {
    /// The last success answer's status and headers, once a call has answered.
    pub fn get(&self) -> Option<ResponseMeta> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub(crate) fn keep(&self, response: &reqwest::Response) {
        let meta = ResponseMeta {
            status: response.status(),
            headers: response.headers().clone(),
            body: None,
        };
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(meta);
    }

    /// Adds the body to the answer kept.
    pub(crate) fn keep_body(&self, body: &Bytes) {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        kept.iter_mut()
            .for_each(|meta| meta.body = Some(body.clone()));
    }
}

/// Two handles are equal when they share one record.
impl PartialEq for LastResponse {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}
