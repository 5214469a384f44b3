//! A JSON value that is an instance of a JSON Schema a request carries (a tool's
//! `parameters`, a response format's schema): every property, plausible values by
//! type, `enum`, `format` and bounds, deterministic for the same schema and hints.

use serde_json::{Map, Value, json};

/// An instance of `schema` (local `$ref`s resolve against it). String values
/// prefer `hints`: the capitalised words of the question ("Paris"), one per string
/// property in turn.
pub(crate) fn instance(schema: &Value, hints: &[String]) -> Value {
    let mut maker = Maker {
        root: schema,
        hints,
        next_hint: 0,
    };
    maker.value(schema, "value", 0)
}

/// The capitalised words of `text` past its first word, without punctuation: the
/// names a question mentions ("Weather in Lisbon and Porto?" → Lisbon, Porto).
pub(crate) fn names_in(text: &str) -> Vec<String> {
    text.split_whitespace()
        .skip(1)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_owned)
        .collect()
}

struct Maker<'r> {
    root: &'r Value,
    hints: &'r [String],
    next_hint: usize,
}

impl<'r> Maker<'r> {
    fn value(&mut self, schema: &Value, name: &str, depth: usize) -> Value {
        let schema = self.resolve(schema);
        if depth > 8 {
            return Value::Null;
        }
        for key in ["const", "default", "example"] {
            if let Some(v) = schema.get(key) {
                return v.clone();
            }
        }
        if let Some(first) = schema["enum"].as_array().and_then(|e| e.first()) {
            return first.clone();
        }
        if let Some(first) = ["oneOf", "anyOf"]
            .iter()
            .find_map(|k| schema[*k].as_array().and_then(|a| a.first()))
        {
            return self.value(first, name, depth + 1);
        }
        if let Some(members) = schema["allOf"].as_array() {
            let mut merged = Map::new();
            for member in members {
                match self.value(member, name, depth + 1) {
                    Value::Object(fields) => merged.extend(fields),
                    other if members.len() == 1 => return other,
                    _ => {}
                }
            }
            return Value::Object(merged);
        }
        let ty = match &schema["type"] {
            Value::String(t) => t.as_str(),
            // `["string", "null"]`: the first non-null type.
            Value::Array(types) => types
                .iter()
                .filter_map(Value::as_str)
                .find(|t| *t != "null")
                .unwrap_or("null"),
            _ if schema.get("properties").is_some() => "object",
            _ if schema.get("items").is_some() => "array",
            _ => "string",
        };
        match ty {
            "object" => {
                let mut object = Map::new();
                for (key, property) in schema["properties"].as_object().into_iter().flatten() {
                    object.insert(key.clone(), self.value(property, key, depth + 1));
                }
                Value::Object(object)
            }
            "array" => {
                let count = schema["minItems"].as_u64().unwrap_or(1).max(1) as usize;
                let item = schema.get("items").unwrap_or(&Value::Null);
                (0..count)
                    .map(|_| self.value(item, name, depth + 1))
                    .collect()
            }
            "integer" | "number" => number(schema, ty == "integer"),
            "boolean" => Value::Bool(true),
            "null" => Value::Null,
            _ => Value::String(self.string(schema, name)),
        }
    }

    fn string(&mut self, schema: &Value, name: &str) -> String {
        let text = match schema["format"].as_str() {
            Some("date") => "2026-03-13".to_owned(),
            Some("date-time") => "2026-03-13T05:05:28Z".to_owned(),
            Some("time") => "05:05:28".to_owned(),
            Some("email") => "user@example.com".to_owned(),
            Some("uri" | "url") => "https://example.com/".to_owned(),
            Some("uuid") => "3f2b6c1e-8a4d-4e5f-9b7a-1c2d3e4f5a6b".to_owned(),
            _ => match self.hints.get(self.next_hint) {
                Some(hint) => {
                    self.next_hint += 1;
                    hint.clone()
                }
                None => format!("example {name}"),
            },
        };
        let min = schema["minLength"].as_u64().unwrap_or(0) as usize;
        let max = schema["maxLength"]
            .as_u64()
            .map_or(usize::MAX, |m| m as usize);
        let mut text: String = text.chars().take(max).collect();
        while text.chars().count() < min {
            text.push('x');
        }
        text
    }

    /// `schema`, or what its local `$ref` (`#/$defs/X`, `#/definitions/X`) names.
    fn resolve<'s>(&self, schema: &'s Value) -> &'s Value
    where
        'r: 's,
    {
        match schema["$ref"].as_str().and_then(|r| r.strip_prefix('#')) {
            Some(pointer) => self.root.pointer(pointer).unwrap_or(&Value::Null),
            None => schema,
        }
    }
}

/// A number within the schema's bounds: the minimum (nudged past an exclusive
/// one), else the maximum, else 1.
fn number(schema: &Value, integer: bool) -> Value {
    let at_least = schema["minimum"].as_f64().or_else(|| {
        let exclusive = schema["exclusiveMinimum"].as_f64()?;
        Some(if integer {
            exclusive + 1.0
        } else {
            exclusive + 0.5
        })
    });
    let at_most = schema["maximum"].as_f64();
    let n = at_least.or(at_most.map(|m| m.min(1.0))).unwrap_or(1.0);
    if integer {
        json!(n.ceil() as i64)
    } else {
        json!(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instances_follow_types_enums_formats_bounds_and_refs() {
        let schema = json!({
            "type": "object",
            "required": ["city"],
            "properties": {
                "city": { "type": "string" },
                "unit": { "type": "string", "enum": ["celsius", "fahrenheit"] },
                "days": { "type": "integer", "minimum": 3, "maximum": 7 },
                "when": { "type": "string", "format": "date" },
                "code": { "type": "string", "minLength": 4, "maxLength": 4 },
                "tags": { "type": "array", "items": { "type": "boolean" }, "minItems": 2 },
                "place": { "$ref": "#/$defs/Place" },
            },
            "$defs": { "Place": { "type": "object", "properties": { "lat": { "type": "number" } } } },
        });
        let hints = names_in("Weather in Lisbon and Porto?");
        assert_eq!(hints, ["Lisbon", "Porto"]);
        assert_eq!(
            instance(&schema, &hints),
            json!({
                "city": "Lisbon", "unit": "celsius", "days": 3, "when": "2026-03-13",
                "code": "Port", "tags": [true, true], "place": { "lat": 1.0 },
            })
        );
        assert_eq!(instance(&json!({ "type": "object" }), &[]), json!({}));
    }
}
