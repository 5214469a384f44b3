//! Streamed Anthropic Messages, folded into the [`AnthropicMessage`] a plain
//! `create_message` returns, or into the [`ChatEvent`]s chat streams make
//! ([`AnthropicAccumulator`], [`AnthropicStreamExt`]).

use crate::ext::chat::fold::{ChatEvent, ChatEvents, EventFold};
use crate::runtime::error::Error;
use futures_core::Stream;
use futures_util::StreamExt;
use serde_json::{Map, Value};
use std::{collections::VecDeque, future::Future};
use zai_types::types::{
    AnthropicContentBlock as Block, AnthropicContentDelta as Delta, AnthropicMessage,
    AnthropicStopReason as StopReason, AnthropicStreamEvent as Event, FinishReason, FunctionCall,
    ToolCall, ToolType, Usage, UsagePromptTokensDetails,
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
    pub fn push(&mut self, event: Event) -> Result<(), Error> {
        match event {
            Event::MessageStart { message } => self.message = message,
            Event::ContentBlockStart {
                content_block,
                index,
            } => {
                self.blocks
                    .push((index, self.message.content.len(), String::new()));
                self.message.content.push(content_block);
            }
            Event::ContentBlockDelta { delta, index } => {
                let Some((_, at, json)) = self.blocks.iter_mut().find(|b| b.0 == index) else {
                    return Ok(());
                };
                match (&mut self.message.content[*at], delta) {
                    (Block::Text { text }, Delta::TextDelta { text: more }) => text.push_str(&more),
                    (Block::Thinking { thinking, .. }, Delta::ThinkingDelta { thinking: more }) => {
                        thinking.push_str(&more)
                    }
                    (
                        Block::Thinking { signature, .. },
                        Delta::SignatureDelta { signature: more },
                    ) => signature.get_or_insert_with(String::new).push_str(&more),
                    (_, Delta::InputJsonDelta { partial_json }) => json.push_str(&partial_json),
                    _ => {}
                }
            }
            Event::ContentBlockStop { index } => {
                let Some((_, at, json)) = self.blocks.iter_mut().find(|b| b.0 == index) else {
                    return Ok(());
                };
                if let Block::ToolUse { input, .. } = &mut self.message.content[*at]
                    && !json.is_empty()
                {
                    *input = serde_json::from_str(json).map_err(|e| {
                        Error::UnexpectedResponse(format!(
                            "tool_use input is not a JSON object: {e}"
                        ))
                    })?;
                }
            }
            Event::MessageDelta { delta, usage } => {
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
            Event::Error { error } => {
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

    /// The `tool_use` block of stream index `index` as a chat [`ToolCall`]
    /// (its `index` the block's position among the message's tool uses).
    fn tool_call(&self, index: i64) -> Option<ToolCall> {
        let &(_, at, _) = self.blocks.iter().find(|b| b.0 == index)?;
        let Block::ToolUse { id, name, input } = &self.message.content[at] else {
            return None;
        };
        let before = self.message.content[..at].iter();
        let position = before.filter(|b| matches!(b, Block::ToolUse { .. }));
        Some(tool_call(position.count(), id, name, input))
    }
}

/// A `tool_use` block as the chat [`ToolCall`] the tool loop and UI events
/// carry: its id, name and input as arguments text.
pub(crate) fn tool_call(at: usize, id: &str, name: &str, input: &Map<String, Value>) -> ToolCall {
    let arguments = Value::Object(input.clone()).to_string();
    let function = FunctionCall::default().name(name).arguments(arguments);
    let call = ToolCall::default().id(id).index(at as i64);
    call.type_(ToolType::Function).function(function)
}

/// Text and thinking are passed on, not kept; a `tool_use` block is announced
/// when it starts (id and name), then each input fragment, then the whole call
/// when it stops; usage when `message_delta` brings it.
impl EventFold for AnthropicAccumulator {
    type Chunk = Event;

    fn push_events(&mut self, event: Event, out: &mut VecDeque<ChatEvent>) -> Result<(), Error> {
        let mut emit = |text: &String, event: fn(String) -> ChatEvent| {
            out.extend((!text.is_empty()).then(|| event(text.clone())));
            Ok(())
        };
        let (index, piece) = match &event {
            Event::ContentBlockDelta { delta, index } => match delta {
                Delta::TextDelta { text } => return emit(text, ChatEvent::ContentDelta),
                Delta::ThinkingDelta { thinking } => {
                    return emit(thinking, ChatEvent::ReasoningDelta);
                }
                Delta::InputJsonDelta { partial_json } => {
                    (Some(*index), Some(partial_json.clone()))
                }
                _ => (None, None),
            },
            Event::ContentBlockStart { index, .. } => (Some(*index), Some(String::new())),
            Event::ContentBlockStop { index } => (Some(*index), None),
            _ => (None, None),
        };
        let named = matches!(event, Event::ContentBlockStart { .. });
        let usage = matches!(event, Event::MessageDelta { .. });
        self.push(event)?;
        if let Some(call) = index.and_then(|i| self.tool_call(i)) {
            out.push_back(match piece {
                None => ChatEvent::ToolCallCompleted(call),
                Some(arguments) => ChatEvent::ToolCallDelta {
                    index: call.index.unwrap_or_default() as usize,
                    id: call.id.filter(|_| named),
                    name: call.function.and_then(|f| f.name).filter(|_| named),
                    arguments,
                },
            });
        }
        if usage {
            out.extend(self.usage().map(ChatEvent::Usage));
        }
        Ok(())
    }

    fn finish_events(&mut self, out: &mut VecDeque<ChatEvent>) {
        let reason = self.message.stop_reason.as_ref();
        let finish_reason = reason.map(|reason| match reason {
            StopReason::EndTurn | StopReason::StopSequence => FinishReason::Stop,
            StopReason::ToolUse => FinishReason::ToolCalls,
            StopReason::MaxTokens => FinishReason::Length,
            other => FinishReason::from(other.as_str()),
        });
        out.push_back(ChatEvent::Done { finish_reason });
    }

    /// In chat's terms: input tokens as prompt tokens (cache reads as cached
    /// ones), output tokens as completion tokens, and their total.
    fn usage(&self) -> Option<Usage> {
        let kept = self.message.usage.as_ref()?;
        let input = kept.input_tokens.unwrap_or(0);
        let output = kept.output_tokens.unwrap_or(0);
        let mut usage = Usage::default().prompt_tokens(input);
        let details = |n: i64| UsagePromptTokensDetails::default().cached_tokens(n);
        usage.prompt_tokens_details = kept.cache_read_input_tokens.map(details);
        Some(usage.completion_tokens(output).total_tokens(input + output))
    }
}

/// Folding for any stream of Messages events, e.g. the one
/// `Client::create_message_stream` returns.
pub trait AnthropicStreamExt: Stream<Item = Result<Event, Error>> + Unpin + Sized {
    /// The same [`ChatEvent`]s a chat stream's `events` yields, ending with
    /// [`ChatEvent::Done`] (`stop_reason` in chat's terms: `tool_use` as
    /// `tool_calls`, `end_turn` as `stop`); an error ends the stream.
    fn events(self) -> ChatEvents<Self, AnthropicAccumulator> {
        ChatEvents::new(self)
    }

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

impl<S> AnthropicStreamExt for S where S: Stream<Item = Result<Event, Error>> + Unpin {}
