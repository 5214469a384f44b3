//! [`ClientBuilder`]: a client's configuration (key, base URL, headers,
//! timeouts, TLS, call options, metrics), checked when it is built, and the ways
//! to start one ([`Client::builder`], [`Client::from_env`]).

use crate::runtime::auth::Auth;
use crate::runtime::client::{Client, Inner};
use crate::runtime::error::{Error, Timeouts};
use crate::runtime::observe::Metrics;
use crate::runtime::options::{
    CallOptions, DEFAULT_CODING_PLAN_MAX_IN_FLIGHT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
    DEFAULT_USER_AGENT,
};
use reqwest::header::{ACCEPT_LANGUAGE, HeaderMap, HeaderName, HeaderValue, USER_AGENT};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;
use zai_types::BaseUrl;

/// Builds a [`Client`]; see [`Client::builder`].
pub struct ClientBuilder {
    auth: Option<Result<Auth, Error>>,
    base_url: Option<BaseUrl>,
    root_url: Option<String>,
    http: Option<reqwest::Client>,
    /// The default headers, or the first header that could not be made one.
    headers: Result<HeaderMap, Error>,
    connect_timeout: Option<Duration>,
    read_timeout: Option<Duration>,
    allow_insecure_http: bool,
    options: CallOptions,
    metrics: Option<Arc<dyn Metrics>>,
    max_in_flight: Option<usize>,
}

impl Default for ClientBuilder {
    /// No key yet; the `User-Agent` header [`DEFAULT_USER_AGENT`].
    fn default() -> Self {
        let mut headers = HeaderMap::new();
        headers.insert(USER_AGENT, HeaderValue::from_static(DEFAULT_USER_AGENT));
        ClientBuilder {
            auth: None,
            base_url: None,
            root_url: None,
            http: None,
            headers: Ok(headers),
            connect_timeout: None,
            read_timeout: None,
            allow_insecure_http: false,
            options: CallOptions::default(),
            metrics: None,
            max_in_flight: None,
        }
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("auth", &self.auth)
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A builder; at least an API key is needed.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from the environment: `ZAI_API_KEY` (required) and
    /// `ZAI_BASE_URL` (default [`BaseUrl::General`]).
    pub fn from_env() -> Result<Self, Error> {
        let key = std::env::var("ZAI_API_KEY")
            .map_err(|_| Error::Config("ZAI_API_KEY is not set".into()))?;
        let mut builder = Client::builder().api_key(key);
        if let Ok(url) = std::env::var("ZAI_BASE_URL") {
            builder = builder.base_url(url);
        }
        builder.build()
    }
}

impl ClientBuilder {
    /// The API key (`id.secret`), sent as `Authorization: Bearer <key>`.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.auth = Some(Auth::bearer(key.into()));
        self
    }

    /// Authentication other than the plain key (e.g. a signed JWT).
    pub fn auth(mut self, auth: Auth) -> Self {
        self.auth = Some(Ok(auth));
        self
    }

    /// A preset ([`BaseUrl::General`], [`BaseUrl::CodingPlan`], [`BaseUrl::China`])
    /// or any URL of a `paas/v4`-compatible endpoint. A trailing slash is ignored.
    pub fn base_url(mut self, url: impl Into<BaseUrl>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The root the operations outside `paas/v4` hang off (`x-zai-base: root` in
    /// the spec): agents (`/v1/agents...`), the Anthropic-compatible Messages
    /// endpoint (`/anthropic/v1/messages`), knowledge bases and documents,
    /// applications, ZRAG and the Coding Plan monitor. Default: the base URL
    /// without its trailing `/paas/v4` (and `/coding`), e.g. `https://api.z.ai/api`.
    pub fn root_url(mut self, url: impl Into<String>) -> Self {
        self.root_url = Some(url.into());
        self
    }

    /// Use this `reqwest::Client` (its own timeouts, proxy and TLS settings apply;
    /// [`Self::connect_timeout`] and [`Self::read_timeout`] are then ignored).
    ///
    /// With the `rustls-ring` feature alone, reqwest needs a process-wide rustls
    /// provider to build it (see [`crate::install_tls_provider`]).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// A header sent with every request (unless the request sets it itself),
    /// e.g. `.default_header("x-team", "blue")`. A name or value that is not a
    /// valid header is reported by [`Self::build`].
    pub fn default_header<N, V>(mut self, name: N, value: V) -> Self
    where
        N: TryInto<HeaderName, Error: fmt::Display>,
        V: TryInto<HeaderValue, Error: fmt::Display>,
    {
        let header = name.try_into().map_err(|e| e.to_string()).and_then(|name| {
            let value = value.try_into().map_err(|e| format!("`{name}`: {e}"))?;
            Ok((name, value))
        });
        self.headers = match (self.headers, header) {
            (Ok(mut headers), Ok((name, value))) => {
                headers.insert(name, value);
                Ok(headers)
            }
            (Ok(_), Err(e)) => Err(Error::Config(format!("invalid default header {e}"))),
            (failed, _) => failed,
        };
        self
    }

    /// Stops sending a default header, e.g. `"user-agent"`.
    pub fn without_default_header(mut self, name: impl AsRef<str>) -> Self {
        if let Ok(headers) = &mut self.headers {
            headers.remove(name.as_ref());
        }
        self
    }

    /// `Accept-Language` for server messages; the API documents one value,
    /// `en-US,en`. Not sent by default: the docs mark it optional and the
    /// official Java SDK stopped sending it (the Python SDK still does), and
    /// every header is work on every call.
    pub fn accept_language(self, value: &str) -> Self {
        self.default_header(ACCEPT_LANGUAGE, value)
    }

    /// Connect timeout (default [`DEFAULT_CONNECT_TIMEOUT`]).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Longest wait for the next bytes of a response (default
    /// [`DEFAULT_READ_TIMEOUT`]), counted while the client waits for them: the
    /// time your code spends between reads of a stream does not count. There is
    /// no total timeout by default, so long completions and streams are never
    /// cut off while data flows.
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = Some(timeout);
        self
    }

    /// Retries and timeouts of every call (see [`CallOptions`]).
    pub fn call_options(mut self, options: CallOptions) -> Self {
        self.options = options;
        self
    }

    /// Receives a record of every call and retry (see [`Metrics`] and [`crate::CallStats`]).
    pub fn metrics(mut self, metrics: Arc<dyn Metrics>) -> Self {
        self.metrics = Some(metrics);
        self
    }

    /// At most `n` calls in flight at once (0: no limit); the others wait their
    /// turn, first come, first served, instead of failing with 1302. A call
    /// holds its slot while an attempt is sent and read (not while it waits to
    /// retry); a stream or download until it ends or is dropped. Default: no
    /// limit, except [`DEFAULT_CODING_PLAN_MAX_IN_FLIGHT`] with the GLM Coding
    /// Plan base URL, whose keys allow only a few. Waits show as
    /// [`crate::CallRecord::queued`] and `slot acquired` tracing events.
    pub fn max_in_flight(mut self, n: usize) -> Self {
        self.max_in_flight = Some(n);
        self
    }

    /// Allow sending credentials over plain `http://` to a host that is not
    /// loopback (refused by default: the key would cross the network in clear).
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let auth = self.auth.ok_or_else(|| {
            Error::Config(
                "no API key: call `api_key()` or `auth()`, or build with `Client::from_env()` \
                 (reads ZAI_API_KEY)"
                    .into(),
            )
        })??;
        let base = self.base_url.unwrap_or(BaseUrl::General);
        let base = base.as_str().to_owned();
        let url = reqwest::Url::parse(&base)
            .map_err(|e| Error::Config(format!("base URL `{}`: {e}", redact(&base))))?;
        check_scheme(&url, self.allow_insecure_http)?;
        let root = match self.root_url {
            Some(root) => root.trim_end_matches('/').to_owned(),
            None => default_root(&base).to_owned(),
        };
        check_scheme(
            &reqwest::Url::parse(&root)
                .map_err(|e| Error::Config(format!("root URL `{}`: {e}", redact(&root))))?,
            self.allow_insecure_http,
        )?;
        let (http, timeouts) = match self.http {
            Some(client) => (client, Timeouts::default()),
            None => {
                let timeouts = Timeouts {
                    connect: Some(self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT)),
                    read: Some(self.read_timeout.unwrap_or(DEFAULT_READ_TIMEOUT)),
                };
                // The read timeout is the client's own (`ReadTimer`), not reqwest's.
                let client = reqwest::Client::builder()
                    .connect_timeout(timeouts.connect.unwrap_or_default())
                    .redirect(reqwest::redirect::Policy::custom(same_origin));
                // HTTP/1.1 even when another crate turns on reqwest's `http2`.
                // reqwest's own retries replay only refused HTTP/2 streams, so
                // over HTTP/1.1 they are off: its policy would copy every request.
                #[cfg(not(feature = "http2"))]
                let client = client
                    .http1_only()
                    .retry(reqwest::retry::never().max_retries_per_request(0));
                let client = crate::runtime::tls::configure(client)?
                    .build()
                    .map_err(|e| Error::Config(format!("HTTP client: {e}")))?;
                (client, timeouts)
            }
        };
        let coding_plan = base.ends_with("/coding/paas/v4");
        let slots = match self.max_in_flight {
            None if coding_plan => Some(DEFAULT_CODING_PLAN_MAX_IN_FLIGHT),
            Some(0) | None => None,
            n => n,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                slots: slots.map(|n| Arc::new(tokio::sync::Semaphore::new(n))),
                http,
                base,
                root,
                auth: Arc::new(auth),
                headers: Arc::new(self.headers?),
                options: self.options,
                metrics: self.metrics,
                timeouts,
            }),
        })
    }
}

/// `https://api.z.ai/api/paas/v4` → `https://api.z.ai/api`.
fn default_root(base: &str) -> &str {
    let root = base.strip_suffix("/paas/v4").unwrap_or(base);
    root.strip_suffix("/coding").unwrap_or(root)
}

/// Follows a redirect only within the origin it started from: another host,
/// port or scheme (`https` → `http` included) would carry the request, the
/// prompt with it, where the caller never sent it. Refused: an error naming
/// the target.
fn same_origin(attempt: reqwest::redirect::Attempt<'_>) -> reqwest::redirect::Action {
    let from = attempt.previous().first().map(|url| url.origin());
    if attempt.previous().len() > 10 {
        attempt.error("more than 10 redirects")
    } else if from.as_ref() == Some(&attempt.url().origin()) {
        attempt.follow()
    } else {
        let target = redact(attempt.url().as_str());
        attempt.error(format!(
            "refused a redirect to {target}: it leaves the origin"
        ))
    }
}

/// A URL without the password it may hold (`https://user:***@host/...`), for messages.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}{}", &rest[authority.len()..])
        }
        None => url.to_owned(),
    }
}

fn check_scheme(url: &reqwest::Url, allow_insecure: bool) -> Result<(), Error> {
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d == "localhost",
        None => false,
    };
    match url.scheme() {
        "https" => Ok(()),
        "http" if loopback || allow_insecure => Ok(()),
        "http" => Err(Error::Config(format!(
            "refusing to send credentials over plain http to {}; use https or allow_insecure_http(true)",
            redact(url.as_str())
        ))),
        other => Err(Error::Config(format!("unsupported URL scheme `{other}`"))),
    }
}
