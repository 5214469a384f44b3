//! Every operation in spec/zai.yaml has a callable `zai::Client` method, and every
//! method (streaming variants included) is exercised by at least one contract test.

use std::collections::BTreeSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_operation_is_callable_and_tested() {
    let spec = read("spec/zai.yaml");
    let spec_ids: BTreeSet<&str> = spec
        .lines()
        .filter_map(|l| l.trim().strip_prefix("operationId:"))
        .map(str::trim)
        .collect();
    let table_ids: BTreeSet<&str> = zai::OPERATIONS.iter().map(|op| op.id).collect();
    assert_eq!(
        spec_ids, table_ids,
        "zai::OPERATIONS differs from the spec's operationIds"
    );

    let generated = read("generated/zai_generated.rs");
    let tests: String = std::fs::read_dir(format!("{}/tests", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .filter(|e| e.file_name() != "coverage.rs")
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();

    let mut methods = Vec::new();
    for op in zai::OPERATIONS {
        methods.push((op.id, op.rust_method.to_owned()));
        if op.stream {
            methods.push((op.id, format!("{}_stream", op.rust_method)));
        }
    }
    let mut missing = Vec::new();
    for (id, method) in &methods {
        // Defined on `zai::Client` (the wrapper, not only progenitor's raw client).
        let callable = generated
            .split("impl crate::Client {")
            .skip(1)
            .any(|block| {
                block.contains(&format!("pub async fn {method}("))
                    || block.contains(&format!("pub async fn {method}<"))
            });
        let tested = tests.contains(&format!(".{method}("));
        if !callable || !tested {
            missing.push(format!(
                "{id} -> {method}: callable={callable} tested={tested}"
            ));
        }
    }
    let streams = methods.len() - zai::OPERATIONS.len();
    println!(
        "operations: {} covered of {} ({} spec operations + {streams} streaming variants)",
        methods.len() - missing.len(),
        methods.len(),
        zai::OPERATIONS.len()
    );
    assert!(missing.is_empty(), "not covered:\n{}", missing.join("\n"));
}
