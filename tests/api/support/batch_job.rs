//! Helpers for the `BatchJob` tests: a state file of its own, requests, fast polling.

use futures_util::{Stream, StreamExt as _, stream};
use std::path::PathBuf;
use std::time::Duration;
use zai::types::{ChatCompletionRequest, ChatMessage};
use zai::{BatchJob, BatchOptions, BatchResult};

/// The state file of a job in a fresh directory of its own.
pub fn state_file(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zai-api-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("state.json")
}

/// A one-message chat request saying `text`.
pub fn chat(text: &str) -> ChatCompletionRequest {
    ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user(text)])
}

/// Runs `job` over `input` to its end; every result must be `Ok`.
pub async fn run_to_end<R, S>(job: &BatchJob, input: S) -> Vec<BatchResult<R::Response>>
where
    R: zai::BatchRequest + Send + 'static,
    R::Response: Send + 'static,
    S: Stream<Item = Result<(String, R), zai::Error>> + Send + 'static,
{
    job.run(input).unwrap().map(Result::unwrap).collect().await
}

/// A job's input: `items` as a stream of `(custom_id, request)`.
pub fn requests<R>(
    items: Vec<(String, R)>,
) -> impl Stream<Item = Result<(String, R), zai::Error>> + Send + 'static
where
    R: Send + 'static,
{
    stream::iter(items.into_iter().map(Ok))
}

/// Polls fast, as the mocks answer at once.
pub fn fast() -> BatchOptions {
    BatchOptions::default().poll_interval(Duration::from_millis(1))
}
