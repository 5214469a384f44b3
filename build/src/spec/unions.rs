//! Unions of the spec: open unions (a tag, its known values, a catch-all) and
//! unions of `$ref` members.

use super::values::{Result, schema_name, strings};
use serde_json::{Map, Value};

/// `x-zai-open-union` of a schema: a `oneOf` of inline objects, each with a
/// one-value string enum in the tag property, and one catch-all member whose only
/// property is the tag, `not` any listed value.
pub struct OpenUnion {
    pub name: String,
    /// The tag property: the catch-all member's one property.
    pub tag: String,
    /// The wire value of the tag of each listed variant, in `oneOf` order.
    pub values: Vec<String>,
    /// The catch-all member's index in `oneOf`.
    pub other: usize,
}

/// A `oneOf` of `$ref`s to object schemas, each with a constant tag property
/// (`const`, or a one-value enum) named by `discriminator`: a Rust enum of one
/// newtype variant per member (the member's struct, the tag stripped from it).
/// `x-zai-open-union: true` adds the catch-all variant.
pub struct RefUnion {
    pub name: String,
    pub tag: String,
    /// Each member: its schema name and its tag value, in `oneOf` order.
    pub members: Vec<(String, String)>,
    pub open: bool,
}

impl OpenUnion {
    pub(crate) fn read(name: &str, schema: &Value) -> Result<Self> {
        let fail = |what: &str| format!("{name}: x-zai-open-union {what}");
        let members = schema["oneOf"]
            .as_array()
            .ok_or_else(|| fail("without oneOf"))?;
        let catch_all = |m: &Value| {
            let props = m["properties"].as_object().filter(|p| p.len() == 1)?;
            let (tag, prop) = props.iter().next()?;
            Some((tag.clone(), strings(prop.get("not")?.get("enum")?)))
        };
        let others: Vec<(usize, (String, Vec<String>))> = members
            .iter()
            .enumerate()
            .filter_map(|(i, m)| Some((i, catch_all(m)?)))
            .collect();
        let [(other, (tag, excluded))] = others.as_slice() else {
            return Err(fail(
                "needs one catch-all member: its tag `not` every listed value",
            ));
        };
        let values: Vec<String> = members
            .iter()
            .enumerate()
            .filter(|(i, _)| i != other)
            .map(|(_, variant)| {
                let value = variant["properties"][tag]["enum"]
                    .as_array()
                    .filter(|values| values.len() == 1)
                    .and_then(|values| values[0].as_str());
                value
                    .map(str::to_owned)
                    .ok_or_else(|| fail(&format!("member without a one-value `{tag}` enum")))
            })
            .collect::<Result<_>>()?;
        if *excluded != values {
            return Err(fail(&format!(
                "catch-all excludes {excluded:?}, not the listed values {values:?}"
            )));
        }
        Ok(OpenUnion {
            name: name.to_owned(),
            tag: tag.clone(),
            values,
            other: *other,
        })
    }
}

impl RefUnion {
    pub(crate) fn read(name: &str, schema: &Value, schemas: &Map<String, Value>) -> Result<Self> {
        let tag = match &schema["discriminator"] {
            Value::String(tag) => tag.clone(),
            other => other["propertyName"].as_str().unwrap_or("type").to_owned(),
        };
        let members = schema["oneOf"].as_array().into_iter().flatten();
        let members = members
            .map(|reference| {
                let member = schema_name(reference)?;
                let tag_schema = schemas.get(&member).map(|m| &m["properties"][&tag]);
                let value = tag_schema.and_then(|t| {
                    let single = || t["enum"].as_array().filter(|e| e.len() == 1)?[0].as_str();
                    t["const"].as_str().or_else(single)
                });
                let value = value
                    .ok_or_else(|| format!("{name}: member {member} needs a constant `{tag}`"))?;
                Ok((member, value.to_owned()))
            })
            .collect::<Result<_>>()?;
        Ok(RefUnion {
            name: name.to_owned(),
            tag,
            members,
            open: schema.get("x-zai-open-union") == Some(&Value::Bool(true)),
        })
    }
}
