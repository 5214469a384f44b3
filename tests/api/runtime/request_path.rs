//! One request path: a JSON, a multipart and a streaming operation each pass
//! through the same machinery — credentials, default headers, a retry after 503,
//! the `zai.call` tracing span and the metrics hook.

use crate::support::scripted::{Step, http, http_stream, serve};
use futures_util::StreamExt;
use std::sync::Arc;
use std::time::Duration;
use zai::types::{ChatCompletionRequest, ChatMessage, FileUploadRequest};
use zai::{CallOptions, CallStats, FilePart, RetryPolicy};

const KEY: &str = "pathid.pathsecret";

fn unavailable() -> Step {
    let body = br#"{"error":{"code":"1305","message":"overloaded"}}"#;
    Step::Reply(http("503 Service Unavailable", &[], body))
}

fn json(body: &str) -> Step {
    Step::Reply(http(
        "200 OK",
        &["content-type: application/json"],
        body.as_bytes(),
    ))
}

fn client(url: &str, metrics: Arc<dyn zai::Metrics>) -> zai::Client {
    zai::Client::builder()
        .api_key(KEY)
        .base_url(url)
        .default_header("x-team", "blue")
        .metrics(metrics)
        .call_options(CallOptions::default().retry(RetryPolicy {
            initial_backoff: Duration::from_millis(5),
            ..RetryPolicy::default()
        }))
        .build()
        .unwrap()
}

fn chat() -> ChatCompletionRequest {
    ChatCompletionRequest::new("glm-4.7", vec![ChatMessage::user("hi")])
}

/// Each call: two attempts (503, then success), both carrying the key and the
/// default header; one metrics record with 2 attempts; a `zai.call` span for the
/// operation around the retry.
#[tokio::test]
async fn json_multipart_and_stream_share_one_request_path() {
    let logs = crate::support::logs();
    let reply = r#"{"id":"1","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"ok"}}]}"#;
    let file = r#"{"id":"file-1","object":"file","bytes":5,"filename":"a.txt","purpose":"batch"}"#;
    let events = "data: {\"id\":\"1\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{\"content\":\"ok\"}}]}\n\ndata: [DONE]\n\n";

    let calls: [(&str, &str, Step); 3] = [
        (
            "createChatCompletion",
            "post /chat/completions",
            json(reply),
        ),
        ("uploadFile", "post /files", json(file)),
        (
            "createChatCompletion",
            "post /chat/completions",
            Step::Reply(http_stream(events.as_bytes())),
        ),
    ];
    for (index, (operation, request_line, success)) in calls.into_iter().enumerate() {
        let server = serve(vec![unavailable(), success]).await;
        let stats = Arc::new(CallStats::default());
        let client = client(&server.url, stats.clone());
        match index {
            0 => {
                let reply = client.create_chat_completion(&chat()).await.unwrap();
                assert_eq!(reply.id.as_deref(), Some("1"));
            }
            1 => {
                let part = FilePart::new(&b"hello"[..], "a.txt", "text/plain");
                let file = client
                    .upload_file(&FileUploadRequest::new(part, "batch"))
                    .await
                    .unwrap();
                assert_eq!(file.id.as_deref(), Some("file-1"));
            }
            _ => {
                let stream = client.create_chat_completion_stream(&chat()).await.unwrap();
                let chunks: Vec<_> = stream.collect().await;
                assert_eq!(chunks.len(), 1, "{chunks:?}");
                assert!(chunks[0].is_ok());
            }
        }

        let heads = server.heads.lock().unwrap().clone();
        assert_eq!(heads.len(), 2, "{operation}: one retry after the 503");
        for head in &heads {
            assert!(head.starts_with(request_line), "{operation}: {head}");
            assert!(
                head.contains("\r\nauthorization: bearer pathid.pathsecret"),
                "{operation}: {head}"
            );
            assert!(head.contains("\r\nx-team: blue"), "{operation}: {head}");
        }
        let snapshot = stats.snapshot();
        assert_eq!(
            (snapshot.calls, snapshot.successes, snapshot.retries),
            (1, 1, 1),
            "{operation}: one call, one retry, in the metrics"
        );
        let logs = String::from_utf8_lossy(&logs.lock().unwrap()).into_owned();
        let span = format!("zai.call{{operation=\"{operation}\"}}");
        assert!(
            logs.lines()
                .any(|l| l.contains(&span) && l.contains("retrying") && l.contains("status=503")),
            "{operation}: no retry event inside its span:\n{logs}"
        );
    }
}

/// An empty, `.` or `..` path parameter would address another resource (an
/// empty batch id is the batch list; URL parsing resolves dots away): refused
/// before anything is sent.
#[tokio::test]
async fn path_parameters_naming_no_resource_are_refused() {
    let server = serve(vec![json("{}")]).await;
    let client = client(&server.url, Arc::new(CallStats::default()));
    for id in ["", ".", ".."] {
        let error = client.retrieve_batch(id).await.unwrap_err();
        assert!(
            matches!(&error, zai::Error::InvalidRequest(m)
                if m.contains("`retrieveBatch`") && m.contains("`batch_id`")),
            "{id:?}: {error:?}"
        );
        let error = client.retrieve_file_content(id).await.unwrap_err();
        assert!(
            matches!(&error, zai::Error::InvalidRequest(m) if m.contains("`file_id`")),
            "{id:?}: {error:?}"
        );
    }
    // Dots inside an id are an id like any other.
    client.retrieve_batch("a..b").await.unwrap();
    // An untyped call without the parameter is refused, naming it.
    let error = client
        .call_raw("retrieveBatch", &[], &[], None)
        .await
        .unwrap_err();
    assert!(
        matches!(&error, zai::Error::InvalidRequest(m)
            if m == "`retrieveBatch` needs the path parameter `batch_id`"),
        "{error:?}"
    );
    assert_eq!(server.hits.load(std::sync::atomic::Ordering::SeqCst), 1);
}

/// A retry is reported to the metrics hook before its wait: the operation, the
/// failed attempt, its status and typed business code, the delay.
#[tokio::test]
async fn retries_are_reported_with_status_and_business_code() {
    /// Operation, failed attempt, its status and code.
    type Seen = (String, u32, Option<u16>, Option<zai::BusinessCode>);
    #[derive(Default)]
    struct Retries(std::sync::Mutex<Vec<Seen>>);
    impl zai::Metrics for Retries {
        fn call_finished(&self, _: &zai::CallRecord<'_>) {}
        fn retry_scheduled(&self, retry: &zai::RetryRecord<'_>) {
            // Full jitter under a ceiling of 5 ms doubling per retry.
            let ceiling = Duration::from_millis(5) * 2u32.pow(retry.attempt - 1);
            assert!(retry.delay <= ceiling, "{retry:?}");
            let record = (
                retry.operation.to_owned(),
                retry.attempt,
                retry.status,
                retry.code.cloned(),
            );
            self.0.lock().unwrap().push(record);
        }
    }
    let reply =
        r#"{"id":"1","choices":[{"index":0,"message":{"role":"assistant","content":"ok"}}]}"#;
    let server = serve(vec![unavailable(), unavailable(), json(reply)]).await;
    let retries = Arc::new(Retries::default());
    let client = client(&server.url, retries.clone());
    client.create_chat_completion(&chat()).await.unwrap();
    let overloaded = Some(zai::BusinessCode::RateLimited);
    assert_eq!(
        *retries.0.lock().unwrap(),
        [
            (
                "createChatCompletion".to_owned(),
                1,
                Some(503),
                overloaded.clone()
            ),
            ("createChatCompletion".to_owned(), 2, Some(503), overloaded),
        ]
    );
}

/// A China-platform operation (`x-zai-platform: china`) is warned about with
/// another platform's preset and not with its own or a custom URL. No request
/// leaves the machine: an invalid extra header fails each call while its
/// request is built, after the decision.
#[tokio::test]
async fn china_only_operations_are_warned_with_another_platforms_preset() {
    use tracing::Instrument as _;
    use zai::{BaseUrl, Error, types::RerankRequest};
    let logs = crate::support::logs();
    let presets = [
        (BaseUrl::General, true),
        (BaseUrl::CodingPlan, true),
        (BaseUrl::China, false),
        (
            BaseUrl::Custom("http://127.0.0.1:9/api/paas/v4".into()),
            false,
        ),
    ];
    for (preset, _) in &presets {
        let client = zai::Client::builder()
            .api_key(KEY)
            .base_url(preset.clone())
            .build()
            .unwrap()
            .with_options(|o| o.header("not a header", "x"));
        let request = RerankRequest::new("rerank", "q", ["a", "b"]);
        let span = tracing::info_span!("platform_case", preset = ?preset);
        let failed = client.rerank(&request).instrument(span).await;
        assert!(
            matches!(&failed, Err(Error::InvalidRequest(m)) if m.contains("not a header")),
            "{failed:?}"
        );
    }
    let logs = String::from_utf8(logs.lock().unwrap().clone()).unwrap();
    for (preset, warned) in presets {
        let case = format!("platform_case{{preset={preset:?}}}");
        let warning = logs.lines().find(|line| {
            line.contains(&case) && line.contains("WARN") && line.contains("another platform")
        });
        assert_eq!(warning.is_some(), warned, "{preset:?}: {warning:?}");
        if let Some(line) = warning {
            assert!(
                line.contains("operation=\"rerank\"") && line.contains("platform=\"china\""),
                "{line}"
            );
        }
    }
}
