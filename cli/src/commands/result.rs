//! `zai result`: an asynchronous task's status and results, now or once it finishes.

use crate::args::{ResultArgs, WaitArgs};
use crate::connection::Connection;
use crate::failure::Outcome;
use crate::input::seconds;
use std::time::Duration;
use zai::types;

/// Runs `zai result`.
pub(crate) async fn run(connection: &Connection, args: ResultArgs) -> Outcome {
    if args.wait.wait {
        wait(connection, &args.id, &args.wait).await
    } else {
        print(&connection.client.retrieve_async_result(&args.id).await?);
        Ok(())
    }
}

/// Polls task `id` (a spinner on stderr meanwhile) until it finishes, then prints it.
pub(crate) async fn wait(connection: &Connection, id: &str, wait: &WaitArgs) -> Outcome {
    let every = seconds(
        "--interval",
        wait.interval.unwrap_or(connection.poll_default(5.0)),
    )?;
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.enable_steady_tick(Duration::from_millis(120));
    // The timeout is the caller's Ctrl-C; keep polling for up to a day.
    let options = zai::PollOptions::every(every, Duration::from_secs(86_400));
    let result = connection
        .client
        .wait_async_result(id, &options, |p| {
            let status = p.status.unwrap_or("UNKNOWN");
            spinner.set_message(format!("task {id}: {status} ({}s)", p.elapsed.as_secs()));
        })
        .await;
    spinner.finish_and_clear();
    print(&result?);
    Ok(())
}

/// The status on stderr; the videos', images' URLs and a chat's reply on stdout.
fn print(result: &types::AsyncResult) {
    let status = result
        .task_status
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_else(|| "UNKNOWN".into());
    eprintln!("status: {status}");
    for video in result.video_result.iter().flatten() {
        println!("{}", video.url.as_deref().unwrap_or_default());
    }
    for image in result.image_result.iter().flatten() {
        println!("{}", image.url.as_deref().unwrap_or_default());
    }
    // An async chat completion's reply.
    for choice in result.choices.iter().flatten() {
        if let Some(text) = choice.message.as_ref().and_then(|m| m.content.as_deref()) {
            println!("{text}");
        }
    }
}
