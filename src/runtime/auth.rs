//! Credentials: the API key as a Bearer token, or an HS256 JWT signed with it.

use crate::runtime::error::Error;
use crate::runtime::options::{DEFAULT_JWT_LIFETIME, DEFAULT_JWT_RENEW_AFTER};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};
use secrecy::{ExposeSecret, SecretString};
use std::{
    fmt,
    sync::Mutex,
    time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

/// How requests are authenticated. `Debug` never shows the key or a token.
pub struct Auth(Kind);

enum Kind {
    /// `Bearer <key>`, and the key itself (for raw-key operations).
    Bearer(HeaderValue, HeaderValue),
    Jwt(Jwt),
}

struct Jwt {
    id: String,
    secret: SecretString,
    lifetime: Duration,
    renew_after: Duration,
    cached: Mutex<Option<(HeaderValue, Instant)>>,
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Kind::Bearer(..) => f.write_str("Auth::Bearer(<redacted>)"),
            Kind::Jwt(jwt) => write!(f, "Auth::Jwt {{ id: {:?}, secret: <redacted> }}", jwt.id),
        }
    }
}

impl Auth {
    /// `Authorization: Bearer <key>`, the documented default.
    pub fn bearer(key: impl Into<String>) -> Result<Auth, Error> {
        let key = SecretString::from(key.into());
        let key = key.expose_secret().trim();
        if key.is_empty() {
            return Err(Error::Config("the API key is empty".into()));
        }
        Ok(Auth(Kind::Bearer(
            sensitive(format!("Bearer {key}"))?,
            sensitive(key.to_owned())?,
        )))
    }

    /// A JWT signed with the key's secret, with the SDK's default lifetime and
    /// renewal ([`DEFAULT_JWT_LIFETIME`], [`DEFAULT_JWT_RENEW_AFTER`]).
    pub fn jwt(key: impl Into<String>) -> Result<Auth, Error> {
        Auth::jwt_with(key, DEFAULT_JWT_LIFETIME, DEFAULT_JWT_RENEW_AFTER)
    }

    /// A JWT with a chosen lifetime, renewed once older than `renew_after`.
    /// The key must have the `id.secret` form.
    pub fn jwt_with(
        key: impl Into<String>,
        lifetime: Duration,
        renew_after: Duration,
    ) -> Result<Auth, Error> {
        let key = SecretString::from(key.into());
        let (id, secret) = key
            .expose_secret()
            .trim()
            .split_once('.')
            .filter(|(id, secret)| !id.is_empty() && !secret.is_empty() && !secret.contains('.'))
            .ok_or_else(|| {
                Error::Config("a JWT needs an API key of the form `id.secret`".into())
            })?;
        if renew_after >= lifetime {
            return Err(Error::Config(
                "JWT renew_after must be shorter than its lifetime".into(),
            ));
        }
        Ok(Auth(Kind::Jwt(Jwt {
            id: id.to_owned(),
            secret: SecretString::from(secret.to_owned()),
            lifetime,
            renew_after,
            cached: Mutex::new(None),
        })))
    }

    pub(crate) fn apply(&self, headers: &mut HeaderMap) -> Result<(), Error> {
        let value = match &self.0 {
            Kind::Bearer(value, _) => value.clone(),
            Kind::Jwt(jwt) => jwt.current()?,
        };
        headers.insert(AUTHORIZATION, value);
        Ok(())
    }

    /// `Authorization: <key>`, the raw API key without a scheme (`x-zai-auth:
    /// raw-key` operations). A JWT client sends its key too: nothing documents a
    /// token for those operations.
    pub(crate) fn apply_raw_key(&self, headers: &mut HeaderMap) -> Result<(), Error> {
        let value = match &self.0 {
            Kind::Bearer(_, key) => key.clone(),
            Kind::Jwt(jwt) => sensitive(format!("{}.{}", jwt.id, jwt.secret.expose_secret()))?,
        };
        headers.insert(AUTHORIZATION, value);
        Ok(())
    }
}

/// A header value that is never logged.
fn sensitive(text: String) -> Result<HeaderValue, Error> {
    let mut value = HeaderValue::from_str(&text).map_err(|_| {
        Error::Config("the API key contains characters not allowed in a header".into())
    })?;
    value.set_sensitive(true);
    Ok(value)
}

impl Jwt {
    /// The cached token, or a fresh one once the cached one is due for renewal.
    /// Signing takes microseconds, so holding the lock never blocks the runtime.
    fn current(&self) -> Result<HeaderValue, Error> {
        let mut cached = self.cached.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((value, issued)) = cached.as_ref()
            && issued.elapsed() < self.renew_after
        {
            return Ok(value.clone());
        }
        let now_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_err(|_| Error::Config("system clock is before 1970".into()))?
            .as_millis();
        let value = sensitive(format!("Bearer {}", self.sign(now_ms)))?;
        *cached = Some((value.clone(), Instant::now()));
        Ok(value)
    }

    /// `header.claims.signature` with millisecond `exp` and `timestamp`, as Z.AI expects.
    fn sign(&self, now_ms: u128) -> String {
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let header = b64.encode(br#"{"alg":"HS256","sign_type":"SIGN"}"#);
        let claims = serde_json::json!({
            "api_key": self.id,
            "exp": now_ms + self.lifetime.as_millis(),
            "timestamp": now_ms,
        });
        let claims = b64.encode(claims.to_string());
        let signing_input = format!("{header}.{claims}");
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(self.secret.expose_secret().as_bytes())
            .expect("HMAC accepts keys of any length");
        mac.update(signing_input.as_bytes());
        format!(
            "{signing_input}.{}",
            b64.encode(mac.finalize().into_bytes())
        )
    }
}

#[cfg(test)]
#[path = "../../tests/unit/auth.rs"]
mod tests;
