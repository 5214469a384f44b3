//! The Batch API's JSONL lines: reading a file line by line, a line's
//! `custom_id`, a result line parsed into a typed result or a line error.

use crate::ext::batch::model::BatchLineError;
use crate::runtime::error::Error;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::fs::File;
use std::io::{BufRead as _, BufReader};
use std::path::Path;
use zai_types::types::BusinessCode;

/// Calls `each` with every non-blank line of a file, its offset and its length
/// in bytes (invalid UTF-8 shows as U+FFFD in the text, not in the length).
pub(super) fn for_each_line(
    path: &Path,
    mut each: impl FnMut(u64, usize, &str),
) -> Result<(), Error> {
    let io = |e| Error::io(path, e);
    let mut reader = BufReader::new(File::open(path).map_err(io)?);
    let mut line = Vec::new();
    let mut at = 0;
    loop {
        line.clear();
        let read = reader.read_until(b'\n', &mut line).map_err(io)?;
        if read == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line);
        if !text.trim().is_empty() {
            each(at, read, &text);
        }
        at += read as u64;
    }
}

/// The `custom_id` of a line, when it has a readable one.
pub(super) fn custom_id(line: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Id {
        custom_id: Option<String>,
    }
    serde_json::from_str::<Id>(line).ok()?.custom_id
}

/// One output or error line: `{"custom_id", "response": {"status_code", "body"}}`
/// or `{"custom_id", "error": {"code", "message"}}`.
pub(super) fn parse_line<T: DeserializeOwned>(
    line: &str,
) -> (Option<String>, Result<T, BatchLineError>) {
    #[derive(Deserialize)]
    struct Line<'a> {
        custom_id: Option<String>,
        #[serde(borrow)]
        response: Option<Response<'a>>,
        #[serde(borrow)]
        error: Option<&'a RawValue>,
    }
    #[derive(Deserialize)]
    struct Response<'a> {
        status_code: Option<u16>,
        #[serde(borrow)]
        body: Option<&'a RawValue>,
    }
    #[derive(Deserialize)]
    struct ErrorBody<'a> {
        #[serde(borrow)]
        error: Option<&'a RawValue>,
    }
    #[derive(Deserialize)]
    struct Detail {
        code: Option<serde_json::Value>,
        message: Option<String>,
    }
    let decode = |error: serde_json::Error| BatchLineError::Decode {
        line: line.to_owned(),
        error: error.to_string(),
    };
    let parsed: Line<'_> = match serde_json::from_str(line) {
        Ok(parsed) => parsed,
        Err(e) => return (custom_id(line), Err(decode(e))),
    };
    let status = parsed.response.as_ref().and_then(|r| r.status_code);
    let body = parsed.response.and_then(|r| r.body);
    let error = parsed.error.or_else(|| {
        let body: ErrorBody<'_> = serde_json::from_str(body?.get()).ok()?;
        body.error
    });
    let outcome = match (status, body, error) {
        (Some(200..=299), Some(body), None) => serde_json::from_str(body.get()).map_err(decode),
        (status, _, Some(error)) => match serde_json::from_str::<Detail>(error.get()) {
            Ok(detail) => Err(BatchLineError::Api {
                status,
                code: detail.code.map(|c| match c.as_str() {
                    Some(code) => BusinessCode::from(code),
                    None => BusinessCode::from(c.to_string().as_str()),
                }),
                message: detail.message.unwrap_or_default(),
            }),
            Err(e) => Err(decode(e)),
        },
        (status, _, None) => Err(BatchLineError::Api {
            status,
            code: None,
            message: "line has neither a success body nor an error".to_owned(),
        }),
    };
    (parsed.custom_id, outcome)
}
