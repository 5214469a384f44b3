//! The `zai::Client` the global flags describe, for the service or the in-process mock.

use crate::args::{AuthKind, Global};
use crate::failure::Failure;
use crate::input::seconds;

/// A client, and with `--mock` the in-process mock server it talks to.
pub(crate) struct Connection {
    /// The client every call goes through.
    pub(crate) client: zai::Client,
    // Held so the mock serves as long as the client is in use.
    mock: Option<zai_mock::MockServer>,
}

impl Connection {
    /// Starts the mock if `--mock`, then builds the client: a usage error for a
    /// missing key (unless mocked), a bad `--timeout` or a key JWT cannot sign with.
    pub(crate) async fn open(global: &Global) -> Result<Self, Failure> {
        let mock = if global.mock {
            Some(
                zai_mock::MockServer::bind(0)
                    .await
                    .map_err(|e| Failure::Call(format!("cannot start the mock server: {e}")))?,
            )
        } else {
            None
        };
        let client = client(global, mock.as_ref())?;
        Ok(Self { client, mock })
    }

    /// Seconds between polls unless a flag says: `real` against the service,
    /// 0.05 against the mock, whose tasks finish at once.
    pub(crate) fn poll_default(&self, real: f64) -> f64 {
        if self.mock.is_some() { 0.05 } else { real }
    }
}

fn client(global: &Global, mock: Option<&zai_mock::MockServer>) -> Result<zai::Client, Failure> {
    let key = match (&global.api_key, mock) {
        (Some(key), _) if !key.is_empty() => key.clone(),
        (_, Some(_)) => "mock-id.mock-secret".to_owned(),
        _ => {
            return Err(Failure::Usage(
                "no API key: set ZAI_API_KEY (or pass --api-key), or try --mock to answer \
                 from the built-in mock server"
                    .into(),
            ));
        }
    };
    let mut builder = zai::Client::builder();
    builder = match global.auth {
        AuthKind::Bearer => builder.api_key(key),
        AuthKind::Jwt => builder.auth(zai::Auth::jwt(key)?),
    };
    if let Some(mock) = mock {
        builder = builder.base_url(mock.url());
    } else if let Some(url) = &global.base_url {
        builder = builder.base_url(url.as_str());
    }
    let mut options = zai::CallOptions::default();
    if let Some(n) = global.max_retries {
        options.retry.max_retries = n;
    }
    if let Some(secs) = global.timeout {
        let limit = seconds("--timeout", secs)?;
        options = options.deadline(limit).stream_deadline(limit);
    }
    Ok(builder.call_options(options).build()?)
}
