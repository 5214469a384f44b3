//! Embeddings against the mock: one vector per input, `dimensions` long and
//! normalised; cosine similarity ranks the related pair first.
//!
//! Runs against the built-in mock server (and asserts what it gets):
//! `cargo run --example mock_embeddings`

use zai::types::{EmbeddingInput, EmbeddingRequest};

fn cosine(a: &[f64], b: &[f64]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
    dot / (norm(a) * norm(b))
}

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;
    let texts = [
        "The cat sat on the warm mat",
        "Interest rates rose again this quarter",
        "A cat is sleeping on the mat",
        "Fresh bread from the bakery",
    ];
    let input = EmbeddingInput::Texts(texts.iter().map(|t| t.to_string()).collect());
    let reply = client
        .create_embedding(&EmbeddingRequest::new("embedding-3", input).dimensions(256))
        .await?;
    assert_eq!(reply.data.len(), texts.len(), "one vector per input");
    let vectors: Vec<&Vec<f64>> = reply.data.iter().map(|d| &d.embedding).collect();
    assert!(vectors.iter().all(|v| v.len() == 256));

    // Every pair, most similar first.
    let mut pairs = Vec::new();
    for i in 0..texts.len() {
        for j in i + 1..texts.len() {
            pairs.push((cosine(vectors[i], vectors[j]), i, j));
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (score, i, j) in &pairs {
        println!("{score:.3}  {:?} ~ {:?}", texts[*i], texts[*j]);
    }
    assert_eq!(
        (pairs[0].1, pairs[0].2),
        (0, 2),
        "the two cat sentences rank first"
    );
    Ok(())
}
