//! `zai api`: any JSON operation of the spec by its operationId, and `--list` of them.

use crate::args::ApiArgs;
use crate::connection::Connection;
use crate::failure::{Failure, Outcome};
use crate::input::{json_arg, pairs};
use std::io::Write;

/// `zai api --list`: every operation's id, method and path.
pub(crate) fn list() -> Outcome {
    for op in zai::OPERATIONS {
        println!("{:<28} {:<6} {}", op.id, op.method, op.path);
    }
    Ok(())
}

/// Runs `zai api <operation>`: the response, pretty JSON or its raw bytes.
pub(crate) async fn run(connection: &Connection, args: ApiArgs) -> Outcome {
    let operation_id = args.operation_id.unwrap_or_default();
    let Some(op) = zai::OPERATIONS
        .iter()
        .find(|op| op.id == operation_id || op.rust_method == operation_id)
    else {
        return Err(Failure::Usage(format!(
            "unknown operation `{operation_id}` (`zai api --list` shows them)"
        )));
    };
    let body = args.body.map(|b| json_arg(&b, "--body")).transpose()?;
    let params = pairs(&args.params, "--param")?;
    let (path, query): (Vec<_>, Vec<_>) = params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .partition(|(k, _)| op.path.contains(&format!("{{{k}}}")));
    let reply = connection
        .client
        .call_raw(op.id, &path, &query, body.as_ref())
        .await
        .map_err(Failure::from_input)?;
    if reply.is_json() {
        let value = reply.json()?;
        println!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    } else {
        let _ = std::io::stdout().write_all(&reply.body);
    }
    Ok(())
}
