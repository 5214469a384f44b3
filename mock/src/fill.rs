//! Request values onto stored items: what a create or update sent, as the
//! item's later answers show it.

use serde_json::Value;

/// The values of `entry` (a request) laid over the fields `object` has, their
/// names compared without case or `_` (`fileName`, `filename`); `null`, which
/// the service reads as absent, and `id` are left alone. A number sent as text
/// (a multipart part) where the item holds a number is read as one.
pub(crate) fn fill(object: &mut Value, entry: &Value) {
    let key = |k: &str| k.replace('_', "").to_lowercase();
    let Some(fields) = object.as_object_mut() else {
        return;
    };
    for (name, value) in entry.as_object().into_iter().flatten() {
        if value.is_null() || name == "id" {
            continue;
        }
        if let Some((_, slot)) = fields.iter_mut().find(|(k, _)| key(k) == key(name)) {
            let new = match (&*slot, value.as_str().map(str::parse)) {
                (Value::Number(_), Some(Ok(number))) => Value::Number(number),
                _ => without_nulls(value.clone()),
            };
            let integer = |v: &Value| v.is_i64() || v.is_u64();
            // A whole number beyond 64 bits is an integer to the request's schema,
            // but echoed as a float it would break the answer's: kept saturated.
            *slot = match new.as_f64() {
                Some(f) if integer(slot) && !integer(&new) => Value::from(f as i64),
                _ => new,
            };
        }
    }
}

/// A request value as stored: `null` fields, which the service reads as absent,
/// left out at every depth.
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => map
            .into_iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k, without_nulls(v)))
            .collect(),
        Value::Array(items) => items.into_iter().map(without_nulls).collect(),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_integer_stays_an_integer() {
        let mut item = serde_json::json!({"contextual": 0, "name": "a", "n": 1});
        let sent = serde_json::json!({"contextual": -2.903963636047743e27, "name": "b", "n": "7"});
        fill(&mut item, &sent);
        assert_eq!(
            item,
            serde_json::json!({"contextual": i64::MIN, "name": "b", "n": 7})
        );
    }
}
