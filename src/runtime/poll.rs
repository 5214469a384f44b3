//! Waiting on asynchronous tasks (video, async image and chat results, agent
//! results, batches): one generic poller over every schema the spec marks with
//! `x-zai-task`. The `wait_*` / `*_and_wait` methods are generated from
//! `x-zai-wait`.

use crate::runtime::error::{Error, Timeout};
use serde::Serialize;
use std::future::Future;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A task state the spec describes (`x-zai-task`; implemented by build.rs).
pub trait Task: Serialize {
    /// JSON pointer to the state field.
    const STATUS: &'static str;
    /// States meaning success.
    const SUCCESS: &'static [&'static str];
    /// States meaning failure.
    const FAILURE: &'static [&'static str];
    /// JSON pointer to a failed task's message.
    const MESSAGE: Option<&'static str>;

    /// Where this task stands, by its state field.
    fn state(&self) -> TaskState
    where
        Self: Sized,
    {
        state(self)
    }
}

/// Where a task stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskState {
    /// Still running, in this state (`None` when the server sent none).
    Pending(Option<String>),
    /// Finished successfully.
    Succeeded,
    /// Finished with a failure: the state and the server's message.
    Failed(String, Option<String>),
}

/// The state of a task value.
fn state<T: Task>(task: &T) -> TaskState {
    let value = serde_json::to_value(task).unwrap_or_default();
    let status = value
        .pointer(T::STATUS)
        .and_then(|s| s.as_str())
        .map(str::to_owned);
    match status {
        Some(s) if T::SUCCESS.contains(&s.as_str()) => TaskState::Succeeded,
        Some(s) if T::FAILURE.contains(&s.as_str()) => {
            let message = T::MESSAGE
                .and_then(|p| value.pointer(p))
                .and_then(|m| m.as_str())
                .map(str::to_owned);
            TaskState::Failed(s, message)
        }
        other => TaskState::Pending(other),
    }
}

/// How to poll. Defaults: first poll after 1 s, then every 2 s growing ×1.5 up to
/// 15 s, giving up after 10 minutes.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PollOptions {
    /// Wait before the first poll.
    pub initial_delay: Duration,
    /// Wait between the first polls.
    pub interval: Duration,
    /// Largest wait between polls.
    pub max_interval: Duration,
    /// Give up after this long ([`Error::Timeout`] naming the last state).
    pub timeout: Duration,
    /// A file recording the task a `*_and_wait` call created, before it polls
    /// (default none): the same call with the same journal after a crash polls
    /// that task instead of creating (and paying for) another. Removed once the
    /// task has ended.
    pub journal: Option<PathBuf>,
}

impl Default for PollOptions {
    fn default() -> Self {
        PollOptions {
            initial_delay: Duration::from_secs(1),
            interval: Duration::from_secs(2),
            max_interval: Duration::from_secs(15),
            timeout: Duration::from_secs(600),
            journal: None,
        }
    }
}

impl PollOptions {
    /// Polls every `interval` (no growth) after `interval`, until `timeout`.
    pub fn every(interval: Duration, timeout: Duration) -> Self {
        PollOptions {
            initial_delay: interval,
            interval,
            max_interval: interval,
            timeout,
            journal: None,
        }
    }

    /// Sets the wait before the first poll.
    pub fn initial_delay(self, initial_delay: Duration) -> Self {
        Self {
            initial_delay,
            ..self
        }
    }

    /// Sets the wait between the first polls (it grows ×1.5 up to
    /// [`Self::max_interval`]).
    pub fn interval(self, interval: Duration) -> Self {
        Self { interval, ..self }
    }

    /// Sets the largest wait between polls.
    pub fn max_interval(self, max_interval: Duration) -> Self {
        Self {
            max_interval,
            ..self
        }
    }

    /// Sets when to give up ([`Error::Timeout`] naming the last state).
    pub fn timeout(self, timeout: Duration) -> Self {
        Self { timeout, ..self }
    }

    /// Records the created task in `file` (see [`Self::journal`]).
    pub fn journal(self, file: impl Into<PathBuf>) -> Self {
        Self {
            journal: Some(file.into()),
            ..self
        }
    }

    /// The task the journal recorded for `operation`, if any.
    pub(crate) fn journaled(&self, operation: &str) -> Result<Option<String>, Error> {
        let Some(path) = &self.journal else {
            return Ok(None);
        };
        let text = match std::fs::read_to_string(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            other => other.map_err(|e| Error::io(path, e))?,
        };
        match text.trim().split_once(' ') {
            Some((op, id)) if op == operation && !id.is_empty() => Ok(Some(id.to_owned())),
            _ => Err(Error::InvalidRequest(format!(
                "{}: not a journal of `{operation}` (expected `{operation} <task id>`)",
                path.display()
            ))),
        }
    }

    /// Records the task `id` that `operation` created, before polling it.
    pub(crate) fn record(&self, operation: &str, id: &str) -> Result<(), Error> {
        match &self.journal {
            Some(path) => {
                std::fs::write(path, format!("{operation} {id}\n")).map_err(|e| Error::io(path, e))
            }
            None => Ok(()),
        }
    }

    /// Forgets the journal's task once it has ended (success or failure); a
    /// timeout or a failed poll keeps it, to resume.
    pub(crate) fn settle<T>(&self, result: &Result<T, Error>) -> Result<(), Error> {
        match (&self.journal, result) {
            (Some(path), Ok(_) | Err(Error::TaskFailed { .. })) => {
                std::fs::remove_file(path).map_err(|e| Error::io(path, e))
            }
            _ => Ok(()),
        }
    }
}

/// Reported after each poll.
#[derive(Debug)]
pub struct PollProgress<'a, T> {
    /// The task as the last poll returned it, its typed status included.
    pub task: &'a T,
    /// The state the last poll returned, as sent.
    pub status: Option<&'a str>,
    /// Polls made so far.
    pub polls: u32,
    /// Time since waiting started.
    pub elapsed: Duration,
}

/// Polls `fetch` until the task succeeds (its last value), fails
/// ([`Error::TaskFailed`]) or the timeout passes ([`Error::Timeout`]). Unknown
/// states keep polling. Dropping the future cancels the wait.
pub async fn poll_until<T, F, Fut>(
    mut fetch: F,
    options: &PollOptions,
    mut progress: impl FnMut(&PollProgress<'_, T>),
) -> Result<T, Error>
where
    T: Task,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, Error>>,
{
    let started = Instant::now();
    let mut wait = options.initial_delay;
    let mut interval = options.interval;
    for polls in 1.. {
        let remaining = options.timeout.saturating_sub(started.elapsed());
        tokio::time::sleep(wait.min(remaining)).await;
        let task = fetch().await?;
        let state = state(&task);
        let status = match &state {
            TaskState::Pending(s) => s.clone(),
            TaskState::Succeeded => return Ok(task),
            TaskState::Failed(status, message) => {
                return Err(Error::TaskFailed {
                    status: status.clone(),
                    message: message.clone(),
                });
            }
        };
        progress(&PollProgress {
            task: &task,
            status: status.as_deref(),
            polls,
            elapsed: started.elapsed(),
        });
        if started.elapsed() >= options.timeout {
            return Err(Error::Timeout(Timeout::Task {
                after: options.timeout,
                polls,
                status,
            }));
        }
        wait = interval;
        interval = interval
            .saturating_add(interval / 2)
            .min(options.max_interval);
    }
    unreachable!("the poll loop only ends by returning")
}

/// The task id at JSON pointer `pointer` of an operation's answer (`x-zai-wait`).
pub(crate) fn task_id<T: Serialize>(answer: &T, pointer: &str) -> Result<String, Error> {
    let value = serde_json::to_value(answer).unwrap_or_default();
    match value.pointer(pointer) {
        Some(serde_json::Value::String(id)) if !id.is_empty() => Ok(id.clone()),
        _ => Err(Error::UnexpectedResponse(format!(
            "the server returned no task id at `{pointer}`"
        ))),
    }
}
