//! `zai`: the Z.AI API from the command line (crate `zai-cli`); parses the
//! command line and dispatches to the subcommand's module.
//!
//! Every subcommand is a thin front-end over one generated `zai::Client` method;
//! `zai api` calls any JSON operation of the spec by its operationId, and
//! `--mock` answers everything from the built-in mock server (`zai-mock`, in
//! process; no key needed).
//!
//! Modules: `args` (the command line's shape), `commands` (one module per
//! subcommand), `connection` (the client the global flags describe), `input`
//! (reading arguments and files), `failure` (exit codes: 0 success, 1 API or
//! network error, 2 usage).

mod args;
mod commands;
mod connection;
mod failure;
mod input;

use args::{BatchCommand, Cli, Command};
use clap::Parser;
use commands::{
    agent, api, batch, chat, decode, image, messages, mock, ocr, read, realtime, result, search,
    tokenize, transcribe, upload, video,
};
use connection::Connection;
use failure::{Failure, Outcome};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Failure::Call(format!("cannot start the runtime: {e}")));
    failure::exit(runtime.and_then(|runtime| runtime.block_on(run(cli))))
}

/// Runs the command; those that call the API get a connection, opened only
/// for them, so the others need no key.
async fn run(cli: Cli) -> Outcome {
    let global = &cli.global;
    match cli.command {
        Command::Chat(args) => chat::run(&Connection::open(global).await?, args).await,
        Command::Image(args) => image::run(&Connection::open(global).await?, args).await,
        Command::Video(args) => video::run(&Connection::open(global).await?, args).await,
        Command::Result(args) => result::run(&Connection::open(global).await?, args).await,
        Command::Search(args) => search::run(&Connection::open(global).await?, args).await,
        Command::Read(args) => read::run(&Connection::open(global).await?, args).await,
        Command::Tokenize(args) => tokenize::run(&Connection::open(global).await?, args).await,
        Command::Ocr(args) => ocr::run(&Connection::open(global).await?, args).await,
        Command::Transcribe(args) => transcribe::run(&Connection::open(global).await?, args).await,
        Command::Realtime(args) => realtime::run(&Connection::open(global).await?, args).await,
        Command::Upload(args) => upload::run(&Connection::open(global).await?, args).await,
        Command::Agent(args) => agent::run(&Connection::open(global).await?, args).await,
        Command::Messages(args) => messages::run(&Connection::open(global).await?, args).await,
        Command::Api(args) if args.list => api::list(),
        Command::Api(args) => api::run(&Connection::open(global).await?, args).await,
        Command::Decode(args) => decode::run(&args),
        Command::Batch { command } => match command {
            BatchCommand::Run(args) => batch::run(&Connection::open(global).await?, args).await,
            BatchCommand::Status { state } => batch::status(&state),
            BatchCommand::Cancel { state } => {
                batch::cancel(&Connection::open(global).await?, &state).await
            }
        },
        Command::Mock(args) => mock::run(args).await,
    }
}
