//! Reading a request's text: its query string, its body (a JSON object or a
//! multipart/form-data form) and whether its auth header holds a plausible key.

use crate::call::FilePart;
use bytes::Bytes;
use serde_json::Value;

/// A request body as the rules read it: a JSON object, or a multipart form's text
/// parts as a JSON object of strings and its file parts (`multipart`, the
/// operation's kind). `Null` for no body; `None` for a JSON body that is not an
/// object.
pub(crate) fn body(
    multipart: bool,
    content_type: &str,
    body: &[u8],
) -> Option<(Value, Vec<FilePart>)> {
    if multipart {
        return Some(form(content_type, body));
    }
    if body.is_empty() {
        return Some((Value::Null, Vec::new()));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(v @ Value::Object(_)) => Some((v, Vec::new())),
        _ => None,
    }
}

/// A multipart/form-data body: its text parts as a JSON object of strings, and
/// its file parts.
fn form(content_type: &str, body: &[u8]) -> (Value, Vec<FilePart>) {
    let mut fields = serde_json::Map::new();
    let mut files = Vec::new();
    let Some(boundary) = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| format!("--{}", b.trim_matches('"')))
    else {
        return (Value::Object(fields), files);
    };
    for part in split(body, boundary.as_bytes()) {
        let Some(at) = find(part, b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&part[..at]);
        let value = &part[at + 4..];
        let value = value.strip_suffix(b"\r\n").unwrap_or(value);
        let param = |key: &str| {
            head.split([';', '\r', '\n'])
                .find_map(|p| p.trim().strip_prefix(key))
                .map(|v| v.trim_matches('"').to_owned())
        };
        let Some(name) = param("name=") else {
            continue;
        };
        match param("filename=") {
            Some(filename) => files.push(FilePart {
                name,
                filename,
                bytes: Bytes::copy_from_slice(value),
            }),
            None => {
                let text = String::from_utf8_lossy(value).into_owned();
                fields.insert(name, Value::String(text));
            }
        }
    }
    (Value::Object(fields), files)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn split<'a>(mut body: &'a [u8], boundary: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    while let Some(at) = find(body, boundary) {
        parts.push(&body[..at]);
        body = &body[at + boundary.len()..];
    }
    parts.push(body);
    parts
}

/// `a=1&b=x%20y` as pairs, decoded.
pub(crate) fn query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (
                percent_decode(&k.replace('+', " ")),
                percent_decode(&v.replace('+', " ")),
            )
        })
        .collect()
}

/// `%XX` escapes decoded (a malformed one stays as it is), as UTF-8 text.
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || u8::from_str_radix(text.get(i + 1..i + 3)?, 16).ok();
        match (bytes[i], hex()) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A Z.AI key (`id.secret`) or a JWT (`a.b.c`), bare or after a `Bearer` scheme
/// (any case).
pub(crate) fn plausible_key(value: &str) -> bool {
    let value = value.trim();
    let key = match value.split_once(' ') {
        Some((scheme, key)) if scheme.eq_ignore_ascii_case("bearer") => key.trim(),
        _ => value,
    };
    key.split('.').count() >= 2
        && key.split('.').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_=".contains(&b))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_plausible_with_any_bearer_case() {
        for good in [
            "a.b",
            "Bearer a.b",
            "bearer a.b",
            "BEARER a.b",
            " Bearer  x-1.y_2= ",
        ] {
            assert!(plausible_key(good), "{good:?}");
        }
        for bad in [
            "",
            "Bearer",
            "Bearer ab",
            "Basic a.b",
            "a..b",
            "a.b c",
            "Bearer a b.c",
        ] {
            assert!(!plausible_key(bad), "{bad:?}");
        }
    }
}
