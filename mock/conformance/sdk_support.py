"""What the SDK conformance cases share: the SDK's clients against the mock, the
case registry, sample inputs and the checks (see sdk.py)."""

import io
import sys

from zai import ZaiClient

ROOT = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080").rstrip("/")
# The SDK's default key format (`id.secret`), signed into a JWT as the SDK does.
client = ZaiClient(api_key="mock-id.mock-secret", base_url=f"{ROOT}/api/paas/v4/", max_retries=0)
plain = ZaiClient(
    api_key="mock-id.mock-secret",
    base_url=f"{ROOT}/api/paas/v4/",
    disable_token_cache=True,
    max_retries=0,
)

CASES = []


def case(fn):
    CASES.append(fn)
    return fn


def wav():
    return ("a.wav", io.BytesIO(b"RIFF\x24\x00\x00\x00WAVEfmt "), "audio/wav")


def png():
    return ("a.png", io.BytesIO(b"\x89PNG\r\n\x1a\n fake"), "image/png")


HI = [{"role": "user", "content": "Hello!"}]
# The mock's plain answer quotes the question.
ANSWER = 'You asked about "Hello!". Hello! How can I help you today?'
WEATHER = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Current weather of a city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
        },
    }
]


def simple(name, call, expect):
    """A case of one call whose answer `expect` accepts."""

    def run():
        r = call()
        assert expect(r), r

    run.__name__ = name
    CASES.append(run)


def expect_error(call, *needles):
    """`call()` raises an error whose text holds one of `needles`."""
    try:
        call()
    except Exception as e:  # the SDK's APIStatusError family
        assert any(n in str(e) for n in needles), e
        return
    raise AssertionError(f"no error, expected one of {needles}")


def collect(stream):
    """Text, reasoning, tool calls and finish reasons of a chat stream."""
    text, reasoning, calls, finish = "", "", [], []
    for chunk in stream:
        for choice in chunk.choices:
            delta = choice.delta
            text += delta.content or ""
            reasoning += getattr(delta, "reasoning_content", None) or ""
            calls += delta.tool_calls or []
            if choice.finish_reason:
                finish.append(choice.finish_reason)
    return text, reasoning, calls, finish
