//! Streamed chat completions, folded: into the [`ChatCompletionResponse`] a
//! non-streaming call returns ([`ChatAccumulator`], [`ChatStreamExt::collect_completion`]),
//! or into semantic [`ChatEvent`]s for a UI ([`ChatStreamExt::events`]).
//!
//! Every wire quirk of GLM streams is handled here, once:
//!
//! * `role` repeated on every delta; `content: ""` beside `reasoning_content`;
//! * tool calls merged by their stream `index`, whether they arrive whole in one
//!   chunk or as `arguments` fragments (`tool_stream`). A missing or negative
//!   `index` (glm-4.5-flash sends `-1`) is never used as a position: such a call
//!   carrying an `id` starts a new call (or continues the open call with that
//!   `id`), one without an `id` continues the latest open call;
//! * `finish_reason` repeated on several chunks (glm-4.5 puts it on every
//!   tool-call chunk and on the final one): the last non-null value wins;
//! * `usage` on the final chunk, `object` present or absent, `web_search`,
//!   `content_filter` verdicts;
//! * `delta.audio` of voice models: a base64 segment per chunk, folded into one
//!   `audio` whose `data` encodes all the segments' bytes.
//!
//! A tool call is complete when its choice reports a `finish_reason` or the
//! stream ends. The folded tool calls carry their position in the message as
//! `index`, as a non-streaming response does.

use crate::runtime::error::{Error, StreamError};
use crate::runtime::stream::events::EventStream;
use crate::runtime::stream::fault::StreamFaults;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::Bytes;
use futures_core::Stream;
use futures_util::{FutureExt, StreamExt};
use std::{
    collections::VecDeque,
    future::Future,
    pin::Pin,
    task::{Context, Poll},
};
use zai_types::types::{
    AssistantMessage, ChatAudio, ChatChoice, ChatCompletionChunk, ChatCompletionResponse,
    ContentFilter, FinishReason, FunctionCall, Role, ToolCall, ToolType, Usage, WebSearchResult,
};

/// What happened in a chat completion stream, for a UI.
///
/// Text deltas are passed on as they arrive (never empty) and not kept, so a
/// stream of events holds no more than the tool calls still open.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
// `ToolCall` (with its MCP details) is the large variant; it comes once per call,
// and boxing it would change the public variant.
#[allow(clippy::large_enum_variant)]
pub enum ChatEvent {
    /// More `reasoning_content` (thinking).
    ReasoningDelta(String),
    /// More `content` (the answer).
    ContentDelta(String),
    /// A piece of a tool call: the first one names it, later ones add
    /// `arguments` text.
    ToolCallDelta {
        /// Position of the call in the message (0, 1, ...), not the wire `index`.
        index: usize,
        /// The call's `id`, when this piece carries it.
        id: Option<String>,
        /// The function name, when this piece carries it.
        name: Option<String>,
        /// This piece of the arguments JSON text (may be empty).
        arguments: String,
    },
    /// A tool call is complete: its `arguments` are whole.
    ToolCallCompleted(ToolCall),
    /// Search results sent with the stream (`web_search` tool with `search_result`).
    WebSearch(Vec<WebSearchResult>),
    /// A segment of a voice model's spoken answer (`delta.audio`, base64 `data`).
    Audio(ChatAudio),
    /// Content-safety verdicts sent with the stream (`content_filter`).
    ContentFilter(Vec<ContentFilter>),
    /// Token usage (sent on the final chunk).
    Usage(Usage),
    /// The stream ended properly.
    Done {
        /// The last `finish_reason` the stream sent, if any.
        finish_reason: Option<FinishReason>,
    },
}

/// A tool call still receiving pieces.
#[derive(Debug)]
struct OpenCall {
    /// The non-negative wire `index` it was announced with.
    key: Option<i64>,
    /// Position in the message.
    position: usize,
    call: ToolCall,
}

/// The fold of one choice.
#[derive(Debug)]
struct ChoiceState {
    index: i64,
    role: Option<Role>,
    content: Option<String>,
    reasoning: Option<String>,
    audio: Option<AudioFold>,
    open: Vec<OpenCall>,
    done: Vec<ToolCall>,
    calls_seen: usize,
    finish_reason: Option<FinishReason>,
}

/// The `delta.audio` segments of one choice.
#[derive(Debug, Default)]
struct AudioFold {
    id: Option<String>,
    expires_at: Option<serde_json::Value>,
    segments: Vec<String>,
}

impl AudioFold {
    fn push(&mut self, audio: ChatAudio) {
        self.id = audio.id.or(self.id.take());
        self.expires_at = audio.expires_at.or(self.expires_at.take());
        self.segments.extend(audio.data);
    }

    /// One audio: the segments' bytes re-encoded as one base64 text. Segments that
    /// are not base64 are joined as sent rather than dropped.
    fn finish(self) -> ChatAudio {
        let decoded: Result<Vec<Vec<u8>>, _> =
            self.segments.iter().map(|s| BASE64.decode(s)).collect();
        let data = match decoded {
            Ok(parts) => BASE64.encode(parts.concat()),
            Err(_) => self.segments.concat(),
        };
        // Field by field: generated structs are `#[non_exhaustive]`.
        let mut audio = ChatAudio::default();
        audio.data = Some(data);
        audio.expires_at = self.expires_at;
        audio.id = self.id;
        audio
    }
}

/// Where the fold's results go: kept for the final response, or emitted.
enum Sink<'a> {
    Keep,
    Emit(&'a mut VecDeque<ChatEvent>),
}

impl ChoiceState {
    fn new(index: i64) -> Self {
        ChoiceState {
            index,
            role: None,
            content: None,
            reasoning: None,
            audio: None,
            open: Vec::new(),
            done: Vec::new(),
            calls_seen: 0,
            finish_reason: None,
        }
    }

    fn merge_call(&mut self, piece: ToolCall, sink: &mut Sink<'_>) {
        let key = piece.index.filter(|i| *i >= 0);
        let same_id = |open: &OpenCall| {
            piece.id.is_none() || open.call.id.is_none() || open.call.id == piece.id
        };
        let found = match key {
            Some(k) => self
                .open
                .iter()
                .position(|o| o.key == Some(k) && same_id(o)),
            None if piece.id.is_some() => self.open.iter().position(|o| o.call.id == piece.id),
            None => self.open.len().checked_sub(1),
        };
        let (name, arguments) = match piece.function {
            Some(f) => (f.name, f.arguments.unwrap_or_default()),
            None => (None, String::new()),
        };
        let (position, call) = match found {
            Some(i) => {
                let open = &mut self.open[i];
                (open.position, &mut open.call)
            }
            None => {
                let position = self.calls_seen;
                self.calls_seen += 1;
                self.open.push(OpenCall {
                    key,
                    position,
                    call: ToolCall::default().index(position as i64),
                });
                let last = self.open.len() - 1;
                (position, &mut self.open[last].call)
            }
        };
        if call.id.is_none() {
            call.id.clone_from(&piece.id);
        }
        if call.type_.is_none() || piece.type_.is_some() {
            call.type_ = piece.type_.or(Some(ToolType::Function));
        }
        let function = call.function.get_or_insert_with(FunctionCall::default);
        if function.name.is_none() {
            function.name.clone_from(&name);
        }
        let args = function.arguments.get_or_insert_with(String::new);
        match sink {
            Sink::Keep if args.is_empty() => *args = arguments,
            Sink::Keep => args.push_str(&arguments),
            Sink::Emit(out) => {
                args.push_str(&arguments);
                out.push_back(ChatEvent::ToolCallDelta {
                    index: position,
                    id: piece.id,
                    name,
                    arguments,
                });
            }
        }
    }

    /// Closes the open tool calls.
    fn complete_calls(&mut self, sink: &mut Sink<'_>) {
        for open in self.open.drain(..) {
            match sink {
                Sink::Keep => self.done.push(open.call),
                Sink::Emit(out) => out.push_back(ChatEvent::ToolCallCompleted(open.call)),
            }
        }
    }
}

/// Appends a text delta to `slot` (keep) or emits it as an event.
fn text(
    slot: &mut Option<String>,
    delta: String,
    sink: &mut Sink<'_>,
    event: fn(String) -> ChatEvent,
) {
    match sink {
        Sink::Keep => match slot {
            Some(text) => text.push_str(&delta),
            None => *slot = Some(delta),
        },
        Sink::Emit(out) if !delta.is_empty() => out.push_back(event(delta)),
        Sink::Emit(_) => {}
    }
}

/// Adds the items `kept` does not hold yet (a stream may repeat them on several chunks).
fn add_unique<T: PartialEq>(kept: &mut Option<Vec<T>>, items: Vec<T>) {
    let kept = kept.get_or_insert_with(Vec::new);
    for item in items {
        if !kept.contains(&item) {
            kept.push(item);
        }
    }
}

/// Folds the chunks of a chat completion stream into one response.
///
/// ```
/// use zai::ChatAccumulator;
/// let mut acc = ChatAccumulator::new();
/// for data in [
///     r#"{"id":"a","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"}}]}"#,
///     r#"{"id":"a","choices":[{"index":0,"finish_reason":"stop","delta":{"content":"lo"}}]}"#,
/// ] {
///     acc.push(serde_json::from_str(data).unwrap());
/// }
/// let response = acc.finish();
/// let message = response.choices[0].message.as_ref().unwrap();
/// assert_eq!(message.content.as_deref(), Some("Hello"));
/// ```
#[derive(Debug, Default)]
pub struct ChatAccumulator {
    id: Option<String>,
    model: Option<String>,
    created: Option<i64>,
    object: Option<String>,
    usage: Option<Usage>,
    web_search: Option<Vec<WebSearchResult>>,
    content_filter: Option<Vec<ContentFilter>>,
    choices: Vec<ChoiceState>,
    last_finish: Option<FinishReason>,
}

impl ChatAccumulator {
    /// An empty fold.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one chunk, keeping its text and tool calls for [`Self::finish`].
    pub fn push(&mut self, chunk: ChatCompletionChunk) {
        self.apply(chunk, &mut Sink::Keep);
    }

    fn apply(&mut self, chunk: ChatCompletionChunk, sink: &mut Sink<'_>) {
        self.id = self.id.take().or(chunk.id);
        self.model = self.model.take().or(chunk.model);
        self.created = self.created.or(chunk.created);
        self.object = self.object.take().or(chunk.object);
        for choice in chunk.choices {
            let index = choice.index.unwrap_or(0);
            let state = match self.choices.iter().position(|c| c.index == index) {
                Some(i) => &mut self.choices[i],
                None => {
                    self.choices.push(ChoiceState::new(index));
                    let last = self.choices.len() - 1;
                    &mut self.choices[last]
                }
            };
            if let Some(delta) = choice.delta {
                if delta.role.is_some() {
                    state.role = delta.role;
                }
                if let Some(r) = delta.reasoning_content {
                    text(&mut state.reasoning, r, sink, ChatEvent::ReasoningDelta);
                }
                if let Some(c) = delta.content {
                    text(&mut state.content, c, sink, ChatEvent::ContentDelta);
                }
                for piece in delta.tool_calls.into_iter().flatten() {
                    state.merge_call(piece, sink);
                }
                if let Some(audio) = delta.audio {
                    match sink {
                        Sink::Keep => state
                            .audio
                            .get_or_insert_with(AudioFold::default)
                            .push(audio),
                        Sink::Emit(out) => out.push_back(ChatEvent::Audio(audio)),
                    }
                }
            }
            if let Some(reason) = choice.finish_reason {
                state.complete_calls(sink);
                self.last_finish = Some(reason.clone());
                state.finish_reason = Some(reason);
            }
        }
        if let Some(results) = chunk.web_search.filter(|r| !r.is_empty()) {
            match sink {
                Sink::Keep => add_unique(&mut self.web_search, results),
                Sink::Emit(out) => out.push_back(ChatEvent::WebSearch(results)),
            }
        }
        if let Some(verdicts) = chunk.content_filter.filter(|v| !v.is_empty()) {
            match sink {
                Sink::Keep => add_unique(&mut self.content_filter, verdicts),
                Sink::Emit(out) => out.push_back(ChatEvent::ContentFilter(verdicts)),
            }
        }
        if let Some(usage) = chunk.usage {
            if let Sink::Emit(out) = sink {
                out.push_back(ChatEvent::Usage(usage.clone()));
            }
            self.usage = Some(usage);
        }
    }

    /// The response a non-streaming call would have returned.
    pub fn finish(mut self) -> ChatCompletionResponse {
        self.choices.sort_by_key(|c| c.index);
        let choices: Vec<ChatChoice> = self
            .choices
            .into_iter()
            .map(|mut c| {
                c.complete_calls(&mut Sink::Keep);
                let mut message = AssistantMessage::default();
                message.audio = c.audio.map(AudioFold::finish);
                message.content = c.content;
                message.reasoning_content = c.reasoning;
                message.role = Some(c.role.unwrap_or(Role::Assistant));
                message.tool_calls = (!c.done.is_empty()).then_some(c.done);
                let mut choice = ChatChoice::default().index(c.index).message(message);
                choice.finish_reason = c.finish_reason;
                choice
            })
            .collect();
        let object = self.object.map(|o| match o.as_str() {
            "chat.completion.chunk" => "chat.completion".to_owned(),
            _ => o,
        });
        let mut response = ChatCompletionResponse::default().choices(choices);
        response.content_filter = self.content_filter;
        response.created = self.created;
        response.id = self.id;
        response.model = self.model;
        response.object = object;
        response.usage = self.usage;
        response.web_search = self.web_search;
        response
    }
}

/// A fold of a protocol's stream into [`ChatEvent`]s: chat completions
/// ([`ChatAccumulator`]) and Anthropic Messages ([`crate::AnthropicAccumulator`])
/// share one event type, so a UI and the tool loop serve both.
pub trait EventFold: Default {
    /// What the stream yields.
    type Chunk;
    /// Adds one chunk without keeping its text: appends what it says to `out`
    /// (memory stays bounded by the open tool calls).
    fn push_events(
        &mut self,
        chunk: Self::Chunk,
        out: &mut VecDeque<ChatEvent>,
    ) -> Result<(), Error>;
    /// After the stream ended properly: completes the open tool calls and
    /// appends [`ChatEvent::Done`].
    fn finish_events(&mut self, out: &mut VecDeque<ChatEvent>);
    /// The token usage the stream reported so far (chat sends it on the final chunk).
    fn usage(&self) -> Option<Usage>;
}

impl EventFold for ChatAccumulator {
    type Chunk = ChatCompletionChunk;

    fn push_events(
        &mut self,
        chunk: ChatCompletionChunk,
        out: &mut VecDeque<ChatEvent>,
    ) -> Result<(), Error> {
        self.apply(chunk, &mut Sink::Emit(out));
        Ok(())
    }

    fn finish_events(&mut self, out: &mut VecDeque<ChatEvent>) {
        let mut sink = Sink::Emit(out);
        for choice in &mut self.choices {
            choice.complete_calls(&mut sink);
        }
        out.push_back(ChatEvent::Done {
            finish_reason: self.last_finish.clone(),
        });
    }

    fn usage(&self) -> Option<Usage> {
        self.usage.clone()
    }
}

/// The stream returned by [`ChatStreamExt::events`] (and
/// [`crate::AnthropicStreamExt::events`]).
#[derive(Debug)]
pub struct ChatEvents<S, F = ChatAccumulator> {
    chunks: S,
    fold: F,
    ready: VecDeque<ChatEvent>,
    ended: bool,
}

impl<S, F: EventFold> ChatEvents<S, F> {
    pub(crate) fn new(chunks: S) -> Self {
        let (fold, ready) = (F::default(), VecDeque::new());
        ChatEvents {
            chunks,
            fold,
            ready,
            ended: false,
        }
    }

    /// The token usage the stream reported so far: once it has ended, the
    /// call's whole usage, without picking it off the last chunk.
    pub fn usage(&self) -> Option<Usage> {
        self.fold.usage()
    }
}

impl<S, F> Stream for ChatEvents<S, F>
where
    S: Stream<Item = Result<F::Chunk, Error>> + Unpin,
    F: EventFold + Unpin,
{
    type Item = Result<ChatEvent, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            if let Some(event) = this.ready.pop_front() {
                return Poll::Ready(Some(Ok(event)));
            }
            if this.ended {
                return Poll::Ready(None);
            }
            match this.chunks.poll_next_unpin(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(chunk)) => {
                    if let Err(e) = chunk.and_then(|c| this.fold.push_events(c, &mut this.ready)) {
                        this.ended = true;
                        return Poll::Ready(Some(Err(e)));
                    }
                }
                Poll::Ready(None) => {
                    this.ended = true;
                    this.fold.finish_events(&mut this.ready);
                }
            }
        }
    }
}

/// Folding for any stream of chat chunks, e.g. the [`EventStream`] returned by
/// `Client::create_chat_completion_stream`.
pub trait ChatStreamExt: Stream<Item = Result<ChatCompletionChunk, Error>> + Unpin + Sized {
    /// Semantic events ([`ChatEvent`]), ending with [`ChatEvent::Done`] when the
    /// stream ended properly; an error ends the stream.
    fn events(self) -> ChatEvents<Self> {
        ChatEvents::new(self)
    }

    /// Reads the whole stream into the response a non-streaming call returns.
    fn collect_completion(
        self,
    ) -> impl Future<Output = Result<ChatCompletionResponse, Error>> + Send
    where
        Self: Send,
    {
        async move {
            let mut chunks = self;
            let mut fold = ChatAccumulator::new();
            while let Some(chunk) = chunks.next().await {
                fold.push(chunk?);
            }
            Ok(fold.finish())
        }
    }
}

impl<S> ChatStreamExt for S where S: Stream<Item = Result<ChatCompletionChunk, Error>> + Unpin {}

/// Decodes a captured chat completion stream body, split into `pieces`, with the
/// client's own decoder, into the response a non-streaming call returns, and the
/// fragments dropped while recovering from concatenated frames.
///
/// ```
/// use bytes::Bytes;
/// let body = "data: {\"id\":\"x\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: [DONE]\n\n";
/// let (response, faults) = zai::completion_from_bytes([Bytes::from(body)]).unwrap();
/// assert_eq!(response.choices[0].message.as_ref().unwrap().content.as_deref(), Some("Hi"));
/// assert!(faults.is_empty());
/// ```
pub fn completion_from_bytes<I>(pieces: I) -> Result<(ChatCompletionResponse, StreamFaults), Error>
where
    I: IntoIterator<Item = Bytes>,
    I::IntoIter: Send + 'static,
{
    let stream = EventStream::<ChatCompletionChunk>::from_chunks(pieces);
    let faults = stream.faults();
    let response = stream
        .collect_completion()
        .now_or_never()
        // An in-memory source is never pending; stay total anyway.
        .unwrap_or(Err(Error::Stream(StreamError::Incomplete)))?;
    Ok((response, faults))
}
