//! Turns `spec/zai.yaml` into Rust.
//!
//! progenitor/typify generate the types and a raw client for the JSON operations;
//! the modules under `build/` generate what progenitor cannot express, all from the
//! spec and its `x-zai-*` extensions (see the header of spec/zai.yaml):
//! open enums, typed wrapper methods returning `zai::Error`, streaming variants,
//! multipart operations, and `new`/setter constructors for every struct.
//!
//! The result is formatted with prettyplease into `$OUT_DIR/zai_generated.rs`;
//! with `ZAI_WRITE_GENERATED=1` the same text is also written to `generated/`.

#[path = "build/emit.rs"]
mod emit;
#[path = "build/spec.rs"]
mod spec;

use std::{env, fs, path::PathBuf};

const SPEC: &str = "spec/zai.yaml";
const OUTPUT: &str = "zai_generated.rs";

fn main() {
    println!("cargo:rerun-if-changed={SPEC}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-env-changed=ZAI_WRITE_GENERATED");

    let text = fs::read_to_string(SPEC).unwrap_or_else(|e| panic!("{SPEC}: {e}"));
    let spec = spec::Spec::parse(&text).unwrap_or_else(|e| panic!("{SPEC}: {e}"));
    let code = emit::generate(&spec).unwrap_or_else(|e| panic!("{SPEC}: {e}"));

    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    fs::write(out.join(OUTPUT), &code).expect("write generated code");
    if env::var_os("ZAI_WRITE_GENERATED").is_some() {
        fs::create_dir_all("generated").expect("create generated/");
        fs::write(PathBuf::from("generated").join(OUTPUT), &code).expect("write generated/");
    }
}
