//! Unit tests of `src/runtime/retry.rs` (compiled into the library's test build).
use super::*;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderValue};

fn verdict(status: u16, body: &str, headers: &[(&'static str, &'static str)]) -> Verdict {
    let mut map = HeaderMap::new();
    for (k, v) in headers {
        map.insert(*k, HeaderValue::from_static(v));
    }
    let error = ApiError::parse(
        StatusCode::from_u16(status).unwrap(),
        &map,
        body.to_owned().into(),
    );
    judge(&error, &map)
}

#[test]
fn statuses_and_business_codes() {
    assert_eq!(
        verdict(429, r#"{"error":{"code":"1302","message":"x"}}"#, &[]),
        Verdict::RetryAfter(None)
    );
    assert_eq!(
        verdict(429, r#"{"error":{"code":"1113","message":"x"}}"#, &[]),
        Verdict::Done
    );
    assert_eq!(
        verdict(429, r#"{"error":{"code":"1308","message":"x"}}"#, &[]),
        Verdict::Done
    );
    assert_eq!(
        verdict(503, r#"{"error":{"code":"1305","message":"x"}}"#, &[]),
        Verdict::RetryAfter(None)
    );
    assert_eq!(
        verdict(400, r#"{"error":{"code":"1214","message":"x"}}"#, &[]),
        Verdict::Done
    );
    assert_eq!(
        verdict(502, "<html>bad gateway</html>", &[]),
        Verdict::RetryAfter(None)
    );
    assert_eq!(
        verdict(500, r#"{"code":1234}"#, &[]),
        Verdict::RetryAfter(None)
    );
    assert_eq!(verdict(404, "", &[]), Verdict::Done);
    assert_eq!(
        verdict(400, "", &[("x-should-retry", "true")]),
        Verdict::RetryAfter(None)
    );
    assert_eq!(
        verdict(503, "", &[("x-should-retry", "false")]),
        Verdict::Done
    );
    assert_eq!(
        verdict(429, "", &[("retry-after", "7")]),
        Verdict::RetryAfter(Some(Duration::from_secs(7)))
    );
}

#[test]
fn backoff_is_capped_and_budgeted() {
    let policy = RetryPolicy::default();
    let start = Instant::now();
    for retry in 1..=3 {
        let d = policy.delay(retry, None, start, false).unwrap();
        assert!(
            d <= Duration::from_millis(500) * 2u32.pow(retry - 1),
            "{d:?}"
        );
    }
    assert_eq!(policy.delay(4, None, start, false), None);
    assert_eq!(
        policy.delay(1, Some(Duration::from_secs(600)), start, false),
        Some(Duration::from_secs(60))
    );
    let tight = RetryPolicy {
        budget: Duration::from_secs(1),
        ..policy
    };
    assert_eq!(
        tight.delay(1, Some(Duration::from_secs(2)), start, false),
        None
    );
}

#[test]
fn unbounded_policies_do_not_overflow() {
    let unbounded = RetryPolicy {
        max_retries: u32::MAX,
        initial_backoff: Duration::MAX,
        max_backoff: Duration::MAX,
        max_retry_after: Duration::MAX,
        budget: Duration::MAX,
        overload_budget: Duration::MAX,
        overload_max_backoff: Duration::MAX,
    };
    let start = Instant::now();
    // A `Retry-After` of u64::MAX seconds would end past any budget.
    assert_eq!(unbounded.delay(1, Some(Duration::MAX), start, false), None);
    // Backoff under an unbounded ceiling: any wait, but no panic.
    for retry in [1, 2, 64, u32::MAX] {
        let _ = unbounded.delay(retry, None, start, false);
    }
    let generous = RetryPolicy {
        budget: Duration::MAX,
        ..RetryPolicy::default()
    };
    assert_eq!(
        generous.delay(1, Some(Duration::from_secs(5)), start, false),
        Some(Duration::from_secs(5))
    );
}

#[test]
fn retry_after_http_date() {
    let future = SystemTime::now() + Duration::from_secs(30);
    let parsed = parse_retry_after(&httpdate::fmt_http_date(future)).unwrap();
    assert!(
        parsed <= Duration::from_secs(30) && parsed >= Duration::from_secs(28),
        "{parsed:?}"
    );
    assert_eq!(parse_retry_after("soon"), None);
}

#[test]
fn the_test_preset_decides_alike_but_waits_milliseconds() {
    let fast = RetryPolicy::for_tests();
    let start = Instant::now();
    assert_eq!(fast.max_retries, RetryPolicy::default().max_retries);
    for retry in 1..=3 {
        assert!(fast.delay(retry, None, start, false).unwrap() <= Duration::from_millis(10));
    }
    assert_eq!(
        fast.delay(1, Some(Duration::from_secs(60)), start, false),
        Some(Duration::from_millis(10))
    );
    assert_eq!(fast.delay(4, None, start, false), None);
}

#[test]
fn overloads_retry_past_max_retries_within_their_budget() {
    let policy = RetryPolicy::default();
    let start = Instant::now();
    assert_eq!(policy.delay(4, None, start, false), None);
    let wait = policy.delay(9, None, start, true).unwrap();
    assert!(wait <= Duration::from_secs(60), "{wait:?}");
    assert_eq!(RetryPolicy::none().delay(1, None, start, true), None);
    assert_eq!(
        verdict(429, "", &[("retry-after-ms", "1500")]),
        Verdict::RetryAfter(Some(Duration::from_millis(1500)))
    );
}
