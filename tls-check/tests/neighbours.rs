//! Depending on zai leaves the rest of the program alone: an application with its
//! own TLS-less reqwest builds plain clients before and after a zai client, zai
//! installs no process-wide rustls provider, the application installs its own
//! after a zai client exists, and zai still calls over HTTPS (to a loopback TLS
//! front before the mock) throughout, verifying the server's certificate.
//!
//! Its own `main` (no test harness): the certificate zai must trust is given to it
//! through `SSL_CERT_FILE`, the platform verifier's way on Linux, set before any
//! thread exists.

use std::error::Error as _;

use zai::types::{ChatCompletionRequest, ChatMessage};
use zai::{CallOptions, RetryPolicy};
use zai_tls_check::{TestCert, TlsFront};

/// The mock's answer to "Hi" (spec/zai.yaml's example, quoting the question).
const MOCK_REPLY: &str = "You asked about \"Hi\". Hello! How can I help you today?";

fn main() {
    // Elsewhere the platform verifier asks the OS, which ignores SSL_CERT_FILE.
    if !cfg!(all(
        unix,
        not(target_vendor = "apple"),
        not(target_os = "android")
    )) {
        println!("neighbours: skipped (SSL_CERT_FILE is read on Linux and the BSDs only)");
        return;
    }
    let trusted = TestCert::generate("trusted").expect("generate a certificate");
    let untrusted = TestCert::generate("stranger").expect("generate a certificate");
    let pem_file = std::env::temp_dir().join(format!("zai-tls-check-{}.pem", std::process::id()));
    std::fs::write(&pem_file, trusted.pem()).expect("write the certificate");
    // SAFETY: no other thread exists yet (no runtime, no test harness).
    unsafe { std::env::set_var("SSL_CERT_FILE", &pem_file) };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    runtime.block_on(check(&trusted, &untrusted));
    let _ = std::fs::remove_file(&pem_file);
    println!("neighbours: ok");
}

async fn check(trusted: &TestCert, untrusted: &TestCert) {
    // Built before any zai client: reqwest's own provider, not one zai installed.
    let before = reqwest::Client::builder()
        .build()
        .expect("a plain reqwest client before any zai client");

    let mock = zai_mock::MockServer::start().await;
    let front = TlsFront::start(trusted, mock.addr())
        .await
        .expect("start the TLS front");
    let client = zai_client(&front.url());
    assert!(
        rustls::crypto::CryptoProvider::get_default().is_none(),
        "building a zai client installed a process-wide rustls provider"
    );
    assert_eq!(chat(&client).await.as_deref(), Ok(MOCK_REPLY));
    assert_eq!(front.handshakes(), [Some(b"http/1.1".to_vec())]);
    assert!(
        rustls::crypto::CryptoProvider::get_default().is_none(),
        "a zai call installed a process-wide rustls provider"
    );

    let after = reqwest::Client::builder()
        .build()
        .expect("a plain reqwest client after a zai client");
    for (when, plain) in [("before", &before), ("after", &after)] {
        let files = plain
            .get(format!("{}/files", mock.url()))
            .bearer_auth("mock.key")
            .send()
            .await
            .unwrap_or_else(|e| panic!("plain client built {when} zai: {e}"));
        assert_eq!(files.status(), 200, "plain client built {when} zai");
    }

    // The application's own choice, after zai: not refused, zai took none.
    rustls::crypto::aws_lc_rs::default_provider()
        .install_default()
        .expect("the application installs its provider after a zai client was built");
    assert_eq!(chat(&client).await.as_deref(), Ok(MOCK_REPLY));
    let later = zai_client(&front.url());
    assert_eq!(chat(&later).await.as_deref(), Ok(MOCK_REPLY));
    assert_eq!(
        front.handshakes(),
        [Some(b"http/1.1".to_vec()), Some(b"http/1.1".to_vec())],
        "the first client reuses its connection; the later one makes its own"
    );

    // The certificate is checked: a server presenting another one is refused.
    let stranger = TlsFront::start(untrusted, mock.addr())
        .await
        .expect("start a TLS front");
    let refused = chat(&zai_client(&stranger.url())).await;
    assert_eq!(
        refused,
        Err(rustls::Error::InvalidCertificate(
            rustls::CertificateError::UnknownIssuer
        )),
    );
    assert_eq!(stranger.handshakes(), []);

    redirect_to_plain_http(trusted).await;
}

/// An HTTPS origin answering `307` to `http://127.0.0.1:<port>`: the scheme
/// downgrade is refused, the error names the target, and it is never reached.
/// (Here and not in tests/api: trusting a run-time certificate takes
/// `SSL_CERT_FILE`, set before any thread exists.)
async fn redirect_to_plain_http(trusted: &TestCert) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let plain = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let target = format!(
        "http://{}/api/paas/v4/chat/completions",
        plain.local_addr().unwrap()
    );
    let reached = std::sync::Arc::new(AtomicUsize::new(0));
    let count = reached.clone();
    tokio::spawn(async move {
        while plain.accept().await.is_ok() {
            count.fetch_add(1, Ordering::SeqCst);
        }
    });
    let redirector = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let upstream = redirector.local_addr().unwrap();
    let answer = format!(
        "HTTP/1.1 307 Temporary Redirect\r\nlocation: {target}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
    );
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = redirector.accept().await {
            // The whole request (head, then `content-length` bytes), then the answer.
            let mut request = Vec::new();
            let mut buf = [0; 4096];
            while let Ok(n @ 1..) = socket.read(&mut buf).await {
                request.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&request).to_lowercase();
                let Some((head, body)) = text.split_once("\r\n\r\n") else {
                    continue;
                };
                let length = head
                    .split("content-length:")
                    .nth(1)
                    .and_then(|v| v.lines().next());
                if body.len() >= length.and_then(|v| v.trim().parse().ok()).unwrap_or(0) {
                    break;
                }
            }
            let _ = socket.write_all(answer.as_bytes()).await;
        }
    });
    let front = TlsFront::start(trusted, upstream)
        .await
        .expect("start the TLS front");
    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Hi")]);
    let error = zai_client(&format!("{}/api/paas/v4", front.url()))
        .create_chat_completion(&request)
        .await
        .expect_err("a redirect from https to http is refused");
    let message = error.to_string();
    assert!(
        message.contains(&format!("refused a redirect to {target}")),
        "{message}"
    );
    assert_eq!(front.handshakes().len(), 1, "the origin was asked");
    assert_eq!(
        reached.load(Ordering::SeqCst),
        0,
        "the plain-http target was never reached"
    );
}

/// A zai client for `url`, one attempt per call.
fn zai_client(url: &str) -> zai::Client {
    zai::Client::builder()
        .api_key("mock.key")
        .base_url(url)
        .call_options(CallOptions::default().retry(RetryPolicy::none()))
        .build()
        .expect("a zai client")
}

/// One chat completion's text; a failure as the rustls error under it.
async fn chat(client: &zai::Client) -> Result<String, rustls::Error> {
    let request = ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("Hi")]);
    match client.create_chat_completion(&request).await {
        Ok(reply) => Ok(reply.text().unwrap_or_default().to_owned()),
        Err(error) => {
            Err(tls_cause(&error).unwrap_or_else(|| panic!("not a TLS error: {error:?}")))
        }
    }
}

/// The rustls error somewhere in `error`'s chain of sources (reqwest wraps it in
/// `io::Error`s).
fn tls_cause(error: &zai::Error) -> Option<rustls::Error> {
    let mut next: Option<&(dyn std::error::Error + 'static)> = error.source();
    while let Some(cause) = next {
        if let Some(tls) = cause.downcast_ref::<rustls::Error>() {
            return Some(tls.clone());
        }
        // An `io::Error`'s `source` skips the error it wraps: step into that one.
        next = match cause
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner),
            None => cause.source(),
        };
    }
    None
}
