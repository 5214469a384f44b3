"""Validates payloads against spec/zai.yaml with an independent JSON-Schema validator.

openapi-schema-validator's OAS 3.0 validator (jsonschema underneath), not the
project's own types or mock: every example payload of the spec (request and
response `example`/`examples`, `x-zai-stream` chunk examples), every real capture
in ../shared/fixtures/real/ (when present; see its INDEX.md), and the payloads
below that the captures lack (an Anthropic answer with a block type the spec does
not list must pass; malformed known members must fail, so the check can fail).
Usage: python3 .ci/validate_payloads.py [SPEC] [CAPTURES_DIR]. Exits 1 on any miss.
"""

import ast
import json
import pathlib
import sys

import yaml
from openapi_schema_validator import OAS30Validator

ROOT = pathlib.Path(__file__).resolve().parent.parent
SPEC = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "spec/zai.yaml"
CAPTURES = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "../shared/fixtures/real"

spec = yaml.safe_load(SPEC.read_text())
METHODS = ("get", "post", "put", "patch", "delete")


def validator(schema):
    """A validator of `schema` whose `$ref`s resolve in the spec."""
    return OAS30Validator({**schema, "components": spec["components"]})


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def operation(key):
    method, path = key.split(" ", 1)
    return spec["paths"][path][method.lower()]


def response_schema(key):
    return operation(key)["responses"]["200"]["content"]["application/json"]["schema"]


def chunk_schema(key):
    return ref(operation(key)["x-zai-stream"]["chunk"])


failures = []
counts = {"spec examples": 0, "real captures": 0, "extra payloads": 0}


def check(schema, payload, where, kind, valid=True):
    counts[kind] += 1
    errors = list(validator(schema).iter_errors(payload))
    if valid and errors:
        best = min(errors, key=lambda e: len(e.absolute_path))
        failures.append(f"{where}: {best.message} at /{'/'.join(map(str, best.absolute_path))}")
    if not valid and not errors:
        failures.append(f"{where}: accepted, but must be rejected")


def media_examples(media):
    if "example" in media:
        yield "example", media["example"]
    for name, example in (media.get("examples") or {}).items():
        if "value" in example:
            yield name, example["value"]


def spec_examples():
    for path, item in spec["paths"].items():
        for method in METHODS:
            op = item.get(method)
            if not op:
                continue
            label = f"{method.upper()} {path}"
            bodies = [("request", (op.get("requestBody") or {}).get("content", {}))]
            bodies += [(status, r.get("content", {})) for status, r in op["responses"].items()]
            for place, content in bodies:
                media = content.get("application/json")
                if media and "schema" in media:
                    for name, value in media_examples(media):
                        check(media["schema"], value, f"{label} {place} {name}", "spec examples")
            stream = op.get("x-zai-stream") or {}
            for name, chunks in (stream.get("examples") or {}).items():
                for i, chunk in enumerate(chunks):
                    check(ref(stream["chunk"]), chunk, f"{label} chunk {name}[{i}]", "spec examples")
    for name, response in spec["components"].get("responses", {}).items():
        media = response.get("content", {}).get("application/json")
        if media:
            for example, value in media_examples(media):
                check(media["schema"], value, f"responses/{name} {example}", "spec examples")


CHAT = "POST /chat/completions"
# File name prefix → (schema, how the file holds payloads). Every capture must match one.
CAPTURE_KINDS = [
    ("chat_stream_", lambda: chunk_schema(CHAT), "events"),
    ("chat_parallel_tool_calls_message_", lambda: ref("AssistantMessage"), "json"),
    ("chat_", lambda: response_schema(CHAT), "json"),
    ("error_", lambda: ref("ErrorResponse"), "json"),
    ("async_result_", lambda: response_schema("GET /async-result/{id}"), "json"),
    ("images_generations_", lambda: response_schema("POST /images/generations"), "json"),
]


def payloads(path, how):
    """The JSON payloads of a capture: its body, or each SSE `data:` line / line of
    a chunks file; a client rendering's embedded body (JSON or a Python repr)."""
    text = path.read_text()
    if how == "events":
        # An .sse file's payloads are its `data:` lines; a chunks file holds one per line.
        lines = [line for line in text.splitlines() if path.suffix != ".sse" or line.startswith("data:")]
        lines = (line.removeprefix("data:").strip() for line in lines)
        return [json.loads(line) for line in lines if line and line != "[DONE]"]
    if path.suffix == ".txt":
        body = text[text.index("{"): text.rindex("}") + 1]
        try:
            return [json.loads(body)]
        except json.JSONDecodeError:
            return [ast.literal_eval(body)]
    return [json.loads(text)]


def real_captures():
    if not CAPTURES.is_dir():
        print(f"note: {CAPTURES} absent, real captures not checked")
        return
    for path in sorted(CAPTURES.iterdir()):
        if path.name.startswith("INDEX"):
            continue
        kind = next((k for k in CAPTURE_KINDS if path.name.startswith(k[0])), None)
        if kind is None:
            failures.append(f"{path.name}: no schema known for this capture (add it to CAPTURE_KINDS)")
            continue
        schema = kind[1]()
        for i, payload in enumerate(payloads(path, kind[2])):
            check(schema, payload, f"{path.name}[{i}]", "real captures")


ANTHROPIC = "POST /anthropic/v1/messages"


def extra_payloads():
    answer = {
        "id": "msg_01", "type": "message", "role": "assistant", "model": "glm-4.7",
        "content": [
            {"type": "server_tool_use", "id": "srvtoolu_01", "name": "web_search", "input": {"query": "zai"}},
            {"type": "text", "text": "Found it."},
        ],
        "stop_reason": "end_turn", "stop_sequence": None,
        "usage": {"input_tokens": 10, "output_tokens": 3},
    }
    check(response_schema(ANTHROPIC), answer, "Anthropic answer with a server_tool_use block", "extra payloads")
    event = {"type": "content_block_delta", "index": 0, "delta": {"type": "citations_delta", "citation": {}}}
    check(chunk_schema(ANTHROPIC), event, "Anthropic citations_delta event", "extra payloads")
    check(chunk_schema(ANTHROPIC), {"type": "message_ping_v2"}, "Anthropic unknown event", "extra payloads")
    broken = {**answer, "content": [{"type": "text"}]}
    check(response_schema(ANTHROPIC), broken, "Anthropic text block without text", "extra payloads", valid=False)
    check(response_schema(CHAT), {"choices": "none"}, "chat answer with choices as text", "extra payloads", valid=False)


spec_examples()
real_captures()
extra_payloads()
for failure in failures:
    print(f"invalid: {failure}")
summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
print(f"payloads: {summary} checked against {SPEC.name}; {len(failures)} failed")
sys.exit(1 if failures else 0)
