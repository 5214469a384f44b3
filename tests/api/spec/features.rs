//! Every API family (a tag of spec/zai.yaml) is a Cargo feature of both crates,
//! on by default: the generated code gates each method and type by these names.

/// `name = [...]` of a manifest's `[features]` table, as the list's text.
fn features(manifest: &str) -> Vec<(String, String)> {
    let path = format!("{}/{manifest}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let table = text.split("[features]").nth(1).expect("a [features] table");
    let table = table.split("\n[").next().unwrap_or_default();
    table
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .map(|(name, list)| (name.to_owned(), list.to_owned()))
        .collect()
}

fn list<'a>(features: &'a [(String, String)], name: &str) -> &'a str {
    let found = features.iter().find(|(n, _)| n == name);
    found.map_or_else(|| panic!("no feature `{name}`"), |(_, list)| list.as_str())
}

#[test]
fn every_api_family_is_a_feature_of_both_crates_on_by_default() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/spec/zai.yaml");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let spec = zai_codegen::Spec::parse(&text).expect("spec/zai.yaml parses");
    let (zai, types) = (features("Cargo.toml"), features("types/Cargo.toml"));
    assert!(list(&zai, "default").contains("\"full\""));
    for (tag, _) in &spec.tags {
        let quoted = format!("\"{tag}\"");
        assert!(
            list(&zai, tag).contains(&format!("\"zai-types/{tag}\"")),
            "zai's `{tag}`"
        );
        assert!(list(&zai, "full").contains(&quoted), "`full` lacks `{tag}`");
        assert_eq!(list(&types, tag), "[]", "zai-types' `{tag}`");
        assert!(
            list(&types, "default").contains(&quoted),
            "zai-types' default lacks `{tag}`"
        );
    }
    for op in &spec.operations {
        assert!(!op.tags.is_empty(), "{} has no family (tag)", op.id);
        let known = |t: &String| spec.tags.iter().any(|(tag, _)| tag == t);
        assert!(op.tags.iter().all(known), "{}: a tag not in `tags`", op.id);
    }
}
