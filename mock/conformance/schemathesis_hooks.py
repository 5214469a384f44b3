"""Schemathesis hooks for `.ci/run`'s run against the mock (`SCHEMATHESIS_HOOKS`).

Every check is on; these hooks only drop generated bodies whose verdict the spec
cannot express, each for a documented behaviour of the service:

* a `null` anywhere in a body: the service reads `null` for an optional field as
  its absence, and the official Python SDK relies on it (it sends
  `"response_format": null`, `"thinking": null`, `"user_id": null`, ... on every
  call; see the API inventory, SDK notes). The spec's request fields are not
  marked `nullable`, so schemathesis would call those bodies invalid;
* a non-text value in a multipart/form-data body: every part is text on the wire
  (RFC 7578), so `true`, `{}` or `null` arrive as the strings "true", "{}",
  "null", which the schema's string fields accept;
* `"stream": true`: the service answers server-sent events (`text/event-stream`),
  as each streaming operation's description says, while OpenAPI 3.0 lets the spec
  list only the JSON media type of the non-streaming answer.
"""

import schemathesis


def _has_null(value):
    if value is None:
        return True
    if isinstance(value, dict):
        return any(_has_null(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_null(v) for v in value)
    return False


def _multipart(context):
    operation = getattr(context, "operation", None)
    try:
        return "multipart/form-data" in operation.definition.raw["requestBody"]["content"]
    except (AttributeError, KeyError, TypeError):
        return False


@schemathesis.hook
def filter_body(context, body):
    if _has_null(body):
        return False
    if isinstance(body, dict):
        if body.get("stream") is True or body.get("stream") == "true":
            return False
        if _multipart(context) and any(
            isinstance(v, (bool, dict, int, float)) or isinstance(v, list) and any(not isinstance(i, str) for i in v)
            for v in body.values()
        ):
            return False
    return True
