//! Fault-matrix cases of batch jobs' input and state checks: duplicate ids across
//! parts, a changed or extended input on resume, crafted state files.

use super::batch_job::one_batch_server;
use super::limits::{Case, check, hits};
use crate::support::batch_job::{chat, fast, requests, state_file};
use crate::support::client;
use crate::support::scripted::{Step, http, serve};
use futures_util::StreamExt;
use serde_json::json;
use zai::types::ChatCompletionResponse;
use zai::{BatchJob, BatchResult, Error};

type Results = Vec<Result<BatchResult<ChatCompletionResponse>, Error>>;

/// Runs `job` over requests named `ids`, to its end.
async fn run(job: &BatchJob, ids: &[&str]) -> Result<Results, String> {
    let input = ids.iter().map(|id| (id.to_string(), chat(id))).collect();
    let run = job.run(requests(input)).map_err(|e| e.to_string())?;
    Ok(run.collect().await)
}

/// The message of the only item, an `InvalidRequest` (else what came).
fn refusal(results: &Results) -> String {
    match &results[..] {
        [Err(Error::InvalidRequest(message))] => message.clone(),
        _ => format!("{results:?}"),
    }
}

/// Batch input and state checks.
pub(super) fn cases() -> Vec<Case> {
    vec![
        (
            "a crafted batch state file: an error, no panic",
            Box::pin(async {
                let path =
                    std::env::temp_dir().join(format!("zai-crafted-{}.json", std::process::id()));
                let part = json!({"requests": u64::MAX, "bytes": 1, "batch_id": "b"});
                let state = json!({"version": 1, "endpoint": "/v4/chat/completions", "parts": [part, part]});
                std::fs::write(&path, state.to_string()).map_err(|e| e.to_string())?;
                let result = zai::BatchProgress::from_state_file(&path);
                let _ = std::fs::remove_file(&path);
                check(
                    matches!(&result, Err(Error::InvalidRequest(m)) if m.contains("do not add up")),
                    result,
                )
            }),
        ),
        (
            "batch: a custom_id repeated across parts: refused before anything is submitted",
            Box::pin(async {
                let server = serve(vec![Step::Reply(http(
                    "500 Internal Server Error",
                    &[],
                    b"",
                ))])
                .await;
                let job = BatchJob::new(
                    &super::faults::client(&server.url),
                    state_file("dup-across"),
                )
                .options(fast().max_requests(2));
                let message = refusal(&run(&job, &["a", "b", "c", "a"]).await?);
                check(
                    hits(&server) == 0 && message.starts_with("custom_id `a` repeats in the input"),
                    message,
                )
            }),
        ),
        (
            "batch: a changed id inside a submitted part: refused on resume",
            Box::pin(async {
                let server = one_batch_server().await;
                let job =
                    BatchJob::new(&client(&server), state_file("changed-inside")).options(fast());
                let first = run(&job, &["a", "b", "c", "d"]).await?;
                let message = refusal(&run(&job, &["a", "x", "c", "d"]).await?);
                check(
                    first.len() == 5
                        && message.ends_with(
                            "the ids of part 0 (up to request 4) are not the ones it spooled",
                        ),
                    message,
                )
            }),
        ),
        (
            "batch: requests appended after a finished job: refused, not ignored",
            Box::pin(async {
                let server = one_batch_server().await;
                let job = BatchJob::new(&client(&server), state_file("appended")).options(fast());
                let first = run(&job, &["a", "b", "c", "d"]).await?;
                let again = run(&job, &["a", "b", "c", "d"]).await?;
                let message = refusal(&run(&job, &["a", "b", "c", "d", "e"]).await?);
                check(
                    first.len() == 5
                        && again.is_empty()
                        && message.starts_with(
                            "the input goes on past the 4 requests this job read to its end (`e` comes next)",
                        ),
                    message,
                )
            }),
        ),
    ]
}
