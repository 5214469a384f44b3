//! Request validation against the spec's schemas: the subset of OpenAPI 3.0's
//! schema model that spec/zai.yaml uses — `type`, `required`, `properties`,
//! `items`, `enum`, `oneOf`/`anyOf`/`allOf`, `$ref` (to `components/schemas`), `nullable`,
//! `additionalProperties`, and the bounds `minimum`/`maximum` (and exclusive),
//! `minLength`/`maxLength` and `minItems`/`maxItems`.

use crate::call::Call;
use crate::spec::{Operation, table};
use serde_json::Value;

/// Why a value does not match its schema: the field path
/// (`messages[0].role`; empty for the body itself) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Invalid {
    pub path: String,
    pub reason: String,
}

impl Invalid {
    /// The service's 1214 message for it: "Invalid `<path>` parameter …".
    pub(crate) fn message(&self) -> String {
        let field = if self.path.is_empty() {
            "body"
        } else {
            &self.path
        };
        format!(
            "Invalid {field} parameter ({}). Please check the documentation",
            self.reason
        )
    }
}

/// Checks `value` against `schema`, resolving `$ref`s in `schemas`
/// (`components/schemas`).
fn check(schemas: &Value, schema: &Value, value: &Value) -> Result<(), Invalid> {
    Checker { schemas }.check(schema, value, &mut String::new())
}

/// `schema`, or the schema its `$ref` chain names (`null`, which accepts anything,
/// for a dangling or endless chain).
fn resolve<'a>(schemas: &'a Value, mut schema: &'a Value) -> &'a Value {
    for _ in 0..16 {
        let Some(r) = schema.get("$ref").and_then(Value::as_str) else {
            return schema;
        };
        schema = r
            .strip_prefix("#/components/schemas/")
            .and_then(|name| schemas.get(name))
            .unwrap_or(&Value::Null);
    }
    &Value::Null
}

struct Checker<'a> {
    schemas: &'a Value,
}

impl Checker<'_> {
    fn resolve<'s>(&'s self, schema: &'s Value) -> &'s Value {
        resolve(self.schemas, schema)
    }

    fn check(&self, schema: &Value, value: &Value, path: &mut String) -> Result<(), Invalid> {
        let schema = self.resolve(schema);
        if !schema.is_object() {
            return Ok(());
        }
        if value.is_null() {
            let typed = schema.get("type").is_some()
                || schema.get("oneOf").is_some()
                || schema.get("anyOf").is_some();
            return if !typed || schema["nullable"] == Value::Bool(true) {
                Ok(())
            } else {
                fail(path, "must not be null".into())
            };
        }
        if let Some(ty) = schema["type"].as_str()
            && !has_type(ty, value)
        {
            return fail(path, format!("expected {ty}"));
        }
        if let Some(allowed) = schema["enum"].as_array()
            && !allowed.contains(value)
        {
            return fail(
                path,
                format!("expected one of {}", Value::Array(allowed.clone())),
            );
        }
        if let Some(reason) = out_of_bounds(schema, value) {
            return fail(path, reason);
        }
        for (key, exactly_one) in [("oneOf", true), ("anyOf", false)] {
            if let Some(alternatives) = schema[key].as_array() {
                self.alternatives(alternatives, exactly_one, value, path)?;
            }
        }
        // `allOf`: every member applies (the spec wraps a described `$ref` in one).
        for member in schema["allOf"].as_array().into_iter().flatten() {
            self.check(member, value, path)?;
        }
        if let Value::Object(fields) = value {
            let properties = schema["properties"].as_object();
            let required = |name: &str| {
                schema["required"]
                    .as_array()
                    .is_some_and(|r| r.iter().any(|n| n == name))
            };
            for (name, field) in fields {
                // The service reads `null` for an optional field as its absence: the
                // official Python SDK sends `"response_format": null`,
                // `"thinking": null` and more on every call.
                if field.is_null() && !required(name) {
                    continue;
                }
                let len = path.len();
                push_field(path, name);
                let result = match properties.and_then(|p| p.get(name)) {
                    Some(property) => self.check(property, field, path),
                    None => match &schema["additionalProperties"] {
                        Value::Bool(false) => fail(path, "is not a known field".into()),
                        extra @ Value::Object(_) => self.check(extra, field, path),
                        _ => Ok(()),
                    },
                };
                path.truncate(len);
                result?;
            }
            for name in schema["required"].as_array().into_iter().flatten() {
                if let Some(name) = name.as_str()
                    && !fields.contains_key(name)
                {
                    let len = path.len();
                    push_field(path, name);
                    let missing = fail(path, "is required".into());
                    path.truncate(len);
                    return missing;
                }
            }
        }
        if let (Value::Array(items), Some(item)) = (value, schema.get("items")) {
            for (i, v) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                let result = self.check(item, v, path);
                path.truncate(len);
                result?;
            }
        }
        Ok(())
    }

    /// `oneOf` (exactly one alternative matches) or `anyOf` (at least one). When
    /// none matches, the error of the alternative that got furthest names the
    /// field: one not failing on an `enum` (a tag such as `role`) if any, else the
    /// deepest.
    fn alternatives(
        &self,
        alternatives: &[Value],
        exactly_one: bool,
        value: &Value,
        path: &str,
    ) -> Result<(), Invalid> {
        let mut matched = 0;
        let mut best: Option<Invalid> = None;
        for alternative in alternatives {
            match self.check(alternative, value, &mut path.to_owned()) {
                Ok(()) => matched += 1,
                Err(e) => {
                    let rank = |e: &Invalid| {
                        let depth = e.path.matches(['.', '[']).count();
                        (!e.reason.starts_with("expected one of"), depth)
                    };
                    if best.as_ref().is_none_or(|b| rank(&e) > rank(b)) {
                        best = Some(e);
                    }
                }
            }
        }
        match (matched, best) {
            (0, Some(e)) => Err(e),
            (n, _) if n > 1 && exactly_one => Err(Invalid {
                path: path.to_owned(),
                reason: format!("matches {n} alternatives, expected exactly one"),
            }),
            _ => Ok(()),
        }
    }
}

/// What `value` breaks of its schema's bounds: a number's range, a string's
/// length (in characters) or an array's item count.
fn out_of_bounds(schema: &Value, value: &Value) -> Option<String> {
    let bound = |key: &str| schema[key].as_f64();
    if let Some(n) = value.as_f64() {
        let broken = [
            (
                "minimum",
                "at least",
                bound("minimum").is_some_and(|m| n < m),
            ),
            (
                "maximum",
                "at most",
                bound("maximum").is_some_and(|m| n > m),
            ),
            (
                "exclusiveMinimum",
                "more than",
                bound("exclusiveMinimum").is_some_and(|m| n <= m),
            ),
            (
                "exclusiveMaximum",
                "less than",
                bound("exclusiveMaximum").is_some_and(|m| n >= m),
            ),
        ];
        let (key, words, _) = broken.into_iter().find(|(.., broken)| *broken)?;
        return Some(format!("expected {words} {}", schema[key]));
    }
    let (count, unit, min, max) = match value {
        Value::String(s) => (s.chars().count(), "character", "minLength", "maxLength"),
        Value::Array(items) => (items.len(), "item", "minItems", "maxItems"),
        _ => return None,
    };
    let count = count as u64;
    let (words, bound) = match (schema[min].as_u64(), schema[max].as_u64()) {
        (Some(least), _) if count < least => ("at least", least),
        (_, Some(most)) if count > most => ("at most", most),
        _ => return None,
    };
    let plural = if bound == 1 { "" } else { "s" };
    Some(format!("expected {words} {bound} {unit}{plural}"))
}

fn fail(path: &str, reason: String) -> Result<(), Invalid> {
    Err(Invalid {
        path: path.to_owned(),
        reason,
    })
}

fn push_field(path: &mut String, name: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(name);
}

fn has_type(ty: &str, value: &Value) -> bool {
    match ty {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "number" => value.is_number(),
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        _ => true,
    }
}

/// A query, path or multipart text value (always a string on the wire) as the
/// JSON value its schema describes: `"5"` for an integer is `5`; a string that is
/// no such value stays a string, so the check reports it.
fn coerce(schemas: &Value, schema: &Value, text: &str) -> Value {
    let schema = resolve(schemas, schema);
    let parsed = match schema["type"].as_str() {
        // Beyond i64 an integer is still an integer (a whole f64).
        Some("integer") => text.parse::<i64>().ok().map(Value::from).or_else(|| {
            let digits = text.strip_prefix('-').unwrap_or(text);
            let whole = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
            whole.then(|| text.parse::<f64>().ok().map(Value::from))?
        }),
        Some("number") => text.parse::<f64>().ok().map(Value::from),
        Some("boolean") => text.parse::<bool>().ok().map(Value::from),
        // An object sent whole as one part: its JSON text.
        Some("object") => serde_json::from_str::<Value>(text)
            .ok()
            .filter(Value::is_object),
        Some("array") => {
            // A repeated or comma-separated array of strings.
            let item = schema.get("items").unwrap_or(&Value::Null);
            Some(Value::Array(
                text.split(',').map(|t| coerce(schemas, item, t)).collect(),
            ))
        }
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::String(text.to_owned()))
}

/// The request against its operation's schemas: parameters, then the body.
pub(crate) fn request(op: &Operation, call: &Call) -> Result<(), Invalid> {
    let schemas = &table().schemas;
    let mut path_values = call.params.iter();
    for (name, location, required, schema) in &op.parameters {
        let value = match location.as_str() {
            "path" => path_values.next().cloned(),
            "query" => call
                .query
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone()),
            _ => continue,
        };
        match value {
            Some(v) => {
                check(schemas, schema, &coerce(schemas, schema, &v)).map_err(|e| Invalid {
                    path: name.clone(),
                    reason: e.reason,
                })?
            }
            None if *required => {
                return Err(Invalid {
                    path: name.clone(),
                    reason: "is required".into(),
                });
            }
            None => {}
        }
    }
    let Some(schema) = &op.body_schema else {
        return Ok(());
    };
    if call.fields.is_null() && call.files.is_empty() {
        return if op.body_required {
            Err(Invalid {
                path: String::new(),
                reason: "is required".into(),
            })
        } else {
            Ok(())
        };
    }
    if op.multipart {
        // Text parts take their property's type; file parts only need to be there.
        let resolved = resolve(schemas, schema);
        let mut typed = serde_json::Map::new();
        for (name, text) in call.fields.as_object().into_iter().flatten() {
            let property = &resolved["properties"][name.as_str()];
            typed.insert(
                name.clone(),
                coerce(schemas, property, text.as_str().unwrap_or_default()),
            );
        }
        for (name, property) in resolved["properties"].as_object().into_iter().flatten() {
            let file = property["format"] == "binary" || property["items"]["format"] == "binary";
            if file && call.files.iter().any(|f| f.name == *name) {
                let part = Value::String(String::new());
                let value = match property["type"] == "array" {
                    true => Value::Array(vec![part]),
                    false => part,
                };
                typed.insert(name.clone(), value);
            }
        }
        return check(schemas, schema, &Value::Object(typed));
    }
    check(schemas, schema, &call.fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schemas() -> Value {
        json!({
            "Req": { "type": "object", "required": ["model", "messages"], "properties": {
                "model": { "type": "string" },
                "n": { "type": "integer", "nullable": true },
                "messages": { "type": "array", "items": { "$ref": "#/components/schemas/Msg" } },
                "strict": { "type": "object", "additionalProperties": false,
                            "properties": { "a": { "type": "boolean" } } },
            } },
            "Msg": { "oneOf": [
                { "type": "object", "required": ["role", "content"], "properties": {
                    "role": { "type": "string", "enum": ["user"] }, "content": { "type": "string" } } },
                { "type": "object", "required": ["role", "tool_call_id"], "properties": {
                    "role": { "type": "string", "enum": ["tool"] }, "tool_call_id": { "type": "string" } } },
            ] },
        })
    }

    fn run(value: Value) -> Result<(), Invalid> {
        check(
            &schemas(),
            &json!({ "$ref": "#/components/schemas/Req" }),
            &value,
        )
    }

    fn path(value: Value) -> String {
        let e = run(value).unwrap_err();
        format!("{}: {}", e.path, e.reason)
    }

    #[test]
    fn valid_bodies_pass() {
        run(json!({ "model": "m", "messages": [{ "role": "user", "content": "hi" }], "n": null }))
            .unwrap();
        run(json!({ "model": "m", "messages": [], "n": 2.0, "extra": 1 })).unwrap();
    }

    #[test]
    fn violations_name_the_field_path() {
        assert_eq!(path(json!({ "messages": [] })), "model: is required");
        assert_eq!(
            path(json!({ "model": 1, "messages": [] })),
            "model: expected string"
        );
        assert_eq!(
            path(json!({ "model": "m", "messages": [{ "role": "tool" }] })),
            "messages[0].tool_call_id: is required"
        );
        assert_eq!(
            path(json!({ "model": "m", "messages": [{ "role": "bot", "content": "x" }] })),
            "messages[0].role: expected one of [\"user\"]"
        );
        assert_eq!(
            path(json!({ "model": "m", "messages": [], "strict": { "b": 1 } })),
            "strict.b: is not a known field"
        );
        assert_eq!(
            path(json!({ "model": "m", "messages": [], "n": 1.5 })),
            "n: expected integer"
        );
        assert_eq!(
            run(json!({ "model": null, "messages": [], "n": null, "strict": null }))
                .unwrap_err()
                .message(),
            "Invalid model parameter (must not be null). Please check the documentation"
        );
    }

    #[test]
    fn bounds_are_checked() {
        let s = schemas();
        let bad = |schema: Value, value: Value| check(&s, &schema, &value).unwrap_err().reason;
        let t = json!({ "type": "number", "minimum": 0, "maximum": 1 });
        assert_eq!(bad(t.clone(), json!(5.0)), "expected at most 1");
        assert_eq!(bad(t.clone(), json!(-0.5)), "expected at least 0");
        assert!(check(&s, &t, &json!(0.7)).is_ok());
        let e = json!({ "type": "number", "exclusiveMinimum": 0 });
        assert_eq!(bad(e, json!(0)), "expected more than 0");
        let list = json!({ "type": "array", "minItems": 1, "maxItems": 2 });
        assert_eq!(bad(list.clone(), json!([])), "expected at least 1 item");
        assert_eq!(bad(list, json!([1, 2, 3])), "expected at most 2 items");
        let text = json!({ "type": "string", "minLength": 2, "maxLength": 3 });
        assert_eq!(
            bad(text.clone(), json!("é")),
            "expected at least 2 characters"
        );
        assert_eq!(bad(text, json!("abcd")), "expected at most 3 characters");
    }

    #[test]
    fn text_values_take_their_schema_type() {
        let s = schemas();
        assert_eq!(coerce(&s, &json!({ "type": "integer" }), "5"), json!(5));
        assert_eq!(coerce(&s, &json!({ "type": "integer" }), "x"), json!("x"));
        let huge = coerce(
            &s,
            &json!({ "type": "integer" }),
            "-964923491340947912916992",
        );
        assert!(check(&s, &json!({ "type": "integer" }), &huge).is_ok());
        assert_eq!(
            coerce(&s, &json!({ "type": "boolean" }), "true"),
            json!(true)
        );
        assert_eq!(coerce(&s, &json!({ "type": "string" }), "5"), json!("5"));
    }
}
