//! Rustdoc coverage of `zai::types`, counted in the committed generated/ code: every
//! generated type and public field should carry a real description from the spec.
//!
//! Types are the structs and enums of `mod types` (open enums included); fields are
//! the `pub` fields of its structs. A doc is the `///` (or `#[doc]`) text directly
//! above the item, attributes aside; one that is empty or only repeats the item's own
//! name (typify's placeholder when the spec has no description) does not count.
//!
//! Also: the README's code blocks stay runnable doctests.

const GENERATED: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/generated/types.rs"));

/// Minimum share of documented types and fields.
const TYPES_MIN: f64 = 95.0;
const FIELDS_MIN: f64 = 90.0;

/// The lines of `pub mod types { ... }` (prettyplease closes it at column 0).
fn types_module() -> Vec<&'static str> {
    let mut lines = GENERATED.lines();
    lines
        .by_ref()
        .find(|l| *l == "pub mod types {")
        .expect("generated code has `pub mod types`");
    lines.take_while(|l| *l != "}").collect()
}

/// The doc text directly above line `at`, skipping attributes (also multi-line ones).
fn doc_above(lines: &[&str], at: usize) -> String {
    let mut docs = Vec::new();
    let mut i = at;
    while i > 0 {
        i -= 1;
        let line = lines[i].trim();
        if let Some(text) = line.strip_prefix("///") {
            docs.push(text.trim().to_owned());
        } else if let Some(text) = line.strip_prefix("#[doc = ") {
            docs.push(
                text.trim_end_matches(']')
                    .trim_matches('"')
                    .trim()
                    .to_owned(),
            );
        } else if line.starts_with("#[") {
            continue;
        } else if line == ")]" {
            // The end of a multi-line attribute: skip back to its `#[`.
            while i > 0 && !lines[i].trim().starts_with("#[") {
                i -= 1;
            }
        } else {
            break;
        }
    }
    docs.reverse();
    docs.join(" ")
}

/// Whether `doc` says more than `name`.
fn real(doc: &str, name: &str) -> bool {
    let doc = doc.trim_matches(|c: char| c == '`' || c == '.' || c.is_whitespace());
    !doc.is_empty() && doc != name.trim_start_matches("r#")
}

fn item_name(line: &str) -> Option<&str> {
    let rest = ["    pub struct ", "    pub enum "]
        .iter()
        .find_map(|p| line.strip_prefix(p))?;
    rest.split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
}

struct Counts {
    types: (usize, usize),
    fields: (usize, usize),
    missing: Vec<String>,
}

fn count() -> Counts {
    let lines = types_module();
    let mut counts = Counts {
        types: (0, 0),
        fields: (0, 0),
        missing: Vec::new(),
    };
    let mut current: Option<&str> = None;
    for (at, line) in lines.iter().enumerate() {
        if let Some(name) = item_name(line) {
            counts.types.1 += 1;
            if real(&doc_above(&lines, at), name) {
                counts.types.0 += 1;
            } else {
                counts.missing.push(format!("type {name}"));
            }
            current = (line.starts_with("    pub struct ") && line.ends_with('{')).then_some(name);
        } else if line.trim() == "crate::open_enum::open_enum! {" {
            // `open_enum! { #[doc = "..."] Name { ... } }`: documented by its `#[doc]`.
            counts.types.1 += 1;
            // The attribute may wrap: `#[doc =` then the text on the next line.
            let doc: String = lines[at + 1..]
                .iter()
                .map(|l| l.trim())
                .scan(false, |done, l| {
                    let line = (!*done).then_some(l);
                    *done = l.ends_with(']');
                    line
                })
                .collect::<Vec<_>>()
                .join(" ");
            let text = doc
                .strip_prefix("#[doc =")
                .map(|t| t.trim().trim_end_matches(']').trim_matches('"').trim());
            if text.is_some_and(|t| !t.is_empty()) {
                counts.types.0 += 1;
            } else {
                counts.missing.push(format!("open enum at line {at}"));
            }
        } else if *line == "    }" {
            current = None;
        } else if let (Some(owner), Some(rest)) = (current, line.strip_prefix("        pub ")) {
            let field = rest.split(':').next().unwrap_or_default();
            counts.fields.1 += 1;
            if real(&doc_above(&lines, at), field) {
                counts.fields.0 += 1;
            } else {
                counts.missing.push(format!("field {owner}.{field}"));
            }
        }
    }
    counts
}

fn percent((documented, all): (usize, usize)) -> f64 {
    documented as f64 * 100.0 / all.max(1) as f64
}

#[test]
fn generated_types_are_documented() {
    let counts = count();
    let (types, fields) = (percent(counts.types), percent(counts.fields));
    println!(
        "docs: {} of {} types ({types:.1}%), {} of {} fields ({fields:.1}%)",
        counts.types.0, counts.types.1, counts.fields.0, counts.fields.1
    );
    for missing in &counts.missing {
        println!("  undocumented: {missing}");
    }
    assert!(
        counts.types.1 > 100,
        "the counter found the generated types"
    );
    assert!(
        types >= TYPES_MIN && fields >= FIELDS_MIN,
        "rustdoc of zai::types: {types:.1}% of types (need {TYPES_MIN}%), {fields:.1}% of \
         fields (need {FIELDS_MIN}%) carry a real description: describe them in spec/zai.yaml"
    );
}

#[test]
fn placeholder_docs_do_not_count() {
    assert!(!real("`ChatChoice`", "ChatChoice"));
    assert!(!real("", "index"));
    assert!(real("One choice of a completion.", "ChatChoice"));
    let lines = [
        "    ///Why generation stopped.",
        "    #[derive(",
        "        Clone,",
        "    )]",
        "    #[serde(rename = \"x\")]",
        "    pub struct Thing {",
    ];
    assert_eq!(doc_above(&lines, 5), "Why generation stopped.");
}

/// The README's code blocks run as doctests (`ReadmeDoctests` in src/lib.rs):
/// none may opt out with `ignore`/`no_run`, and an untagged fence would be taken
/// for Rust, so every fence names its language.
#[test]
fn readme_code_blocks_all_run() {
    let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
    let fences: Vec<&str> = readme
        .lines()
        .filter(|l| l.starts_with("```"))
        .step_by(2)
        .map(|l| l.trim_start_matches('`'))
        .collect();
    let rust = fences.iter().filter(|tag| **tag == "rust").count();
    assert!(rust >= 6, "{rust} Rust blocks");
    for tag in fences {
        assert!(
            ["rust", "sh", "toml", "text"].contains(&tag),
            "README fence ```{tag}: runnable `rust`, or a non-Rust language"
        );
    }
}
