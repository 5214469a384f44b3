//! Emits the crate's generated code: typify's types (through progenitor's type
//! generator) and everything build.rs derives from the spec model on top of them.

use crate::spec::{FinalField, OpenUnion, Operation, Paging, Result, Spec, StreamSpec, WaitSpec};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;
use typify::{TypeDetails, TypeEnumVariant, TypeSpace};

/// Generates the whole file, formatted.
pub fn generate(spec: &Spec) -> Result<String> {
    let mut settings = progenitor::GenerationSettings::default();
    settings.with_derive("PartialEq");
    for (name, _) in &spec.open_enums {
        settings.with_replacement(name, format!("crate::types::{name}"), std::iter::empty());
    }
    // An open union is emitted below; typify makes its known variants as
    // `<Name>Known` (a copy of the schema in the view), hidden from the docs.
    for union in &spec.open_unions {
        let name = &union.name;
        settings.with_replacement(name, format!("crate::types::{name}"), std::iter::empty());
        settings.with_patch(
            format!("{name}Known"),
            progenitor::TypePatch::default().with_attr("#[doc(hidden)]"),
        );
    }
    let mut generator = progenitor::Generator::new(&settings);
    // The view has no paths: progenitor only fills its type space; its client
    // methods are not used (build.rs emits every method below).
    generator
        .generate_tokens(&spec.types)
        .map_err(|e| e.to_string())?;
    let space = generator.get_type_space();
    let types = space.to_stream();
    let open_unions = spec
        .open_unions
        .iter()
        .map(|union| open_union(space, spec, union))
        .collect::<Result<Vec<_>>>()?;
    let open_enums = spec
        .open_enums
        .iter()
        .map(|(name, values)| open_enum(spec, name, values));
    let constructors = struct_constructors(space, spec)?;
    let text_conversions = text_conversions(space)?;

    let mut forms = std::collections::BTreeSet::new();
    let mut form_types = Vec::new();
    let mut items = Vec::new();
    for (index, op) in spec.operations.iter().enumerate() {
        if let Some(form) = &op.multipart {
            // A multipart schema shared by several operations gets its struct once.
            if forms.insert(form.as_str()) {
                let (declaration, impls) = multipart_form(spec, form)?;
                form_types.push(declaration);
                items.push(impls);
            }
        }
        items.push(method(op, index));
        if let Some(stream) = &op.stream {
            items.push(stream_method(op, index, stream));
            items.push(chunk_impl(stream));
        }
        if let Some(pages) = &op.pages {
            items.push(pages_method(op, pages)?);
        }
        if let Some(wait) = &op.wait {
            items.push(wait_method(spec, op, wait)?);
        }
    }
    items.extend(task_impls(spec));
    let operations = operation_table(spec);
    let presets = base_urls(spec);

    let file = quote! {
        /// Every request and response schema of spec/zai.yaml.
        pub mod types {
            #[allow(unused_imports)]
            use serde::{Deserialize, Serialize};
            // typify names its types `types::X` (its type module) in the field
            // types build.rs reads from its model.
            use super::types;
            #types
            #(#open_enums)*
            #(#open_unions)*
            #(#form_types)*
        }
        #(#constructors)*
        #(#text_conversions)*
        #(#items)*
        #operations
        #presets
    };
    let file: syn::File = syn::parse2(file.clone())
        .map_err(|e| format!("build.rs generated invalid Rust ({e}): {file}"))?;
    Ok(prettyplease::unparse(&file))
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

/// The arguments every method of an operation takes: its path parameters, its
/// query struct and its body, as parameter declarations and as forwarded values.
fn arguments(op: &Operation) -> (Vec<TokenStream>, Vec<Ident>) {
    let mut params = Vec::new();
    let mut names = Vec::new();
    for p in &op.path_params {
        let name = field_ident(p);
        params.push(quote!(#name: &str));
        names.push(name);
    }
    if let Some(query) = &op.query {
        let query = format_ident!("{query}");
        params.push(quote!(query: &types::#query));
        names.push(format_ident!("query"));
    }
    if let Some(body) = op.json_body.as_ref().or(op.multipart.as_ref()) {
        let body = format_ident!("{body}");
        params.push(quote!(body: &types::#body));
        names.push(format_ident!("body"));
    }
    (params, names)
}

/// The request of an operation: path parameters, query and body, ready for the
/// client's one request path, as a `Result` (the methods are plain functions
/// returning the request path's future; see `Client::send_json`). `stream` asks
/// for the streaming variant.
fn request(op: &Operation, index: usize, stream: bool) -> TokenStream {
    let params = op.path_params.iter().map(|p| {
        let name = field_ident(p);
        quote!((#p, #name))
    });
    let mut request = quote!(crate::client::Request::new(&OPERATIONS[#index], &[#(#params),*]));
    if op.query.is_some() {
        request = quote!(#request.and_then(|request| request.query(query)));
    }
    let events = op.stream.as_ref();
    if op.json_body.is_some() {
        // `always`: the answer is events anyway, the body is sent as is.
        let flag = stream && !events.is_some_and(|s| s.always);
        request = match events.is_some_and(|s| s.server_default) && !stream {
            // The server streams unless told not to: the plain method says so.
            true => quote! {{
                let mut body = body.clone();
                body.stream = Some(false);
                #request.and_then(|request| request.json(&body, false))
            }},
            false => quote!(#request.and_then(|request| request.json(body, #flag))),
        };
    }
    if op.multipart.is_some() {
        let form = match stream {
            true => quote!(move || {
                let mut body = body.clone();
                body.stream = Some(true);
                body.to_form()
            }),
            false => quote!(move || body.to_form()),
        };
        request = quote!(#request.map(|request| request.form(#form)));
    }
    request
}

/// `zai::Client::<op>`: one typed call through the client's request path.
fn method(op: &Operation, index: usize) -> TokenStream {
    let name = snake_ident(&op.id);
    let (params, _) = arguments(op);
    let request = request(op, index, false);
    let doc = doc_attr(&op.doc);
    let http = format!(
        " `{} {}` (operation `{}`{}).",
        op.method.to_uppercase(),
        op.path,
        op.id,
        if op.multipart.is_some() {
            ", sent as multipart/form-data"
        } else {
            ""
        }
    );
    let (ok, send) = match &op.response {
        Some(schema) => {
            let schema = format_ident!("{schema}");
            (quote!(types::#schema), quote!(send_json))
        }
        None => (quote!(crate::ByteStream), quote!(send_bytes)),
    };
    let stream_note = op.stream.as_ref().map(|events| {
        let doc = match (events.always, events.server_default) {
            (true, _) => format!(
                " The operation always answers with server-sent events: this returns their \
                 raw bytes; [`Self::{name}_stream`] parses them."
            ),
            (false, true) => format!(
                " Sends `stream: false` (the server streams by default) and answers with one \
                 JSON body; for server-sent events call [`Self::{name}_stream`]."
            ),
            (false, false) => format!(
                " Answers with one JSON body; for server-sent events call \
                 [`Self::{name}_stream`] (`stream: true` is refused here)."
            ),
        };
        quote!(#[doc = ""] #[doc = #doc])
    });
    quote! {
        impl crate::Client {
            #doc
            #[doc = ""]
            #[doc = #http]
            #stream_note
            #[inline]
            pub fn #name(&self, #(#params),*)
                -> impl Future<Output = Result<#ok, crate::Error>> + Send
            {
                self.#send(#request)
            }
        }
    }
}

/// `zai::Client::<op>_stream`: the same request with `stream: true`, as typed SSE.
fn stream_method(op: &Operation, index: usize, stream: &StreamSpec) -> TokenStream {
    let plain = snake_case(&op.id);
    let name = format_ident!("{plain}_stream");
    let chunk = format_ident!("{}", stream.chunk);
    let (params, _) = arguments(op);
    let request = request(op, index, true);
    let sends = match stream.always {
        true => "sends the same request",
        false => "sends `stream: true`",
    };
    let doc = format!(
        " Streaming variant of [`Self::{plain}`]: {sends} and yields each \
         server-sent [`types::{chunk}`] as it arrives. Dropping the stream cancels the request."
    );
    quote! {
        impl crate::Client {
            #[doc = #doc]
            #[inline]
            pub fn #name(&self, #(#params),*)
                -> impl Future<Output = Result<crate::EventStream<types::#chunk>, crate::Error>> + Send
            {
                self.send_stream(#request)
            }
        }
    }
}

/// How a stream of this chunk type ends (its operation's `x-zai-stream`).
fn chunk_impl(stream: &StreamSpec) -> TokenStream {
    let chunk = format_ident!("{}", stream.chunk);
    let (done, final_event) = (some_str(&stream.done), some_str(&stream.final_event));
    let conditions = stream.final_field.iter().map(|condition| match condition {
        FinalField::Item(array, field) => {
            let (array, field) = (typify_field(array), typify_field(field));
            quote!(self.#array.iter().any(|item| item.#field.is_some()))
        }
        FinalField::Equals(field, value) => {
            let field = typify_field(field);
            quote!(self.#field.as_deref() == Some(#value))
        }
        FinalField::Set(field) => {
            let field = typify_field(field);
            quote!(self.#field.is_some())
        }
    });
    let is_final = match stream.final_field.is_empty() {
        true => quote!(false),
        false => quote!(#(#conditions)&&*),
    };
    quote! {
        impl crate::StreamChunk for types::#chunk {
            const DONE: Option<&'static str> = #done;
            const FINAL_EVENT: Option<&'static str> = #final_event;
            fn is_final(&self) -> bool { #is_final }
        }
    }
}

/// `x-zai-wait`: a method polling the operation's task until it ends.
fn wait_method(spec: &Spec, op: &Operation, wait: &WaitSpec) -> Result<TokenStream> {
    let own = snake_ident(&op.id);
    let (params, args) = arguments(op);
    let (name, result, body, doc) = match wait {
        WaitSpec::Submit { method, poll, id } => {
            let target = spec
                .operations
                .iter()
                .find(|o| &o.id == poll)
                .ok_or_else(|| format!("{}: x-zai-wait polls unknown `{poll}`", op.id))?;
            let poll = snake_ident(poll);
            let body = quote! {
                let task = self.#own(#(#args),*).await?;
                let id = crate::poll::task_id(&task, #id)?;
                crate::poll_until(|| self.#poll(&id), options, progress).await
            };
            let doc = format!(
                " Calls [`Self::{own}`], then polls [`Self::{poll}`] with the task id it \
                 returns until the task ends (see [`crate::poll_until`])."
            );
            (method, target, body, doc)
        }
        WaitSpec::Repeat(method) => {
            let body = quote!(crate::poll_until(|| self.#own(#(#args),*), options, progress).await);
            let doc =
                format!(" Polls [`Self::{own}`] until the task ends (see [`crate::poll_until`]).");
            (method, op, body, doc)
        }
    };
    let name = snake_ident(name);
    let result = result
        .response
        .as_ref()
        .ok_or_else(|| format!("{}: the polled operation answers no JSON", op.id))?;
    let result = format_ident!("{result}");
    Ok(quote! {
        impl crate::Client {
            #[doc = #doc]
            pub async fn #name(
                &self,
                #(#params,)*
                options: &crate::PollOptions,
                progress: impl FnMut(&crate::PollProgress<'_, types::#result>),
            ) -> Result<types::#result, crate::Error> {
                #body
            }
        }
    })
}

/// How a multipart field is written into the form.
#[derive(Clone, Copy, PartialEq)]
enum PartKind {
    Text,
    File,
    /// An object of scalars, one `name[key]` text part per set key (the Python
    /// SDK's form encoding of nested objects).
    Object,
}

/// `x-zai-pages`: every page of a list, as a stream.
fn pages_method(op: &Operation, paging: &Paging) -> Result<TokenStream> {
    let own = snake_ident(&op.id);
    let name = format_ident!("{own}_pages");
    let (Some(query), Some(page)) = (&op.query, &op.response) else {
        return Err(format!(
            "{}: x-zai-pages needs a query and a JSON answer",
            op.id
        ));
    };
    let (query, page) = (format_ident!("{query}"), format_ident!("{page}"));
    let (next, how) = match paging {
        Paging::Cursor {
            cursor,
            items,
            has_more,
        } => {
            let setter = field_ident(cursor);
            let next = quote! {
                crate::pages::Next::Cursor {
                    items: #items,
                    has_more: #has_more,
                    set: |query, last| query.#setter(last),
                }
            };
            (
                next,
                format!(
                    "the next page starts after the last item (`{cursor}`), until the server says there is no more"
                ),
            )
        }
        Paging::Numbered { page, items, total } => {
            let field = field_ident(page);
            let next = quote! {
                crate::pages::Next::Numbered {
                    items: #items,
                    total: #total,
                    page: |query| query.#field,
                    set: |query, number| query.#field(number),
                }
            };
            (
                next,
                format!(
                    "pages are numbered (`{page}`, from 1), until a page is empty or the total count has come"
                ),
            )
        }
    };
    let path: Vec<Ident> = op.path_params.iter().map(|p| field_ident(p)).collect();
    let doc = format!(
        " Every page of [`Self::{own}`], from `query` on: {how}. A failed page ends \
         the stream; dropping the stream stops paging."
    );
    Ok(quote! {
        impl crate::Client {
            #[doc = #doc]
            pub fn #name<'a>(
                &'a self,
                #(#path: &'a str,)*
                query: types::#query,
            ) -> impl futures_core::Stream<Item = Result<types::#page, crate::Error>> + Send + 'a {
                crate::pages::pages(
                    query,
                    move |query| async move { self.#own(#(#path,)* &query).await },
                    #next,
                )
            }
        }
    })
}

/// The typed struct of a multipart body (declared in `types`), and its `new`,
/// setters and `to_form`.
fn multipart_form(spec: &Spec, name: &str) -> Result<(TokenStream, TokenStream)> {
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
            PartKind::File => quote!(form = form.part(#wire, #value.part()?);),
            PartKind::Text => quote!(form = form.text(#wire, #value.to_string());),
            PartKind::Object => quote! {
                let object = serde_json::to_value(#value).map_err(|e| {
                    crate::Error::InvalidRequest(format!("`{}`: {e}", #wire))
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
            (Field::Required(_), false) => add(quote!(self.#field)),
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
    let impls = quote! {
        impl types::#ident {
            /// The multipart form sent on the wire (rebuilt for each attempt).
            pub fn to_form(&self) -> Result<reqwest::multipart::Form, crate::Error> {
                let mut form = reqwest::multipart::Form::new();
                #(#parts)*
                Ok(form)
            }
        }
        #ctor
    };
    Ok((declaration, impls))
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

/// A struct field as `new` and the setters see it.
enum Field {
    /// Taken by `new`.
    Required(TokenStream),
    /// `Option<T>`: the setter takes a `T`.
    Optional(TokenStream),
    /// A collection or defaulted value: the setter takes the whole value.
    Defaulted(TokenStream),
}

impl Field {
    fn declared(&self) -> TokenStream {
        match self {
            Field::Optional(t) => quote!(Option<#t>),
            Field::Required(t) | Field::Defaulted(t) => t.clone(),
        }
    }
}

/// `new(required...)` and one setter per other field, for every generated
/// struct, read from typify's model of it. `new` takes the required fields in
/// the schema's `required` order.
fn struct_constructors(space: &TypeSpace, spec: &Spec) -> Result<Vec<TokenStream>> {
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
            let listed = declared.is_some_and(|p| p.keys().any(|wire| same_name(prop.name, wire)));
            let field = match (prop.required, prop_type.details()) {
                (_, TypeDetails::Map(..)) if declared.is_some() && !listed => {
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
fn text_conversions(space: &TypeSpace) -> Result<Vec<TokenStream>> {
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

/// `no_default`: typify derived no `Default` although it may have one (a flattened
/// map it counts as required): without required fields, `Default` is implemented here.
fn constructor_tokens(ident: &Ident, fields: &[(Ident, Field)], no_default: bool) -> TokenStream {
    let required: Vec<_> = fields
        .iter()
        .filter_map(|(f, ty)| match ty {
            Field::Required(t) => Some(quote!(#f: impl Into<#t>)),
            _ => None,
        })
        .collect();
    let inits: Vec<_> = fields
        .iter()
        .map(|(f, ty)| match ty {
            Field::Required(_) => quote!(#f: #f.into()),
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
            Field::Required(_) => None,
            Field::Optional(inner) => Some(quote! {
                #[doc = #doc]
                pub fn #f(mut self, value: impl Into<#inner>) -> Self { self.#f = Some(value.into()); self }
            }),
            Field::Defaulted(t) => Some(quote! {
                #[doc = #doc]
                pub fn #f(mut self, value: impl Into<#t>) -> Self { self.#f = value.into(); self }
            }),
        }
    });
    quote!(impl types::#ident { #new #(#setters)* } #default)
}

/// An `x-zai-open-enum` schema as a `crate::open_enum!` invocation.
fn open_enum(spec: &Spec, name: &str, values: &[(String, String)]) -> TokenStream {
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
fn open_union(space: &TypeSpace, spec: &Spec, union: &OpenUnion) -> Result<TokenStream> {
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
    let to_public = patterns
        .iter()
        .map(|(v, p)| quote!(#known::#v #p => Self::#v #p));
    let to_known = patterns
        .iter()
        .map(|(v, p)| quote!(Self::#v #p => #known::#v #p));
    let doc = doc_attr(
        spec.schemas[&union.name]["description"]
            .as_str()
            .unwrap_or(""),
    );
    let other = format!(
        " A `{}` this version does not know, kept as sent (the whole JSON object).",
        union.tag
    );
    let (tag, values) = (&union.tag, &union.values);
    Ok(quote! {
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
    })
}

/// `x-zai-task` schemas as [`crate::Task`] implementations.
fn task_impls(spec: &Spec) -> Vec<TokenStream> {
    spec.tasks
        .iter()
        .map(|(name, task)| {
            let ident = format_ident!("{name}");
            let status = format!("/{}", task.status);
            let (success, failure) = (&task.success, &task.failure);
            let message = some_str(&task.message);
            quote! {
                impl crate::Task for types::#ident {
                    const STATUS: &'static str = #status;
                    const SUCCESS: &'static [&'static str] = &[#(#success),*];
                    const FAILURE: &'static [&'static str] = &[#(#failure),*];
                    const MESSAGE: Option<&'static str> = #message;
                }
            }
        })
        .collect()
}

/// Operation metadata, for routing, `call_raw`, and tooling (coverage, the CLI's
/// generic `api` command).
fn operation_table(spec: &Spec) -> TokenStream {
    let rows = spec.operations.iter().map(|op| {
        let (id, method, path) = (&op.id, op.method.to_uppercase(), &op.path);
        let rust = snake_case(&op.id);
        let (base, auth) = (some_str(&op.base), some_str(&op.auth));
        let multipart = op.multipart.is_some();
        let stream = op.stream.is_some();
        quote! {
            crate::Operation {
                id: #id, method: #method, path: #path, rust_method: #rust,
                base: #base, auth: #auth, multipart: #multipart, stream: #stream,
            }
        }
    });
    let answers = spec.operations.iter().enumerate().map(|(index, op)| {
        let json = op.response.as_ref().map(|schema| {
            let schema = format_ident!("{schema}");
            quote!(visitor.json::<types::#schema>();)
        });
        let stream = op.stream.as_ref().map(|stream| {
            let chunk = format_ident!("{}", stream.chunk);
            quote!(visitor.stream::<types::#chunk>();)
        });
        quote!(#index => { #json #stream })
    });
    quote! {
        /// Every operation in spec/zai.yaml, in spec order.
        pub const OPERATIONS: &[crate::Operation] = &[#(#rows),*];

        /// Shows `visitor` the answer types of operation `index` of [`OPERATIONS`]:
        /// its JSON response type (none for a binary answer) and, if it streams,
        /// its chunk type. How tools reach every answer type (the
        /// response-decoding fuzz target).
        #[doc(hidden)]
        pub fn visit_answer_types(index: usize, visitor: &mut impl crate::__private::AnswerTypes) {
            match index {
                #(#answers)*
                _ => {}
            }
        }
    }
}

/// `zai::BaseUrl`: a preset per `x-zai-preset` server, or any URL.
fn base_urls(spec: &Spec) -> TokenStream {
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
    }
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

/// `createChatCompletion` → `create_chat_completion`.
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
