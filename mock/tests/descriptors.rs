//! The accept loop when file descriptors run out: a mock in a child process
//! limited to 64 descriptors (`ulimit -n 64`) is flooded with connections; while
//! it cannot accept more it backs off instead of spinning (CPU time measured from
//! /proc), and once connections close it answers again, the waiting ones too.
#![cfg(target_os = "linux")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Set in the child: run the mock instead of the test.
const CHILD: &str = "ZAI_MOCK_DESCRIPTORS_CHILD";
const REQUEST: &[u8] = b"GET /files HTTP/1.1\r\nhost: x\r\nauthorization: Bearer a.b\r\n\r\n";

/// In the child process only: a mock on a free port, its port on stdout, alive
/// until killed.
#[tokio::test]
async fn child_mock() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let mock = zai_mock::MockServer::start().await;
    println!("PORT={}", mock.addr().port());
    tokio::time::sleep(Duration::from_secs(60)).await;
}

/// The child's user and system CPU time so far, in clock ticks (`/proc/<pid>/stat`).
fn cpu_ticks(child: &Child) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", child.id())).unwrap();
    // Fields after the `(comm)`: state is the 3rd field, utime the 14th, stime the 15th.
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = after.split(' ').collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

/// Whether an HTTP answer arrives on `socket` within `wait`.
fn answered(socket: &mut TcpStream, wait: Duration) -> bool {
    socket.set_read_timeout(Some(wait)).unwrap();
    let mut head = [0u8; 12];
    socket.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.1 200")
}

#[test]
fn out_of_descriptors_the_mock_backs_off_and_recovers() {
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new("sh")
        .args(["-c", "ulimit -n 64 && exec \"$0\" \"$@\""])
        .arg(exe)
        .args([
            "--exact",
            "child_mock",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env(CHILD, "1")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let port: u16 = lines
        .by_ref()
        .map_while(Result::ok)
        // libtest may print `test child_mock ... ` on the same line first.
        .find_map(|l| Some(l.split_once("PORT=")?.1.trim().parse().unwrap()))
        .expect("the child mock's port");
    let addr = ("127.0.0.1", port);

    // 100 connections for a process that may hold 64 descriptors: the kernel
    // completes them all (the backlog), the mock accepts until it runs out.
    let mut held: Vec<TcpStream> = (0..100)
        .map(|_| TcpStream::connect(addr).unwrap())
        .collect();
    let mut waiting = TcpStream::connect(addr).unwrap();
    waiting.write_all(REQUEST).unwrap();
    assert!(
        !answered(&mut waiting, Duration::from_millis(500)),
        "the child still accepts: descriptors are not exhausted"
    );
    // Out of descriptors for 2 s: a spinning accept loop burns a core (~200
    // ticks at 100 Hz); backing off, it barely runs.
    let before = cpu_ticks(&child);
    std::thread::sleep(Duration::from_secs(2));
    let spent = cpu_ticks(&child) - before;
    assert!(
        spent < 20,
        "{spent} ticks of CPU in 2 s while out of descriptors"
    );

    // Descriptors come back: the waiting request is answered, and new ones.
    held.clear();
    let started = Instant::now();
    assert!(
        answered(&mut waiting, Duration::from_secs(5)),
        "the waiting request"
    );
    let recovered = started.elapsed();
    let mut fresh = TcpStream::connect(addr).unwrap();
    fresh.write_all(REQUEST).unwrap();
    assert!(
        answered(&mut fresh, Duration::from_secs(2)),
        "a new request"
    );
    let _ = child.kill();
    let _ = child.wait();
    eprintln!("{spent} ticks in 2 s out of descriptors; answered again after {recovered:?}");
}
