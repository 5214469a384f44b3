//! The two generated files: `zai-types`' schemas (typify, through progenitor's
//! type generator, plus what the spec model adds on top) and `zai`'s operations
//! (emitted here from the spec model; progenitor's own methods cannot express
//! multipart bodies or SSE variants, so they are not used).

mod gates;
mod multipart;
mod operations;
mod types;

use crate::snake_case;
use crate::spec::{Result, Spec};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

/// The `zai-types` crate's generated code, formatted: every schema of the spec
/// (module `types`), their constructors and conversions, and `BaseUrl`.
pub fn types_file(spec: &Spec) -> Result<String> {
    schemas_file(
        spec,
        "types",
        " Every request and response schema of spec/zai.yaml.",
    )
}

/// The `zai-types` crate's GLM-Realtime code, formatted: every schema of
/// spec/realtime.yaml (module `realtime`) with its constructors, the client events
/// as an enum and the server events as an open one.
pub fn realtime_file(spec: &Spec) -> Result<String> {
    schemas_file(
        spec,
        "realtime",
        " Every event and schema of spec/realtime.yaml (GLM-Realtime).",
    )
}

/// typify's model of the schemas of `spec` in module `module` (progenitor's type
/// generator holds it: `get_type_space`).
fn generator(spec: &Spec, module: &str) -> Result<progenitor::Generator> {
    let mut settings = progenitor::GenerationSettings::default();
    settings.with_derive("PartialEq");
    for (name, _) in &spec.open_enums {
        settings.with_replacement(name, format!("crate::{module}::{name}"), std::iter::empty());
    }
    // An open union is emitted below; typify makes its known variants as
    // `<Name>Known` (a copy of the schema in the view), hidden from the docs.
    for union in &spec.open_unions {
        let name = &union.name;
        settings.with_replacement(name, format!("crate::{module}::{name}"), std::iter::empty());
        settings.with_patch(
            format!("{name}Known"),
            progenitor::TypePatch::default().with_attr("#[doc(hidden)]"),
        );
    }
    let view: openapiv3::OpenAPI =
        serde_json::from_value(spec.types.clone()).map_err(|e| e.to_string())?;
    let mut generator = progenitor::Generator::new(&settings);
    // The view has no paths: progenitor only fills its type space.
    generator
        .generate_tokens(&view)
        .map_err(|e| e.to_string())?;
    Ok(generator)
}

/// The schemas of `spec` in module `module`, with everything emitted beside them.
fn schemas_file(spec: &Spec, module: &str, doc: &str) -> Result<String> {
    let generator = generator(spec, module)?;
    let space = generator.get_type_space();
    let gates = gates::Gates::read(spec, space);
    let schemas = space.to_stream();
    let open_unions = spec
        .open_unions
        .iter()
        .map(|union| types::open_union(space, spec, union))
        .collect::<Result<Vec<_>>>()?;
    let ref_unions = spec
        .ref_unions
        .iter()
        .map(|union| types::ref_union(spec, union));
    let open_enums = spec
        .open_enums
        .iter()
        .map(|(name, values)| types::open_enum(spec, name, values));
    let constructors = types::struct_constructors(space, spec)?;
    let text_conversions = types::text_conversions(space)?;
    let mut form_types = Vec::new();
    let mut form_constructors = Vec::new();
    for form in multipart::forms(spec) {
        let (declaration, constructor) = multipart::declaration(spec, form)?;
        form_types.push(declaration);
        form_constructors.push(constructor);
    }
    let presets = (!spec.presets.is_empty()).then(|| types::base_urls(spec));
    let ident = format_ident!("{module}");
    // typify names its types `types::X` (its type module) in the field types read
    // from its model, and so do the constructors: `types` is the module.
    let (inner_alias, outer_alias) = match module {
        "types" => (
            quote!(
                use super::types;
            ),
            quote!(),
        ),
        _ => (
            quote!(use super::#ident as types;),
            quote!(use #ident as types;),
        ),
    };
    let edit = |file: &mut syn::File| {
        non_exhaustive(file);
        gates.apply(&mut file.items);
    };
    format_with(
        edit,
        quote! {
            #[doc = #doc]
            pub mod #ident {
                #[allow(unused_imports)]
                use serde::{Deserialize, Serialize};
                #inner_alias
                #schemas
                #(#open_enums)*
                #(#open_unions)*
                #(#ref_unions)*
                #(#form_types)*
            }
            #outer_alias
            #(#constructors)*
            #(#form_constructors)*
            #(#text_conversions)*
            #presets
        },
    )
}

/// The `zai` crate's generated code, formatted: one `Client` method per
/// operation and its variants, the runtime trait impls the spec declares
/// (streams' end rules, tasks, multipart forms) and the operation table. It names
/// only the runtime contract (`crate::runtime`) and `zai_types`.
pub fn operations_file(spec: &Spec) -> Result<String> {
    let generator = generator(spec, "types")?;
    // Each impl for a type compiles when the type does; the rest by family.
    let gates = gates::Gates::read(spec, generator.get_type_space());
    let mut items = Vec::new();
    for form in multipart::forms(spec) {
        let (gate, encoding) = (gates.of(form), multipart::form_impl(spec, form)?);
        items.push(quote!(#gate #encoding));
    }
    // One documented `impl Client` per API family (first tag), so rustdoc groups
    // the methods; an operation without a tag goes last. Each method compiles
    // with any of its operation's families.
    let mut families: Vec<(Option<&str>, &str, Vec<TokenStream>)> = spec
        .tags
        .iter()
        .map(|(name, doc)| (Some(name.as_str()), doc.as_str(), Vec::new()))
        .collect();
    families.push((None, "Other operations.", Vec::new()));
    for (index, op) in spec.operations.iter().enumerate() {
        let family = families
            .iter()
            .position(|(tag, ..)| *tag == op.tags.first().map(String::as_str))
            .unwrap_or(families.len() - 1);
        let mut methods = Vec::new();
        let space = generator.get_type_space();
        methods.push(operations::method(op, index, space)?);
        if let Some(stream) = &op.stream {
            methods.push(operations::stream_method(op, index, stream));
            let (gate, chunk) = (gates.of(&stream.chunk), operations::chunk_impl(stream));
            items.push(quote!(#gate #chunk));
        }
        if op.pages.is_some() {
            methods.push(operations::pages_method(op, space)?);
        }
        if let Some(wait) = &op.wait {
            methods.extend(operations::wait_method(spec, op, wait)?);
        }
        let gate = gates::family(&op.tags);
        let gated = methods.into_iter().map(|method| quote!(#gate #method));
        families[family].2.extend(gated);
    }
    for (tag, doc, methods) in families.into_iter().filter(|f| !f.2.is_empty()) {
        let doc = format!(" **{}**: {doc}", tag.unwrap_or("other"));
        items.push(quote!(#[doc = #doc] impl crate::runtime::Client { #(#methods)* }));
    }
    for ((name, _), task) in spec.tasks.iter().zip(operations::task_impls(spec)) {
        let gate = gates.of(name);
        items.push(quote!(#gate #task));
    }
    let table = operations::operation_table(spec);
    format_with(
        |_| {},
        quote! {
            use ::zai_types::types;
            #(#items)*
            #table
        },
    )
}

/// What a build script of the zai crates does with their `codegen` feature: reads
/// the spec at `spec`, emits one file with `emit` behind its [`crate::stamp`],
/// also writes it to `committed` (if given) when `ZAI_WRITE_GENERATED` is set, and
/// returns it.
pub fn regenerate(
    spec: &std::path::Path,
    emit: fn(&Spec) -> Result<String>,
    committed: Option<&std::path::Path>,
) -> Result<String> {
    let fail = |e: String| format!("{}: {e}", spec.display());
    let text = std::fs::read_to_string(spec).map_err(|e| fail(e.to_string()))?;
    let file = spec.file_name().unwrap_or_default().to_string_lossy();
    let code =
        crate::stamp(&file, &text) + &emit(&Spec::parse(&text).map_err(fail)?).map_err(fail)?;
    if let Some(committed) = committed.filter(|_| std::env::var_os("ZAI_WRITE_GENERATED").is_some())
    {
        std::fs::write(committed, &code).map_err(|e| format!("{}: {e}", committed.display()))?;
    }
    Ok(code)
}

/// Parses and pretty-prints generated tokens after `edit` has changed them
/// (invalid Rust is an error naming them).
fn format_with(edit: impl FnOnce(&mut syn::File), file: TokenStream) -> Result<String> {
    let mut parsed: syn::File = syn::parse2(file.clone())
        .map_err(|e| format!("zai-codegen generated invalid Rust ({e}): {file}"))?;
    edit(&mut parsed);
    Ok(prettyplease::unparse(&parsed))
}

/// Marks every struct with named fields and every enum of module `types`
/// `#[non_exhaustive]`: then what upstream adds most often (an optional field, an
/// enum value, a union variant) is no breaking change. Users build structs with
/// `new(required…)` and setters (or `Default` and field assignment), not struct
/// literals, and match enums with a `_` arm.
fn non_exhaustive(file: &mut syn::File) {
    let modules = file.items.iter_mut().filter_map(|item| match item {
        syn::Item::Mod(module) if module.ident == "types" => module.content.as_mut(),
        _ => None,
    });
    for item in modules.flat_map(|(_, items)| items) {
        let attrs = match item {
            syn::Item::Struct(s) if matches!(s.fields, syn::Fields::Named(_)) => &mut s.attrs,
            syn::Item::Enum(e) => &mut e.attrs,
            _ => continue,
        };
        attrs.push(syn::parse_quote!(#[non_exhaustive]));
    }
}

/// An optional text as an `Option<&'static str>` expression.
fn some_str(value: &Option<String>) -> TokenStream {
    match value {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    }
}

fn doc_attr(text: &str) -> TokenStream {
    let lines = text.lines().map(|l| format!(" {l}"));
    quote!(#(#[doc = #lines])*)
}

fn snake_ident(id: &str) -> Ident {
    format_ident!("{}", snake_case(id))
}

/// A Rust identifier for a wire or typify name (`r#type` for a keyword).
fn field_ident(name: &str) -> Ident {
    let name = snake_case(&name.replace(['-', '.'], "_"));
    syn::parse_str::<Ident>(&name).unwrap_or_else(|_| Ident::new_raw(&name, Span::call_site()))
}

/// The name typify gives the field of a wire property: snake case, a keyword
/// suffixed with `_` (`type` → `type_`).
fn typify_field(wire: &str) -> Ident {
    let name = snake_case(wire);
    syn::parse_str::<Ident>(&name).unwrap_or_else(|_| format_ident!("{name}_"))
}
