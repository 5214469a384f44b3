//! The tool loop: typed async handlers, called for the model's tool calls (those
//! of one turn concurrently) until it answers without one or a step limit.

use crate::ext::chat::fold::{ChatEvent, ChatEvents, ChatStreamExt};
use crate::ext::tools::schema::schema_for;
use crate::runtime::client::Client;
use crate::runtime::error::Error;
use crate::runtime::stream::events::EventStream;
use futures_core::Stream;
use futures_util::future::{BoxFuture, join_all};
use futures_util::{FutureExt, StreamExt};
use schemars::JsonSchema;
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;
use std::{collections::VecDeque, fmt::Display, future::Future};
use zai_types::types::{
    AnthropicInputBlock, AnthropicInputMessage, AnthropicMessage, AnthropicMessageRequest,
    AnthropicTool, ChatCompletionChunk, ChatCompletionRequest, ChatCompletionResponse, ChatMessage,
    ChatTool, ToolCall,
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
        let mut request = self.with_tools(request);
        let mut steps = 0;
        loop {
            let reply = client.create_chat_completion(&request).await?;
            steps += 1;
            let calls = reply.tool_calls().to_vec();
            if let Some(message) = reply.message() {
                request.messages.push(message.clone().into());
            }
            if calls.is_empty() || steps == self.max_steps {
                let messages = request.messages;
                return Ok(ToolRun {
                    reply,
                    messages,
                    steps,
                });
            }
            let outputs = self.answer(&calls).await;
            request
                .messages
                .extend(calls.iter().zip(&outputs).map(|(c, o)| tool_message(c, o)));
        }
    }

    /// [`Self::run`], streamed: each turn's [`ChatEvent`]s as they arrive, then
    /// the tools' results; ends after the model's last turn (or an error).
    pub fn stream<'a>(
        &'a self,
        client: &'a Client,
        request: ChatCompletionRequest,
    ) -> impl Stream<Item = Result<ToolEvent, Error>> + Send + Unpin + 'a {
        let state = Streamed {
            runner: self,
            client,
            request: self.with_tools(request),
            events: None,
            text: String::new(),
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

    /// [`Self::run`] on the Anthropic-compatible Messages endpoint: a failed
    /// tool is sent back as a `tool_result` with `is_error: true`.
    pub async fn run_messages(
        &self,
        client: &Client,
        mut request: AnthropicMessageRequest,
    ) -> Result<ToolRun<AnthropicMessage, AnthropicInputMessage>, Error> {
        if request.tools.is_empty() {
            request.tools = self.anthropic_tools();
        }
        let mut steps = 0;
        loop {
            let reply = client.create_message(&request).await?;
            steps += 1;
            let uses: Vec<(String, String, String)> = reply
                .tool_uses()
                .map(|(id, name, input)| {
                    (
                        id.to_owned(),
                        name.to_owned(),
                        Value::from(input.clone()).to_string(),
                    )
                })
                .collect();
            request.messages.push(reply.clone().into());
            if uses.is_empty() || steps == self.max_steps {
                let messages = request.messages;
                return Ok(ToolRun {
                    reply,
                    messages,
                    steps,
                });
            }
            let outputs =
                join_all(uses.iter().map(|(_, name, input)| self.call(name, input))).await;
            let results = uses
                .into_iter()
                .zip(outputs)
                .map(|((id, ..), output)| match output {
                    Ok(text) => AnthropicInputBlock::tool_result(id, text),
                    Err(error) => AnthropicInputBlock::tool_error(id, error),
                });
            request
                .messages
                .push(AnthropicInputMessage::user(results.collect::<Vec<_>>()));
        }
    }

    fn with_tools(&self, request: ChatCompletionRequest) -> ChatCompletionRequest {
        match request.tools.is_empty() {
            true => request.tools(self.chat_tools()),
            false => request,
        }
    }
}

/// The `tool` message answering `call`: the result, or `{"error": …}`.
fn tool_message(call: &ToolCall, output: &Result<String, String>) -> ChatMessage {
    match output {
        Ok(text) => ChatMessage::tool_result(call, text.as_str()),
        Err(error) => {
            ChatMessage::tool_result(call, serde_json::json!({ "error": error }).to_string())
        }
    }
}

/// The state of [`ToolRunner::stream`].
struct Streamed<'a> {
    runner: &'a ToolRunner,
    client: &'a Client,
    request: ChatCompletionRequest,
    /// The turn being streamed.
    events: Option<ChatEvents<EventStream<ChatCompletionChunk>>>,
    /// The turn's text and completed tool calls so far.
    text: String,
    calls: Vec<ToolCall>,
    ready: VecDeque<ToolEvent>,
    steps: usize,
    done: bool,
}

impl Streamed<'_> {
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
                    let text = Some(std::mem::take(&mut self.text)).filter(|t| !t.is_empty());
                    let outputs = self.runner.answer(&calls).await;
                    self.request
                        .messages
                        .push(ChatMessage::assistant_tool_calls(text, calls.clone()));
                    for (call, output) in calls.into_iter().zip(outputs) {
                        self.request.messages.push(tool_message(&call, &output));
                        self.ready.push_back(ToolEvent::Result { call, output });
                    }
                    continue;
                }
                self.steps += 1;
                match self
                    .client
                    .create_chat_completion_stream(&self.request)
                    .await
                {
                    Ok(stream) => self.events = Some(stream.events()),
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
