//! Result delivery: yields downloaded result lines in the order asked for
//! (input order or as they finish), counting what was delivered for resumption.

use crate::ext::batch::lines::{custom_id, for_each_line, parse_line};
use crate::ext::batch::model::{BatchLineError, BatchResult, ResultOrder};
use crate::ext::batch::state::{JobFiles, PartState};
use crate::runtime::error::Error;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read as _, Seek as _, SeekFrom};
use std::path::PathBuf;

/// Where the next result of a part comes from.
pub(super) enum Slot {
    /// A line of the results file.
    Line { at: u64, len: usize },
    /// The request at this input position has no line.
    Absent(usize),
}

/// A part being delivered: its results file and the order to read it in.
pub(super) struct Delivery {
    pub(super) part: usize,
    pub(super) results: BufReader<File>,
    pub(super) path: PathBuf,
    /// Where `results` is positioned.
    pub(super) at: u64,
    /// The part's request ids, in input order.
    pub(super) ids: Vec<String>,
    pub(super) plan: Vec<Slot>,
    /// Index in `plan` of the next result.
    pub(super) next: usize,
}

impl Delivery {
    /// Reads the part's ids and indexes its results file: each request's first
    /// line (a repeated one is dropped), in the chosen order, then the requests
    /// with none. Delivery starts after the results already delivered.
    pub(super) fn open(
        files: &JobFiles,
        part: usize,
        state: &PartState,
        order: ResultOrder,
    ) -> Result<Self, Error> {
        let input = files.input(part);
        let mut ids = Vec::new();
        for_each_line(&input, |_, _, line| {
            ids.push(custom_id(line).unwrap_or_default());
        })?;
        let position: HashMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        let path = files.results(part);
        let mut found: Vec<Option<(u64, usize)>> = vec![None; ids.len()];
        // Lines of the part's requests in file order (completion order only),
        // and lines naming none of them, delivered last as they are.
        let (mut in_file_order, mut strays) = (Vec::new(), Vec::new());
        for_each_line(&path, |at, len, line| {
            match custom_id(line).and_then(|id| position.get(id.as_str()).copied()) {
                Some(i) if found[i].is_some() => {
                    tracing::warn!(
                        custom_id = ids[i].as_str(),
                        "repeated batch output line dropped"
                    );
                }
                Some(i) => {
                    found[i] = Some((at, len));
                    if order == ResultOrder::Completion {
                        in_file_order.push(Slot::Line { at, len });
                    }
                }
                None => strays.push(Slot::Line { at, len }),
            }
        })?;
        let absent = |i: usize| found[i].is_none();
        let mut plan = match order {
            ResultOrder::Completion => {
                in_file_order.extend((0..ids.len()).filter(|&i| absent(i)).map(Slot::Absent));
                in_file_order
            }
            ResultOrder::Input => found
                .iter()
                .enumerate()
                .map(|(i, f)| match *f {
                    Some((at, len)) => Slot::Line { at, len },
                    None => Slot::Absent(i),
                })
                .collect(),
        };
        plan.extend(strays);
        let file = File::open(&path).map_err(|e| Error::io(&path, e))?;
        Ok(Delivery {
            part,
            results: BufReader::new(file),
            path,
            at: 0,
            ids,
            plan,
            next: state.delivered as usize,
        })
    }

    /// The part's next result, `None` when all are delivered.
    pub(super) fn next<T: DeserializeOwned>(
        &mut self,
        state: &PartState,
    ) -> Result<Option<BatchResult<T>>, Error> {
        let Some(slot) = self.plan.get(self.next) else {
            return Ok(None);
        };
        self.next += 1;
        let result = match *slot {
            Slot::Absent(i) => BatchResult {
                custom_id: self.ids[i].clone(),
                outcome: Err(match state.status.as_deref() {
                    Some("completed") => BatchLineError::Missing,
                    status => BatchLineError::BatchEnded {
                        status: status.unwrap_or_default().to_owned(),
                        message: state.message.clone(),
                    },
                }),
            },
            Slot::Line { at, len } => {
                let io = |e| Error::io(&self.path, e);
                if at != self.at {
                    self.results.seek(SeekFrom::Start(at)).map_err(io)?;
                }
                let mut line = vec![0; len];
                self.results.read_exact(&mut line).map_err(io)?;
                self.at = at + len as u64;
                let (custom_id, outcome) = match std::str::from_utf8(&line) {
                    Ok(line) => parse_line(line.trim_end()),
                    // Kept, not repaired: the line as read, its bad bytes shown.
                    Err(e) => {
                        let line = String::from_utf8_lossy(&line);
                        let line = line.trim_end();
                        let error = BatchLineError::Decode {
                            line: line.to_owned(),
                            error: format!("output line is not UTF-8: {e}"),
                        };
                        (custom_id(line), Err(error))
                    }
                };
                BatchResult {
                    custom_id: custom_id.unwrap_or_default(),
                    outcome,
                }
            }
        };
        Ok(Some(result))
    }
}
