//! What the `zai` binary's end-to-end tests share: running it, and a `zai mock`
//! process of their own.

#![allow(dead_code)] // each test binary uses its own subset

use std::process::Command;
/// A finished run of `zai`.
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `zai` with `args`, without the caller's key or base URL.
pub fn zai(args: &[&str]) -> Out {
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

/// Runs `zai --mock` with `args` and asserts it succeeded.
pub fn mock(args: &[&str]) -> Out {
    let mut all = vec!["--mock"];
    all.extend_from_slice(args);
    let out = zai(&all);
    assert_eq!(out.code, 0, "zai {args:?}: {}", out.stderr);
    out
}
/// A `zai mock` process, killed when dropped.
pub struct MockProcess {
    child: std::process::Child,
    /// Its base URL.
    pub url: String,
}

impl MockProcess {
    /// Starts `zai mock` on a free port.
    pub fn start() -> Self {
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
