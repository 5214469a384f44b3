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

import sdk_generation  # noqa: F401  (registers its cases first)
from sdk_support import CASES, HI, ROOT, case, client, expect_error, png, simple
from zai import ZaiClient

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
