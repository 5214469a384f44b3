//! generated/ must be exactly what zai-codegen emits from spec/zai.yaml and
//! spec/realtime.yaml.

/// Only with `codegen`: without it the build compiles generated/ itself.
#[cfg(feature = "codegen")]
#[test]
fn generated_copies_match_build_output() {
    let committed = |file: &str| {
        let path = format!("{}/generated/{file}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path).unwrap_or_default()
    };
    let built = [
        (
            "operations.rs",
            include_str!(concat!(env!("OUT_DIR"), "/operations.rs")),
        ),
        (
            "types.rs",
            include_str!(concat!(env!("OUT_DIR"), "/types.rs")),
        ),
        (
            "realtime.rs",
            include_str!(concat!(env!("OUT_DIR"), "/realtime.rs")),
        ),
    ];
    for (file, built) in built {
        assert!(
            committed(file) == built,
            "generated/{file} is out of date with spec/: run `ZAI_WRITE_GENERATED=1 cargo build --features codegen` and commit generated/"
        );
    }
}
