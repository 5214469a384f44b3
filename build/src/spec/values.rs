//! Small readers shared by the spec's parts: errors, string lists, names.

use serde_json::Value;

/// A reading error: what is wrong, and where.
pub type Result<T> = std::result::Result<T, String>;

pub(crate) fn strings(list: &Value) -> Vec<String> {
    let items = list.as_array().into_iter().flatten();
    items
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

pub(crate) fn upper_first(id: &str) -> String {
    let mut chars = id.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// The component name behind a `$ref`.
pub(crate) fn schema_name(schema: &Value) -> Result<String> {
    schema["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
        .map(str::to_owned)
        .ok_or_else(|| "schema must be a $ref to #/components/schemas".to_owned())
}

/// `tool_calls` → `ToolCalls`, `PROCESSING` → `Processing`, `chat.completion` → `ChatCompletion`
/// (an open enum's variant names).
pub fn pascal_case(value: &str) -> String {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            let rest: String = if w.chars().all(|c| !c.is_ascii_lowercase()) {
                chars.as_str().to_ascii_lowercase()
            } else {
                chars.as_str().to_owned()
            };
            first.into_iter().chain(rest.chars()).collect::<String>()
        })
        .collect()
}
