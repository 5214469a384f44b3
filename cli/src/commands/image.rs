//! `zai image`: generates an image and prints its URL.

use crate::args::ImageArgs;
use crate::connection::Connection;
use crate::failure::Outcome;
use zai::types;

/// Runs `zai image`.
pub(crate) async fn run(connection: &Connection, args: ImageArgs) -> Outcome {
    let mut request = types::ImageGenerationRequest::new(args.model, args.prompt);
    if let Some(size) = args.size {
        request = request.size(size);
    }
    let reply = connection.client.create_image(&request).await?;
    for image in reply.data {
        println!("{}", image.url.unwrap_or_default());
    }
    Ok(())
}
