//! Unit tests of `src/runtime/stream/probe.rs` (compiled into the library's test build).
use super::*;
use crate::types::{AnthropicStreamEvent, ChatCompletionChunk};

/// What the probe says of `data` read as a chat chunk: parsed, and error seen.
fn chunk(data: &str) -> (bool, bool) {
    let (result, error) = from_str_noting_error::<ChatCompletionChunk>(data);
    (result.is_ok(), error)
}

/// What `serde_json::Value` says: a top-level object with a non-null `error`.
fn value_says(data: &str) -> bool {
    matches!(
        serde_json::from_str::<serde_json::Value>(data),
        Ok(serde_json::Value::Object(map)) if map.get("error").is_some_and(|e| !e.is_null())
    )
}

#[test]
fn top_level_error_is_noticed_wherever_it_is_and_whatever_it_holds() {
    for data in [
        r#"{"error":{"code":"1301","message":"unsafe"}}"#,
        r#"{"contentFilter":[{"level":1}],"error":{"code":"1301"}}"#,
        r#"{"id":"x","choices":[],"error":"boom"}"#,
        r#"{"error":0}"#,
        r#"{"error":[]}"#,
        r#"{"error":false}"#,
        r#"{"err\u006fr":{"code":"1"}}"#,
        r#"{"error":null,"error":{"code":"1"}}"#,
    ] {
        assert_eq!(chunk(data), (true, true), "{data}");
        assert!(value_says(data), "{data}");
    }
}

#[test]
fn no_error_unless_a_non_null_top_level_key() {
    for data in [
        r#"{"id":"x","choices":[{"index":0,"delta":{"content":"error"}}]}"#,
        r#"{"id":"\"error\"","choices":[]}"#,
        r#"{"error":null}"#,
        r#"{"error":{"code":"1"},"error":null}"#,
        r#"{"web_search":[{"error":"x"}]}"#,
        r#"{"errors":{"code":"1"},"rror":1}"#,
    ] {
        assert_eq!(chunk(data), (true, false), "{data}");
        assert!(!value_says(data), "{data}");
    }
}

#[test]
fn a_type_error_or_trailing_bytes_fail_the_parse() {
    assert!(!chunk(r#"{"choices":"x","error":{"code":"1"}}"#).0);
    assert!(!chunk(r#"{"id":"x"} trailing"#).0);
    assert!(!chunk("").0);
}

#[test]
fn tagged_unions_are_watched_too() {
    let (result, error) = from_str_noting_error::<AnthropicStreamEvent>(
        r#"{"type":"error","error":{"type":"overloaded_error","message":"busy"}}"#,
    );
    assert!(error);
    assert!(result.is_ok());
    let (result, error) = from_str_noting_error::<AnthropicStreamEvent>(r#"{"type":"ping"}"#);
    assert!(!error);
    assert!(result.is_ok());
}
