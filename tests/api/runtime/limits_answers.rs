//! Fault-matrix cases of answers: errors inside HTTP 200 (chat's `{"error"}`,
//! `x-zai-envelope` codes), pages where JSON or events were asked for, and
//! messages that say what happened (resets, oversized heads, base URLs).
use super::faults::{KEY, OK, client, error, ok, request};
use super::limits::{Case, chat_error, check, hits};
use crate::support::scripted::{Step, http, serve};
use serde_json::json;
use zai::Error;

fn html_page() -> Step {
    Step::Reply(http(
        "200 OK",
        &["content-type: text/html"],
        b"<html><body>Gateway login</body></html>",
    ))
}

/// Errors inside successes, and clear messages.
pub(super) fn cases() -> Vec<Case> {
    vec![
        (
            "oversized response head: not retried, the message says so",
            Box::pin(async {
                let headers: Vec<String> = (0..120).map(|i| format!("x-h{i}: v")).collect();
                let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
                let server = serve(vec![
                    Step::Reply(http("200 OK", &headers, OK.as_bytes())),
                    ok(),
                ])
                .await;
                let message = chat_error(&server.url).await;
                check(hits(&server) == 1 && message.contains("too large"), message)
            }),
        ),
        (
            "reset mid-body: the message names the reset",
            Box::pin(async {
                let server = serve(vec![Step::ReplyThenReset(
                    http("200 OK", &[], OK.as_bytes())[..80].to_vec(),
                )])
                .await;
                let message = chat_error(&server.url).await;
                check(message.to_lowercase().contains("reset"), message)
            }),
        ),
        (
            "chat 200 {\"error\"}: Error::Api with status 200 and the code",
            Box::pin(async {
                let server = serve(vec![error("200 OK", "1301", &[])]).await;
                let result = client(&server.url).create_chat_completion(&request()).await;
                let code = result
                    .as_ref()
                    .err()
                    .and_then(|e| e.code())
                    .map(|c| c.as_str().to_owned());
                check(
                    hits(&server) == 1
                        && result.as_ref().err().and_then(Error::status)
                            == Some(reqwest::StatusCode::OK)
                        && code.as_deref() == Some("1301"),
                    result,
                )
            }),
        ),
        (
            "envelope code 10003: Error::Api",
            Box::pin(async {
                let body = r#"{"code":10003,"message":"knowledge base not found","timestamp":1}"#;
                let server = serve(vec![Step::Reply(http("200 OK", &[], body.as_bytes()))]).await;
                let result = client(&server.url).retrieve_knowledge_capacity().await;
                check(
                    matches!(&result, Err(Error::Api(a)) if a.status == 200
                && a.code.as_ref().map(|c| c.as_str()) == Some("10003") && a.message == "knowledge base not found"),
                    result,
                )
            }),
        ),
        (
            "envelope code 200: Ok with the data itself",
            Box::pin(async {
                let data =
                    json!({"used": {"word_num": 7, "length": 48213}, "total": {"word_num": 9}});
                let body = json!({"code": 200, "message": "ok", "timestamp": 1, "data": data});
                let server = serve(vec![Step::Reply(http(
                    "200 OK",
                    &[],
                    body.to_string().as_bytes(),
                ))])
                .await;
                let result = client(&server.url).retrieve_knowledge_capacity().await;
                let parsed = result
                    .as_ref()
                    .ok()
                    .map(|data| serde_json::to_value(data).ok());
                check(parsed == Some(Some(data)), result)
            }),
        ),
        (
            "envelope data that does not fit: Error::Decode holding the body",
            Box::pin(async {
                let body = r#"{"code":200,"message":"ok","data":{"used":{"word_num":"seven"}}}"#;
                let server = serve(vec![Step::Reply(http("200 OK", &[], body.as_bytes()))]).await;
                let result = client(&server.url).retrieve_knowledge_capacity().await;
                check(
                    matches!(&result, Err(Error::Decode { status: 200, body: b, .. }) if b == body.as_bytes())
                        && hits(&server) == 1,
                    result,
                )
            }),
        ),
        (
            "envelope without data: Ok(()) on success, required data missing: Error::Decode",
            Box::pin(async {
                let status = r#"{"code":200,"message":"ok"}"#;
                let server = serve(vec![
                    Step::Reply(http("200 OK", &[], status.as_bytes())),
                    Step::Reply(http("200 OK", &[], status.as_bytes())),
                ])
                .await;
                let deleted = client(&server.url).delete_knowledge_base("kb-1").await;
                let missing = client(&server.url)
                    .create_application_conversation("app-1")
                    .await;
                check(
                    matches!(deleted, Ok(()))
                        && matches!(&missing, Err(Error::Decode { body, .. }) if body == status.as_bytes()),
                    (deleted, missing),
                )
            }),
        ),
        (
            "an answer whose schema has its own `error` (agents) is no error",
            Box::pin(async {
                let body =
                    r#"{"status":"failed","agent_id":"a","error":{"code":"1","message":"m"}}"#;
                let server = serve(vec![Step::Reply(http("200 OK", &[], body.as_bytes()))]).await;
                let result = client(&server.url)
                    .call_raw(
                        "createAgentCompletion",
                        &[],
                        &[],
                        Some(&json!({"agent_id": "a"})),
                    )
                    .await;
                check(result.is_ok(), result)
            }),
        ),
        (
            "HTML answering a stream request: Error::Api with the page",
            Box::pin(async {
                let server = serve(vec![html_page()]).await;
                let result = client(&server.url)
                    .create_chat_completion_stream(&request())
                    .await;
                check(
                    matches!(&result, Err(Error::Api(a)) if a.status == 200 && a.message.contains("Gateway login")),
                    result.map(|_| ()),
                )
            }),
        ),
        (
            "a password in the base URL is never echoed",
            Box::pin(async {
                let messages: Vec<String> = [
                    "http://user:hunter2@example.com/api",
                    "https://user:hunter2@[bad/api",
                ]
                .into_iter()
                .map(|url| {
                    zai::Client::builder()
                        .api_key(KEY)
                        .base_url(url)
                        .build()
                        .err()
                        .map(|e| e.to_string())
                        .unwrap_or_default()
                })
                .collect();
                check(
                    messages.iter().all(|m| {
                        !m.is_empty() && !m.contains("hunter2") && m.contains("user:***@")
                    }),
                    messages,
                )
            }),
        ),
    ]
}
