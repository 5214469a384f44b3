//! Answers computed from what was sent: embeddings (one normalised vector of
//! hashed word features per input, so related texts lie closer), rerank scores
//! (word overlap with the query) and token counts.

use crate::text::{content_text, hash, tokens, topic};
use serde_json::{Value, json};

/// The embeddings of `request["input"]` on `template` (the operation's example):
/// one per input, `dimensions` long (`embedding-3`'s 2048, `embedding-2`'s 1024
/// by default).
pub(crate) fn embeddings(request: &Value, template: &Value) -> Value {
    let inputs: Vec<String> = match &request["input"] {
        Value::Array(items) => items.iter().map(input_text).collect(),
        one => vec![input_text(one)],
    };
    let dimensions = request["dimensions"].as_u64().map_or_else(
        || {
            if request["model"] == "embedding-2" {
                1024
            } else {
                2048
            }
        },
        |d| d.max(1) as usize,
    );
    let data: Vec<Value> = inputs
        .iter()
        .enumerate()
        .map(|(index, text)| {
            json!({ "object": "embedding", "index": index, "embedding": vector(text, dimensions) })
        })
        .collect();
    let used: usize = inputs.iter().map(|t| tokens(t)).sum();
    let mut answer = template.clone();
    answer["data"] = data.into();
    answer["usage"] =
        json!({ "prompt_tokens": used, "completion_tokens": 0, "total_tokens": used });
    answer
}

/// One input item as text: a string, or token ids as words.
fn input_text(item: &Value) -> String {
    match item {
        Value::String(s) => s.clone(),
        Value::Array(ids) => ids
            .iter()
            .map(Value::to_string)
            .collect::<Vec<_>>()
            .join(" "),
        other => other.to_string(),
    }
}

/// A unit vector of `dimensions` from `text`'s topic words, each adding ±1 at a
/// position its hash picks (the whole text's hash when it has none).
fn vector(text: &str, dimensions: usize) -> Vec<f64> {
    let mut v = vec![0.0; dimensions];
    let mut features = topic(text);
    if features.is_empty() {
        features.push(text.to_owned());
    }
    for word in &features {
        let h = hash(word);
        let sign = if h >> 63 == 0 { 1.0 } else { -1.0 };
        v[(h % dimensions as u64) as usize] += sign;
    }
    let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
    v.iter().map(|x| x / norm).collect()
}

/// `request["documents"]` scored against `request["query"]` on `template`: the
/// cosine of their topic-word sets, best first, `top_n` of them (all for 0 or
/// none), with each document's text when `return_documents`.
pub(crate) fn rerank(request: &Value, template: &Value) -> Value {
    let query = request["query"].as_str().unwrap_or_default();
    let asked = topic(query);
    let documents = request["documents"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut scored: Vec<(usize, f64, &Value)> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let own = topic(&content_text(d));
            let shared = own.iter().filter(|w| asked.contains(w)).count() as f64;
            let size = ((own.len() * asked.len()) as f64).sqrt();
            (i, if size > 0.0 { shared / size } else { 0.0 }, d)
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    if let Some(n) = request["top_n"].as_u64().filter(|n| *n > 0) {
        scored.truncate(n as usize);
    }
    let with_text = request["return_documents"] == true;
    let results: Vec<Value> = scored
        .iter()
        .map(|(index, score, document)| {
            let mut result = json!({ "index": index, "relevance_score": score });
            if with_text {
                result["document"] = (*document).clone();
            }
            result
        })
        .collect();
    let used = tokens(query)
        + documents
            .iter()
            .map(|d| tokens(&content_text(d)))
            .sum::<usize>();
    let mut answer = template.clone();
    answer["results"] = results.into();
    answer["usage"] = json!({ "prompt_tokens": used, "total_tokens": used });
    answer
}

/// The token count of `request`'s messages (and tools) on `template`.
pub(crate) fn tokenize(request: &Value, template: &Value) -> Value {
    let messages = request["messages"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let tools = request.get("tools").map_or(0, |t| tokens(&t.to_string()));
    let used = messages
        .iter()
        .map(|m| tokens(&content_text(&m["content"])))
        .sum::<usize>()
        + tools;
    let mut answer = template.clone();
    answer["usage"] = json!({
        "prompt_tokens": used, "image_tokens": 0, "video_tokens": 0, "total_tokens": used,
    });
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cosine(a: &Value, b: &Value) -> f64 {
        let (a, b) = (a.as_array().unwrap(), b.as_array().unwrap());
        a.iter()
            .zip(b)
            .map(|(x, y)| x.as_f64().unwrap() * y.as_f64().unwrap())
            .sum()
    }

    #[test]
    fn embeddings_are_unit_vectors_related_texts_closer() {
        let request = json!({ "input": ["The cat sat on the mat", "A cat on a mat", "Stock prices fell"],
                              "dimensions": 256 });
        let answer = embeddings(&request, &json!({ "object": "list" }));
        let data = answer["data"].as_array().unwrap();
        assert_eq!(data.len(), 3);
        assert_eq!(data[2]["index"], 2);
        let v: Vec<&Value> = data.iter().map(|d| &d["embedding"]).collect();
        assert_eq!(v[0].as_array().unwrap().len(), 256);
        assert!((cosine(v[0], v[0]) - 1.0).abs() < 1e-9);
        assert!(cosine(v[0], v[1]) > cosine(v[0], v[2]));
        assert_eq!(answer, embeddings(&request, &json!({ "object": "list" })));
    }

    #[test]
    fn rerank_scores_the_sent_documents() {
        let request = json!({ "query": "capital of France", "top_n": 1, "return_documents": true,
                              "documents": ["Berlin is in Germany", "Paris is the capital of France"] });
        let answer = rerank(&request, &json!({}));
        assert_eq!(answer["results"].as_array().unwrap().len(), 1);
        assert_eq!(answer["results"][0]["index"], 1);
        assert_eq!(
            answer["results"][0]["document"],
            "Paris is the capital of France"
        );
        let tokens = tokenize(
            &json!({ "messages": [{ "role": "user", "content": "one two three" }] }),
            &json!({}),
        );
        assert_eq!(tokens["usage"]["prompt_tokens"], 3);
    }
}
