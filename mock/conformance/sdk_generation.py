"""SDK conformance cases of the generation APIs: chat, images, video, audio (see sdk.py)."""

import json

from sdk_support import ANSWER, HI, WEATHER, case, client, collect, expect_error, plain, simple, wav

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
