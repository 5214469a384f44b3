//! generated/ must be exactly what build.rs emits from spec/zai.yaml.

/// Only with `codegen`: without it build.rs compiles generated/ itself.
#[cfg(feature = "codegen")]
#[test]
fn generated_copy_matches_build_output() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/generated/zai_generated.rs");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == include_str!(concat!(env!("OUT_DIR"), "/zai_generated.rs")),
        "generated/ is out of date with spec/zai.yaml: run `ZAI_WRITE_GENERATED=1 cargo build --features codegen` and commit generated/"
    );
}
