//! Exit codes: why a command failed, and how that ends the process.
//!
//! 0 success, 1 the API or the network failed, 2 bad arguments or configuration
//! (clap's own usage errors exit 2 as well); the message is one line on stderr.

use std::process::ExitCode;

/// Why the command failed, and so its exit code.
pub(crate) enum Failure {
    /// Bad arguments or configuration: exit 2.
    Usage(String),
    /// The API or the network failed: exit 1.
    Call(String),
}

/// What a command returns.
pub(crate) type Outcome = Result<(), Failure>;

impl From<zai::Error> for Failure {
    fn from(e: zai::Error) -> Self {
        match e {
            zai::Error::Config(m) => Failure::Usage(m),
            e => Failure::Call(e.to_string()),
        }
    }
}

impl Failure {
    /// An error from a call built from the user's own input (`zai api`'s
    /// operation and parameters, `zai batch run`'s requests), where an invalid
    /// request is that input's fault: a usage error.
    pub(crate) fn from_input(e: zai::Error) -> Self {
        match e {
            zai::Error::InvalidRequest(m) => Failure::Usage(m),
            e => e.into(),
        }
    }
}

/// The process's exit code for `outcome`, after printing a failure's message.
pub(crate) fn exit(outcome: Outcome) -> ExitCode {
    let (message, code) = match outcome {
        Ok(()) => return ExitCode::SUCCESS,
        Err(Failure::Usage(m)) => (m, 2),
        Err(Failure::Call(m)) => (m, 1),
    };
    let line = message.split_whitespace().collect::<Vec<_>>().join(" ");
    eprintln!("error: {line}");
    ExitCode::from(code)
}
