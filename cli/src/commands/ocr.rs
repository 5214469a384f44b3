//! `zai ocr`: the handwriting in an image, one recognized line a line.

use crate::args::OcrArgs;
use crate::connection::Connection;
use crate::failure::Outcome;
use crate::input::file_part;
use zai::types;

/// Runs `zai ocr`.
pub(crate) async fn run(connection: &Connection, args: OcrArgs) -> Outcome {
    let request = types::HandwritingOcrRequest::new(file_part(&args.file)?, args.tool_type);
    let reply = connection.client.recognize_handwriting(&request).await?;
    for words in reply.words_result.unwrap_or_default() {
        println!("{}", words.words.unwrap_or_default());
    }
    Ok(())
}
