//! Files: upload (multipart), list, download the content bytes, delete.
//!
//! Runs against the built-in mock server:
//! `cargo run --example files`

use zai::FilePart;
use zai::types::{FileUploadRequest, ListFilesQuery};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    // Upload a JSONL file for a batch job.
    let line = r#"{"custom_id":"1","method":"POST","url":"/v4/chat/completions","body":{}}"#;
    let part = FilePart::new(line.as_bytes().to_vec(), "input.jsonl", "application/jsonl");
    let file = client
        .upload_file(&FileUploadRequest::new(part, "batch"))
        .await?;
    let id = file.id.clone().unwrap_or_default();
    println!(
        "uploaded: {id} ({:?}, {:?} bytes)",
        file.filename, file.bytes
    );

    // List the batch files (after, limit, order, purpose).
    let page = client
        .list_files(
            &ListFilesQuery::default()
                .limit(10)
                .order("desc")
                .purpose("batch"),
        )
        .await?;
    for f in &page.data {
        println!("listed: {:?} {:?}", f.id, f.filename);
    }

    // Download a file's content: a `ByteStream` of the raw bytes.
    let content = client.retrieve_file_content(&id).await?.bytes().await?;
    println!(
        "content: {} bytes: {}",
        content.len(),
        String::from_utf8_lossy(&content).trim()
    );

    // Delete it.
    let deleted = client.delete_file(&id).await?;
    println!("deleted {:?}: {:?}", deleted.id, deleted.deleted);
    Ok(())
}
