//! What passes between the wire and the rules that answer: a request as the mock
//! reads it ([`Call`]) and an answer before it is written out ([`Reply`]).

use crate::knob::Knob;
use crate::spec::Stream;
use bytes::Bytes;
use hyper::StatusCode;
use serde_json::Value;

/// The request as the mock reads it: path parameters, query, JSON body (or the
/// text parts of a multipart one), file parts and what it asks of the mock.
pub(crate) struct Call {
    pub params: Vec<String>,
    pub query: Vec<(String, String)>,
    pub fields: Value,
    pub files: Vec<FilePart>,
    pub knob: Knob,
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
    /// Server-sent events: the `data:` payloads of `stream`, with Z.AI's
    /// glued-frame fault when `glued` (the `model` asked for it).
    Events {
        stream: &'static Stream,
        chunks: Vec<Value>,
        glued: bool,
    },
}
