//! Answers computed from the request, over HTTP: tool calls from the declared
//! tools (chat and Anthropic, whole and streamed in fragments), the answer to a
//! tool result, web search, JSON mode schemas, embeddings, rerank, token counts.

use serde_json::{Value, json};
use zai_mock::MockServer;

/// `POST path` with `body` (and `X-Zai-Mock: knob` when given): status and text.
async fn post(mock: &MockServer, path: &str, body: &Value, knob: Option<&str>) -> (u16, String) {
    zai::install_tls_provider();
    let mut request = reqwest::Client::new()
        .post(format!("{}{path}", mock.url()))
        .header("authorization", "Bearer a.b")
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(knob) = knob {
        request = request.header(zai_mock::KNOB_HEADER, knob);
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn json_of(mock: &MockServer, path: &str, body: &Value) -> Value {
    let (status, text) = post(mock, path, body, None).await;
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

/// The `data:` payloads of an event stream, `[DONE]` left out.
fn events(text: &str) -> Vec<Value> {
    text.lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .filter(|d| *d != "[DONE]")
        .map(|d| serde_json::from_str(d).unwrap())
        .collect()
}

fn tools() -> Value {
    json!([
        {"type": "function", "function": {"name": "search_docs", "description": "Search the user manual",
         "parameters": {"type": "object", "required": ["query"], "properties": {"query": {"type": "string"}}}}},
        {"type": "function", "function": {"name": "get_weather", "description": "Current weather of a city",
         "parameters": {"type": "object", "required": ["city", "unit"], "properties": {
             "city": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
             "days": {"type": "integer", "minimum": 1, "maximum": 7}}}}},
    ])
}

fn chat(question: &str) -> Value {
    json!({"model": "glm-4.7", "messages": [{"role": "user", "content": question}], "tools": tools()})
}

#[tokio::test]
async fn the_matching_declared_function_is_called_with_arguments_from_its_schema() {
    let mock = MockServer::start().await;
    let reply = json_of(
        &mock,
        "/chat/completions",
        &chat("What's the weather in Paris?"),
    )
    .await;
    let choice = &reply["choices"][0];
    assert_eq!(choice["finish_reason"], "tool_calls");
    let call = &choice["message"]["tool_calls"][0];
    assert_eq!(call["function"]["name"], "get_weather");
    let arguments: Value =
        serde_json::from_str(call["function"]["arguments"].as_str().unwrap()).unwrap();
    assert_eq!(
        arguments,
        json!({"city": "Paris", "unit": "celsius", "days": 1})
    );
    // Deterministic: the same request, the same call.
    let again = json_of(
        &mock,
        "/chat/completions",
        &chat("What's the weather in Paris?"),
    )
    .await;
    assert_eq!(
        again["choices"][0]["message"]["tool_calls"],
        choice["message"]["tool_calls"]
    );
    // The other tool when the question matches it.
    let reply = json_of(
        &mock,
        "/chat/completions",
        &chat("Search the manual for Install"),
    )
    .await;
    let call = &reply["choices"][0]["message"]["tool_calls"][0]["function"];
    assert_eq!(
        (&call["name"], &call["arguments"]),
        (&json!("search_docs"), &json!(r#"{"query":"Install"}"#))
    );
}

#[tokio::test]
async fn tool_choice_none_named_and_parallel_calls() {
    let mock = MockServer::start().await;
    let mut none = chat("What's the weather in Paris?");
    none["tool_choice"] = json!("none");
    let reply = json_of(&mock, "/chat/completions", &none).await;
    assert_eq!(reply["choices"][0]["finish_reason"], "stop");
    assert!(reply["choices"][0]["message"].get("tool_calls").is_none());

    let mut named = chat("What's the weather in Paris?");
    named["tool_choice"] = json!({"type": "function", "function": {"name": "search_docs"}});
    let reply = json_of(&mock, "/chat/completions", &named).await;
    let call = &reply["choices"][0]["message"]["tool_calls"][0]["function"];
    assert_eq!(
        (&call["name"], &call["arguments"]),
        (&json!("search_docs"), &json!(r#"{"query":"Paris"}"#))
    );

    let body = chat("Weather in Lisbon and Porto?");
    let (status, text) = post(
        &mock,
        "/chat/completions",
        &body,
        Some("parallel-tool-calls"),
    )
    .await;
    assert_eq!(status, 200);
    let reply: Value = serde_json::from_str(&text).unwrap();
    let calls = reply["choices"][0]["message"]["tool_calls"]
        .as_array()
        .unwrap();
    let cities: Vec<Value> = calls
        .iter()
        .map(|c| {
            serde_json::from_str::<Value>(c["function"]["arguments"].as_str().unwrap()).unwrap()
                    ["city"]
                    .clone()
        })
        .collect();
    assert_eq!(cities, [json!("Lisbon"), json!("Porto")]);
    assert_eq!(
        (&calls[0]["index"], &calls[1]["index"]),
        (&json!(0), &json!(1))
    );
    assert_ne!(calls[0]["id"], calls[1]["id"]);
}

#[tokio::test]
async fn tool_stream_splits_the_arguments_and_a_tool_result_gets_a_final_answer() {
    let mock = MockServer::start().await;
    let mut body = chat("What's the weather in Paris?");
    body["stream"] = json!(true);
    body["tool_stream"] = json!(true);
    let (_, text) = post(&mock, "/chat/completions", &body, None).await;
    let chunks = events(&text);
    let fragments: Vec<&str> = chunks
        .iter()
        .filter_map(|e| e["choices"][0]["delta"]["tool_calls"][0]["function"]["arguments"].as_str())
        .filter(|a| !a.is_empty())
        .collect();
    assert!(fragments.len() >= 3, "{fragments:?}");
    let joined: String = fragments.concat();
    assert_eq!(
        serde_json::from_str::<Value>(&joined).unwrap()["city"],
        "Paris"
    );
    let head = &chunks
        .iter()
        .find(|e| e["choices"][0]["delta"]["tool_calls"][0]["id"].is_string())
        .unwrap();
    let id = head["choices"][0]["delta"]["tool_calls"][0]["id"].clone();
    let last = chunks.last().unwrap();
    assert_eq!(last["choices"][0]["finish_reason"], "tool_calls");
    assert!(last["usage"]["total_tokens"].as_u64().unwrap() > 0);
    // Without tool_stream the call comes whole.
    body["tool_stream"] = json!(false);
    let (_, text) = post(&mock, "/chat/completions", &body, None).await;
    let whole: Vec<Value> = events(&text);
    assert!(whole.iter().any(
        |e| e["choices"][0]["delta"]["tool_calls"][0]["function"]["arguments"] == json!(joined)
    ));

    // The tool's result: a final answer that uses it.
    let mut messages = body["messages"].as_array().unwrap().clone();
    messages.push(json!({"role": "assistant", "content": "", "tool_calls": [
        {"id": id, "type": "function", "function": {"name": "get_weather", "arguments": joined}}]}));
    messages.push(json!({"role": "tool", "tool_call_id": id, "content": "{\"temp\":21}"}));
    let reply = json_of(
        &mock,
        "/chat/completions",
        &json!({"model": "glm-4.7", "messages": messages, "tools": tools()}),
    )
    .await;
    assert_eq!(reply["choices"][0]["finish_reason"], "stop");
    assert_eq!(
        reply["choices"][0]["message"]["content"],
        "Based on the tool results: get_weather returned {\"temp\":21}."
    );
}

#[tokio::test]
async fn a_web_search_tool_yields_results_and_no_function_call() {
    let mock = MockServer::start().await;
    let body = json!({"model": "glm-4.7", "messages": [{"role": "user", "content": "Rust 2024 edition"}],
                      "tools": [{"type": "web_search", "web_search": {"search_engine": "search_pro_jina", "search_result": true}}]});
    let reply = json_of(&mock, "/chat/completions", &body).await;
    assert!(reply["choices"][0]["message"].get("tool_calls").is_none());
    let results = reply["web_search"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["refer"], "ref_1");
    assert!(
        results[0]["title"]
            .as_str()
            .unwrap()
            .contains("Rust 2024 edition")
    );
}

#[tokio::test]
async fn anthropic_tool_use_whole_and_as_input_json_deltas() {
    let mock = MockServer::start().await;
    let mut body = json!({"model": "glm-4.7", "max_tokens": 256,
        "messages": [{"role": "user", "content": "What's the weather in Oslo?"}],
        "tools": [{"name": "get_weather", "description": "Weather of a city",
                   "input_schema": {"type": "object", "required": ["city"], "properties": {"city": {"type": "string"}}}}]});
    let reply = json_of(&mock, "/api/anthropic/v1/messages", &body).await;
    assert_eq!(reply["stop_reason"], "tool_use");
    let block = &reply["content"][1];
    assert_eq!(
        (&block["type"], &block["name"], &block["input"]),
        (
            &json!("tool_use"),
            &json!("get_weather"),
            &json!({"city": "Oslo"})
        )
    );
    body["stream"] = json!(true);
    let (_, text) = post(&mock, "/api/anthropic/v1/messages", &body, None).await;
    assert!(text.contains("event: content_block_delta\n"));
    let events = events(&text);
    let partial: String = events
        .iter()
        .filter_map(|e| e["delta"]["partial_json"].as_str())
        .collect();
    assert_eq!(
        serde_json::from_str::<Value>(&partial).unwrap(),
        json!({"city": "Oslo"})
    );
    assert!(
        events
            .iter()
            .filter(|e| e["delta"]["type"] == "input_json_delta")
            .count()
            >= 3
    );
    let delta = events
        .iter()
        .find(|e| e["type"] == "message_delta")
        .unwrap();
    assert_eq!(delta["delta"]["stop_reason"], "tool_use");
    // tool_choice none: no tool.
    body["stream"] = json!(false);
    body["tool_choice"] = json!({"type": "none"});
    let reply = json_of(&mock, "/api/anthropic/v1/messages", &body).await;
    assert_eq!(reply["stop_reason"], "end_turn");
}

#[tokio::test]
async fn json_mode_follows_the_schema_in_the_request() {
    let mock = MockServer::start().await;
    let schema = json!({"type": "object", "required": ["name", "age"],
                        "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 18}}});
    let system = format!("Reply with JSON matching this schema: {schema}");
    let body = json!({"model": "glm-4.7", "response_format": {"type": "json_object"},
                      "messages": [{"role": "system", "content": system}, {"role": "user", "content": "Describe Alice"}]});
    let reply = json_of(&mock, "/chat/completions", &body).await;
    let content = reply["choices"][0]["message"]["content"].as_str().unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(content).unwrap(),
        json!({"name": "Alice", "age": 18})
    );
}

fn cosine(a: &Value, b: &Value) -> f64 {
    let (a, b) = (a.as_array().unwrap(), b.as_array().unwrap());
    a.iter()
        .zip(b)
        .map(|(x, y)| x.as_f64().unwrap() * y.as_f64().unwrap())
        .sum()
}

#[tokio::test]
async fn embeddings_one_unit_vector_per_input_related_texts_closer() {
    let mock = MockServer::start().await;
    let inputs = [
        "The cat sat on the mat",
        "A cat lay on a mat",
        "Interest rates rose again",
        "x",
        "y",
    ];
    let body = json!({"model": "embedding-3", "input": inputs, "dimensions": 256});
    let reply = json_of(&mock, "/embeddings", &body).await;
    let data = reply["data"].as_array().unwrap();
    assert_eq!(data.len(), 5);
    for (i, item) in data.iter().enumerate() {
        assert_eq!(item["index"], i);
        assert_eq!(item["embedding"].as_array().unwrap().len(), 256);
        assert!((cosine(&item["embedding"], &item["embedding"]) - 1.0).abs() < 1e-9);
    }
    let v = |i: usize| &data[i]["embedding"];
    assert!(cosine(v(0), v(1)) > 0.5 && cosine(v(0), v(2)).abs() < 0.2);
    assert_eq!(
        json_of(&mock, "/embeddings", &body).await,
        reply,
        "deterministic"
    );
    let one = json_of(
        &mock,
        "/embeddings",
        &json!({"model": "embedding-2", "input": "hi"}),
    )
    .await;
    assert_eq!(one["data"][0]["embedding"].as_array().unwrap().len(), 1024);
}

#[tokio::test]
async fn rerank_scores_the_sent_documents_with_top_n_and_tokenizer_counts() {
    let mock = MockServer::start().await;
    let body = json!({"model": "rerank", "query": "capital of France", "top_n": 2, "return_documents": true,
                      "documents": ["Bananas are yellow", "Paris is the capital of France", "France exports wine"]});
    let reply = json_of(&mock, "/rerank", &body).await;
    let results = reply["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(
        (&results[0]["index"], &results[1]["index"]),
        (&json!(1), &json!(2))
    );
    assert_eq!(results[0]["document"], "Paris is the capital of France");
    assert!(results[0]["relevance_score"].as_f64() > results[1]["relevance_score"].as_f64());
    let plain = json_of(
        &mock,
        "/rerank",
        &json!({"model": "rerank", "query": "q", "documents": ["a", "b", "c"]}),
    )
    .await;
    assert_eq!(plain["results"].as_array().unwrap().len(), 3);
    assert!(plain["results"][0].get("document").is_none());

    let short = json!({"model": "glm-4.6", "messages": [{"role": "user", "content": "one two"}]});
    let long = json!({"model": "glm-4.6", "messages": [{"role": "user", "content": "one two three four five six"}]});
    let count = |v: Value| v["usage"]["prompt_tokens"].as_u64().unwrap();
    assert_eq!(count(json_of(&mock, "/tokenizer", &short).await), 2);
    assert_eq!(count(json_of(&mock, "/tokenizer", &long).await), 6);
}

#[tokio::test]
async fn a_plain_answer_quotes_the_question_whole_and_streamed_and_on_anthropic() {
    let mock = MockServer::start().await;
    let question = "Which rivers cross the city of Lyon in France today?";
    let expected = "You asked about \"Which rivers cross the city of Lyon in…\". \
                    Hello! How can I help you today?";
    let body = json!({"model": "glm-4.7", "messages": [{"role": "user", "content": question}]});
    let reply = json_of(&mock, "/chat/completions", &body).await;
    assert_eq!(reply["choices"][0]["message"]["content"], expected);
    assert_eq!(reply["choices"][0]["finish_reason"], "stop");
    // Same request, same answer.
    assert_eq!(
        json_of(&mock, "/chat/completions", &body).await["choices"],
        reply["choices"]
    );

    let mut streamed = body.clone();
    streamed["stream"] = true.into();
    let (_, text) = post(&mock, "/chat/completions", &streamed, None).await;
    let chunks = events(&text);
    let content: String = chunks
        .iter()
        .filter_map(|c| c["choices"][0]["delta"]["content"].as_str())
        .collect();
    assert_eq!(content, expected);
    assert_eq!(
        chunks.last().unwrap()["choices"][0]["finish_reason"],
        "stop"
    );

    let body = json!({"model": "glm-4.7", "max_tokens": 100,
                      "messages": [{"role": "user", "content": [{"type": "text", "text": "Hi there"}]}]});
    let message = json_of(&mock, "/api/anthropic/v1/messages", &body).await;
    assert_eq!(
        message["content"],
        json!([{"type": "text", "text": "You asked about \"Hi there\". Hello! How can I help you today?"}])
    );
    assert_eq!(message["stop_reason"], "end_turn");
}
