/// Every request and response schema of spec/zai.yaml.
pub mod types {
    #[allow(unused_imports)]
    use serde::{Deserialize, Serialize};
    ///`AgentAsyncResultRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AgentAsyncResultRequest {
        pub agent_id: ::std::string::String,
        ///The `async_id` returned by `createAgentCompletion`.
        pub async_id: ::std::string::String,
    }
    ///`AgentAsyncResultResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AgentAsyncResultResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub agent_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub async_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub choices: ::std::option::Option<::std::vec::Vec<AgentResultChoice>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<AgentError>,
        ///`pending`, `success` or `failed` (plain string: may grow).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<::std::string::String>,
    }
    ///`AgentChoice`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AgentChoice {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub finish_reason: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
        ///The answer (slides): messages with `phase` thinking, tool or answer.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::serde_json::Value>,
        ///The answer (translation); an object or an array of messages.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub messages: ::std::option::Option<::serde_json::Value>,
    }
    ///`AgentChunkChoice`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AgentChunkChoice {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub delta: ::std::option::Option<AgentDelta>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub finish_reason: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
    }
    ///One `data:` event of a streamed agent answer (Python SDK shape).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AgentCompletionChunk {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub agent_id: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub choices: ::std::vec::Vec<AgentChunkChoice>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub conversation_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<AgentError>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub usage: ::std::option::Option<AgentUsage>,
    }
    ///`AgentCompletionRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AgentCompletionRequest {
        ///`general_translation`, `vidu_template_agent` or `slides_glm_agent`.
        pub agent_id: ::std::string::String,
        ///Continue a `slides_glm_agent` conversation.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub conversation_id: ::std::option::Option<::std::string::String>,
        ///Agent settings, e.g. translation `source_lang`, `target_lang`, `glossary`, `strategy`, `strategy_config`; vidu `template`.
        #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
        pub custom_variables: ::serde_json::Map<
            ::std::string::String,
            ::serde_json::Value,
        >,
        pub messages: ::std::vec::Vec<AgentInputMessage>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        ///Stream the answer (translation, slides; slides' server default true).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub stream: ::std::option::Option<bool>,
    }
    ///`AgentCompletionResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AgentCompletionResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub agent_id: ::std::option::Option<::std::string::String>,
        ///Task id of `vidu_template_agent`, for `retrieveAgentAsyncResult`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub async_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub choices: ::std::option::Option<::std::vec::Vec<AgentChoice>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub conversation_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<AgentError>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        ///`pending`, `success` or `failed` (plain string: may grow).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub usage: ::std::option::Option<AgentUsage>,
    }
    ///One part of an agent message, tagged by `type`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(tag = "type")]
    pub enum AgentContentPart {
        ///Text
        #[serde(rename = "text")]
        Text { text: ::std::string::String },
        ///ImageUrl
        #[serde(rename = "image_url")]
        ImageUrl { image_url: ::std::string::String },
    }
    ///`AgentConversationPage`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AgentConversationPage {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub height: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub position: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub width: ::std::option::Option<i64>,
    }
    ///`AgentConversationRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AgentConversationRequest {
        ///`slides_glm_agent`.
        pub agent_id: ::std::string::String,
        pub conversation_id: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub custom_variables: ::std::option::Option<AgentConversationVariables>,
    }
    ///`AgentConversationResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AgentConversationResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub agent_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub choices: ::std::option::Option<::std::vec::Vec<AgentResultChoice>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub conversation_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<AgentError>,
    }
    ///`AgentConversationVariables`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AgentConversationVariables {
        ///Export the slides as PDF.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub include_pdf: ::std::option::Option<bool>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub pages: ::std::vec::Vec<AgentConversationPage>,
    }
    ///`AgentDelta`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AgentDelta {
        ///The new content (text, or structured parts).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content: ::std::option::Option<::serde_json::Value>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role: ::std::option::Option<::std::string::String>,
    }
    ///`AgentError`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AgentError {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
    }
    ///Plain text, or an array of parts.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    pub enum AgentInputContent {
        String(::std::string::String),
        Array(::std::vec::Vec<AgentContentPart>),
    }
    impl ::std::convert::From<::std::vec::Vec<AgentContentPart>> for AgentInputContent {
        fn from(value: ::std::vec::Vec<AgentContentPart>) -> Self {
            Self::Array(value)
        }
    }
    ///`AgentInputMessage`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AgentInputMessage {
        pub content: AgentInputContent,
        ///`user`.
        pub role: ::std::string::String,
    }
    ///`AgentResultChoice`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AgentResultChoice {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub finish_reason: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::vec::Vec<AgentResultMessage>>,
    }
    ///`AgentResultContent`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AgentResultContent {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub file_url: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub image_url: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub tag_cn: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub tag_en: ::std::option::Option<::std::string::String>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub video_url: ::std::option::Option<::std::string::String>,
    }
    ///`AgentResultMessage`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AgentResultMessage {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub content: ::std::vec::Vec<AgentResultContent>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role: ::std::option::Option<::std::string::String>,
    }
    ///`AgentUsage`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AgentUsage {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub completion_tokens: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub prompt_tokens: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total_calls: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total_tokens: ::std::option::Option<i64>,
    }
    ///One output content block, tagged by `type`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(tag = "type")]
    pub enum AnthropicContentBlock {
        ///Text
        #[serde(rename = "text")]
        Text { text: ::std::string::String },
        ///Thinking
        #[serde(rename = "thinking")]
        Thinking {
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            signature: ::std::option::Option<::std::string::String>,
            thinking: ::std::string::String,
        },
        ///RedactedThinking
        #[serde(rename = "redacted_thinking")]
        RedactedThinking { data: ::std::string::String },
        ///ToolUse
        #[serde(rename = "tool_use")]
        ToolUse {
            id: ::std::string::String,
            #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
            input: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
            name: ::std::string::String,
        },
    }
    ///An increment of a content block, tagged by `type`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(tag = "type")]
    pub enum AnthropicContentDelta {
        ///TextDelta
        #[serde(rename = "text_delta")]
        TextDelta { text: ::std::string::String },
        ///InputJsonDelta
        #[serde(rename = "input_json_delta")]
        InputJsonDelta { partial_json: ::std::string::String },
        ///ThinkingDelta
        #[serde(rename = "thinking_delta")]
        ThinkingDelta { thinking: ::std::string::String },
        ///SignatureDelta
        #[serde(rename = "signature_delta")]
        SignatureDelta { signature: ::std::string::String },
    }
    ///`AnthropicErrorBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AnthropicErrorBody {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
    }
    ///Image data, tagged by `type`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(tag = "type")]
    pub enum AnthropicImageSource {
        ///Base64
        #[serde(rename = "base64")]
        Base64 {
            data: ::std::string::String,
            ///e.g. `image/png`.
            media_type: ::std::string::String,
        },
        ///Url
        #[serde(rename = "url")]
        Url { url: ::std::string::String },
    }
    ///One input content block, tagged by `type`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(tag = "type")]
    pub enum AnthropicInputBlock {
        ///Text
        #[serde(rename = "text")]
        Text { text: ::std::string::String },
        ///Image
        #[serde(rename = "image")]
        Image { source: AnthropicImageSource },
        ///ToolUse
        #[serde(rename = "tool_use")]
        ToolUse {
            id: ::std::string::String,
            input: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
            name: ::std::string::String,
        },
        ///ToolResult
        #[serde(rename = "tool_result")]
        ToolResult {
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            content: ::std::option::Option<AnthropicToolResultContent>,
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            is_error: ::std::option::Option<bool>,
            tool_use_id: ::std::string::String,
        },
    }
    ///Plain text, or an array of content blocks.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    pub enum AnthropicInputContent {
        String(::std::string::String),
        Array(::std::vec::Vec<AnthropicInputBlock>),
    }
    impl ::std::convert::From<::std::vec::Vec<AnthropicInputBlock>>
    for AnthropicInputContent {
        fn from(value: ::std::vec::Vec<AnthropicInputBlock>) -> Self {
            Self::Array(value)
        }
    }
    ///`AnthropicInputMessage`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AnthropicInputMessage {
        pub content: AnthropicInputContent,
        pub role: AnthropicInputMessageRole,
    }
    ///`AnthropicInputMessageRole`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum AnthropicInputMessageRole {
        #[serde(rename = "user")]
        User,
        #[serde(rename = "assistant")]
        Assistant,
    }
    impl ::std::fmt::Display for AnthropicInputMessageRole {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::User => f.write_str("user"),
                Self::Assistant => f.write_str("assistant"),
            }
        }
    }
    impl ::std::str::FromStr for AnthropicInputMessageRole {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "user" => Ok(Self::User),
                "assistant" => Ok(Self::Assistant),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for AnthropicInputMessageRole {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for AnthropicInputMessageRole {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///An Anthropic-style message (the reply, and `message_start`'s payload).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AnthropicMessage {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub content: ::std::vec::Vec<AnthropicContentBlock>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub model: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub stop_reason: ::std::option::Option<crate::types::AnthropicStopReason>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub stop_sequence: ::std::option::Option<::std::string::String>,
        ///Always `message` today.
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub usage: ::std::option::Option<AnthropicUsage>,
    }
    ///`AnthropicMessageDeltaBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AnthropicMessageDeltaBody {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub stop_reason: ::std::option::Option<crate::types::AnthropicStopReason>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub stop_sequence: ::std::option::Option<::std::string::String>,
    }
    ///`AnthropicMessageRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AnthropicMessageRequest {
        ///Maximum number of output tokens (at least 1).
        pub max_tokens: i64,
        pub messages: ::std::vec::Vec<AnthropicInputMessage>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub metadata: ::std::option::Option<AnthropicMetadata>,
        ///A GLM model code, e.g. `glm-4.7`.
        pub model: ::std::string::String,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub stop_sequences: ::std::vec::Vec<::std::string::String>,
        ///Stream named server-sent events (server default false).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub stream: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub system: ::std::option::Option<AnthropicSystem>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub temperature: ::std::option::Option<f64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub thinking: ::std::option::Option<AnthropicThinking>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub tool_choice: ::std::option::Option<AnthropicToolChoice>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub tools: ::std::vec::Vec<AnthropicTool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub top_k: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub top_p: ::std::option::Option<f64>,
    }
    ///`AnthropicMetadata`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AnthropicMetadata {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
    }
    ///One server-sent event of a streamed message, tagged by `type`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(tag = "type")]
    pub enum AnthropicStreamEvent {
        ///MessageStart
        #[serde(rename = "message_start")]
        MessageStart { message: AnthropicMessage },
        ///ContentBlockStart
        #[serde(rename = "content_block_start")]
        ContentBlockStart { content_block: AnthropicContentBlock, index: i64 },
        ///ContentBlockDelta
        #[serde(rename = "content_block_delta")]
        ContentBlockDelta { delta: AnthropicContentDelta, index: i64 },
        ///ContentBlockStop
        #[serde(rename = "content_block_stop")]
        ContentBlockStop { index: i64 },
        ///MessageDelta
        #[serde(rename = "message_delta")]
        MessageDelta {
            delta: AnthropicMessageDeltaBody,
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            usage: ::std::option::Option<AnthropicUsage>,
        },
        #[serde(rename = "message_stop")]
        MessageStop,
        #[serde(rename = "ping")]
        Ping,
        ///Error
        #[serde(rename = "error")]
        Error { error: AnthropicErrorBody },
    }
    ///The system prompt, as text or text blocks.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    pub enum AnthropicSystem {
        String(::std::string::String),
        Array(::std::vec::Vec<AnthropicSystemBlock>),
    }
    impl ::std::convert::From<::std::vec::Vec<AnthropicSystemBlock>>
    for AnthropicSystem {
        fn from(value: ::std::vec::Vec<AnthropicSystemBlock>) -> Self {
            Self::Array(value)
        }
    }
    ///`AnthropicSystemBlock`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AnthropicSystemBlock {
        pub text: ::std::string::String,
        #[serde(rename = "type")]
        pub type_: AnthropicSystemBlockType,
    }
    ///`AnthropicSystemBlockType`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum AnthropicSystemBlockType {
        #[serde(rename = "text")]
        Text,
    }
    impl ::std::fmt::Display for AnthropicSystemBlockType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Text => f.write_str("text"),
            }
        }
    }
    impl ::std::str::FromStr for AnthropicSystemBlockType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "text" => Ok(Self::Text),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for AnthropicSystemBlockType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for AnthropicSystemBlockType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///`AnthropicThinking`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AnthropicThinking {
        ///Thinking budget in tokens (with `enabled`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub budget_tokens: ::std::option::Option<i64>,
        #[serde(rename = "type")]
        pub type_: AnthropicThinkingType,
    }
    ///`AnthropicThinkingType`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum AnthropicThinkingType {
        #[serde(rename = "enabled")]
        Enabled,
        #[serde(rename = "disabled")]
        Disabled,
    }
    impl ::std::fmt::Display for AnthropicThinkingType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Enabled => f.write_str("enabled"),
                Self::Disabled => f.write_str("disabled"),
            }
        }
    }
    impl ::std::str::FromStr for AnthropicThinkingType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "enabled" => Ok(Self::Enabled),
                "disabled" => Ok(Self::Disabled),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for AnthropicThinkingType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for AnthropicThinkingType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///`AnthropicTool`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AnthropicTool {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        ///JSON Schema of the tool's input object.
        pub input_schema: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        pub name: ::std::string::String,
    }
    ///How the model may use tools, tagged by `type`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(tag = "type")]
    pub enum AnthropicToolChoice {
        ///Auto
        #[serde(rename = "auto")]
        Auto {
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            disable_parallel_tool_use: ::std::option::Option<bool>,
        },
        ///Any
        #[serde(rename = "any")]
        Any {
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            disable_parallel_tool_use: ::std::option::Option<bool>,
        },
        ///Tool
        #[serde(rename = "tool")]
        Tool {
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            disable_parallel_tool_use: ::std::option::Option<bool>,
            name: ::std::string::String,
        },
        #[serde(rename = "none")]
        None,
    }
    ///`AnthropicToolResultBlock`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(tag = "type")]
    pub enum AnthropicToolResultBlock {
        ///Text
        #[serde(rename = "text")]
        Text { text: ::std::string::String },
        ///Image
        #[serde(rename = "image")]
        Image { source: AnthropicImageSource },
    }
    ///A tool's result as text, or as text/image blocks.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    pub enum AnthropicToolResultContent {
        String(::std::string::String),
        Array(::std::vec::Vec<AnthropicToolResultBlock>),
    }
    impl ::std::convert::From<::std::vec::Vec<AnthropicToolResultBlock>>
    for AnthropicToolResultContent {
        fn from(value: ::std::vec::Vec<AnthropicToolResultBlock>) -> Self {
            Self::Array(value)
        }
    }
    ///`AnthropicUsage`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AnthropicUsage {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub cache_creation_input_tokens: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub cache_read_input_tokens: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub input_tokens: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub output_tokens: ::std::option::Option<i64>,
    }
    ///`AssistantAttachment`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AssistantAttachment {
        pub file_id: ::std::string::String,
    }
    ///`AssistantChoice`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AssistantChoice {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub delta: ::std::option::Option<AssistantDelta>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub finish_reason: ::std::option::Option<crate::types::FinishReason>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub metadata: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
    }
    ///An assistant reply, or one streamed chunk of it.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AssistantCompletion {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub assistant_id: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub choices: ::std::vec::Vec<AssistantChoice>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub conversation_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub last_error: ::std::option::Option<SpeechError>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub metadata: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        ///`completed`, `in_progress` or `failed`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub usage: ::std::option::Option<Usage>,
    }
    ///`AssistantCompletionRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AssistantCompletionRequest {
        pub assistant_id: ::std::string::String,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub attachments: ::std::vec::Vec<AssistantAttachment>,
        ///Continue a conversation; a new one is started when absent.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub conversation_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub extra_parameters: ::std::option::Option<AssistantExtraParameters>,
        pub messages: ::std::vec::Vec<AssistantConversationMessage>,
        #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
        pub metadata: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ///Server default `glm-4-assistant`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub model: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        ///Stream as server-sent events (server default false).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub stream: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
    }
    ///`AssistantConversation`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AssistantConversation {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub assistant_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub create_time: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub update_time: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub usage: ::std::option::Option<Usage>,
    }
    ///`AssistantConversationListRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AssistantConversationListRequest {
        pub assistant_id: ::std::string::String,
        ///Page number, from 1.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub page: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub page_size: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
    }
    ///`AssistantConversationListResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AssistantConversationListResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub data: ::std::option::Option<AssistantConversationPage>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub msg: ::std::option::Option<::std::string::String>,
    }
    ///`AssistantConversationMessage`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AssistantConversationMessage {
        pub content: ::std::vec::Vec<AssistantTextContent>,
        ///`user` or `assistant`.
        pub role: ::std::string::String,
    }
    ///`AssistantConversationPage`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AssistantConversationPage {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub assistant_id: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub conversation_list: ::std::vec::Vec<AssistantConversation>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub has_more: ::std::option::Option<bool>,
    }
    ///`AssistantDelta`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AssistantDelta {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role: ::std::option::Option<crate::types::Role>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub tool_calls: ::std::option::Option<::std::vec::Vec<AssistantToolCall>>,
        ///`content` or `tool_calls`.
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
    }
    ///`AssistantExtraParameters`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AssistantExtraParameters {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub translate: ::std::option::Option<AssistantExtraParametersTranslate>,
    }
    ///`AssistantExtraParametersTranslate`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AssistantExtraParametersTranslate {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub from_language: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub to_language: ::std::option::Option<::std::string::String>,
    }
    ///`AssistantInfo`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AssistantInfo {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub assistant_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub avatar: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created_at: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub starter_prompts: ::std::option::Option<
            ::std::vec::Vec<::std::string::String>,
        >,
        ///`publish` today.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub tools: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub updated_at: ::std::option::Option<i64>,
    }
    ///`AssistantListRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AssistantListRequest {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub assistant_id_list: ::std::vec::Vec<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
    }
    ///`AssistantListResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AssistantListResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<i64>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub data: ::std::vec::Vec<AssistantInfo>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub msg: ::std::option::Option<::std::string::String>,
    }
    ///`AssistantMessage`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AssistantMessage {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub reasoning_content: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role: ::std::option::Option<crate::types::Role>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub tool_calls: ::std::option::Option<::std::vec::Vec<ToolCall>>,
    }
    ///`AssistantTextContent`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AssistantTextContent {
        pub text: ::std::string::String,
        #[serde(rename = "type")]
        pub type_: AssistantTextContentType,
    }
    ///`AssistantTextContentType`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum AssistantTextContentType {
        #[serde(rename = "text")]
        Text,
    }
    impl ::std::fmt::Display for AssistantTextContentType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Text => f.write_str("text"),
            }
        }
    }
    impl ::std::str::FromStr for AssistantTextContentType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "text" => Ok(Self::Text),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for AssistantTextContentType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for AssistantTextContentType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///One tool block; `type` names which field is set. The blocks' contents are kept as JSON objects (PY types: drawing_tool, code_interpreter, web_browser, retrieval, function).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AssistantToolCall {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code_interpreter: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub drawing_tool: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub function: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub retrieval: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub web_browser: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
    }
    ///A queued asynchronous chat completion.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AsyncChatCompletionResponse {
        ///Task id, for `GET /async-result/{id}`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub model: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub task_status: ::std::option::Option<crate::types::TaskStatus>,
    }
    ///Status of an asynchronous task plus whichever result it produced.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AsyncResult {
        ///Choices of a finished async chat completion (SDKs).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub choices: ::std::option::Option<::std::vec::Vec<ChatChoice>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<ErrorDetail>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        ///Images of a finished async image task (URLs valid 30 days).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub image_result: ::std::option::Option<::std::vec::Vec<ImageUrlResult>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub model: ::std::option::Option<::std::string::String>,
        ///The prompt after optimization (video tasks; Java SDK).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub optimized_prompt: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub task_status: ::std::option::Option<crate::types::TaskStatus>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub usage: ::std::option::Option<Usage>,
        ///Videos of a finished video task.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub video_result: ::std::option::Option<::std::vec::Vec<VideoResult>>,
    }
    ///A task accepted for asynchronous processing.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AsyncTask {
        ///Task id to pass to `retrieveAsyncResult`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub model: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub task_status: ::std::option::Option<crate::types::TaskStatus>,
    }
    ///`Batch`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct Batch {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub cancelled_at: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub cancelling_at: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub completed_at: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub completion_window: ::std::option::Option<::std::string::String>,
        ///Unix time in seconds (as are all `*_at` fields).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created_at: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub endpoint: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error_file_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub errors: ::std::option::Option<BatchErrors>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expired_at: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expires_at: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub failed_at: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub finalizing_at: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub in_progress_at: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub input_file_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub metadata: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub object: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub output_file_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_counts: ::std::option::Option<BatchRequestCounts>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<crate::types::BatchStatus>,
    }
    ///`BatchError`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct BatchError {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub line: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub param: ::std::option::Option<::std::string::String>,
    }
    ///`BatchErrors`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct BatchErrors {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub data: ::std::option::Option<::std::vec::Vec<BatchError>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub object: ::std::option::Option<::std::string::String>,
    }
    ///A page of batches; the next cursor is the last batch's `id`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct BatchList {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub data: ::std::vec::Vec<Batch>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub has_more: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub object: ::std::option::Option<::std::string::String>,
    }
    ///`BatchRequestCounts`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct BatchRequestCounts {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub completed: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub failed: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total: ::std::option::Option<i64>,
    }
    ///`ChatChoice`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ChatChoice {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub finish_reason: ::std::option::Option<crate::types::FinishReason>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<AssistantMessage>,
    }
    ///`ChatChunkChoice`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ChatChunkChoice {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub delta: ::std::option::Option<ChatDelta>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub finish_reason: ::std::option::Option<crate::types::FinishReason>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
    }
    ///One `data:` event of a streamed chat completion.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ChatCompletionChunk {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub choices: ::std::vec::Vec<ChatChunkChoice>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub model: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub object: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub usage: ::std::option::Option<Usage>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub web_search: ::std::option::Option<::std::vec::Vec<WebSearchResult>>,
    }
    ///`ChatCompletionRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ChatCompletionRequest {
        ///Sample (server default true); false makes temperature/top_p ignored.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub do_sample: ::std::option::Option<bool>,
        ///Maximum number of output tokens (1 to 131072).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub max_tokens: ::std::option::Option<i64>,
        ///The conversation so far (at least one message; not only system/assistant messages).
        pub messages: ::std::vec::Vec<ChatMessage>,
        ///Model code, e.g. `glm-4.7`, `glm-4.6v`, `glm-4.5-flash`.
        pub model: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub reasoning_effort: ::std::option::Option<ReasoningEffort>,
        ///Caller-chosen unique id (6–64 chars); generated by the platform when absent.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub response_format: ::std::option::Option<ResponseFormat>,
        ///Stop words (the server honours one).
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub stop: ::std::vec::Vec<::std::string::String>,
        ///Stream the reply as server-sent events (server default false).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub stream: ::std::option::Option<bool>,
        ///Sampling temperature in [0.0, 1.0].
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub temperature: ::std::option::Option<f64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub thinking: ::std::option::Option<ChatThinking>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub tool_choice: ::std::option::Option<ToolChoice>,
        ///With `stream`, stream tool-call arguments in fragments (GLM-4.6+).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub tool_stream: ::std::option::Option<bool>,
        ///Tools the model may call (at most 128).
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub tools: ::std::vec::Vec<ChatTool>,
        ///Nucleus sampling in [0.01, 1.0].
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub top_p: ::std::option::Option<f64>,
        ///End-user id for abuse monitoring (6–128 chars).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
    }
    ///`ChatCompletionResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ChatCompletionResponse {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub choices: ::std::vec::Vec<ChatChoice>,
        ///Unix time in seconds.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created: ::std::option::Option<i64>,
        ///Task id (equals `request_id` when none was sent).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub model: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub object: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub usage: ::std::option::Option<Usage>,
        ///Search results, when a web_search tool ran with `search_result`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub web_search: ::std::option::Option<::std::vec::Vec<WebSearchResult>>,
    }
    ///`ChatDelta`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ChatDelta {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub reasoning_content: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role: ::std::option::Option<crate::types::Role>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub tool_calls: ::std::option::Option<::std::vec::Vec<ToolCall>>,
    }
    ///One message of the conversation, tagged by `role`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(tag = "role")]
    pub enum ChatMessage {
        ///System
        #[serde(rename = "system")]
        System { content: ::std::string::String },
        ///User
        #[serde(rename = "user")]
        User { content: UserContent },
        ///Assistant
        #[serde(rename = "assistant")]
        Assistant {
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            content: ::std::option::Option<::std::string::String>,
            ///Earlier reasoning, sent back when `thinking.clear_thinking` is false.
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            reasoning_content: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
            tool_calls: ::std::vec::Vec<ToolCall>,
        },
        ///Tool
        #[serde(rename = "tool")]
        Tool { content: ::std::string::String, tool_call_id: ::std::string::String },
    }
    ///Deep-thinking switch (GLM-4.5+).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ChatThinking {
        ///Drop earlier turns' reasoning from the context (server default true).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub clear_thinking: ::std::option::Option<bool>,
        ///Server default `enabled`.
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<ChatThinkingType>,
    }
    ///Server default `enabled`.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum ChatThinkingType {
        #[serde(rename = "enabled")]
        Enabled,
        #[serde(rename = "disabled")]
        Disabled,
    }
    impl ::std::fmt::Display for ChatThinkingType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Enabled => f.write_str("enabled"),
                Self::Disabled => f.write_str("disabled"),
            }
        }
    }
    impl ::std::str::FromStr for ChatThinkingType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "enabled" => Ok(Self::Enabled),
                "disabled" => Ok(Self::Disabled),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for ChatThinkingType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for ChatThinkingType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///A tool the model may use, tagged by `type`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(tag = "type")]
    pub enum ChatTool {
        ///Function
        #[serde(rename = "function")]
        Function { function: FunctionDefinition },
        ///Retrieval
        #[serde(rename = "retrieval")]
        Retrieval { retrieval: RetrievalTool },
        ///WebSearch
        #[serde(rename = "web_search")]
        WebSearch { web_search: WebSearchTool },
        ///Mcp
        #[serde(rename = "mcp")]
        Mcp { mcp: McpTool },
    }
    ///`ContentFilter`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ContentFilter {
        ///Severity 0–3, 0 being the most severe.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub level: ::std::option::Option<i64>,
        ///Where the content was flagged: `user`, `assistant` or `history`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role: ::std::option::Option<::std::string::String>,
    }
    ///One part of multimodal user content, tagged by `type`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(tag = "type")]
    pub enum ContentPart {
        ///Text
        #[serde(rename = "text")]
        Text { text: ::std::string::String },
        ///ImageUrl
        #[serde(rename = "image_url")]
        ImageUrl { image_url: MediaUrl },
        ///VideoUrl
        #[serde(rename = "video_url")]
        VideoUrl { video_url: MediaUrl },
        /**FileUrl

Legacy document part (OA51); `file` replaces it.*/
        #[serde(rename = "file_url")]
        FileUrl { file_url: MediaUrl },
        ///File
        #[serde(rename = "file")]
        File { file: FileInput },
        ///InputAudio
        #[serde(rename = "input_audio")]
        InputAudio { input_audio: InputAudio },
    }
    ///`CreateBatchRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct CreateBatchRequest {
        ///Delete the input file once the batch is done.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub auto_delete_input_file: ::std::option::Option<bool>,
        ///`24h`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub completion_window: ::std::option::Option<::std::string::String>,
        ///`/v1/chat/completions` or `/v1/embeddings`.
        pub endpoint: ::std::string::String,
        ///An uploaded JSONL file (purpose `batch`).
        pub input_file_id: ::std::string::String,
        #[serde(
            default,
            skip_serializing_if = ":: std :: collections :: HashMap::is_empty"
        )]
        pub metadata: ::std::collections::HashMap<
            ::std::string::String,
            ::std::string::String,
        >,
    }
    ///`Embedding`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct Embedding {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub embedding: ::std::vec::Vec<f64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub object: ::std::option::Option<::std::string::String>,
    }
    ///Text, texts, token ids, or lists of token ids.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    pub enum EmbeddingInput {
        Text(::std::string::String),
        Texts(::std::vec::Vec<::std::string::String>),
        Tokens(::std::vec::Vec<i64>),
        TokenLists(::std::vec::Vec<::std::vec::Vec<i64>>),
    }
    impl ::std::convert::From<::std::vec::Vec<::std::string::String>>
    for EmbeddingInput {
        fn from(value: ::std::vec::Vec<::std::string::String>) -> Self {
            Self::Texts(value)
        }
    }
    impl ::std::convert::From<::std::vec::Vec<i64>> for EmbeddingInput {
        fn from(value: ::std::vec::Vec<i64>) -> Self {
            Self::Tokens(value)
        }
    }
    impl ::std::convert::From<::std::vec::Vec<::std::vec::Vec<i64>>> for EmbeddingInput {
        fn from(value: ::std::vec::Vec<::std::vec::Vec<i64>>) -> Self {
            Self::TokenLists(value)
        }
    }
    ///`EmbeddingRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct EmbeddingRequest {
        ///Output size (embedding-3 only; e.g. 256, 512, 1024, 2048).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub dimensions: ::std::option::Option<i64>,
        ///`float` (server default).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub encoding_format: ::std::option::Option<::std::string::String>,
        pub input: EmbeddingInput,
        ///e.g. `embedding-3`, `embedding-2`.
        pub model: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub sensitive_word_check: ::std::option::Option<SensitiveWordCheck>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user: ::std::option::Option<::std::string::String>,
    }
    ///`EmbeddingResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct EmbeddingResponse {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub data: ::std::vec::Vec<Embedding>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub model: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub object: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub usage: ::std::option::Option<Usage>,
    }
    ///`ErrorDetail`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ErrorDetail {
        ///Z.AI business code, e.g. `1302` (rate limit) or `1113` (balance).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
    }
    ///Error body. Every field is optional because gateway errors (e.g. the Spring-style 404 `{"timestamp","status","error":"Not Found","path"}`) share the status codes.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ErrorResponse {
        ///Content-filter verdicts sent beside a 1301 error (camelCase on the wire).
        #[serde(
            rename = "contentFilter",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub content_filter: ::std::option::Option<::std::vec::Vec<ContentFilter>>,
        ///Z.AI's error object, or a plain text reason from a gateway.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<ErrorResponseError>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub path: ::std::option::Option<::std::string::String>,
        ///HTTP status repeated in gateway bodies.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub timestamp: ::std::option::Option<::std::string::String>,
    }
    ///Z.AI's error object, or a plain text reason from a gateway.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    pub enum ErrorResponseError {
        ErrorDetail(ErrorDetail),
        String(::std::string::String),
    }
    impl ::std::convert::From<ErrorDetail> for ErrorResponseError {
        fn from(value: ErrorDetail) -> Self {
            Self::ErrorDetail(value)
        }
    }
    ///`FileDeleted`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct FileDeleted {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub deleted: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub object: ::std::option::Option<::std::string::String>,
    }
    ///A document by uploaded id, URL, or inline data URL (at most 50 MB).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct FileInput {
        ///`data:<MIME>;base64,<data>`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub file_data: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub file_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub file_url: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub filename: ::std::option::Option<::std::string::String>,
    }
    ///`FileList`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct FileList {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub data: ::std::vec::Vec<FileObject>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub has_more: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub object: ::std::option::Option<::std::string::String>,
    }
    ///`FileObject`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct FileObject {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub bytes: ::std::option::Option<i64>,
        ///Unix time in seconds.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created_at: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub filename: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub object: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub purpose: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status_details: ::std::option::Option<::std::string::String>,
    }
    ///`FileParseSyncResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct FileParseSyncResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub parsing_result_url: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub task_id: ::std::option::Option<::std::string::String>,
    }
    ///`FileParseTask`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct FileParseTask {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub success: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub task_id: ::std::option::Option<::std::string::String>,
    }
    ///`FunctionCall`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct FunctionCall {
        ///The arguments as a JSON text (may be a fragment while streaming).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub arguments: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
    }
    ///`FunctionDefinition`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct FunctionDefinition {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        ///1–64 chars of `[a-zA-Z0-9_-]`.
        pub name: ::std::string::String,
        ///JSON Schema of the arguments object.
        #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
        pub parameters: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    }
    ///`HandwritingOcrResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct HandwritingOcrResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub task_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub words_result: ::std::option::Option<::std::vec::Vec<OcrWords>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub words_result_num: ::std::option::Option<i64>,
    }
    ///`ImageGenerationRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ImageGenerationRequest {
        ///`glm-image` or `cogview-4-250304` (async: `glm-image` only).
        pub model: ::std::string::String,
        pub prompt: ::std::string::String,
        ///`hd` (glm-image default, ~20 s) or `standard` (5–10 s).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub quality: ::std::option::Option<::std::string::String>,
        ///`WIDTHxHEIGHT`, server default `1280x1280`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub size: ::std::option::Option<::std::string::String>,
        ///End-user id (6–128 chars).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
    }
    ///`ImageGenerationResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ImageGenerationResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content_filter: ::std::option::Option<::std::vec::Vec<ContentFilter>>,
        ///Unix time in seconds.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created: ::std::option::Option<i64>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub data: ::std::vec::Vec<ImageUrlResult>,
    }
    ///`ImageUrlResult`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ImageUrlResult {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub b64_json: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub revised_prompt: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub url: ::std::option::Option<::std::string::String>,
    }
    ///`InputAudio`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct InputAudio {
        ///Base64 audio (at most 10 minutes).
        pub data: ::std::string::String,
        pub format: InputAudioFormat,
    }
    ///`InputAudioFormat`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum InputAudioFormat {
        #[serde(rename = "wav")]
        Wav,
        #[serde(rename = "mp3")]
        Mp3,
    }
    impl ::std::fmt::Display for InputAudioFormat {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Wav => f.write_str("wav"),
                Self::Mp3 => f.write_str("mp3"),
            }
        }
    }
    impl ::std::str::FromStr for InputAudioFormat {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "wav" => Ok(Self::Wav),
                "mp3" => Ok(Self::Mp3),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for InputAudioFormat {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InputAudioFormat {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///`LayoutBlock`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct LayoutBlock {
        ///Bounding box `[x1, y1, x2, y2]`, normalized to 0–1.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub bbox_2d: ::std::option::Option<::serde_json::Value>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub height: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub label: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub width: ::std::option::Option<i64>,
    }
    ///`LayoutDataInfo`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct LayoutDataInfo {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub num_pages: ::std::option::Option<i64>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub pages: ::std::vec::Vec<LayoutPageSize>,
    }
    ///`LayoutPageSize`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct LayoutPageSize {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub height: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub width: ::std::option::Option<i64>,
    }
    ///`LayoutParsingRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct LayoutParsingRequest {
        ///Last PDF page (from 1).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub end_page_id: ::std::option::Option<i64>,
        ///Image/PDF URL or base64 (JPG/PNG ≤10 MB, PDF ≤50 MB).
        pub file: ::std::string::String,
        ///`glm-ocr`.
        pub model: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub need_layout_visualization: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub return_crop_images: ::std::option::Option<bool>,
        ///First PDF page (from 1).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub start_page_id: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
    }
    ///`LayoutParsingResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct LayoutParsingResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub data_info: ::std::option::Option<LayoutDataInfo>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        ///One array of blocks per page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub layout_details: ::std::option::Option<
            ::std::vec::Vec<::std::vec::Vec<LayoutBlock>>,
        >,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub layout_visualization: ::std::option::Option<
            ::std::vec::Vec<::std::string::String>,
        >,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub md_results: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub model: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub usage: ::std::option::Option<Usage>,
    }
    ///Query parameters of `listBatches`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ListBatchesQuery {
        ///Cursor: the `id` of the last batch of the previous page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub after: ::std::option::Option<::std::string::String>,
        ///Page size, 1–100 (server default 20).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub limit: ::std::option::Option<i64>,
    }
    ///Query parameters of `listFiles`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ListFilesQuery {
        ///Cursor: the id of the last file of the previous page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub after: ::std::option::Option<::std::string::String>,
        ///Page size.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub limit: ::std::option::Option<i64>,
        ///`asc` or `desc` by creation time.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub order: ::std::option::Option<::std::string::String>,
        ///Only files of this purpose, e.g. `batch`, `voice-clone-input`, `agent`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub purpose: ::std::option::Option<::std::string::String>,
    }
    ///Query parameters of `listVoices`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ListVoicesQuery {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(
            rename = "voiceName",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub voice_name: ::std::option::Option<::std::string::String>,
        ///`OFFICIAL` or `PRIVATE`.
        #[serde(
            rename = "voiceType",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub voice_type: ::std::option::Option<::std::string::String>,
    }
    ///`McpTool`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct McpTool {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub allowed_tools: ::std::vec::Vec<::std::string::String>,
        #[serde(
            default,
            skip_serializing_if = ":: std :: collections :: HashMap::is_empty"
        )]
        pub headers: ::std::collections::HashMap<
            ::std::string::String,
            ::std::string::String,
        >,
        pub server_label: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub server_url: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub transport_type: ::std::option::Option<McpToolTransportType>,
    }
    ///`McpToolTransportType`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum McpToolTransportType {
        #[serde(rename = "sse")]
        Sse,
        #[serde(rename = "streamable-http")]
        StreamableHttp,
    }
    impl ::std::fmt::Display for McpToolTransportType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Sse => f.write_str("sse"),
                Self::StreamableHttp => f.write_str("streamable-http"),
            }
        }
    }
    impl ::std::str::FromStr for McpToolTransportType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "sse" => Ok(Self::Sse),
                "streamable-http" => Ok(Self::StreamableHttp),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for McpToolTransportType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for McpToolTransportType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///`MediaUrl`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct MediaUrl {
        ///An http(s) URL, or base64 data (`data:image/png;base64,...`).
        pub url: ::std::string::String,
    }
    ///A text, or an array of typed content parts.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    pub enum ModerationInput {
        String(::std::string::String),
        Array(::std::vec::Vec<ModerationPart>),
    }
    impl ::std::convert::From<::std::vec::Vec<ModerationPart>> for ModerationInput {
        fn from(value: ::std::vec::Vec<ModerationPart>) -> Self {
            Self::Array(value)
        }
    }
    ///One item to check, tagged by `type`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(tag = "type")]
    pub enum ModerationPart {
        ///Text
        #[serde(rename = "text")]
        Text { text: ::std::string::String },
        ///ImageUrl
        #[serde(rename = "image_url")]
        ImageUrl { image_url: MediaUrl },
        ///VideoUrl
        #[serde(rename = "video_url")]
        VideoUrl { video_url: MediaUrl },
        ///AudioUrl
        #[serde(rename = "audio_url")]
        AudioUrl { audio_url: MediaUrl },
    }
    ///`ModerationRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ModerationRequest {
        pub input: ModerationInput,
        ///`moderation`.
        pub model: ::std::string::String,
    }
    ///`ModerationResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ModerationResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub result_list: ::std::vec::Vec<ModerationResult>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub usage: ::std::option::Option<ModerationUsage>,
    }
    ///`ModerationResult`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ModerationResult {
        ///`text`, `image`, `video` or `audio`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content_type: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub risk_level: ::std::option::Option<crate::types::RiskLevel>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub risk_type: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    }
    ///`ModerationUsage`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ModerationUsage {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub moderation_text: ::std::option::Option<ModerationUsageModerationText>,
    }
    ///`ModerationUsageModerationText`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ModerationUsageModerationText {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub call_count: ::std::option::Option<i64>,
    }
    ///`NamedToolChoice`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct NamedToolChoice {
        pub function: NamedToolChoiceFunction,
        #[serde(rename = "type")]
        pub type_: NamedToolChoiceType,
    }
    ///`NamedToolChoiceFunction`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct NamedToolChoiceFunction {
        pub name: ::std::string::String,
    }
    ///`NamedToolChoiceType`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum NamedToolChoiceType {
        #[serde(rename = "function")]
        Function,
    }
    impl ::std::fmt::Display for NamedToolChoiceType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Function => f.write_str("function"),
            }
        }
    }
    impl ::std::str::FromStr for NamedToolChoiceType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "function" => Ok(Self::Function),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for NamedToolChoiceType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for NamedToolChoiceType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///`OcrWords`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct OcrWords {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub location: ::std::option::Option<OcrWordsLocation>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub probability: ::std::option::Option<OcrWordsProbability>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub words: ::std::option::Option<::std::string::String>,
    }
    ///`OcrWordsLocation`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct OcrWordsLocation {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub height: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub left: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub top: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub width: ::std::option::Option<i64>,
    }
    ///`OcrWordsProbability`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct OcrWordsProbability {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub average: ::std::option::Option<f64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub min: ::std::option::Option<f64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub variance: ::std::option::Option<f64>,
    }
    ///`ReaderRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ReaderRequest {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub keep_img_data_url: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub no_cache: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub no_gfm: ::std::option::Option<bool>,
        ///Keep images (server default true).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub retain_images: ::std::option::Option<bool>,
        ///`markdown` (server default) or `text`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub return_format: ::std::option::Option<::std::string::String>,
        ///Timeout in seconds (server default 20).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub timeout: ::std::option::Option<i64>,
        pub url: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub with_images_summary: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub with_links_summary: ::std::option::Option<bool>,
    }
    ///`ReaderResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ReaderResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub model: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub reader_result: ::std::option::Option<ReaderResult>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
    }
    ///`ReaderResult`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ReaderResult {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub external: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub images: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub links: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub metadata: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        #[serde(
            rename = "publishedTime",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub published_time: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub title: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub url: ::std::option::Option<::std::string::String>,
    }
    ///Reasoning depth (GLM-5.2+; vision models accept max/high/low).
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum ReasoningEffort {
        #[serde(rename = "max")]
        Max,
        #[serde(rename = "xhigh")]
        Xhigh,
        #[serde(rename = "high")]
        High,
        #[serde(rename = "medium")]
        Medium,
        #[serde(rename = "low")]
        Low,
        #[serde(rename = "minimal")]
        Minimal,
        #[serde(rename = "none")]
        None,
    }
    impl ::std::fmt::Display for ReasoningEffort {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Max => f.write_str("max"),
                Self::Xhigh => f.write_str("xhigh"),
                Self::High => f.write_str("high"),
                Self::Medium => f.write_str("medium"),
                Self::Low => f.write_str("low"),
                Self::Minimal => f.write_str("minimal"),
                Self::None => f.write_str("none"),
            }
        }
    }
    impl ::std::str::FromStr for ReasoningEffort {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "max" => Ok(Self::Max),
                "xhigh" => Ok(Self::Xhigh),
                "high" => Ok(Self::High),
                "medium" => Ok(Self::Medium),
                "low" => Ok(Self::Low),
                "minimal" => Ok(Self::Minimal),
                "none" => Ok(Self::None),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for ReasoningEffort {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for ReasoningEffort {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///`ResponseFormat`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ResponseFormat {
        #[serde(rename = "type")]
        pub type_: ResponseFormatType,
    }
    ///`ResponseFormatType`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum ResponseFormatType {
        #[serde(rename = "text")]
        Text,
        #[serde(rename = "json_object")]
        JsonObject,
    }
    impl ::std::fmt::Display for ResponseFormatType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Text => f.write_str("text"),
                Self::JsonObject => f.write_str("json_object"),
            }
        }
    }
    impl ::std::str::FromStr for ResponseFormatType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "text" => Ok(Self::Text),
                "json_object" => Ok(Self::JsonObject),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for ResponseFormatType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for ResponseFormatType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///`RetrievalTool`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct RetrievalTool {
        pub knowledge_id: ::std::string::String,
        ///Template with `{{ knowledge }}` and `{{ question }}` placeholders.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub prompt_template: ::std::option::Option<::std::string::String>,
    }
    ///`SearchIntent`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct SearchIntent {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub intent: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub keywords: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub query: ::std::option::Option<::std::string::String>,
    }
    ///`SearchRecommend`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct SearchRecommend {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub query: ::std::option::Option<::std::string::String>,
    }
    ///`SearchResultItem`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct SearchResultItem {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub icon: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub link: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub media: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub refer: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub title: ::std::option::Option<::std::string::String>,
    }
    ///`SearchToolCall`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct SearchToolCall {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub search_intent: ::std::option::Option<::std::vec::Vec<SearchIntent>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub search_recommend: ::std::option::Option<::std::vec::Vec<SearchRecommend>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub search_result: ::std::option::Option<::std::vec::Vec<SearchResultItem>>,
        ///`search_intent`, `search_result` or `search_recommend`.
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
    }
    ///Sensitive-word filtering switch (SDK field; enterprise accounts only).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct SensitiveWordCheck {
        ///`ENABLE` or `DISABLE`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<::std::string::String>,
        ///`ALL`.
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
    }
    ///One `data:` event of streamed speech.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct SpeechChunk {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub choices: ::std::vec::Vec<SpeechChunkChoice>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<SpeechError>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
    }
    ///`SpeechChunkChoice`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct SpeechChunkChoice {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub delta: ::std::option::Option<SpeechDelta>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub finish_reason: ::std::option::Option<crate::types::FinishReason>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
    }
    ///`SpeechDelta`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct SpeechDelta {
        ///A piece of audio, encoded as `encode_format` says.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role: ::std::option::Option<crate::types::Role>,
    }
    ///`SpeechError`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct SpeechError {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
    }
    ///`SpeechRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct SpeechRequest {
        ///Encoding of streamed audio chunks.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub encode_format: ::std::option::Option<SpeechRequestEncodeFormat>,
        ///The text to speak.
        pub input: ::std::string::String,
        ///`glm-tts`.
        pub model: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub response_format: ::std::option::Option<SpeechRequestResponseFormat>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub sensitive_word_check: ::std::option::Option<SensitiveWordCheck>,
        ///0.5–2.0 (server default 1.0).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub speed: ::std::option::Option<f64>,
        ///Stream the audio as server-sent events (server default false).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub stream: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
        ///A system voice (e.g. `tongtong`) or a cloned voice id.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub voice: ::std::option::Option<::std::string::String>,
        ///(0, 10] (server default 1.0).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub volume: ::std::option::Option<f64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub watermark_enabled: ::std::option::Option<bool>,
    }
    ///Encoding of streamed audio chunks.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum SpeechRequestEncodeFormat {
        #[serde(rename = "base64")]
        Base64,
        #[serde(rename = "hex")]
        Hex,
    }
    impl ::std::fmt::Display for SpeechRequestEncodeFormat {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Base64 => f.write_str("base64"),
                Self::Hex => f.write_str("hex"),
            }
        }
    }
    impl ::std::str::FromStr for SpeechRequestEncodeFormat {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "base64" => Ok(Self::Base64),
                "hex" => Ok(Self::Hex),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for SpeechRequestEncodeFormat {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for SpeechRequestEncodeFormat {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///`SpeechRequestResponseFormat`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum SpeechRequestResponseFormat {
        #[serde(rename = "wav")]
        Wav,
        #[serde(rename = "pcm")]
        Pcm,
    }
    impl ::std::fmt::Display for SpeechRequestResponseFormat {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Wav => f.write_str("wav"),
                Self::Pcm => f.write_str("pcm"),
            }
        }
    }
    impl ::std::str::FromStr for SpeechRequestResponseFormat {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "wav" => Ok(Self::Wav),
                "pcm" => Ok(Self::Pcm),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for SpeechRequestResponseFormat {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for SpeechRequestResponseFormat {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///`TokenizerRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct TokenizerRequest {
        pub messages: ::std::vec::Vec<ChatMessage>,
        ///e.g. `glm-4.6`, `glm-4.6v`, `glm-4.5`.
        pub model: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub tools: ::std::vec::Vec<ChatTool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
    }
    ///`TokenizerResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct TokenizerResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub usage: ::std::option::Option<TokenizerUsage>,
    }
    ///`TokenizerUsage`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct TokenizerUsage {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub image_tokens: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub prompt_tokens: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total_tokens: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub video_tokens: ::std::option::Option<i64>,
    }
    ///`ToolCall`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ToolCall {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub function: ::std::option::Option<FunctionCall>,
        ///e.g. `call_-7807252050131023498` or `call_<hex>`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<crate::types::ToolType>,
    }
    ///`ToolCallChoice`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ToolCallChoice {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub finish_reason: ::std::option::Option<crate::types::FinishReason>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<ToolCallMessage>,
    }
    ///One `data:` event of a streamed `createToolCall`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ToolCallChunk {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub choices: ::std::vec::Vec<ToolCallChunkChoice>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
    }
    ///`ToolCallChunkChoice`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ToolCallChunkChoice {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub delta: ::std::option::Option<ToolCallMessage>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub finish_reason: ::std::option::Option<crate::types::FinishReason>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub index: ::std::option::Option<i64>,
    }
    ///`ToolCallMessage`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ToolCallMessage {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role: ::std::option::Option<crate::types::Role>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub tool_calls: ::std::option::Option<::std::vec::Vec<SearchToolCall>>,
    }
    ///`ToolCallRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ToolCallRequest {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub location: ::std::option::Option<::std::string::String>,
        pub messages: ::std::vec::Vec<ChatMessage>,
        ///`web-search-pro`.
        pub model: ::std::string::String,
        ///Only results updated within N days (1–30).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub recent_days: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        ///Search scope (server default the whole web).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub scope: ::std::option::Option<::std::string::String>,
        ///Stream as server-sent events (server default false).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub stream: ::std::option::Option<bool>,
    }
    ///`ToolCallResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ToolCallResponse {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub choices: ::std::vec::Vec<ToolCallChoice>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
    }
    ///`"auto"`, or a specific function to force.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    pub enum ToolChoice {
        String(::std::string::String),
        NamedToolChoice(NamedToolChoice),
    }
    impl ::std::convert::From<NamedToolChoice> for ToolChoice {
        fn from(value: NamedToolChoice) -> Self {
            Self::NamedToolChoice(value)
        }
    }
    ///One `data:` event of a streamed transcription.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct TranscriptionChunk {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub delta: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub model: ::std::option::Option<::std::string::String>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<crate::types::TranscriptionEventType>,
    }
    ///`TranscriptionResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct TranscriptionResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub model: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        ///Timed segments (Java SDK only).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub segments: ::std::option::Option<::std::vec::Vec<TranscriptionSegment>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub text: ::std::option::Option<::std::string::String>,
    }
    ///`TranscriptionSegment`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct TranscriptionSegment {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub end: ::std::option::Option<f64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub start: ::std::option::Option<f64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub text: ::std::option::Option<::std::string::String>,
    }
    ///`Usage`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct Usage {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub completion_tokens: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub completion_tokens_details: ::std::option::Option<
            UsageCompletionTokensDetails,
        >,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub prompt_tokens: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub prompt_tokens_details: ::std::option::Option<UsagePromptTokensDetails>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total_tokens: ::std::option::Option<i64>,
    }
    ///`UsageCompletionTokensDetails`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct UsageCompletionTokensDetails {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub reasoning_tokens: ::std::option::Option<i64>,
    }
    ///`UsagePromptTokensDetails`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct UsagePromptTokensDetails {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub cached_tokens: ::std::option::Option<i64>,
    }
    ///Plain text, or an array of multimodal parts (vision models).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    pub enum UserContent {
        String(::std::string::String),
        Array(::std::vec::Vec<ContentPart>),
    }
    impl ::std::convert::From<::std::vec::Vec<ContentPart>> for UserContent {
        fn from(value: ::std::vec::Vec<ContentPart>) -> Self {
            Self::Array(value)
        }
    }
    ///`VideoGenerationRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct VideoGenerationRequest {
        ///Vidu: `16:9`, `9:16` or `1:1`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub aspect_ratio: ::std::option::Option<::std::string::String>,
        ///Seconds, 5 or 10 (Vidu q1 5, vidu2 4).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub duration: ::std::option::Option<i64>,
        ///30 or 60.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub fps: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub image_url: ::std::option::Option<VideoImageInput>,
        ///`cogvideox-3`, or a Vidu model (`viduq1-text`, `viduq1-image`, `vidu2-image`, `viduq1-start-end`, `vidu2-start-end`, `vidu2-reference`).
        pub model: ::std::string::String,
        ///Vidu: `auto`, `small`, `medium` or `large`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub movement_amplitude: ::std::option::Option<::std::string::String>,
        ///Text description of the video (at most 512 characters).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub prompt: ::std::option::Option<::std::string::String>,
        ///`speed` (server default) or `quality` (CogVideoX-3).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub quality: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        ///e.g. `1920x1080`, `1280x720`, `3840x2160`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub size: ::std::option::Option<::std::string::String>,
        ///Vidu text-to-video: `general` or `anime`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub style: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
        ///Generate an audio track (server default false).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub with_audio: ::std::option::Option<bool>,
    }
    ///One image (URL or `data:` base64), or several (first/last frame, references).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    pub enum VideoImageInput {
        String(::std::string::String),
        Array(::std::vec::Vec<::std::string::String>),
    }
    impl ::std::convert::From<::std::vec::Vec<::std::string::String>>
    for VideoImageInput {
        fn from(value: ::std::vec::Vec<::std::string::String>) -> Self {
            Self::Array(value)
        }
    }
    ///`VideoResult`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct VideoResult {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub cover_image_url: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub url: ::std::option::Option<::std::string::String>,
    }
    ///`VoiceCloneRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct VoiceCloneRequest {
        ///The uploaded sample (purpose `voice-clone-input`).
        pub file_id: ::std::string::String,
        ///Text spoken in the preview audio.
        pub input: ::std::string::String,
        pub model: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        ///The transcript of the sample audio.
        pub text: ::std::string::String,
        pub voice_name: ::std::string::String,
    }
    ///`VoiceCloneResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct VoiceCloneResponse {
        ///The preview audio file.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub file_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub file_purpose: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub voice: ::std::option::Option<::std::string::String>,
    }
    ///`VoiceDeleteRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct VoiceDeleteRequest {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        pub voice: ::std::string::String,
    }
    ///`VoiceDeleteResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct VoiceDeleteResponse {
        ///`yyyy-MM-dd HH:mm:ss`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub update_time: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub voice: ::std::option::Option<::std::string::String>,
    }
    ///`VoiceInfo`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct VoiceInfo {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub create_time: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub download_url: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub voice: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub voice_name: ::std::option::Option<::std::string::String>,
        ///`OFFICIAL` or `PRIVATE`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub voice_type: ::std::option::Option<::std::string::String>,
    }
    ///`VoiceList`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct VoiceList {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub voice_list: ::std::vec::Vec<VoiceInfo>,
    }
    ///`WebSearchRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct WebSearchRequest {
        ///`medium` or `high` (SDKs).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content_size: ::std::option::Option<::std::string::String>,
        ///Results to return, 1–50 (server default 10).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub count: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub search_domain_filter: ::std::option::Option<::std::string::String>,
        ///`search-prime`.
        pub search_engine: ::std::string::String,
        pub search_query: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub search_recency_filter: ::std::option::Option<
            WebSearchRequestSearchRecencyFilter,
        >,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
    }
    ///`WebSearchRequestSearchRecencyFilter`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum WebSearchRequestSearchRecencyFilter {
        #[serde(rename = "oneDay")]
        OneDay,
        #[serde(rename = "oneWeek")]
        OneWeek,
        #[serde(rename = "oneMonth")]
        OneMonth,
        #[serde(rename = "oneYear")]
        OneYear,
        #[serde(rename = "noLimit")]
        NoLimit,
    }
    impl ::std::fmt::Display for WebSearchRequestSearchRecencyFilter {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::OneDay => f.write_str("oneDay"),
                Self::OneWeek => f.write_str("oneWeek"),
                Self::OneMonth => f.write_str("oneMonth"),
                Self::OneYear => f.write_str("oneYear"),
                Self::NoLimit => f.write_str("noLimit"),
            }
        }
    }
    impl ::std::str::FromStr for WebSearchRequestSearchRecencyFilter {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "oneDay" => Ok(Self::OneDay),
                "oneWeek" => Ok(Self::OneWeek),
                "oneMonth" => Ok(Self::OneMonth),
                "oneYear" => Ok(Self::OneYear),
                "noLimit" => Ok(Self::NoLimit),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for WebSearchRequestSearchRecencyFilter {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String>
    for WebSearchRequestSearchRecencyFilter {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///`WebSearchResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct WebSearchResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub search_intent: ::std::option::Option<::std::vec::Vec<SearchIntent>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub search_result: ::std::option::Option<::std::vec::Vec<WebSearchResult>>,
    }
    ///`WebSearchResult`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct WebSearchResult {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub icon: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub link: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub media: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub publish_date: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub refer: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub title: ::std::option::Option<::std::string::String>,
    }
    ///`WebSearchTool`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct WebSearchTool {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content_size: ::std::option::Option<WebSearchToolContentSize>,
        ///Results to return, 1–50 (server default 10).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub count: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub enable: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub require_search: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub result_sequence: ::std::option::Option<WebSearchToolResultSequence>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub search_domain_filter: ::std::option::Option<::std::string::String>,
        ///e.g. `search_pro_jina`.
        pub search_engine: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub search_prompt: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub search_query: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub search_recency_filter: ::std::option::Option<
            WebSearchToolSearchRecencyFilter,
        >,
        ///Return the search results in the response's `web_search` array.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub search_result: ::std::option::Option<bool>,
    }
    ///`WebSearchToolContentSize`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum WebSearchToolContentSize {
        #[serde(rename = "medium")]
        Medium,
        #[serde(rename = "high")]
        High,
    }
    impl ::std::fmt::Display for WebSearchToolContentSize {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Medium => f.write_str("medium"),
                Self::High => f.write_str("high"),
            }
        }
    }
    impl ::std::str::FromStr for WebSearchToolContentSize {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "medium" => Ok(Self::Medium),
                "high" => Ok(Self::High),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for WebSearchToolContentSize {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for WebSearchToolContentSize {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///`WebSearchToolResultSequence`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum WebSearchToolResultSequence {
        #[serde(rename = "before")]
        Before,
        #[serde(rename = "after")]
        After,
    }
    impl ::std::fmt::Display for WebSearchToolResultSequence {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Before => f.write_str("before"),
                Self::After => f.write_str("after"),
            }
        }
    }
    impl ::std::str::FromStr for WebSearchToolResultSequence {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "before" => Ok(Self::Before),
                "after" => Ok(Self::After),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for WebSearchToolResultSequence {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for WebSearchToolResultSequence {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///`WebSearchToolSearchRecencyFilter`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum WebSearchToolSearchRecencyFilter {
        #[serde(rename = "oneDay")]
        OneDay,
        #[serde(rename = "oneWeek")]
        OneWeek,
        #[serde(rename = "oneMonth")]
        OneMonth,
        #[serde(rename = "oneYear")]
        OneYear,
        #[serde(rename = "noLimit")]
        NoLimit,
    }
    impl ::std::fmt::Display for WebSearchToolSearchRecencyFilter {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::OneDay => f.write_str("oneDay"),
                Self::OneWeek => f.write_str("oneWeek"),
                Self::OneMonth => f.write_str("oneMonth"),
                Self::OneYear => f.write_str("oneYear"),
                Self::NoLimit => f.write_str("noLimit"),
            }
        }
    }
    impl ::std::str::FromStr for WebSearchToolSearchRecencyFilter {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "oneDay" => Ok(Self::OneDay),
                "oneWeek" => Ok(Self::OneWeek),
                "oneMonth" => Ok(Self::OneMonth),
                "oneYear" => Ok(Self::OneYear),
                "noLimit" => Ok(Self::NoLimit),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for WebSearchToolSearchRecencyFilter {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String>
    for WebSearchToolSearchRecencyFilter {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
    crate::open_enum::open_enum! {
        #[doc = " Why generation stopped; new values parse as `Unknown`."]
        AnthropicStopReason { EndTurn = "end_turn", MaxTokens = "max_tokens",
        StopSequence = "stop_sequence", ToolUse = "tool_use", PauseTurn = "pause_turn",
        Refusal = "refusal" }
    }
    crate::open_enum::open_enum! {
        #[doc = " State of a batch; new values parse as `Unknown`."] BatchStatus {
        Validating = "validating", Failed = "failed", InProgress = "in_progress",
        Finalizing = "finalizing", Completed = "completed", Expired = "expired",
        Cancelling = "cancelling", Cancelled = "cancelled" }
    }
    crate::open_enum::open_enum! {
        #[doc = " Why generation stopped; new values parse as `Unknown`."] FinishReason {
        Stop = "stop", ToolCalls = "tool_calls", Length = "length", Sensitive =
        "sensitive", ModelContextWindowExceeded = "model_context_window_exceeded",
        NetworkError = "network_error" }
    }
    crate::open_enum::open_enum! {
        RiskLevel { Pass = "PASS", Review = "REVIEW", Reject = "REJECT" }
    }
    crate::open_enum::open_enum! {
        Role { Assistant = "assistant", User = "user", System = "system", Tool = "tool" }
    }
    crate::open_enum::open_enum! {
        #[doc = " State of an asynchronous task; new values parse as `Unknown`."]
        TaskStatus { Processing = "PROCESSING", Success = "SUCCESS", Fail = "FAIL" }
    }
    crate::open_enum::open_enum! {
        ToolType { Function = "function", WebSearch = "web_search", Retrieval =
        "retrieval", Mcp = "mcp" }
    }
    crate::open_enum::open_enum! {
        TranscriptionEventType { TranscriptTextDelta = "transcript.text.delta",
        TranscriptTextDone = "transcript.text.done" }
    }
    /// Multipart body of `createSpeechCustomization`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct SpeechCustomizationRequest {
        /// The text to speak.
        pub input: String,
        pub model: String,
        pub request_id: Option<String>,
        /// `wav` or `pcm`.
        pub response_format: Option<String>,
        pub user_id: Option<String>,
        /// The sample recording (wav/mp3).
        pub voice_data: crate::FilePart,
        /// The transcript of `voice_data`.
        pub voice_text: String,
        pub watermark_enabled: Option<bool>,
    }
    /// Multipart body of `createTranscription`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct TranscriptionRequest {
        /// The audio (`.wav`/`.mp3`, at most 25 MB and 30 s).
        pub file: Option<crate::FilePart>,
        /// The audio as base64, instead of `file`.
        pub file_base64: Option<String>,
        /// Domain words to favour (at most 100).
        pub hotwords: Vec<String>,
        /// `glm-asr-2512`.
        pub model: String,
        /// Preceding context (under 8000 characters).
        pub prompt: Option<String>,
        pub request_id: Option<String>,
        /// Stream the transcript (server default false).
        pub stream: Option<bool>,
        pub user_id: Option<String>,
    }
    /// Multipart body of `uploadFile`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct FileUploadRequest {
        /// The file (`agent` ≤100 MB pdf/doc/xlsx/ppt/txt/jpg/png).
        pub file: crate::FilePart,
        /// `agent` or `user_data`.
        pub purpose: String,
    }
    /// Multipart body of `recognizeHandwriting`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct HandwritingOcrRequest {
        pub file: crate::FilePart,
        /// e.g. `CHN_ENG`.
        pub language_type: Option<String>,
        /// Return per-line confidence.
        pub probability: Option<bool>,
        /// `hand_write`.
        pub tool_type: String,
    }
    /// Multipart body of `createFileParseTask` and `parseFileSync`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct FileParseRequest {
        pub file: crate::FilePart,
        /// e.g. `pdf`, `docx`, `png`.
        pub file_type: String,
        /// `lite`, `expert`, `prime` (tasks) or `prime-sync` (sync).
        pub tool_type: String,
    }
}
impl types::AgentAsyncResultRequest {
    /// A `AgentAsyncResultRequest` with its required fields; set the others with the setters.
    pub fn new(
        agent_id: impl Into<::std::string::String>,
        async_id: impl Into<::std::string::String>,
    ) -> Self {
        Self {
            agent_id: agent_id.into(),
            async_id: async_id.into(),
        }
    }
}
impl types::AgentAsyncResultResponse {
    /// Sets `agent_id`.
    pub fn agent_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.agent_id = Some(value.into());
        self
    }
    /// Sets `async_id`.
    pub fn async_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.async_id = Some(value.into());
        self
    }
    /// Sets `choices`.
    pub fn choices(
        mut self,
        value: impl Into<::std::vec::Vec<types::AgentResultChoice>>,
    ) -> Self {
        self.choices = Some(value.into());
        self
    }
    /// Sets `error`.
    pub fn error(mut self, value: impl Into<types::AgentError>) -> Self {
        self.error = Some(value.into());
        self
    }
    /// Sets `status`.
    pub fn status(mut self, value: impl Into<::std::string::String>) -> Self {
        self.status = Some(value.into());
        self
    }
}
impl types::AgentChoice {
    /// Sets `finish_reason`.
    pub fn finish_reason(mut self, value: impl Into<::std::string::String>) -> Self {
        self.finish_reason = Some(value.into());
        self
    }
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
    /// Sets `message`.
    pub fn message(mut self, value: impl Into<::serde_json::Value>) -> Self {
        self.message = Some(value.into());
        self
    }
    /// Sets `messages`.
    pub fn messages(mut self, value: impl Into<::serde_json::Value>) -> Self {
        self.messages = Some(value.into());
        self
    }
}
impl types::AgentChunkChoice {
    /// Sets `delta`.
    pub fn delta(mut self, value: impl Into<types::AgentDelta>) -> Self {
        self.delta = Some(value.into());
        self
    }
    /// Sets `finish_reason`.
    pub fn finish_reason(mut self, value: impl Into<::std::string::String>) -> Self {
        self.finish_reason = Some(value.into());
        self
    }
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
}
impl types::AgentCompletionChunk {
    /// Sets `agent_id`.
    pub fn agent_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.agent_id = Some(value.into());
        self
    }
    /// Sets `choices`.
    pub fn choices(
        mut self,
        value: impl Into<::std::vec::Vec<types::AgentChunkChoice>>,
    ) -> Self {
        self.choices = value.into();
        self
    }
    /// Sets `conversation_id`.
    pub fn conversation_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.conversation_id = Some(value.into());
        self
    }
    /// Sets `error`.
    pub fn error(mut self, value: impl Into<types::AgentError>) -> Self {
        self.error = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `usage`.
    pub fn usage(mut self, value: impl Into<types::AgentUsage>) -> Self {
        self.usage = Some(value.into());
        self
    }
}
impl types::AgentCompletionRequest {
    /// A `AgentCompletionRequest` with its required fields; set the others with the setters.
    pub fn new(
        agent_id: impl Into<::std::string::String>,
        messages: impl Into<::std::vec::Vec<types::AgentInputMessage>>,
    ) -> Self {
        Self {
            agent_id: agent_id.into(),
            messages: messages.into(),
            conversation_id: Default::default(),
            custom_variables: Default::default(),
            request_id: Default::default(),
            stream: Default::default(),
        }
    }
    /// Sets `conversation_id`.
    pub fn conversation_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.conversation_id = Some(value.into());
        self
    }
    /// Sets `custom_variables`.
    pub fn custom_variables(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.custom_variables = value.into();
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `stream`.
    pub fn stream(mut self, value: impl Into<bool>) -> Self {
        self.stream = Some(value.into());
        self
    }
}
impl types::AgentCompletionResponse {
    /// Sets `agent_id`.
    pub fn agent_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.agent_id = Some(value.into());
        self
    }
    /// Sets `async_id`.
    pub fn async_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.async_id = Some(value.into());
        self
    }
    /// Sets `choices`.
    pub fn choices(
        mut self,
        value: impl Into<::std::vec::Vec<types::AgentChoice>>,
    ) -> Self {
        self.choices = Some(value.into());
        self
    }
    /// Sets `conversation_id`.
    pub fn conversation_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.conversation_id = Some(value.into());
        self
    }
    /// Sets `error`.
    pub fn error(mut self, value: impl Into<types::AgentError>) -> Self {
        self.error = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `status`.
    pub fn status(mut self, value: impl Into<::std::string::String>) -> Self {
        self.status = Some(value.into());
        self
    }
    /// Sets `usage`.
    pub fn usage(mut self, value: impl Into<types::AgentUsage>) -> Self {
        self.usage = Some(value.into());
        self
    }
}
impl types::AgentConversationPage {
    /// Sets `height`.
    pub fn height(mut self, value: impl Into<i64>) -> Self {
        self.height = Some(value.into());
        self
    }
    /// Sets `position`.
    pub fn position(mut self, value: impl Into<i64>) -> Self {
        self.position = Some(value.into());
        self
    }
    /// Sets `width`.
    pub fn width(mut self, value: impl Into<i64>) -> Self {
        self.width = Some(value.into());
        self
    }
}
impl types::AgentConversationRequest {
    /// A `AgentConversationRequest` with its required fields; set the others with the setters.
    pub fn new(
        agent_id: impl Into<::std::string::String>,
        conversation_id: impl Into<::std::string::String>,
    ) -> Self {
        Self {
            agent_id: agent_id.into(),
            conversation_id: conversation_id.into(),
            custom_variables: Default::default(),
        }
    }
    /// Sets `custom_variables`.
    pub fn custom_variables(
        mut self,
        value: impl Into<types::AgentConversationVariables>,
    ) -> Self {
        self.custom_variables = Some(value.into());
        self
    }
}
impl types::AgentConversationResponse {
    /// Sets `agent_id`.
    pub fn agent_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.agent_id = Some(value.into());
        self
    }
    /// Sets `choices`.
    pub fn choices(
        mut self,
        value: impl Into<::std::vec::Vec<types::AgentResultChoice>>,
    ) -> Self {
        self.choices = Some(value.into());
        self
    }
    /// Sets `conversation_id`.
    pub fn conversation_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.conversation_id = Some(value.into());
        self
    }
    /// Sets `error`.
    pub fn error(mut self, value: impl Into<types::AgentError>) -> Self {
        self.error = Some(value.into());
        self
    }
}
impl types::AgentConversationVariables {
    /// Sets `include_pdf`.
    pub fn include_pdf(mut self, value: impl Into<bool>) -> Self {
        self.include_pdf = Some(value.into());
        self
    }
    /// Sets `pages`.
    pub fn pages(
        mut self,
        value: impl Into<::std::vec::Vec<types::AgentConversationPage>>,
    ) -> Self {
        self.pages = value.into();
        self
    }
}
impl types::AgentDelta {
    /// Sets `content`.
    pub fn content(mut self, value: impl Into<::serde_json::Value>) -> Self {
        self.content = Some(value.into());
        self
    }
    /// Sets `role`.
    pub fn role(mut self, value: impl Into<::std::string::String>) -> Self {
        self.role = Some(value.into());
        self
    }
}
impl types::AgentError {
    /// Sets `code`.
    pub fn code(mut self, value: impl Into<::std::string::String>) -> Self {
        self.code = Some(value.into());
        self
    }
    /// Sets `message`.
    pub fn message(mut self, value: impl Into<::std::string::String>) -> Self {
        self.message = Some(value.into());
        self
    }
}
impl types::AgentInputMessage {
    /// A `AgentInputMessage` with its required fields; set the others with the setters.
    pub fn new(
        role: impl Into<::std::string::String>,
        content: impl Into<types::AgentInputContent>,
    ) -> Self {
        Self {
            role: role.into(),
            content: content.into(),
        }
    }
}
impl types::AgentResultChoice {
    /// Sets `finish_reason`.
    pub fn finish_reason(mut self, value: impl Into<::std::string::String>) -> Self {
        self.finish_reason = Some(value.into());
        self
    }
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
    /// Sets `message`.
    pub fn message(
        mut self,
        value: impl Into<::std::vec::Vec<types::AgentResultMessage>>,
    ) -> Self {
        self.message = Some(value.into());
        self
    }
}
impl types::AgentResultContent {
    /// Sets `file_url`.
    pub fn file_url(mut self, value: impl Into<::std::string::String>) -> Self {
        self.file_url = Some(value.into());
        self
    }
    /// Sets `image_url`.
    pub fn image_url(mut self, value: impl Into<::std::string::String>) -> Self {
        self.image_url = Some(value.into());
        self
    }
    /// Sets `tag_cn`.
    pub fn tag_cn(mut self, value: impl Into<::std::string::String>) -> Self {
        self.tag_cn = Some(value.into());
        self
    }
    /// Sets `tag_en`.
    pub fn tag_en(mut self, value: impl Into<::std::string::String>) -> Self {
        self.tag_en = Some(value.into());
        self
    }
    /// Sets `type_`.
    pub fn type_(mut self, value: impl Into<::std::string::String>) -> Self {
        self.type_ = Some(value.into());
        self
    }
    /// Sets `video_url`.
    pub fn video_url(mut self, value: impl Into<::std::string::String>) -> Self {
        self.video_url = Some(value.into());
        self
    }
}
impl types::AgentResultMessage {
    /// Sets `content`.
    pub fn content(
        mut self,
        value: impl Into<::std::vec::Vec<types::AgentResultContent>>,
    ) -> Self {
        self.content = value.into();
        self
    }
    /// Sets `role`.
    pub fn role(mut self, value: impl Into<::std::string::String>) -> Self {
        self.role = Some(value.into());
        self
    }
}
impl types::AgentUsage {
    /// Sets `completion_tokens`.
    pub fn completion_tokens(mut self, value: impl Into<i64>) -> Self {
        self.completion_tokens = Some(value.into());
        self
    }
    /// Sets `prompt_tokens`.
    pub fn prompt_tokens(mut self, value: impl Into<i64>) -> Self {
        self.prompt_tokens = Some(value.into());
        self
    }
    /// Sets `total_calls`.
    pub fn total_calls(mut self, value: impl Into<i64>) -> Self {
        self.total_calls = Some(value.into());
        self
    }
    /// Sets `total_tokens`.
    pub fn total_tokens(mut self, value: impl Into<i64>) -> Self {
        self.total_tokens = Some(value.into());
        self
    }
}
impl types::AnthropicErrorBody {
    /// Sets `message`.
    pub fn message(mut self, value: impl Into<::std::string::String>) -> Self {
        self.message = Some(value.into());
        self
    }
    /// Sets `type_`.
    pub fn type_(mut self, value: impl Into<::std::string::String>) -> Self {
        self.type_ = Some(value.into());
        self
    }
}
impl types::AnthropicInputMessage {
    /// A `AnthropicInputMessage` with its required fields; set the others with the setters.
    pub fn new(
        role: impl Into<types::AnthropicInputMessageRole>,
        content: impl Into<types::AnthropicInputContent>,
    ) -> Self {
        Self {
            role: role.into(),
            content: content.into(),
        }
    }
}
impl types::AnthropicMessage {
    /// Sets `content`.
    pub fn content(
        mut self,
        value: impl Into<::std::vec::Vec<types::AnthropicContentBlock>>,
    ) -> Self {
        self.content = value.into();
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `model`.
    pub fn model(mut self, value: impl Into<::std::string::String>) -> Self {
        self.model = Some(value.into());
        self
    }
    /// Sets `role`.
    pub fn role(mut self, value: impl Into<::std::string::String>) -> Self {
        self.role = Some(value.into());
        self
    }
    /// Sets `stop_reason`.
    pub fn stop_reason(
        mut self,
        value: impl Into<crate::types::AnthropicStopReason>,
    ) -> Self {
        self.stop_reason = Some(value.into());
        self
    }
    /// Sets `stop_sequence`.
    pub fn stop_sequence(mut self, value: impl Into<::std::string::String>) -> Self {
        self.stop_sequence = Some(value.into());
        self
    }
    /// Sets `type_`.
    pub fn type_(mut self, value: impl Into<::std::string::String>) -> Self {
        self.type_ = Some(value.into());
        self
    }
    /// Sets `usage`.
    pub fn usage(mut self, value: impl Into<types::AnthropicUsage>) -> Self {
        self.usage = Some(value.into());
        self
    }
}
impl types::AnthropicMessageDeltaBody {
    /// Sets `stop_reason`.
    pub fn stop_reason(
        mut self,
        value: impl Into<crate::types::AnthropicStopReason>,
    ) -> Self {
        self.stop_reason = Some(value.into());
        self
    }
    /// Sets `stop_sequence`.
    pub fn stop_sequence(mut self, value: impl Into<::std::string::String>) -> Self {
        self.stop_sequence = Some(value.into());
        self
    }
}
impl types::AnthropicMessageRequest {
    /// A `AnthropicMessageRequest` with its required fields; set the others with the setters.
    pub fn new(
        model: impl Into<::std::string::String>,
        max_tokens: impl Into<i64>,
        messages: impl Into<::std::vec::Vec<types::AnthropicInputMessage>>,
    ) -> Self {
        Self {
            model: model.into(),
            max_tokens: max_tokens.into(),
            messages: messages.into(),
            metadata: Default::default(),
            stop_sequences: Default::default(),
            stream: Default::default(),
            system: Default::default(),
            temperature: Default::default(),
            thinking: Default::default(),
            tool_choice: Default::default(),
            tools: Default::default(),
            top_k: Default::default(),
            top_p: Default::default(),
        }
    }
    /// Sets `metadata`.
    pub fn metadata(mut self, value: impl Into<types::AnthropicMetadata>) -> Self {
        self.metadata = Some(value.into());
        self
    }
    /// Sets `stop_sequences`.
    pub fn stop_sequences(
        mut self,
        value: impl Into<::std::vec::Vec<::std::string::String>>,
    ) -> Self {
        self.stop_sequences = value.into();
        self
    }
    /// Sets `stream`.
    pub fn stream(mut self, value: impl Into<bool>) -> Self {
        self.stream = Some(value.into());
        self
    }
    /// Sets `system`.
    pub fn system(mut self, value: impl Into<types::AnthropicSystem>) -> Self {
        self.system = Some(value.into());
        self
    }
    /// Sets `temperature`.
    pub fn temperature(mut self, value: impl Into<f64>) -> Self {
        self.temperature = Some(value.into());
        self
    }
    /// Sets `thinking`.
    pub fn thinking(mut self, value: impl Into<types::AnthropicThinking>) -> Self {
        self.thinking = Some(value.into());
        self
    }
    /// Sets `tool_choice`.
    pub fn tool_choice(mut self, value: impl Into<types::AnthropicToolChoice>) -> Self {
        self.tool_choice = Some(value.into());
        self
    }
    /// Sets `tools`.
    pub fn tools(
        mut self,
        value: impl Into<::std::vec::Vec<types::AnthropicTool>>,
    ) -> Self {
        self.tools = value.into();
        self
    }
    /// Sets `top_k`.
    pub fn top_k(mut self, value: impl Into<i64>) -> Self {
        self.top_k = Some(value.into());
        self
    }
    /// Sets `top_p`.
    pub fn top_p(mut self, value: impl Into<f64>) -> Self {
        self.top_p = Some(value.into());
        self
    }
}
impl types::AnthropicMetadata {
    /// Sets `user_id`.
    pub fn user_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.user_id = Some(value.into());
        self
    }
}
impl types::AnthropicSystemBlock {
    /// A `AnthropicSystemBlock` with its required fields; set the others with the setters.
    pub fn new(
        type_: impl Into<types::AnthropicSystemBlockType>,
        text: impl Into<::std::string::String>,
    ) -> Self {
        Self {
            type_: type_.into(),
            text: text.into(),
        }
    }
}
impl types::AnthropicThinking {
    /// A `AnthropicThinking` with its required fields; set the others with the setters.
    pub fn new(type_: impl Into<types::AnthropicThinkingType>) -> Self {
        Self {
            type_: type_.into(),
            budget_tokens: Default::default(),
        }
    }
    /// Sets `budget_tokens`.
    pub fn budget_tokens(mut self, value: impl Into<i64>) -> Self {
        self.budget_tokens = Some(value.into());
        self
    }
}
impl types::AnthropicTool {
    /// A `AnthropicTool` with its required fields; set the others with the setters.
    pub fn new(
        name: impl Into<::std::string::String>,
        input_schema: impl Into<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
    ) -> Self {
        Self {
            name: name.into(),
            input_schema: input_schema.into(),
            description: Default::default(),
        }
    }
    /// Sets `description`.
    pub fn description(mut self, value: impl Into<::std::string::String>) -> Self {
        self.description = Some(value.into());
        self
    }
}
impl types::AnthropicUsage {
    /// Sets `cache_creation_input_tokens`.
    pub fn cache_creation_input_tokens(mut self, value: impl Into<i64>) -> Self {
        self.cache_creation_input_tokens = Some(value.into());
        self
    }
    /// Sets `cache_read_input_tokens`.
    pub fn cache_read_input_tokens(mut self, value: impl Into<i64>) -> Self {
        self.cache_read_input_tokens = Some(value.into());
        self
    }
    /// Sets `input_tokens`.
    pub fn input_tokens(mut self, value: impl Into<i64>) -> Self {
        self.input_tokens = Some(value.into());
        self
    }
    /// Sets `output_tokens`.
    pub fn output_tokens(mut self, value: impl Into<i64>) -> Self {
        self.output_tokens = Some(value.into());
        self
    }
}
impl types::AssistantAttachment {
    /// A `AssistantAttachment` with its required fields; set the others with the setters.
    pub fn new(file_id: impl Into<::std::string::String>) -> Self {
        Self { file_id: file_id.into() }
    }
}
impl types::AssistantChoice {
    /// Sets `delta`.
    pub fn delta(mut self, value: impl Into<types::AssistantDelta>) -> Self {
        self.delta = Some(value.into());
        self
    }
    /// Sets `finish_reason`.
    pub fn finish_reason(
        mut self,
        value: impl Into<crate::types::FinishReason>,
    ) -> Self {
        self.finish_reason = Some(value.into());
        self
    }
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
    /// Sets `metadata`.
    pub fn metadata(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.metadata = Some(value.into());
        self
    }
}
impl types::AssistantCompletion {
    /// Sets `assistant_id`.
    pub fn assistant_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.assistant_id = Some(value.into());
        self
    }
    /// Sets `choices`.
    pub fn choices(
        mut self,
        value: impl Into<::std::vec::Vec<types::AssistantChoice>>,
    ) -> Self {
        self.choices = value.into();
        self
    }
    /// Sets `conversation_id`.
    pub fn conversation_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.conversation_id = Some(value.into());
        self
    }
    /// Sets `created`.
    pub fn created(mut self, value: impl Into<i64>) -> Self {
        self.created = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `last_error`.
    pub fn last_error(mut self, value: impl Into<types::SpeechError>) -> Self {
        self.last_error = Some(value.into());
        self
    }
    /// Sets `metadata`.
    pub fn metadata(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.metadata = Some(value.into());
        self
    }
    /// Sets `status`.
    pub fn status(mut self, value: impl Into<::std::string::String>) -> Self {
        self.status = Some(value.into());
        self
    }
    /// Sets `usage`.
    pub fn usage(mut self, value: impl Into<types::Usage>) -> Self {
        self.usage = Some(value.into());
        self
    }
}
impl types::AssistantCompletionRequest {
    /// A `AssistantCompletionRequest` with its required fields; set the others with the setters.
    pub fn new(
        assistant_id: impl Into<::std::string::String>,
        messages: impl Into<::std::vec::Vec<types::AssistantConversationMessage>>,
    ) -> Self {
        Self {
            assistant_id: assistant_id.into(),
            messages: messages.into(),
            attachments: Default::default(),
            conversation_id: Default::default(),
            extra_parameters: Default::default(),
            metadata: Default::default(),
            model: Default::default(),
            request_id: Default::default(),
            stream: Default::default(),
            user_id: Default::default(),
        }
    }
    /// Sets `attachments`.
    pub fn attachments(
        mut self,
        value: impl Into<::std::vec::Vec<types::AssistantAttachment>>,
    ) -> Self {
        self.attachments = value.into();
        self
    }
    /// Sets `conversation_id`.
    pub fn conversation_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.conversation_id = Some(value.into());
        self
    }
    /// Sets `extra_parameters`.
    pub fn extra_parameters(
        mut self,
        value: impl Into<types::AssistantExtraParameters>,
    ) -> Self {
        self.extra_parameters = Some(value.into());
        self
    }
    /// Sets `metadata`.
    pub fn metadata(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.metadata = value.into();
        self
    }
    /// Sets `model`.
    pub fn model(mut self, value: impl Into<::std::string::String>) -> Self {
        self.model = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `stream`.
    pub fn stream(mut self, value: impl Into<bool>) -> Self {
        self.stream = Some(value.into());
        self
    }
    /// Sets `user_id`.
    pub fn user_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.user_id = Some(value.into());
        self
    }
}
impl types::AssistantConversation {
    /// Sets `assistant_id`.
    pub fn assistant_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.assistant_id = Some(value.into());
        self
    }
    /// Sets `create_time`.
    pub fn create_time(mut self, value: impl Into<i64>) -> Self {
        self.create_time = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `update_time`.
    pub fn update_time(mut self, value: impl Into<i64>) -> Self {
        self.update_time = Some(value.into());
        self
    }
    /// Sets `usage`.
    pub fn usage(mut self, value: impl Into<types::Usage>) -> Self {
        self.usage = Some(value.into());
        self
    }
}
impl types::AssistantConversationListRequest {
    /// A `AssistantConversationListRequest` with its required fields; set the others with the setters.
    pub fn new(assistant_id: impl Into<::std::string::String>) -> Self {
        Self {
            assistant_id: assistant_id.into(),
            page: Default::default(),
            page_size: Default::default(),
            request_id: Default::default(),
            user_id: Default::default(),
        }
    }
    /// Sets `page`.
    pub fn page(mut self, value: impl Into<i64>) -> Self {
        self.page = Some(value.into());
        self
    }
    /// Sets `page_size`.
    pub fn page_size(mut self, value: impl Into<i64>) -> Self {
        self.page_size = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `user_id`.
    pub fn user_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.user_id = Some(value.into());
        self
    }
}
impl types::AssistantConversationListResponse {
    /// Sets `code`.
    pub fn code(mut self, value: impl Into<i64>) -> Self {
        self.code = Some(value.into());
        self
    }
    /// Sets `data`.
    pub fn data(mut self, value: impl Into<types::AssistantConversationPage>) -> Self {
        self.data = Some(value.into());
        self
    }
    /// Sets `msg`.
    pub fn msg(mut self, value: impl Into<::std::string::String>) -> Self {
        self.msg = Some(value.into());
        self
    }
}
impl types::AssistantConversationMessage {
    /// A `AssistantConversationMessage` with its required fields; set the others with the setters.
    pub fn new(
        role: impl Into<::std::string::String>,
        content: impl Into<::std::vec::Vec<types::AssistantTextContent>>,
    ) -> Self {
        Self {
            role: role.into(),
            content: content.into(),
        }
    }
}
impl types::AssistantConversationPage {
    /// Sets `assistant_id`.
    pub fn assistant_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.assistant_id = Some(value.into());
        self
    }
    /// Sets `conversation_list`.
    pub fn conversation_list(
        mut self,
        value: impl Into<::std::vec::Vec<types::AssistantConversation>>,
    ) -> Self {
        self.conversation_list = value.into();
        self
    }
    /// Sets `has_more`.
    pub fn has_more(mut self, value: impl Into<bool>) -> Self {
        self.has_more = Some(value.into());
        self
    }
}
impl types::AssistantDelta {
    /// Sets `content`.
    pub fn content(mut self, value: impl Into<::std::string::String>) -> Self {
        self.content = Some(value.into());
        self
    }
    /// Sets `role`.
    pub fn role(mut self, value: impl Into<crate::types::Role>) -> Self {
        self.role = Some(value.into());
        self
    }
    /// Sets `tool_calls`.
    pub fn tool_calls(
        mut self,
        value: impl Into<::std::vec::Vec<types::AssistantToolCall>>,
    ) -> Self {
        self.tool_calls = Some(value.into());
        self
    }
    /// Sets `type_`.
    pub fn type_(mut self, value: impl Into<::std::string::String>) -> Self {
        self.type_ = Some(value.into());
        self
    }
}
impl types::AssistantExtraParameters {
    /// Sets `translate`.
    pub fn translate(
        mut self,
        value: impl Into<types::AssistantExtraParametersTranslate>,
    ) -> Self {
        self.translate = Some(value.into());
        self
    }
}
impl types::AssistantInfo {
    /// Sets `assistant_id`.
    pub fn assistant_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.assistant_id = Some(value.into());
        self
    }
    /// Sets `avatar`.
    pub fn avatar(mut self, value: impl Into<::std::string::String>) -> Self {
        self.avatar = Some(value.into());
        self
    }
    /// Sets `created_at`.
    pub fn created_at(mut self, value: impl Into<i64>) -> Self {
        self.created_at = Some(value.into());
        self
    }
    /// Sets `description`.
    pub fn description(mut self, value: impl Into<::std::string::String>) -> Self {
        self.description = Some(value.into());
        self
    }
    /// Sets `name`.
    pub fn name(mut self, value: impl Into<::std::string::String>) -> Self {
        self.name = Some(value.into());
        self
    }
    /// Sets `starter_prompts`.
    pub fn starter_prompts(
        mut self,
        value: impl Into<::std::vec::Vec<::std::string::String>>,
    ) -> Self {
        self.starter_prompts = Some(value.into());
        self
    }
    /// Sets `status`.
    pub fn status(mut self, value: impl Into<::std::string::String>) -> Self {
        self.status = Some(value.into());
        self
    }
    /// Sets `tools`.
    pub fn tools(
        mut self,
        value: impl Into<::std::vec::Vec<::std::string::String>>,
    ) -> Self {
        self.tools = Some(value.into());
        self
    }
    /// Sets `updated_at`.
    pub fn updated_at(mut self, value: impl Into<i64>) -> Self {
        self.updated_at = Some(value.into());
        self
    }
}
impl types::AssistantListRequest {
    /// Sets `assistant_id_list`.
    pub fn assistant_id_list(
        mut self,
        value: impl Into<::std::vec::Vec<::std::string::String>>,
    ) -> Self {
        self.assistant_id_list = value.into();
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `user_id`.
    pub fn user_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.user_id = Some(value.into());
        self
    }
}
impl types::AssistantListResponse {
    /// Sets `code`.
    pub fn code(mut self, value: impl Into<i64>) -> Self {
        self.code = Some(value.into());
        self
    }
    /// Sets `data`.
    pub fn data(
        mut self,
        value: impl Into<::std::vec::Vec<types::AssistantInfo>>,
    ) -> Self {
        self.data = value.into();
        self
    }
    /// Sets `msg`.
    pub fn msg(mut self, value: impl Into<::std::string::String>) -> Self {
        self.msg = Some(value.into());
        self
    }
}
impl types::AssistantMessage {
    /// Sets `content`.
    pub fn content(mut self, value: impl Into<::std::string::String>) -> Self {
        self.content = Some(value.into());
        self
    }
    /// Sets `reasoning_content`.
    pub fn reasoning_content(mut self, value: impl Into<::std::string::String>) -> Self {
        self.reasoning_content = Some(value.into());
        self
    }
    /// Sets `role`.
    pub fn role(mut self, value: impl Into<crate::types::Role>) -> Self {
        self.role = Some(value.into());
        self
    }
    /// Sets `tool_calls`.
    pub fn tool_calls(
        mut self,
        value: impl Into<::std::vec::Vec<types::ToolCall>>,
    ) -> Self {
        self.tool_calls = Some(value.into());
        self
    }
}
impl types::AssistantTextContent {
    /// A `AssistantTextContent` with its required fields; set the others with the setters.
    pub fn new(
        type_: impl Into<types::AssistantTextContentType>,
        text: impl Into<::std::string::String>,
    ) -> Self {
        Self {
            type_: type_.into(),
            text: text.into(),
        }
    }
}
impl types::AssistantToolCall {
    /// Sets `code_interpreter`.
    pub fn code_interpreter(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.code_interpreter = Some(value.into());
        self
    }
    /// Sets `drawing_tool`.
    pub fn drawing_tool(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.drawing_tool = Some(value.into());
        self
    }
    /// Sets `function`.
    pub fn function(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.function = Some(value.into());
        self
    }
    /// Sets `retrieval`.
    pub fn retrieval(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.retrieval = Some(value.into());
        self
    }
    /// Sets `type_`.
    pub fn type_(mut self, value: impl Into<::std::string::String>) -> Self {
        self.type_ = Some(value.into());
        self
    }
    /// Sets `web_browser`.
    pub fn web_browser(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.web_browser = Some(value.into());
        self
    }
}
impl types::AsyncChatCompletionResponse {
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `model`.
    pub fn model(mut self, value: impl Into<::std::string::String>) -> Self {
        self.model = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `task_status`.
    pub fn task_status(mut self, value: impl Into<crate::types::TaskStatus>) -> Self {
        self.task_status = Some(value.into());
        self
    }
}
impl types::AsyncResult {
    /// Sets `choices`.
    pub fn choices(
        mut self,
        value: impl Into<::std::vec::Vec<types::ChatChoice>>,
    ) -> Self {
        self.choices = Some(value.into());
        self
    }
    /// Sets `error`.
    pub fn error(mut self, value: impl Into<types::ErrorDetail>) -> Self {
        self.error = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `image_result`.
    pub fn image_result(
        mut self,
        value: impl Into<::std::vec::Vec<types::ImageUrlResult>>,
    ) -> Self {
        self.image_result = Some(value.into());
        self
    }
    /// Sets `model`.
    pub fn model(mut self, value: impl Into<::std::string::String>) -> Self {
        self.model = Some(value.into());
        self
    }
    /// Sets `optimized_prompt`.
    pub fn optimized_prompt(mut self, value: impl Into<::std::string::String>) -> Self {
        self.optimized_prompt = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `task_status`.
    pub fn task_status(mut self, value: impl Into<crate::types::TaskStatus>) -> Self {
        self.task_status = Some(value.into());
        self
    }
    /// Sets `usage`.
    pub fn usage(mut self, value: impl Into<types::Usage>) -> Self {
        self.usage = Some(value.into());
        self
    }
    /// Sets `video_result`.
    pub fn video_result(
        mut self,
        value: impl Into<::std::vec::Vec<types::VideoResult>>,
    ) -> Self {
        self.video_result = Some(value.into());
        self
    }
}
impl types::AsyncTask {
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `model`.
    pub fn model(mut self, value: impl Into<::std::string::String>) -> Self {
        self.model = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `task_status`.
    pub fn task_status(mut self, value: impl Into<crate::types::TaskStatus>) -> Self {
        self.task_status = Some(value.into());
        self
    }
}
impl types::Batch {
    /// Sets `cancelled_at`.
    pub fn cancelled_at(mut self, value: impl Into<i64>) -> Self {
        self.cancelled_at = Some(value.into());
        self
    }
    /// Sets `cancelling_at`.
    pub fn cancelling_at(mut self, value: impl Into<i64>) -> Self {
        self.cancelling_at = Some(value.into());
        self
    }
    /// Sets `completed_at`.
    pub fn completed_at(mut self, value: impl Into<i64>) -> Self {
        self.completed_at = Some(value.into());
        self
    }
    /// Sets `completion_window`.
    pub fn completion_window(mut self, value: impl Into<::std::string::String>) -> Self {
        self.completion_window = Some(value.into());
        self
    }
    /// Sets `created_at`.
    pub fn created_at(mut self, value: impl Into<i64>) -> Self {
        self.created_at = Some(value.into());
        self
    }
    /// Sets `endpoint`.
    pub fn endpoint(mut self, value: impl Into<::std::string::String>) -> Self {
        self.endpoint = Some(value.into());
        self
    }
    /// Sets `error_file_id`.
    pub fn error_file_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.error_file_id = Some(value.into());
        self
    }
    /// Sets `errors`.
    pub fn errors(mut self, value: impl Into<types::BatchErrors>) -> Self {
        self.errors = Some(value.into());
        self
    }
    /// Sets `expired_at`.
    pub fn expired_at(mut self, value: impl Into<i64>) -> Self {
        self.expired_at = Some(value.into());
        self
    }
    /// Sets `expires_at`.
    pub fn expires_at(mut self, value: impl Into<i64>) -> Self {
        self.expires_at = Some(value.into());
        self
    }
    /// Sets `failed_at`.
    pub fn failed_at(mut self, value: impl Into<i64>) -> Self {
        self.failed_at = Some(value.into());
        self
    }
    /// Sets `finalizing_at`.
    pub fn finalizing_at(mut self, value: impl Into<i64>) -> Self {
        self.finalizing_at = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `in_progress_at`.
    pub fn in_progress_at(mut self, value: impl Into<i64>) -> Self {
        self.in_progress_at = Some(value.into());
        self
    }
    /// Sets `input_file_id`.
    pub fn input_file_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.input_file_id = Some(value.into());
        self
    }
    /// Sets `metadata`.
    pub fn metadata(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.metadata = Some(value.into());
        self
    }
    /// Sets `object`.
    pub fn object(mut self, value: impl Into<::std::string::String>) -> Self {
        self.object = Some(value.into());
        self
    }
    /// Sets `output_file_id`.
    pub fn output_file_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.output_file_id = Some(value.into());
        self
    }
    /// Sets `request_counts`.
    pub fn request_counts(
        mut self,
        value: impl Into<types::BatchRequestCounts>,
    ) -> Self {
        self.request_counts = Some(value.into());
        self
    }
    /// Sets `status`.
    pub fn status(mut self, value: impl Into<crate::types::BatchStatus>) -> Self {
        self.status = Some(value.into());
        self
    }
}
impl types::BatchError {
    /// Sets `code`.
    pub fn code(mut self, value: impl Into<::std::string::String>) -> Self {
        self.code = Some(value.into());
        self
    }
    /// Sets `line`.
    pub fn line(mut self, value: impl Into<i64>) -> Self {
        self.line = Some(value.into());
        self
    }
    /// Sets `message`.
    pub fn message(mut self, value: impl Into<::std::string::String>) -> Self {
        self.message = Some(value.into());
        self
    }
    /// Sets `param`.
    pub fn param(mut self, value: impl Into<::std::string::String>) -> Self {
        self.param = Some(value.into());
        self
    }
}
impl types::BatchErrors {
    /// Sets `data`.
    pub fn data(mut self, value: impl Into<::std::vec::Vec<types::BatchError>>) -> Self {
        self.data = Some(value.into());
        self
    }
    /// Sets `object`.
    pub fn object(mut self, value: impl Into<::std::string::String>) -> Self {
        self.object = Some(value.into());
        self
    }
}
impl types::BatchList {
    /// Sets `data`.
    pub fn data(mut self, value: impl Into<::std::vec::Vec<types::Batch>>) -> Self {
        self.data = value.into();
        self
    }
    /// Sets `has_more`.
    pub fn has_more(mut self, value: impl Into<bool>) -> Self {
        self.has_more = Some(value.into());
        self
    }
    /// Sets `object`.
    pub fn object(mut self, value: impl Into<::std::string::String>) -> Self {
        self.object = Some(value.into());
        self
    }
}
impl types::BatchRequestCounts {
    /// Sets `completed`.
    pub fn completed(mut self, value: impl Into<i64>) -> Self {
        self.completed = Some(value.into());
        self
    }
    /// Sets `failed`.
    pub fn failed(mut self, value: impl Into<i64>) -> Self {
        self.failed = Some(value.into());
        self
    }
    /// Sets `total`.
    pub fn total(mut self, value: impl Into<i64>) -> Self {
        self.total = Some(value.into());
        self
    }
}
impl types::ChatChoice {
    /// Sets `finish_reason`.
    pub fn finish_reason(
        mut self,
        value: impl Into<crate::types::FinishReason>,
    ) -> Self {
        self.finish_reason = Some(value.into());
        self
    }
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
    /// Sets `message`.
    pub fn message(mut self, value: impl Into<types::AssistantMessage>) -> Self {
        self.message = Some(value.into());
        self
    }
}
impl types::ChatChunkChoice {
    /// Sets `delta`.
    pub fn delta(mut self, value: impl Into<types::ChatDelta>) -> Self {
        self.delta = Some(value.into());
        self
    }
    /// Sets `finish_reason`.
    pub fn finish_reason(
        mut self,
        value: impl Into<crate::types::FinishReason>,
    ) -> Self {
        self.finish_reason = Some(value.into());
        self
    }
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
}
impl types::ChatCompletionChunk {
    /// Sets `choices`.
    pub fn choices(
        mut self,
        value: impl Into<::std::vec::Vec<types::ChatChunkChoice>>,
    ) -> Self {
        self.choices = value.into();
        self
    }
    /// Sets `created`.
    pub fn created(mut self, value: impl Into<i64>) -> Self {
        self.created = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `model`.
    pub fn model(mut self, value: impl Into<::std::string::String>) -> Self {
        self.model = Some(value.into());
        self
    }
    /// Sets `object`.
    pub fn object(mut self, value: impl Into<::std::string::String>) -> Self {
        self.object = Some(value.into());
        self
    }
    /// Sets `usage`.
    pub fn usage(mut self, value: impl Into<types::Usage>) -> Self {
        self.usage = Some(value.into());
        self
    }
    /// Sets `web_search`.
    pub fn web_search(
        mut self,
        value: impl Into<::std::vec::Vec<types::WebSearchResult>>,
    ) -> Self {
        self.web_search = Some(value.into());
        self
    }
}
impl types::ChatCompletionRequest {
    /// A `ChatCompletionRequest` with its required fields; set the others with the setters.
    pub fn new(
        model: impl Into<::std::string::String>,
        messages: impl Into<::std::vec::Vec<types::ChatMessage>>,
    ) -> Self {
        Self {
            model: model.into(),
            messages: messages.into(),
            do_sample: Default::default(),
            max_tokens: Default::default(),
            reasoning_effort: Default::default(),
            request_id: Default::default(),
            response_format: Default::default(),
            stop: Default::default(),
            stream: Default::default(),
            temperature: Default::default(),
            thinking: Default::default(),
            tool_choice: Default::default(),
            tool_stream: Default::default(),
            tools: Default::default(),
            top_p: Default::default(),
            user_id: Default::default(),
        }
    }
    /// Sets `do_sample`.
    pub fn do_sample(mut self, value: impl Into<bool>) -> Self {
        self.do_sample = Some(value.into());
        self
    }
    /// Sets `max_tokens`.
    pub fn max_tokens(mut self, value: impl Into<i64>) -> Self {
        self.max_tokens = Some(value.into());
        self
    }
    /// Sets `reasoning_effort`.
    pub fn reasoning_effort(mut self, value: impl Into<types::ReasoningEffort>) -> Self {
        self.reasoning_effort = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `response_format`.
    pub fn response_format(mut self, value: impl Into<types::ResponseFormat>) -> Self {
        self.response_format = Some(value.into());
        self
    }
    /// Sets `stop`.
    pub fn stop(
        mut self,
        value: impl Into<::std::vec::Vec<::std::string::String>>,
    ) -> Self {
        self.stop = value.into();
        self
    }
    /// Sets `stream`.
    pub fn stream(mut self, value: impl Into<bool>) -> Self {
        self.stream = Some(value.into());
        self
    }
    /// Sets `temperature`.
    pub fn temperature(mut self, value: impl Into<f64>) -> Self {
        self.temperature = Some(value.into());
        self
    }
    /// Sets `thinking`.
    pub fn thinking(mut self, value: impl Into<types::ChatThinking>) -> Self {
        self.thinking = Some(value.into());
        self
    }
    /// Sets `tool_choice`.
    pub fn tool_choice(mut self, value: impl Into<types::ToolChoice>) -> Self {
        self.tool_choice = Some(value.into());
        self
    }
    /// Sets `tool_stream`.
    pub fn tool_stream(mut self, value: impl Into<bool>) -> Self {
        self.tool_stream = Some(value.into());
        self
    }
    /// Sets `tools`.
    pub fn tools(mut self, value: impl Into<::std::vec::Vec<types::ChatTool>>) -> Self {
        self.tools = value.into();
        self
    }
    /// Sets `top_p`.
    pub fn top_p(mut self, value: impl Into<f64>) -> Self {
        self.top_p = Some(value.into());
        self
    }
    /// Sets `user_id`.
    pub fn user_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.user_id = Some(value.into());
        self
    }
}
impl types::ChatCompletionResponse {
    /// Sets `choices`.
    pub fn choices(
        mut self,
        value: impl Into<::std::vec::Vec<types::ChatChoice>>,
    ) -> Self {
        self.choices = value.into();
        self
    }
    /// Sets `created`.
    pub fn created(mut self, value: impl Into<i64>) -> Self {
        self.created = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `model`.
    pub fn model(mut self, value: impl Into<::std::string::String>) -> Self {
        self.model = Some(value.into());
        self
    }
    /// Sets `object`.
    pub fn object(mut self, value: impl Into<::std::string::String>) -> Self {
        self.object = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `usage`.
    pub fn usage(mut self, value: impl Into<types::Usage>) -> Self {
        self.usage = Some(value.into());
        self
    }
    /// Sets `web_search`.
    pub fn web_search(
        mut self,
        value: impl Into<::std::vec::Vec<types::WebSearchResult>>,
    ) -> Self {
        self.web_search = Some(value.into());
        self
    }
}
impl types::ChatDelta {
    /// Sets `content`.
    pub fn content(mut self, value: impl Into<::std::string::String>) -> Self {
        self.content = Some(value.into());
        self
    }
    /// Sets `reasoning_content`.
    pub fn reasoning_content(mut self, value: impl Into<::std::string::String>) -> Self {
        self.reasoning_content = Some(value.into());
        self
    }
    /// Sets `role`.
    pub fn role(mut self, value: impl Into<crate::types::Role>) -> Self {
        self.role = Some(value.into());
        self
    }
    /// Sets `tool_calls`.
    pub fn tool_calls(
        mut self,
        value: impl Into<::std::vec::Vec<types::ToolCall>>,
    ) -> Self {
        self.tool_calls = Some(value.into());
        self
    }
}
impl types::ChatThinking {
    /// Sets `clear_thinking`.
    pub fn clear_thinking(mut self, value: impl Into<bool>) -> Self {
        self.clear_thinking = Some(value.into());
        self
    }
    /// Sets `type_`.
    pub fn type_(mut self, value: impl Into<types::ChatThinkingType>) -> Self {
        self.type_ = Some(value.into());
        self
    }
}
impl types::ContentFilter {
    /// Sets `level`.
    pub fn level(mut self, value: impl Into<i64>) -> Self {
        self.level = Some(value.into());
        self
    }
    /// Sets `role`.
    pub fn role(mut self, value: impl Into<::std::string::String>) -> Self {
        self.role = Some(value.into());
        self
    }
}
impl types::CreateBatchRequest {
    /// A `CreateBatchRequest` with its required fields; set the others with the setters.
    pub fn new(
        input_file_id: impl Into<::std::string::String>,
        endpoint: impl Into<::std::string::String>,
    ) -> Self {
        Self {
            input_file_id: input_file_id.into(),
            endpoint: endpoint.into(),
            auto_delete_input_file: Default::default(),
            completion_window: Default::default(),
            metadata: Default::default(),
        }
    }
    /// Sets `auto_delete_input_file`.
    pub fn auto_delete_input_file(mut self, value: impl Into<bool>) -> Self {
        self.auto_delete_input_file = Some(value.into());
        self
    }
    /// Sets `completion_window`.
    pub fn completion_window(mut self, value: impl Into<::std::string::String>) -> Self {
        self.completion_window = Some(value.into());
        self
    }
    /// Sets `metadata`.
    pub fn metadata(
        mut self,
        value: impl Into<
            ::std::collections::HashMap<::std::string::String, ::std::string::String>,
        >,
    ) -> Self {
        self.metadata = value.into();
        self
    }
}
impl types::Embedding {
    /// Sets `embedding`.
    pub fn embedding(mut self, value: impl Into<::std::vec::Vec<f64>>) -> Self {
        self.embedding = value.into();
        self
    }
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
    /// Sets `object`.
    pub fn object(mut self, value: impl Into<::std::string::String>) -> Self {
        self.object = Some(value.into());
        self
    }
}
impl types::EmbeddingRequest {
    /// A `EmbeddingRequest` with its required fields; set the others with the setters.
    pub fn new(
        model: impl Into<::std::string::String>,
        input: impl Into<types::EmbeddingInput>,
    ) -> Self {
        Self {
            model: model.into(),
            input: input.into(),
            dimensions: Default::default(),
            encoding_format: Default::default(),
            request_id: Default::default(),
            sensitive_word_check: Default::default(),
            user: Default::default(),
        }
    }
    /// Sets `dimensions`.
    pub fn dimensions(mut self, value: impl Into<i64>) -> Self {
        self.dimensions = Some(value.into());
        self
    }
    /// Sets `encoding_format`.
    pub fn encoding_format(mut self, value: impl Into<::std::string::String>) -> Self {
        self.encoding_format = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `sensitive_word_check`.
    pub fn sensitive_word_check(
        mut self,
        value: impl Into<types::SensitiveWordCheck>,
    ) -> Self {
        self.sensitive_word_check = Some(value.into());
        self
    }
    /// Sets `user`.
    pub fn user(mut self, value: impl Into<::std::string::String>) -> Self {
        self.user = Some(value.into());
        self
    }
}
impl types::EmbeddingResponse {
    /// Sets `data`.
    pub fn data(mut self, value: impl Into<::std::vec::Vec<types::Embedding>>) -> Self {
        self.data = value.into();
        self
    }
    /// Sets `model`.
    pub fn model(mut self, value: impl Into<::std::string::String>) -> Self {
        self.model = Some(value.into());
        self
    }
    /// Sets `object`.
    pub fn object(mut self, value: impl Into<::std::string::String>) -> Self {
        self.object = Some(value.into());
        self
    }
    /// Sets `usage`.
    pub fn usage(mut self, value: impl Into<types::Usage>) -> Self {
        self.usage = Some(value.into());
        self
    }
}
impl types::ErrorDetail {
    /// Sets `code`.
    pub fn code(mut self, value: impl Into<::std::string::String>) -> Self {
        self.code = Some(value.into());
        self
    }
    /// Sets `message`.
    pub fn message(mut self, value: impl Into<::std::string::String>) -> Self {
        self.message = Some(value.into());
        self
    }
}
impl types::ErrorResponse {
    /// Sets `content_filter`.
    pub fn content_filter(
        mut self,
        value: impl Into<::std::vec::Vec<types::ContentFilter>>,
    ) -> Self {
        self.content_filter = Some(value.into());
        self
    }
    /// Sets `error`.
    pub fn error(mut self, value: impl Into<types::ErrorResponseError>) -> Self {
        self.error = Some(value.into());
        self
    }
    /// Sets `path`.
    pub fn path(mut self, value: impl Into<::std::string::String>) -> Self {
        self.path = Some(value.into());
        self
    }
    /// Sets `status`.
    pub fn status(mut self, value: impl Into<i64>) -> Self {
        self.status = Some(value.into());
        self
    }
    /// Sets `timestamp`.
    pub fn timestamp(mut self, value: impl Into<::std::string::String>) -> Self {
        self.timestamp = Some(value.into());
        self
    }
}
impl types::FileDeleted {
    /// Sets `deleted`.
    pub fn deleted(mut self, value: impl Into<bool>) -> Self {
        self.deleted = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `object`.
    pub fn object(mut self, value: impl Into<::std::string::String>) -> Self {
        self.object = Some(value.into());
        self
    }
}
impl types::FileInput {
    /// Sets `file_data`.
    pub fn file_data(mut self, value: impl Into<::std::string::String>) -> Self {
        self.file_data = Some(value.into());
        self
    }
    /// Sets `file_id`.
    pub fn file_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.file_id = Some(value.into());
        self
    }
    /// Sets `file_url`.
    pub fn file_url(mut self, value: impl Into<::std::string::String>) -> Self {
        self.file_url = Some(value.into());
        self
    }
    /// Sets `filename`.
    pub fn filename(mut self, value: impl Into<::std::string::String>) -> Self {
        self.filename = Some(value.into());
        self
    }
}
impl types::FileList {
    /// Sets `data`.
    pub fn data(mut self, value: impl Into<::std::vec::Vec<types::FileObject>>) -> Self {
        self.data = value.into();
        self
    }
    /// Sets `has_more`.
    pub fn has_more(mut self, value: impl Into<bool>) -> Self {
        self.has_more = Some(value.into());
        self
    }
    /// Sets `object`.
    pub fn object(mut self, value: impl Into<::std::string::String>) -> Self {
        self.object = Some(value.into());
        self
    }
}
impl types::FileObject {
    /// Sets `bytes`.
    pub fn bytes(mut self, value: impl Into<i64>) -> Self {
        self.bytes = Some(value.into());
        self
    }
    /// Sets `created_at`.
    pub fn created_at(mut self, value: impl Into<i64>) -> Self {
        self.created_at = Some(value.into());
        self
    }
    /// Sets `filename`.
    pub fn filename(mut self, value: impl Into<::std::string::String>) -> Self {
        self.filename = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `object`.
    pub fn object(mut self, value: impl Into<::std::string::String>) -> Self {
        self.object = Some(value.into());
        self
    }
    /// Sets `purpose`.
    pub fn purpose(mut self, value: impl Into<::std::string::String>) -> Self {
        self.purpose = Some(value.into());
        self
    }
    /// Sets `status`.
    pub fn status(mut self, value: impl Into<::std::string::String>) -> Self {
        self.status = Some(value.into());
        self
    }
    /// Sets `status_details`.
    pub fn status_details(mut self, value: impl Into<::std::string::String>) -> Self {
        self.status_details = Some(value.into());
        self
    }
}
impl types::FileParseSyncResponse {
    /// Sets `content`.
    pub fn content(mut self, value: impl Into<::std::string::String>) -> Self {
        self.content = Some(value.into());
        self
    }
    /// Sets `message`.
    pub fn message(mut self, value: impl Into<::std::string::String>) -> Self {
        self.message = Some(value.into());
        self
    }
    /// Sets `parsing_result_url`.
    pub fn parsing_result_url(
        mut self,
        value: impl Into<::std::string::String>,
    ) -> Self {
        self.parsing_result_url = Some(value.into());
        self
    }
    /// Sets `status`.
    pub fn status(mut self, value: impl Into<bool>) -> Self {
        self.status = Some(value.into());
        self
    }
    /// Sets `task_id`.
    pub fn task_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.task_id = Some(value.into());
        self
    }
}
impl types::FileParseTask {
    /// Sets `message`.
    pub fn message(mut self, value: impl Into<::std::string::String>) -> Self {
        self.message = Some(value.into());
        self
    }
    /// Sets `success`.
    pub fn success(mut self, value: impl Into<bool>) -> Self {
        self.success = Some(value.into());
        self
    }
    /// Sets `task_id`.
    pub fn task_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.task_id = Some(value.into());
        self
    }
}
impl types::FunctionCall {
    /// Sets `arguments`.
    pub fn arguments(mut self, value: impl Into<::std::string::String>) -> Self {
        self.arguments = Some(value.into());
        self
    }
    /// Sets `name`.
    pub fn name(mut self, value: impl Into<::std::string::String>) -> Self {
        self.name = Some(value.into());
        self
    }
}
impl types::FunctionDefinition {
    /// A `FunctionDefinition` with its required fields; set the others with the setters.
    pub fn new(name: impl Into<::std::string::String>) -> Self {
        Self {
            name: name.into(),
            description: Default::default(),
            parameters: Default::default(),
        }
    }
    /// Sets `description`.
    pub fn description(mut self, value: impl Into<::std::string::String>) -> Self {
        self.description = Some(value.into());
        self
    }
    /// Sets `parameters`.
    pub fn parameters(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.parameters = value.into();
        self
    }
}
impl types::HandwritingOcrResponse {
    /// Sets `message`.
    pub fn message(mut self, value: impl Into<::std::string::String>) -> Self {
        self.message = Some(value.into());
        self
    }
    /// Sets `status`.
    pub fn status(mut self, value: impl Into<::std::string::String>) -> Self {
        self.status = Some(value.into());
        self
    }
    /// Sets `task_id`.
    pub fn task_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.task_id = Some(value.into());
        self
    }
    /// Sets `words_result`.
    pub fn words_result(
        mut self,
        value: impl Into<::std::vec::Vec<types::OcrWords>>,
    ) -> Self {
        self.words_result = Some(value.into());
        self
    }
    /// Sets `words_result_num`.
    pub fn words_result_num(mut self, value: impl Into<i64>) -> Self {
        self.words_result_num = Some(value.into());
        self
    }
}
impl types::ImageGenerationRequest {
    /// A `ImageGenerationRequest` with its required fields; set the others with the setters.
    pub fn new(
        model: impl Into<::std::string::String>,
        prompt: impl Into<::std::string::String>,
    ) -> Self {
        Self {
            model: model.into(),
            prompt: prompt.into(),
            quality: Default::default(),
            size: Default::default(),
            user_id: Default::default(),
        }
    }
    /// Sets `quality`.
    pub fn quality(mut self, value: impl Into<::std::string::String>) -> Self {
        self.quality = Some(value.into());
        self
    }
    /// Sets `size`.
    pub fn size(mut self, value: impl Into<::std::string::String>) -> Self {
        self.size = Some(value.into());
        self
    }
    /// Sets `user_id`.
    pub fn user_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.user_id = Some(value.into());
        self
    }
}
impl types::ImageGenerationResponse {
    /// Sets `content_filter`.
    pub fn content_filter(
        mut self,
        value: impl Into<::std::vec::Vec<types::ContentFilter>>,
    ) -> Self {
        self.content_filter = Some(value.into());
        self
    }
    /// Sets `created`.
    pub fn created(mut self, value: impl Into<i64>) -> Self {
        self.created = Some(value.into());
        self
    }
    /// Sets `data`.
    pub fn data(
        mut self,
        value: impl Into<::std::vec::Vec<types::ImageUrlResult>>,
    ) -> Self {
        self.data = value.into();
        self
    }
}
impl types::ImageUrlResult {
    /// Sets `b64_json`.
    pub fn b64_json(mut self, value: impl Into<::std::string::String>) -> Self {
        self.b64_json = Some(value.into());
        self
    }
    /// Sets `revised_prompt`.
    pub fn revised_prompt(mut self, value: impl Into<::std::string::String>) -> Self {
        self.revised_prompt = Some(value.into());
        self
    }
    /// Sets `url`.
    pub fn url(mut self, value: impl Into<::std::string::String>) -> Self {
        self.url = Some(value.into());
        self
    }
}
impl types::InputAudio {
    /// A `InputAudio` with its required fields; set the others with the setters.
    pub fn new(
        data: impl Into<::std::string::String>,
        format: impl Into<types::InputAudioFormat>,
    ) -> Self {
        Self {
            data: data.into(),
            format: format.into(),
        }
    }
}
impl types::LayoutBlock {
    /// Sets `bbox_2d`.
    pub fn bbox_2d(mut self, value: impl Into<::serde_json::Value>) -> Self {
        self.bbox_2d = Some(value.into());
        self
    }
    /// Sets `content`.
    pub fn content(mut self, value: impl Into<::std::string::String>) -> Self {
        self.content = Some(value.into());
        self
    }
    /// Sets `height`.
    pub fn height(mut self, value: impl Into<i64>) -> Self {
        self.height = Some(value.into());
        self
    }
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
    /// Sets `label`.
    pub fn label(mut self, value: impl Into<::std::string::String>) -> Self {
        self.label = Some(value.into());
        self
    }
    /// Sets `width`.
    pub fn width(mut self, value: impl Into<i64>) -> Self {
        self.width = Some(value.into());
        self
    }
}
impl types::LayoutDataInfo {
    /// Sets `num_pages`.
    pub fn num_pages(mut self, value: impl Into<i64>) -> Self {
        self.num_pages = Some(value.into());
        self
    }
    /// Sets `pages`.
    pub fn pages(
        mut self,
        value: impl Into<::std::vec::Vec<types::LayoutPageSize>>,
    ) -> Self {
        self.pages = value.into();
        self
    }
}
impl types::LayoutPageSize {
    /// Sets `height`.
    pub fn height(mut self, value: impl Into<i64>) -> Self {
        self.height = Some(value.into());
        self
    }
    /// Sets `width`.
    pub fn width(mut self, value: impl Into<i64>) -> Self {
        self.width = Some(value.into());
        self
    }
}
impl types::LayoutParsingRequest {
    /// A `LayoutParsingRequest` with its required fields; set the others with the setters.
    pub fn new(
        model: impl Into<::std::string::String>,
        file: impl Into<::std::string::String>,
    ) -> Self {
        Self {
            model: model.into(),
            file: file.into(),
            end_page_id: Default::default(),
            need_layout_visualization: Default::default(),
            request_id: Default::default(),
            return_crop_images: Default::default(),
            start_page_id: Default::default(),
            user_id: Default::default(),
        }
    }
    /// Sets `end_page_id`.
    pub fn end_page_id(mut self, value: impl Into<i64>) -> Self {
        self.end_page_id = Some(value.into());
        self
    }
    /// Sets `need_layout_visualization`.
    pub fn need_layout_visualization(mut self, value: impl Into<bool>) -> Self {
        self.need_layout_visualization = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `return_crop_images`.
    pub fn return_crop_images(mut self, value: impl Into<bool>) -> Self {
        self.return_crop_images = Some(value.into());
        self
    }
    /// Sets `start_page_id`.
    pub fn start_page_id(mut self, value: impl Into<i64>) -> Self {
        self.start_page_id = Some(value.into());
        self
    }
    /// Sets `user_id`.
    pub fn user_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.user_id = Some(value.into());
        self
    }
}
impl types::LayoutParsingResponse {
    /// Sets `created`.
    pub fn created(mut self, value: impl Into<i64>) -> Self {
        self.created = Some(value.into());
        self
    }
    /// Sets `data_info`.
    pub fn data_info(mut self, value: impl Into<types::LayoutDataInfo>) -> Self {
        self.data_info = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `layout_details`.
    pub fn layout_details(
        mut self,
        value: impl Into<::std::vec::Vec<::std::vec::Vec<types::LayoutBlock>>>,
    ) -> Self {
        self.layout_details = Some(value.into());
        self
    }
    /// Sets `layout_visualization`.
    pub fn layout_visualization(
        mut self,
        value: impl Into<::std::vec::Vec<::std::string::String>>,
    ) -> Self {
        self.layout_visualization = Some(value.into());
        self
    }
    /// Sets `md_results`.
    pub fn md_results(mut self, value: impl Into<::std::string::String>) -> Self {
        self.md_results = Some(value.into());
        self
    }
    /// Sets `model`.
    pub fn model(mut self, value: impl Into<::std::string::String>) -> Self {
        self.model = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `usage`.
    pub fn usage(mut self, value: impl Into<types::Usage>) -> Self {
        self.usage = Some(value.into());
        self
    }
}
impl types::ListBatchesQuery {
    /// Sets `after`.
    pub fn after(mut self, value: impl Into<::std::string::String>) -> Self {
        self.after = Some(value.into());
        self
    }
    /// Sets `limit`.
    pub fn limit(mut self, value: impl Into<i64>) -> Self {
        self.limit = Some(value.into());
        self
    }
}
impl types::ListFilesQuery {
    /// Sets `after`.
    pub fn after(mut self, value: impl Into<::std::string::String>) -> Self {
        self.after = Some(value.into());
        self
    }
    /// Sets `limit`.
    pub fn limit(mut self, value: impl Into<i64>) -> Self {
        self.limit = Some(value.into());
        self
    }
    /// Sets `order`.
    pub fn order(mut self, value: impl Into<::std::string::String>) -> Self {
        self.order = Some(value.into());
        self
    }
    /// Sets `purpose`.
    pub fn purpose(mut self, value: impl Into<::std::string::String>) -> Self {
        self.purpose = Some(value.into());
        self
    }
}
impl types::ListVoicesQuery {
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `voice_name`.
    pub fn voice_name(mut self, value: impl Into<::std::string::String>) -> Self {
        self.voice_name = Some(value.into());
        self
    }
    /// Sets `voice_type`.
    pub fn voice_type(mut self, value: impl Into<::std::string::String>) -> Self {
        self.voice_type = Some(value.into());
        self
    }
}
impl types::McpTool {
    /// A `McpTool` with its required fields; set the others with the setters.
    pub fn new(server_label: impl Into<::std::string::String>) -> Self {
        Self {
            server_label: server_label.into(),
            allowed_tools: Default::default(),
            headers: Default::default(),
            server_url: Default::default(),
            transport_type: Default::default(),
        }
    }
    /// Sets `allowed_tools`.
    pub fn allowed_tools(
        mut self,
        value: impl Into<::std::vec::Vec<::std::string::String>>,
    ) -> Self {
        self.allowed_tools = value.into();
        self
    }
    /// Sets `headers`.
    pub fn headers(
        mut self,
        value: impl Into<
            ::std::collections::HashMap<::std::string::String, ::std::string::String>,
        >,
    ) -> Self {
        self.headers = value.into();
        self
    }
    /// Sets `server_url`.
    pub fn server_url(mut self, value: impl Into<::std::string::String>) -> Self {
        self.server_url = Some(value.into());
        self
    }
    /// Sets `transport_type`.
    pub fn transport_type(
        mut self,
        value: impl Into<types::McpToolTransportType>,
    ) -> Self {
        self.transport_type = Some(value.into());
        self
    }
}
impl types::MediaUrl {
    /// A `MediaUrl` with its required fields; set the others with the setters.
    pub fn new(url: impl Into<::std::string::String>) -> Self {
        Self { url: url.into() }
    }
}
impl types::ModerationRequest {
    /// A `ModerationRequest` with its required fields; set the others with the setters.
    pub fn new(
        model: impl Into<::std::string::String>,
        input: impl Into<types::ModerationInput>,
    ) -> Self {
        Self {
            model: model.into(),
            input: input.into(),
        }
    }
}
impl types::ModerationResponse {
    /// Sets `created`.
    pub fn created(mut self, value: impl Into<i64>) -> Self {
        self.created = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `result_list`.
    pub fn result_list(
        mut self,
        value: impl Into<::std::vec::Vec<types::ModerationResult>>,
    ) -> Self {
        self.result_list = value.into();
        self
    }
    /// Sets `usage`.
    pub fn usage(mut self, value: impl Into<types::ModerationUsage>) -> Self {
        self.usage = Some(value.into());
        self
    }
}
impl types::ModerationResult {
    /// Sets `content_type`.
    pub fn content_type(mut self, value: impl Into<::std::string::String>) -> Self {
        self.content_type = Some(value.into());
        self
    }
    /// Sets `risk_level`.
    pub fn risk_level(mut self, value: impl Into<crate::types::RiskLevel>) -> Self {
        self.risk_level = Some(value.into());
        self
    }
    /// Sets `risk_type`.
    pub fn risk_type(
        mut self,
        value: impl Into<::std::vec::Vec<::std::string::String>>,
    ) -> Self {
        self.risk_type = Some(value.into());
        self
    }
}
impl types::ModerationUsage {
    /// Sets `moderation_text`.
    pub fn moderation_text(
        mut self,
        value: impl Into<types::ModerationUsageModerationText>,
    ) -> Self {
        self.moderation_text = Some(value.into());
        self
    }
}
impl types::NamedToolChoice {
    /// A `NamedToolChoice` with its required fields; set the others with the setters.
    pub fn new(
        type_: impl Into<types::NamedToolChoiceType>,
        function: impl Into<types::NamedToolChoiceFunction>,
    ) -> Self {
        Self {
            type_: type_.into(),
            function: function.into(),
        }
    }
}
impl types::OcrWords {
    /// Sets `location`.
    pub fn location(mut self, value: impl Into<types::OcrWordsLocation>) -> Self {
        self.location = Some(value.into());
        self
    }
    /// Sets `probability`.
    pub fn probability(mut self, value: impl Into<types::OcrWordsProbability>) -> Self {
        self.probability = Some(value.into());
        self
    }
    /// Sets `words`.
    pub fn words(mut self, value: impl Into<::std::string::String>) -> Self {
        self.words = Some(value.into());
        self
    }
}
impl types::ReaderRequest {
    /// A `ReaderRequest` with its required fields; set the others with the setters.
    pub fn new(url: impl Into<::std::string::String>) -> Self {
        Self {
            url: url.into(),
            keep_img_data_url: Default::default(),
            no_cache: Default::default(),
            no_gfm: Default::default(),
            retain_images: Default::default(),
            return_format: Default::default(),
            timeout: Default::default(),
            with_images_summary: Default::default(),
            with_links_summary: Default::default(),
        }
    }
    /// Sets `keep_img_data_url`.
    pub fn keep_img_data_url(mut self, value: impl Into<bool>) -> Self {
        self.keep_img_data_url = Some(value.into());
        self
    }
    /// Sets `no_cache`.
    pub fn no_cache(mut self, value: impl Into<bool>) -> Self {
        self.no_cache = Some(value.into());
        self
    }
    /// Sets `no_gfm`.
    pub fn no_gfm(mut self, value: impl Into<bool>) -> Self {
        self.no_gfm = Some(value.into());
        self
    }
    /// Sets `retain_images`.
    pub fn retain_images(mut self, value: impl Into<bool>) -> Self {
        self.retain_images = Some(value.into());
        self
    }
    /// Sets `return_format`.
    pub fn return_format(mut self, value: impl Into<::std::string::String>) -> Self {
        self.return_format = Some(value.into());
        self
    }
    /// Sets `timeout`.
    pub fn timeout(mut self, value: impl Into<i64>) -> Self {
        self.timeout = Some(value.into());
        self
    }
    /// Sets `with_images_summary`.
    pub fn with_images_summary(mut self, value: impl Into<bool>) -> Self {
        self.with_images_summary = Some(value.into());
        self
    }
    /// Sets `with_links_summary`.
    pub fn with_links_summary(mut self, value: impl Into<bool>) -> Self {
        self.with_links_summary = Some(value.into());
        self
    }
}
impl types::ReaderResponse {
    /// Sets `created`.
    pub fn created(mut self, value: impl Into<i64>) -> Self {
        self.created = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `model`.
    pub fn model(mut self, value: impl Into<::std::string::String>) -> Self {
        self.model = Some(value.into());
        self
    }
    /// Sets `reader_result`.
    pub fn reader_result(mut self, value: impl Into<types::ReaderResult>) -> Self {
        self.reader_result = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
}
impl types::ReaderResult {
    /// Sets `content`.
    pub fn content(mut self, value: impl Into<::std::string::String>) -> Self {
        self.content = Some(value.into());
        self
    }
    /// Sets `description`.
    pub fn description(mut self, value: impl Into<::std::string::String>) -> Self {
        self.description = Some(value.into());
        self
    }
    /// Sets `external`.
    pub fn external(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.external = Some(value.into());
        self
    }
    /// Sets `images`.
    pub fn images(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.images = Some(value.into());
        self
    }
    /// Sets `links`.
    pub fn links(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.links = Some(value.into());
        self
    }
    /// Sets `metadata`.
    pub fn metadata(
        mut self,
        value: impl Into<::serde_json::Map<::std::string::String, ::serde_json::Value>>,
    ) -> Self {
        self.metadata = Some(value.into());
        self
    }
    /// Sets `published_time`.
    pub fn published_time(mut self, value: impl Into<::std::string::String>) -> Self {
        self.published_time = Some(value.into());
        self
    }
    /// Sets `title`.
    pub fn title(mut self, value: impl Into<::std::string::String>) -> Self {
        self.title = Some(value.into());
        self
    }
    /// Sets `url`.
    pub fn url(mut self, value: impl Into<::std::string::String>) -> Self {
        self.url = Some(value.into());
        self
    }
}
impl types::ResponseFormat {
    /// A `ResponseFormat` with its required fields; set the others with the setters.
    pub fn new(type_: impl Into<types::ResponseFormatType>) -> Self {
        Self { type_: type_.into() }
    }
}
impl types::RetrievalTool {
    /// A `RetrievalTool` with its required fields; set the others with the setters.
    pub fn new(knowledge_id: impl Into<::std::string::String>) -> Self {
        Self {
            knowledge_id: knowledge_id.into(),
            prompt_template: Default::default(),
        }
    }
    /// Sets `prompt_template`.
    pub fn prompt_template(mut self, value: impl Into<::std::string::String>) -> Self {
        self.prompt_template = Some(value.into());
        self
    }
}
impl types::SearchIntent {
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
    /// Sets `intent`.
    pub fn intent(mut self, value: impl Into<::std::string::String>) -> Self {
        self.intent = Some(value.into());
        self
    }
    /// Sets `keywords`.
    pub fn keywords(mut self, value: impl Into<::std::string::String>) -> Self {
        self.keywords = Some(value.into());
        self
    }
    /// Sets `query`.
    pub fn query(mut self, value: impl Into<::std::string::String>) -> Self {
        self.query = Some(value.into());
        self
    }
}
impl types::SearchRecommend {
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
    /// Sets `query`.
    pub fn query(mut self, value: impl Into<::std::string::String>) -> Self {
        self.query = Some(value.into());
        self
    }
}
impl types::SearchResultItem {
    /// Sets `content`.
    pub fn content(mut self, value: impl Into<::std::string::String>) -> Self {
        self.content = Some(value.into());
        self
    }
    /// Sets `icon`.
    pub fn icon(mut self, value: impl Into<::std::string::String>) -> Self {
        self.icon = Some(value.into());
        self
    }
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
    /// Sets `link`.
    pub fn link(mut self, value: impl Into<::std::string::String>) -> Self {
        self.link = Some(value.into());
        self
    }
    /// Sets `media`.
    pub fn media(mut self, value: impl Into<::std::string::String>) -> Self {
        self.media = Some(value.into());
        self
    }
    /// Sets `refer`.
    pub fn refer(mut self, value: impl Into<::std::string::String>) -> Self {
        self.refer = Some(value.into());
        self
    }
    /// Sets `title`.
    pub fn title(mut self, value: impl Into<::std::string::String>) -> Self {
        self.title = Some(value.into());
        self
    }
}
impl types::SearchToolCall {
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
    /// Sets `search_intent`.
    pub fn search_intent(
        mut self,
        value: impl Into<::std::vec::Vec<types::SearchIntent>>,
    ) -> Self {
        self.search_intent = Some(value.into());
        self
    }
    /// Sets `search_recommend`.
    pub fn search_recommend(
        mut self,
        value: impl Into<::std::vec::Vec<types::SearchRecommend>>,
    ) -> Self {
        self.search_recommend = Some(value.into());
        self
    }
    /// Sets `search_result`.
    pub fn search_result(
        mut self,
        value: impl Into<::std::vec::Vec<types::SearchResultItem>>,
    ) -> Self {
        self.search_result = Some(value.into());
        self
    }
    /// Sets `type_`.
    pub fn type_(mut self, value: impl Into<::std::string::String>) -> Self {
        self.type_ = Some(value.into());
        self
    }
}
impl types::SensitiveWordCheck {
    /// Sets `status`.
    pub fn status(mut self, value: impl Into<::std::string::String>) -> Self {
        self.status = Some(value.into());
        self
    }
    /// Sets `type_`.
    pub fn type_(mut self, value: impl Into<::std::string::String>) -> Self {
        self.type_ = Some(value.into());
        self
    }
}
impl types::SpeechChunk {
    /// Sets `choices`.
    pub fn choices(
        mut self,
        value: impl Into<::std::vec::Vec<types::SpeechChunkChoice>>,
    ) -> Self {
        self.choices = value.into();
        self
    }
    /// Sets `created`.
    pub fn created(mut self, value: impl Into<i64>) -> Self {
        self.created = Some(value.into());
        self
    }
    /// Sets `error`.
    pub fn error(mut self, value: impl Into<types::SpeechError>) -> Self {
        self.error = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
}
impl types::SpeechChunkChoice {
    /// Sets `delta`.
    pub fn delta(mut self, value: impl Into<types::SpeechDelta>) -> Self {
        self.delta = Some(value.into());
        self
    }
    /// Sets `finish_reason`.
    pub fn finish_reason(
        mut self,
        value: impl Into<crate::types::FinishReason>,
    ) -> Self {
        self.finish_reason = Some(value.into());
        self
    }
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
}
impl types::SpeechDelta {
    /// Sets `content`.
    pub fn content(mut self, value: impl Into<::std::string::String>) -> Self {
        self.content = Some(value.into());
        self
    }
    /// Sets `role`.
    pub fn role(mut self, value: impl Into<crate::types::Role>) -> Self {
        self.role = Some(value.into());
        self
    }
}
impl types::SpeechError {
    /// Sets `code`.
    pub fn code(mut self, value: impl Into<::std::string::String>) -> Self {
        self.code = Some(value.into());
        self
    }
    /// Sets `message`.
    pub fn message(mut self, value: impl Into<::std::string::String>) -> Self {
        self.message = Some(value.into());
        self
    }
}
impl types::SpeechRequest {
    /// A `SpeechRequest` with its required fields; set the others with the setters.
    pub fn new(
        model: impl Into<::std::string::String>,
        input: impl Into<::std::string::String>,
    ) -> Self {
        Self {
            model: model.into(),
            input: input.into(),
            encode_format: Default::default(),
            request_id: Default::default(),
            response_format: Default::default(),
            sensitive_word_check: Default::default(),
            speed: Default::default(),
            stream: Default::default(),
            user_id: Default::default(),
            voice: Default::default(),
            volume: Default::default(),
            watermark_enabled: Default::default(),
        }
    }
    /// Sets `encode_format`.
    pub fn encode_format(
        mut self,
        value: impl Into<types::SpeechRequestEncodeFormat>,
    ) -> Self {
        self.encode_format = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `response_format`.
    pub fn response_format(
        mut self,
        value: impl Into<types::SpeechRequestResponseFormat>,
    ) -> Self {
        self.response_format = Some(value.into());
        self
    }
    /// Sets `sensitive_word_check`.
    pub fn sensitive_word_check(
        mut self,
        value: impl Into<types::SensitiveWordCheck>,
    ) -> Self {
        self.sensitive_word_check = Some(value.into());
        self
    }
    /// Sets `speed`.
    pub fn speed(mut self, value: impl Into<f64>) -> Self {
        self.speed = Some(value.into());
        self
    }
    /// Sets `stream`.
    pub fn stream(mut self, value: impl Into<bool>) -> Self {
        self.stream = Some(value.into());
        self
    }
    /// Sets `user_id`.
    pub fn user_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.user_id = Some(value.into());
        self
    }
    /// Sets `voice`.
    pub fn voice(mut self, value: impl Into<::std::string::String>) -> Self {
        self.voice = Some(value.into());
        self
    }
    /// Sets `volume`.
    pub fn volume(mut self, value: impl Into<f64>) -> Self {
        self.volume = Some(value.into());
        self
    }
    /// Sets `watermark_enabled`.
    pub fn watermark_enabled(mut self, value: impl Into<bool>) -> Self {
        self.watermark_enabled = Some(value.into());
        self
    }
}
impl types::TokenizerRequest {
    /// A `TokenizerRequest` with its required fields; set the others with the setters.
    pub fn new(
        model: impl Into<::std::string::String>,
        messages: impl Into<::std::vec::Vec<types::ChatMessage>>,
    ) -> Self {
        Self {
            model: model.into(),
            messages: messages.into(),
            request_id: Default::default(),
            tools: Default::default(),
            user_id: Default::default(),
        }
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `tools`.
    pub fn tools(mut self, value: impl Into<::std::vec::Vec<types::ChatTool>>) -> Self {
        self.tools = value.into();
        self
    }
    /// Sets `user_id`.
    pub fn user_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.user_id = Some(value.into());
        self
    }
}
impl types::TokenizerResponse {
    /// Sets `created`.
    pub fn created(mut self, value: impl Into<i64>) -> Self {
        self.created = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `usage`.
    pub fn usage(mut self, value: impl Into<types::TokenizerUsage>) -> Self {
        self.usage = Some(value.into());
        self
    }
}
impl types::TokenizerUsage {
    /// Sets `image_tokens`.
    pub fn image_tokens(mut self, value: impl Into<i64>) -> Self {
        self.image_tokens = Some(value.into());
        self
    }
    /// Sets `prompt_tokens`.
    pub fn prompt_tokens(mut self, value: impl Into<i64>) -> Self {
        self.prompt_tokens = Some(value.into());
        self
    }
    /// Sets `total_tokens`.
    pub fn total_tokens(mut self, value: impl Into<i64>) -> Self {
        self.total_tokens = Some(value.into());
        self
    }
    /// Sets `video_tokens`.
    pub fn video_tokens(mut self, value: impl Into<i64>) -> Self {
        self.video_tokens = Some(value.into());
        self
    }
}
impl types::ToolCall {
    /// Sets `function`.
    pub fn function(mut self, value: impl Into<types::FunctionCall>) -> Self {
        self.function = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
    /// Sets `type_`.
    pub fn type_(mut self, value: impl Into<crate::types::ToolType>) -> Self {
        self.type_ = Some(value.into());
        self
    }
}
impl types::ToolCallChoice {
    /// Sets `finish_reason`.
    pub fn finish_reason(
        mut self,
        value: impl Into<crate::types::FinishReason>,
    ) -> Self {
        self.finish_reason = Some(value.into());
        self
    }
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
    /// Sets `message`.
    pub fn message(mut self, value: impl Into<types::ToolCallMessage>) -> Self {
        self.message = Some(value.into());
        self
    }
}
impl types::ToolCallChunk {
    /// Sets `choices`.
    pub fn choices(
        mut self,
        value: impl Into<::std::vec::Vec<types::ToolCallChunkChoice>>,
    ) -> Self {
        self.choices = value.into();
        self
    }
    /// Sets `created`.
    pub fn created(mut self, value: impl Into<i64>) -> Self {
        self.created = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
}
impl types::ToolCallChunkChoice {
    /// Sets `delta`.
    pub fn delta(mut self, value: impl Into<types::ToolCallMessage>) -> Self {
        self.delta = Some(value.into());
        self
    }
    /// Sets `finish_reason`.
    pub fn finish_reason(
        mut self,
        value: impl Into<crate::types::FinishReason>,
    ) -> Self {
        self.finish_reason = Some(value.into());
        self
    }
    /// Sets `index`.
    pub fn index(mut self, value: impl Into<i64>) -> Self {
        self.index = Some(value.into());
        self
    }
}
impl types::ToolCallMessage {
    /// Sets `role`.
    pub fn role(mut self, value: impl Into<crate::types::Role>) -> Self {
        self.role = Some(value.into());
        self
    }
    /// Sets `tool_calls`.
    pub fn tool_calls(
        mut self,
        value: impl Into<::std::vec::Vec<types::SearchToolCall>>,
    ) -> Self {
        self.tool_calls = Some(value.into());
        self
    }
}
impl types::ToolCallRequest {
    /// A `ToolCallRequest` with its required fields; set the others with the setters.
    pub fn new(
        model: impl Into<::std::string::String>,
        messages: impl Into<::std::vec::Vec<types::ChatMessage>>,
    ) -> Self {
        Self {
            model: model.into(),
            messages: messages.into(),
            location: Default::default(),
            recent_days: Default::default(),
            request_id: Default::default(),
            scope: Default::default(),
            stream: Default::default(),
        }
    }
    /// Sets `location`.
    pub fn location(mut self, value: impl Into<::std::string::String>) -> Self {
        self.location = Some(value.into());
        self
    }
    /// Sets `recent_days`.
    pub fn recent_days(mut self, value: impl Into<i64>) -> Self {
        self.recent_days = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `scope`.
    pub fn scope(mut self, value: impl Into<::std::string::String>) -> Self {
        self.scope = Some(value.into());
        self
    }
    /// Sets `stream`.
    pub fn stream(mut self, value: impl Into<bool>) -> Self {
        self.stream = Some(value.into());
        self
    }
}
impl types::ToolCallResponse {
    /// Sets `choices`.
    pub fn choices(
        mut self,
        value: impl Into<::std::vec::Vec<types::ToolCallChoice>>,
    ) -> Self {
        self.choices = value.into();
        self
    }
    /// Sets `created`.
    pub fn created(mut self, value: impl Into<i64>) -> Self {
        self.created = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
}
impl types::TranscriptionChunk {
    /// Sets `created`.
    pub fn created(mut self, value: impl Into<i64>) -> Self {
        self.created = Some(value.into());
        self
    }
    /// Sets `delta`.
    pub fn delta(mut self, value: impl Into<::std::string::String>) -> Self {
        self.delta = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `model`.
    pub fn model(mut self, value: impl Into<::std::string::String>) -> Self {
        self.model = Some(value.into());
        self
    }
    /// Sets `type_`.
    pub fn type_(
        mut self,
        value: impl Into<crate::types::TranscriptionEventType>,
    ) -> Self {
        self.type_ = Some(value.into());
        self
    }
}
impl types::TranscriptionResponse {
    /// Sets `created`.
    pub fn created(mut self, value: impl Into<i64>) -> Self {
        self.created = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `model`.
    pub fn model(mut self, value: impl Into<::std::string::String>) -> Self {
        self.model = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `segments`.
    pub fn segments(
        mut self,
        value: impl Into<::std::vec::Vec<types::TranscriptionSegment>>,
    ) -> Self {
        self.segments = Some(value.into());
        self
    }
    /// Sets `text`.
    pub fn text(mut self, value: impl Into<::std::string::String>) -> Self {
        self.text = Some(value.into());
        self
    }
}
impl types::TranscriptionSegment {
    /// Sets `end`.
    pub fn end(mut self, value: impl Into<f64>) -> Self {
        self.end = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<i64>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `start`.
    pub fn start(mut self, value: impl Into<f64>) -> Self {
        self.start = Some(value.into());
        self
    }
    /// Sets `text`.
    pub fn text(mut self, value: impl Into<::std::string::String>) -> Self {
        self.text = Some(value.into());
        self
    }
}
impl types::Usage {
    /// Sets `completion_tokens`.
    pub fn completion_tokens(mut self, value: impl Into<i64>) -> Self {
        self.completion_tokens = Some(value.into());
        self
    }
    /// Sets `completion_tokens_details`.
    pub fn completion_tokens_details(
        mut self,
        value: impl Into<types::UsageCompletionTokensDetails>,
    ) -> Self {
        self.completion_tokens_details = Some(value.into());
        self
    }
    /// Sets `prompt_tokens`.
    pub fn prompt_tokens(mut self, value: impl Into<i64>) -> Self {
        self.prompt_tokens = Some(value.into());
        self
    }
    /// Sets `prompt_tokens_details`.
    pub fn prompt_tokens_details(
        mut self,
        value: impl Into<types::UsagePromptTokensDetails>,
    ) -> Self {
        self.prompt_tokens_details = Some(value.into());
        self
    }
    /// Sets `total_tokens`.
    pub fn total_tokens(mut self, value: impl Into<i64>) -> Self {
        self.total_tokens = Some(value.into());
        self
    }
}
impl types::VideoGenerationRequest {
    /// A `VideoGenerationRequest` with its required fields; set the others with the setters.
    pub fn new(model: impl Into<::std::string::String>) -> Self {
        Self {
            model: model.into(),
            aspect_ratio: Default::default(),
            duration: Default::default(),
            fps: Default::default(),
            image_url: Default::default(),
            movement_amplitude: Default::default(),
            prompt: Default::default(),
            quality: Default::default(),
            request_id: Default::default(),
            size: Default::default(),
            style: Default::default(),
            user_id: Default::default(),
            with_audio: Default::default(),
        }
    }
    /// Sets `aspect_ratio`.
    pub fn aspect_ratio(mut self, value: impl Into<::std::string::String>) -> Self {
        self.aspect_ratio = Some(value.into());
        self
    }
    /// Sets `duration`.
    pub fn duration(mut self, value: impl Into<i64>) -> Self {
        self.duration = Some(value.into());
        self
    }
    /// Sets `fps`.
    pub fn fps(mut self, value: impl Into<i64>) -> Self {
        self.fps = Some(value.into());
        self
    }
    /// Sets `image_url`.
    pub fn image_url(mut self, value: impl Into<types::VideoImageInput>) -> Self {
        self.image_url = Some(value.into());
        self
    }
    /// Sets `movement_amplitude`.
    pub fn movement_amplitude(
        mut self,
        value: impl Into<::std::string::String>,
    ) -> Self {
        self.movement_amplitude = Some(value.into());
        self
    }
    /// Sets `prompt`.
    pub fn prompt(mut self, value: impl Into<::std::string::String>) -> Self {
        self.prompt = Some(value.into());
        self
    }
    /// Sets `quality`.
    pub fn quality(mut self, value: impl Into<::std::string::String>) -> Self {
        self.quality = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `size`.
    pub fn size(mut self, value: impl Into<::std::string::String>) -> Self {
        self.size = Some(value.into());
        self
    }
    /// Sets `style`.
    pub fn style(mut self, value: impl Into<::std::string::String>) -> Self {
        self.style = Some(value.into());
        self
    }
    /// Sets `user_id`.
    pub fn user_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.user_id = Some(value.into());
        self
    }
    /// Sets `with_audio`.
    pub fn with_audio(mut self, value: impl Into<bool>) -> Self {
        self.with_audio = Some(value.into());
        self
    }
}
impl types::VideoResult {
    /// Sets `cover_image_url`.
    pub fn cover_image_url(mut self, value: impl Into<::std::string::String>) -> Self {
        self.cover_image_url = Some(value.into());
        self
    }
    /// Sets `url`.
    pub fn url(mut self, value: impl Into<::std::string::String>) -> Self {
        self.url = Some(value.into());
        self
    }
}
impl types::VoiceCloneRequest {
    /// A `VoiceCloneRequest` with its required fields; set the others with the setters.
    pub fn new(
        voice_name: impl Into<::std::string::String>,
        text: impl Into<::std::string::String>,
        input: impl Into<::std::string::String>,
        file_id: impl Into<::std::string::String>,
        model: impl Into<::std::string::String>,
    ) -> Self {
        Self {
            voice_name: voice_name.into(),
            text: text.into(),
            input: input.into(),
            file_id: file_id.into(),
            model: model.into(),
            request_id: Default::default(),
        }
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
}
impl types::VoiceCloneResponse {
    /// Sets `file_id`.
    pub fn file_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.file_id = Some(value.into());
        self
    }
    /// Sets `file_purpose`.
    pub fn file_purpose(mut self, value: impl Into<::std::string::String>) -> Self {
        self.file_purpose = Some(value.into());
        self
    }
    /// Sets `voice`.
    pub fn voice(mut self, value: impl Into<::std::string::String>) -> Self {
        self.voice = Some(value.into());
        self
    }
}
impl types::VoiceDeleteRequest {
    /// A `VoiceDeleteRequest` with its required fields; set the others with the setters.
    pub fn new(voice: impl Into<::std::string::String>) -> Self {
        Self {
            voice: voice.into(),
            request_id: Default::default(),
        }
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
}
impl types::VoiceDeleteResponse {
    /// Sets `update_time`.
    pub fn update_time(mut self, value: impl Into<::std::string::String>) -> Self {
        self.update_time = Some(value.into());
        self
    }
    /// Sets `voice`.
    pub fn voice(mut self, value: impl Into<::std::string::String>) -> Self {
        self.voice = Some(value.into());
        self
    }
}
impl types::VoiceInfo {
    /// Sets `create_time`.
    pub fn create_time(mut self, value: impl Into<::std::string::String>) -> Self {
        self.create_time = Some(value.into());
        self
    }
    /// Sets `download_url`.
    pub fn download_url(mut self, value: impl Into<::std::string::String>) -> Self {
        self.download_url = Some(value.into());
        self
    }
    /// Sets `voice`.
    pub fn voice(mut self, value: impl Into<::std::string::String>) -> Self {
        self.voice = Some(value.into());
        self
    }
    /// Sets `voice_name`.
    pub fn voice_name(mut self, value: impl Into<::std::string::String>) -> Self {
        self.voice_name = Some(value.into());
        self
    }
    /// Sets `voice_type`.
    pub fn voice_type(mut self, value: impl Into<::std::string::String>) -> Self {
        self.voice_type = Some(value.into());
        self
    }
}
impl types::VoiceList {
    /// Sets `voice_list`.
    pub fn voice_list(
        mut self,
        value: impl Into<::std::vec::Vec<types::VoiceInfo>>,
    ) -> Self {
        self.voice_list = value.into();
        self
    }
}
impl types::WebSearchRequest {
    /// A `WebSearchRequest` with its required fields; set the others with the setters.
    pub fn new(
        search_engine: impl Into<::std::string::String>,
        search_query: impl Into<::std::string::String>,
    ) -> Self {
        Self {
            search_engine: search_engine.into(),
            search_query: search_query.into(),
            content_size: Default::default(),
            count: Default::default(),
            request_id: Default::default(),
            search_domain_filter: Default::default(),
            search_recency_filter: Default::default(),
            user_id: Default::default(),
        }
    }
    /// Sets `content_size`.
    pub fn content_size(mut self, value: impl Into<::std::string::String>) -> Self {
        self.content_size = Some(value.into());
        self
    }
    /// Sets `count`.
    pub fn count(mut self, value: impl Into<i64>) -> Self {
        self.count = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `search_domain_filter`.
    pub fn search_domain_filter(
        mut self,
        value: impl Into<::std::string::String>,
    ) -> Self {
        self.search_domain_filter = Some(value.into());
        self
    }
    /// Sets `search_recency_filter`.
    pub fn search_recency_filter(
        mut self,
        value: impl Into<types::WebSearchRequestSearchRecencyFilter>,
    ) -> Self {
        self.search_recency_filter = Some(value.into());
        self
    }
    /// Sets `user_id`.
    pub fn user_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.user_id = Some(value.into());
        self
    }
}
impl types::WebSearchResponse {
    /// Sets `created`.
    pub fn created(mut self, value: impl Into<i64>) -> Self {
        self.created = Some(value.into());
        self
    }
    /// Sets `id`.
    pub fn id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `search_intent`.
    pub fn search_intent(
        mut self,
        value: impl Into<::std::vec::Vec<types::SearchIntent>>,
    ) -> Self {
        self.search_intent = Some(value.into());
        self
    }
    /// Sets `search_result`.
    pub fn search_result(
        mut self,
        value: impl Into<::std::vec::Vec<types::WebSearchResult>>,
    ) -> Self {
        self.search_result = Some(value.into());
        self
    }
}
impl types::WebSearchResult {
    /// Sets `content`.
    pub fn content(mut self, value: impl Into<::std::string::String>) -> Self {
        self.content = Some(value.into());
        self
    }
    /// Sets `icon`.
    pub fn icon(mut self, value: impl Into<::std::string::String>) -> Self {
        self.icon = Some(value.into());
        self
    }
    /// Sets `link`.
    pub fn link(mut self, value: impl Into<::std::string::String>) -> Self {
        self.link = Some(value.into());
        self
    }
    /// Sets `media`.
    pub fn media(mut self, value: impl Into<::std::string::String>) -> Self {
        self.media = Some(value.into());
        self
    }
    /// Sets `publish_date`.
    pub fn publish_date(mut self, value: impl Into<::std::string::String>) -> Self {
        self.publish_date = Some(value.into());
        self
    }
    /// Sets `refer`.
    pub fn refer(mut self, value: impl Into<::std::string::String>) -> Self {
        self.refer = Some(value.into());
        self
    }
    /// Sets `title`.
    pub fn title(mut self, value: impl Into<::std::string::String>) -> Self {
        self.title = Some(value.into());
        self
    }
}
impl types::WebSearchTool {
    /// A `WebSearchTool` with its required fields; set the others with the setters.
    pub fn new(search_engine: impl Into<::std::string::String>) -> Self {
        Self {
            search_engine: search_engine.into(),
            content_size: Default::default(),
            count: Default::default(),
            enable: Default::default(),
            require_search: Default::default(),
            result_sequence: Default::default(),
            search_domain_filter: Default::default(),
            search_prompt: Default::default(),
            search_query: Default::default(),
            search_recency_filter: Default::default(),
            search_result: Default::default(),
        }
    }
    /// Sets `content_size`.
    pub fn content_size(
        mut self,
        value: impl Into<types::WebSearchToolContentSize>,
    ) -> Self {
        self.content_size = Some(value.into());
        self
    }
    /// Sets `count`.
    pub fn count(mut self, value: impl Into<i64>) -> Self {
        self.count = Some(value.into());
        self
    }
    /// Sets `enable`.
    pub fn enable(mut self, value: impl Into<bool>) -> Self {
        self.enable = Some(value.into());
        self
    }
    /// Sets `require_search`.
    pub fn require_search(mut self, value: impl Into<bool>) -> Self {
        self.require_search = Some(value.into());
        self
    }
    /// Sets `result_sequence`.
    pub fn result_sequence(
        mut self,
        value: impl Into<types::WebSearchToolResultSequence>,
    ) -> Self {
        self.result_sequence = Some(value.into());
        self
    }
    /// Sets `search_domain_filter`.
    pub fn search_domain_filter(
        mut self,
        value: impl Into<::std::string::String>,
    ) -> Self {
        self.search_domain_filter = Some(value.into());
        self
    }
    /// Sets `search_prompt`.
    pub fn search_prompt(mut self, value: impl Into<::std::string::String>) -> Self {
        self.search_prompt = Some(value.into());
        self
    }
    /// Sets `search_query`.
    pub fn search_query(mut self, value: impl Into<::std::string::String>) -> Self {
        self.search_query = Some(value.into());
        self
    }
    /// Sets `search_recency_filter`.
    pub fn search_recency_filter(
        mut self,
        value: impl Into<types::WebSearchToolSearchRecencyFilter>,
    ) -> Self {
        self.search_recency_filter = Some(value.into());
        self
    }
    /// Sets `search_result`.
    pub fn search_result(mut self, value: impl Into<bool>) -> Self {
        self.search_result = Some(value.into());
        self
    }
}
impl types::AssistantExtraParametersTranslate {
    /// Sets `from_language`.
    pub fn from_language(mut self, value: impl Into<::std::string::String>) -> Self {
        self.from_language = Some(value.into());
        self
    }
    /// Sets `to_language`.
    pub fn to_language(mut self, value: impl Into<::std::string::String>) -> Self {
        self.to_language = Some(value.into());
        self
    }
}
impl types::ModerationUsageModerationText {
    /// Sets `call_count`.
    pub fn call_count(mut self, value: impl Into<i64>) -> Self {
        self.call_count = Some(value.into());
        self
    }
}
impl types::NamedToolChoiceFunction {
    /// A `NamedToolChoiceFunction` with its required fields; set the others with the setters.
    pub fn new(name: impl Into<::std::string::String>) -> Self {
        Self { name: name.into() }
    }
}
impl types::OcrWordsLocation {
    /// Sets `height`.
    pub fn height(mut self, value: impl Into<i64>) -> Self {
        self.height = Some(value.into());
        self
    }
    /// Sets `left`.
    pub fn left(mut self, value: impl Into<i64>) -> Self {
        self.left = Some(value.into());
        self
    }
    /// Sets `top`.
    pub fn top(mut self, value: impl Into<i64>) -> Self {
        self.top = Some(value.into());
        self
    }
    /// Sets `width`.
    pub fn width(mut self, value: impl Into<i64>) -> Self {
        self.width = Some(value.into());
        self
    }
}
impl types::OcrWordsProbability {
    /// Sets `average`.
    pub fn average(mut self, value: impl Into<f64>) -> Self {
        self.average = Some(value.into());
        self
    }
    /// Sets `min`.
    pub fn min(mut self, value: impl Into<f64>) -> Self {
        self.min = Some(value.into());
        self
    }
    /// Sets `variance`.
    pub fn variance(mut self, value: impl Into<f64>) -> Self {
        self.variance = Some(value.into());
        self
    }
}
impl types::UsageCompletionTokensDetails {
    /// Sets `reasoning_tokens`.
    pub fn reasoning_tokens(mut self, value: impl Into<i64>) -> Self {
        self.reasoning_tokens = Some(value.into());
        self
    }
}
impl types::UsagePromptTokensDetails {
    /// Sets `cached_tokens`.
    pub fn cached_tokens(mut self, value: impl Into<i64>) -> Self {
        self.cached_tokens = Some(value.into());
        self
    }
}
impl crate::Client {
    /// Create a message (Anthropic Messages API compatible).
    ///
    /// Anthropic-compatible chat endpoint. Send `stream: true` (or call the generated `*_stream` method) to receive Anthropic's named server-sent events.
    ///
    /// `POST /anthropic/v1/messages` (operation `createMessage`).
    ///
    /// Answers with one JSON body; for server-sent events call [`Self::create_message_stream`] (`stream: true` is refused here).
    pub async fn create_message(
        &self,
        body: &types::AnthropicMessageRequest,
    ) -> Result<types::AnthropicMessage, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[0usize], &[])?.json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Streaming variant of [`Self::create_message`]: sends `stream: true` and yields each server-sent [`types::AnthropicStreamEvent`] as it arrives. Dropping the stream cancels the request.
    pub async fn create_message_stream(
        &self,
        body: &types::AnthropicMessageRequest,
    ) -> Result<crate::EventStream<types::AnthropicStreamEvent>, crate::Error> {
        self.send_stream(
                crate::client::Request::new(&OPERATIONS[0usize], &[])?.json(body, true)?,
            )
            .await
    }
}
impl crate::StreamChunk for types::AnthropicStreamEvent {
    const DONE: Option<&'static str> = None;
    const FINAL_EVENT: Option<&'static str> = Some("message_stop");
    fn is_final(&self) -> bool {
        false
    }
}
impl crate::Client {
    /// Talk to a platform assistant (glm-4-assistant).
    ///
    /// `POST /assistant` (operation `createAssistantCompletion`).
    ///
    /// Answers with one JSON body; for server-sent events call [`Self::create_assistant_completion_stream`] (`stream: true` is refused here).
    pub async fn create_assistant_completion(
        &self,
        body: &types::AssistantCompletionRequest,
    ) -> Result<types::AssistantCompletion, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[1usize], &[])?.json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Streaming variant of [`Self::create_assistant_completion`]: sends `stream: true` and yields each server-sent [`types::AssistantCompletion`] as it arrives. Dropping the stream cancels the request.
    pub async fn create_assistant_completion_stream(
        &self,
        body: &types::AssistantCompletionRequest,
    ) -> Result<crate::EventStream<types::AssistantCompletion>, crate::Error> {
        self.send_stream(
                crate::client::Request::new(&OPERATIONS[1usize], &[])?.json(body, true)?,
            )
            .await
    }
}
impl crate::StreamChunk for types::AssistantCompletion {
    const DONE: Option<&'static str> = Some("[DONE]");
    const FINAL_EVENT: Option<&'static str> = None;
    fn is_final(&self) -> bool {
        self.choices.iter().any(|item| item.finish_reason.is_some())
    }
}
impl crate::Client {
    /// List an assistant's conversations and their token usage.
    ///
    /// `POST /assistant/conversation/list` (operation `listAssistantConversations`).
    pub async fn list_assistant_conversations(
        &self,
        body: &types::AssistantConversationListRequest,
    ) -> Result<types::AssistantConversationListResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[2usize], &[])?.json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// List the assistants available to the caller.
    ///
    /// `POST /assistant/list` (operation `listAssistants`).
    pub async fn list_assistants(
        &self,
        body: &types::AssistantListRequest,
    ) -> Result<types::AssistantListResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[3usize], &[])?.json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Retrieve the result of an asynchronous task.
    ///
    /// Polls a task started by `createVideoGeneration`, `createImageAsync` (or an async chat completion). While `task_status` is `PROCESSING` only the status is set.
    ///
    /// `GET /async-result/{id}` (operation `retrieveAsyncResult`).
    pub async fn retrieve_async_result(
        &self,
        id: &str,
    ) -> Result<types::AsyncResult, crate::Error> {
        self.send_json(crate::client::Request::new(&OPERATIONS[4usize], &[("id", id)])?)
            .await
    }
}
impl crate::Client {
    /// Polls [`Self::retrieve_async_result`] until the task ends (see [`crate::poll_until`]).
    pub async fn wait_async_result(
        &self,
        id: &str,
        options: &crate::PollOptions,
        progress: impl FnMut(&crate::PollProgress<'_>),
    ) -> Result<types::AsyncResult, crate::Error> {
        crate::poll_until(|| self.retrieve_async_result(id), options, progress).await
    }
}
impl crate::Client {
    /// Start an asynchronous chat completion.
    ///
    /// Queues a chat completion and returns its task id at once; poll `GET /async-result/{id}` until `task_status` is `SUCCESS` or `FAIL`.
    ///
    /// `POST /async/chat/completions` (operation `createChatCompletionAsync`).
    pub async fn create_chat_completion_async(
        &self,
        body: &types::ChatCompletionRequest,
    ) -> Result<types::AsyncChatCompletionResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[5usize], &[])?.json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Calls [`Self::create_chat_completion_async`], then polls [`Self::retrieve_async_result`] with the task id it returns until the task ends (see [`crate::poll_until`]).
    pub async fn create_chat_completion_async_and_wait(
        &self,
        body: &types::ChatCompletionRequest,
        options: &crate::PollOptions,
        progress: impl FnMut(&crate::PollProgress<'_>),
    ) -> Result<types::AsyncResult, crate::Error> {
        let task = self.create_chat_completion_async(body).await?;
        let id = crate::poll::task_id(&task, "/id")?;
        crate::poll_until(|| self.retrieve_async_result(&id), options, progress).await
    }
}
impl crate::Client {
    /// Start an asynchronous image generation.
    ///
    /// Starts an image generation task (`glm-image`); poll `retrieveAsyncResult` for its `image_result`.
    ///
    /// `POST /async/images/generations` (operation `createImageAsync`).
    pub async fn create_image_async(
        &self,
        body: &types::ImageGenerationRequest,
    ) -> Result<types::AsyncTask, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[6usize], &[])?.json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Calls [`Self::create_image_async`], then polls [`Self::retrieve_async_result`] with the task id it returns until the task ends (see [`crate::poll_until`]).
    pub async fn create_image_async_and_wait(
        &self,
        body: &types::ImageGenerationRequest,
        options: &crate::PollOptions,
        progress: impl FnMut(&crate::PollProgress<'_>),
    ) -> Result<types::AsyncResult, crate::Error> {
        let task = self.create_image_async(body).await?;
        let id = crate::poll::task_id(&task, "/id")?;
        crate::poll_until(|| self.retrieve_async_result(&id), options, progress).await
    }
}
impl types::SpeechCustomizationRequest {
    /// The multipart form sent on the wire (rebuilt for each attempt).
    pub fn to_form(&self) -> Result<reqwest::multipart::Form, crate::Error> {
        let mut form = reqwest::multipart::Form::new();
        form = form.text("input", self.input.to_string());
        form = form.text("model", self.model.to_string());
        if let Some(value) = &self.request_id {
            form = form.text("request_id", value.to_string());
        }
        if let Some(value) = &self.response_format {
            form = form.text("response_format", value.to_string());
        }
        if let Some(value) = &self.user_id {
            form = form.text("user_id", value.to_string());
        }
        form = form.part("voice_data", self.voice_data.part()?);
        form = form.text("voice_text", self.voice_text.to_string());
        if let Some(value) = &self.watermark_enabled {
            form = form.text("watermark_enabled", value.to_string());
        }
        Ok(form)
    }
}
impl types::SpeechCustomizationRequest {
    /// A `SpeechCustomizationRequest` with its required fields; set the others with the setters.
    pub fn new(
        model: impl Into<String>,
        input: impl Into<String>,
        voice_text: impl Into<String>,
        voice_data: impl Into<crate::FilePart>,
    ) -> Self {
        Self {
            model: model.into(),
            input: input.into(),
            voice_text: voice_text.into(),
            voice_data: voice_data.into(),
            request_id: Default::default(),
            response_format: Default::default(),
            user_id: Default::default(),
            watermark_enabled: Default::default(),
        }
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `response_format`.
    pub fn response_format(mut self, value: impl Into<String>) -> Self {
        self.response_format = Some(value.into());
        self
    }
    /// Sets `user_id`.
    pub fn user_id(mut self, value: impl Into<String>) -> Self {
        self.user_id = Some(value.into());
        self
    }
    /// Sets `watermark_enabled`.
    pub fn watermark_enabled(mut self, value: impl Into<bool>) -> Self {
        self.watermark_enabled = Some(value.into());
        self
    }
}
impl crate::Client {
    /// Synthesize speech in the voice of a sample recording.
    ///
    /// `POST /audio/customization` (operation `createSpeechCustomization`, sent as multipart/form-data).
    pub async fn create_speech_customization(
        &self,
        body: &types::SpeechCustomizationRequest,
    ) -> Result<crate::ByteStream, crate::Error> {
        self.send_bytes(
                crate::client::Request::new(&OPERATIONS[7usize], &[])?
                    .form(move || body.to_form()),
            )
            .await
    }
}
impl crate::Client {
    /// Synthesize speech from text (GLM-TTS).
    ///
    /// Returns the audio file. With `stream` set (or the generated `*_stream` method) the server sends SSE chunks whose `choices[].delta.content` carries base64 (or hex, see `encode_format`) audio.
    ///
    /// `POST /audio/speech` (operation `createSpeech`).
    ///
    /// Answers with one JSON body; for server-sent events call [`Self::create_speech_stream`] (`stream: true` is refused here).
    pub async fn create_speech(
        &self,
        body: &types::SpeechRequest,
    ) -> Result<crate::ByteStream, crate::Error> {
        self.send_bytes(
                crate::client::Request::new(&OPERATIONS[8usize], &[])?.json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Streaming variant of [`Self::create_speech`]: sends `stream: true` and yields each server-sent [`types::SpeechChunk`] as it arrives. Dropping the stream cancels the request.
    pub async fn create_speech_stream(
        &self,
        body: &types::SpeechRequest,
    ) -> Result<crate::EventStream<types::SpeechChunk>, crate::Error> {
        self.send_stream(
                crate::client::Request::new(&OPERATIONS[8usize], &[])?.json(body, true)?,
            )
            .await
    }
}
impl crate::StreamChunk for types::SpeechChunk {
    const DONE: Option<&'static str> = Some("[DONE]");
    const FINAL_EVENT: Option<&'static str> = None;
    fn is_final(&self) -> bool {
        self.choices.iter().any(|item| item.finish_reason.is_some())
    }
}
impl types::TranscriptionRequest {
    /// The multipart form sent on the wire (rebuilt for each attempt).
    pub fn to_form(&self) -> Result<reqwest::multipart::Form, crate::Error> {
        let mut form = reqwest::multipart::Form::new();
        if let Some(value) = &self.file {
            form = form.part("file", value.part()?);
        }
        if let Some(value) = &self.file_base64 {
            form = form.text("file_base64", value.to_string());
        }
        for value in &self.hotwords {
            form = form.text("hotwords", value.to_string());
        }
        form = form.text("model", self.model.to_string());
        if let Some(value) = &self.prompt {
            form = form.text("prompt", value.to_string());
        }
        if let Some(value) = &self.request_id {
            form = form.text("request_id", value.to_string());
        }
        if let Some(value) = &self.stream {
            form = form.text("stream", value.to_string());
        }
        if let Some(value) = &self.user_id {
            form = form.text("user_id", value.to_string());
        }
        Ok(form)
    }
}
impl types::TranscriptionRequest {
    /// A `TranscriptionRequest` with its required fields; set the others with the setters.
    pub fn new(model: impl Into<String>) -> Self {
        Self {
            model: model.into(),
            file: Default::default(),
            file_base64: Default::default(),
            hotwords: Default::default(),
            prompt: Default::default(),
            request_id: Default::default(),
            stream: Default::default(),
            user_id: Default::default(),
        }
    }
    /// Sets `file`.
    pub fn file(mut self, value: impl Into<crate::FilePart>) -> Self {
        self.file = Some(value.into());
        self
    }
    /// Sets `file_base64`.
    pub fn file_base64(mut self, value: impl Into<String>) -> Self {
        self.file_base64 = Some(value.into());
        self
    }
    /// Sets `hotwords`.
    pub fn hotwords(mut self, value: impl Into<Vec<String>>) -> Self {
        self.hotwords = value.into();
        self
    }
    /// Sets `prompt`.
    pub fn prompt(mut self, value: impl Into<String>) -> Self {
        self.prompt = Some(value.into());
        self
    }
    /// Sets `request_id`.
    pub fn request_id(mut self, value: impl Into<String>) -> Self {
        self.request_id = Some(value.into());
        self
    }
    /// Sets `stream`.
    pub fn stream(mut self, value: impl Into<bool>) -> Self {
        self.stream = Some(value.into());
        self
    }
    /// Sets `user_id`.
    pub fn user_id(mut self, value: impl Into<String>) -> Self {
        self.user_id = Some(value.into());
        self
    }
}
impl crate::Client {
    /// Transcribe speech to text.
    ///
    /// Transcribes a short audio file (`.wav`/`.mp3`, at most 25 MB and 30 s) with GLM-ASR. Set `stream` (or call the generated `*_stream` method) for server-sent `transcript.text.delta` events.
    ///
    /// `POST /audio/transcriptions` (operation `createTranscription`, sent as multipart/form-data).
    ///
    /// Answers with one JSON body; for server-sent events call [`Self::create_transcription_stream`] (`stream: true` is refused here).
    pub async fn create_transcription(
        &self,
        body: &types::TranscriptionRequest,
    ) -> Result<types::TranscriptionResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[9usize], &[])?
                    .form(move || body.to_form()),
            )
            .await
    }
}
impl crate::Client {
    /// Streaming variant of [`Self::create_transcription`]: sends `stream: true` and yields each server-sent [`types::TranscriptionChunk`] as it arrives. Dropping the stream cancels the request.
    pub async fn create_transcription_stream(
        &self,
        body: &types::TranscriptionRequest,
    ) -> Result<crate::EventStream<types::TranscriptionChunk>, crate::Error> {
        self.send_stream(
                crate::client::Request::new(&OPERATIONS[9usize], &[])?
                    .form(move || {
                        let mut body = body.clone();
                        body.stream = Some(true);
                        body.to_form()
                    }),
            )
            .await
    }
}
impl crate::StreamChunk for types::TranscriptionChunk {
    const DONE: Option<&'static str> = Some("[DONE]");
    const FINAL_EVENT: Option<&'static str> = None;
    fn is_final(&self) -> bool {
        false
    }
}
impl crate::Client {
    /// List batch jobs, newest first.
    ///
    /// `GET /batches` (operation `listBatches`).
    pub async fn list_batches(
        &self,
        query: &types::ListBatchesQuery,
    ) -> Result<types::BatchList, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[10usize], &[])?.query(query)?,
            )
            .await
    }
}
impl crate::Client {
    /// Create a batch job from an uploaded JSONL file.
    ///
    /// `POST /batches` (operation `createBatch`).
    pub async fn create_batch(
        &self,
        body: &types::CreateBatchRequest,
    ) -> Result<types::Batch, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[11usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Retrieve a batch job.
    ///
    /// `GET /batches/{batch_id}` (operation `retrieveBatch`).
    pub async fn retrieve_batch(
        &self,
        batch_id: &str,
    ) -> Result<types::Batch, crate::Error> {
        self.send_json(
                crate::client::Request::new(
                    &OPERATIONS[12usize],
                    &[("batch_id", batch_id)],
                )?,
            )
            .await
    }
}
impl crate::Client {
    /// Polls [`Self::retrieve_batch`] until the task ends (see [`crate::poll_until`]).
    pub async fn wait_batch(
        &self,
        batch_id: &str,
        options: &crate::PollOptions,
        progress: impl FnMut(&crate::PollProgress<'_>),
    ) -> Result<types::Batch, crate::Error> {
        crate::poll_until(|| self.retrieve_batch(batch_id), options, progress).await
    }
}
impl crate::Client {
    /// Cancel a batch job in progress.
    ///
    /// `POST /batches/{batch_id}/cancel` (operation `cancelBatch`).
    pub async fn cancel_batch(
        &self,
        batch_id: &str,
    ) -> Result<types::Batch, crate::Error> {
        self.send_json(
                crate::client::Request::new(
                    &OPERATIONS[13usize],
                    &[("batch_id", batch_id)],
                )?,
            )
            .await
    }
}
impl crate::Client {
    /// Create a chat completion.
    ///
    /// Generates the assistant's reply to a conversation. Send `stream: true` (or call the generated `*_stream` method) to receive server-sent events instead.
    ///
    /// `POST /chat/completions` (operation `createChatCompletion`).
    ///
    /// Answers with one JSON body; for server-sent events call [`Self::create_chat_completion_stream`] (`stream: true` is refused here).
    pub async fn create_chat_completion(
        &self,
        body: &types::ChatCompletionRequest,
    ) -> Result<types::ChatCompletionResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[14usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Streaming variant of [`Self::create_chat_completion`]: sends `stream: true` and yields each server-sent [`types::ChatCompletionChunk`] as it arrives. Dropping the stream cancels the request.
    pub async fn create_chat_completion_stream(
        &self,
        body: &types::ChatCompletionRequest,
    ) -> Result<crate::EventStream<types::ChatCompletionChunk>, crate::Error> {
        self.send_stream(
                crate::client::Request::new(&OPERATIONS[14usize], &[])?.json(body, true)?,
            )
            .await
    }
}
impl crate::StreamChunk for types::ChatCompletionChunk {
    const DONE: Option<&'static str> = Some("[DONE]");
    const FINAL_EVENT: Option<&'static str> = None;
    fn is_final(&self) -> bool {
        self.choices.iter().any(|item| item.finish_reason.is_some())
    }
}
impl crate::Client {
    /// Create embeddings for text or token ids.
    ///
    /// `POST /embeddings` (operation `createEmbedding`).
    pub async fn create_embedding(
        &self,
        body: &types::EmbeddingRequest,
    ) -> Result<types::EmbeddingResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[15usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// List uploaded files.
    ///
    /// `GET /files` (operation `listFiles`).
    pub async fn list_files(
        &self,
        query: &types::ListFilesQuery,
    ) -> Result<types::FileList, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[16usize], &[])?.query(query)?,
            )
            .await
    }
}
impl types::FileUploadRequest {
    /// The multipart form sent on the wire (rebuilt for each attempt).
    pub fn to_form(&self) -> Result<reqwest::multipart::Form, crate::Error> {
        let mut form = reqwest::multipart::Form::new();
        form = form.part("file", self.file.part()?);
        form = form.text("purpose", self.purpose.to_string());
        Ok(form)
    }
}
impl types::FileUploadRequest {
    /// A `FileUploadRequest` with its required fields; set the others with the setters.
    pub fn new(file: impl Into<crate::FilePart>, purpose: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            purpose: purpose.into(),
        }
    }
}
impl crate::Client {
    /// Upload a file.
    ///
    /// Uploads a file for agents (e.g. a translation glossary) or for chat `file.file_id` parts, and returns its id.
    ///
    /// `POST /files` (operation `uploadFile`, sent as multipart/form-data).
    pub async fn upload_file(
        &self,
        body: &types::FileUploadRequest,
    ) -> Result<types::FileObject, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[17usize], &[])?
                    .form(move || body.to_form()),
            )
            .await
    }
}
impl types::HandwritingOcrRequest {
    /// The multipart form sent on the wire (rebuilt for each attempt).
    pub fn to_form(&self) -> Result<reqwest::multipart::Form, crate::Error> {
        let mut form = reqwest::multipart::Form::new();
        form = form.part("file", self.file.part()?);
        if let Some(value) = &self.language_type {
            form = form.text("language_type", value.to_string());
        }
        if let Some(value) = &self.probability {
            form = form.text("probability", value.to_string());
        }
        form = form.text("tool_type", self.tool_type.to_string());
        Ok(form)
    }
}
impl types::HandwritingOcrRequest {
    /// A `HandwritingOcrRequest` with its required fields; set the others with the setters.
    pub fn new(file: impl Into<crate::FilePart>, tool_type: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            tool_type: tool_type.into(),
            language_type: Default::default(),
            probability: Default::default(),
        }
    }
    /// Sets `language_type`.
    pub fn language_type(mut self, value: impl Into<String>) -> Self {
        self.language_type = Some(value.into());
        self
    }
    /// Sets `probability`.
    pub fn probability(mut self, value: impl Into<bool>) -> Self {
        self.probability = Some(value.into());
        self
    }
}
impl crate::Client {
    /// Recognize handwritten text in an image.
    ///
    /// `POST /files/ocr` (operation `recognizeHandwriting`, sent as multipart/form-data).
    pub async fn recognize_handwriting(
        &self,
        body: &types::HandwritingOcrRequest,
    ) -> Result<types::HandwritingOcrResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[18usize], &[])?
                    .form(move || body.to_form()),
            )
            .await
    }
}
impl types::FileParseRequest {
    /// The multipart form sent on the wire (rebuilt for each attempt).
    pub fn to_form(&self) -> Result<reqwest::multipart::Form, crate::Error> {
        let mut form = reqwest::multipart::Form::new();
        form = form.part("file", self.file.part()?);
        form = form.text("file_type", self.file_type.to_string());
        form = form.text("tool_type", self.tool_type.to_string());
        Ok(form)
    }
}
impl types::FileParseRequest {
    /// A `FileParseRequest` with its required fields; set the others with the setters.
    pub fn new(
        file: impl Into<crate::FilePart>,
        file_type: impl Into<String>,
        tool_type: impl Into<String>,
    ) -> Self {
        Self {
            file: file.into(),
            file_type: file_type.into(),
            tool_type: tool_type.into(),
        }
    }
}
impl crate::Client {
    /// Start parsing a document into text.
    ///
    /// `POST /files/parser/create` (operation `createFileParseTask`, sent as multipart/form-data).
    pub async fn create_file_parse_task(
        &self,
        body: &types::FileParseRequest,
    ) -> Result<types::FileParseTask, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[19usize], &[])?
                    .form(move || body.to_form()),
            )
            .await
    }
}
impl crate::Client {
    /// Fetch a parse task's result.
    ///
    /// `GET /files/parser/result/{task_id}/{format_type}` (operation `retrieveFileParseResult`).
    pub async fn retrieve_file_parse_result(
        &self,
        task_id: &str,
        format_type: &str,
    ) -> Result<crate::ByteStream, crate::Error> {
        self.send_bytes(
                crate::client::Request::new(
                    &OPERATIONS[20usize],
                    &[("task_id", task_id), ("format_type", format_type)],
                )?,
            )
            .await
    }
}
impl crate::Client {
    /// Parse a document synchronously (`tool_type` `prime-sync`).
    ///
    /// `POST /files/parser/sync` (operation `parseFileSync`, sent as multipart/form-data).
    pub async fn parse_file_sync(
        &self,
        body: &types::FileParseRequest,
    ) -> Result<types::FileParseSyncResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[21usize], &[])?
                    .form(move || body.to_form()),
            )
            .await
    }
}
impl crate::Client {
    /// Delete an uploaded file.
    ///
    /// `DELETE /files/{file_id}` (operation `deleteFile`).
    pub async fn delete_file(
        &self,
        file_id: &str,
    ) -> Result<types::FileDeleted, crate::Error> {
        self.send_json(
                crate::client::Request::new(
                    &OPERATIONS[22usize],
                    &[("file_id", file_id)],
                )?,
            )
            .await
    }
}
impl crate::Client {
    /// Download a file's content (e.g. a batch's output JSONL).
    ///
    /// `GET /files/{file_id}/content` (operation `retrieveFileContent`).
    pub async fn retrieve_file_content(
        &self,
        file_id: &str,
    ) -> Result<crate::ByteStream, crate::Error> {
        self.send_bytes(
                crate::client::Request::new(
                    &OPERATIONS[23usize],
                    &[("file_id", file_id)],
                )?,
            )
            .await
    }
}
impl crate::Client {
    /// Generate an image.
    ///
    /// Generates one image from a text prompt and returns its URL (valid 30 days).
    ///
    /// `POST /images/generations` (operation `createImage`).
    pub async fn create_image(
        &self,
        body: &types::ImageGenerationRequest,
    ) -> Result<types::ImageGenerationResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[24usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Parse the layout of an image or PDF (OCR).
    ///
    /// Recognizes text, tables, formulas and images of a document (GLM-OCR) and returns Markdown plus per-page layout blocks.
    ///
    /// `POST /layout_parsing` (operation `parseLayout`).
    pub async fn parse_layout(
        &self,
        body: &types::LayoutParsingRequest,
    ) -> Result<types::LayoutParsingResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[25usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Check text or media for risky content.
    ///
    /// `POST /moderations` (operation `createModeration`).
    pub async fn create_moderation(
        &self,
        body: &types::ModerationRequest,
    ) -> Result<types::ModerationResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[26usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Read a web page as Markdown or text.
    ///
    /// Fetches a URL and returns its main content, title and metadata.
    ///
    /// `POST /reader` (operation `readWebPage`).
    pub async fn read_web_page(
        &self,
        body: &types::ReaderRequest,
    ) -> Result<types::ReaderResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[27usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Count the tokens of a request.
    ///
    /// Counts the prompt tokens `messages` (and `tools`) would use with a model. Documented on docs.z.ai; absent from both official SDKs.
    ///
    /// `POST /tokenizer` (operation `tokenize`).
    pub async fn tokenize(
        &self,
        body: &types::TokenizerRequest,
    ) -> Result<types::TokenizerResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[28usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Run the legacy `web-search-pro` tool.
    ///
    /// `POST /tools` (operation `createToolCall`).
    ///
    /// Answers with one JSON body; for server-sent events call [`Self::create_tool_call_stream`] (`stream: true` is refused here).
    pub async fn create_tool_call(
        &self,
        body: &types::ToolCallRequest,
    ) -> Result<types::ToolCallResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[29usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Streaming variant of [`Self::create_tool_call`]: sends `stream: true` and yields each server-sent [`types::ToolCallChunk`] as it arrives. Dropping the stream cancels the request.
    pub async fn create_tool_call_stream(
        &self,
        body: &types::ToolCallRequest,
    ) -> Result<crate::EventStream<types::ToolCallChunk>, crate::Error> {
        self.send_stream(
                crate::client::Request::new(&OPERATIONS[29usize], &[])?.json(body, true)?,
            )
            .await
    }
}
impl crate::StreamChunk for types::ToolCallChunk {
    const DONE: Option<&'static str> = Some("[DONE]");
    const FINAL_EVENT: Option<&'static str> = None;
    fn is_final(&self) -> bool {
        self.choices.iter().any(|item| item.finish_reason.is_some())
    }
}
impl crate::Client {
    /// Run an agent (translation, special-effects video, slides).
    ///
    /// Runs the agent named by `agent_id`. `general_translation` and `slides_glm_agent` stream with `stream: true` (the generated `*_stream` method); `vidu_template_agent` answers with an `async_id` to poll with `retrieveAgentAsyncResult`.
    ///
    /// `POST /v1/agents` (operation `createAgentCompletion`).
    ///
    /// Answers with one JSON body; for server-sent events call [`Self::create_agent_completion_stream`] (`stream: true` is refused here).
    pub async fn create_agent_completion(
        &self,
        body: &types::AgentCompletionRequest,
    ) -> Result<types::AgentCompletionResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[30usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Streaming variant of [`Self::create_agent_completion`]: sends `stream: true` and yields each server-sent [`types::AgentCompletionChunk`] as it arrives. Dropping the stream cancels the request.
    pub async fn create_agent_completion_stream(
        &self,
        body: &types::AgentCompletionRequest,
    ) -> Result<crate::EventStream<types::AgentCompletionChunk>, crate::Error> {
        self.send_stream(
                crate::client::Request::new(&OPERATIONS[30usize], &[])?.json(body, true)?,
            )
            .await
    }
}
impl crate::StreamChunk for types::AgentCompletionChunk {
    const DONE: Option<&'static str> = Some("[DONE]");
    const FINAL_EVENT: Option<&'static str> = None;
    fn is_final(&self) -> bool {
        self.choices.iter().any(|item| item.finish_reason.is_some())
    }
}
impl crate::Client {
    /// Retrieve an agent's asynchronous result.
    ///
    /// Polls a `vidu_template_agent` task by its `async_id`.
    ///
    /// `POST /v1/agents/async-result` (operation `retrieveAgentAsyncResult`).
    pub async fn retrieve_agent_async_result(
        &self,
        body: &types::AgentAsyncResultRequest,
    ) -> Result<types::AgentAsyncResultResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[31usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Polls [`Self::retrieve_agent_async_result`] until the task ends (see [`crate::poll_until`]).
    pub async fn wait_agent_async_result(
        &self,
        body: &types::AgentAsyncResultRequest,
        options: &crate::PollOptions,
        progress: impl FnMut(&crate::PollProgress<'_>),
    ) -> Result<types::AgentAsyncResultResponse, crate::Error> {
        crate::poll_until(|| self.retrieve_agent_async_result(body), options, progress)
            .await
    }
}
impl crate::Client {
    /// Retrieve a slides agent conversation (history and export).
    ///
    /// Returns the files and images a `slides_glm_agent` conversation produced (PDF export with `custom_variables.include_pdf`). Documented; absent from the SDKs.
    ///
    /// `POST /v1/agents/conversation` (operation `retrieveAgentConversation`).
    pub async fn retrieve_agent_conversation(
        &self,
        body: &types::AgentConversationRequest,
    ) -> Result<types::AgentConversationResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[32usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Start an asynchronous video generation.
    ///
    /// Starts a video generation task (CogVideoX-3, Vidu) and returns its id at once; poll `retrieveAsyncResult` with that id until `task_status` is `SUCCESS` or `FAIL`.
    ///
    /// `POST /videos/generations` (operation `createVideoGeneration`).
    pub async fn create_video_generation(
        &self,
        body: &types::VideoGenerationRequest,
    ) -> Result<types::AsyncTask, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[33usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Calls [`Self::create_video_generation`], then polls [`Self::retrieve_async_result`] with the task id it returns until the task ends (see [`crate::poll_until`]).
    pub async fn generate_video_and_wait(
        &self,
        body: &types::VideoGenerationRequest,
        options: &crate::PollOptions,
        progress: impl FnMut(&crate::PollProgress<'_>),
    ) -> Result<types::AsyncResult, crate::Error> {
        let task = self.create_video_generation(body).await?;
        let id = crate::poll::task_id(&task, "/id")?;
        crate::poll_until(|| self.retrieve_async_result(&id), options, progress).await
    }
}
impl crate::Client {
    /// Create a cloned voice from an uploaded sample.
    ///
    /// `POST /voice/clone` (operation `cloneVoice`).
    pub async fn clone_voice(
        &self,
        body: &types::VoiceCloneRequest,
    ) -> Result<types::VoiceCloneResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[34usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// Delete a cloned voice.
    ///
    /// `POST /voice/delete` (operation `deleteVoice`).
    pub async fn delete_voice(
        &self,
        body: &types::VoiceDeleteRequest,
    ) -> Result<types::VoiceDeleteResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[35usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Client {
    /// List system and cloned voices.
    ///
    /// `GET /voice/list` (operation `listVoices`).
    pub async fn list_voices(
        &self,
        query: &types::ListVoicesQuery,
    ) -> Result<types::VoiceList, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[36usize], &[])?.query(query)?,
            )
            .await
    }
}
impl crate::Client {
    /// Search the web.
    ///
    /// Runs a web search and returns the result pages' titles, snippets and links.
    ///
    /// `POST /web_search` (operation `webSearch`).
    pub async fn web_search(
        &self,
        body: &types::WebSearchRequest,
    ) -> Result<types::WebSearchResponse, crate::Error> {
        self.send_json(
                crate::client::Request::new(&OPERATIONS[37usize], &[])?
                    .json(body, false)?,
            )
            .await
    }
}
impl crate::Task for types::AgentAsyncResultResponse {
    const STATUS: &'static str = "/status";
    const SUCCESS: &'static [&'static str] = &["success"];
    const FAILURE: &'static [&'static str] = &["failed"];
    const MESSAGE: Option<&'static str> = Some("/error/message");
}
impl crate::Task for types::AsyncResult {
    const STATUS: &'static str = "/task_status";
    const SUCCESS: &'static [&'static str] = &["SUCCESS"];
    const FAILURE: &'static [&'static str] = &["FAIL"];
    const MESSAGE: Option<&'static str> = Some("/error/message");
}
impl crate::Task for types::Batch {
    const STATUS: &'static str = "/status";
    const SUCCESS: &'static [&'static str] = &["completed"];
    const FAILURE: &'static [&'static str] = &["failed", "expired", "cancelled"];
    const MESSAGE: Option<&'static str> = Some("/errors/data/0/message");
}
/// Every operation in spec/zai.yaml, in spec order.
pub const OPERATIONS: &[crate::Operation] = &[
    crate::Operation {
        id: "createMessage",
        method: "POST",
        path: "/anthropic/v1/messages",
        rust_method: "create_message",
        base: Some("root"),
        multipart: false,
        stream: true,
    },
    crate::Operation {
        id: "createAssistantCompletion",
        method: "POST",
        path: "/assistant",
        rust_method: "create_assistant_completion",
        base: None,
        multipart: false,
        stream: true,
    },
    crate::Operation {
        id: "listAssistantConversations",
        method: "POST",
        path: "/assistant/conversation/list",
        rust_method: "list_assistant_conversations",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "listAssistants",
        method: "POST",
        path: "/assistant/list",
        rust_method: "list_assistants",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "retrieveAsyncResult",
        method: "GET",
        path: "/async-result/{id}",
        rust_method: "retrieve_async_result",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "createChatCompletionAsync",
        method: "POST",
        path: "/async/chat/completions",
        rust_method: "create_chat_completion_async",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "createImageAsync",
        method: "POST",
        path: "/async/images/generations",
        rust_method: "create_image_async",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "createSpeechCustomization",
        method: "POST",
        path: "/audio/customization",
        rust_method: "create_speech_customization",
        base: None,
        multipart: true,
        stream: false,
    },
    crate::Operation {
        id: "createSpeech",
        method: "POST",
        path: "/audio/speech",
        rust_method: "create_speech",
        base: None,
        multipart: false,
        stream: true,
    },
    crate::Operation {
        id: "createTranscription",
        method: "POST",
        path: "/audio/transcriptions",
        rust_method: "create_transcription",
        base: None,
        multipart: true,
        stream: true,
    },
    crate::Operation {
        id: "listBatches",
        method: "GET",
        path: "/batches",
        rust_method: "list_batches",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "createBatch",
        method: "POST",
        path: "/batches",
        rust_method: "create_batch",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "retrieveBatch",
        method: "GET",
        path: "/batches/{batch_id}",
        rust_method: "retrieve_batch",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "cancelBatch",
        method: "POST",
        path: "/batches/{batch_id}/cancel",
        rust_method: "cancel_batch",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "createChatCompletion",
        method: "POST",
        path: "/chat/completions",
        rust_method: "create_chat_completion",
        base: None,
        multipart: false,
        stream: true,
    },
    crate::Operation {
        id: "createEmbedding",
        method: "POST",
        path: "/embeddings",
        rust_method: "create_embedding",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "listFiles",
        method: "GET",
        path: "/files",
        rust_method: "list_files",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "uploadFile",
        method: "POST",
        path: "/files",
        rust_method: "upload_file",
        base: None,
        multipart: true,
        stream: false,
    },
    crate::Operation {
        id: "recognizeHandwriting",
        method: "POST",
        path: "/files/ocr",
        rust_method: "recognize_handwriting",
        base: None,
        multipart: true,
        stream: false,
    },
    crate::Operation {
        id: "createFileParseTask",
        method: "POST",
        path: "/files/parser/create",
        rust_method: "create_file_parse_task",
        base: None,
        multipart: true,
        stream: false,
    },
    crate::Operation {
        id: "retrieveFileParseResult",
        method: "GET",
        path: "/files/parser/result/{task_id}/{format_type}",
        rust_method: "retrieve_file_parse_result",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "parseFileSync",
        method: "POST",
        path: "/files/parser/sync",
        rust_method: "parse_file_sync",
        base: None,
        multipart: true,
        stream: false,
    },
    crate::Operation {
        id: "deleteFile",
        method: "DELETE",
        path: "/files/{file_id}",
        rust_method: "delete_file",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "retrieveFileContent",
        method: "GET",
        path: "/files/{file_id}/content",
        rust_method: "retrieve_file_content",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "createImage",
        method: "POST",
        path: "/images/generations",
        rust_method: "create_image",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "parseLayout",
        method: "POST",
        path: "/layout_parsing",
        rust_method: "parse_layout",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "createModeration",
        method: "POST",
        path: "/moderations",
        rust_method: "create_moderation",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "readWebPage",
        method: "POST",
        path: "/reader",
        rust_method: "read_web_page",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "tokenize",
        method: "POST",
        path: "/tokenizer",
        rust_method: "tokenize",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "createToolCall",
        method: "POST",
        path: "/tools",
        rust_method: "create_tool_call",
        base: None,
        multipart: false,
        stream: true,
    },
    crate::Operation {
        id: "createAgentCompletion",
        method: "POST",
        path: "/v1/agents",
        rust_method: "create_agent_completion",
        base: Some("root"),
        multipart: false,
        stream: true,
    },
    crate::Operation {
        id: "retrieveAgentAsyncResult",
        method: "POST",
        path: "/v1/agents/async-result",
        rust_method: "retrieve_agent_async_result",
        base: Some("root"),
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "retrieveAgentConversation",
        method: "POST",
        path: "/v1/agents/conversation",
        rust_method: "retrieve_agent_conversation",
        base: Some("root"),
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "createVideoGeneration",
        method: "POST",
        path: "/videos/generations",
        rust_method: "create_video_generation",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "cloneVoice",
        method: "POST",
        path: "/voice/clone",
        rust_method: "clone_voice",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "deleteVoice",
        method: "POST",
        path: "/voice/delete",
        rust_method: "delete_voice",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "listVoices",
        method: "GET",
        path: "/voice/list",
        rust_method: "list_voices",
        base: None,
        multipart: false,
        stream: false,
    },
    crate::Operation {
        id: "webSearch",
        method: "POST",
        path: "/web_search",
        rust_method: "web_search",
        base: None,
        multipart: false,
        stream: false,
    },
];
/// Where the API is served: a preset of the spec's servers, or any URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BaseUrl {
    /// `https://api.z.ai/api/paas/v4`: The general (pay-as-you-go) endpoint.
    General,
    /// `https://api.z.ai/api/coding/paas/v4`: The GLM Coding Plan endpoint (coding scenarios only).
    CodingPlan,
    /// `https://open.bigmodel.cn/api/paas/v4`: The China mainland platform.
    China,
    /// Any other URL (a proxy, a mock server), given as the `paas/v4` base.
    Custom(String),
}
impl BaseUrl {
    /// The `paas/v4` base URL, without a trailing slash.
    pub fn as_str(&self) -> &str {
        match self {
            BaseUrl::General => "https://api.z.ai/api/paas/v4",
            BaseUrl::CodingPlan => "https://api.z.ai/api/coding/paas/v4",
            BaseUrl::China => "https://open.bigmodel.cn/api/paas/v4",
            BaseUrl::Custom(url) => url.trim_end_matches('/'),
        }
    }
}
