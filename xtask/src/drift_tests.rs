//! The drift report on small documents.

use super::*;
use serde_json::json;

/// An upstream document served under `/api`, its operations under `/paas/v4`.
fn upstream(paths: Value, schemas: Value) -> Value {
    json!({
        "openapi": "3.0.1",
        "servers": [{"url": "https://example.com/api/"}],
        "paths": paths,
        "components": {"schemas": schemas}
    })
}

/// A spec document: paths relative to `paas/v4` or the root, no server prefix.
fn spec(paths: Value, schemas: Value) -> Value {
    json!({"openapi": "3.0.3", "paths": paths, "components": {"schemas": schemas}})
}

fn json_body(schema: Value) -> Value {
    json!({"content": {"application/json": {"schema": schema}}})
}

fn post(request: Value, response: Value) -> Value {
    json!({"post": {
        "requestBody": json_body(request),
        "responses": {"200": json_body(response), "default": json_body(json!({"type": "object"}))}
    }})
}

fn lines(report: &Report) -> Vec<String> {
    report.render().lines().map(str::to_owned).collect()
}

#[test]
fn operations_match_by_method_and_normalized_path_without_operation_ids() {
    let up = upstream(
        json!({
            "/paas/v4/files/{file_id}": {"delete": {"responses": {}}},
            "/llm-application/open/knowledge": {"get": {"responses": {}}, "post": {"responses": {}}},
            "/paas/v4/rerank": {"post": {"responses": {}}}
        }),
        json!({}),
    );
    let mine = spec(
        json!({
            "/files/{id}": {"delete": {"operationId": "deleteFile", "responses": {}}},
            "/llm-application/open/knowledge": {"get": {"operationId": "list", "responses": {}}}
        }),
        json!({}),
    );
    let report = report(&up, &mine);
    assert_eq!(
        lines(&report),
        [
            "operation missing: POST /api/llm-application/open/knowledge",
            "operation missing: POST /api/paas/v4/rerank",
            "drift: 2 operations missing, 0 fields missing, 0 enum values missing, 0 type conflicts (0 explained)",
        ]
    );
}

#[test]
fn a_top_level_note_explains_a_missing_operation() {
    let up = upstream(
        json!({"/paas/v4/legacy": {"get": {"responses": {}}}}),
        json!({}),
    );
    let mut mine = spec(json!({}), json!({}));
    mine["x-zai-upstream"] = json!({"reason": "retired", "ignores": ["GET /legacy"]});
    let report = report(&up, &mine);
    assert_eq!(report.findings[0].explained.as_deref(), Some("retired"));
    assert!(report.summary().ends_with("0 type conflicts (1 explained)"));
}

#[test]
fn fields_are_walked_through_refs_unions_and_arrays_and_only_the_outermost_is_reported() {
    let up = upstream(
        json!({"/paas/v4/chat": post(
            json!({"oneOf": [{"$ref": "#/components/schemas/Text"}, {"$ref": "#/components/schemas/Vision"}]}),
            json!({"$ref": "#/components/schemas/Answer"})
        )}),
        json!({
            "Text": {"type": "object", "properties": {"model": {"type": "string"}, "top_p": {"type": "number"}}},
            "Vision": {"allOf": [{"$ref": "#/components/schemas/Text"},
                {"properties": {"images": {"type": "array", "items": {"type": "object",
                    "properties": {"url": {"type": "string"}, "detail": {"type": "string"}}}}}}]},
            "Answer": {"type": "object", "properties": {
                "choices": {"type": "array", "items": {"type": "object", "properties": {
                    "message": {"type": "object", "properties": {"content": {"type": "string"},
                                "audio": {"type": "object", "properties": {"id": {"type": "string"}}}}}}}}}}
        }),
    );
    let mine = spec(
        json!({"/chat": {"post": {
            "operationId": "chat",
            "requestBody": json_body(json!({"$ref": "#/components/schemas/Request"})),
            "responses": {"200": json_body(json!({"type": "object", "properties": {"choices": {
                "type": "array", "items": {"type": "object", "properties": {
                    "message": {"type": "object", "properties": {"content": {"type": "string"}}}}}}}}))}
        }}}),
        json!({"Request": {"type": "object", "properties": {
            "model": {"type": "string"},
            "images": {"type": "array", "items": {"type": "object", "properties": {"url": {"type": "string"}}}}
        }}}),
    );
    let report = report(&up, &mine);
    assert_eq!(
        lines(&report),
        [
            "field missing: POST /api/paas/v4/chat request.images[].detail (upstream string)",
            "field missing: POST /api/paas/v4/chat request.top_p (upstream number)",
            "field missing: POST /api/paas/v4/chat response.choices[].message.audio (upstream object)",
            "drift: 0 operations missing, 3 fields missing, 0 enum values missing, 0 type conflicts (0 explained)",
        ]
    );
}

#[test]
fn enums_types_parameters_and_open_objects() {
    let mut op = post(
        json!({"type": "object", "properties": {
            "mode": {"type": "string", "enum": ["a", "b", "c"]},
            "model": {"type": "string", "enum": ["x", "y"]},
            "count": {"type": "integer"},
            "size": {"type": "integer"},
            "meta": {"type": "object", "properties": {"k": {"type": "string"}}}
        }}),
        json!({"type": "object"}),
    );
    op["post"]["parameters"] = json!([
        {"name": "page", "in": "query", "schema": {"type": "integer"}},
        {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
        {"name": "id", "in": "path", "schema": {"type": "string"}}
    ]);
    let up = upstream(json!({"/paas/v4/things": op}), json!({}));
    let mine = spec(
        json!({"/things": {"post": {
            "operationId": "things",
            "parameters": [{"name": "page", "in": "query", "schema": {"type": "string"}}],
            "requestBody": json_body(json!({"type": "object", "properties": {
                "mode": {"type": "string", "enum": ["a"]},
                "model": {"type": "string"},
                "count": {"type": "number"},
                "size": {"type": "string"},
                "meta": {"type": "object", "additionalProperties": true}
            }})),
            "responses": {"200": json_body(json!({"type": "object"}))}
        }}}),
        json!({}),
    );
    let report = report(&up, &mine);
    assert_eq!(
        lines(&report),
        [
            "field missing: POST /api/paas/v4/things header.X-Trace (upstream string)",
            "type conflict: POST /api/paas/v4/things query.page (upstream integer, spec string)",
            "enum value missing: POST /api/paas/v4/things request.mode \"b\"",
            "enum value missing: POST /api/paas/v4/things request.mode \"c\"",
            "type conflict: POST /api/paas/v4/things request.size (upstream integer, spec string)",
            "drift: 0 operations missing, 1 fields missing, 2 enum values missing, 2 type conflicts (0 explained)",
        ]
    );
}

#[test]
fn notes_explain_fields_enum_values_and_types_where_they_sit() {
    let up = upstream(
        json!({"/paas/v4/things": post(
            json!({"type": "object", "properties": {
                "mode": {"type": "string", "enum": ["a", "b"]},
                "hook": {"type": "object", "properties": {"url": {"type": "string"}}},
                "legacy": {"type": "string"}
            }}),
            json!({"type": "object"})
        )}),
        json!({}),
    );
    let mine = spec(
        json!({"/things": {"post": {
            "operationId": "things",
            "x-zai-upstream": {"reason": "gone", "ignores": ["request.legacy"]},
            "requestBody": json_body(json!({"$ref": "#/components/schemas/Things"})),
            "responses": {"200": json_body(json!({"type": "object"}))}
        }}}),
        json!({"Things": {
            "type": "object",
            "x-zai-upstream": {"reason": "closed on purpose", "enum": {"mode": ["b"]}, "type": {"hook": "object"}},
            "properties": {"mode": {"type": "string", "enum": ["a"]}, "hook": {"type": "string"}}
        }}),
    );
    let report = report(&up, &mine);
    let explained: Vec<_> = report
        .findings
        .iter()
        .map(|f| f.explained.as_deref())
        .collect();
    assert_eq!(
        explained,
        [
            Some("closed on purpose"),
            Some("gone"),
            Some("closed on purpose")
        ]
    );
    assert!(
        report
            .render()
            .contains("request.legacy (upstream string) [explained: gone]")
    );
    assert_eq!(
        report.summary(),
        "drift: 0 operations missing, 0 fields missing, 0 enum values missing, 0 type conflicts (3 explained)"
    );
}

#[test]
fn event_streams_are_compared_with_the_x_zai_stream_chunk() {
    let up = upstream(
        json!({"/zrag/chat": {"post": {"responses": {"200": {"content": {"text/event-stream": {
            "schema": {"type": "object", "properties": {"type": {"type": "string"}, "usage": {"type": "object",
                "properties": {"total_tokens": {"type": "integer"}}}}}}}}}}}}),
        json!({}),
    );
    let mine = spec(
        json!({"/zrag/chat": {"post": {
            "operationId": "chat",
            "x-zai-stream": {"chunk": "Event"},
            "responses": {"200": {"content": {"text/event-stream": {"schema": {"type": "string"}}}}}
        }}}),
        json!({"Event": {"type": "object", "properties": {"type": {"type": "string"}}}}),
    );
    assert_eq!(
        lines(&report(&up, &mine))[0],
        "field missing: POST /api/zrag/chat stream.usage (upstream object)"
    );
}

#[test]
fn reads_yaml_and_json() {
    let yaml = "openapi: 3.0.3\npaths:\n  /a:\n    get: {responses: {}}\n";
    let json = r#"{"openapi": "3.0.1", "paths": {"/a": {"get": {"responses": {}}}}}"#;
    assert_eq!(
        zai_codegen::read_document(yaml).unwrap()["paths"]["/a"]["get"],
        json!({"responses": {}})
    );
    let read = zai_codegen::read_document(json).unwrap();
    assert_eq!(read["openapi"], json!("3.0.1"));
    zai_codegen::read_document("a: 1\na: 2\n").unwrap_err();
    assert_eq!(normalize("/api/coding/paas/v4/chat/{id}/"), "/chat/{}");
    assert_eq!(normalize("/apis/x"), "/apis/x");
}
