//! Maintainer tasks for the zai workspace, run as `cargo xtask <task>`.
//!
//! * `drift FILE [--spec PATH]`: compares an upstream OpenAPI 3.0 document (JSON or
//!   YAML) with spec/zai.yaml and prints one line per difference, then a summary
//!   line (see [`drift`]). Always exits 0 once both documents are read: drift is a
//!   report, not a failure.

mod drift;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask drift FILE [--spec PATH]";

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
    if task != "drift" {
        return Err(format!("unknown task `{task}`\n{USAGE}"));
    }
    let mut spec = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/zai.yaml"));
    let mut upstream = None;
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--spec" => spec = rest.next().ok_or(USAGE)?.into(),
            file if upstream.is_none() => upstream = Some(PathBuf::from(file)),
            _ => return Err(USAGE.into()),
        }
    }
    let upstream = upstream.ok_or(USAGE)?;
    let read = |path: &PathBuf| {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        drift::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    };
    Ok(drift::report(&read(&upstream)?, &read(&spec)?).render())
}
