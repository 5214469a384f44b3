//! Puts the operations in `$OUT_DIR/operations.rs` (`src/operations.rs` includes
//! them): regenerated from spec/zai.yaml by zai-codegen with the `codegen`
//! feature (maintainers; it also regenerates `zai-types`), else the committed
//! generated/operations.rs, so dependents compile no code generator.
//!
//! Without `codegen` it first checks that the committed files, generated/
//! operations.rs, generated/types.rs and generated/realtime.rs (what `zai-types`
//! compiles), carry the stamp of their current spec: a spec edited without regenerating fails the build
//! with the command to run. The drift test checks the rest: that the committed
//! files are what the generator makes of the spec today.

use std::{env, fs, path::PathBuf};

const SPEC: &str = "spec/zai.yaml";
const COMMITTED: &str = "generated/operations.rs";

fn main() {
    println!("cargo:rerun-if-changed={SPEC}");
    println!("cargo:rerun-if-changed={COMMITTED}");
    println!("cargo:rerun-if-changed=generated/types.rs");
    println!("cargo:rerun-if-changed=generated/realtime.rs");
    println!("cargo:rerun-if-changed=spec/realtime.yaml");
    println!("cargo:rerun-if-env-changed=ZAI_WRITE_GENERATED");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    fs::write(out.join("operations.rs"), code()).expect("write the generated operations");
}

/// Also regenerates the types into `$OUT_DIR/types.rs` and `realtime.rs`
/// (zai-types' build script makes the copies it compiles), for the drift test to
/// compare with generated/.
#[cfg(feature = "codegen")]
fn code() -> String {
    println!("cargo:rerun-if-changed=build/src");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    let types: [(&str, &str, fn(&_) -> _); 2] = [
        ("types.rs", SPEC, zai_codegen::types_file),
        (
            "realtime.rs",
            "spec/realtime.yaml",
            zai_codegen::realtime_file,
        ),
    ];
    for (file, spec, emit) in types {
        let code = zai_codegen::regenerate(spec.as_ref(), emit, None);
        fs::write(out.join(file), code.unwrap_or_else(|e| panic!("{e}")))
            .expect("write the generated types");
    }
    let committed = Some(COMMITTED.as_ref());
    zai_codegen::regenerate(SPEC.as_ref(), zai_codegen::operations_file, committed)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[cfg(not(feature = "codegen"))]
fn code() -> String {
    let read = |path: &str| fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let stamps = [
        (COMMITTED, "zai.yaml"),
        ("generated/types.rs", "zai.yaml"),
        ("generated/realtime.rs", "realtime.yaml"),
    ];
    for (committed, spec) in stamps {
        let stamp = zai_codegen::stamp(spec, &read(&format!("spec/{spec}")));
        if !read(committed).starts_with(&stamp) {
            panic!(
                "{committed} is older than spec/{spec}: run `ZAI_WRITE_GENERATED=1 cargo build --features codegen`"
            );
        }
    }
    read(COMMITTED)
}
