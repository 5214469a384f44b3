//! GLM-Realtime: opens a WebSocket session from a [`Client`] (its credentials,
//! base URL and headers), with the bounds of [`RealtimeOptions`].
//!
//! The events are generated from spec/realtime.yaml (`zai::realtime::ClientEvent`,
//! `ServerEvent`, …); [`session`] sends and receives them, [`wav`] reads and
//! writes the audio, [`fold`] gathers one response.

pub(crate) mod fold;
pub(crate) mod session;
pub(crate) mod wav;

use crate::runtime::client::Client;
use crate::runtime::error::{ApiError, Error, Timeout};
use crate::runtime::options::DEFAULT_CONNECT_TIMEOUT;
use session::{RealtimeSession, Ws};
use std::time::Duration;
use tokio_tungstenite::tungstenite::{self, client::IntoClientRequest};

/// Limits and policies of a realtime session. Every queue and frame is bounded.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct RealtimeOptions {
    /// The largest message accepted from the server, in bytes (default 4 MiB);
    /// a larger one ends the stream with [`crate::StreamError::EventTooLarge`].
    pub max_message_size: usize,
    /// Bytes of outgoing frames buffered before `send` waits for the socket
    /// (default 1 MiB): backpressure instead of unbounded memory.
    pub max_write_buffer: usize,
    /// No message from the server for this long ends the stream with
    /// [`Timeout::Read`] (default 90 s; the service sends a heartbeat every 30 s).
    pub idle_timeout: Duration,
    /// Query parameters appended to the URL (e.g. the mock's `fault=…`).
    pub query: Vec<(String, String)>,
    /// How [`RealtimeSession::reconnect`] retries: attempts and first backoff
    /// (doubled each time; default 5 attempts from 200 ms).
    pub reconnect: (u32, Duration),
}

impl Default for RealtimeOptions {
    fn default() -> Self {
        RealtimeOptions {
            max_message_size: 4 << 20,
            max_write_buffer: 1 << 20,
            idle_timeout: Duration::from_secs(90),
            query: Vec::new(),
            reconnect: (5, Duration::from_millis(200)),
        }
    }
}

impl Client {
    /// Opens a GLM-Realtime session with the default [`RealtimeOptions`]: the
    /// WebSocket at `<base URL>/realtime` (`https` → `wss`, loopback `http` →
    /// `ws`), authenticated as every call of this client. A refused handshake is
    /// [`Error::Api`] with the server's status and body.
    pub async fn realtime(&self) -> Result<RealtimeSession, Error> {
        self.realtime_with(RealtimeOptions::default()).await
    }

    /// [`Client::realtime`] with chosen options.
    pub async fn realtime_with(&self, options: RealtimeOptions) -> Result<RealtimeSession, Error> {
        let ws = connect(self, &options).await?;
        Ok(RealtimeSession::new(self.clone(), options, ws))
    }
}

/// The handshake: URL, credentials and headers, bounded by the connect timeout.
pub(crate) async fn connect(client: &Client, options: &RealtimeOptions) -> Result<Ws, Error> {
    let inner = &client.inner;
    let mut url = url::Url::parse(&format!("{}/realtime", inner.base))
        .map_err(|e| Error::Config(format!("realtime URL: {e}")))?;
    let scheme = if url.scheme() == "http" { "ws" } else { "wss" };
    // Only http(s) URLs reach here (the builder checked them): never fails.
    let _ = url.set_scheme(scheme);
    if !options.query.is_empty() {
        url.query_pairs_mut().extend_pairs(&options.query);
    }
    let mut request = url
        .as_str()
        .into_client_request()
        .map_err(|e| Error::Config(format!("realtime URL: {e}")))?;
    let headers = request.headers_mut();
    for (name, value) in inner.headers.iter() {
        headers.entry(name).or_insert_with(|| value.clone());
    }
    inner.auth.apply(headers)?;
    let config = tungstenite::protocol::WebSocketConfig::default()
        .max_message_size(Some(options.max_message_size))
        .max_frame_size(Some(options.max_message_size))
        .max_write_buffer_size(options.max_write_buffer);
    let limit = inner.timeouts.connect.unwrap_or(DEFAULT_CONNECT_TIMEOUT);
    #[cfg(any(feature = "rustls", feature = "rustls-ring", feature = "native-tls"))]
    let handshake =
        tokio_tungstenite::connect_async_tls_with_config(request, Some(config), true, tls()?);
    #[cfg(not(any(feature = "rustls", feature = "rustls-ring", feature = "native-tls")))]
    let handshake = tokio_tungstenite::connect_async_with_config(request, Some(config), true);
    match tokio::time::timeout(limit, handshake).await {
        Err(_) => Err(Error::Timeout(Timeout::Connect(Some(limit)))),
        Ok(Ok((ws, _))) => Ok(ws),
        Ok(Err(tungstenite::Error::Http(response))) => {
            let (parts, body) = response.into_parts();
            let body = bytes::Bytes::from(body.unwrap_or_default());
            Err(Error::Api(ApiError::parse(
                parts.status,
                &parts.headers,
                body,
            )))
        }
        Ok(Err(e)) => Err(Error::Connection(Box::new(e))),
    }
}

/// The TLS of realtime connections: the HTTP client's rustls configuration
/// (src/runtime/tls.rs), else tokio-tungstenite's native-tls default.
#[cfg(any(feature = "rustls", feature = "rustls-ring", feature = "native-tls"))]
fn tls() -> Result<Option<tokio_tungstenite::Connector>, Error> {
    #[cfg(all(
        any(feature = "rustls", feature = "rustls-ring"),
        not(feature = "native-tls")
    ))]
    let connector = Some(tokio_tungstenite::Connector::Rustls(
        crate::runtime::tls::rustls_config()?.into(),
    ));
    #[cfg(feature = "native-tls")]
    let connector = None;
    Ok(connector)
}
