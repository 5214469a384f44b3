//! A loopback HTTPS front for tests: terminates TLS with a self-signed certificate
//! made at run time and forwards each connection's bytes to a plain-HTTP server
//! (e.g. `zai-mock`), recording the ALPN protocol each handshake agreed.
//!
//! It never touches rustls's process-wide provider (its configuration names
//! aws-lc-rs explicitly), so a test can check who else does.
#![warn(missing_docs)]

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::net::{TcpListener, TcpStream};

/// A self-signed certificate for `127.0.0.1` and its private key.
pub struct TestCert {
    cert: CertificateDer<'static>,
    pem: String,
    key: Vec<u8>,
}

impl TestCert {
    /// A fresh certificate and key, with `name` as its subject's common name:
    /// certificates with different names do not pass for one another's issuer.
    /// No I/O, no threads: it can come first in a test's `main`.
    pub fn generate(name: &str) -> Result<TestCert, rcgen::Error> {
        let key = rcgen::KeyPair::generate()?;
        let mut params = rcgen::CertificateParams::new(vec!["127.0.0.1".to_owned()])?;
        params.distinguished_name = rcgen::DistinguishedName::new();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, name);
        let cert = params.self_signed(&key)?;
        Ok(TestCert {
            pem: cert.pem(),
            cert: cert.der().clone(),
            key: key.serialize_der(),
        })
    }

    /// The certificate in PEM, for a client's trust store (`SSL_CERT_FILE`).
    pub fn pem(&self) -> &str {
        &self.pem
    }
}

/// A running front on `127.0.0.1`; stops accepting when dropped.
pub struct TlsFront {
    addr: SocketAddr,
    alpn: Arc<Mutex<Vec<Option<Vec<u8>>>>>,
    accept: tokio::task::JoinHandle<()>,
}

impl TlsFront {
    /// Starts a front presenting `cert` on an ephemeral loopback port, forwarding
    /// to `upstream`; its ALPN offer is `http/1.1`. Runs on the current Tokio
    /// runtime.
    pub async fn start(cert: &TestCert, upstream: SocketAddr) -> io::Result<TlsFront> {
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(cert.key.clone()));
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .and_then(|b| {
                b.with_no_client_auth()
                    .with_single_cert(vec![cert.cert.clone()], key)
            })
            .map_err(io::Error::other)?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let alpn = Arc::new(Mutex::new(Vec::new()));
        let seen = alpn.clone();
        let accept = tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let (acceptor, seen) = (acceptor.clone(), seen.clone());
                tokio::spawn(async move {
                    // A failed handshake (e.g. a client that does not trust the
                    // certificate) just ends the connection.
                    let Ok(mut tls) = acceptor.accept(socket).await else {
                        return;
                    };
                    let agreed = tls.get_ref().1.alpn_protocol().map(<[u8]>::to_vec);
                    seen.lock().unwrap_or_else(|e| e.into_inner()).push(agreed);
                    if let Ok(mut plain) = TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
                    }
                });
            }
        });
        Ok(TlsFront { addr, alpn, accept })
    }

    /// `https://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("https://{}", self.addr)
    }

    /// The ALPN protocol of each completed handshake so far, in order (`None`:
    /// the client offered none the front speaks).
    pub fn handshakes(&self) -> Vec<Option<Vec<u8>>> {
        self.alpn.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl Drop for TlsFront {
    fn drop(&mut self) {
        self.accept.abort();
    }
}
