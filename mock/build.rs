//! Converts the parts of `../spec/zai.yaml` the mock reads (`paths` and
//! `components/responses`) to compact JSON in `$OUT_DIR/spec.json`; the mock parses
//! it once at start-up into its route table (`src/spec.rs`), so the crate needs no
//! YAML parser at run time and nothing generated into the `zai` library.

use std::{env, fs, path::PathBuf};

const SPEC: &str = "../spec/zai.yaml";

fn main() {
    println!("cargo:rerun-if-changed={SPEC}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = fs::read_to_string(SPEC).unwrap_or_else(|e| panic!("{SPEC}: {e}"));
    let spec: serde_json::Value =
        serde_norway::from_str(&text).unwrap_or_else(|e| panic!("{SPEC}: {e}"));
    let needed = serde_json::json!({
        "paths": spec["paths"],
        "components": { "responses": spec["components"]["responses"] },
    });
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    fs::write(out.join("spec.json"), needed.to_string()).expect("write spec.json");
}
