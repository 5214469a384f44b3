//! `zai transcribe`: an audio file's transcript, whole or as it arrives.

use crate::args::TranscribeArgs;
use crate::connection::Connection;
use crate::failure::Outcome;
use crate::input::file_part;
use futures_util::StreamExt;
use std::io::Write;
use zai::types;

/// Runs `zai transcribe`.
pub(crate) async fn run(connection: &Connection, args: TranscribeArgs) -> Outcome {
    let request = types::TranscriptionRequest::new(args.model).file(file_part(&args.file)?);
    if args.stream {
        let mut events = connection
            .client
            .create_transcription_stream(&request)
            .await?;
        let mut out = std::io::stdout();
        while let Some(event) = events.next().await {
            let _ = write!(out, "{}", event?.delta.unwrap_or_default());
            let _ = out.flush();
        }
        println!();
    } else {
        let reply = connection.client.create_transcription(&request).await?;
        println!("{}", reply.text.unwrap_or_default());
    }
    Ok(())
}
