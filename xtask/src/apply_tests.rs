//! `drift --apply` on small documents: what it writes, what it refuses, and that
//! a second run changes nothing.

use super::*;
use crate::drift::report;
use serde_json::json;

const SPEC: &str = "\
openapi: 3.0.3
# The spec's own comment.
paths:
  /things:
    post:
      operationId: createThing
      requestBody:
        content:
          application/json:
            schema:
              $ref: \"#/components/schemas/Thing\"
      responses:
        \"200\":
          description: ok
          content:
            application/json:
              schema:
                $ref: \"#/components/schemas/Thing\"
components:
  schemas:
    Thing:
      type: object
      properties:
        mode:
          type: string
          enum: [a]
        size:
          type: integer
    Status:
      type: string
      x-zai-open-enum: true
      anyOf:
        - enum: [done]
        - type: string
      x-enum-varnames: [Done]
";

fn upstream() -> Value {
    json!({
        "openapi": "3.0.1",
        "servers": [{"url": "https://example.com/api"}],
        "paths": {
            "/paas/v4/things": {"post": {
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}
            }},
            "/v1/tools/{tool_id}/run": {"post": {
                "summary": "Run a tool",
                "parameters": [{"name": "tool_id", "in": "path", "required": true, "schema": {"type": "string"}},
                               {"name": "X-Trace", "in": "header", "schema": {"type": "string"}}],
                "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["input"],
                    "properties": {"input": {"type": "string", "example": "x"}, "stream": {"type": "boolean", "default": false}}}}}},
                "responses": {"200": {"description": "Events.", "content": {
                    "application/json": {"schema": {"type": "object", "properties": {"output": {"type": "string"}}}},
                    "text/event-stream": {"schema": {"type": "object", "properties": {"delta": {"type": "string"}}}}}}}
            }}
        },
        "components": {"schemas": {"Thing": {"type": "object", "properties": {
            "mode": {"type": "string", "enum": ["a", "b"]},
            "size": {"type": "string"},
            "status": {"$ref": "#/components/schemas/Status"},
            "owner": {"type": "object", "required": ["id"], "properties": {
                "id": {"type": "string", "format": "uuid", "minimum": 1},
                "kind": {"type": "string", "enum": ["user", "org"]}}}
        }}, "Status": {"type": "string", "enum": ["done", "failed"]}}}
    })
}

fn run(text: &str) -> Applied {
    let spec = zai_codegen::read_document(text).unwrap();
    apply(&report(&upstream(), &spec), &upstream(), text)
}

#[test]
fn findings_are_written_where_they_belong_and_a_type_conflict_is_only_listed() {
    let applied = run(SPEC);
    assert_eq!(
        applied.lines,
        [
            "applied: POST /api/paas/v4/things request.mode",
            "applied: POST /api/paas/v4/things request.owner",
            "not applied: POST /api/paas/v4/things request.size: a type conflict is a maintainer's decision",
            "applied: POST /api/paas/v4/things request.status",
            "not applied: POST /api/paas/v4/things response.mode: the spec has the value already",
            "not applied: POST /api/paas/v4/things response.owner: the spec has the field already",
            "not applied: POST /api/paas/v4/things response.size: a type conflict is a maintainer's decision",
            "not applied: POST /api/paas/v4/things response.status: the spec has the field already",
            "applied: POST /api/v1/tools/{tool_id}/run",
        ]
    );
    let expected = SPEC
        .replace("          enum: [a]\n", "          enum: [a, b]\n")
        .replace(
            "          type: integer\n    Status:",
            "          type: integer
        owner:
          type: object
          properties:
            id:
              type: string
            kind:
              type: string
              enum: [user, org]
        status:
          type: string
          enum: [done, failed]
    Status:",
        )
        .replace(
            "components:\n",
            "  /v1/tools/{tool_id}/run:
    post:
      operationId: createV1ToolsRun
      summary: \"Run a tool\"
      x-zai-base: root
      x-zai-stream:
        chunk: CreateV1ToolsRunChunk
      parameters:
        - name: tool_id
          in: path
          required: true
          schema:
            type: string
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: \"#/components/schemas/CreateV1ToolsRunRequest\"
      responses:
        \"200\":
          description: Events.
          content:
            application/json:
              schema:
                $ref: \"#/components/schemas/CreateV1ToolsRunResponse\"
            text/event-stream:
              schema:
                type: string
        \"4XX\":
          $ref: \"#/components/responses/Error\"
        \"5XX\":
          $ref: \"#/components/responses/Error\"
components:\n",
        )
        + "    CreateV1ToolsRunRequest:
      type: object
      required: [input]
      properties:
        input:
          type: string
        stream:
          type: boolean
    CreateV1ToolsRunResponse:
      type: object
      properties:
        output:
          type: string
    CreateV1ToolsRunChunk:
      type: object
      properties:
        delta:
          type: string
";
    assert_eq!(applied.text, expected);
    // The request's `status` went in as a plain enum: the upstream enum read
    // through the new field; the open enum `Status` got its value and name.
    let again = run(&applied.text);
    assert!(
        !again.changed,
        "a second run changes nothing: {:?}",
        again.lines
    );
    let remaining: Vec<&String> = again
        .lines
        .iter()
        .filter(|l| l.starts_with("applied"))
        .collect();
    assert!(remaining.is_empty());
}

#[test]
fn an_open_enum_gets_the_value_and_its_variant_name() {
    let text = SPEC.replace(
        "        size:\n          type: integer\n",
        "        size:\n          type: integer\n        status:\n          $ref: \"#/components/schemas/Status\"\n",
    );
    let applied = run(&text);
    assert!(
        applied
            .lines
            .contains(&"applied: POST /api/paas/v4/things request.status".to_owned())
    );
    assert!(
        applied.text.contains("        - enum: [done, failed]\n        - type: string\n      x-enum-varnames: [Done, Failed]\n"),
        "{}",
        applied.text
    );
}

#[test]
fn operation_paths_and_ids_follow_the_spec() {
    assert_eq!(spec_path("/api/paas/v4/videos"), ("/videos".into(), false));
    assert_eq!(
        spec_path("/api/coding/paas/v4/chat"),
        ("/chat".into(), false)
    );
    assert_eq!(spec_path("/api/v1/agents"), ("/v1/agents".into(), true));
    let id = |op: Value, method, path| operation_id(&op, method, path);
    assert_eq!(
        id(json!({}), "get", "/files/{id}/content"),
        "getFilesContent"
    );
    assert_eq!(
        id(json!({"operationId": "listThings"}), "get", "/x"),
        "listThings"
    );
    assert_eq!(
        id(
            json!({"operationId": "list things"}),
            "delete",
            "/knowledge-base"
        ),
        "deleteKnowledgeBase"
    );
}

/// A realtime contract (AsyncAPI 3.0) the upstream document has grown past.
const REALTIME: &str = "\
asyncapi: 3.0.0
channels:
  realtime:
    address: /realtime
    messages:
      SessionUpdate:
        $ref: \"#/components/messages/SessionUpdate\"
operations:
  sendSessionUpdate:
    action: send
    channel:
      $ref: \"#/channels/realtime\"
    messages:
      - $ref: \"#/channels/realtime/messages/SessionUpdate\"
components:
  messages:
    SessionUpdate:
      payload:
        $ref: \"#/components/schemas/SessionUpdate\"
  schemas:
    SessionUpdate:
      type: object
      properties:
        type:
          const: session.update
        voice:
          type: string
          enum: [a]
";

fn realtime_upstream() -> Value {
    let event = |ty: &str, extra: Value| {
        json!({"allOf": [{"$ref": "#/components/schemas/Base"},
            {"type": "object", "properties": {"type": {"type": "string", "const": ty}}},
            extra]})
    };
    json!({
        "asyncapi": "3.0.0",
        "servers": {"production": {"host": "example.com", "pathname": "/api/paas/v4", "protocol": "wss"}},
        "channels": {"rt": {"address": "/realtime", "messages": {
            "Up": {"$ref": "#/components/messages/Up"},
            "Done": {"$ref": "#/components/messages/Done"}}}},
        "operations": {
            "a": {"action": "send", "channel": {"$ref": "#/channels/rt"}, "messages": [{"$ref": "#/channels/rt/messages/Up"}]},
            "b": {"action": "receive", "channel": {"$ref": "#/channels/rt"}, "messages": [{"$ref": "#/channels/rt/messages/Done"}]}
        },
        "components": {
            "messages": {
                "Up": {"payload": {"$ref": "#/components/schemas/Up"}},
                "Done": {"summary": "The answer is complete.", "payload": {"$ref": "#/components/schemas/Done"}}
            },
            "schemas": {
                "Base": {"type": "object", "properties": {"event_id": {"type": "string"}}},
                "Up": event("session.update", json!({"properties": {"voice": {"type": "string", "enum": ["a", "b"]}}})),
                "Done": event("response.done", json!({"properties": {"usage": {"type": "object", "properties": {"total": {"type": "integer"}}}}}))
            }
        }
    })
}

#[test]
fn asyncapi_messages_fields_and_values_are_reported_and_applied() {
    let upstream = realtime_upstream();
    let spec = zai_codegen::read_document(REALTIME).unwrap();
    let found = report(&upstream, &spec);
    assert_eq!(
        found.render().lines().collect::<Vec<_>>(),
        [
            "field missing: SEND /api/paas/v4/realtime#session.update payload.event_id (upstream string)",
            "enum value missing: SEND /api/paas/v4/realtime#session.update payload.voice \"b\"",
            "operation missing: RECEIVE /api/paas/v4/realtime#response.done",
            "drift: 1 operations missing, 1 fields missing, 1 enum values missing, 0 type conflicts (0 explained)",
        ]
    );
    let applied = apply(&found, &upstream, REALTIME);
    assert!(
        applied.lines.iter().all(|l| l.starts_with("applied")),
        "{:?}",
        applied.lines
    );
    let after = zai_codegen::read_document(&applied.text).unwrap();
    assert_eq!(
        report(&upstream, &after).summary(),
        "drift: 0 operations missing, 0 fields missing, 0 enum values missing, 0 type conflicts (0 explained)"
    );
    assert_eq!(
        after["operations"]["receiveResponseDone"],
        json!({"action": "receive", "channel": {"$ref": "#/channels/realtime"},
               "messages": [{"$ref": "#/channels/realtime/messages/ResponseDone"}]})
    );
    assert_eq!(
        after["components"]["messages"]["ResponseDone"]["summary"],
        "The answer is complete."
    );
    let again = apply(&report(&upstream, &after), &upstream, &applied.text);
    assert!(!again.changed);
}
