//! `zai batch` end to end against a `zai mock` process: resume after a kill without
//! duplicates, cancel, usage errors, results in input order.

mod support;

use std::process::Command;
use support::{MockProcess, mock, zai};

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
