//! `zai upload`: uploads a file and prints its id.

use crate::args::UploadArgs;
use crate::connection::Connection;
use crate::failure::Outcome;
use crate::input::file_part;
use zai::types;

/// Runs `zai upload`.
pub(crate) async fn run(connection: &Connection, args: UploadArgs) -> Outcome {
    let request = types::FileUploadRequest::new(file_part(&args.file)?, args.purpose);
    let reply = connection.client.upload_file(&request).await?;
    println!("{}", reply.id.unwrap_or_default());
    Ok(())
}
