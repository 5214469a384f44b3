//! Turns `spec/zai.yaml` into Rust.
//!
//! Design: typify (through progenitor's type generator) makes the types; `build/`
//! emits every method itself, from the spec model. Each method only describes its
//! request (operation, path parameters, query, body) and hands it to the client's
//! one request path (`Client::execute` in src/client.rs), which applies routing,
//! credentials, headers, retries, timeouts, tracing and metrics to JSON,
//! multipart and streaming calls alike. Why not progenitor's own methods: they
//! cannot express multipart bodies or SSE variants, so a second request path
//! would be needed beside them, and wrapping them meant reading their generated
//! tokens back.
//!
//! From the spec and its `x-zai-*` extensions (see the header of spec/zai.yaml)
//! build/ also emits: open enums, typed query structs, multipart body structs,
//! `*_stream` variants and their stream-end rules, `x-zai-wait` polling methods,
//! `x-zai-task` impls, `new`/setter constructors for every struct, and the
//! operation table.
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
