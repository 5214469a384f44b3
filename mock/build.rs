//! Converts the parts of `spec/zai.yaml` the mock reads (`paths`,
//! `components/responses` and `components/schemas`) to compact JSON in
//! `$OUT_DIR/spec.json`; the mock parses it once at start-up into its route table
//! (`src/spec.rs`), so the crate needs no YAML parser at run time and nothing
//! generated into the `zai` library.
//!
//! It also writes `$OUT_DIR/httpmock.rs`: for every operation, a typed method of
//! `zai_mock::httpmock::ZaiMocks` (compiled with the `httpmock` feature).

use serde_json::Value;
use std::fmt::Write as _;
use std::{env, fs, path::PathBuf};

/// A symlink to the workspace's spec/zai.yaml, so the packaged crate carries its
/// own copy (`cargo package` follows links).
const SPEC: &str = "spec/zai.yaml";

fn main() {
    println!("cargo:rerun-if-changed={SPEC}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = fs::read_to_string(SPEC).unwrap_or_else(|e| panic!("{SPEC}: {e}"));
    let spec: Value = serde_norway::from_str(&text).unwrap_or_else(|e| panic!("{SPEC}: {e}"));
    let needed = serde_json::json!({
        "paths": spec["paths"],
        "components": {
            "responses": spec["components"]["responses"],
            "schemas": spec["components"]["schemas"],
        },
    });
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    fs::write(out.join("spec.json"), needed.to_string()).expect("write spec.json");
    fs::write(out.join("httpmock.rs"), httpmock_helpers(&spec)).expect("write httpmock.rs");
}

/// `createChatCompletion` → `create_chat_completion`.
fn snake(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// `#/components/schemas/Name` → `zai::types::Name`.
fn type_of(schema: &Value) -> Option<String> {
    let name = schema["$ref"]
        .as_str()?
        .strip_prefix("#/components/schemas/")?;
    Some(format!("zai::types::{name}"))
}

/// The trait with one typed expectation method per operation, and its impl for
/// `httpmock::MockServer`.
fn httpmock_helpers(spec: &Value) -> String {
    let (mut decls, mut impls) = (String::new(), String::new());
    for (path, item) in spec["paths"].as_object().into_iter().flatten() {
        for method in ["get", "post", "put", "patch", "delete"] {
            let Some(op) = item.get(method) else { continue };
            let id = op["operationId"]
                .as_str()
                .expect("every operation has an id");
            let content = &op["requestBody"]["content"];
            let body = if content.get("multipart/form-data").is_some() {
                "Multipart".to_owned()
            } else {
                type_of(&content["application/json"]["schema"]).unwrap_or_else(|| "NoBody".into())
            };
            let ok = op["responses"]
                .as_object()
                .and_then(|r| r.iter().find(|(s, _)| s.starts_with('2')))
                .map(|(_, r)| &r["content"]);
            let response = ok
                .and_then(|c| type_of(&c["application/json"]["schema"]))
                .unwrap_or_else(|| "Binary".into());
            let stream = &op["x-zai-stream"];
            let chunk = stream["chunk"]
                .as_str()
                .map_or_else(|| "NoStream".to_owned(), |c| format!("zai::types::{c}"));
            let stream_info = if stream.is_object() {
                format!(
                    "Some(StreamInfo {{ done: {:?}, event_field: {:?} }})",
                    stream["done"].as_str(),
                    stream["event-field"].as_str()
                )
            } else {
                "None".to_owned()
            };
            let upper = method.to_ascii_uppercase();
            let summary = op["summary"].as_str().unwrap_or_default();
            let name = snake(id);
            let _ = writeln!(
                decls,
                "    /// `{upper} {path}` (`{id}`): {summary}\n    ///\n    /// The closure \
                 declares what the request must hold ([`When`]: body `{body}`) and the answer \
                 ([`Then`]: `{response}`{stream_doc}).\n    fn {name}(&self, f: impl FnOnce(When<{body}>, \
                 Then<{response}, {chunk}>)) -> httpmock::Mock<'_>;",
                stream_doc = if stream.is_object() {
                    ", or a stream of `".to_owned() + &chunk + "`"
                } else {
                    String::new()
                },
            );
            let _ = writeln!(
                impls,
                "    fn {name}(&self, f: impl FnOnce(When<{body}>, Then<{response}, {chunk}>)) -> \
                 httpmock::Mock<'_> {{\n        self.mock(|when, then| {{\n            \
                 let when = when.method({upper:?});\n            \
                 f(When::new(when, {path:?}), Then::new(then, {stream_info}));\n        }})\n    }}"
            );
        }
    }
    format!(
        "/// A typed expectation for every operation of the Z.AI API on an\n\
         /// [`httpmock::MockServer`] (generated from spec/zai.yaml).\n\
         pub trait ZaiMocks {{\n{decls}}}\n\n\
         impl ZaiMocks for httpmock::MockServer {{\n{impls}}}\n"
    )
}
