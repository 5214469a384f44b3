//! `zai batch`: a resumable batch job over a JSONL file of requests (`run`),
//! where a job stands (`status`), and cancelling one (`cancel`).

use crate::args::{Endpoint, Order, RunArgs};
use crate::connection::Connection;
use crate::failure::{Failure, Outcome};
use crate::input::seconds;
use futures_util::StreamExt as _;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::fs::{File, OpenOptions};
use std::io::{BufRead as _, BufReader, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};
use std::time::Duration;
use zai::{BatchJob, BatchOptions, BatchProgress, BatchRequest, types};

/// `status`, and `cancel` once done: the job's counts, one `name: value` a line.
fn print_progress(progress: &BatchProgress) {
    let yes = |b: bool| if b { "yes" } else { "no" };
    println!(
        "batches: {} ({} in flight)",
        progress.batches, progress.in_flight
    );
    println!("submitted: {}", progress.submitted);
    println!("completed: {}", progress.completed);
    println!("failed: {}", progress.failed);
    println!("cancelled: {}", yes(progress.cancelled));
    println!("finished: {}", yes(progress.finished));
}

/// Runs `zai batch status`: needs no client, only the state file.
pub(crate) fn status(state: &Path) -> Outcome {
    existing(state)?;
    print_progress(&BatchProgress::from_state_file(state)?);
    Ok(())
}

/// A usage error unless `state` is a job's state file.
fn existing(state: &Path) -> Outcome {
    match state.exists() {
        true => Ok(()),
        false => Err(Failure::Usage(format!(
            "no batch job at {}",
            state.display()
        ))),
    }
}

/// Runs `zai batch cancel`.
pub(crate) async fn cancel(connection: &Connection, state: &Path) -> Outcome {
    existing(state)?;
    print_progress(&BatchJob::new(&connection.client, state).cancel().await?);
    Ok(())
}

/// Runs `zai batch run`.
pub(crate) async fn run(connection: &Connection, args: RunArgs) -> Outcome {
    let client = &connection.client;
    let default_interval = connection.poll_default(30.0);
    match args.endpoint {
        Endpoint::Chat => {
            run_as::<types::ChatCompletionRequest>(client, args, default_interval).await
        }
        Endpoint::Embeddings => {
            run_as::<types::EmbeddingRequest>(client, args, default_interval).await
        }
    }
}

async fn run_as<R>(client: &zai::Client, args: RunArgs, default_interval: f64) -> Outcome
where
    R: BatchRequest + DeserializeOwned + Send + 'static,
    R::Response: Serialize + Send + 'static,
{
    // Every line is checked before anything is submitted.
    let total = check_input::<R>(&args.input)?;
    let interval = seconds("--interval", args.interval.unwrap_or(default_interval))?;
    let order = match args.order {
        Order::Completion => zai::ResultOrder::Completion,
        Order::Input => zai::ResultOrder::Input,
    };
    let options = BatchOptions::default()
        .max_requests(args.max_requests)
        .max_file_bytes(args.max_bytes)
        .max_in_flight(args.in_flight)
        .order(order)
        .poll_interval(interval);
    let state = args.state.unwrap_or_else(|| {
        let mut state = args.out.clone().into_os_string();
        state.push(".state.json");
        state.into()
    });
    let job = BatchJob::new(client, &state).options(options);
    let mut run = job
        .run(requests::<R>(args.input.clone())?)
        .map_err(Failure::from_input)?;
    let mut out = open_results(&args.out, run.progress().delivered())?;

    let bar = indicatif::ProgressBar::new(total);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let show = |progress: &BatchProgress| {
        bar.set_position(progress.delivered());
        bar.set_message(format!(
            "submitted {}, completed {}, failed {}, {} batches in flight",
            progress.submitted, progress.completed, progress.failed, progress.in_flight
        ));
    };
    show(&run.progress());
    let mut tick = tokio::time::interval(Duration::from_millis(250));
    // One listener for the whole run, so a Ctrl-C between two results counts.
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    let interrupted = loop {
        tokio::select! {
            result = run.next() => match result {
                None => break false,
                Some(result) => {
                    let mut line = serde_json::to_vec(&result?)
                        .map_err(|e| Failure::Call(format!("cannot write a result: {e}")))?;
                    line.push(b'\n');
                    // One write a result: what the state file counts as
                    // delivered is in the file even if this process is killed.
                    out.write_all(&line).map_err(|e| {
                        Failure::Call(format!("cannot write {}: {e}", args.out.display()))
                    })?;
                    show(&run.progress());
                }
            },
            _ = tick.tick() => show(&run.progress()),
            _ = &mut ctrl_c => break true,
        }
    };
    bar.finish_and_clear();
    let progress = run.progress();
    // Saves what was delivered, for the next run.
    drop(run);
    if interrupted {
        return Err(Failure::Call(format!(
            "interrupted after {} results; run the same command again to resume",
            progress.delivered()
        )));
    }
    eprintln!(
        "{} results ({} completed, {} failed) in {}",
        progress.delivered(),
        progress.completed,
        progress.failed,
        args.out.display()
    );
    Ok(())
}

/// One input line: `(custom_id, request)`, `None` for a blank line.
fn parse_line<R: DeserializeOwned>(
    line: &str,
    number: usize,
) -> Result<Option<(String, R)>, String> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let (id, body) = match value {
        Value::Object(mut line) if line.contains_key("custom_id") && line.contains_key("body") => {
            let id = match line.remove("custom_id") {
                Some(Value::String(id)) if !id.is_empty() => id,
                _ => return Err("`custom_id` is not a non-empty string".into()),
            };
            (id, line.remove("body").unwrap_or_default())
        }
        body => (format!("line-{number}"), body),
    };
    let request = R::deserialize(body).map_err(|e| format!("not a request: {e}"))?;
    Ok(Some((id, request)))
}

fn open_input(path: &Path) -> Result<BufReader<File>, Failure> {
    File::open(path)
        .map(BufReader::new)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))
}

/// Checks every line of the input; the number of requests.
fn check_input<R: DeserializeOwned>(path: &Path) -> Result<u64, Failure> {
    let mut count = 0;
    for (i, line) in open_input(path)?.lines().enumerate() {
        let line =
            line.map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
        let parsed = parse_line::<R>(&line, i + 1)
            .map_err(|m| Failure::Usage(format!("{}:{}: {m}", path.display(), i + 1)))?;
        count += u64::from(parsed.is_some());
    }
    Ok(count)
}

/// The input's requests, read as the job asks for them.
fn requests<R: DeserializeOwned + Send + 'static>(
    path: PathBuf,
) -> Result<
    impl futures_util::Stream<Item = Result<(String, R), zai::Error>> + Send + 'static,
    Failure,
> {
    let lines = open_input(&path)?.lines().enumerate();
    Ok(futures_util::stream::iter(lines.filter_map(
        move |(i, line)| {
            let parsed = match line {
                Ok(line) => parse_line::<R>(&line, i + 1),
                Err(e) => Err(e.to_string()),
            };
            parsed
                .map_err(|m| {
                    zai::Error::InvalidRequest(format!("{}:{}: {m}", path.display(), i + 1))
                })
                .transpose()
        },
    )))
}

/// The results file, ready for appending: created empty for a new job; for a
/// resumed one, cut after the results the state file counts as delivered (a
/// killed run may have written a few more, which come again).
fn open_results(path: &Path, delivered: u64) -> Result<File, Failure> {
    let cannot = |e: std::io::Error| Failure::Call(format!("cannot write {}: {e}", path.display()));
    if delivered == 0 {
        return File::create(path).map_err(cannot);
    }
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .map_err(|e| {
            Failure::Usage(format!(
                "cannot open {} to resume the job ({delivered} results delivered): {e}",
                path.display()
            ))
        })?;
    let mut reader = BufReader::new(&file);
    let (mut end, mut line) = (0, Vec::new());
    for kept in 0..delivered {
        line.clear();
        let read = reader.read_until(b'\n', &mut line).map_err(cannot)?;
        if line.last() != Some(&b'\n') {
            return Err(Failure::Usage(format!(
                "{} holds {kept} results; the job's state says {delivered} were delivered",
                path.display()
            )));
        }
        end += read as u64;
    }
    file.set_len(end).map_err(cannot)?;
    file.seek(SeekFrom::End(0)).map_err(cannot)?;
    Ok(file)
}
