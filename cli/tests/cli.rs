//! The `zai` binary end to end: every subcommand against `--mock`, error paths
//! against an httpmock server, exit codes and exact output where deterministic.

mod support;

use httpmock::{Method::GET, Method::POST, MockServer};
use support::{MockProcess, mock, zai};

fn temp_file(name: &str) -> String {
    let path = std::env::temp_dir().join(format!("zai-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, b"RIFF....WAVEfmt ").unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn chat_plain_and_streamed() {
    let out = mock(&["chat", "Hello"]);
    assert_eq!(
        out.stdout,
        "You asked about \"Hello\". Hello! How can I help you today?\n"
    );
    assert_eq!(out.stderr, "The user greets me; I greet back.\n");
    let out = mock(&["chat", "--stream", "Hello"]);
    assert_eq!(
        out.stdout,
        "You asked about \"Hello\". Hello! How can I help you today?\n"
    );
    assert_eq!(out.stderr, "The user greets me; I greet back.\n");
    let out = mock(&["chat", "--stream", "--no-reasoning", "Hello"]);
    assert_eq!(out.stderr, "");
    let out = mock(&[
        "chat",
        "--system",
        "Be brief.",
        "--thinking",
        "on",
        "--image",
        "https://x/cat.png",
        "--max-tokens",
        "100",
        "--temperature",
        "0.5",
        "Hello",
    ]);
    assert_eq!(
        out.stdout,
        "You asked about \"Hello\". Hello! How can I help you today?\n"
    );
}

#[test]
fn chat_json_has_the_same_shape_streamed_or_not() {
    let plain: serde_json::Value =
        serde_json::from_str(&mock(&["chat", "--json", "Hello"]).stdout).unwrap();
    let streamed: serde_json::Value =
        serde_json::from_str(&mock(&["chat", "--stream", "--json", "Hello"]).stdout).unwrap();
    for v in [&plain, &streamed] {
        assert_eq!(v["object"], "chat.completion");
        assert_eq!(
            v["choices"][0]["message"]["content"],
            "You asked about \"Hello\". Hello! How can I help you today?"
        );
        assert_eq!(v["choices"][0]["finish_reason"], "stop");
        // Counted from the texts: "Hello" (1), the answer and its reasoning (25).
        assert_eq!(v["usage"]["total_tokens"], 26);
    }
}

#[test]
fn chat_tool_calls_are_printed() {
    let tools = r#"[{"type":"function","function":{"name":"get_weather",
        "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}]"#;
    let expected = "[tool call call_32fec17e00dc3c05] get_weather({\"city\":\"Paris\"})\n";
    assert_eq!(
        mock(&["chat", "--tools", tools, "Weather in Paris?"]).stdout,
        expected
    );
    let out = mock(&["chat", "--stream", "--tools", tools, "Weather in Paris?"]);
    assert_eq!(out.stdout, expected);
    assert!(out.stderr.contains("call get_weather"));
}

#[test]
fn mock_help_lists_the_triggers() {
    let help = zai(&["mock", "--help"]).stdout;
    for trigger in [
        "X-Zai-Mock: fault=disconnect",
        "model error-<status>",
        "--directives",
    ] {
        assert!(help.contains(trigger), "{trigger}: {help}");
    }
}

#[test]
fn every_other_subcommand_against_the_mock() {
    let wav = temp_file("a.wav");
    let cases: &[(&[&str], &str)] = &[
        (
            &["image", "a cat"],
            "https://aigc-files.z.ai/image/lighthouse.png\n",
        ),
        (
            &["video", "a cat", "--wait"],
            "https://aigc-files.z.ai/video/cat_piano.mp4\n",
        ),
        (
            &["result", "t1", "--wait"],
            "https://aigc-files.z.ai/video/cat_piano.mp4\n",
        ),
        (&["result", "t1"], ""),
        (&["tokenize", "hello world"], "2\n"),
        (&["transcribe", &wav], "Hello, this is a test of GLM ASR.\n"),
        (
            &["transcribe", "--stream", &wav],
            "Hello, this is a test of GLM ASR.\n",
        ),
        (
            &["agent", "Hello, world!", "--var", "target_lang=zh-CN"],
            "你好，世界！\n",
        ),
        (&["agent", "--stream", "Hello, world!"], "你好，世界！\n"),
        (
            &["messages", "Hello"],
            "You asked about \"Hello\". Hello! How can I help you today?\n",
        ),
        (
            &["messages", "--stream", "Hello"],
            "You asked about \"Hello\". Hello! How can I help you today?\n",
        ),
    ];
    for (args, stdout) in cases {
        assert_eq!(mock(args).stdout, *stdout, "zai --mock {args:?}");
    }
    // A new task id each time, shaped like the spec's example.
    let task = mock(&["video", "a cat"]).stdout;
    assert!(task.starts_with("8230173823456789012-"), "{task}");
    assert_eq!(mock(&["result", "t2"]).stderr, "status: PROCESSING\n");
    for args in [
        &["search", "rust"][..],
        &["read", "https://www.rust-lang.org"],
        &["ocr", &wav],
        &["upload", &wav, "--purpose", "batch"],
    ] {
        assert!(!mock(args).stdout.trim().is_empty(), "zai --mock {args:?}");
    }
}

#[test]
fn api_calls_any_json_operation() {
    let out = mock(&["api", "listFiles", "--param", "limit=2"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["object"], "list");
    let out = mock(&[
        "api",
        "createEmbedding",
        "--body",
        r#"{"model":"embedding-3","input":"hi"}"#,
    ]);
    assert!(serde_json::from_str::<serde_json::Value>(&out.stdout).is_ok());
    // The batch of the spec's list example, which the mock holds from the start.
    let out = mock(&[
        "api",
        "retrieveBatch",
        "--param",
        "batch_id=batch_1791490810192076800",
    ]);
    assert!(out.stdout.contains("\"id\""));
    assert!(
        mock(&["api", "--list"])
            .stdout
            .contains("createChatCompletion")
    );
    let out = zai(&["--mock", "api", "noSuchOperation"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: unknown operation `noSuchOperation` (`zai api --list` shows them)\n"
    );
    let out = zai(&["--mock", "api", "retrieveBatch"]);
    assert_eq!(out.code, 2);
}

#[test]
fn errors_from_the_mock_on_demand() {
    let out = zai(&[
        "--mock",
        "--max-retries",
        "0",
        "chat",
        "--model",
        "error-429",
        "hi",
    ]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: HTTP 429, code 1302: Rate limit reached for requests\n"
    );
    let out = zai(&["--mock", "chat", "--model", "error-400", "hi"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "error: HTTP 400, code 1214: Invalid request parameters\n"
    );
}

/// `zai result` of an async chat completion prints its reply.
#[test]
fn result_prints_an_async_chat_reply() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/async-result/chat-1");
        then.status(200)
            .header("content-type", "application/json")
            .body(r#"{"id":"chat-1","task_status":"SUCCESS","choices":[{"index":0,"message":{"role":"assistant","content":"Hello there."}}]}"#);
    });
    let out = zai(&[
        "--base-url",
        &server.base_url(),
        "--api-key",
        "id.secret",
        "result",
        "chat-1",
    ]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "Hello there.\n", "status: SUCCESS\n")
    );
}

#[test]
fn api_errors_from_a_real_server_are_one_line_and_never_show_the_key() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/chat/completions");
        then.status(429)
            .header("content-type", "application/json")
            .body(r#"{"error":{"code":"1302","message":"Rate limit reached for requests"}}"#);
    });
    let key = "secret-id.secret-value";
    let out = zai(&[
        "--base-url",
        &server.base_url(),
        "--api-key",
        key,
        "--max-retries",
        "0",
        "chat",
        "hi",
    ]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: HTTP 429, code 1302: Rate limit reached for requests\n"
    );
    let out = zai(&[
        "--base-url",
        &server.base_url(),
        "--api-key",
        key,
        "--auth",
        "jwt",
        "--max-retries",
        "0",
        "chat",
        "hi",
    ]);
    assert_eq!(out.code, 1);
    assert!(!out.stderr.contains("secret"));
}

#[test]
fn network_errors_exit_1() {
    let out = zai(&[
        "--base-url",
        "http://127.0.0.1:9",
        "--api-key",
        "k.s",
        "--max-retries",
        "0",
        "tokenize",
        "x",
    ]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.starts_with("error: "), "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1);
}

#[test]
fn usage_errors_exit_2() {
    let out = zai(&["chat", "hi"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: no API key: set ZAI_API_KEY (or pass --api-key), or try --mock to answer from the built-in mock server\n"
    );
    assert_eq!(zai(&["chatty"]).code, 2);
    assert_eq!(zai(&["--mock", "chat"]).code, 2);
    assert_eq!(
        zai(&["--mock", "chat", "--thinking", "maybe", "hi"]).code,
        2
    );
    let out = zai(&["--mock", "ocr", "/no/such/file.png"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: cannot read /no/such/file.png")
    );
    assert_eq!(
        zai(&["--mock", "chat", "--tools", "not json", "hi"]).code,
        2
    );
    // A poll interval that is no duration is refused, not replaced.
    for args in [
        ["--mock", "result", "t", "--wait", "--interval=-1"],
        ["--mock", "video", "cat", "--wait", "--interval=NaN"],
    ] {
        let out = zai(&args);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stderr.contains(": not a duration"), "{}", out.stderr);
    }
}

#[test]
fn mock_subcommand_serves_until_killed() {
    let mock = MockProcess::start();
    assert!(mock.url.starts_with("http://127.0.0.1:"), "{}", mock.url);
    let out = zai(&[
        "--base-url",
        &mock.url,
        "--api-key",
        "k.s",
        "tokenize",
        "hi there",
    ]);
    assert_eq!(out.stdout, "2\n");
}

#[test]
fn decode_reassembles_a_capture_at_any_chunking_without_a_key() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/stream_tool_index_minus1.sse"
    );
    let whole = zai(&["decode", file]);
    assert_eq!(whole.code, 0, "{}", whole.stderr);
    let json: serde_json::Value = serde_json::from_str(&whole.stdout).unwrap();
    let call = &json["choices"][0]["message"]["tool_calls"][0];
    assert_eq!(
        call["index"], 0,
        "a -1 wire index becomes the call's position"
    );
    assert_eq!(json["choices"][0]["finish_reason"], "tool_calls");
    for chunk in ["1", "7", "64", "1460"] {
        assert_eq!(
            zai(&["decode", "--chunk", chunk, file]).stdout,
            whole.stdout,
            "chunk {chunk}"
        );
    }
    let error = temp_file("error.json");
    std::fs::write(
        &error,
        r#"{"error":{"code":"1302","message":"Rate limit reached for requests"}}"#,
    )
    .unwrap();
    let mapped = zai(&["decode", "--status", "429", &error]);
    assert_eq!(
        mapped.stdout.trim(),
        r#"{"code":"1302","message":"Rate limit reached for requests","status":429}"#
    );
    let bad = temp_file("bad.sse");
    std::fs::write(&bad, "data: {\"id\":\"x\"}\n\n").unwrap();
    let broken = zai(&["decode", &bad]);
    assert_eq!(
        (broken.code, broken.stderr.lines().count()),
        (1, 1),
        "{}",
        broken.stderr
    );
}

/// Z.AI's concatenated-frame fault: the answer is recovered at any chunking and
/// the dropped fragment is shown.
#[test]
fn decode_recovers_a_concatenated_frame_and_shows_what_it_dropped() {
    let cut = r#"{"id":"a","created":1,"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role"#;
    let intact = r#"{"id":"a","created":2,"choices":[{"index":0,"delta":{"role":"assistant","content":"Hello"}}]}"#;
    let last =
        r#"{"id":"a","choices":[{"index":0,"finish_reason":"stop","delta":{"content":"!"}}]}"#;
    let file = temp_file("glued.sse");
    std::fs::write(
        &file,
        format!("data: {cut}data: {intact}\n\ndata: {last}\n\ndata: [DONE]\n\n"),
    )
    .unwrap();
    let whole = zai(&["decode", &file]);
    assert_eq!(whole.code, 0, "{}", whole.stderr);
    let json: serde_json::Value = serde_json::from_str(&whole.stdout).unwrap();
    assert_eq!(json["choices"][0]["message"]["content"], "Hello!");
    assert_eq!(json["dropped_fragments"], serde_json::json!([cut]));
    for chunk in ["1", "7", "64"] {
        assert_eq!(
            zai(&["decode", "--chunk", chunk, &file]).stdout,
            whole.stdout
        );
    }
}
