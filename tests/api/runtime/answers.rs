//! Each call's own answer (`.with_response()`): status, headers, request id and a
//! JSON answer's body, kept per call even when calls run concurrently on one
//! client, and for a stream the answer that opened it.

use crate::support::client;
use httpmock::{Method::POST, MockServer};
use std::time::Duration;
use zai::types::{ChatCompletionRequest, ChatMessage};
use zai::{ChatStreamExt, Error, LastResponse, WithResponse};

fn ask(model: &str) -> ChatCompletionRequest {
    ChatCompletionRequest::new(model, vec![ChatMessage::user("hi")])
}

#[tokio::test]
async fn concurrent_calls_on_one_client_each_get_their_own_answer() {
    let server = MockServer::start_async().await;
    for (model, delay) in [("slow", 150), ("fast", 10)] {
        server
            .mock_async(|when, then| {
                when.method(POST)
                    .path("/chat/completions")
                    .json_body_includes(format!(r#"{{"model":"{model}"}}"#));
                then.status(200)
                    .delay(Duration::from_millis(delay))
                    .header("content-type", "application/json")
                    .header("x-request-id", format!("req-{model}"))
                    .body(format!(
                        r#"{{"id":"{model}","extra":"{model}-only","choices":[]}}"#
                    ));
            })
            .await;
    }
    // The client-wide record sees both and keeps whichever answered last.
    let last = LastResponse::default();
    let client = client(&server).with_options(|o| o.keep_response(&last));
    let (slow, fast) = (ask("slow"), ask("fast"));
    let (slow, fast) = tokio::join!(
        client.create_chat_completion(&slow).with_response(),
        client.create_chat_completion(&fast).with_response(),
    );
    for (model, (reply, answer)) in [("slow", slow.unwrap()), ("fast", fast.unwrap())] {
        assert_eq!(reply.id.as_deref(), Some(model));
        assert_eq!(answer.status, 200);
        assert_eq!(answer.request_id(), Some(format!("req-{model}").as_str()));
        let body = answer.json().expect("a JSON answer").unwrap();
        assert_eq!(
            body["extra"],
            format!("{model}-only"),
            "an unknown field, raw"
        );
    }
    let last = last.get().expect("the client's last answer");
    assert_eq!(last.request_id(), Some("req-slow"));
    assert_eq!(last.json().unwrap().unwrap()["extra"], "slow-only");
}

#[tokio::test]
async fn a_stream_has_the_answer_that_opened_it() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method(POST).path("/chat/completions");
            then.status(200)
                .header("content-type", "text/event-stream")
                .header("x-request-id", "req-stream")
                .body(concat!(
                    "data: {\"id\":\"s\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{\"content\":\"Hi\"}}],",
                    "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,\"total_tokens\":9}}\n\n",
                    "data: [DONE]\n\n"
                ));
        })
        .await;
    let (stream, answer) = client(&server)
        .create_chat_completion_stream(&ask("glm-4.7"))
        .with_response()
        .await
        .unwrap();
    assert_eq!(answer.status, 200);
    assert_eq!(answer.request_id(), Some("req-stream"));
    assert_eq!(answer.headers["content-type"], "text/event-stream");
    assert!(answer.body.is_none(), "a stream is not read whole");
    let reply = stream.collect_completion().await.unwrap();
    assert_eq!(reply.text(), Some("Hi"));
}

#[tokio::test]
async fn a_future_that_made_no_call_has_no_answer() {
    let none = async { Ok::<_, Error>(1) }.with_response().await;
    assert!(
        matches!(&none, Err(Error::InvalidRequest(m)) if m.contains("no call")),
        "{none:?}"
    );
}
