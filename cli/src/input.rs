//! Reading arguments: JSON (inline or `@file`), `key=value` pairs, seconds, files to upload.

use crate::failure::Failure;
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

/// A JSON argument, given inline or as `@file`; `what` names it in errors.
pub(crate) fn json_arg(text: &str, what: &str) -> Result<Value, Failure> {
    let text = match text.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| Failure::Usage(format!("{what}: cannot read {path}: {e}")))?,
        None => text.to_owned(),
    };
    serde_json::from_str(&text).map_err(|e| Failure::Usage(format!("{what}: not JSON: {e}")))
}

/// A file to upload, its media type guessed from its extension.
pub(crate) fn file_part(path: &Path) -> Result<zai::FilePart, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let content_type = match ext.as_deref() {
        Some("wav") => "audio/wav",
        Some("mp3") => "audio/mpeg",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("pdf") => "application/pdf",
        Some("jsonl") => "application/jsonl",
        Some("txt") => "text/plain",
        _ => "application/octet-stream",
    };
    Ok(zai::FilePart::new(bytes, name, content_type))
}

/// Repeated `flag`'s `key=value` items, split.
pub(crate) fn pairs(items: &[String], flag: &str) -> Result<Vec<(String, String)>, Failure> {
    items
        .iter()
        .map(|item| {
            item.split_once('=')
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .ok_or_else(|| Failure::Usage(format!("{flag} {item}: expected key=value")))
        })
        .collect()
}

/// A flag's seconds as a duration, or a usage error for a negative or
/// non-finite number.
pub(crate) fn seconds(flag: &str, secs: f64) -> Result<Duration, Failure> {
    Duration::try_from_secs_f64(secs)
        .map_err(|_| Failure::Usage(format!("{flag} {secs}: not a duration")))
}
