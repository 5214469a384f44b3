//! `zai video`: starts a video generation; prints the task id, or waits for the URLs.

use super::result;
use crate::args::VideoArgs;
use crate::connection::Connection;
use crate::failure::{Failure, Outcome};
use zai::types;

/// Runs `zai video`.
pub(crate) async fn run(connection: &Connection, args: VideoArgs) -> Outcome {
    let mut request = types::VideoGenerationRequest::new(args.model).prompt(args.prompt);
    if let Some(url) = args.image_url {
        request = request.image_url(types::VideoImageInput::String(url));
    }
    let task = connection.client.create_video_generation(&request).await?;
    let id = task
        .id
        .ok_or_else(|| Failure::Call("the service answered no task id".into()))?;
    if args.wait.wait {
        result::wait(connection, &id, &args.wait).await
    } else {
        println!("{id}");
        eprintln!("task started; `zai result {id} --wait` waits for the video");
        Ok(())
    }
}
