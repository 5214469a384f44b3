//! The Z.AI error body the mock answers a failing status with, read off the
//! spec's `components/responses/Error`.

use crate::spec::table;
use hyper::StatusCode;
use serde_json::Value;

/// The Z.AI error body the mock answers with `status`: the spec's error example
/// with the code and message that `x-zai-mock.errors` gives the status (or, for
/// another status, the status itself and its reason phrase).
///
/// ```
/// let body = zai_mock::error_body(429);
/// assert_eq!(body["error"]["code"], "1302");
/// assert_eq!(body["error"]["message"], "Rate limit reached for requests");
/// assert_eq!(zai_mock::error_body(418)["error"]["code"], "418");
/// ```
pub fn error_body(status: u16) -> Value {
    let table = table();
    let (code, message) = table
        .errors
        .iter()
        .find(|(s, ..)| *s == status)
        .map(|(_, c, m)| (c.clone(), m.clone()))
        .unwrap_or_else(|| {
            let reason = StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("Error");
            (status.to_string(), reason.to_owned())
        });
    let mut body = table.error_example.clone();
    body["error"] = serde_json::json!({ "code": code, "message": message });
    body
}
