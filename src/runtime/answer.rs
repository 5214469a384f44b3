//! How a JSON answer becomes its type, in one place: the client's calls and the
//! response-decoding fuzz target (which reaches every operation's answer types
//! through the generated `visit_answer_types`) go through the same code.

use crate::runtime::error::Error;
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
