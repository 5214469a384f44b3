//! Writes the parts of `spec/zai.yaml` the mock reads (`paths`,
//! `components/responses` and `components/schemas`) as compact JSON to
//! `$OUT_DIR/spec.json`, read through the workspace's one spec reader
//! (`zai-codegen`); the mock parses it once at start-up into its route table
//! (`src/spec.rs`), so the crate needs no YAML parser at run time and nothing
//! generated into the `zai` library.
//!
//! It also writes `$OUT_DIR/httpmock.rs`: for every operation, a typed method of
//! `zai_mock::httpmock::ZaiMocks` (compiled with the `httpmock` feature).

use std::fmt::Write as _;
use std::{env, fs, path::PathBuf};
use zai_codegen::{Operation, Spec, snake_case};

/// A symlink to the workspace's spec/zai.yaml, so the packaged crate carries its
/// own copy (`cargo package` follows links).
const SPEC: &str = "spec/zai.yaml";

fn main() {
    println!("cargo:rerun-if-changed={SPEC}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = fs::read_to_string(SPEC).unwrap_or_else(|e| panic!("{SPEC}: {e}"));
    let spec = Spec::parse(&text).unwrap_or_else(|e| panic!("{SPEC}: {e}"));
    let document = &spec.document;
    let needed = serde_json::json!({
        "paths": document["paths"],
        "components": {
            "responses": document["components"]["responses"],
            "schemas": document["components"]["schemas"],
        },
    });
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    fs::write(out.join("spec.json"), needed.to_string()).expect("write spec.json");
    fs::write(out.join("httpmock.rs"), httpmock_helpers(&spec.operations))
        .expect("write httpmock.rs");
}

/// The trait with one typed expectation method per operation, and its impl for
/// `httpmock::MockServer`.
fn httpmock_helpers(operations: &[Operation]) -> String {
    let (mut decls, mut impls) = (String::new(), String::new());
    let typed = |name: &Option<String>, or: &str| {
        name.as_ref()
            .map_or_else(|| or.to_owned(), |n| format!("zai::types::{n}"))
    };
    for op in operations {
        let (id, path) = (&op.id, &op.path);
        let body = match &op.multipart {
            Some(_) => "Multipart".to_owned(),
            None => typed(&op.json_body, "NoBody"),
        };
        let response = typed(&op.response, "Binary");
        let stream = op.stream.as_ref();
        let chunk = typed(&stream.map(|s| s.chunk.clone()), "NoStream");
        let stream_info = match stream {
            Some(s) => format!(
                "Some(StreamInfo {{ done: {:?}, event_field: {:?} }})",
                s.done.as_deref(),
                s.event_field.as_deref()
            ),
            None => "None".to_owned(),
        };
        let stream_doc = match stream {
            Some(_) => format!(", or a stream of `{chunk}`"),
            None => String::new(),
        };
        let upper = op.method.to_ascii_uppercase();
        let summary = op.doc.split("\n\n").next().unwrap_or_default();
        let name = snake_case(id);
        let _ = writeln!(
            decls,
            "    /// `{upper} {path}` (`{id}`): {summary}\n    ///\n    /// The closure \
             declares what the request must hold ([`When`]: body `{body}`) and the answer \
             ([`Then`]: `{response}`{stream_doc}).\n    fn {name}(&self, f: impl FnOnce(When<{body}>, \
             Then<{response}, {chunk}>)) -> httpmock::Mock<'_>;",
        );
        let _ = writeln!(
            impls,
            "    fn {name}(&self, f: impl FnOnce(When<{body}>, Then<{response}, {chunk}>)) -> \
             httpmock::Mock<'_> {{\n        self.mock(|when, then| {{\n            \
             let when = when.method({upper:?});\n            \
             f(When::new(when, {path:?}), Then::new(then, {stream_info}));\n        }})\n    }}"
        );
    }
    format!(
        "/// A typed expectation for every operation of the Z.AI API on an\n\
         /// [`httpmock::MockServer`] (generated from spec/zai.yaml).\n\
         pub trait ZaiMocks {{\n{decls}}}\n\n\
         impl ZaiMocks for httpmock::MockServer {{\n{impls}}}\n"
    )
}
