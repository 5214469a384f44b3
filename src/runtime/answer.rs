//! How a JSON answer becomes its type, in one place: the client's calls and the
//! response-decoding fuzz target (which reaches every operation's answer types
//! through the generated `visit_answer_types`) go through the same code.

use crate::runtime::error::{ApiError, Error, top_level_error};
use crate::runtime::request::Operation;
use crate::runtime::stream::events::StreamChunk;
use bytes::Bytes;

/// A success answer's body as `T`; a body that does not fit is
/// [`Error::Decode`] holding it unchanged.
pub fn decode_json<T: serde::de::DeserializeOwned>(status: u16, body: Bytes) -> Result<T, Error> {
    serde_json::from_slice(&body).map_err(|source| Error::Decode {
        status,
        body,
        source,
    })
}

/// An error the service reported inside a success answer, as [`Error::Api`]
/// with its status: a top-level `error` object (unless the operation's schema
/// has an `error` of its own), or an `x-zai-envelope` code not meaning success.
pub(crate) fn reported_error(op: &Operation, status: u16, body: &Bytes) -> Result<(), Error> {
    /// The field that tells; the rest of the body is skipped unread.
    #[derive(serde::Deserialize)]
    struct Envelope {
        code: Option<serde_json::Value>,
    }
    let failed = match op.envelope {
        Some(success) => serde_json::from_slice::<Envelope>(body).is_ok_and(|top| {
            let code = top.code.as_ref().and_then(|c| match c {
                serde_json::Value::String(text) => text.parse().ok(),
                other => other.as_i64(),
            });
            code.is_some_and(|code| !success.contains(&code))
        }),
        None => !op.own_error && top_level_error(body).is_some_and(|e| e.is_object()),
    };
    match failed {
        false => Ok(()),
        true => Err(Error::Api(ApiError::parse(
            reqwest::StatusCode::from_u16(status).unwrap_or(reqwest::StatusCode::OK),
            &reqwest::header::HeaderMap::new(),
            body.clone(),
        ))),
    }
}

/// Something shown the answer types of an operation, one call per type.
pub trait AnswerTypes {
    /// The operation answers with one JSON body of type `T`.
    fn json<T: serde::de::DeserializeOwned>(&mut self);
    /// The operation streams server-sent chunks of type `T`.
    fn stream<T: StreamChunk>(&mut self);
}

#[cfg(test)]
#[path = "../../tests/unit/answer.rs"]
mod tests;
