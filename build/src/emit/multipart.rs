//! Emits multipart/form-data bodies: the typed struct and its constructors (in
//! `zai-types`) and its form encoding (a runtime `MultipartForm` impl in `zai`).

use super::types::{Field, constructor_tokens};
use super::{doc_attr, field_ident};
use crate::spec::{Result, Spec};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

/// How a multipart field is written into the form.
#[derive(Clone, Copy, PartialEq)]
enum PartKind {
    Text,
    File,
    /// An object of scalars, one `name[key]` text part per set key (the Python
    /// SDK's form encoding of nested objects).
    Object,
}

/// The multipart body schemas, each once (a schema may serve several operations).
pub(super) fn forms(spec: &Spec) -> Vec<&str> {
    let mut forms: Vec<&str> = spec
        .operations
        .iter()
        .filter_map(|op| op.multipart.as_deref())
        .collect();
    forms.sort_unstable();
    forms.dedup();
    forms
}

/// The typed struct of a multipart body (declared in `zai_types::types`) and its
/// `new` and setters.
pub(super) fn declaration(spec: &Spec, name: &str) -> Result<(TokenStream, TokenStream)> {
    let form = read(spec, name)?;
    Ok((form.declaration, form.constructor))
}

/// The body's form encoding: `impl crate::runtime::MultipartForm`.
pub(super) fn form_impl(spec: &Spec, name: &str) -> Result<TokenStream> {
    Ok(read(spec, name)?.encoding)
}

/// What is emitted for one multipart body schema.
struct Form {
    declaration: TokenStream,
    constructor: TokenStream,
    encoding: TokenStream,
}

fn read(spec: &Spec, name: &str) -> Result<Form> {
    let schema = &spec.schemas[name];
    let ident = format_ident!("{name}");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let props = schema["properties"]
        .as_object()
        .ok_or_else(|| format!("{name}: multipart schema without properties"))?;
    let mut fields = Vec::new();
    let mut decls = Vec::new();
    let mut parts = Vec::new();
    for (wire, prop) in props {
        let field = field_ident(wire);
        let object = object_part(spec, prop).map_err(|e| format!("{name}.{wire}: {e}"))?;
        let file = prop["format"] == "binary" || prop["items"]["format"] == "binary";
        let kind = match (&object, file) {
            (Some(_), _) => PartKind::Object,
            (None, true) => PartKind::File,
            (None, false) => PartKind::Text,
        };
        let (base, repeated) = match (prop["type"].as_str(), prop["format"].as_str()) {
            _ if object.is_some() => (quote!(crate::types::#object), false),
            (Some("string"), Some("binary")) => (quote!(crate::FilePart), false),
            (Some("string"), _) => (quote!(String), false),
            (Some("integer"), _) => (quote!(i64), false),
            (Some("number"), _) => (quote!(f64), false),
            (Some("boolean"), _) => (quote!(bool), false),
            (Some("array"), _) if prop["items"]["format"] == "binary" => {
                (quote!(Vec<crate::FilePart>), true)
            }
            (Some("array"), _) if prop["items"]["type"] == "string" => (quote!(Vec<String>), true),
            other => {
                return Err(format!(
                    "{name}.{wire}: unsupported multipart type {other:?}"
                ));
            }
        };
        let rank = required.iter().position(|r| r == wire);
        let field_type = match (rank, repeated) {
            (Some(_), _) => Field::Required(base),
            (None, false) => Field::Optional(base),
            (None, true) => Field::Defaulted(base),
        };
        let doc = doc_attr(prop["description"].as_str().unwrap_or(""));
        let declared = field_type.declared();
        decls.push(quote!(#doc pub #field: #declared,));
        let add = |value: TokenStream| match kind {
            PartKind::File => quote!(form = form.part(#wire, crate::runtime::file_part(&#value)?);),
            PartKind::Text => quote!(form = form.text(#wire, #value.to_string());),
            PartKind::Object => quote! {
                let object = serde_json::to_value(#value).map_err(|e| {
                    crate::runtime::Error::InvalidRequest(format!("`{}`: {e}", #wire))
                })?;
                for (key, item) in object.as_object().into_iter().flatten() {
                    let text = match item {
                        serde_json::Value::String(text) => text.clone(),
                        other => other.to_string(),
                    };
                    form = form.text(format!("{}[{key}]", #wire), text);
                }
            },
        };
        // A repeated field (required or not) sends one part per value.
        parts.push(match (&field_type, repeated) {
            (Field::Required(_), false) | (Field::Const(..), _) => add(quote!(self.#field)),
            (Field::Optional(_), _) => {
                let add = add(quote!(value));
                quote!(if let Some(value) = &self.#field { #add })
            }
            (Field::Required(_) | Field::Defaulted(_), _) => {
                let add = add(quote!(value));
                quote!(for value in &self.#field { #add })
            }
        });
        fields.push((rank.unwrap_or(usize::MAX), field, field_type));
    }
    // `new` takes the required fields in the schema's `required` order, as elsewhere.
    fields.sort_by_key(|f| f.0);
    let fields: Vec<_> = fields.into_iter().map(|(_, f, ty)| (f, ty)).collect();
    let ctor = constructor_tokens(&ident, &fields, false);
    let doc = doc_attr(schema["description"].as_str().unwrap_or(""));
    let declaration = quote! {
        #doc
        #[derive(Clone, Debug, PartialEq)]
        pub struct #ident { #(#decls)* }
    };
    let encoding = quote! {
        impl crate::runtime::MultipartForm for types::#ident {
            fn to_form(&self) -> Result<crate::runtime::Form, crate::runtime::Error> {
                let mut form = crate::runtime::Form::new();
                #(#parts)*
                Ok(form)
            }
        }
    };
    Ok(Form {
        declaration,
        constructor: ctor,
        encoding,
    })
}

/// The schema a multipart property refers to, when it is a `$ref` to an object
/// whose properties are all scalars (sent as `name[key]` parts).
fn object_part(spec: &Spec, prop: &Value) -> Result<Option<Ident>> {
    let Some(target) = prop["$ref"].as_str() else {
        return Ok(None);
    };
    let name = target
        .strip_prefix("#/components/schemas/")
        .ok_or_else(|| format!("unsupported $ref {target}"))?;
    let schema = spec
        .schemas
        .get(name)
        .ok_or_else(|| format!("unknown schema {name}"))?;
    let scalar = |p: &Value| {
        matches!(
            p["type"].as_str(),
            Some("string" | "integer" | "number" | "boolean")
        )
    };
    let properties = schema["properties"].as_object();
    if schema["type"] != "object" || !properties.is_some_and(|p| p.values().all(scalar)) {
        return Err(format!("{name} is not an object of scalar properties"));
    }
    Ok(Some(format_ident!("{name}")))
}
