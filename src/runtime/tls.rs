//! The TLS of the client's own `reqwest::Client`: rustls on the crypto provider the
//! features choose, handed to reqwest as a finished configuration, so it works
//! whatever rustls's process-wide default is, and never sets that default.

use crate::runtime::error::Error;

/// The provider the features choose: aws-lc-rs with `rustls` (also when
/// `rustls-ring` is on: aws-lc is compiled in then anyway), else ring.
#[cfg(any(feature = "rustls", feature = "rustls-ring"))]
fn provider() -> rustls::crypto::CryptoProvider {
    #[cfg(feature = "rustls")]
    let provider = rustls::crypto::aws_lc_rs::default_provider();
    #[cfg(not(feature = "rustls"))]
    let provider = rustls::crypto::ring::default_provider();
    provider
}

/// rustls on [`provider`], verifying servers as reqwest does by default (the
/// platform verifier: the system's roots, `SSL_CERT_FILE` / `SSL_CERT_DIR` on
/// Linux), TLS 1.2 and 1.3: the HTTP client's and realtime sessions' TLS.
#[cfg(all(
    any(feature = "rustls", feature = "rustls-ring"),
    not(feature = "native-tls")
))]
pub(crate) fn rustls_config() -> Result<rustls::ClientConfig, Error> {
    use std::sync::Arc;
    let tls_error = |e: rustls::Error| Error::Config(format!("TLS: {e}"));
    let provider = Arc::new(provider());
    let verifier = rustls_platform_verifier::Verifier::new(provider.clone()).map_err(tls_error)?;
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(tls_error)?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth())
}

/// `builder` with [`rustls_config`] and ALPN offering what the client speaks
/// (`http/1.1`, and `h2` first with the `http2` feature).
#[cfg(all(
    any(feature = "rustls", feature = "rustls-ring"),
    not(feature = "native-tls")
))]
pub(crate) fn configure(builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder, Error> {
    let mut config = rustls_config()?;
    // reqwest sets ALPN only on configurations it builds itself.
    config.alpn_protocols = vec![
        #[cfg(feature = "http2")]
        b"h2".to_vec(),
        b"http/1.1".to_vec(),
    ];
    Ok(builder.tls_backend_preconfigured(config))
}

/// `builder` as it is: with `native-tls` (preferred over rustls when both are on,
/// as reqwest prefers it) or without TLS, reqwest's choice needs no provider.
#[cfg(not(all(
    any(feature = "rustls", feature = "rustls-ring"),
    not(feature = "native-tls")
)))]
pub(crate) fn configure(builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder, Error> {
    Ok(builder)
}

/// For applications only, called from `main`: makes the provider this crate's
/// client uses (aws-lc-rs with the `rustls` feature, ring with `rustls-ring`
/// alone) rustls's process-wide default, unless one is installed already. Without
/// a rustls feature it does nothing.
///
/// The crate never calls it: its own client has its TLS configured explicitly.
/// An application built with `rustls-ring` alone needs a default before building
/// any other `reqwest::Client` (reqwest is then built with `rustls-no-provider`
/// and panics without one); this installs ring for them. With the default
/// `rustls` feature reqwest falls back to aws-lc-rs by itself, and nothing needs
/// it. An application choosing another provider installs that one instead.
pub fn install_tls_provider() {
    #[cfg(any(feature = "rustls", feature = "rustls-ring"))]
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // An error means another thread installed one meanwhile; that one is used.
        let _ = provider().install_default();
    }
}
