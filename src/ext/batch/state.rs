//! The job's state file: what was spooled, submitted, finished and delivered,
//! written before each next step so a crashed job resumes where it stopped.

use crate::ext::batch::model::{BatchProgress, ResultOrder};
use crate::runtime::error::Error;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The state file and the work directory beside it.
#[derive(Clone, Debug)]
pub(super) struct JobFiles {
    pub(super) state: PathBuf,
    pub(super) parts: PathBuf,
}

impl JobFiles {
    pub(super) fn new(state: PathBuf) -> Self {
        let mut parts = state.clone().into_os_string();
        parts.push(".parts");
        JobFiles {
            state,
            parts: parts.into(),
        }
    }

    /// The job's state, `None` when the file does not exist yet.
    pub(super) fn load(&self) -> Result<Option<JobState>, Error> {
        let text = match std::fs::read(&self.state) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(&self.state, e)),
        };
        let state: JobState = serde_json::from_slice(&text).map_err(|e| {
            Error::io(
                &self.state,
                std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            )
        })?;
        if state.version != JobState::VERSION {
            return Err(Error::InvalidRequest(format!(
                "{}: state format {} is not {}",
                self.state.display(),
                state.version,
                JobState::VERSION
            )));
        }
        // Counts from a file are inputs: checked once here, so arithmetic on
        // them (progress, resuming) cannot overflow. Delivered lines may pass
        // the requests (lines naming no request are delivered too).
        let fits = |count: fn(&PartState) -> u64| {
            let mut counts = state.parts.iter().map(count);
            counts.try_fold(0u64, u64::checked_add).is_some()
        };
        if !(fits(|p| p.requests) && fits(|p| p.delivered))
            || state.parts.iter().any(|p| p.failed > p.delivered)
        {
            return Err(Error::InvalidRequest(format!(
                "{}: the counts in the state file do not add up (totals too large, or more \
                 failed than delivered): it was not written by a batch job",
                self.state.display()
            )));
        }
        Ok(Some(state))
    }

    /// Writes the state to a temp file, then renames it over the state file, so
    /// a crash leaves the old state or the new one, never half of one.
    pub(super) fn save(&self, state: &JobState) -> Result<(), Error> {
        let mut temp = self.state.clone().into_os_string();
        temp.push(".tmp");
        let temp = PathBuf::from(temp);
        let text = serde_json::to_vec_pretty(state).map_err(|e| {
            Error::io(
                &self.state,
                std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            )
        })?;
        std::fs::write(&temp, text).map_err(|e| Error::io(&temp, e))?;
        std::fs::rename(&temp, &self.state).map_err(|e| Error::io(&self.state, e))
    }

    pub(super) fn input(&self, part: usize) -> PathBuf {
        self.parts.join(format!("part-{part:05}.jsonl"))
    }

    pub(super) fn results(&self, part: usize) -> PathBuf {
        self.parts.join(format!("part-{part:05}.results.jsonl"))
    }
}

/// The state file's content.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct JobState {
    /// Format of this file.
    pub(super) version: u32,
    /// The endpoint every request goes to.
    pub(super) endpoint: String,
    /// All the input is spooled into parts.
    #[serde(default)]
    pub(super) input_done: bool,
    /// Cancelled: no more input is submitted.
    #[serde(default)]
    pub(super) cancelled: bool,
    /// The order results are delivered in: the saved `delivered` counts are
    /// positions in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) order: Option<ResultOrder>,
    /// The parts, in input order.
    #[serde(default)]
    pub(super) parts: Vec<PartState>,
}

/// One part of the input: one JSONL file, one batch.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct PartState {
    /// Requests in the part.
    pub(super) requests: u64,
    /// Size of its JSONL file.
    pub(super) bytes: u64,
    /// SHA-256 (hex) of its requests' ids, each followed by a newline, to
    /// recognise the same input on resume (absent in older state files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) ids: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) file_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) batch_id: Option<String>,
    /// The batch's final state, once it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) output_file_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) error_file_id: Option<String>,
    /// Results delivered (the first ones of the part's delivery order).
    #[serde(default)]
    pub(super) delivered: u64,
    /// Of those, the ones that were errors.
    #[serde(default)]
    pub(super) failed: u64,
    /// Every result delivered.
    #[serde(default)]
    pub(super) done: bool,
}

impl JobState {
    const VERSION: u32 = 1;

    pub(super) fn new(endpoint: &str) -> Self {
        JobState {
            version: Self::VERSION,
            endpoint: endpoint.to_owned(),
            input_done: false,
            cancelled: false,
            order: None,
            parts: Vec::new(),
        }
    }

    pub(super) fn progress(&self) -> BatchProgress {
        let created = || self.parts.iter().filter(|p| p.batch_id.is_some());
        let failed: u64 = self.parts.iter().map(|p| p.failed).sum();
        BatchProgress {
            submitted: created().map(|p| p.requests).sum(),
            completed: self
                .parts
                .iter()
                .map(|p| p.delivered)
                .sum::<u64>()
                .saturating_sub(failed),
            failed,
            batches: created().count(),
            in_flight: created().filter(|p| !p.done).count(),
            cancelled: self.cancelled,
            finished: (self.input_done || self.cancelled) && self.parts.iter().all(|p| p.done),
        }
    }
}

impl BatchProgress {
    /// Where the job of the state file `state` stands (all zero when the file
    /// does not exist yet).
    pub fn from_state_file(state: impl Into<PathBuf>) -> Result<Self, Error> {
        Ok(JobFiles::new(state.into())
            .load()?
            .map(|state| state.progress())
            .unwrap_or_default())
    }
}
