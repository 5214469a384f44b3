//! Documents: file parsing (async task + result, and synchronous) and
//! handwriting OCR, all uploaded as multipart `FilePart`s.
//!
//! Runs against the built-in mock server:
//! `cargo run --example documents`

use zai::FilePart;
use zai::types::{FileParseRequest, HandwritingOcrRequest};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;
    let pdf = || FilePart::new(b"%PDF-1.7 tiny".to_vec(), "report.pdf", "application/pdf");

    // Start a parse task, then fetch its result as text (a `ByteStream`).
    let task = client
        .create_file_parse_task(&FileParseRequest::new(pdf(), "pdf", "lite"))
        .await?;
    let task_id = task.task_id.clone().unwrap_or_default();
    println!("parse task {task_id:?}: success {:?}", task.success);
    let text = client
        .retrieve_file_parse_result(&task_id, "text")
        .await?
        .bytes()
        .await?;
    println!(
        "parse result ({} bytes): {}",
        text.len(),
        String::from_utf8_lossy(&text)
    );

    // Or synchronously (`prime-sync`): the content comes back at once.
    let request = FileParseRequest::new(pdf(), "pdf", "prime-sync");
    let parsed = client.parse_file_sync(&request).await?;
    println!("sync parse: {:?} {:?}", parsed.status, parsed.content);

    // Handwriting OCR of an image: recognized lines with their positions.
    let image = FilePart::new(b"PNG-bytes".to_vec(), "note.png", "image/png");
    let request = HandwritingOcrRequest::new(image, "hand_write").probability(true);
    let ocr = client.recognize_handwriting(&request).await?;
    println!("ocr: {:?} line(s)", ocr.words_result_num);
    for line in ocr.words_result.unwrap_or_default() {
        println!("  {:?} at {:?}", line.words, line.location);
    }
    Ok(())
}
