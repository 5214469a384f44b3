//! `zai read`: a web page as text, under its title.

use crate::args::ReadArgs;
use crate::connection::Connection;
use crate::failure::Outcome;
use zai::types;

/// Runs `zai read`.
pub(crate) async fn run(connection: &Connection, args: ReadArgs) -> Outcome {
    let reply = connection
        .client
        .read_web_page(&types::ReaderRequest::new(args.url))
        .await?;
    let page = reply.reader_result.unwrap_or_default();
    if let Some(title) = page.title {
        println!("# {title}\n");
    }
    println!("{}", page.content.unwrap_or_default());
    Ok(())
}
