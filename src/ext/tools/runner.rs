//! The tool loop: typed async handlers, called for the model's tool calls (those
//! of one turn concurrently) until it answers without one or a step limit.

use crate::ext::anthropic::{AnthropicAccumulator, tool_call};
use crate::ext::chat::fold::{ChatAccumulator, ChatEvent, ChatEvents, EventFold};
use crate::ext::tools::schema::schema_for;
use crate::runtime::client::Client;
use crate::runtime::error::Error;
use crate::runtime::stream::events::{EventStream, StreamChunk};
use futures_core::Stream;
use futures_util::future::{BoxFuture, join_all};
use futures_util::{FutureExt, StreamExt};
use schemars::JsonSchema;
use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Value, json};
use std::{collections::VecDeque, fmt::Display, future::Future};
use zai_types::types::{
    AnthropicInputBlock, AnthropicInputMessage, AnthropicMessage, AnthropicMessageRequest,
    AnthropicStreamEvent, AnthropicTool, ChatCompletionChunk, ChatCompletionRequest,
    ChatCompletionResponse, ChatMessage, ChatTool, ToolCall,
};

/// A handler, type-erased: the arguments' JSON text in, the result text out.
type Handler = Box<dyn Fn(&str) -> BoxFuture<'static, Result<String, String>> + Send + Sync>;

/// Tools with their handlers, and the loop that calls them for the model.
///
/// A handler takes its arguments as a type (`Args: JsonSchema + Deserialize`,
/// its schema the tool's parameters) and returns `Result<R, E>`: `R` is sent back
/// as JSON (a string as is), `E` as a tool error the model reads. Arguments that
/// do not parse, and unknown tools, are tool errors too.
pub struct ToolRunner {
    tools: Vec<(String, String, Value, Handler)>,
    max_steps: usize,
}

impl std::fmt::Debug for ToolRunner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.tools.iter().map(|t| t.0.as_str()).collect();
        f.debug_struct("ToolRunner")
            .field("tools", &names)
            .field("max_steps", &self.max_steps)
            .finish()
    }
}

/// The end of a tool loop: the last reply, the whole conversation (the request's
/// messages, every turn and result, the last reply) and the model calls made.
/// When the step limit stopped the loop, the last reply still asks for tools.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ToolRun<Reply = ChatCompletionResponse, Message = ChatMessage> {
    /// The model's last reply.
    pub reply: Reply,
    /// The conversation, ready to go on with.
    pub messages: Vec<Message>,
    /// Model calls made.
    pub steps: usize,
}

/// What [`ToolRunner::stream`] yields.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)] // as `ChatEvent`, whose variant it carries
pub enum ToolEvent {
    /// An event of a streamed model turn: text and reasoning deltas, a tool call
    /// started (its first `ToolCallDelta`, which names it) and completed, usage,
    /// the turn's end (`Done`).
    Chat(ChatEvent),
    /// A tool's result as sent back to the model (`Err`: the tool error).
    Result {
        /// The call it answers.
        call: ToolCall,
        /// The handler's result text, or its error.
        output: Result<String, String>,
    },
}

impl Default for ToolRunner {
    fn default() -> Self {
        ToolRunner {
            tools: Vec::new(),
            max_steps: 8,
        }
    }
}

impl ToolRunner {
    /// No tools; at most 8 model calls per run.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a tool: its name, what it does (for the model) and its handler.
    pub fn tool<Args, R, E, Fut>(
        mut self,
        name: impl Into<String>,
        description: impl Into<String>,
        handler: impl Fn(Args) -> Fut + Send + Sync + 'static,
    ) -> Self
    where
        Args: JsonSchema + DeserializeOwned,
        Fut: Future<Output = Result<R, E>> + Send + 'static,
        R: Serialize,
        E: Display,
    {
        let handler: Handler = Box::new(move |arguments| {
            let args = match serde_json::from_str(if arguments.is_empty() {
                "{}"
            } else {
                arguments
            }) {
                Ok(args) => handler(args),
                Err(e) => {
                    return std::future::ready(Err(format!("invalid arguments: {e}"))).boxed();
                }
            };
            async move {
                let output = args.await.map_err(|e| e.to_string())?;
                match serde_json::to_value(output).map_err(|e| e.to_string())? {
                    Value::String(text) => Ok(text),
                    other => Ok(other.to_string()),
                }
            }
            .boxed()
        });
        let (name, description) = (name.into(), description.into());
        self.tools
            .push((name, description, schema_for::<Args>(), handler));
        self
    }

    /// The most model calls one run makes (default 8).
    pub fn max_steps(mut self, steps: usize) -> Self {
        self.max_steps = steps;
        self
    }

    /// The tools, for a chat completion request.
    pub fn chat_tools(&self) -> Vec<ChatTool> {
        let tools = self.tools.iter();
        tools
            .map(|(n, d, s, _)| ChatTool::function(n, d, s.clone()))
            .collect()
    }

    /// The tools, for an Anthropic Messages request.
    pub fn anthropic_tools(&self) -> Vec<AnthropicTool> {
        let tools = self.tools.iter();
        tools
            .map(|(n, d, s, _)| AnthropicTool::new(n, s.clone()).description(d))
            .collect()
    }

    /// Runs the handler of tool `name` on `arguments` (JSON text).
    pub async fn call(&self, name: &str, arguments: &str) -> Result<String, String> {
        match self.tools.iter().find(|t| t.0 == name) {
            Some((.., handler)) => handler(arguments).await,
            None => Err(format!("no tool named `{name}`")),
        }
    }

    /// Answers the calls of one turn, concurrently: the `tool` messages, in order.
    async fn answer(&self, calls: &[ToolCall]) -> Vec<Result<String, String>> {
        join_all(
            calls
                .iter()
                .map(|c| self.call(c.name().unwrap_or_default(), c.arguments().unwrap_or("{}"))),
        )
        .await
    }

    /// Chat completions until the model answers without a tool call (or
    /// [`Self::max_steps`]). `request` gets the runner's tools when it has none.
    pub async fn run(
        &self,
        client: &Client,
        request: ChatCompletionRequest,
    ) -> Result<ToolRun, Error> {
        self.run_with(client, request).await
    }

    /// [`Self::run`] on the Anthropic-compatible Messages endpoint: a failed
    /// tool is sent back as a `tool_result` with `is_error: true`.
    pub async fn run_messages(
        &self,
        client: &Client,
        request: AnthropicMessageRequest,
    ) -> Result<ToolRun<AnthropicMessage, AnthropicInputMessage>, Error> {
        self.run_with(client, request).await
    }

    async fn run_with<P: Protocol>(
        &self,
        client: &Client,
        request: P,
    ) -> Result<ToolRun<P::Reply, P::Message>, Error> {
        let mut request = request.with_tools(self);
        let mut steps = 0;
        loop {
            let reply = request.reply(client).await?;
            steps += 1;
            let calls = request.push_reply(&reply);
            if calls.is_empty() || steps == self.max_steps {
                let messages = request.messages();
                return Ok(ToolRun {
                    reply,
                    messages,
                    steps,
                });
            }
            let outputs = self.answer(&calls).await;
            request.push_results(&calls, &outputs);
        }
    }

    /// [`Self::run`], streamed: each turn's [`ChatEvent`]s as they arrive, then
    /// the tools' results; ends after the model's last turn (or an error).
    pub fn stream<'a>(
        &'a self,
        client: &'a Client,
        request: ChatCompletionRequest,
    ) -> impl Stream<Item = Result<ToolEvent, Error>> + Send + Unpin + 'a {
        self.stream_with(client, request)
    }

    /// [`Self::run_messages`], streamed: the same [`ToolEvent`]s as
    /// [`Self::stream`] (a `tool_use` block as a [`ToolCall`]).
    pub fn stream_messages<'a>(
        &'a self,
        client: &'a Client,
        request: AnthropicMessageRequest,
    ) -> impl Stream<Item = Result<ToolEvent, Error>> + Send + Unpin + 'a {
        self.stream_with(client, request)
    }

    fn stream_with<'a, P: Protocol + 'a>(
        &'a self,
        client: &'a Client,
        request: P,
    ) -> impl Stream<Item = Result<ToolEvent, Error>> + Send + Unpin + 'a {
        let state = Streamed {
            runner: self,
            client,
            request: request.with_tools(self),
            events: None,
            text: String::new(),
            reasoning: String::new(),
            calls: Vec::new(),
            ready: VecDeque::new(),
            steps: 0,
            done: false,
        };
        Box::pin(futures_util::stream::unfold(
            state,
            |mut state| async move {
                let item = state.next().await?;
                Some((item, state))
            },
        ))
    }
}

/// What the tool loop needs of a protocol (chat completions, Anthropic
/// Messages): its request is the conversation so far.
trait Protocol: Send + Sync + Sized {
    type Reply: Send;
    type Message;
    type Chunk: StreamChunk;
    type Fold: EventFold<Chunk = Self::Chunk> + Unpin + Send;
    /// The request with the runner's tools, unless it has some.
    fn with_tools(self, runner: &ToolRunner) -> Self;
    fn reply(&self, client: &Client) -> impl Future<Output = Result<Self::Reply, Error>> + Send;
    fn open(
        &self,
        client: &Client,
    ) -> impl Future<Output = Result<EventStream<Self::Chunk>, Error>> + Send;
    /// Adds the reply as the assistant's turn; its tool calls.
    fn push_reply(&mut self, reply: &Self::Reply) -> Vec<ToolCall>;
    /// A streamed assistant turn: its text, reasoning and tool calls.
    fn push_turn(&mut self, text: Option<String>, reasoning: Option<String>, calls: &[ToolCall]);
    /// The tools' results (`Err`: a tool error), in the calls' order.
    fn push_results(&mut self, calls: &[ToolCall], outputs: &[Result<String, String>]);
    fn messages(self) -> Vec<Self::Message>;
}

impl Protocol for ChatCompletionRequest {
    type Reply = ChatCompletionResponse;
    type Message = ChatMessage;
    type Chunk = ChatCompletionChunk;
    type Fold = ChatAccumulator;

    fn with_tools(self, runner: &ToolRunner) -> Self {
        match self.tools.is_empty() {
            true => self.tools(runner.chat_tools()),
            false => self,
        }
    }

    fn reply(&self, client: &Client) -> impl Future<Output = Result<Self::Reply, Error>> + Send {
        client.create_chat_completion(self)
    }

    fn open(
        &self,
        client: &Client,
    ) -> impl Future<Output = Result<EventStream<Self::Chunk>, Error>> + Send {
        client.create_chat_completion_stream(self)
    }

    fn push_reply(&mut self, reply: &Self::Reply) -> Vec<ToolCall> {
        self.messages
            .extend(reply.message().cloned().map(Into::into));
        reply.tool_calls().to_vec()
    }

    /// As the plain loop sends the reply back, reasoning included (GLM's
    /// preserved thinking reads it).
    fn push_turn(&mut self, text: Option<String>, reasoning: Option<String>, calls: &[ToolCall]) {
        self.messages.push(ChatMessage::Assistant {
            name: None,
            content: text,
            reasoning_content: reasoning,
            tool_calls: calls.to_vec(),
        });
    }

    /// A `tool` message per call: the result, or `{"error": …}`.
    fn push_results(&mut self, calls: &[ToolCall], outputs: &[Result<String, String>]) {
        let results = calls
            .iter()
            .zip(outputs)
            .map(|(call, output)| match output {
                Ok(text) => ChatMessage::tool_result(call, text.as_str()),
                Err(error) => ChatMessage::tool_result(call, json!({ "error": error }).to_string()),
            });
        self.messages.extend(results);
    }

    fn messages(self) -> Vec<ChatMessage> {
        self.messages
    }
}

impl Protocol for AnthropicMessageRequest {
    type Reply = AnthropicMessage;
    type Message = AnthropicInputMessage;
    type Chunk = AnthropicStreamEvent;
    type Fold = AnthropicAccumulator;

    fn with_tools(mut self, runner: &ToolRunner) -> Self {
        if self.tools.is_empty() {
            self.tools = runner.anthropic_tools();
        }
        self
    }

    fn reply(&self, client: &Client) -> impl Future<Output = Result<Self::Reply, Error>> + Send {
        client.create_message(self)
    }

    fn open(
        &self,
        client: &Client,
    ) -> impl Future<Output = Result<EventStream<Self::Chunk>, Error>> + Send {
        client.create_message_stream(self)
    }

    fn push_reply(&mut self, reply: &Self::Reply) -> Vec<ToolCall> {
        self.messages.push(reply.clone().into());
        let uses = reply.tool_uses().enumerate();
        uses.map(|(at, (id, name, input))| tool_call(at, id, name, input))
            .collect()
    }

    /// Reasoning is left out: a thinking block sent back needs its signature,
    /// which the loop's `ChatEvent`s do not carry.
    fn push_turn(&mut self, text: Option<String>, _reasoning: Option<String>, calls: &[ToolCall]) {
        let uses = calls.iter().map(|call| AnthropicInputBlock::ToolUse {
            id: call.call_id().to_owned(),
            // Arguments came from a parsed `tool_use` input: an object.
            input: serde_json::from_str(call.arguments().unwrap_or("{}")).unwrap_or_default(),
            name: call.name().unwrap_or_default().to_owned(),
        });
        let text = text.map(|text| AnthropicInputBlock::Text { text });
        let blocks: Vec<_> = text.into_iter().chain(uses).collect();
        self.messages.push(AnthropicInputMessage::assistant(blocks));
    }

    /// One user turn of `tool_result` blocks (`is_error: true` for a failure).
    fn push_results(&mut self, calls: &[ToolCall], outputs: &[Result<String, String>]) {
        let results = calls
            .iter()
            .zip(outputs)
            .map(|(call, output)| match output {
                Ok(text) => AnthropicInputBlock::tool_result(call.call_id(), text),
                Err(error) => AnthropicInputBlock::tool_error(call.call_id(), error),
            });
        let results: Vec<_> = results.collect();
        self.messages.push(AnthropicInputMessage::user(results));
    }

    fn messages(self) -> Vec<AnthropicInputMessage> {
        self.messages
    }
}

/// The state of [`ToolRunner::stream`] and [`ToolRunner::stream_messages`].
struct Streamed<'a, P: Protocol> {
    runner: &'a ToolRunner,
    client: &'a Client,
    request: P,
    /// The turn being streamed.
    events: Option<ChatEvents<EventStream<P::Chunk>, P::Fold>>,
    /// The turn's text, reasoning and completed tool calls so far.
    text: String,
    reasoning: String,
    calls: Vec<ToolCall>,
    ready: VecDeque<ToolEvent>,
    steps: usize,
    done: bool,
}

impl<P: Protocol> Streamed<'_, P> {
    async fn next(&mut self) -> Option<Result<ToolEvent, Error>> {
        loop {
            if let Some(event) = self.ready.pop_front() {
                return Some(Ok(event));
            }
            if self.done {
                return None;
            }
            let Some(events) = &mut self.events else {
                if !self.calls.is_empty() {
                    // The last turn asked for tools: answer them, then go on.
                    let calls = std::mem::take(&mut self.calls);
                    let taken = |t: &mut String| Some(std::mem::take(t)).filter(|t| !t.is_empty());
                    let (text, reasoning) = (taken(&mut self.text), taken(&mut self.reasoning));
                    let outputs = self.runner.answer(&calls).await;
                    self.request.push_turn(text, reasoning, &calls);
                    self.request.push_results(&calls, &outputs);
                    let results = calls.into_iter().zip(outputs);
                    let results = results.map(|(call, output)| ToolEvent::Result { call, output });
                    self.ready.extend(results);
                    continue;
                }
                self.steps += 1;
                match self.request.open(self.client).await {
                    Ok(stream) => self.events = Some(ChatEvents::new(stream)),
                    Err(e) => {
                        self.done = true;
                        return Some(Err(e));
                    }
                }
                continue;
            };
            match events.next().await {
                Some(Ok(event)) => {
                    match &event {
                        ChatEvent::ContentDelta(text) => self.text.push_str(text),
                        ChatEvent::ReasoningDelta(text) => self.reasoning.push_str(text),
                        ChatEvent::ToolCallCompleted(call) => self.calls.push(call.clone()),
                        ChatEvent::Done { .. } => {
                            self.events = None;
                            self.done =
                                self.calls.is_empty() || self.steps == self.runner.max_steps;
                        }
                        _ => {}
                    }
                    return Some(Ok(ToolEvent::Chat(event)));
                }
                Some(Err(e)) => {
                    self.done = true;
                    return Some(Err(e));
                }
                None => self.done = true,
            }
        }
    }
}
