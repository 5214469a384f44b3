//! The `zai` binary end to end: every subcommand against `--mock`, error paths
//! against an httpmock server, exit codes and exact output where deterministic.

use httpmock::{Method::GET, Method::POST, MockServer};
use std::process::Command;

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn zai(args: &[&str]) -> Out {
    let out = Command::new(env!("CARGO_BIN_EXE_zai"))
        .args(args)
        .env_remove("ZAI_API_KEY")
        .env_remove("ZAI_BASE_URL")
        .output()
        .expect("run zai");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn mock(args: &[&str]) -> Out {
    let mut all = vec!["--mock"];
    all.extend_from_slice(args);
    let out = zai(&all);
    assert_eq!(out.code, 0, "zai {args:?}: {}", out.stderr);
    out
}

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

/// A `zai mock` process, killed when dropped.
struct MockProcess {
    child: std::process::Child,
    url: String,
}

impl MockProcess {
    fn start() -> Self {
        use std::io::{BufRead, BufReader};
        let mut child = Command::new(env!("CARGO_BIN_EXE_zai"))
            .args(["mock", "--port", "0"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        MockProcess {
            child,
            url: line.trim().to_owned(),
        }
    }
}

impl Drop for MockProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh directory for a batch job's files.
fn batch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zai-cli-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `count` chat requests: odd lines in the Batch API's format (`r<i>`), even
/// ones plain bodies (`line-<number>`); every 13th asks for a 429.
fn batch_input(dir: &std::path::Path, count: usize) -> String {
    let mut text = String::new();
    for i in 0..count {
        let model = if i % 13 == 0 { "error-429" } else { "glm-4.7" };
        let body = serde_json::json!({"model": model, "messages": [{"role": "user", "content": format!("q{i}")}]});
        let line = if i % 2 == 1 {
            serde_json::json!({"custom_id": format!("r{i}"), "method": "POST", "url": "/v4/chat/completions", "body": body})
        } else {
            body
        };
        text.push_str(&format!("{line}\n"));
    }
    let path = dir.join("in.jsonl");
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// The id line `i` of [`batch_input`] gets.
fn batch_id(i: usize) -> String {
    if i % 2 == 1 {
        format!("r{i}")
    } else {
        format!("line-{}", i + 1)
    }
}

fn lines(path: &std::path::Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn batch_run_resumes_after_being_killed_without_duplicates() {
    const COUNT: usize = 2_000;
    let mock = MockProcess::start();
    let dir = batch_dir("kill");
    let input = batch_input(&dir, COUNT);
    let (out, state) = (dir.join("out.jsonl"), dir.join("state.json"));
    let args = [
        "--base-url",
        &mock.url,
        "--api-key",
        "k.s",
        "batch",
        "run",
        &input,
        "--out",
        &out.to_string_lossy(),
        "--state",
        &state.to_string_lossy(),
        "--max-requests",
        "200",
        "--in-flight",
        "1",
        "--interval",
        "0.05",
    ];
    // Ten batches one after the other, three polls each: killed in the first.
    let mut child = Command::new(env!("CARGO_BIN_EXE_zai"))
        .args(args)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    while std::fs::metadata(&out).map_or(0, |m| m.len()) == 0 {
        assert!(child.try_wait().unwrap().is_none(), "the run ended first");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    let _ = child.wait();
    assert!(lines(&out).len() < COUNT);
    let status = zai(&["batch", "status", &state.to_string_lossy()]);
    assert_eq!(status.code, 0, "{}", status.stderr);
    assert!(
        status.stdout.ends_with("finished: no\n"),
        "{}",
        status.stdout
    );

    let rerun = zai(&args);
    assert_eq!(rerun.code, 0, "{}", rerun.stderr);
    let failed = (0..COUNT).filter(|i| i % 13 == 0).count();
    assert_eq!(
        rerun.stderr,
        format!(
            "{COUNT} results ({} completed, {failed} failed) in {}\n",
            COUNT - failed,
            out.display()
        )
    );
    let results = lines(&out);
    assert_eq!(results.len(), COUNT);
    let mut by_id = std::collections::HashMap::new();
    for result in &results {
        let id = result["custom_id"].as_str().unwrap().to_owned();
        assert!(by_id.insert(id.clone(), result).is_none(), "{id} twice");
    }
    for i in 0..COUNT {
        let result = by_id[&batch_id(i)];
        if i % 13 == 0 {
            assert_eq!(
                result["error"],
                serde_json::json!({"kind": "api", "status": 429, "code": "1302", "message": "Rate limit reached for requests"})
            );
        } else {
            assert_eq!(
                result["response"]["choices"][0]["message"]["content"],
                format!("You asked about \"q{i}\". Hello! How can I help you today?")
            );
        }
    }
    let status = zai(&["batch", "status", &state.to_string_lossy()]);
    assert_eq!(
        status.stdout,
        format!(
            "batches: 10 (0 in flight)\nsubmitted: {COUNT}\ncompleted: {}\nfailed: {failed}\ncancelled: no\nfinished: yes\n",
            COUNT - failed
        )
    );
}

#[test]
fn batch_cancel_stops_the_running_batches() {
    let mock = MockProcess::start();
    let dir = batch_dir("cancel");
    let input = batch_input(&dir, 10);
    let state = dir.join("state.json").to_string_lossy().into_owned();
    let out = dir.join("out.jsonl").to_string_lossy().into_owned();
    let server = ["--base-url", &mock.url, "--api-key", "k.s"];
    let mut run: Vec<&str> = server.to_vec();
    run.extend(["batch", "run", &input, "--out", &out, "--state", &state]);
    run.extend(["--max-requests", "5", "--interval", "60"]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_zai"))
        .args(&run)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Both batches created, waiting a minute for their first poll.
    while !zai(&["batch", "status", &state])
        .stdout
        .starts_with("batches: 2")
    {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    let _ = child.wait();
    let mut cancel: Vec<&str> = server.to_vec();
    cancel.extend(["batch", "cancel", &state]);
    let cancelled = zai(&cancel);
    assert_eq!(cancelled.code, 0, "{}", cancelled.stderr);
    assert_eq!(
        cancelled.stdout,
        "batches: 2 (2 in flight)\nsubmitted: 10\ncompleted: 0\nfailed: 0\ncancelled: yes\nfinished: no\n"
    );
    let listed = zai(&[&server[..], &["api", "listBatches"]].concat());
    let cancelling = listed.stdout.matches("\"cancelling\"").count();
    assert_eq!(cancelling, 2, "{}", listed.stdout);

    // Run again: the batches read `cancelled`, and every request gets its line.
    let last = run.len() - 1;
    run[last] = "0.01";
    let rerun = zai(&run);
    assert_eq!(rerun.code, 0, "{}", rerun.stderr);
    let results = std::fs::read_to_string(&out).unwrap();
    let ended = results.matches("\"kind\":\"batch_ended\"").count();
    assert_eq!((results.lines().count(), ended), (10, 10), "{results}");
}

#[test]
fn batch_usage_errors_exit_2() {
    let dir = batch_dir("usage");
    let input = dir.join("in.jsonl");
    std::fs::write(
        &input,
        "{\"model\":\"glm-4.7\",\"messages\":[]}\n\n{\"custom_id\": 7, \"body\": {}}\n",
    )
    .unwrap();
    let input = input.to_string_lossy();
    let out = dir.join("out.jsonl");
    let out = zai(&[
        "--mock",
        "batch",
        "run",
        &input,
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        format!("error: {input}:3: `custom_id` is not a non-empty string\n")
    );
    let missing = dir.join("none.json");
    for command in ["status", "cancel"] {
        let out = zai(&["--mock", "batch", command, &missing.to_string_lossy()]);
        assert_eq!(
            (out.code, out.stderr),
            (2, format!("error: no batch job at {}\n", missing.display())),
            "{command}"
        );
    }
}

#[test]
fn batch_run_embeddings_in_input_order() {
    let dir = batch_dir("embeddings");
    let input = dir.join("in.jsonl");
    let text: String = (0..5)
        .map(|i| format!("{{\"model\":\"embedding-3\",\"input\":\"text {i}\"}}\n"))
        .collect();
    std::fs::write(&input, text).unwrap();
    let out = dir.join("out.jsonl");
    let run = mock(&[
        "batch",
        "run",
        &input.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
        "--endpoint",
        "embeddings",
        "--order",
        "input",
        "--max-requests",
        "2",
    ]);
    assert_eq!(
        run.stderr,
        format!("5 results (5 completed, 0 failed) in {}\n", out.display())
    );
    let results = lines(&out);
    let ids: Vec<&str> = results
        .iter()
        .map(|r| r["custom_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["line-1", "line-2", "line-3", "line-4", "line-5"]);
    for result in &results {
        assert!(
            result["response"]["data"][0]["embedding"]
                .as_array()
                .is_some_and(|e| !e.is_empty())
        );
    }
}
