//! Streamed Anthropic Messages, folded into the [`AnthropicMessage`] a plain
//! `create_message` returns ([`AnthropicAccumulator`], [`AnthropicStreamExt`]).

use crate::runtime::error::Error;
use futures_core::Stream;
use futures_util::StreamExt;
use std::future::Future;
use zai_types::types::{
    AnthropicContentBlock, AnthropicContentDelta, AnthropicMessage, AnthropicStreamEvent,
};

/// Folds the events of a Messages stream into one message: text, thinking and
/// its signature appended per block, a `tool_use` block's `input_json_delta`
/// fragments parsed into its `input` when the block stops, the `message_delta`'s
/// stop reason and usage laid over `message_start`'s.
#[derive(Debug, Default)]
pub struct AnthropicAccumulator {
    message: AnthropicMessage,
    /// Block index → position in `content`, and the block's input JSON so far.
    blocks: Vec<(i64, usize, String)>,
}

impl AnthropicAccumulator {
    /// An empty fold.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one event. An `error` event is returned as an error.
    pub fn push(&mut self, event: AnthropicStreamEvent) -> Result<(), Error> {
        match event {
            AnthropicStreamEvent::MessageStart { message } => self.message = message,
            AnthropicStreamEvent::ContentBlockStart {
                content_block,
                index,
            } => {
                self.blocks
                    .push((index, self.message.content.len(), String::new()));
                self.message.content.push(content_block);
            }
            AnthropicStreamEvent::ContentBlockDelta { delta, index } => {
                let Some((_, at, json)) = self.blocks.iter_mut().find(|b| b.0 == index) else {
                    return Ok(());
                };
                match (&mut self.message.content[*at], delta) {
                    (
                        AnthropicContentBlock::Text { text },
                        AnthropicContentDelta::TextDelta { text: more },
                    ) => text.push_str(&more),
                    (
                        AnthropicContentBlock::Thinking { thinking, .. },
                        AnthropicContentDelta::ThinkingDelta { thinking: more },
                    ) => thinking.push_str(&more),
                    (
                        AnthropicContentBlock::Thinking { signature, .. },
                        AnthropicContentDelta::SignatureDelta { signature: more },
                    ) => signature.get_or_insert_with(String::new).push_str(&more),
                    (_, AnthropicContentDelta::InputJsonDelta { partial_json }) => {
                        json.push_str(&partial_json)
                    }
                    _ => {}
                }
            }
            AnthropicStreamEvent::ContentBlockStop { index } => {
                let Some((_, at, json)) = self.blocks.iter_mut().find(|b| b.0 == index) else {
                    return Ok(());
                };
                if let AnthropicContentBlock::ToolUse { input, .. } = &mut self.message.content[*at]
                    && !json.is_empty()
                {
                    *input = serde_json::from_str(json).map_err(|e| {
                        Error::UnexpectedResponse(format!(
                            "tool_use input is not a JSON object: {e}"
                        ))
                    })?;
                }
            }
            AnthropicStreamEvent::MessageDelta { delta, usage } => {
                self.message.stop_reason = delta.stop_reason.or(self.message.stop_reason.take());
                self.message.stop_sequence =
                    delta.stop_sequence.or(self.message.stop_sequence.take());
                if let Some(usage) = usage {
                    let kept = self.message.usage.get_or_insert_with(Default::default);
                    kept.input_tokens = usage.input_tokens.or(kept.input_tokens);
                    kept.output_tokens = usage.output_tokens.or(kept.output_tokens);
                    kept.cache_read_input_tokens = usage
                        .cache_read_input_tokens
                        .or(kept.cache_read_input_tokens);
                    kept.cache_creation_input_tokens = usage
                        .cache_creation_input_tokens
                        .or(kept.cache_creation_input_tokens);
                }
            }
            AnthropicStreamEvent::Error { error } => {
                let message = error.message.unwrap_or_default();
                return Err(Error::UnexpectedResponse(format!("error event: {message}")));
            }
            _ => {}
        }
        Ok(())
    }

    /// The message a plain call would have returned.
    pub fn finish(self) -> AnthropicMessage {
        self.message
    }
}

/// Folding for any stream of Messages events, e.g. the one
/// `Client::create_message_stream` returns.
pub trait AnthropicStreamExt:
    Stream<Item = Result<AnthropicStreamEvent, Error>> + Unpin + Sized
{
    /// Reads the whole stream into the message a plain call returns.
    fn collect_message(self) -> impl Future<Output = Result<AnthropicMessage, Error>> + Send
    where
        Self: Send,
    {
        async move {
            let mut events = self;
            let mut fold = AnthropicAccumulator::new();
            while let Some(event) = events.next().await {
                fold.push(event?)?;
            }
            Ok(fold.finish())
        }
    }
}

impl<S> AnthropicStreamExt for S where S: Stream<Item = Result<AnthropicStreamEvent, Error>> + Unpin {}
