//! A batch job at scale: 1,000,000 synthetic chat requests through
//! `zai::BatchJob` against the mock, which runs in a child process (this same
//! binary) so the peak RSS printed is the client's own (`VmHWM`). Prints the
//! requests, batches, elapsed time and peak RSS; exits non-zero when an id is
//! missing or repeated, or peak RSS exceeds 64 MiB.
//!
//! `cargo bench --bench batch_scale` (`ZAI_BENCH_REQUESTS=N` for another count).

use futures_util::StreamExt as _;
use std::io::BufRead as _;
use std::process::{ExitCode, Stdio};
use std::time::{Duration, Instant};
use zai::types::{ChatCompletionRequest, ChatMessage};
use zai::{BatchJob, BatchOptions};

/// Set in the child process, which serves the mock.
const MOCK_ROLE: &str = "ZAI_BENCH_MOCK";
/// The limit the client's peak RSS must stay under.
const MAX_RSS_KIB: u64 = 64 * 1024;

fn main() -> ExitCode {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    if std::env::var_os(MOCK_ROLE).is_some() {
        return runtime.block_on(serve_mock());
    }
    let requests: usize = std::env::var("ZAI_BENCH_REQUESTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let mut mock = std::process::Command::new(std::env::current_exe().expect("own path"))
        .env(MOCK_ROLE, "1")
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the mock process");
    let mut url = String::new();
    std::io::BufReader::new(mock.stdout.take().expect("mock stdout"))
        .read_line(&mut url)
        .expect("the mock's URL");
    let outcome = runtime.block_on(run(url.trim(), requests));
    let _ = mock.kill();
    let _ = mock.wait();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("batch_scale: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve_mock() -> ExitCode {
    let Ok(server) = zai_mock::MockServer::bind(0).await else {
        return ExitCode::FAILURE;
    };
    println!("{}", server.url());
    // Served until the bench kills this process.
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}

async fn run(url: &str, requests: usize) -> Result<(), String> {
    let client = zai::Client::builder()
        .api_key("bench.key")
        .base_url(url)
        .build()
        .map_err(|e| e.to_string())?;
    let dir = std::env::temp_dir().join(format!("zai-batch-scale-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let job = BatchJob::new(&client, dir.join("state.json")).options(
        BatchOptions::default()
            .max_in_flight(4)
            .poll_interval(Duration::from_millis(20)),
    );
    let input = futures_util::stream::iter((0..requests).map(|i| {
        let prompt = vec![ChatMessage::user(format!("Prompt {i}"))];
        Ok((
            format!("r{i:07}"),
            ChatCompletionRequest::new("glm-4.7", prompt),
        ))
    }));
    let started = Instant::now();
    // One bit per id: seen once.
    let mut seen = vec![0u64; requests.div_ceil(64)];
    let (mut results, mut repeated, mut failed) = (0usize, 0usize, 0usize);
    let mut run = job.run(input).map_err(|e| e.to_string())?;
    while let Some(result) = run.next().await {
        let result = result.map_err(|e| e.to_string())?;
        results += 1;
        failed += usize::from(result.outcome.is_err());
        let i: usize = result.custom_id[1..]
            .parse()
            .map_err(|_| format!("unexpected id {}", result.custom_id))?;
        let (word, bit) = (i / 64, 1u64 << (i % 64));
        repeated += usize::from(seen[word] & bit != 0);
        seen[word] |= bit;
    }
    let elapsed = started.elapsed();
    let progress = run.progress();
    drop(run);
    let _ = std::fs::remove_dir_all(&dir);
    let peak = peak_rss_kib();
    let distinct: usize = seen.iter().map(|w| w.count_ones() as usize).sum();
    println!("requests:  {requests}");
    println!("batches:   {}", progress.batches);
    println!("results:   {results} ({distinct} distinct ids, {failed} failed)");
    println!("elapsed:   {:.1} s", elapsed.as_secs_f64());
    match peak {
        Some(kib) => println!("peak RSS:  {:.1} MiB", kib as f64 / 1024.0),
        None => println!("peak RSS:  unknown (no /proc/self/status)"),
    }
    if distinct != requests || repeated != 0 || results != requests {
        return Err(format!(
            "{distinct} of {requests} ids delivered, {repeated} repeated"
        ));
    }
    if let Some(kib) = peak.filter(|&kib| kib > MAX_RSS_KIB) {
        return Err(format!("peak RSS {kib} KiB is over {MAX_RSS_KIB} KiB"));
    }
    Ok(())
}

/// `VmHWM` of this process, in KiB (Linux).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
