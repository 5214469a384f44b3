//! Puts the schemas in `$OUT_DIR/types.rs`: regenerated from spec/zai.yaml with
//! the `codegen` feature (maintainers), else the committed generated/types.rs, so
//! dependents compile no code generator (the `zai` build checks its stamp).

use std::{env, fs, path::PathBuf};

/// A link to the workspace's generated/types.rs (`cargo package` follows links).
const COMMITTED: &str = "generated/types.rs";

fn main() {
    println!("cargo:rerun-if-changed={COMMITTED}");
    println!("cargo:rerun-if-env-changed=ZAI_WRITE_GENERATED");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    fs::write(out.join("types.rs"), code()).expect("write the generated types");
}

#[cfg(feature = "codegen")]
fn code() -> String {
    const SPEC: &str = "../spec/zai.yaml";
    println!("cargo:rerun-if-changed={SPEC}");
    println!("cargo:rerun-if-changed=../build/src");
    zai_codegen::regenerate(
        SPEC.as_ref(),
        zai_codegen::types_file,
        Some(COMMITTED.as_ref()),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[cfg(not(feature = "codegen"))]
fn code() -> String {
    fs::read_to_string(COMMITTED).unwrap_or_else(|e| panic!("{COMMITTED}: {e}"))
}
