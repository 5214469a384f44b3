//! Unit tests of `src/runtime/answer.rs` (compiled into the library's test build).
use super::*;
use crate::operations::{OPERATIONS, visit_answer_types};

/// Counts the types shown, and decodes `{}` as each JSON one.
#[derive(Default)]
struct Seen {
    json: usize,
    stream: usize,
    decode_errors_keeping_body: usize,
}

impl AnswerTypes for Seen {
    fn json<T: serde::de::DeserializeOwned>(&mut self) {
        self.json += 1;
        if let Err(Error::Decode { status, body, .. }) = decode_json::<T>(200, Bytes::from("[1]")) {
            assert_eq!((status, &body[..]), (200, &b"[1]"[..]));
            self.decode_errors_keeping_body += 1;
        }
    }

    fn stream<T: StreamChunk>(&mut self) {
        self.stream += 1;
    }
}

#[test]
fn every_operation_shows_its_answer_types() {
    for (index, operation) in OPERATIONS.iter().enumerate() {
        let mut seen = Seen::default();
        visit_answer_types(index, &mut seen);
        assert!(seen.json <= 1, "{}", operation.id);
        assert_eq!(
            seen.stream,
            usize::from(operation.stream),
            "{}",
            operation.id
        );
    }
    let mut all = Seen::default();
    for index in 0..OPERATIONS.len() {
        visit_answer_types(index, &mut all);
    }
    // Binary answers (file content, speech) have no JSON type; all others do.
    assert!(
        all.json > OPERATIONS.len() * 3 / 4,
        "{} of {}",
        all.json,
        OPERATIONS.len()
    );
    assert!(all.decode_errors_keeping_body > 0);
    let mut none = Seen::default();
    visit_answer_types(OPERATIONS.len(), &mut none);
    assert_eq!((none.json, none.stream), (0, 0));
}

#[test]
fn a_top_level_error_is_found_wherever_it_is_and_whatever_it_holds() {
    for data in [
        r#"{"error":{"code":"1301","message":"unsafe"}}"#,
        r#"{"contentFilter":[{"level":1}],"error":{"code":"1301"}}"#,
        r#"{"id":"x","choices":[],"error":"boom"}"#,
        r#"{"error":0}"#,
        r#"{"error":false}"#,
        r#"{"error":null,"error":{"code":"1"}}"#,
    ] {
        assert!(top_level_error(data.as_bytes()).is_some(), "{data}");
    }
    for data in [
        r#"{"id":"x","choices":[{"index":0,"delta":{"content":"error"}}]}"#,
        r#"{"id":"\"error\"","choices":[]}"#,
        r#"{"error":null}"#,
        r#"{"error":{"code":"1"},"error":null}"#,
        r#"{"web_search":[{"error":"x"}]}"#,
        r#"{"errors":{"code":"1"},"rror":1}"#,
        r#"["error"]"#,
        r#"{"error":{"code":"1"} trailing"#,
    ] {
        assert!(top_level_error(data.as_bytes()).is_none(), "{data}");
    }
}
