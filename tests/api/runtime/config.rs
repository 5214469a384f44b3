//! Client construction: presets, keys, secrets.

#[test]
fn missing_or_empty_key_fails_at_construction() {
    let err = zai::Client::builder().build().unwrap_err();
    assert!(
        matches!(err, zai::Error::Config(ref m) if m.contains("ZAI_API_KEY")),
        "{err}"
    );
    let err = zai::Client::builder().api_key("  ").build().unwrap_err();
    assert!(
        matches!(err, zai::Error::Config(ref m) if m.contains("empty")),
        "{err}"
    );
}

#[test]
fn presets_and_trailing_slash() {
    let build = |url: zai::BaseUrl| {
        zai::Client::builder()
            .api_key("k.s")
            .base_url(url)
            .build()
            .unwrap()
    };
    assert_eq!(
        build(zai::BaseUrl::General).base_url(),
        "https://api.z.ai/api/paas/v4"
    );
    assert_eq!(
        build(zai::BaseUrl::CodingPlan).base_url(),
        "https://api.z.ai/api/coding/paas/v4"
    );
    assert_eq!(
        build(zai::BaseUrl::China).base_url(),
        "https://open.bigmodel.cn/api/paas/v4"
    );
    assert_eq!(
        build("https://proxy.example/v4/".into()).base_url(),
        "https://proxy.example/v4"
    );
}

#[test]
fn debug_never_shows_the_key() {
    let secret = "abcd1234.SUPERSECRETVALUE";
    for auth in [
        zai::Auth::bearer(secret).unwrap(),
        zai::Auth::jwt(secret).unwrap(),
    ] {
        let client = zai::Client::builder().auth(auth).build().unwrap();
        let shown = format!("{client:?}");
        assert!(!shown.contains("SUPERSECRETVALUE"), "{shown}");
        assert!(shown.contains("redacted"), "{shown}");
    }
}

#[test]
fn plain_http_to_a_remote_host_is_refused() {
    let err = zai::Client::builder()
        .api_key("k.s")
        .base_url("http://api.example.com/v4")
        .build()
        .unwrap_err();
    assert!(
        matches!(err, zai::Error::Config(ref m) if m.contains("plain http")),
        "{err}"
    );
    zai::Client::builder()
        .api_key("k.s")
        .base_url("http://127.0.0.1:9/v4")
        .build()
        .unwrap();
    zai::Client::builder()
        .api_key("k.s")
        .base_url("http://api.example.com/v4")
        .allow_insecure_http(true)
        .build()
        .unwrap();
}

#[test]
fn jwt_needs_id_dot_secret() {
    for bad in ["nodot", ".secret", "id.", "a.b.c"] {
        let err = zai::Auth::jwt(bad).unwrap_err();
        assert!(
            matches!(err, zai::Error::Config(ref m) if m.contains("id.secret")),
            "{bad}: {err}"
        );
    }
}

/// Whichever TLS feature is on, the client has a crypto provider: it builds, and
/// an `https` call opens with a TLS ClientHello (read here by a loopback listener
/// that then hangs up, so the call fails as a transport error).
#[tokio::test]
async fn https_calls_open_with_a_tls_client_hello() {
    use tokio::io::AsyncReadExt as _;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        // Record header (type, version, length) and the handshake message type.
        let mut head = [0u8; 6];
        socket.read_exact(&mut head).await.unwrap();
        head
    });
    let client = zai::Client::builder()
        .api_key("k.s")
        .base_url(format!("https://127.0.0.1:{port}/api/paas/v4"))
        .call_options(zai::CallOptions::default().retry(zai::RetryPolicy::none()))
        .build()
        .unwrap();
    let err = client
        .call_raw(
            "createChatCompletion",
            &[],
            &[],
            Some(&serde_json::json!({})),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, zai::Error::Transport(_)), "{err:?}");
    let head = server.await.unwrap();
    assert_eq!(head[0], 0x16, "a TLS handshake record: {head:?}");
    assert_eq!(head[1], 0x03, "TLS record version 3.x: {head:?}");
    assert_eq!(head[5], 0x01, "a ClientHello: {head:?}");
}
