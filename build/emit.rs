//! Emits the crate's generated code: progenitor's output plus everything build.rs
//! derives from the spec on top of it.

use crate::spec::{Operation, Result, Spec};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;
use syn::{FnArg, ImplItem, Item, ItemImpl, Pat, ReturnType, Type};

/// Generates the whole file, formatted.
pub fn generate(spec: &Spec) -> Result<String> {
    let mut settings = progenitor::GenerationSettings::default();
    settings
        .with_interface(progenitor::InterfaceStyle::Positional)
        .with_tag(progenitor::TagStyle::Merged)
        .with_inner_type(quote!(std::sync::Arc<crate::client::Shared>))
        .with_hooks(progenitor::HooksMode::Expected)
        .with_derive("PartialEq");
    for (name, _) in &spec.open_enums {
        settings.with_replacement(name, format!("crate::types::{name}"), std::iter::empty());
    }
    let tokens = progenitor::Generator::new(&settings)
        .generate_tokens(&spec.view)
        .map_err(|e| e.to_string())?;
    let mut file: syn::File = syn::parse2(tokens).map_err(|e| e.to_string())?;

    let raw_methods = take_raw_methods(&file)?;
    let mut extra_types = open_enums(spec);
    let mut items = Vec::new();
    // A multipart schema shared by several operations gets its struct once.
    let mut forms = std::collections::BTreeSet::new();
    for op in &spec.operations {
        let name = snake_case(&op.id);
        if let Some(form) = &op.multipart {
            if forms.insert(form.as_str()) {
                extra_types.extend(multipart_form(form, &spec.schemas[form.as_str()])?);
            }
            items.push(multipart_method(op, &name, form));
        } else {
            let raw = raw_methods
                .iter()
                .find(|m| m.sig.ident == name)
                .ok_or_else(|| format!("progenitor generated no method for {}", op.id))?;
            items.push(wrapper_method(op, raw)?);
        }
        if let Some(stream) = &op.stream {
            items.push(stream_method(op, &name, stream));
        }
    }
    items.push(operation_table(spec));
    items.push(stream_configs(spec));
    items.extend(task_impls(spec));

    items.push(mock_table(spec));

    let types = file
        .items
        .iter_mut()
        .find_map(|item| match item {
            Item::Mod(m) if m.ident == "types" => m.content.as_mut().map(|(_, items)| items),
            _ => None,
        })
        .ok_or("progenitor emitted no types module")?;
    let constructors: Vec<TokenStream> = types
        .iter()
        .filter_map(|item| constructors(item, spec))
        .collect();
    for tokens in extra_types.into_iter().chain(constructors) {
        types.extend(parse_items(tokens)?);
    }
    for tokens in items {
        file.items.extend(parse_items(tokens)?);
    }
    Ok(prettyplease::unparse(&file))
}

fn parse_items(tokens: TokenStream) -> Result<Vec<Item>> {
    syn::parse2::<syn::File>(tokens.clone())
        .map(|f| f.items)
        .map_err(|e| format!("build.rs generated invalid Rust ({e}): {tokens}"))
}

/// The async operation methods of progenitor's `impl Client`.
fn take_raw_methods(file: &syn::File) -> Result<Vec<syn::ImplItemFn>> {
    Ok(file
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Impl(ItemImpl {
                self_ty,
                items,
                trait_: None,
                ..
            }) if quote!(#self_ty).to_string() == "Client" => Some(items),
            _ => None,
        })
        .flatten()
        .filter_map(|item| match item {
            ImplItem::Fn(f) if f.sig.asyncness.is_some() => Some(f.clone()),
            _ => None,
        })
        .collect())
}

fn doc_attr(text: &str) -> TokenStream {
    let lines = text.lines().map(|l| format!(" {l}"));
    quote!(#(#[doc = #lines])*)
}

/// `zai::Client::<op>`: the raw method with its result mapped into `zai::Error`.
fn wrapper_method(op: &Operation, raw: &syn::ImplItemFn) -> Result<TokenStream> {
    let sig = &raw.sig;
    let name = &sig.ident;
    let generics = &sig.generics;
    let inputs = sig.inputs.iter().skip(1);
    let args = sig.inputs.iter().skip(1).map(|arg| match arg {
        FnArg::Typed(t) => match &*t.pat {
            Pat::Ident(p) => Ok(p.ident.clone()),
            _ => Err(format!("{}: unexpected argument pattern", op.id)),
        },
        FnArg::Receiver(_) => Err(format!("{}: unexpected receiver", op.id)),
    });
    let args = args.collect::<Result<Vec<_>>>()?;
    let ReturnType::Type(_, ret) = &sig.output else {
        return Err(format!("{}: raw method returns nothing", op.id));
    };
    let ok =
        response_value_type(ret).ok_or_else(|| format!("{}: unexpected return type", op.id))?;
    let doc = doc_attr(&op.doc);
    let id = &op.id;
    let http = format!(
        " `{} {}` (operation `{id}`).",
        op.method.to_uppercase(),
        op.path
    );
    Ok(quote! {
        impl crate::Client {
            #doc
            ///
            #[doc = #http]
            pub async fn #name #generics (&'a self, #(#inputs),*) -> Result<#ok, crate::Error> {
                self.call(#id, || crate::error::raw_attempt(self.raw.#name(#(#args),*))).await
            }
        }
    })
}

/// `T` out of `Result<ResponseValue<T>, Error<..>>`.
fn response_value_type(ty: &Type) -> Option<TokenStream> {
    let Type::Path(p) = ty else { return None };
    let result = p.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &result.arguments else {
        return None;
    };
    let Some(syn::GenericArgument::Type(Type::Path(rv))) = args.args.first() else {
        return None;
    };
    let rv = rv.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(inner) = &rv.arguments else {
        return None;
    };
    let Some(syn::GenericArgument::Type(t)) = inner.args.first() else {
        return None;
    };
    Some(quote!(#t))
}

/// `zai::Client::<op>_stream`: the same request with `stream: true`, as typed SSE.
fn stream_method(op: &Operation, name: &str, stream: &crate::spec::StreamSpec) -> TokenStream {
    let method = format_ident!("{name}_stream");
    let plain = format_ident!("{name}");
    let chunk = format_ident!("{}", stream.chunk);
    let id = &op.id;
    let path = &op.path;
    let verb = format_ident!("{}", op.method.to_uppercase());
    let config = format_ident!("{}", name.to_uppercase());
    let doc = format!(
        " Streaming variant of [`Self::{plain}`]: sends `stream: true` and yields each \
         server-sent [`types::{chunk}`] as it arrives. Dropping the stream cancels the request."
    );
    let (body_ty, request) = match &op.multipart {
        Some(form) => {
            let form = format_ident!("{form}");
            (
                quote!(types::#form),
                quote!(Ok(self.multipart_request(reqwest::Method::#verb, #path, || {
                    let mut body = body.clone();
                    body.stream = Some(true);
                    body.to_form()
                }))),
            )
        }
        None => {
            let body = format_ident!("{}", op.json_body.as_deref().unwrap_or("Value"));
            (
                quote!(types::#body),
                quote!(self.json_request(reqwest::Method::#verb, #path, body, true)),
            )
        }
    };
    let is_final = match &stream.final_field {
        Some((array, field)) => {
            let (array, field) = (format_ident!("{array}"), format_ident!("{field}"));
            quote!(self.#array.iter().any(|item| item.#field.is_some()))
        }
        None => quote!(false),
    };
    quote! {
        impl crate::Client {
            #[doc = #doc]
            pub async fn #method(&self, body: &#body_ty)
                -> Result<crate::sse::EventStream<types::#chunk>, crate::Error>
            {
                self.open_stream(#id, #request, streams::#config).await
            }
        }
        impl crate::sse::Chunk for types::#chunk {
            fn is_final(&self) -> bool { #is_final }
        }
    }
}

fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    }
}

/// A multipart operation: build the form from its typed struct, send, decode.
fn multipart_method(op: &Operation, name: &str, form: &str) -> TokenStream {
    let method = format_ident!("{name}");
    let form = format_ident!("{form}");
    let id = &op.id;
    let path = &op.path;
    let verb = format_ident!("{}", op.method.to_uppercase());
    let doc = doc_attr(&op.doc);
    let http = format!(
        " `{} {path}` (operation `{id}`), sent as multipart/form-data.",
        op.method.to_uppercase()
    );
    let request = quote!(self.multipart_request(reqwest::Method::#verb, #path, || body.to_form()));
    let (ok, call) = match &op.response {
        Some(schema) => {
            let schema = format_ident!("{schema}");
            (
                quote!(types::#schema),
                quote!(self.send_json(#id, #request).await),
            )
        }
        None => (
            quote!(crate::ByteStream),
            quote!(self.send_bytes(#id, #request).await),
        ),
    };
    quote! {
        impl crate::Client {
            #doc
            ///
            #[doc = #http]
            pub async fn #method(&self, body: &types::#form) -> Result<#ok, crate::Error> {
                #call
            }
        }
    }
}

/// The typed struct of a multipart body, with `new`, setters and `to_form`.
fn multipart_form(name: &str, schema: &Value) -> Result<Vec<TokenStream>> {
    let ident = format_ident!("{name}");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let props = schema["properties"]
        .as_object()
        .ok_or_else(|| format!("{name}: multipart schema without properties"))?;
    let mut fields = Vec::new();
    let mut parts = Vec::new();
    for (wire, prop) in props {
        let field = field_ident(wire);
        let base = match (prop["type"].as_str(), prop["format"].as_str()) {
            (Some("string"), Some("binary")) => quote!(crate::multipart::FilePart),
            (Some("string"), _) => quote!(String),
            (Some("integer"), _) => quote!(i64),
            (Some("number"), _) => quote!(f64),
            (Some("boolean"), _) => quote!(bool),
            (Some("array"), _) if prop["items"]["type"] == "string" => quote!(Vec<String>),
            other => {
                return Err(format!(
                    "{name}.{wire}: unsupported multipart type {other:?}"
                ));
            }
        };
        let is_required = required.contains(&wire.as_str());
        let ty = if is_required || base.to_string().starts_with("Vec") {
            base
        } else {
            quote!(Option<#base>)
        };
        let doc = doc_attr(prop["description"].as_str().unwrap_or(""));
        fields.push((field.clone(), ty.clone(), is_required, doc));
        parts.push(
            quote!(let form = crate::multipart::FormValue::append(&self.#field, #wire, form)?;),
        );
    }
    let decls = fields
        .iter()
        .map(|(f, ty, _, doc)| quote!(#doc pub #f: #ty,))
        .collect::<Vec<_>>();
    // `new` takes the required fields in the schema's `required` order, as elsewhere.
    let rank = |f: &Ident| {
        required
            .iter()
            .position(|r| *f == field_name(r).as_str())
            .unwrap_or(usize::MAX)
    };
    fields.sort_by_key(|f| rank(&f.0));
    let ctor = constructor_tokens(&ident, &fields);
    let doc = doc_attr(
        schema["description"]
            .as_str()
            .unwrap_or("Multipart request body."),
    );
    Ok(vec![
        quote! {
            #doc
            #[derive(Clone, Debug, PartialEq)]
            pub struct #ident { #(#decls)* }
        },
        ctor,
        quote! {
            impl #ident {
                /// The multipart form sent on the wire (rebuilt for each attempt).
                pub fn to_form(&self) -> Result<reqwest::multipart::Form, crate::Error> {
                    let form = reqwest::multipart::Form::new();
                    #(#parts)*
                    Ok(form)
                }
            }
        },
    ])
}

/// `new(required...)` and one setter per optional field, for every generated struct.
/// Required parameters of `new` follow the schema's `required` order.
fn constructors(item: &Item, spec: &Spec) -> Option<TokenStream> {
    let Item::Struct(s) = item else { return None };
    let syn::Fields::Named(named) = &s.fields else {
        return None;
    };
    let order: Vec<String> = spec
        .schemas
        .get(&s.ident.to_string())
        .and_then(|schema| schema["required"].as_array())
        .map(|r| {
            r.iter()
                .filter_map(|v| v.as_str().map(field_name))
                .collect()
        })
        .unwrap_or_default();
    let mut fields: Vec<_> = named
        .named
        .iter()
        .map(|f| {
            let serde_default = f
                .attrs
                .iter()
                .any(|a| a.path().is_ident("serde") && quote!(#a).to_string().contains("default"));
            let ty = &f.ty;
            let ty = quote!(#ty);
            let required = !serde_default && option_inner(&ty).is_none();
            (
                f.ident.clone().expect("named field"),
                ty,
                required,
                TokenStream::new(),
            )
        })
        .collect();
    let rank = |ident: &Ident| {
        order
            .iter()
            .position(|o| *ident == o.as_str())
            .unwrap_or(usize::MAX)
    };
    fields.sort_by_key(|f| rank(&f.0));
    Some(constructor_tokens(&s.ident, &fields))
}

fn constructor_tokens(
    ident: &Ident,
    fields: &[(Ident, TokenStream, bool, TokenStream)],
) -> TokenStream {
    let required: Vec<_> = fields.iter().filter(|f| f.2).collect();
    let new = (!required.is_empty()).then(|| {
        let params = required
            .iter()
            .map(|(f, ty, ..)| quote!(#f: impl Into<#ty>));
        let inits = fields.iter().map(|(f, _, req, _)| {
            if *req {
                quote!(#f: #f.into())
            } else {
                quote!(#f: Default::default())
            }
        });
        let doc =
            format!(" A [`{ident}`] with its required fields; set the others with the setters.");
        quote! {
            #[doc = #doc]
            pub fn new(#(#params),*) -> Self { Self { #(#inits),* } }
        }
    });
    let setters = fields.iter().filter(|f| !f.2).map(|(f, ty, ..)| {
        let doc = format!(" Sets `{}`.", f.to_string().trim_start_matches("r#"));
        match option_inner(ty) {
            Some(inner) => quote! {
                #[doc = #doc]
                pub fn #f(mut self, value: impl Into<#inner>) -> Self { self.#f = Some(value.into()); self }
            },
            None => quote! {
                #[doc = #doc]
                pub fn #f(mut self, value: impl Into<#ty>) -> Self { self.#f = value.into(); self }
            },
        }
    });
    quote!(impl #ident { #new #(#setters)* })
}

/// `T` of an `Option<T>` / `::std::option::Option<T>` type.
fn option_inner(ty: &TokenStream) -> Option<Type> {
    let ty: Type = syn::parse2(ty.clone()).ok()?;
    let Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        syn::GenericArgument::Type(t) => Some(t.clone()),
        _ => None,
    }
}

/// `x-zai-open-enum` schemas as `crate::open_enum!` invocations.
fn open_enums(spec: &Spec) -> Vec<TokenStream> {
    spec.open_enums
        .iter()
        .map(|(name, values)| {
            let ident = format_ident!("{name}");
            let variants = values.iter().map(|v| format_ident!("{}", pascal_case(v)));
            let doc = doc_attr(
                spec.schemas[name.as_str()]["description"]
                    .as_str()
                    .unwrap_or(""),
            );
            quote! {
                crate::open_enum::open_enum! { #doc #ident { #(#variants = #values),* } }
            }
        })
        .collect()
}

/// How each streaming operation's event stream ends (its `x-zai-stream`).
fn stream_configs(spec: &Spec) -> TokenStream {
    let consts = spec.operations.iter().filter_map(|op| {
        let stream = op.stream.as_ref()?;
        let name = format_ident!("{}", snake_case(&op.id).to_uppercase());
        let (done, final_event) = (
            option_str(stream.done.as_deref()),
            option_str(stream.final_event.as_deref()),
        );
        let doc = format!(" End of the `{}` event stream.", op.id);
        Some(quote! {
            #[doc = #doc]
            pub const #name: crate::sse::StreamConfig =
                crate::sse::StreamConfig { done: #done, final_event: #final_event };
        })
    });
    quote! {
        /// How each streaming operation's event stream ends, from spec/zai.yaml.
        pub mod streams { #(#consts)* }
    }
}

/// `x-zai-task` schemas as `crate::poll::Task` implementations.
fn task_impls(spec: &Spec) -> Vec<TokenStream> {
    spec.tasks
        .iter()
        .map(|(name, task)| {
            let ident = format_ident!("{name}");
            let status = format!("/{}", task.status);
            let (success, failure) = (&task.success, &task.failure);
            let message = option_str(task.message.as_deref());
            quote! {
                impl crate::poll::Task for types::#ident {
                    const STATUS: &'static str = #status;
                    const SUCCESS: &'static [&'static str] = &[#(#success),*];
                    const FAILURE: &'static [&'static str] = &[#(#failure),*];
                    const MESSAGE: Option<&'static str> = #message;
                }
            }
        })
        .collect()
}

/// Operation metadata, for tooling (coverage, the CLI's generic `api` command,
/// the mock server) and for routing an operation to its base URL.
fn operation_table(spec: &Spec) -> TokenStream {
    let rows = spec.operations.iter().map(|op| {
        let (id, method, path) = (&op.id, op.method.to_uppercase(), &op.path);
        let rust = snake_case(&op.id);
        let base = option_str(op.base.as_deref());
        let multipart = op.multipart.is_some();
        let stream = op.stream.is_some();
        quote! {
            crate::Operation {
                id: #id, method: #method, path: #path, rust_method: #rust,
                base: #base, multipart: #multipart, stream: #stream,
            }
        }
    });
    quote! {
        /// Every operation in spec/zai.yaml, in spec order.
        pub const OPERATIONS: &[crate::Operation] = &[#(#rows),*];
    }
}

/// What the built-in mock server (`zai::mock`, feature `mock`) answers, from the
/// spec's examples and `x-zai-mock` / `x-zai-stream` extensions.
fn mock_table(spec: &Spec) -> TokenStream {
    let rows = spec.operations.iter().map(|op| {
        let (id, method, path) = (&op.id, op.method.to_uppercase(), &op.path);
        let base = option_str(op.base.as_deref());
        let m = &op.mock;
        let content_type = &m.content_type;
        let examples = m.examples.iter().map(|(n, t)| quote!((#n, #t)));
        let when = m.when_present.iter().map(|(f, n)| quote!((#f, #n)));
        let sequence = &m.sequence;
        let stream = match &op.stream {
            Some(s) => {
                let done = option_str(s.done.as_deref());
                let event_field = option_str(s.event_field.as_deref());
                let examples = m
                    .stream_examples
                    .iter()
                    .map(|(n, chunks)| quote!((#n, &[#(#chunks),*])));
                quote!(Some(crate::mock::MockStream {
                    done: #done, event_field: #event_field, examples: &[#(#examples),*],
                }))
            }
            None => quote!(None),
        };
        let multipart = op.multipart.is_some();
        quote! {
            crate::mock::MockOperation {
                id: #id, method: #method, path: #path, base: #base, multipart: #multipart,
                content_type: #content_type, examples: &[#(#examples),*],
                when_present: &[#(#when),*], sequence: &[#(#sequence),*], stream: #stream,
            }
        }
    });
    let errors = spec
        .mock_errors
        .iter()
        .map(|(status, code, message)| quote!((#status, #code, #message)));
    let error = &spec.error_example;
    quote! {
        /// What the mock server answers for each operation (spec examples).
        #[cfg(feature = "mock")]
        pub const MOCK_OPERATIONS: &[crate::mock::MockOperation] = &[#(#rows),*];
        /// `x-zai-mock.errors`: HTTP status → Z.AI code and message.
        #[cfg(feature = "mock")]
        pub const MOCK_ERRORS: &[(u16, &str, &str)] = &[#(#errors),*];
        /// The example error body of the spec.
        #[cfg(feature = "mock")]
        pub const MOCK_ERROR_EXAMPLE: &str = #error;
    }
}

fn field_ident(wire: &str) -> Ident {
    let name = field_name(wire);
    syn::parse_str::<Ident>(&name).unwrap_or_else(|_| Ident::new_raw(&name, Span::call_site()))
}

/// A wire name as typify spells the field (`type` → `type_`).
fn field_name(wire: &str) -> String {
    let name = wire.replace(['-', '.'], "_");
    match name.as_str() {
        "type" | "ref" | "self" | "crate" | "super" | "mod" | "move" | "match" | "fn" => {
            format!("{name}_")
        }
        _ => name,
    }
}

/// `createChatCompletion` → `create_chat_completion` (progenitor's method names).
pub fn snake_case(id: &str) -> String {
    let mut out = String::new();
    for (i, c) in id.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// `tool_calls` → `ToolCalls`, `PROCESSING` → `Processing`, `chat.completion` → `ChatCompletion`.
fn pascal_case(value: &str) -> String {
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
