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
