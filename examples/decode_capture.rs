//! Decodes a captured Z.AI response body with the client's own decoder and prints
//! one JSON object.
//!
//! `cargo run --example decode_capture -- [--chunk N] [--status CODE] FILE`
//!
//! * an event stream (`data: ...` lines, or one JSON chunk per line as in a
//!   `.chunks.txt` capture) prints the accumulated completion, shaped as a
//!   non-streaming chat response; `--chunk N` feeds it in N-byte pieces;
//! * a JSON body prints the typed `ChatCompletionResponse`, re-serialized;
//! * with `--status` >= 400, the body goes through the error path and prints
//!   `{"status":…,"code":…,"message":…}`.
//!
//! Exits 1 with a one-line error on stderr when decoding fails.

use bytes::Bytes;
use std::process::ExitCode;
use zai::types::ChatCompletionResponse;

struct Args {
    chunk: Option<usize>,
    status: Option<u16>,
    file: String,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut chunk, mut status, mut file) = (None, None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--chunk" => {
                let n = args.next().ok_or("--chunk needs a value")?;
                chunk = Some(
                    n.parse()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or("--chunk must be a positive integer")?,
                );
            }
            "--status" => {
                let code = args.next().ok_or("--status needs a value")?;
                status = Some(
                    code.parse()
                        .map_err(|_| "--status must be an HTTP status code")?,
                );
            }
            _ if file.is_none() && !arg.starts_with("--") => file = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    let file = file.ok_or("usage: decode_capture [--chunk N] [--status CODE] FILE")?;
    Ok(Args {
        chunk,
        status,
        file,
    })
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

fn run(args: Args) -> Result<String, String> {
    let body = std::fs::read(&args.file).map_err(|e| format!("{}: {e}", args.file))?;
    if let Some(status) = args.status.filter(|s| *s >= 400) {
        let status = reqwest::StatusCode::from_u16(status).map_err(|e| e.to_string())?;
        let error = zai::ApiError::parse(status, &Default::default(), Bytes::from(body));
        let json = serde_json::json!({
            "status": error.status.as_u16(),
            "code": error.code,
            "message": error.message,
        });
        return Ok(json.to_string());
    }
    let text = body
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&body)
        .trim_ascii();
    let stream = if text.starts_with(b"{") {
        // A JSON body, or one JSON chunk per line.
        match serde_json::from_slice::<ChatCompletionResponse>(text) {
            Ok(response) => return serde_json::to_string(&response).map_err(|e| e.to_string()),
            Err(e) if !text.contains(&b'\n') => return Err(format!("JSON body: {e}")),
            Err(_) => Bytes::from(lines_to_sse(text)),
        }
    } else {
        Bytes::from(body)
    };
    let pieces: Vec<Bytes> = match args.chunk {
        Some(n) => (0..stream.len())
            .step_by(n)
            .map(|at| stream.slice(at..stream.len().min(at + n)))
            .collect(),
        None => vec![stream],
    };
    let response =
        zai::ext::accumulate::completion_from_bytes(pieces).map_err(|e| e.to_string())?;
    serde_json::to_string(&response).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    match parse_args().and_then(run) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("decode_capture: {}", message.replace('\n', " "));
            ExitCode::FAILURE
        }
    }
}
