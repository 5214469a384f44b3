//! `zai::Client`: what every request of a client shares (connections,
//! credentials, base URLs, default headers, call options, the metrics hook).
//! builder.rs makes one; its operations are generated (src/operations.rs) and
//! all take the one request path (send.rs).

use crate::runtime::auth::Auth;
use crate::runtime::error::Timeouts;
use crate::runtime::observe::Metrics;
use crate::runtime::options::CallOptions;
use reqwest::header::HeaderMap;
use std::fmt;
use std::sync::Arc;

/// A Z.AI API client. Cheap to clone; clones share connections and credentials.
///
/// Every operation in spec/zai.yaml is a method (generated) returning a `Send`
/// future of `Result<T, zai::Error>`: call it and `.await` it as an `async fn`.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

/// What every request of a client shares.
#[derive(Clone)]
pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    /// The `paas/v4` base URL, without a trailing slash.
    pub(crate) base: String,
    /// The API root, for `x-zai-base: root` operations.
    pub(crate) root: String,
    pub(crate) auth: Arc<Auth>,
    pub(crate) headers: Arc<HeaderMap>,
    pub(crate) options: CallOptions,
    pub(crate) metrics: Option<Arc<dyn Metrics>>,
    pub(crate) timeouts: Timeouts,
    /// The concurrency limit's slots, handed out first come, first served.
    pub(crate) slots: Option<Arc<tokio::sync::Semaphore>>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        f.debug_struct("Client")
            .field("base_url", &inner.base)
            .field("root_url", &inner.root)
            .field("auth", &inner.auth)
            .field("headers", &inner.headers.keys().collect::<Vec<_>>())
            .field("options", &inner.options)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// The `paas/v4` base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.inner.base
    }

    /// A client sharing this one's connections and credentials, with other call
    /// options, e.g. `client.with_options(|o| o.retry(RetryPolicy::none()))`.
    pub fn with_options(&self, change: impl FnOnce(CallOptions) -> CallOptions) -> Client {
        let mut inner = self.inner.as_ref().clone();
        inner.options = change(inner.options);
        Client {
            inner: Arc::new(inner),
        }
    }

    /// The options calls of this client run with.
    pub fn options(&self) -> &CallOptions {
        &self.inner.options
    }
}
