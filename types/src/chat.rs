//! Hand-written constructors and readers of the chat types whose generated form
//! is awkward to build (enums with struct variants: messages, content parts,
//! tools) or to read (the first choice of a reply).

use crate::generated::api::types::{
    AssistantMessage, ChatCompletionChunk, ChatCompletionResponse, ChatDelta, ChatMessage,
    ChatThinking, ChatThinkingType, ChatTool, ContentPart, FunctionDefinition, MediaUrl,
    ResponseFormat, ResponseFormatType, ToolCall, UserContent,
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

    /// The result of `call` (its id), e.g. `ChatMessage::tool_result(call, "21 °C")`.
    pub fn tool_result(call: &ToolCall, content: impl Into<String>) -> Self {
        ChatMessage::tool(call.call_id(), content)
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
    /// A function tool: name, description and JSON Schema of its arguments
    /// (e.g. `json!({"type": "object", "properties": {…}})`).
    pub fn function(
        name: impl Into<String>,
        description: impl Into<String>,
        parameters: impl Into<serde_json::Value>,
    ) -> Self {
        ChatTool::Function {
            function: FunctionDefinition::new(name.into())
                .description(description.into())
                .parameters(parameters),
        }
    }
}

/// One-line reading of a reply: the first choice's message.
impl ChatCompletionResponse {
    /// The reply message (first choice), if the server sent one.
    pub fn message(&self) -> Option<&AssistantMessage> {
        self.choices.first()?.message.as_ref()
    }

    /// The reply text (first choice), if any.
    pub fn text(&self) -> Option<&str> {
        self.message()?.content.as_deref()
    }

    /// The reasoning (thinking) text (first choice), if any.
    pub fn reasoning(&self) -> Option<&str> {
        self.message()?.reasoning_content.as_deref()
    }

    /// The tool calls the reply asks for (first choice); empty when none.
    pub fn tool_calls(&self) -> &[ToolCall] {
        self.message()
            .and_then(|m| m.tool_calls.as_deref())
            .unwrap_or_default()
    }
}

impl ChatCompletionChunk {
    /// The first choice's increment, if any.
    pub fn delta(&self) -> Option<&ChatDelta> {
        self.choices.first()?.delta.as_ref()
    }

    /// The reply text this chunk adds (first choice), if any.
    pub fn text(&self) -> Option<&str> {
        self.delta()?.content.as_deref()
    }

    /// The reasoning (thinking) text this chunk adds (first choice), if any.
    pub fn reasoning(&self) -> Option<&str> {
        self.delta()?.reasoning_content.as_deref()
    }
}

impl ToolCall {
    /// The call's id, as its result must name it (GLM always sends one; empty if
    /// not). (`id(..)` is the setter.)
    pub fn call_id(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }

    /// The called function's name.
    pub fn name(&self) -> Option<&str> {
        self.function.as_ref()?.name.as_deref()
    }

    /// The arguments as the model wrote them (JSON text).
    pub fn arguments(&self) -> Option<&str> {
        self.function.as_ref()?.arguments.as_deref()
    }

    /// The arguments parsed into `T` (a missing one reads as `{}`). The error
    /// converts into `zai::Error::Decode`, so `?` works in a `zai` call chain.
    pub fn parse_arguments<T: serde::de::DeserializeOwned>(&self) -> Result<T, ArgumentsError> {
        let text = self.arguments().unwrap_or("{}");
        serde_json::from_str(text).map_err(|source| ArgumentsError {
            arguments: text.to_owned(),
            source,
        })
    }
}

/// A tool call's arguments that do not parse as the type asked for.
#[derive(Debug)]
pub struct ArgumentsError {
    /// The arguments as the model wrote them.
    pub arguments: String,
    /// Why they do not parse.
    pub source: serde_json::Error,
}

impl std::fmt::Display for ArgumentsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "tool call arguments do not parse: {}", self.source)
    }
}

impl std::error::Error for ArgumentsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

impl From<ChatThinkingType> for ChatThinking {
    /// `.thinking(ChatThinkingType::Disabled)`.
    fn from(type_: ChatThinkingType) -> Self {
        ChatThinking::default().type_(type_)
    }
}

impl From<ResponseFormatType> for ResponseFormat {
    /// `.response_format(ResponseFormatType::JsonObject)`.
    fn from(type_: ResponseFormatType) -> Self {
        ResponseFormat::new(type_)
    }
}
