//! JSON Schemas of Rust types (`schemars`), cleaned to what the service accepts,
//! the tools built from them, and the validator of answers against them (`boon`).

use crate::runtime::error::Error;
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::Value;
use zai_types::types::{AnthropicTool, ChatTool};

/// The JSON Schema of `T` as tool parameters or an answer format: draft 2020-12,
/// without `$schema` (the service refuses keywords it does not know) and with
/// every reference inlined (no `$ref`/`$defs`, except for recursive types, whose
/// `$defs` stay).
///
/// ```
/// #[derive(schemars::JsonSchema)]
/// struct City { name: String }
/// let schema = zai::schema_for::<City>();
/// assert_eq!(schema["properties"]["name"]["type"], "string");
/// assert!(schema.get("$schema").is_none());
/// ```
pub fn schema_for<T: JsonSchema>() -> Value {
    let settings = SchemaSettings::draft2020_12().with(|s| {
        s.inline_subschemas = true;
        s.meta_schema = None;
    });
    settings.into_generator().into_root_schema_for::<T>().into()
}

/// Tools whose parameters are a Rust type: `ChatTool::function_for::<Args>(..)`,
/// `AnthropicTool::function_for::<Args>(..)` (with `use zai::ToolFor`). Parse
/// the model's arguments back with `ToolCall::parse_arguments::<Args>()`.
pub trait ToolFor: Sized {
    /// A function tool named `name`, its parameters the schema of `Args`
    /// ([`schema_for`]).
    fn function_for<Args: JsonSchema>(
        name: impl Into<String>,
        description: impl Into<String>,
    ) -> Self;
}

impl ToolFor for ChatTool {
    fn function_for<Args: JsonSchema>(
        name: impl Into<String>,
        description: impl Into<String>,
    ) -> Self {
        ChatTool::function(name, description, schema_for::<Args>())
    }
}

impl ToolFor for AnthropicTool {
    fn function_for<Args: JsonSchema>(
        name: impl Into<String>,
        description: impl Into<String>,
    ) -> Self {
        AnthropicTool::new(name, schema_for::<Args>()).description(description)
    }
}

/// A compiled schema that answers are checked against.
pub(crate) struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    /// Compiles `schema` (one [`schema_for`] made).
    pub(crate) fn new(schema: &Value) -> Result<Self, Error> {
        const LOCATION: &str = "urn:zai:answer";
        let mut compiler = boon::Compiler::new();
        compiler.set_default_draft(boon::Draft::V2020_12);
        let mut schemas = boon::Schemas::new();
        let invalid =
            |e: boon::CompileError| Error::InvalidRequest(format!("the answer's JSON Schema: {e}"));
        compiler
            .add_resource(LOCATION, schema.clone())
            .map_err(invalid)?;
        let index = compiler.compile(LOCATION, &mut schemas).map_err(invalid)?;
        Ok(Validator { schemas, index })
    }

    /// Why `value` does not match the schema, if it does not.
    pub(crate) fn check(&self, value: &Value) -> Result<(), String> {
        self.schemas
            .validate(value, self.index)
            .map_err(|e| format!("{e:#}"))
    }
}
