//! Maintainer tasks for the zai workspace, run as `cargo xtask <task>`.
//!
//! * `drift FILE [--spec PATH] [--apply]`: compares an upstream OpenAPI 3.0 document
//!   (JSON or YAML) with spec/zai.yaml, or an AsyncAPI 3.0 one with
//!   spec/realtime.yaml, and prints one line per difference, then a
//!   summary line (see [`drift`]). With `--apply`, first writes the unexplained
//!   findings it can into the spec (see [`apply`]), says what it did and did not
//!   apply, and reports what remains. Always exits 0 once both documents are
//!   read: drift is a report, not a failure.
//! * `api-diff [BASE]`: the public API change of the generated code since git
//!   revision BASE (default: the latest tag, else `HEAD`), with a semver verdict
//!   (see [`api_diff`]). Exits 0 whatever the verdict: it informs.

mod api_diff;
mod apply;
mod drift;
mod yaml_edit;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo xtask drift FILE [--spec PATH] [--apply] | cargo xtask api-diff [BASE]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let (task, rest) = args.split_first().ok_or(USAGE)?;
    match task.as_str() {
        "drift" => drift_task(rest),
        "api-diff" if rest.len() <= 1 => {
            let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
            api_diff::run(root, rest.first().map(String::as_str))
        }
        _ => Err(format!("unknown task `{task}`\n{USAGE}")),
    }
}

fn drift_task(args: &[String]) -> Result<String, String> {
    let (mut spec, mut upstream, mut write) = (None, None, false);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--spec" => spec = Some(PathBuf::from(rest.next().ok_or(USAGE)?)),
            "--apply" => write = true,
            file if upstream.is_none() => upstream = Some(PathBuf::from(file)),
            _ => return Err(USAGE.into()),
        }
    }
    let upstream = read(&upstream.ok_or(USAGE)?)?;
    // An AsyncAPI document is compared with the realtime contract.
    let default = match upstream.1.get("asyncapi") {
        Some(_) => "spec/realtime.yaml",
        None => "spec/zai.yaml",
    };
    let spec = spec.unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(default)
    });
    let mut out = String::new();
    if write {
        let text =
            std::fs::read_to_string(&spec).map_err(|e| format!("{}: {e}", spec.display()))?;
        let report = drift::report(&upstream.1, &read(&spec)?.1);
        let applied = apply::apply(&report, &upstream.1, &text);
        if applied.changed {
            std::fs::write(&spec, &applied.text).map_err(|e| format!("{}: {e}", spec.display()))?;
        }
        out = applied.lines.join("\n") + if applied.lines.is_empty() { "" } else { "\n" };
    }
    Ok(out + &drift::report(&upstream.1, &read(&spec)?.1).render())
}

/// A document's text and value, through the spec reader (duplicate keys refused).
fn read(path: &Path) -> Result<(String, serde_json::Value), String> {
    let fail = |e: String| format!("{}: {e}", path.display());
    let text = std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?;
    let value = zai_codegen::read_document(&text).map_err(fail)?;
    Ok((text, value))
}
