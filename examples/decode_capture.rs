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

use std::process::ExitCode;

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

fn run(args: Args) -> Result<String, String> {
    let body = std::fs::read(&args.file).map_err(|e| format!("{}: {e}", args.file))?;
    zai::decode_capture(&body, args.chunk, args.status)
        .map(|json| json.to_string())
        .map_err(|e| e.to_string())
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
