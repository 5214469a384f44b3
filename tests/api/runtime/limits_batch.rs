//! Fault-matrix cases of batch jobs' input and state checks: duplicate ids across
//! parts, a changed or extended input on resume, crafted state files.
use super::limits::{Case, check};
use serde_json::json;
use zai::Error;

/// Batch input and state checks.
pub(super) fn cases() -> Vec<Case> {
    vec![(
        "a crafted batch state file: an error, no panic",
        Box::pin(async {
            let path =
                std::env::temp_dir().join(format!("zai-crafted-{}.json", std::process::id()));
            let part = json!({"requests": u64::MAX, "bytes": 1, "last_id": "a", "batch_id": "b"});
            let state =
                json!({"version": 1, "endpoint": "/v4/chat/completions", "parts": [part, part]});
            std::fs::write(&path, state.to_string()).map_err(|e| e.to_string())?;
            let result = zai::BatchProgress::from_state_file(&path);
            let _ = std::fs::remove_file(&path);
            check(
                matches!(&result, Err(Error::InvalidRequest(m)) if m.contains("do not add up")),
                result,
            )
        }),
    )]
}
