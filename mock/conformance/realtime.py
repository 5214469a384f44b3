#!/usr/bin/env python3
"""An independent GLM-Realtime client as a conformance check of the mock.

Written from the GLM-Realtime guide and spec/realtime.yaml, not from the mock's
code: it connects to a running `zai mock` at the service's path
(`ws://127.0.0.1:PORT/api/paas/v4/realtime`), replays client-event sequences
(audio with client VAD, server VAD, a function call, a video frame, a text
message, item retrieval and deletion, a cancel, bad events), validates every
event it sends against `ClientEvent` and every event it receives against the
spec's schema for that `type` and against the `ServerEvent` union (an event type
the spec does not name fails), and checks what the guide promises of each
sequence. It first checks the spec itself: each message example against its
payload schema, the unions against the operations' messages and, given the
AsyncAPI 3.0.0 JSON Schema (npm package @asyncapi/specs, schemas/3.0.0.json),
the whole document. Prints `realtime conformance: N passed, N failed` (exit
status 1 if any failed).

    pip install 'websockets==17.4' 'jsonschema==4.26.0' 'PyYAML==6.0.4'
    target/debug/zai mock --port 8080 &
    python3 mock/conformance/realtime.py http://127.0.0.1:8080 [--asyncapi-schema 3.0.0.json]
"""

import argparse
import asyncio
import base64
import hashlib
import hmac
import json
import math
import pathlib
import struct
import sys
import time
import traceback
from collections import Counter

import jsonschema
import referencing
import referencing.jsonschema
import yaml
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

SPEC_PATH = pathlib.Path(__file__).resolve().parents[2] / "spec" / "realtime.yaml"
KEY = "mock-id.mock-secret"
TIMEOUT = 10
# Events a client may get between any two others.
PASSING = {"heartbeat", "conversation.created"}


class Spec:
    """spec/realtime.yaml as validators: one per event type, and the two unions."""

    def __init__(self, path):
        self.doc = yaml.safe_load(path.read_text())
        resource = referencing.Resource.from_contents(
            self.doc, default_specification=referencing.jsonschema.DRAFT7
        )
        self.registry = referencing.Registry().with_resource("spec", resource)
        schemas = self.doc["components"]["schemas"]
        self.client = self._members(schemas["ClientEvent"])
        self.server = self._members(schemas["ServerEvent"])

    def validator(self, pointer):
        return jsonschema.Draft7Validator({"$ref": f"spec#{pointer}"}, registry=self.registry)

    def schema(self, name):
        return self.validator(f"/components/schemas/{name}")

    def _members(self, union):
        members = {}
        for ref in union["oneOf"]:
            name = ref["$ref"].rsplit("/", 1)[1]
            const = self.doc["components"]["schemas"][name]["properties"]["type"]["const"]
            members[const] = self.schema(name)
        return members

    def check_server(self, event):
        kind = event.get("type")
        if kind not in self.server:
            raise AssertionError(f"server event type {kind!r} is not in spec/realtime.yaml")
        self.server[kind].validate(event)
        self.schema("ServerEvent").validate(event)

    def check_client(self, event):
        self.client[event["type"]].validate(event)
        self.schema("ClientEvent").validate(event)


class Conn:
    """One connection: sends checked client events, receives checked server events."""

    def __init__(self, ws, spec, seen):
        self.ws, self.spec, self.seen = ws, spec, seen

    async def send(self, event, raw=None):
        if raw is None:
            self.spec.check_client(event)
            raw = json.dumps(event)
        await self.ws.send(raw)

    async def recv(self):
        event = json.loads(await asyncio.wait_for(self.ws.recv(), TIMEOUT))
        self.spec.check_server(event)
        assert isinstance(event.get("event_id"), str), f"no event_id: {event}"
        self.seen[event["type"]] += 1
        return event

    async def expect(self, kind):
        """The next event that says nothing of the session's work must be `kind`
        (heartbeats come at any time, conversation.created at the start)."""
        while (event := await self.recv())["type"] in PASSING:
            pass
        assert event["type"] == kind, f"expected {kind}, got {event}"
        return event

    async def until(self, kind):
        """Events (but heartbeats) up to and including the first `kind`."""
        events = []
        while True:
            event = await self.recv()
            if event["type"] not in PASSING:
                events.append(event)
            if event["type"] == kind:
                return events

    async def update(self, session):
        await self.send({"type": "session.update", "event_id": "evt_update", "session": session})
        updated = await self.expect("session.updated")
        for key, value in session.items():
            got = updated["session"].get(key)
            if isinstance(value, dict):
                assert value.items() <= got.items(), f"session.{key}: sent {value}, echoed {got}"
            else:
                assert got == value, f"session.{key}: sent {value!r}, echoed {got!r}"
        return updated["session"]


def jwt(api_key, now_ms):
    """The guide's device token: HS256, header sign_type SIGN, claims api_key/exp/timestamp."""
    key_id, secret = api_key.split(".", 1)

    def part(obj):
        raw = json.dumps(obj, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    signing = part({"alg": "HS256", "sign_type": "SIGN"}) + "." + part(
        {"api_key": key_id, "exp": now_ms // 1000 + 600, "timestamp": now_ms}
    )
    signature = hmac.new(secret.encode(), signing.encode(), hashlib.sha256).digest()
    return signing + "." + base64.urlsafe_b64encode(signature).rstrip(b"=").decode()


def pcm16(ms, rate, freq, amplitude):
    """Raw 16-bit mono little-endian PCM: a sine (amplitude 0: silence)."""
    count = rate * ms // 1000
    return b"".join(
        struct.pack("<h", int(amplitude * math.sin(2 * math.pi * freq * n / rate))) for n in range(count)
    )


def wav(pcm, rate):
    """A 16-bit mono WAV file around raw PCM (the guide's default input format)."""
    header = b"RIFF" + struct.pack("<I", 36 + len(pcm)) + b"WAVEfmt "
    header += struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
    return header + b"data" + struct.pack("<I", len(pcm)) + pcm


def b64(data):
    return base64.b64encode(data).decode()


# A JPEG stream as the guide asks for (SOI, a JFIF APP0 segment, EOI), built here.
JPEG = b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\xff\xd9"


def check_response(events, spoken=True):
    """What the guide promises of one response, from response.created to response.done."""
    kinds = [e["type"] for e in events]
    assert kinds[0] == "response.created" and kinds[-1] == "response.done", kinds
    response_id = events[0]["response"]["id"]
    assert events[0]["response"]["status"] == "in_progress"
    done = events[-1]["response"]
    assert done["id"] == response_id and done["status"] == "completed", done
    usage = done["usage"]
    assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"], usage
    for event in events[1:-1]:
        if "response_id" in event:
            assert event["response_id"] == response_id, event
    if spoken:
        audio = b"".join(base64.b64decode(e["delta"]) for e in events if e["type"] == "response.audio.delta")
        assert audio and len(audio) % 2 == 0, "output audio must be whole 16-bit samples"
        samples = struct.unpack(f"<{len(audio) // 2}h", audio)
        assert max(abs(s) for s in samples) > 0, "output audio is silent"
        # At 24 kHz the crossings give an audible pitch (the mock speaks a tone).
        crossings = sum(1 for a, b in zip(samples, samples[1:]) if (a < 0) != (b < 0))
        pitch = crossings / 2 / (len(samples) / 24000)
        assert 50 <= pitch <= 4000, f"pitch {pitch:.0f} Hz"
        transcript = "".join(e["delta"] for e in events if e["type"] == "response.audio_transcript.delta")
        final = next(e for e in events if e["type"] == "response.audio_transcript.done")
        assert final["transcript"] == transcript, (final, transcript)
        assert "response.audio.done" in kinds
    else:
        assert not any(k.startswith("response.audio") for k in kinds), kinds
        text = "".join(e["delta"] for e in events if e["type"] == "response.text.delta")
        final = next(e for e in events if e["type"] == "response.text.done")
        assert text and final["text"] == text, (final, text)
    return done


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


@case
async def refused_without_key(ctx):
    try:
        async with connect(ctx.url):
            raise AssertionError("connected without Authorization")
    except InvalidStatus as refused:
        assert refused.response.status_code == 401, refused.response.status_code
        body = json.loads(refused.response.body)
        assert body["error"]["message"], body


@case
async def opening_events(ctx):
    async with ctx.open() as conn:
        first = await conn.recv()
        assert first["type"] == "session.created", first
        session = first["session"]
        # The guide's defaults: audio chat, client VAD, PCM output.
        assert session["turn_detection"]["type"] == "client_vad", session
        assert session["output_audio_format"] == "pcm", session
        assert session["beta_fields"]["chat_mode"] == "audio", session
        kinds = {(await conn.recv())["type"] for _ in range(2)}
        assert "heartbeat" in kinds, kinds


@case
async def audio_with_client_vad(ctx):
    async with ctx.open() as conn:
        await conn.expect("session.created")
        await conn.update({"model": "glm-realtime-flash", "input_audio_format": "wav",
                           "turn_detection": {"type": "client_vad"}, "voice": "tongtong"})
        for _ in range(5):  # half a second of speech, 100 ms per WAV chunk
            await conn.send({"type": "input_audio_buffer.append",
                             "audio": b64(wav(pcm16(100, 16000, 220, 9000), 16000)),
                             "client_timestamp": int(time.time() * 1000)})
        await conn.send({"type": "input_audio_buffer.commit", "event_id": "evt_commit"})
        committed = await conn.expect("input_audio_buffer.committed")
        created = await conn.expect("conversation.item.created")
        assert created["item"]["id"] == committed["item_id"] and created["item"]["role"] == "user", created
        await conn.send({"type": "response.create", "client_timestamp": int(time.time() * 1000)})
        events = [e for e in await conn.until("response.done")
                  if not e["type"].startswith("conversation.item.input_audio_transcription")]
        check_response(events)


@case
async def audio_with_server_vad(ctx):
    async with ctx.open() as conn:
        await conn.expect("session.created")
        await conn.update({"input_audio_format": "pcm16", "turn_detection": {"type": "server_vad"}})
        chunks = [pcm16(100, 16000, 0, 0)] * 3 + [pcm16(100, 16000, 250, 9000)] * 5
        chunks += [pcm16(100, 16000, 0, 0)] * 5
        for chunk in chunks:  # the client only appends: the service commits and answers
            await conn.send({"type": "input_audio_buffer.append", "audio": b64(chunk)})
        events = await conn.until("response.done")
        kinds = [e["type"] for e in events]
        for expected in ["input_audio_buffer.speech_started", "input_audio_buffer.speech_stopped",
                         "input_audio_buffer.committed", "response.created"]:
            assert expected in kinds, kinds
        assert kinds.index("input_audio_buffer.speech_started") < kinds.index("input_audio_buffer.speech_stopped")
        assert kinds.index("input_audio_buffer.speech_stopped") < kinds.index("response.created")
        start = kinds.index("response.created")
        check_response([e for e in events[start:] if not e["type"].startswith("conversation.item.input_audio")])


@case
async def function_call(ctx):
    parameters = {"type": "object", "properties": {"city": {"type": "string", "description": "City name"}},
                  "required": ["city"]}
    tool = {"type": "function", "name": "get_weather", "description": "Current weather of a city.",
            "parameters": parameters}
    async with ctx.open() as conn:
        await conn.expect("session.created")
        await conn.update({"tools": [tool], "turn_detection": {"type": "client_vad"}})
        await conn.send({"type": "conversation.item.create", "item": {
            "type": "message", "role": "user", "content": [{"type": "input_text", "text": "Weather in Beijing?"}]}})
        await conn.expect("conversation.item.created")
        await conn.send({"type": "response.create"})
        events = await conn.until("response.done")
        call = next(e for e in events if e["type"] == "response.function_call_arguments.done")
        assert call["name"] == "get_weather", call
        jsonschema.validate(json.loads(call["arguments"]), parameters)
        assert events[-1]["response"]["status"] == "completed", events[-1]
        output = {"type": "function_call_output", "output": json.dumps({"city": "Beijing", "weather": "sunny"})}
        if call.get("call_id"):
            output["call_id"] = call["call_id"]
        await conn.send({"type": "conversation.item.create", "item": output})
        created = await conn.expect("conversation.item.created")
        assert created["item"]["type"] == "function_call_output", created
        await conn.send({"type": "response.create"})
        answer = await conn.until("response.done")
        assert not any(e["type"] == "response.function_call_arguments.done" for e in answer), answer
        check_response(answer)


@case
async def video_frame(ctx):
    async with ctx.open() as conn:
        await conn.expect("session.created")
        await conn.update({"beta_fields": {"chat_mode": "video_passive"}})
        # The guide: no response in video mode before a frame.
        await conn.send({"type": "response.create"})
        refused = await conn.expect("error")
        assert refused["error"]["code"] == "video_model_query_error", refused
        await conn.send({"type": "input_audio_buffer.append_video_frame", "video_frame": b64(JPEG)})
        await conn.send({"type": "input_audio_buffer.append", "audio": b64(wav(pcm16(300, 16000, 300, 9000), 16000))})
        await conn.send({"type": "input_audio_buffer.commit"})
        await conn.expect("input_audio_buffer.committed")
        await conn.send({"type": "response.create"})
        events = await conn.until("response.done")
        start = [e["type"] for e in events].index("response.created")
        check_response([e for e in events[start:] if not e["type"].startswith("conversation.item.input_audio")])


@case
async def text_message(ctx):
    # A device's JWT (the guide's client-side authentication) instead of the key.
    async with ctx.open(token=jwt(KEY, int(time.time() * 1000))) as conn:
        await conn.expect("session.created")
        await conn.update({"modalities": ["text"], "turn_detection": {"type": "client_vad"}})
        await conn.send({"type": "conversation.item.create", "item": {
            "type": "message", "role": "user", "content": [{"type": "input_text", "text": "Say hello."}]}})
        await conn.expect("conversation.item.created")
        await conn.send({"type": "response.create"})
        events = await conn.until("response.done")
        check_response(events[events.index(next(e for e in events if e["type"] == "response.created")):], spoken=False)


@case
async def items_and_buffer(ctx):
    async with ctx.open() as conn:
        await conn.expect("session.created")
        await conn.send({"type": "conversation.item.create", "item": {
            "id": "item_mine", "type": "message", "role": "user", "content": [{"type": "input_text", "text": "Hi"}]}})
        assert (await conn.expect("conversation.item.created"))["item"]["id"] == "item_mine"
        await conn.send({"type": "conversation.item.retrieve", "item_id": "item_mine"})
        assert (await conn.expect("conversation.item.retrieved"))["item"]["id"] == "item_mine"
        await conn.send({"type": "conversation.item.delete", "item_id": "item_mine"})
        assert (await conn.expect("conversation.item.deleted"))["item_id"] == "item_mine"
        await conn.send({"type": "conversation.item.retrieve", "item_id": "item_mine"})
        await conn.expect("error")
        await conn.send({"type": "input_audio_buffer.append", "audio": b64(wav(pcm16(100, 16000, 300, 9000), 16000))})
        await conn.send({"type": "input_audio_buffer.clear"})
        await conn.expect("input_audio_buffer.cleared")
        # The guide: committing with nothing appended is an error.
        await conn.send({"type": "input_audio_buffer.commit"})
        await conn.expect("error")


@case
async def cancel(ctx):
    # The mock's slow-frames fault (mock/README.md) leaves time to cancel.
    async with ctx.open(query="?fault=slow-frames") as conn:
        await conn.expect("session.created")
        await conn.send({"type": "response.create"})
        created = await conn.expect("response.created")
        await conn.send({"type": "response.cancel"})
        events = await conn.until("response.done")
        done = events[-1]["response"]
        assert done["id"] == created["response"]["id"] and done["status"] == "cancelled", done
        assert "response.cancelled" in [e["type"] for e in events], events


@case
async def bad_events_keep_the_connection(ctx):
    async with ctx.open() as conn:
        await conn.expect("session.created")
        await conn.send(None, raw=json.dumps({"type": "no.such.event", "event_id": "evt_unknown"}))
        error = await conn.expect("error")
        assert error["error"].get("event_id", "evt_unknown") == "evt_unknown", error
        await conn.send(None, raw="{this is not json")
        await conn.expect("error")
        await conn.send(None, raw=json.dumps({"audio": "AAAA"}))  # no type
        await conn.expect("error")
        await conn.send(None, raw=json.dumps({"type": "input_audio_buffer.append"}))  # no audio
        await conn.expect("error")
        await conn.update({"instructions": "Still here?"})


def check_spec(spec, asyncapi_schema):
    """The document itself: AsyncAPI 3.0.0, examples valid, unions complete."""
    if asyncapi_schema:
        meta = json.loads(pathlib.Path(asyncapi_schema).read_text())
        jsonschema.Draft7Validator(meta).validate(spec.doc)
    messages = spec.doc["components"]["messages"]
    for name, message in messages.items():
        assert message.get("examples"), f"message {name} has no example"
        validator = spec.validator(message["payload"]["$ref"][1:])
        for example in message["examples"]:
            validator.validate(example["payload"])
            assert example["payload"]["type"] == name, (name, example["payload"]["type"])
    for operation, members in [("sendClientEvent", spec.client), ("receiveServerEvent", spec.server)]:
        listed = {ref["$ref"].rsplit("/", 1)[1] for ref in spec.doc["operations"][operation]["messages"]}
        assert listed == set(members), (operation, listed ^ set(members))
    assert set(messages) == set(spec.client) | set(spec.server)


class Context:
    def __init__(self, root, spec):
        self.url = root.replace("http://", "ws://", 1).rstrip("/") + "/api/paas/v4/realtime"
        self.spec, self.seen = spec, Counter()

    def open(self, token=KEY, query=""):
        return _Open(self, token, query)


class _Open:
    def __init__(self, ctx, token, query):
        self.ctx, self.token, self.query = ctx, token, query

    async def __aenter__(self):
        headers = {"Authorization": f"Bearer {self.token}"}
        self.ws = await connect(self.ctx.url + self.query, additional_headers=headers, max_size=8 << 20)
        return Conn(self.ws, self.ctx.spec, self.ctx.seen)

    async def __aexit__(self, *exc):
        await self.ws.close()


async def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", default="http://127.0.0.1:8080")
    parser.add_argument("--asyncapi-schema", help="the AsyncAPI 3.0.0 JSON Schema, to validate the spec")
    args = parser.parse_args()
    spec = Spec(SPEC_PATH)
    ctx = Context(args.root, spec)
    passed = failed = 0

    def report(name, error):
        nonlocal passed, failed
        if error is None:
            passed += 1
            print(f"ok    {name}")
        else:
            failed += 1
            print(f"FAIL  {name}: {error}")

    try:
        check_spec(spec, args.asyncapi_schema)
        report("spec", None)
    except (AssertionError, jsonschema.ValidationError, KeyError) as e:
        report("spec", f"{type(e).__name__}: {e}")
    for fn in CASES:
        try:
            await asyncio.wait_for(fn(ctx), 60)
            report(fn.__name__, None)
        except (AssertionError, jsonschema.ValidationError, ConnectionClosed, InvalidStatus,
                OSError, asyncio.TimeoutError, KeyError, StopIteration, ValueError) as e:
            traceback.print_exc(limit=2, file=sys.stdout)
            report(fn.__name__, f"{type(e).__name__}: {e}")
    unseen = sorted(set(spec.server) - set(ctx.seen))
    print(f"validated {sum(ctx.seen.values())} server events of {len(ctx.seen)} types"
          f" against spec/realtime.yaml; not sent by the mock: {', '.join(unseen) or 'none'}")
    print(f"realtime conformance: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
