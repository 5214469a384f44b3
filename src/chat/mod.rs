//! Chat helpers: constructors for the chat types whose generated form is an enum
//! with struct variants (messages, content parts, tools), and stream folding.

pub(crate) mod stream;

use crate::types::{
    AssistantMessage, ChatMessage, ChatTool, ContentPart, FunctionDefinition, MediaUrl, ToolCall,
    UserContent,
};

impl ChatMessage {
    /// A system prompt.
    pub fn system(content: impl Into<String>) -> Self {
        ChatMessage::System {
            name: None,
            content: content.into(),
        }
    }

    /// A user message: text, or multimodal parts (`Vec<ContentPart>`).
    pub fn user(content: impl Into<UserContent>) -> Self {
        ChatMessage::User {
            name: None,
            content: content.into(),
        }
    }

    /// An assistant turn given as text.
    pub fn assistant(content: impl Into<String>) -> Self {
        ChatMessage::Assistant {
            name: None,
            content: Some(content.into()),
            reasoning_content: None,
            tool_calls: Vec::new(),
        }
    }

    /// An assistant turn that called tools (to send back before their results).
    pub fn assistant_tool_calls(content: Option<String>, tool_calls: Vec<ToolCall>) -> Self {
        ChatMessage::Assistant {
            name: None,
            content,
            reasoning_content: None,
            tool_calls,
        }
    }

    /// The result of the tool call `tool_call_id`.
    pub fn tool(tool_call_id: impl Into<String>, content: impl Into<String>) -> Self {
        ChatMessage::Tool {
            content: content.into(),
            tool_call_id: tool_call_id.into(),
        }
    }
}

/// A reply message sent back as the assistant's turn of the next request.
impl From<AssistantMessage> for ChatMessage {
    fn from(message: AssistantMessage) -> Self {
        ChatMessage::Assistant {
            name: None,
            content: message.content,
            reasoning_content: message.reasoning_content,
            tool_calls: message.tool_calls.unwrap_or_default(),
        }
    }
}

impl From<&str> for UserContent {
    fn from(text: &str) -> Self {
        UserContent::String(text.to_owned())
    }
}

impl From<String> for UserContent {
    fn from(text: String) -> Self {
        UserContent::String(text)
    }
}

impl ContentPart {
    /// A text part.
    pub fn text(text: impl Into<String>) -> Self {
        ContentPart::Text { text: text.into() }
    }

    /// An image by URL (or an already-built `data:` URL).
    pub fn image_url(url: impl Into<String>) -> Self {
        ContentPart::ImageUrl {
            image_url: MediaUrl::new(url.into()),
        }
    }

    /// An image from its bytes, sent inline as a base64 `data:` URL.
    pub fn image_base64(mime: &str, bytes: &[u8]) -> Self {
        use base64::Engine as _;
        let data = base64::engine::general_purpose::STANDARD.encode(bytes);
        ContentPart::image_url(format!("data:{mime};base64,{data}"))
    }

    /// A video by URL.
    pub fn video_url(url: impl Into<String>) -> Self {
        ContentPart::VideoUrl {
            video_url: MediaUrl::new(url.into()),
        }
    }
}

impl ChatTool {
    /// A function tool: name, description and JSON Schema of its arguments.
    pub fn function(
        name: impl Into<String>,
        description: impl Into<String>,
        parameters: serde_json::Map<String, serde_json::Value>,
    ) -> Self {
        ChatTool::Function {
            function: FunctionDefinition::new(name.into())
                .description(description.into())
                .parameters(parameters),
        }
    }
}
