//! Tool endpoints: tokenizer, web search, web reader and layout parsing (OCR).
//!
//! Runs against the built-in mock server:
//! `cargo run --example tools`

use zai::types::{
    ChatMessage, LayoutParsingRequest, ReaderRequest, TokenizerRequest, WebSearchRequest,
};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    // Count the prompt tokens a conversation would use.
    let messages = vec![ChatMessage::system("Be brief."), ChatMessage::user("Hi!")];
    let tokens = client
        .tokenize(&TokenizerRequest::new("glm-4.7", messages))
        .await?;
    println!("tokenizer: {:?}", tokens.usage);

    // Search the web.
    let request = WebSearchRequest::new("search-prime", "tokio 1.0 release").count(3);
    let search = client.web_search(&request).await?;
    for hit in search.search_result.unwrap_or_default() {
        println!("search hit: {:?} <{:?}>", hit.title, hit.link);
    }

    // Read a web page as Markdown.
    let page = client
        .read_web_page(&ReaderRequest::new("https://doc.rust-lang.org/book/"))
        .await?;
    if let Some(result) = page.reader_result {
        println!(
            "reader: {:?} ({} chars)",
            result.title,
            result.content.unwrap_or_default().len()
        );
    }

    // Parse the layout of a document image (GLM-OCR) into Markdown.
    let request = LayoutParsingRequest::new("glm-ocr", "https://cdn.example.com/receipt.png");
    let layout = client.parse_layout(&request).await?;
    println!("layout markdown: {:?}", layout.md_results);
    Ok(())
}
