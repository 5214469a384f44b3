//! Puts the operations in `$OUT_DIR/operations.rs` (`src/operations.rs` includes
//! them): regenerated from spec/zai.yaml by zai-codegen with the `codegen`
//! feature (maintainers; it also regenerates `zai-types`), else the committed
//! generated/operations.rs, so dependents compile no code generator.
//!
//! Without `codegen` it first checks that both committed files, generated/
//! operations.rs and generated/types.rs (what `zai-types` compiles), carry the
//! stamp of the current spec: a spec edited without regenerating fails the build
//! with the command to run. The drift test checks the rest: that the committed
//! files are what the generator makes of the spec today.

use std::{env, fs, path::PathBuf};

const SPEC: &str = "spec/zai.yaml";
const COMMITTED: &str = "generated/operations.rs";

fn main() {
    println!("cargo:rerun-if-changed={SPEC}");
    println!("cargo:rerun-if-changed={COMMITTED}");
    println!("cargo:rerun-if-changed=generated/types.rs");
    println!("cargo:rerun-if-env-changed=ZAI_WRITE_GENERATED");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    fs::write(out.join("operations.rs"), code()).expect("write the generated operations");
}

/// Also regenerates the types into `$OUT_DIR/types.rs` (zai-types' build script
/// makes the copy it compiles), for the drift test to compare with generated/.
#[cfg(feature = "codegen")]
fn code() -> String {
    println!("cargo:rerun-if-changed=build/src");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    let types = zai_codegen::regenerate(SPEC.as_ref(), zai_codegen::types_file, None);
    fs::write(
        out.join("types.rs"),
        types.unwrap_or_else(|e| panic!("{e}")),
    )
    .expect("write the generated types");
    let committed = Some(COMMITTED.as_ref());
    zai_codegen::regenerate(SPEC.as_ref(), zai_codegen::operations_file, committed)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[cfg(not(feature = "codegen"))]
fn code() -> String {
    let read = |path: &str| fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let stamp = zai_codegen::stamp(&read(SPEC));
    for committed in [COMMITTED, "generated/types.rs"] {
        if !read(committed).starts_with(&stamp) {
            panic!(
                "{committed} is older than {SPEC}: run `ZAI_WRITE_GENERATED=1 cargo build --features codegen`"
            );
        }
    }
    read(COMMITTED)
}
