//! `zai decode`: a captured response body through the client's own machinery
//! (the error mapping, the typed JSON, the stream decoder and accumulator).

use crate::args::DecodeArgs;
use crate::failure::{Failure, Outcome};
use bytes::Bytes;
use zai::types::ChatCompletionResponse;
use zai::{ApiError, Error};

/// Runs `zai decode`: the decoded body as one line of JSON.
pub(crate) fn run(args: &DecodeArgs) -> Outcome {
    let body = std::fs::read(&args.file)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", args.file.display())))?;
    let json = decode_capture(&body, args.chunk, args.status)?;
    println!("{json}");
    Ok(())
}

/// Decodes a captured body and returns one JSON value:
/// * with `status` ≥ 400: the body mapped through the error path,
///   `{"status", "code", "message"}`;
/// * a JSON body: the typed [`ChatCompletionResponse`], re-serialized;
/// * an event stream (or one JSON chunk per line): the accumulated completion,
///   shaped as a non-streaming response, fed in `chunk`-byte pieces if given,
///   with `dropped_fragments` listing what recovering from concatenated frames
///   dropped, if anything.
fn decode_capture(
    body: &[u8],
    chunk: Option<usize>,
    status: Option<u16>,
) -> Result<serde_json::Value, Error> {
    if let Some(status) = status.filter(|s| *s >= 400) {
        let status = reqwest::StatusCode::from_u16(status)
            .map_err(|_| Error::InvalidRequest(format!("{status} is not an HTTP status")))?;
        let error = ApiError::parse(status, &Default::default(), Bytes::copy_from_slice(body));
        return Ok(serde_json::json!({
            "status": error.status.as_u16(),
            "code": error.code,
            "message": error.message,
        }));
    }
    let text = body
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(body)
        .trim_ascii();
    let stream = if text.starts_with(b"{") {
        match serde_json::from_slice::<ChatCompletionResponse>(text) {
            Ok(response) => return to_json(&response),
            Err(source) if !text.contains(&b'\n') => {
                return Err(Error::Decode {
                    status: 200,
                    body: Bytes::copy_from_slice(text),
                    source,
                });
            }
            Err(_) => Bytes::from(lines_to_sse(text)),
        }
    } else {
        Bytes::copy_from_slice(body)
    };
    let pieces: Vec<Bytes> = match chunk.filter(|n| *n > 0) {
        Some(n) => (0..stream.len())
            .step_by(n)
            .map(|at| stream.slice(at..stream.len().min(at + n)))
            .collect(),
        None => vec![stream],
    };
    let (response, faults) = zai::completion_from_bytes(pieces)?;
    let mut json = to_json(&response)?;
    // Recovered concatenated frames: what was dropped is shown, never hidden.
    let dropped: Vec<String> = faults
        .dropped()
        .iter()
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
        .collect();
    if let (false, Some(object)) = (dropped.is_empty(), json.as_object_mut()) {
        object.insert("dropped_fragments".into(), dropped.into());
    }
    Ok(json)
}

/// A `.chunks.txt` capture (one JSON chunk per line, maybe `[DONE]`) as SSE.
fn lines_to_sse(body: &[u8]) -> Vec<u8> {
    let mut sse = Vec::with_capacity(body.len() + body.len() / 8);
    for line in body.split(|b| *b == b'\n') {
        let line = line.trim_ascii();
        if !line.is_empty() {
            sse.extend_from_slice(b"data: ");
            sse.extend_from_slice(line);
            sse.extend_from_slice(b"\n\n");
        }
    }
    sse
}

fn to_json(response: &ChatCompletionResponse) -> Result<serde_json::Value, Error> {
    serde_json::to_value(response)
        .map_err(|e| Error::InvalidRequest(format!("re-serializing: {e}")))
}
