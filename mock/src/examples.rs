//! Choosing among an operation's named examples (`default`, or one an
//! `x-zai-mock` rule names) and reading one as JSON.

use crate::spec::Operation;
use serde_json::Value;

/// The named example, else `default`, else the first (the table has at least one).
pub(crate) fn pick<'a, T>(examples: &'a [(String, T)], name: Option<&str>) -> &'a T {
    let find = |n: &str| examples.iter().find(|(e, _)| e == n).map(|(_, t)| t);
    name.and_then(find)
        .or_else(|| find("default"))
        .unwrap_or(&examples[0].1)
}

/// The success example of `op` that [`pick`] chooses for `name`, as JSON (`null`
/// when it is not JSON).
pub(crate) fn json(op: &Operation, name: Option<&str>) -> Value {
    serde_json::from_str(pick(&op.examples, name).as_str()).unwrap_or_default()
}
