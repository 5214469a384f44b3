//! Unit tests of `src/runtime/auth.rs` (compiled into the library's test build).
use super::*;

#[test]
fn jwt_matches_reference_signature() {
    let Auth(Kind::Jwt(jwt)) = Auth::jwt("myid.mysecret").unwrap() else {
        unreachable!()
    };
    let token = jwt.sign(1_700_000_000_000);
    // Computed independently with Python's hmac/hashlib over the same header and claims.
    assert_eq!(
        token,
        "eyJhbGciOiJIUzI1NiIsInNpZ25fdHlwZSI6IlNJR04ifQ.\
         eyJhcGlfa2V5IjoibXlpZCIsImV4cCI6MTcwMDAwMDIxMDAwMCwidGltZXN0YW1wIjoxNzAwMDAwMDAwMDAwfQ.\
         X3Tkr5516Ioa_YgFoW4GudeKLDM9bIn_nmL3WYqgcxc"
    );
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3);
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let claims: serde_json::Value = serde_json::from_slice(&b64.decode(parts[1]).unwrap()).unwrap();
    assert_eq!(
        claims,
        serde_json::json!({"api_key": "myid", "exp": 1_700_000_210_000u64, "timestamp": 1_700_000_000_000u64})
    );
    assert_eq!(
        b64.decode(parts[0]).unwrap(),
        br#"{"alg":"HS256","sign_type":"SIGN"}"#
    );
}

#[test]
fn jwt_is_cached_then_renewed() {
    let Auth(Kind::Jwt(jwt)) = Auth::jwt("id.secret").unwrap() else {
        unreachable!()
    };
    assert_eq!(
        jwt.current().unwrap(),
        jwt.current().unwrap(),
        "reused within renew_after"
    );
    let Auth(Kind::Jwt(short)) =
        Auth::jwt_with("id.secret", Duration::from_secs(5), Duration::ZERO).unwrap()
    else {
        unreachable!()
    };
    let first = short.current().unwrap();
    std::thread::sleep(Duration::from_millis(3));
    assert_ne!(first, short.current().unwrap(), "renewed once due");
    assert!(first.is_sensitive());
}
