//! `cargo xtask api-diff [BASE]`: the public API change of the generated code
//! (generated/types.rs and generated/operations.rs, what a regeneration changes)
//! between git revision BASE (default: the latest tag, else `HEAD`) and the working
//! tree, with a semver verdict.
//!
//! Read with `syn`: every public struct (its public fields), enum (its variants;
//! `open_enum!` invocations too), function and method (its signature), and trait
//! impl. Removing or changing any of them is breaking; adding is additive, except
//! a field added to a struct or a variant to an enum that was not
//! `#[non_exhaustive]` (a user's struct literal or exhaustive `match` breaks).
//! Hand-written code is reviewed in its diff and not compared here.

use quote::ToTokens;
use std::collections::BTreeMap;
use std::process::Command;

/// The generated files compared, relative to the workspace root.
const FILES: [&str; 2] = ["generated/types.rs", "generated/operations.rs"];

/// One public item: what it is and its members (field, variant or signature text).
#[derive(Debug, Default, PartialEq)]
struct Item {
    kind: &'static str,
    /// `#[non_exhaustive]`: members may be added without breaking users.
    open: bool,
    members: BTreeMap<String, String>,
}

/// Public items by name (`ChatCompletionResponse`, `Client::create_chat_completion`).
type Api = BTreeMap<String, Item>;

/// One difference, and whether it breaks users.
#[derive(Debug, PartialEq)]
pub struct Change {
    pub breaking: bool,
    pub text: String,
}

/// The public items of some Rust source files.
fn api(sources: &[String]) -> Result<Api, String> {
    let mut api = Api::new();
    for source in sources {
        let file = syn::parse_file(source).map_err(|e| e.to_string())?;
        collect(&file.items, &mut api);
    }
    Ok(api)
}

/// Tokens as compact text (`Option<String>`, not `Option < String >`).
fn text(tokens: &impl ToTokens) -> String {
    let spaced = tokens.to_token_stream().to_string();
    let mut out = spaced;
    for (from, to) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" < ", "<"),
        ("< ", "<"),
        (" <", "<"),
        (" >", ">"),
        (" ,", ","),
        ("& ", "&"),
        (" (", "("),
        (" : ", ": "),
        (",)", ")"),
        (",>", ">"),
    ] {
        out = out.replace(from, to);
    }
    out
}

/// The last segment of a type path (`crate::runtime::Client` → `Client`).
fn last_name(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(p) => p
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        other => text(other),
    }
}

fn is_pub(vis: &syn::Visibility) -> bool {
    matches!(vis, syn::Visibility::Public(_))
}

fn non_exhaustive(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("non_exhaustive"))
}

fn collect(items: &[syn::Item], api: &mut Api) {
    for item in items {
        match item {
            syn::Item::Mod(m) if is_pub(&m.vis) => {
                if let Some((_, items)) = &m.content {
                    collect(items, api);
                }
            }
            syn::Item::Struct(s) if is_pub(&s.vis) => {
                let fields = s.fields.iter().enumerate().filter(|(_, f)| is_pub(&f.vis));
                let members = fields.map(|(i, f)| {
                    let name = f.ident.as_ref().map_or(i.to_string(), ToString::to_string);
                    (name, text(&f.ty))
                });
                let open = non_exhaustive(&s.attrs) || s.fields.iter().any(|f| !is_pub(&f.vis));
                let members = members.collect();
                api.insert(
                    s.ident.to_string(),
                    Item {
                        kind: "struct",
                        open,
                        members,
                    },
                );
            }
            syn::Item::Enum(e) if is_pub(&e.vis) => {
                let members = e
                    .variants
                    .iter()
                    .map(|v| (v.ident.to_string(), text(&v.fields)));
                let open = non_exhaustive(&e.attrs);
                let members = members.collect();
                api.insert(
                    e.ident.to_string(),
                    Item {
                        kind: "enum",
                        open,
                        members,
                    },
                );
            }
            syn::Item::Macro(m)
                if m.mac
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "open_enum") =>
            {
                if let Some((name, item)) = open_enum(&m.mac.tokens) {
                    api.insert(name, item);
                }
            }
            syn::Item::Fn(f) if is_pub(&f.vis) => {
                let item = Item {
                    kind: "fn",
                    open: false,
                    members: [(String::new(), text(&f.sig))].into(),
                };
                api.insert(f.sig.ident.to_string(), item);
            }
            syn::Item::Impl(i) => {
                let owner = last_name(&i.self_ty);
                if let Some((path, _)) = &i.trait_ {
                    let name = format!("impl {} for {owner}", text(path));
                    api.insert(
                        name,
                        Item {
                            kind: "impl",
                            ..Item::default()
                        },
                    );
                    continue;
                }
                for f in &i.items {
                    if let syn::ImplItem::Fn(f) = f
                        && is_pub(&f.vis)
                    {
                        let item = Item {
                            kind: "method",
                            open: false,
                            members: [(String::new(), text(&f.sig))].into(),
                        };
                        api.insert(format!("{owner}::{}", f.sig.ident), item);
                    }
                }
            }
            _ => {}
        }
    }
}

/// `open_enum! { #[doc = ".."] Name { A = "a", B = "b" } }`: an open enum (always
/// `#[non_exhaustive]`, with `Unknown(String)`).
fn open_enum(tokens: &proc_macro2::TokenStream) -> Option<(String, Item)> {
    use proc_macro2::TokenTree;
    let mut name = None;
    for token in tokens.clone() {
        match token {
            TokenTree::Ident(ident) => name = Some(ident.to_string()),
            TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::Brace => {
                let variants = g.stream().into_iter().filter_map(|t| match t {
                    TokenTree::Ident(variant) => Some((variant.to_string(), String::new())),
                    _ => None,
                });
                let mut members: BTreeMap<String, String> = variants.collect();
                members.insert("Unknown".into(), "(String)".into());
                return Some((
                    name?,
                    Item {
                        kind: "enum",
                        open: true,
                        members,
                    },
                ));
            }
            _ => {}
        }
    }
    None
}

/// Every change from `base` to `head`.
fn compare(base: &Api, head: &Api) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut push = |breaking: bool, text: String| changes.push(Change { breaking, text });
    for (name, old) in base {
        let Some(new) = head.get(name) else {
            push(true, format!("removed: {}", labelled(old.kind, name)));
            continue;
        };
        if new.kind != old.kind {
            push(
                true,
                format!("changed: {name} from {} to {}", old.kind, new.kind),
            );
            continue;
        }
        if new.open != old.open && matches!(new.kind, "struct" | "enum") {
            let what = if new.open {
                "now #[non_exhaustive]"
            } else {
                "no longer #[non_exhaustive]"
            };
            push(new.open, format!("changed: {} {name} is {what}", new.kind));
        }
        for (member, old_text) in &old.members {
            let label = member_label(name, member);
            match new.members.get(member) {
                None => push(true, format!("removed: {label}")),
                Some(new_text) if new_text != old_text => {
                    push(true, format!("changed: {label}: {old_text} → {new_text}"))
                }
                Some(_) => {}
            }
        }
        for (member, new_text) in &new.members {
            if !old.members.contains_key(member) {
                let label = member_label(name, member);
                let why = if old.open {
                    ""
                } else {
                    " (breaking: not #[non_exhaustive])"
                };
                let detail = if new_text.is_empty() {
                    String::new()
                } else {
                    format!(": {new_text}")
                };
                push(!old.open, format!("added: {label}{detail}{why}"));
            }
        }
    }
    for (name, new) in head.iter().filter(|(name, _)| !base.contains_key(*name)) {
        let detail = new
            .members
            .get("")
            .map(|sig| format!(": {sig}"))
            .unwrap_or_default();
        push(
            false,
            format!("added: {}{detail}", labelled(new.kind, name)),
        );
    }
    changes
}

/// `struct X`, `method X::f`; a trait impl's name says what it is already.
fn labelled(kind: &str, name: &str) -> String {
    match kind {
        "impl" => name.to_owned(),
        kind => format!("{kind} {name}"),
    }
}

fn member_label(owner: &str, member: &str) -> String {
    match member {
        "" => owner.to_owned(),
        m => format!("{owner}.{m}"),
    }
}

/// The verdict line for a crate at `version` (Cargo's rules: in 0.x the minor
/// number is the breaking one).
pub fn verdict(changes: &[Change], version: &str, base: &str) -> String {
    let breaking = changes.iter().filter(|c| c.breaking).count();
    let additive = changes.len() - breaking;
    let parts: Vec<u64> = version.split('.').filter_map(|p| p.parse().ok()).collect();
    let [major, minor, patch] = parts[..] else {
        return format!("api-diff: {breaking} breaking, {additive} additive changes since {base}");
    };
    let (kind, next) = match (breaking > 0, additive > 0, major) {
        (true, _, 0) => ("breaking", format!("0.{}.0", minor + 1)),
        (true, _, _) => ("breaking", format!("{}.0.0", major + 1)),
        (false, true, 0) => ("additive", format!("0.{minor}.{}", patch + 1)),
        (false, true, _) => ("additive", format!("{major}.{}.0", minor + 1)),
        (false, false, _) => ("none", version.to_owned()),
    };
    format!(
        "api-diff: {breaking} breaking, {additive} additive changes since {base}: semver {kind} ({version} → {next})"
    )
}

/// The report: one line per change, then the verdict.
pub fn run(root: &std::path::Path, base: Option<&str>) -> Result<String, String> {
    let git = |args: &[&str]| -> Result<String, String> {
        let out = Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .map_err(|e| e.to_string())?;
        match out.status.success() {
            true => Ok(String::from_utf8_lossy(&out.stdout).into_owned()),
            false => Err(String::from_utf8_lossy(&out.stderr).trim().to_owned()),
        }
    };
    let base = match base {
        Some(base) => base.to_owned(),
        None => git(&["describe", "--tags", "--abbrev=0"])
            .map_or("HEAD".into(), |t| t.trim().to_owned()),
    };
    let old: Vec<String> = FILES
        .iter()
        .map(|f| git(&["show", &format!("{base}:{f}")]))
        .collect::<Result<_, _>>()?;
    let new: Vec<String> = FILES
        .iter()
        .map(|f| std::fs::read_to_string(root.join(f)).map_err(|e| format!("{f}: {e}")))
        .collect::<Result<_, _>>()?;
    let changes = compare(&api(&old)?, &api(&new)?);
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).map_err(|e| e.to_string())?;
    let version = manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or("");
    let mut out: String = changes.iter().map(|c| c.text.clone() + "\n").collect();
    out += &verdict(&changes, version, &base);
    Ok(out + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(old: &str, new: &str) -> Vec<Change> {
        compare(
            &api(&[old.to_owned()]).unwrap(),
            &api(&[new.to_owned()]).unwrap(),
        )
    }

    const BASE: &str = r#"
        pub mod types {
            #[non_exhaustive] pub struct Open { pub a: Option<String> }
            pub struct Closed { pub a: i64 }
            #[non_exhaustive] pub enum Kind { A, B(String) }
            crate::open_enum::open_enum! { #[doc = " x"] Status { Done = "done" } }
        }
        impl crate::runtime::Client { pub async fn get_thing(&self, id: &str) -> Result<types::Open, Error> { todo!() } }
    "#;

    #[test]
    fn additions_to_non_exhaustive_types_are_additive_and_the_rest_breaks() {
        let head = r#"
            pub mod types {
                #[non_exhaustive] pub struct Open { pub a: Option<String>, pub b: Option<i64> }
                pub struct Closed { pub a: i64, pub c: bool }
                #[non_exhaustive] pub enum Kind { A, B(String), C }
                crate::open_enum::open_enum! { #[doc = " x"] Status { Done = "done", Failed = "failed" } }
                #[non_exhaustive] pub struct New { pub x: String }
            }
            impl crate::runtime::Client { pub async fn get_thing(&self, id: &str) -> Result<types::Open, Error> { todo!() }
                pub async fn new_thing(&self) -> Result<types::New, Error> { todo!() } }
        "#;
        let changes = diff(BASE, head);
        let lines: Vec<(bool, &str)> = changes
            .iter()
            .map(|c| (c.breaking, c.text.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (
                    true,
                    "added: Closed.c: bool (breaking: not #[non_exhaustive])"
                ),
                (false, "added: Kind.C"),
                (false, "added: Open.b: Option<i64>"),
                (false, "added: Status.Failed"),
                (
                    false,
                    "added: method Client::new_thing: async fn new_thing(&self) -> Result<types::New, Error>"
                ),
                (false, "added: struct New"),
            ]
        );
        assert_eq!(
            verdict(&changes, "0.1.0", "v0.1.0"),
            "api-diff: 1 breaking, 5 additive changes since v0.1.0: semver breaking (0.1.0 → 0.2.0)"
        );
    }

    #[test]
    fn removals_and_changed_signatures_break() {
        let head = r#"
            pub mod types {
                #[non_exhaustive] pub struct Open { pub a: String }
                #[non_exhaustive] pub struct Closed { pub a: i64 }
                #[non_exhaustive] pub enum Kind { A }
                crate::open_enum::open_enum! { #[doc = " x"] Status { Done = "done" } }
            }
        "#;
        let changes = diff(BASE, head);
        let lines: Vec<&str> = changes
            .iter()
            .filter(|c| c.breaking)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(
            lines,
            [
                "removed: method Client::get_thing",
                "changed: struct Closed is now #[non_exhaustive]",
                "removed: Kind.B",
                "changed: Open.a: Option<String> → String",
            ]
        );
        assert_eq!(
            verdict(&[], "1.2.3", "HEAD"),
            "api-diff: 0 breaking, 0 additive changes since HEAD: semver none (1.2.3 → 1.2.3)"
        );
    }
}
