//! Every operation in the spec model (spec/zai.yaml) is in `zai::OPERATIONS`, and
//! every `Client` method (streaming variants included) has a test of this binary
//! named after it.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// Set in the child run that lists this binary's tests, so it cannot recurse.
const LISTING: &str = "ZAI_COVERAGE_LISTING";

/// operationId -> whether the operation has `x-zai-stream`, from the spec model
/// the generator reads (zai-codegen's reader).
fn spec_operations() -> BTreeMap<String, bool> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/spec/zai.yaml");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let spec = zai_codegen::Spec::parse(&text).expect("spec/zai.yaml parses");
    let mut ops = BTreeMap::new();
    for op in spec.operations {
        let stream = op.stream.is_some();
        assert!(
            ops.insert(op.id.clone(), stream).is_none(),
            "operationId {} twice",
            op.id
        );
    }
    ops
}

/// The last path segment of every test in this binary, from libtest's own listing.
fn test_names() -> BTreeSet<String> {
    let exe = std::env::current_exe().expect("test binary path");
    let out = Command::new(exe)
        .args(["--list", "--format", "terse"])
        .env(LISTING, "1")
        .output()
        .expect("list this binary's tests");
    assert!(out.status.success(), "--list failed: {out:?}");
    String::from_utf8(out.stdout)
        .expect("utf-8 listing")
        .lines()
        .filter_map(|line| line.strip_suffix(": test"))
        .map(|path| path.rsplit("::").next().unwrap_or(path).to_owned())
        .collect()
}

#[test]
fn every_operation_is_callable_and_tested() {
    if std::env::var_os(LISTING).is_some() {
        return;
    }
    let spec = spec_operations();
    let table: BTreeMap<String, bool> = zai::OPERATIONS
        .iter()
        .map(|op| (op.id.to_owned(), op.stream))
        .collect();
    assert_eq!(
        spec.keys().collect::<Vec<_>>(),
        table.keys().collect::<Vec<_>>(),
        "zai::OPERATIONS differs from the spec's operationIds"
    );
    assert_eq!(
        spec, table,
        "zai::OPERATIONS `stream` differs from the spec's x-zai-stream"
    );

    let tests = test_names();
    let mut methods = Vec::new();
    for op in zai::OPERATIONS {
        methods.push((op.id, op.rust_method.to_owned()));
        if op.stream {
            methods.push((op.id, format!("{}_stream", op.rust_method)));
        }
    }
    let missing: Vec<String> = methods
        .iter()
        .filter(|(_, method)| !tests.contains(method))
        .map(|(id, method)| format!("{id} -> {method}: no test named `{method}`"))
        .collect();
    let streams = methods.len() - spec.len();
    println!(
        "operations: {} covered of {} ({} spec operations + {streams} streaming variants)",
        methods.len() - missing.len(),
        methods.len(),
        spec.len()
    );
    assert!(missing.is_empty(), "not covered:\n{}", missing.join("\n"));
}
