//! Voices (clone / list / delete) and platform assistants (completion, list
//! of assistants, list of conversations).
//!
//! Runs against the built-in mock server:
//! `cargo run --example voice_assistant`

use zai::types::{
    AssistantCompletionRequest, AssistantConversationListRequest, AssistantConversationMessage,
    AssistantListRequest, AssistantTextContent, AssistantTextContentType, ListVoicesQuery,
    VoiceCloneRequest, VoiceDeleteRequest,
};

#[tokio::main]
async fn main() -> Result<(), zai::Error> {
    let mock = zai_mock::MockServer::start().await;
    let client = zai::Client::builder()
        .api_key("demo.key")
        .base_url(mock.url())
        .build()?;

    // Clone a voice from an uploaded sample (file id from `upload_file`):
    // name, the sample's transcript, a preview text, the file, the model.
    let request = VoiceCloneRequest::new(
        "my_voice",
        "Hi there.",
        "Preview text.",
        "file-1",
        "glm-tts-clone",
    );
    let cloned = client.clone_voice(&request).await?;
    let voice = cloned.voice.clone().unwrap_or_default();
    println!("cloned voice {voice:?}, preview file {:?}", cloned.file_id);

    // List voices (request_id, voice_name, voice_type filters), then delete ours.
    let voices = client.list_voices(&ListVoicesQuery::default()).await?;
    for v in &voices.voice_list {
        println!(
            "voice: {:?} {:?} ({:?})",
            v.voice, v.voice_name, v.voice_type
        );
    }
    let deleted = client.delete_voice(&VoiceDeleteRequest::new(voice)).await?;
    println!("deleted {:?} at {:?}", deleted.voice, deleted.update_time);

    // Talk to a platform assistant.
    let text = AssistantTextContent::new(AssistantTextContentType::Text, "Good morning!");
    let message = AssistantConversationMessage::new("user", vec![text]);
    let request = AssistantCompletionRequest::new("659e54b1b8006379b4b2abd6", vec![message]);
    let reply = client.create_assistant_completion(&request).await?;
    for choice in &reply.choices {
        println!(
            "assistant: {:?}",
            choice.delta.as_ref().and_then(|d| d.content.clone())
        );
    }

    // The assistants available, and one assistant's conversations.
    let assistants = client
        .list_assistants(&AssistantListRequest::default())
        .await?;
    for a in &assistants {
        println!("assistant {:?}: {:?}", a.assistant_id, a.name);
    }
    let request = AssistantConversationListRequest::new("659e54b1b8006379b4b2abd6").page_size(10);
    let page = client.list_assistant_conversations(&request).await?;
    for c in page.map(|d| d.conversation_list).unwrap_or_default() {
        println!(
            "conversation {:?}: {:?} tokens",
            c.id,
            c.usage.and_then(|u| u.total_tokens)
        );
    }
    Ok(())
}
