//! Feature gates of generated items. Each API family (a spec tag) is a Cargo
//! feature of the same name; a type compiles when a family whose operations reach
//! it is on, so a dependent compiles only the families it enables.

use crate::spec::Spec;
use proc_macro2::{TokenStream, TokenTree};
use quote::{ToTokens, quote};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use typify::{TypeDetails, TypeEnumVariant, TypeId, TypeSpace};

type Families = BTreeSet<String>;

/// The families needing each type, by name. A type absent is always compiled:
/// no operation reaches it, or an `x-zai-core` schema (the runtime names it) or
/// another type always compiled contains it.
pub(super) struct Gates(BTreeMap<String, Families>);

impl Gates {
    /// Follows every tagged operation's schemas (body, query, answer, stream
    /// chunk) through the types they contain.
    pub(super) fn read(spec: &Spec, space: &TypeSpace) -> Self {
        let contents = contents(spec, space);
        let mut gates: BTreeMap<String, Families> = BTreeMap::new();
        // An operation without a family compiles always, as what it reaches.
        for op in spec.operations.iter().filter(|op| !op.tags.is_empty()) {
            let bodies = [&op.json_body, &op.multipart, &op.query, &op.response];
            let chunk = op.stream.as_ref().map(|s| s.chunk.clone());
            let roots = bodies.into_iter().flatten().cloned().chain(chunk).collect();
            reach(&contents, roots, |name| {
                let gate = gates.entry(name.to_owned()).or_default();
                let before = gate.len();
                gate.extend(op.tags.iter().cloned());
                gate.len() > before
            });
        }
        // Always compiled, with what they contain: what no operation reaches and
        // what the runtime names.
        let core = spec.schemas.iter().filter(|(_, s)| s["x-zai-core"] == true);
        let core = core.map(|(name, _)| name.clone());
        let unreached = contents
            .keys()
            .filter(|name| !gates.contains_key(*name))
            .cloned();
        let mut seen = BTreeSet::new();
        reach(&contents, core.chain(unreached).collect(), |name| {
            gates.remove(name);
            seen.insert(name.to_owned())
        });
        Gates(gates)
    }

    /// Puts `#[cfg(...)]` on every item in `items` (and in their inline modules)
    /// that names a gated type and has no `cfg` of its own: it compiles when every
    /// type it names does.
    pub(super) fn apply(&self, items: &mut [syn::Item]) {
        for item in items {
            if let syn::Item::Mod(module) = item {
                if let Some((_, inner)) = &mut module.content {
                    self.apply(inner);
                }
                continue;
            }
            let mut named = Vec::new();
            self.named(item.to_token_stream(), &mut named);
            let Some(attrs) = attrs(item) else { continue };
            if attrs.iter().any(|a| a.path().is_ident("cfg")) {
                continue;
            }
            if let Some(gate) = condition(named) {
                attrs.push(syn::parse_quote!(#gate));
            }
        }
    }

    /// The `#[cfg(...)]` of an item naming type `name` (none if it is always compiled).
    pub(super) fn of(&self, name: &str) -> Option<TokenStream> {
        condition(self.0.get(name).into_iter().collect())
    }

    /// The gates of the types `tokens` names.
    fn named<'a>(&'a self, tokens: TokenStream, out: &mut Vec<&'a Families>) {
        for tree in tokens {
            match tree {
                TokenTree::Ident(ident) => out.extend(self.0.get(&ident.to_string())),
                TokenTree::Group(group) => self.named(group.stream(), out),
                _ => {}
            }
        }
    }
}

/// The `#[cfg(...)]` of an item naming types gated by `named`: on when each of
/// them is (none if `named` is empty).
fn condition(named: Vec<&Families>) -> Option<TokenStream> {
    // A set of families containing another's adds no condition.
    let needed: BTreeSet<&Families> = named
        .iter()
        .copied()
        .filter(|set| {
            !named
                .iter()
                .any(|other| other != set && other.is_subset(set))
        })
        .collect();
    let any = needed.iter().map(|families| match families.len() {
        1 => families.iter().map(|f| quote!(feature = #f)).collect(),
        _ => {
            let families = families.iter();
            quote!(any(#(feature = #families),*))
        }
    });
    match needed.len() {
        0 => None,
        1 => Some(quote!(#[cfg(#(#any)*)])),
        _ => Some(quote!(#[cfg(all(#(#any),*))])),
    }
}

/// The `#[cfg(...)]` of an operation's methods: on with any of its families
/// (none without a family: always compiled).
pub(super) fn family(tags: &[String]) -> Option<TokenStream> {
    let families: Families = tags.iter().cloned().collect();
    condition(
        vec![&families]
            .into_iter()
            .filter(|f| !f.is_empty())
            .collect(),
    )
}

/// Visits `roots` and the types they contain, as long as `visit` says a type is new.
fn reach(
    contents: &BTreeMap<String, BTreeSet<String>>,
    mut todo: Vec<String>,
    mut visit: impl FnMut(&str) -> bool,
) {
    while let Some(name) = todo.pop() {
        if visit(&name) {
            todo.extend(contents.get(&name).into_iter().flatten().cloned());
        }
    }
}

/// The types each type contains directly: its fields and variants in typify's
/// model, and its spec schema's `$ref`s (which also cover the schemas typify
/// does not generate: multipart bodies, open enums and unions).
fn contents(spec: &Spec, space: &TypeSpace) -> BTreeMap<String, BTreeSet<String>> {
    let mut contents: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for ty in space.iter_types() {
        let ids: Vec<TypeId> = match ty.details() {
            TypeDetails::Struct(s) => s.properties().map(|(_, id)| id).collect(),
            TypeDetails::Newtype(n) => vec![n.inner()],
            TypeDetails::Enum(e) => e
                .variants()
                .flat_map(|(_, variant)| match variant {
                    TypeEnumVariant::Simple => Vec::new(),
                    TypeEnumVariant::Tuple(ids) => ids,
                    TypeEnumVariant::Struct(fields) => fields.into_iter().map(|f| f.1).collect(),
                })
                .collect(),
            _ => continue,
        };
        let named = contents.entry(ty.name()).or_default();
        for id in ids {
            named_in(space, &id, named);
        }
    }
    for (name, schema) in &spec.schemas {
        refs(schema, contents.entry(name.clone()).or_default());
    }
    for union in &spec.open_unions {
        let known = format!("{}Known", union.name);
        contents
            .entry(union.name.clone())
            .or_default()
            .insert(known);
    }
    contents
}

/// The named types type `id` is or holds (through `Option`, `Vec`, maps…).
fn named_in(space: &TypeSpace, id: &TypeId, out: &mut BTreeSet<String>) {
    let Ok(ty) = space.get_type(id) else { return };
    match ty.details() {
        TypeDetails::Struct(_) | TypeDetails::Enum(_) | TypeDetails::Newtype(_) => {
            out.insert(ty.name());
        }
        TypeDetails::Option(inner)
        | TypeDetails::Vec(inner)
        | TypeDetails::Set(inner)
        | TypeDetails::Box(inner)
        | TypeDetails::Array(inner, _) => named_in(space, &inner, out),
        TypeDetails::Map(key, value) => {
            named_in(space, &key, out);
            named_in(space, &value, out);
        }
        TypeDetails::Tuple(ids) => ids.for_each(|id| named_in(space, &id, out)),
        TypeDetails::Builtin(_) | TypeDetails::Unit | TypeDetails::String => {}
    }
}

/// Every component `$ref` anywhere in `schema`.
fn refs(schema: &Value, out: &mut BTreeSet<String>) {
    match schema {
        Value::Object(map) => {
            let target = map.get("$ref").and_then(Value::as_str);
            out.extend(
                target
                    .and_then(|r| r.strip_prefix("#/components/schemas/"))
                    .map(str::to_owned),
            );
            map.values().for_each(|v| refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

fn attrs(item: &mut syn::Item) -> Option<&mut Vec<syn::Attribute>> {
    Some(match item {
        syn::Item::Struct(i) => &mut i.attrs,
        syn::Item::Enum(i) => &mut i.attrs,
        syn::Item::Impl(i) => &mut i.attrs,
        syn::Item::Fn(i) => &mut i.attrs,
        syn::Item::Type(i) => &mut i.attrs,
        syn::Item::Const(i) => &mut i.attrs,
        syn::Item::Trait(i) => &mut i.attrs,
        _ => return None,
    })
}
