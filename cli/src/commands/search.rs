//! `zai search`: a web search; each hit's title and link.

use crate::args::SearchArgs;
use crate::connection::Connection;
use crate::failure::Outcome;
use zai::types;

/// Runs `zai search`.
pub(crate) async fn run(connection: &Connection, args: SearchArgs) -> Outcome {
    let mut request = types::WebSearchRequest::new(args.engine, args.query);
    if let Some(count) = args.count {
        request = request.count(count);
    }
    let reply = connection.client.web_search(&request).await?;
    for hit in reply.search_result.unwrap_or_default() {
        println!("{}", hit.title.unwrap_or_default());
        println!("  {}", hit.link.unwrap_or_default());
    }
    Ok(())
}
