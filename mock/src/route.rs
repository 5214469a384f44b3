//! Matching a request's method and path to the operation that serves it: at its
//! spec path from the server root, and under the real API's bases.

use crate::parse::percent_decode;
use crate::spec::{Operation, table};

/// The `paas/v4` bases of the real API (general and GLM Coding Plan).
const PAAS_BASES: [&str; 2] = ["/api/paas/v4", "/api/coding/paas/v4"];
/// The API root, base of `x-zai-base: root` operations.
const ROOT_BASE: &str = "/api";

/// Which operations a request path reaches once a base is taken off it.
#[derive(Clone, Copy)]
enum Mount {
    /// The server root: every operation at its spec path.
    Any,
    /// A `paas/v4` base: its operations, and root ones too (both official SDKs join
    /// `v1/agents` onto the `paas/v4` base).
    Paas,
    /// `/api`: the root operations.
    Root,
}

impl Mount {
    fn serves(self, op: &Operation) -> bool {
        match self {
            Mount::Any | Mount::Paas => true,
            Mount::Root => op.root,
        }
    }
}

/// The ways `path` can be read: as is, and minus each base it starts with.
fn mounts(path: &str) -> Vec<(&str, Mount)> {
    let under = |base: &str| path.strip_prefix(base).filter(|rest| rest.starts_with('/'));
    let mut mounts = vec![(path, Mount::Any)];
    mounts.extend(
        PAAS_BASES
            .iter()
            .filter_map(|b| Some((under(b)?, Mount::Paas))),
    );
    mounts.extend(under(ROOT_BASE).map(|rest| (rest, Mount::Root)));
    mounts
}

/// The operation serving `method path`, how many literal segments its template
/// matched and the path parameters' values; `Err(true)` when the path exists
/// under another method.
pub(crate) fn route(
    method: &str,
    path: &str,
) -> Result<(&'static Operation, usize, Vec<String>), bool> {
    let mut best: Option<(&Operation, usize, Vec<String>)> = None;
    let mut other_method = false;
    for (rest, mount) in mounts(path) {
        for op in table().operations.iter().filter(|op| mount.serves(op)) {
            let Some((literals, params)) = matches(&op.path, rest) else {
                continue;
            };
            if !op.method.eq_ignore_ascii_case(method) {
                other_method = true;
            } else if best.as_ref().is_none_or(|(_, l, _)| literals > *l) {
                best = Some((op, literals, params));
            }
        }
    }
    best.ok_or(other_method)
}

/// Number of literal segments and the parameter values when `path` matches
/// `template`.
fn matches(template: &str, path: &str) -> Option<(usize, Vec<String>)> {
    let t: Vec<&str> = template.trim_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_matches('/').split('/').collect();
    if t.len() != p.len() {
        return None;
    }
    let mut literals = 0;
    let mut params = Vec::new();
    for (t, p) in t.iter().zip(&p) {
        if t.starts_with('{') && t.ends_with('}') {
            if p.is_empty() {
                return None;
            }
            params.push(percent_decode(p));
        } else if t == p {
            literals += 1;
        } else {
            return None;
        }
    }
    Some((literals, params))
}

/// The methods served at `path` by its most specific path template (for a 405's
/// `Allow`): `/files/ocr` allows `POST`, not `/files/{file_id}`'s `DELETE`.
pub(crate) fn allowed_methods(path: &str) -> String {
    let served: Vec<(&str, usize)> = ["GET", "POST", "PUT", "PATCH", "DELETE"]
        .into_iter()
        .filter_map(|m| Some((m, route(m, path).ok()?.1)))
        .collect();
    let best = served.iter().map(|(_, l)| *l).max().unwrap_or(0);
    served
        .iter()
        .filter(|(_, l)| *l == best)
        .map(|(m, _)| *m)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_at_the_root_and_under_the_real_bases() {
        let id = |method, path| route(method, path).map(|(op, ..)| op.id.as_str());
        for path in [
            "/chat/completions",
            "/api/paas/v4/chat/completions",
            "/api/coding/paas/v4/chat/completions",
        ] {
            assert_eq!(id("POST", path), Ok("createChatCompletion"), "{path}");
        }
        for path in ["/v1/agents", "/api/v1/agents", "/api/paas/v4/v1/agents"] {
            assert_eq!(id("POST", path), Ok("createAgentCompletion"), "{path}");
        }
        assert_eq!(
            id("POST", "/api/anthropic/v1/messages"),
            Ok("createMessage")
        );
        // paas operations are not under the bare API root, nor under look-alikes.
        assert_eq!(id("POST", "/api/chat/completions"), Err(false));
        assert_eq!(id("POST", "/apix/paas/v4/chat/completions"), Err(false));
        assert_eq!(id("GET", "/api/paas/v4/chat/completions"), Err(true));
        assert_eq!(allowed_methods("/api/paas/v4/files/ocr"), "POST");
    }
}
