//! Agents (`/v1/agents`): a translation agent, plain and streamed; a video
//! template agent's async result; a slides agent conversation.
//!
//! Runs against the built-in mock server:
//! `cargo run --example agents`

use futures_util::StreamExt;
use std::time::Duration;
use zai::PollOptions;
use zai::types::{
    AgentAsyncResultRequest, AgentCompletionRequest, AgentContentPart, AgentConversationRequest,
    AgentConversationVariables, AgentCustomVariables, AgentInputContent, AgentInputMessage,
};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    // The translation agent: text in, options in `custom_variables`.
    let text = AgentContentPart::Text {
        text: "Ownership is Rust's most unique feature.".into(),
    };
    let message = AgentInputMessage::new("user", AgentInputContent::from(vec![text]));
    let vars = AgentCustomVariables::default()
        .source_lang("en")
        .target_lang("zh-CN");
    let request =
        AgentCompletionRequest::new("general_translation", vec![message]).custom_variables(vars);
    let answer = client.create_agent_completion(&request).await?;
    println!("agent {:?}: status {:?}", answer.agent_id, answer.status);
    for choice in answer.choices.unwrap_or_default() {
        println!("  messages: {:?}", choice.messages);
    }

    // The same, streamed: each chunk's delta content is JSON.
    let mut stream = client.create_agent_completion_stream(&request).await?;
    while let Some(chunk) = stream.next().await {
        for choice in chunk?.choices {
            let content = choice.delta.and_then(|d| d.content);
            println!("  chunk: {content:?} (finish: {:?})", choice.finish_reason);
        }
    }

    // An agent answering with an `async_id`: poll its result until done.
    let request = AgentAsyncResultRequest::new("vidu_template_agent", "agt-async-1");
    let options = PollOptions::every(Duration::from_millis(50), Duration::from_secs(10));
    let result = client
        .wait_agent_async_result(&request, &options, |_| {})
        .await?;
    println!("async result: status {:?}", result.status);
    print_content(result.choices);

    // A slides agent conversation, with its PDF export.
    let request = AgentConversationRequest::new("slides_glm_agent", "conv-8d1e7c")
        .custom_variables(AgentConversationVariables::default().include_pdf(true));
    let conversation = client.retrieve_agent_conversation(&request).await?;
    println!("conversation {:?}", conversation.conversation_id);
    print_content(conversation.choices);
    Ok(())
}

/// Prints the media an agent produced (files, images, videos).
fn print_content(choices: Option<Vec<zai::types::AgentResultChoice>>) {
    for message in choices
        .into_iter()
        .flatten()
        .flat_map(|c| c.message.unwrap_or_default())
    {
        for c in message.content {
            let url = c.file_url.or(c.image_url).or(c.video_url);
            println!("  {:?}: {:?} {:?}", c.type_, c.tag_en, url);
        }
    }
}
