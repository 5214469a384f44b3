//! What passes between the wire and the rules that answer: a request as the mock
//! reads it ([`Call`]) and an answer before it is written out ([`Reply`]).

use crate::knob::Knob;
use crate::spec::{Operation, Stream};
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

impl Call {
    /// Its parameters: the query's, and the scalar fields of its body (a list
    /// read by `POST`), as text.
    pub fn given(&self) -> Vec<(String, String)> {
        let body = self.fields.as_object().into_iter().flatten();
        let body = body.filter_map(|(k, v)| match v {
            Value::String(s) => Some((k.clone(), s.clone())),
            Value::Number(n) => Some((k.clone(), n.to_string())),
            _ => None,
        });
        self.query.iter().cloned().chain(body).collect()
    }

    /// The owner `op`'s `x-zai-mock.owner` names: its path parameter of that
    /// name, else the query parameter or body field.
    pub fn owner(&self, op: &Operation) -> Option<String> {
        let name = op.owner.as_deref()?;
        match owner_at(op) {
            Some(at) => self.params.get(at).cloned(),
            None => self
                .given()
                .into_iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v),
        }
    }

    /// The path parameter naming the item `op` acts on: the first that does
    /// not name its owner (`history_session_record/{app_id}/{conversation_id}`).
    pub fn item_id(&self, op: &Operation) -> Option<&String> {
        let owner = owner_at(op);
        let mut params = self.params.iter().enumerate();
        params.find(|(at, _)| Some(*at) != owner).map(|(_, id)| id)
    }
}

/// Which of `op`'s path parameters names its items' owner, if one does.
fn owner_at(op: &Operation) -> Option<usize> {
    let name = op.owner.as_deref()?;
    let mut path = op.parameters.iter().filter(|(_, at, ..)| at == "path");
    path.position(|(n, ..)| n == name)
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
