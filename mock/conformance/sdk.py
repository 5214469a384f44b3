#!/usr/bin/env python3
"""The official Python SDK (`zai-sdk`, PyPI) as a conformance client of the mock.

Calls every method the SDK offers -- plain, streaming and multipart -- against a
running `zai mock` at the SDK's usual base URL, `http://127.0.0.1:PORT/api/paas/v4/`,
checks each typed answer, and prints `sdk conformance: N passed, N failed`
(exit status 1 if any failed).

    pip install 'zai-sdk==0.2.3'
    target/debug/zai mock --port 8080 &
    python3 mock/conformance/sdk.py http://127.0.0.1:8080

Tested with zai-sdk 0.2.3 (the version `.ci/run` pins).
"""

import io
import json
import sys
import traceback

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


# ---------------------------------------------------------------- chat
@case
def chat_plain():
    r = client.chat.completions.create(model="glm-4.7", messages=HI)
    assert r.choices[0].message.content == ANSWER, r
    assert r.usage.total_tokens > 0


@case
def chat_plain_static_key():
    r = plain.chat.completions.create(model="glm-4.7", messages=HI)
    assert r.choices[0].finish_reason == "stop"


simple(
    "chat_with_options",
    lambda: client.chat.completions.create(
        model="glm-4.7",
        messages=[{"role": "system", "content": "Be brief."}] + HI,
        temperature=0.6,
        top_p=0.9,
        max_tokens=100,
        stop=["\n\n"],
        request_id="req-123456",
        user_id="user-123456",
        do_sample=True,
    ),
    lambda r: r.choices[0].message.content,
)


@case
def chat_stream():
    text, reasoning, calls, finish = collect(
        client.chat.completions.create(model="glm-4.7", messages=HI, stream=True)
    )
    assert text == ANSWER, text
    assert reasoning and not calls and finish == ["stop"]


@case
def chat_tools():
    # The mock calls the declared function matching the question, its arguments
    # an instance of its schema with the city the question names.
    paris = [{"role": "user", "content": "What's the weather in Paris?"}]
    r = client.chat.completions.create(model="glm-4.7", messages=paris, tools=WEATHER, tool_choice="auto")
    call = r.choices[0].message.tool_calls[0]
    assert call.function.name == "get_weather"
    assert json.loads(call.function.arguments) == {"city": "Paris"}


@case
def chat_tools_stream():
    text, _, calls, finish = collect(
        client.chat.completions.create(model="glm-4.7", messages=HI, tools=WEATHER, stream=True)
    )
    assert calls and calls[0].function.name == "get_weather" and finish == ["tool_calls"]


@case
def chat_tool_loop_ends():
    first = client.chat.completions.create(model="glm-4.7", messages=HI, tools=WEATHER)
    call = first.choices[0].message.tool_calls[0]
    messages = HI + [
        {
            "role": "assistant",
            "content": "",
            "tool_calls": [
                {
                    "id": call.id,
                    "type": "function",
                    "function": {"name": call.function.name, "arguments": call.function.arguments},
                }
            ],
        },
        {"role": "tool", "tool_call_id": call.id, "content": '{"temp": 21}'},
    ]
    second = client.chat.completions.create(model="glm-4.7", messages=messages, tools=WEATHER)
    assert not second.choices[0].message.tool_calls
    assert second.choices[0].message.content


@case
def chat_json_mode():
    r = client.chat.completions.create(
        model="glm-4.7", messages=HI, response_format={"type": "json_object"}
    )
    json.loads(r.choices[0].message.content)


@case
def chat_json_mode_stream():
    text, *_ = collect(
        client.chat.completions.create(
            model="glm-4.7", messages=HI, response_format={"type": "json_object"}, stream=True
        )
    )
    json.loads(text)


simple(
    "chat_thinking_disabled",
    lambda: client.chat.completions.create(model="glm-4.7", messages=HI, thinking={"type": "disabled"}),
    lambda r: not getattr(r.choices[0].message, "reasoning_content", None),
)


@case
def chat_thinking_disabled_stream():
    text, reasoning, *_ = collect(
        client.chat.completions.create(
            model="glm-4.7", messages=HI, thinking={"type": "disabled"}, stream=True
        )
    )
    assert text and not reasoning


@case
def chat_thinking_enabled_stream():
    _, reasoning, *_ = collect(
        client.chat.completions.create(
            model="glm-4.7", messages=HI, thinking={"type": "enabled"}, stream=True
        )
    )
    assert reasoning


simple(
    "chat_vision_content_parts",
    lambda: client.chat.completions.create(
        model="glm-4.6v",
        messages=[
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "What is this?"},
                    {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}},
                ],
            }
        ],
    ),
    lambda r: r.choices[0].message.content,
)


@case
def chat_error_429():
    expect_error(lambda: client.chat.completions.create(model="error-429", messages=HI), "1302")


@case
def chat_error_401():
    expect_error(lambda: client.chat.completions.create(model="error-401", messages=HI), "1002")


@case
def chat_validation_400():
    bad = [{"role": "robot", "content": "x"}]
    expect_error(lambda: client.chat.completions.create(model="glm-4.7", messages=bad), "messages[0].role")


@case
def chat_async_create_and_poll():
    task = client.chat.asyncCompletions.create(model="glm-4.7", messages=HI)
    assert task.task_status == "PROCESSING" and task.id
    statuses = [
        client.chat.asyncCompletions.retrieve_completion_result(id=task.id).task_status for _ in range(3)
    ]
    assert statuses == ["PROCESSING", "PROCESSING", "SUCCESS"], statuses
    done = client.chat.asyncCompletions.retrieve_completion_result(id=task.id)
    assert done.choices[0].message.content


@case
def chat_async_tasks_are_distinct():
    a = client.chat.asyncCompletions.create(model="glm-4.7", messages=HI)
    b = client.chat.asyncCompletions.create(model="glm-4.7", messages=HI)
    assert a.id != b.id


# ---------------------------------------------------------------- images, video
simple(
    "images_generations",
    lambda: client.images.generations(model="cogview-4-250304", prompt="A lighthouse"),
    lambda r: r.data[0].url.startswith("https://"),
)


simple(
    "images_generations_options",
    lambda: client.images.generations(
        model="cogview-4-250304", prompt="A lighthouse", size="1024x1024", quality="standard"
    ),
    lambda r: r.data,
)


@case
def images_async_and_result():
    task = client.images.async_generations(model="glm-image", prompt="A lighthouse")
    assert task.id
    for _ in range(2):
        client.images.retrieve_images_result(id=task.id)
    done = client.images.retrieve_images_result(id=task.id)
    assert done.task_status == "SUCCESS" and done.image_result[0].url


simple(
    "videos_generations",
    lambda: client.videos.generations(model="cogvideox-3", prompt="A cat playing the piano"),
    lambda r: r.task_status == "PROCESSING" and r.id,
)


simple(
    "videos_generations_options",
    lambda: client.videos.generations(
        model="cogvideox-3",
        prompt="A cat",
        quality="speed",
        with_audio=True,
        size="1920x1080",
        fps=30,
        duration=5,
        image_url="https://example.com/first.png",
    ),
    lambda r: r.id,
)


@case
def videos_result_progresses():
    task = client.videos.generations(model="cogvideox-3", prompt="A cat")
    seen = [client.videos.retrieve_videos_result(id=task.id).task_status for _ in range(3)]
    assert seen == ["PROCESSING", "PROCESSING", "SUCCESS"], seen
    done = client.videos.retrieve_videos_result(id=task.id)
    assert done.video_result[0].url.endswith(".mp4")


# ---------------------------------------------------------------- audio
simple(
    "audio_transcriptions",
    lambda: client.audio.transcriptions.create(model="glm-asr-2512", file=wav()),
    lambda r: r.text,
)


simple(
    "audio_transcriptions_stream",
    lambda: list(client.audio.transcriptions.create(model="glm-asr-2512", file=wav(), stream=True)),
    lambda r: r,
)


simple(
    "audio_speech",
    lambda: client.audio.speech(model="glm-tts", input="Hello", voice="tongtong", response_format="wav"),
    lambda r: r.content,
)


@case
def audio_speech_stream():
    events = list(
        client.audio.speech(model="glm-tts", input="Hello", voice="tongtong", stream=True, response_format="pcm")
    )
    assert events


simple(
    "audio_customization",
    lambda: client.audio.customization(
        model="glm-tts", input="Hello", voice_text="Sample", voice_data=wav(), response_format="wav"
    ),
    lambda r: r.content,
)


# ---------------------------------------------------------------- tools, search, reader, ocr
simple(
    "tools_web_search",
    lambda: client.tools.web_search(
        model="web-search-pro", messages=[{"role": "user", "content": "rust 2024"}]
    ),
    lambda r: r.choices,
)


simple(
    "tools_web_search_stream",
    lambda: list(
        client.tools.web_search(
            model="web-search-pro", messages=[{"role": "user", "content": "rust 2024"}], stream=True
        )
    ),
    lambda r: r,
)


simple(
    "web_search",
    lambda: client.web_search.web_search(search_engine="search-prime", search_query="rust 2024", count=5),
    lambda r: r.search_result[0].link,
)


simple(
    "web_search_filters",
    lambda: client.web_search.web_search(
        search_engine="search-prime",
        search_query="rust",
        search_domain_filter="rust-lang.org",
        search_recency_filter="oneWeek",
        content_size="medium",
    ),
    lambda r: r.search_result,
)


simple(
    "web_reader",
    lambda: client.web_reader.web_reader(url="https://www.rust-lang.org"),
    lambda r: r.reader_result.content,
)


simple(
    "web_reader_options",
    lambda: client.web_reader.web_reader(
        url="https://www.rust-lang.org", return_format="markdown", retain_images=False, no_cache=True
    ),
    lambda r: r.reader_result,
)


simple(
    "layout_parsing",
    lambda: client.layout_parsing.create(model="glm-ocr", file="https://example.com/page.png"),
    lambda r: r.md_results,
)


simple(
    "handwriting_ocr",
    lambda: client.ocr.handwriting_ocr(file=png(), tool_type="hand_write"),
    lambda r: r.words_result or r.status,
)


simple(
    "handwriting_ocr_options",
    lambda: client.ocr.handwriting_ocr(file=png(), tool_type="hand_write", language_type="CHN_ENG", probability=True),
    lambda r: r,
)


# ---------------------------------------------------------------- embeddings, moderation
simple(
    "embeddings",
    lambda: client.embeddings.create(model="embedding-3", input="Hello"),
    lambda r: r.data[0].embedding,
)


simple(
    "embeddings_batch",
    lambda: client.embeddings.create(model="embedding-3", input=["Hello", "World"], dimensions=256),
    lambda r: r.data,
)


simple(
    "moderations_text",
    lambda: client.moderations.create(model="moderation", input="Hello"),
    lambda r: r.result_list,
)


simple(
    "moderations_parts",
    lambda: client.moderations.create(model="moderation", input=[{"type": "text", "text": "Hello"}]),
    lambda r: r.result_list,
)


# ---------------------------------------------------------------- files, batches
@case
def files_lifecycle():
    data = b'{"custom_id":"a"}\n\x00\xffbytes'
    up = client.files.create(file=("in.jsonl", io.BytesIO(data), "application/jsonl"), purpose="batch")
    assert up.id and up.bytes == len(data) and up.filename == "in.jsonl", up
    ids = [f.id for f in client.files.list(purpose="batch").data]
    assert up.id in ids, ids
    assert client.files.content(file_id=up.id).content == data
    deleted = client.files.delete(file_id=up.id)
    assert deleted.deleted and deleted.id == up.id
    expect_error(lambda: client.files.content(file_id=up.id), "404", "not found")


@case
def files_list_paging():
    for i in range(3):
        client.files.create(file=(f"f{i}.txt", io.BytesIO(b"x"), "text/plain"), purpose="agent")
    page = client.files.list(purpose="agent", limit=2, order="desc")
    assert len(page.data) == 2 and page.has_more
    rest = client.files.list(purpose="agent", after=page.data[-1].id, limit=1000)
    assert rest.data and not rest.has_more
    assert not {f.id for f in page.data} & {f.id for f in rest.data}


def batch_input(lines):
    text = "".join(
        json.dumps({"custom_id": cid, "method": "POST", "url": "/v4/chat/completions",
                    "body": {"model": model, "messages": HI}}) + "\n"
        for cid, model in lines
    )
    return client.files.create(file=("batch.jsonl", io.BytesIO(text.encode()), "application/jsonl"), purpose="batch")


@case
def batches_lifecycle():
    up = batch_input([("r1", "glm-4.7"), ("r2", "error-400"), ("r3", "glm-4.7")])
    batch = client.batches.create(
        input_file_id=up.id, endpoint="/v1/chat/completions", completion_window="24h",
        metadata={"description": "sdk"},
    )
    assert batch.status == "validating" and batch.input_file_id == up.id
    seen = [client.batches.retrieve(batch.id).status for _ in range(3)]
    assert seen == ["validating", "in_progress", "completed"], seen
    done = client.batches.retrieve(batch.id)
    assert done.request_counts.total == 3 and done.request_counts.failed == 1
    out = client.files.content(file_id=done.output_file_id).content.decode().splitlines()
    assert [json.loads(line)["custom_id"] for line in out] == ["r1", "r3"]
    body = json.loads(out[0])["response"]["body"]
    assert json.loads(out[0])["response"]["status_code"] == 200 and body["choices"][0]["message"]["content"]
    errors = client.files.content(file_id=done.error_file_id).content.decode().splitlines()
    assert [json.loads(line)["response"]["status_code"] for line in errors] == [400]


@case
def batches_list():
    up = batch_input([("only", "glm-4.7")])
    batch = client.batches.create(input_file_id=up.id, endpoint="/v1/chat/completions", completion_window="24h")
    page = client.batches.list(limit=5)
    assert page.data[0].id == batch.id


@case
def batches_cancel():
    up = batch_input([("only", "glm-4.7")])
    batch = client.batches.create(input_file_id=up.id, endpoint="/v1/chat/completions", completion_window="24h")
    cancelled = client.batches.cancel(batch.id)
    assert cancelled.status == "cancelling" and cancelled.id == batch.id
    # The next retrievals read the end of the cancel (`cancelled`), and stay there.
    assert client.batches.retrieve(batch.id).status == "cancelled"
    assert client.batches.retrieve(batch.id).status == "cancelled"


@case
def batches_unknown_is_404():
    expect_error(lambda: client.batches.retrieve("batch_does_not_exist"), "404", "not found")


# ---------------------------------------------------------------- document parsing
@case
def file_parser_create_and_content():
    task = client.file_parser.create(file=png(), file_type="PNG", tool_type="lite")
    assert task.task_id
    r = client.file_parser.content(task_id=task.task_id, format_type="text")
    assert r.content


simple(
    "file_parser_sync",
    lambda: client.file_parser.create_sync(file=png(), file_type="PNG", tool_type="prime-sync"),
    lambda r: r,
)


# ---------------------------------------------------------------- agents
simple(
    "agents_invoke",
    lambda: client.agents.invoke(
        agent_id="general_translation",
        messages=[{"role": "user", "content": [{"type": "text", "text": "Hello"}]}],
        custom_variables={"source_lang": "en", "target_lang": "zh-CN"},
    ),
    lambda r: r.choices,
)


simple(
    "agents_invoke_stream",
    lambda: list(
        client.agents.invoke(
            agent_id="general_translation",
            messages=[{"role": "user", "content": [{"type": "text", "text": "Hello"}]}],
            stream=True,
        )
    ),
    lambda r: r and r[-1].choices[0].finish_reason == "stop",
)


simple(
    "agents_async_result",
    lambda: client.agents.async_result(agent_id="vidu_template_agent", async_id="agt-20260313-42"),
    lambda r: r.status == "success",
)


# ---------------------------------------------------------------- voice, assistant
simple(
    "voice_clone",
    lambda: client.voice.clone(
        voice_name="my voice", text="Hello", input="Sample text", file_id="file-1", model="glm-tts-clone"
    ),
    lambda r: r.voice,
)


simple(
    "voice_list",
    lambda: client.voice.list(),
    lambda r: r.voice_list,
)


simple(
    "voice_list_filtered",
    lambda: client.voice.list(voice_type="PRIVATE", voice_name="my"),
    lambda r: r is not None,
)


simple(
    "voice_delete",
    lambda: client.voice.delete(voice="voice-1"),
    lambda r: r.voice,
)


simple(
    "assistant_conversation",
    lambda: client.assistant.conversation(
        assistant_id="659e54b1b8006379b4b2abd6",
        model="glm-4-assistant",
        messages=[{"role": "user", "content": [{"type": "text", "text": "Hello"}]}],
    ),
    lambda r: r.choices,
)


simple(
    "assistant_conversation_stream",
    lambda: list(
        client.assistant.conversation(
            assistant_id="659e54b1b8006379b4b2abd6",
            model="glm-4-assistant",
            messages=[{"role": "user", "content": [{"type": "text", "text": "Hello"}]}],
            stream=True,
        )
    ),
    lambda r: r,
)


simple(
    "assistant_query_support",
    lambda: client.assistant.query_support(assistant_id_list=["659e54b1b8006379b4b2abd6"]),
    lambda r: r.data,
)


simple(
    "assistant_query_conversation_usage",
    lambda: client.assistant.query_conversation_usage(assistant_id="659e54b1b8006379b4b2abd6", page=1, page_size=10),
    lambda r: r.data,
)


# ---------------------------------------------------------------- the other bases
@case
def coding_plan_base():
    coding = ZaiClient(api_key="mock-id.mock-secret", base_url=f"{ROOT}/api/coding/paas/v4/", max_retries=0)
    r = coding.chat.completions.create(model="glm-4.7", messages=HI)
    assert r.choices


@case
def agents_documented_base():
    root = ZaiClient(api_key="mock-id.mock-secret", base_url=f"{ROOT}/api/", max_retries=0)
    r = root.agents.invoke(
        agent_id="general_translation", messages=[{"role": "user", "content": [{"type": "text", "text": "Hi"}]}]
    )
    assert r.choices


def main():
    passed = failed = 0
    for fn in CASES:
        try:
            fn()
            passed += 1
        except Exception:
            failed += 1
            print(f"FAIL {fn.__name__}:\n{traceback.format_exc()}", file=sys.stderr)
    print(f"sdk conformance: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
