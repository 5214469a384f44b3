//! Puts the schemas in `$OUT_DIR/types.rs` and the GLM-Realtime events in
//! `$OUT_DIR/realtime.rs`: regenerated from spec/zai.yaml and spec/realtime.yaml
//! with the `codegen` feature (maintainers), else the committed generated/ copies,
//! so dependents compile no code generator (the `zai` build checks their stamps).

use std::{env, fs, path::PathBuf};

/// Each generated file: its name (under generated/, linked from the workspace's
/// generated/ as `cargo package` follows links) and its spec.
const FILES: [(&str, &str); 2] = [("types.rs", "zai.yaml"), ("realtime.rs", "realtime.yaml")];

fn main() {
    println!("cargo:rerun-if-env-changed=ZAI_WRITE_GENERATED");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    for (file, spec) in FILES {
        let committed = format!("generated/{file}");
        println!("cargo:rerun-if-changed={committed}");
        fs::write(out.join(file), code(&committed, spec)).expect("write the generated types");
    }
}

#[cfg(feature = "codegen")]
fn code(committed: &str, spec: &str) -> String {
    let spec = format!("../spec/{spec}");
    println!("cargo:rerun-if-changed={spec}");
    println!("cargo:rerun-if-changed=../build/src");
    let emit = match committed.ends_with("realtime.rs") {
        true => zai_codegen::realtime_file,
        false => zai_codegen::types_file,
    };
    zai_codegen::regenerate(spec.as_ref(), emit, Some(committed.as_ref()))
        .unwrap_or_else(|e| panic!("{e}"))
}

#[cfg(not(feature = "codegen"))]
fn code(committed: &str, _spec: &str) -> String {
    fs::read_to_string(committed).unwrap_or_else(|e| panic!("{committed}: {e}"))
}
