//! Emits the `zai-types` crate's additions to typify's schemas: open enums and
//! unions, `new`/setter constructors, text conversions and the `BaseUrl` presets.

use super::{doc_attr, field_ident};
use crate::spec::{OpenUnion, RefUnion, Result, Spec};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;
use typify::{TypeDetails, TypeEnumVariant, TypeSpace};

/// A struct field as `new` and the setters see it.
pub(super) enum Field {
    /// Taken by `new`.
    Required(TokenStream),
    /// `Option<T>`: the setter takes a `T`.
    Optional(TokenStream),
    /// A collection or defaulted value: the setter takes the whole value.
    Defaulted(TokenStream),
    /// A required `const` property: `new` sets it to that value, no setter.
    Const(TokenStream, String),
}

impl Field {
    pub(super) fn declared(&self) -> TokenStream {
        match self {
            Field::Optional(t) => quote!(Option<#t>),
            Field::Required(t) | Field::Defaulted(t) | Field::Const(t, _) => t.clone(),
        }
    }
}

/// `new(required...)` and one setter per other field, for every generated
/// struct, read from typify's model of it. `new` takes the required fields in
/// the schema's `required` order.
pub(super) fn struct_constructors(space: &TypeSpace, spec: &Spec) -> Result<Vec<TokenStream>> {
    let mut out = Vec::new();
    for ty in space.iter_types() {
        let TypeDetails::Struct(details) = ty.details() else {
            continue;
        };
        let name = ty.name();
        let order: Vec<&str> = spec
            .schemas
            .get(&name)
            .and_then(|schema| schema["required"].as_array())
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let declared = spec
            .schemas
            .get(&name)
            .and_then(|schema| schema["properties"].as_object());
        let mut fields = Vec::new();
        // typify's `extra` map of a schema with properties and `additionalProperties`
        // (a `#[serde(flatten)]` field it counts as required, so no `Default`).
        let mut flattened = false;
        for prop in details.properties_info() {
            let prop_type = space.get_type(&prop.type_id).map_err(|e| e.to_string())?;
            let wire = declared.and_then(|p| p.iter().find(|(wire, _)| same_name(prop.name, wire)));
            let constant = wire.and_then(|(_, schema)| schema["const"].as_str());
            let field = match (prop.required, prop_type.details()) {
                (true, _) if constant.is_some() => {
                    Field::Const(prop_type.ident(), constant.unwrap_or_default().to_owned())
                }
                (_, TypeDetails::Map(..)) if declared.is_some() && wire.is_none() => {
                    flattened = true;
                    Field::Defaulted(prop_type.ident())
                }
                (_, TypeDetails::Option(inner)) => {
                    let inner = space.get_type(&inner).map_err(|e| e.to_string())?;
                    Field::Optional(inner.ident())
                }
                (true, _) => Field::Required(prop_type.ident()),
                (false, _) => Field::Defaulted(prop_type.ident()),
            };
            let rank = order
                .iter()
                .position(|wire| same_name(prop.name, wire))
                .unwrap_or(usize::MAX);
            fields.push((rank, field_ident(prop.name), field));
        }
        fields.sort_by_key(|f| f.0);
        let fields: Vec<_> = fields.into_iter().map(|(_, f, ty)| (f, ty)).collect();
        out.push(constructor_tokens(
            &format_ident!("{name}"),
            &fields,
            flattened,
        ));
    }
    Ok(out)
}

/// `From<String>` and `From<&str>` for every union with a plain-text variant
/// (message content: text or parts), read from typify's model.
pub(super) fn text_conversions(space: &TypeSpace) -> Result<Vec<TokenStream>> {
    let mut out = Vec::new();
    for ty in space.iter_types() {
        let TypeDetails::Enum(details) = ty.details() else {
            continue;
        };
        for variant in details.variants_info() {
            let TypeEnumVariant::Tuple(types) = variant.details else {
                continue;
            };
            let [id] = types.as_slice() else { continue };
            let inner = space.get_type(id).map_err(|e| e.to_string())?;
            if !matches!(inner.details(), TypeDetails::String) {
                continue;
            }
            let (name, variant) = (
                format_ident!("{}", ty.name()),
                format_ident!("{}", variant.name),
            );
            out.push(quote! {
                impl From<String> for types::#name {
                    fn from(text: String) -> Self { Self::#variant(text) }
                }
                impl From<&str> for types::#name {
                    fn from(text: &str) -> Self { Self::#variant(text.to_owned()) }
                }
            });
        }
    }
    Ok(out)
}

/// Whether typify's field name stands for this wire name (`type_` for `type`,
/// `voice_type` for `voiceType`): the same letters and digits, any case.
fn same_name(field: &str, wire: &str) -> bool {
    let letters = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    letters(field.trim_start_matches("r#")) == letters(wire)
}

/// The parameter type a constructor or setter takes for a field of type `t`, and
/// the conversion applied to it: a list of texts is any iterator of `Into<String>`
/// (arrays, `Vec<&str>`), anything else `impl Into<T>`.
fn into(t: &TokenStream) -> (TokenStream, TokenStream) {
    match t.to_string().replace(' ', "").as_str() {
        "::std::vec::Vec<::std::string::String>" => (
            quote!(impl IntoIterator<Item = impl Into<::std::string::String>>),
            quote!(.into_iter().map(Into::into).collect()),
        ),
        _ => (quote!(impl Into<#t>), quote!(.into())),
    }
}

/// `no_default`: typify derived no `Default` although it may have one (a flattened
/// map it counts as required): without required fields, `Default` is implemented here.
pub(super) fn constructor_tokens(
    ident: &Ident,
    fields: &[(Ident, Field)],
    no_default: bool,
) -> TokenStream {
    let required: Vec<_> = fields
        .iter()
        .filter_map(|(f, ty)| match ty {
            Field::Required(t) => {
                let param = into(t).0;
                Some(quote!(#f: #param))
            }
            _ => None,
        })
        .collect();
    let inits: Vec<_> = fields
        .iter()
        .map(|(f, ty)| match ty {
            Field::Required(t) => {
                let convert = into(t).1;
                quote!(#f: #f #convert)
            }
            Field::Const(_, value) => quote!(#f: #value.into()),
            _ => quote!(#f: Default::default()),
        })
        .collect();
    let default = (no_default && required.is_empty()).then(|| {
        quote! {
            impl Default for types::#ident {
                fn default() -> Self { Self { #(#inits),* } }
            }
        }
    });
    let new = (!required.is_empty()).then(|| {
        let doc =
            format!(" A `{ident}` with its required fields; set the others with the setters.");
        quote! {
            #[doc = #doc]
            pub fn new(#(#required),*) -> Self { Self { #(#inits),* } }
        }
    });
    let setters = fields.iter().filter_map(|(f, ty)| {
        let doc = format!(" Sets `{}`.", f.to_string().trim_start_matches("r#"));
        match ty {
            Field::Required(_) | Field::Const(..) => None,
            Field::Optional(inner) => {
                let (param, convert) = into(inner);
                Some(quote! {
                    #[doc = #doc]
                    pub fn #f(mut self, value: #param) -> Self { self.#f = Some(value #convert); self }
                })
            }
            Field::Defaulted(t) => {
                let (param, convert) = into(t);
                Some(quote! {
                    #[doc = #doc]
                    pub fn #f(mut self, value: #param) -> Self { self.#f = value #convert; self }
                })
            }
        }
    });
    quote!(impl types::#ident { #new #(#setters)* } #default)
}

/// An `x-zai-open-enum` schema as a `crate::open_enum!` invocation.
pub(super) fn open_enum(spec: &Spec, name: &str, values: &[(String, String)]) -> TokenStream {
    let ident = format_ident!("{name}");
    let variants = values.iter().map(|(_, v)| format_ident!("{v}"));
    let values = values.iter().map(|(wire, _)| wire);
    let doc = doc_attr(spec.schemas[name]["description"].as_str().unwrap_or(""));
    quote! {
        crate::open_enum::open_enum! { #doc #ident { #(#variants = #values),* } }
    }
}

/// An `x-zai-open-union` schema: the variants of typify's `<Name>Known` tagged
/// enum (read from typify's model) plus `Other(serde_json::Value)`. Its serde impls
/// read the tag: a known one is decoded through `<Name>Known`, any other object
/// is kept as sent, so a new variant on the wire does not fail the response.
pub(super) fn open_union(space: &TypeSpace, spec: &Spec, union: &OpenUnion) -> Result<TokenStream> {
    let name = format_ident!("{}", union.name);
    let known = format_ident!("{}Known", union.name);
    let known_type = space
        .iter_types()
        .find(|ty| known == ty.name())
        .ok_or_else(|| format!("{name}: typify made no {known}"))?;
    let TypeDetails::Enum(details) = known_type.details() else {
        return Err(format!("{name}: x-zai-open-union needs a tagged oneOf"));
    };
    let mut variants = Vec::new();
    let mut patterns = Vec::new();
    for variant in details.variants_info() {
        let ident = format_ident!("{}", variant.name);
        let doc = doc_attr(variant.description.unwrap_or(variant.name));
        let (fields, pattern) = match variant.details {
            TypeEnumVariant::Simple => (quote!(), quote!()),
            TypeEnumVariant::Tuple(types) => {
                let types = types
                    .iter()
                    .map(|id| space.get_type(id).map(|t| t.ident()))
                    .collect::<std::result::Result<Vec<_>, _>>()
                    .map_err(|e| e.to_string())?;
                let names = (0..types.len()).map(|i| format_ident!("v{i}"));
                (quote!((#(#types),*)), quote!((#(#names),*)))
            }
            TypeEnumVariant::Struct(props) => {
                let mut fields = Vec::new();
                let mut names = Vec::new();
                for (field, id) in props {
                    let ty = space.get_type(&id).map_err(|e| e.to_string())?.ident();
                    let field = field_ident(field);
                    fields.push(quote!(#field: #ty));
                    names.push(field);
                }
                (quote!({ #(#fields),* }), quote!({ #(#names),* }))
            }
        };
        variants.push(quote!(#doc #ident #fields));
        patterns.push((ident, pattern));
    }
    if variants.len() != union.values.len() {
        return Err(format!(
            "{name}: one typify variant per oneOf member expected"
        ));
    }
    Ok(open_wrapper(
        spec,
        &union.name,
        &union.tag,
        &union.values,
        &variants,
        &patterns,
    ))
}

/// A union of `$ref` members: a `#[serde(tag)]` enum of newtype variants (the
/// members' structs, which typify made without the tag) and `From` each member. An
/// open one (`x-zai-open-union`) is that enum as a hidden `<Name>Known` behind
/// the catch-all of [`open_union`].
pub(super) fn ref_union(spec: &Spec, union: &RefUnion) -> TokenStream {
    let name = format_ident!("{}", union.name);
    let members: Vec<Ident> = union
        .members
        .iter()
        .map(|(m, _)| format_ident!("{m}"))
        .collect();
    let values: Vec<String> = union.members.iter().map(|(_, v)| v.clone()).collect();
    let public: Vec<TokenStream> = union
        .members
        .iter()
        .zip(&members)
        .map(|((schema, _), ident)| {
            let doc = doc_attr(
                spec.schemas[schema]["description"]
                    .as_str()
                    .unwrap_or(schema),
            );
            quote!(#doc #ident(#ident))
        })
        .collect();
    let variants = public
        .iter()
        .zip(&values)
        .map(|(variant, value)| quote!(#[serde(rename = #value)] #variant));
    let tagged_name = match union.open {
        true => format_ident!("{}Known", union.name),
        false => name.clone(),
    };
    let doc = doc_attr(
        spec.schemas[&union.name]["description"]
            .as_str()
            .unwrap_or(""),
    );
    let hidden = union.open.then(|| quote!(#[doc(hidden)]));
    let tag = &union.tag;
    let wrapper = union.open.then(|| {
        let patterns: Vec<_> = members.iter().map(|m| (m.clone(), quote!((v0)))).collect();
        open_wrapper(spec, &union.name, tag, &values, &public, &patterns)
    });
    quote! {
        #doc
        #hidden
        #[derive(Clone, Debug, PartialEq, ::serde::Deserialize, ::serde::Serialize)]
        #[serde(tag = #tag)]
        pub enum #tagged_name { #(#variants,)* }
        #wrapper
        #(impl From<#members> for #name {
            fn from(value: #members) -> Self { Self::#members(value) }
        })*
    }
}

/// The public enum of an open union: `variants` (with `patterns` binding their
/// fields) plus `Other(serde_json::Value)`. Its serde impls read the tag: a known
/// one is decoded through `<Name>Known`, any other object is kept as sent.
fn open_wrapper(
    spec: &Spec,
    union: &str,
    tag: &str,
    values: &[String],
    variants: &[TokenStream],
    patterns: &[(Ident, TokenStream)],
) -> TokenStream {
    let name = format_ident!("{union}");
    let known = format_ident!("{union}Known");
    let to_public = patterns
        .iter()
        .map(|(v, p)| quote!(#known::#v #p => Self::#v #p));
    let to_known = patterns
        .iter()
        .map(|(v, p)| quote!(Self::#v #p => #known::#v #p));
    let doc = doc_attr(spec.schemas[union]["description"].as_str().unwrap_or(""));
    let other =
        format!(" A `{tag}` this version does not know, kept as sent (the whole JSON object).");
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq)]
        pub enum #name {
            #(#variants,)*
            #[doc = #other]
            Other(::serde_json::Value),
        }
        impl From<#known> for #name {
            fn from(value: #known) -> Self {
                match value { #(#to_public,)* }
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                match value.get(#tag).and_then(::serde_json::Value::as_str) {
                    Some(#(#values)|*) => ::serde_json::from_value::<#known>(value)
                        .map(Self::from)
                        .map_err(<D::Error as ::serde::de::Error>::custom),
                    _ => Ok(Self::Other(value)),
                }
            }
        }
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let known = match self.clone() {
                    Self::Other(value) => return ::serde::Serialize::serialize(&value, serializer),
                    #(#to_known,)*
                };
                ::serde::Serialize::serialize(&known, serializer)
            }
        }
    }
}

/// `zai::BaseUrl`: a preset per `x-zai-preset` server, or any URL.
pub(super) fn base_urls(spec: &Spec) -> TokenStream {
    let names: Vec<Ident> = spec
        .presets
        .iter()
        .map(|(n, ..)| format_ident!("{n}"))
        .collect();
    let urls = spec.presets.iter().map(|(_, url, _)| url);
    let docs = spec
        .presets
        .iter()
        .map(|(_, url, doc)| format!(" `{url}`: {doc}"));
    quote! {
        /// Where the API is served: a preset of the spec's servers, or any URL.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum BaseUrl {
            #(#[doc = #docs] #names,)*
            /// Any other URL (a proxy, a mock server), given as the `paas/v4` base.
            Custom(String),
        }
        impl BaseUrl {
            /// The `paas/v4` base URL, without a trailing slash.
            pub fn as_str(&self) -> &str {
                match self {
                    #(BaseUrl::#names => #urls,)*
                    BaseUrl::Custom(url) => url.trim_end_matches('/'),
                }
            }
        }
        impl<S: Into<String>> From<S> for BaseUrl {
            fn from(url: S) -> Self {
                BaseUrl::Custom(url.into())
            }
        }
    }
}
