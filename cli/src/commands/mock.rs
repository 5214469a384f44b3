//! `zai mock`: serves the mock API on loopback until Ctrl-C.

use crate::args::MockArgs;
use crate::failure::{Failure, Outcome};
use std::io::Write;

/// Runs `zai mock`: prints the server's URL on stdout, then serves.
pub(crate) async fn run(args: MockArgs) -> Outcome {
    let port = args.port;
    let server = zai_mock::MockServer::builder()
        .port(port)
        .directives(&args.directives)
        .start()
        .await
        .map_err(|e| Failure::Call(format!("cannot listen on port {port}: {e}")))?;
    println!("{}", server.url());
    // Flushed now: a script reads the URL while the server runs.
    let _ = std::io::stdout().flush();
    eprintln!("zai mock: serving every operation of spec/zai.yaml; Ctrl-C to stop");
    tokio::signal::ctrl_c()
        .await
        .map_err(|e| Failure::Call(e.to_string()))?;
    Ok(())
}
