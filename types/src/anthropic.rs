//! Hand-written constructors and readers of the Anthropic-compatible Messages
//! types: turns and content blocks, and a reply's text and tool uses.

use serde_json::{Map, Value};

use crate::generated::api::types::{
    AnthropicContentBlock, AnthropicInputBlock, AnthropicInputContent, AnthropicInputMessage,
    AnthropicInputMessageRole, AnthropicMessage, AnthropicToolResultContent,
};

impl AnthropicInputMessage {
    /// A user turn: text, or content blocks.
    pub fn user(content: impl Into<AnthropicInputContent>) -> Self {
        AnthropicInputMessage::new(AnthropicInputMessageRole::User, content)
    }

    /// An assistant turn: text, or content blocks.
    pub fn assistant(content: impl Into<AnthropicInputContent>) -> Self {
        AnthropicInputMessage::new(AnthropicInputMessageRole::Assistant, content)
    }
}

impl AnthropicInputBlock {
    /// The text result of the `tool_use` block `tool_use_id`.
    pub fn tool_result(tool_use_id: impl Into<String>, text: impl Into<String>) -> Self {
        Self::result(tool_use_id.into(), text.into(), None)
    }

    /// A failed tool call: `text` says why (`is_error: true`).
    pub fn tool_error(tool_use_id: impl Into<String>, text: impl Into<String>) -> Self {
        Self::result(tool_use_id.into(), text.into(), Some(true))
    }

    fn result(tool_use_id: String, text: String, is_error: Option<bool>) -> Self {
        AnthropicInputBlock::ToolResult {
            content: Some(AnthropicToolResultContent::String(text)),
            is_error,
            tool_use_id,
        }
    }
}

/// A reply sent back as the assistant's turn of the next request: its text and
/// `tool_use` blocks (thinking blocks are not accepted as input, and dropped).
impl From<AnthropicMessage> for AnthropicInputMessage {
    fn from(message: AnthropicMessage) -> Self {
        let blocks = message.content.into_iter().filter_map(|block| match block {
            AnthropicContentBlock::Text { text } => Some(AnthropicInputBlock::Text { text }),
            AnthropicContentBlock::ToolUse { id, input, name } => {
                Some(AnthropicInputBlock::ToolUse { id, input, name })
            }
            _ => None,
        });
        AnthropicInputMessage::assistant(blocks.collect::<Vec<_>>())
    }
}

impl AnthropicMessage {
    /// The `tool_use` blocks of the reply: id, tool name, input.
    pub fn tool_uses(&self) -> impl Iterator<Item = (&str, &str, &Map<String, Value>)> {
        self.content.iter().filter_map(|block| match block {
            AnthropicContentBlock::ToolUse { id, input, name } => {
                Some((id.as_str(), name.as_str(), input))
            }
            _ => None,
        })
    }

    /// The reply's text blocks, joined.
    pub fn text(&self) -> String {
        let text = self.content.iter().filter_map(|block| match block {
            AnthropicContentBlock::Text { text } => Some(text.as_str()),
            _ => None,
        });
        text.collect()
    }
}
