//! Emits the `zai` crate's operations: one `Client` method per operation (and its
//! `*_stream`, `*_pages` and `x-zai-wait` variants), each handing its request to
//! the runtime's one request path, plus the operation table. The methods are
//! items; `super::operations_file` groups them into one `impl` per API family.

use super::gates::family;
use super::{doc_attr, field_ident, snake_ident, some_str, typify_field};
use crate::snake_case;
use crate::spec::{FinalField, Operation, Paging, Result, Spec, StreamSpec, WaitSpec};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use typify::{TypeDetails, TypeSpace};

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
    let mut request = quote!(crate::runtime::Request::new(&OPERATIONS[#index], &[#(#params),*]));
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
                crate::runtime::MultipartForm::to_form(&body)
            }),
            false => quote!(move || crate::runtime::MultipartForm::to_form(body)),
        };
        request = quote!(#request.map(|request| request.form(#form)));
    }
    request
}

/// What the method of `op` answers with, and the function taking that from the
/// decoded answer: of an `x-zai-envelope` with `data`, that field as typify
/// declared it (read from its model); of one with `code` only, `()`; else all of it.
fn answer(op: &Operation, space: &TypeSpace) -> Result<(TokenStream, TokenStream)> {
    let Some(schema) = &op.response else {
        return Ok((quote!(crate::runtime::ByteStream), quote!()));
    };
    let ident = format_ident!("{schema}");
    let ty = space.iter_types().find(|t| t.name() == *schema);
    let fields = match ty.as_ref().map(|ty| ty.details()) {
        Some(TypeDetails::Struct(fields)) if op.envelope.is_some() => Some(fields),
        _ => None,
    };
    let field = |name| fields.as_ref()?.properties_info().find(|p| p.name == name);
    Ok(match (field("data"), field("code")) {
        (Some(data), _) => {
            let data = space.get_type(&data.type_id).map_err(|e| e.to_string())?;
            (data.ident(), quote!(|answer: types::#ident| answer.data))
        }
        (None, Some(_)) => (quote!(()), quote!(|_: types::#ident| ())),
        (None, None) => (quote!(types::#ident), quote!(std::convert::identity)),
    })
}

/// `zai::Client::<op>`: one typed call through the client's request path.
pub(super) fn method(op: &Operation, index: usize, space: &TypeSpace) -> Result<TokenStream> {
    let (ok, take) = answer(op, space)?;
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
    let send = match &op.response {
        Some(_) => quote!(self.send_json(#request, #take)),
        None => quote!(self.send_bytes(#request)),
    };
    let envelope_note = op
        .envelope
        .as_ref()
        .zip(op.response.as_ref())
        .map(|(_, s)| {
            let doc = format!(
                " Answered in an `x-zai-envelope` ([`types::{s}`]): a `code` not meaning success \
             is [`crate::Error::Api`]; a success returns its `data` (`()` if it has `code` \
             only, all of it if neither); `.with_response()` adds the whole answer \
             ([`crate::ResponseMeta::body`])."
            );
            quote!(#[doc = ""] #[doc = #doc])
        });
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
    let billed_note = op.billed.then(|| {
        let doc = " Creates billed work (`x-zai-retry: billed`): resent only when the service \
                   provably did not process it; a failure once sent is \
                   [`crate::Error::OutcomeUnknown`], never resent (see [`crate::RetrySafety`]).";
        quote!(#[doc = ""] #[doc = #doc])
    });
    Ok(quote! {
        #doc
        #[doc = ""]
        #[doc = #http]
        #stream_note
        #billed_note
        #envelope_note
        #[inline]
        pub fn #name(&self, #(#params),*)
            -> impl Future<Output = Result<#ok, crate::runtime::Error>> + Send
        {
            #send
        }
    })
}

/// `zai::Client::<op>_stream`: the same request with `stream: true`, as typed SSE.
pub(super) fn stream_method(op: &Operation, index: usize, stream: &StreamSpec) -> TokenStream {
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
        #[doc = #doc]
        #[inline]
        pub fn #name(&self, #(#params),*)
            -> impl Future<Output = Result<crate::runtime::EventStream<types::#chunk>, crate::runtime::Error>> + Send
        {
            self.send_stream(#request)
        }
    }
}

/// How a stream of this chunk type ends (its operation's `x-zai-stream`).
pub(super) fn chunk_impl(stream: &StreamSpec) -> TokenStream {
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
        impl crate::runtime::StreamChunk for types::#chunk {
            const DONE: Option<&'static str> = #done;
            const FINAL_EVENT: Option<&'static str> = #final_event;
            fn is_final(&self) -> bool { #is_final }
        }
    }
}

/// `x-zai-wait`: a method polling the operation's task until it ends (and its
/// deprecated former name, if it was renamed).
pub(super) fn wait_method(
    spec: &Spec,
    op: &Operation,
    wait: &WaitSpec,
) -> Result<Vec<TokenStream>> {
    let own = snake_ident(&op.id);
    let (params, args) = arguments(op);
    let (name, result, body, doc, renamed_from) = match wait {
        WaitSpec::Submit {
            method,
            poll,
            id,
            renamed_from,
        } => {
            let target = spec
                .operations
                .iter()
                .find(|o| &o.id == poll)
                .ok_or_else(|| format!("{}: x-zai-wait polls unknown `{poll}`", op.id))?;
            let poll = snake_ident(poll);
            let op_id = &op.id;
            let body = quote! {
                let id = match options.journaled(#op_id)? {
                    Some(id) => id,
                    None => {
                        let task = self.#own(#(#args),*).await?;
                        let id = crate::runtime::task_id(&task, #id)?;
                        options.record(#op_id, &id)?;
                        id
                    }
                };
                let result = crate::runtime::poll_until(|| self.#poll(&id), options, progress).await;
                options.settle(&result)?;
                result
            };
            let doc = format!(
                " Calls [`Self::{own}`], then polls [`Self::{poll}`] with the task id it \
                 returns until the task ends (see [`crate::runtime::poll_until`]). With \
                 [`crate::runtime::PollOptions::journal`], the task id is recorded first, and a \
                 journal left by an earlier run is polled instead of creating another task."
            );
            (method, target, body, doc, renamed_from.as_deref())
        }
        WaitSpec::Repeat(method) => {
            let body = quote!(crate::runtime::poll_until(|| self.#own(#(#args),*), options, progress).await);
            let doc = format!(
                " Polls [`Self::{own}`] until the task ends (see [`crate::runtime::poll_until`])."
            );
            (method, op, body, doc, None)
        }
    };
    let name = snake_ident(name);
    let result = result
        .response
        .as_ref()
        .ok_or_else(|| format!("{}: the polled operation answers no JSON", op.id))?;
    let result = format_ident!("{result}");
    // A former name stays callable, deprecated, so a rename breaks no caller.
    let alias = renamed_from.map(|old| {
        let old = snake_ident(old);
        let note = format!("renamed to `{name}`");
        quote! {
            #[doc = #doc]
            #[deprecated(note = #note)]
            pub async fn #old(
                &self,
                #(#params,)*
                options: &crate::runtime::PollOptions,
                progress: impl FnMut(&crate::runtime::PollProgress<'_, types::#result>),
            ) -> Result<types::#result, crate::runtime::Error> {
                self.#name(#(#args,)* options, progress).await
            }
        }
    });
    let method = quote! {
        #[doc = #doc]
        pub async fn #name(
            &self,
            #(#params,)*
            options: &crate::runtime::PollOptions,
            progress: impl FnMut(&crate::runtime::PollProgress<'_, types::#result>),
        ) -> Result<types::#result, crate::runtime::Error> {
            #body
        }
    };
    Ok([method].into_iter().chain(alias).collect())
}

/// `x-zai-pages`: every page of a list (each as its method answers), as a stream.
pub(super) fn pages_method(op: &Operation, space: &TypeSpace) -> Result<TokenStream> {
    let own = snake_ident(&op.id);
    let name = format_ident!("{own}_pages");
    let (Some(query), Some(_), Some(paging)) = (&op.query, &op.response, &op.pages) else {
        return Err(format!(
            "{}: x-zai-pages needs a query and a JSON answer",
            op.id
        ));
    };
    let (query, page) = (format_ident!("{query}"), answer(op, space)?.0);
    let (next, how) = match paging {
        Paging::Cursor {
            cursor,
            items,
            has_more,
        } => {
            let setter = field_ident(cursor);
            let next = quote! {
                crate::runtime::Next::Cursor {
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
                crate::runtime::Next::Numbered {
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
        #[doc = #doc]
        pub fn #name<'a>(
            &'a self,
            #(#path: &'a str,)*
            query: types::#query,
        ) -> impl futures_core::Stream<Item = Result<#page, crate::runtime::Error>> + Send + Unpin + 'a {
            crate::runtime::pages(
                query,
                move |query| async move { self.#own(#(#path,)* &query).await },
                #next,
            )
        }
    })
}

/// `x-zai-task` schemas as [`crate::runtime::Task`] implementations.
pub(super) fn task_impls(spec: &Spec) -> Vec<TokenStream> {
    spec.tasks
        .iter()
        .map(|(name, task)| {
            let ident = format_ident!("{name}");
            let status = format!("/{}", task.status);
            let (success, failure) = (&task.success, &task.failure);
            let message = some_str(&task.message);
            quote! {
                impl crate::runtime::Task for types::#ident {
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
pub(super) fn operation_table(spec: &Spec) -> TokenStream {
    let rows = spec.operations.iter().map(|op| {
        let (id, method, path) = (&op.id, op.method.to_uppercase(), &op.path);
        let rust = snake_case(&op.id);
        let (base, auth, platform) = (some_str(&op.base), some_str(&op.auth), some_str(&op.platform));
        let multipart = op.multipart.is_some();
        let stream = op.stream.is_some();
        let retry = match op.billed {
            true => quote!(crate::runtime::RetrySafety::Billed),
            false => quote!(crate::runtime::RetrySafety::Transient),
        };
        let (fills_request_id, own_error) = (op.fills_request_id, op.own_error);
        let envelope = match &op.envelope {
            Some(codes) => quote!(Some(&[#(#codes),*])),
            None => quote!(None),
        };
        quote! {
            crate::runtime::Operation {
                id: #id, method: #method, path: #path, rust_method: #rust,
                base: #base, auth: #auth, multipart: #multipart, stream: #stream, platform: #platform,
                retry: #retry, fills_request_id: #fills_request_id,
                envelope: #envelope, own_error: #own_error,
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
        let gate = family(&op.tags);
        quote!(#gate #index => { #json #stream })
    });
    quote! {
        /// Every operation in spec/zai.yaml, in spec order.
        pub const OPERATIONS: &[crate::runtime::Operation] = &[#(#rows),*];

        /// Shows `visitor` the answer types of operation `index` of [`OPERATIONS`]:
        /// its JSON response type (none for a binary answer) and, if it streams,
        /// its chunk type. How tools reach every answer type (the
        /// response-decoding fuzz target).
        #[doc(hidden)]
        pub fn visit_answer_types(index: usize, visitor: &mut impl crate::runtime::AnswerTypes) {
            match index {
                #(#answers)*
                _ => {}
            }
        }
    }
}
