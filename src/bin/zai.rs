//! `zai`: the Z.AI API from the command line (feature `cli`).
//!
//! Every subcommand is a thin front-end over one generated `zai::Client` method;
//! `zai api` calls any JSON operation of the spec by its operationId, and
//! `--mock` answers everything from the built-in mock server (no key needed).
//!
//! Exit codes: 0 success, 1 API or network error (one line on stderr), 2 usage.

use clap::{Args, Parser, Subcommand, ValueEnum};
use futures_util::StreamExt;
use serde_json::{Value, json};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;
use zai::types;

#[derive(Parser, Debug)]
#[command(
    name = "zai",
    version,
    about = "Call the Z.AI (GLM) API from the command line."
)]
struct Cli {
    /// Base URL of the `paas/v4` API (default https://api.z.ai/api/paas/v4).
    #[arg(long, global = true, env = "ZAI_BASE_URL")]
    base_url: Option<String>,
    /// API key (`id.secret`).
    #[arg(long, global = true, env = "ZAI_API_KEY", hide_env_values = true)]
    api_key: Option<String>,
    /// How the key is sent: as is (`bearer`) or as a signed HS256 token (`jwt`).
    #[arg(long, global = true, value_enum, default_value_t = AuthKind::Bearer)]
    auth: AuthKind,
    /// Give up on a call after this many seconds (including retries).
    #[arg(long, global = true, value_name = "SECS")]
    timeout: Option<f64>,
    /// Retries of a failed call (default 3).
    #[arg(long, global = true, value_name = "N")]
    max_retries: Option<u32>,
    /// Answer from the built-in mock server (in-process, offline; no key needed).
    #[arg(long, global = true)]
    mock: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum AuthKind {
    Bearer,
    Jwt,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Switch {
    On,
    Off,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Chat with a model; the reply goes to stdout, reasoning to stderr.
    Chat(ChatArgs),
    /// Generate an image; prints its URL.
    Image {
        prompt: String,
        #[arg(long, default_value = "glm-image")]
        model: String,
        /// e.g. 1280x1280.
        #[arg(long)]
        size: Option<String>,
    },
    /// Start a video generation; prints the task id (or, with --wait, the URLs).
    Video {
        prompt: String,
        #[arg(long, default_value = "cogvideox-3")]
        model: String,
        /// An image to animate.
        #[arg(long)]
        image_url: Option<String>,
        #[command(flatten)]
        wait: WaitArgs,
    },
    /// Show an asynchronous task's status and results.
    Result {
        id: String,
        #[command(flatten)]
        wait: WaitArgs,
    },
    /// Search the web.
    Search {
        query: String,
        #[arg(long, default_value = "search-prime")]
        engine: String,
        #[arg(long)]
        count: Option<i64>,
    },
    /// Read a web page as text.
    Read { url: String },
    /// Count the tokens of a prompt.
    Tokenize {
        text: String,
        #[arg(long, default_value = "glm-4.7")]
        model: String,
    },
    /// Recognize handwriting in an image.
    Ocr {
        file: PathBuf,
        #[arg(long, default_value = "hand_write")]
        tool_type: String,
    },
    /// Transcribe an audio file.
    Transcribe {
        file: PathBuf,
        #[arg(long, default_value = "glm-asr-2512")]
        model: String,
        /// Print the transcript as it arrives.
        #[arg(long)]
        stream: bool,
    },
    /// Upload a file; prints its id.
    Upload {
        file: PathBuf,
        /// e.g. batch, file-extract, agent.
        #[arg(long)]
        purpose: String,
    },
    /// Run an agent (default: translation).
    Agent {
        text: String,
        #[arg(long, default_value = "general_translation")]
        agent_id: String,
        /// Agent variables, `key=value` (e.g. target_lang=zh-CN).
        #[arg(long = "var", value_name = "K=V")]
        vars: Vec<String>,
        #[arg(long)]
        stream: bool,
    },
    /// Chat through the Anthropic-compatible Messages endpoint.
    Messages {
        prompt: String,
        #[arg(long, default_value = "glm-4.7")]
        model: String,
        #[arg(long, default_value_t = 1024)]
        max_tokens: i64,
        #[arg(long)]
        stream: bool,
    },
    /// Call any JSON operation of the spec by its operationId; prints the response.
    Api {
        /// e.g. listFiles, createEmbedding (`zai api --list` shows them all).
        #[arg(required_unless_present = "list")]
        operation_id: Option<String>,
        /// JSON body, or `@file`.
        #[arg(long)]
        body: Option<String>,
        /// Path or query parameter, `key=value`.
        #[arg(long = "param", value_name = "K=V")]
        params: Vec<String>,
        /// List the operations.
        #[arg(long)]
        list: bool,
    },
    /// Decode a captured response body (SSE stream or JSON) with the client's own
    /// decoder; prints the completion (or the mapped error) as one JSON object.
    Decode {
        file: std::path::PathBuf,
        /// Feed the body in pieces of this many bytes.
        #[arg(long)]
        chunk: Option<usize>,
        /// Treat the body as an error response with this HTTP status.
        #[arg(long)]
        status: Option<u16>,
    },
    /// Serve the mock API on loopback until Ctrl-C.
    Mock {
        /// Port (default: any free port).
        #[arg(long, default_value_t = 0)]
        port: u16,
    },
}

#[derive(Args, Debug)]
struct ChatArgs {
    prompt: String,
    #[arg(long, default_value = "glm-4.7")]
    model: String,
    /// A system prompt.
    #[arg(long)]
    system: Option<String>,
    /// Print the reply as it is generated.
    #[arg(long)]
    stream: bool,
    /// Deep thinking.
    #[arg(long, value_enum)]
    thinking: Option<Switch>,
    /// An image URL to send with the prompt (repeatable).
    #[arg(long = "image", value_name = "URL")]
    images: Vec<String>,
    /// Tools the model may call: a JSON array, or `@file`.
    #[arg(long)]
    tools: Option<String>,
    #[arg(long)]
    max_tokens: Option<i64>,
    #[arg(long)]
    temperature: Option<f64>,
    /// Print the final completion as one JSON object.
    #[arg(long)]
    json: bool,
    /// Do not print the model's reasoning.
    #[arg(long)]
    no_reasoning: bool,
}

#[derive(Args, Debug)]
struct WaitArgs {
    /// Poll until the task finishes.
    #[arg(long)]
    wait: bool,
    /// Seconds between polls (default 5; 0.05 with --mock).
    #[arg(long, value_name = "SECS")]
    interval: Option<f64>,
}

/// Why the command failed, and so its exit code.
enum Failure {
    /// Bad arguments or configuration: exit 2.
    Usage(String),
    /// The API or the network failed: exit 1.
    Call(String),
}

impl From<zai::Error> for Failure {
    fn from(e: zai::Error) -> Self {
        match e {
            zai::Error::Config(m) => Failure::Usage(m),
            e => Failure::Call(e.to_string()),
        }
    }
}

type Outcome = Result<(), Failure>;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => return fail(Failure::Call(format!("cannot start the runtime: {e}"))),
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => fail(failure),
    }
}

fn fail(failure: Failure) -> ExitCode {
    let (message, code) = match failure {
        Failure::Usage(m) => (m, 2),
        Failure::Call(m) => (m, 1),
    };
    let line = message.split_whitespace().collect::<Vec<_>>().join(" ");
    eprintln!("error: {line}");
    ExitCode::from(code)
}

async fn run(cli: Cli) -> Outcome {
    if let Command::Mock { port } = cli.command {
        let server = zai::mock::MockServer::bind(port)
            .await
            .map_err(|e| Failure::Call(format!("cannot listen on port {port}: {e}")))?;
        println!("{}", server.url());
        let _ = std::io::stdout().flush();
        eprintln!("zai mock: serving every operation of spec/zai.yaml; Ctrl-C to stop");
        tokio::signal::ctrl_c()
            .await
            .map_err(|e| Failure::Call(e.to_string()))?;
        return Ok(());
    }
    if let Command::Decode {
        file,
        chunk,
        status,
    } = &cli.command
    {
        let body = std::fs::read(file)
            .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", file.display())))?;
        let json = zai::decode_capture(&body, *chunk, *status)?;
        println!("{json}");
        return Ok(());
    }
    if let Command::Api { list: true, .. } = cli.command {
        for op in zai::OPERATIONS {
            println!("{:<28} {:<6} {}", op.id, op.method, op.path);
        }
        return Ok(());
    }
    let mock = if cli.mock {
        Some(
            zai::mock::MockServer::bind(0)
                .await
                .map_err(|e| Failure::Call(format!("cannot start the mock server: {e}")))?,
        )
    } else {
        None
    };
    let client = client(&cli, mock.as_ref())?;
    let poll = if mock.is_some() { 0.05 } else { 5.0 };
    match cli.command {
        Command::Chat(args) => chat(&client, args).await,
        Command::Image {
            prompt,
            model,
            size,
        } => {
            let mut request = types::ImageGenerationRequest::new(model, prompt);
            if let Some(size) = size {
                request = request.size(size);
            }
            let reply = client.create_image(&request).await?;
            for image in reply.data {
                println!("{}", image.url.unwrap_or_default());
            }
            Ok(())
        }
        Command::Video {
            prompt,
            model,
            image_url,
            wait,
        } => {
            let mut request = types::VideoGenerationRequest::new(model).prompt(prompt);
            if let Some(url) = image_url {
                request = request.image_url(types::VideoImageInput::String(url));
            }
            let task = client.create_video_generation(&request).await?;
            let id = task.id.unwrap_or_default();
            if wait.wait {
                await_result(&client, &id, interval(&wait, poll)).await
            } else {
                println!("{id}");
                eprintln!("task started; `zai result {id} --wait` waits for the video");
                Ok(())
            }
        }
        Command::Result { id, wait } => {
            if wait.wait {
                await_result(&client, &id, interval(&wait, poll)).await
            } else {
                let result = client.retrieve_async_result(&id).await?;
                print_result(&result);
                Ok(())
            }
        }
        Command::Search {
            query,
            engine,
            count,
        } => {
            let mut request = types::WebSearchRequest::new(engine, query);
            if let Some(count) = count {
                request = request.count(count);
            }
            let reply = client.web_search(&request).await?;
            for hit in reply.search_result.unwrap_or_default() {
                println!("{}", hit.title.unwrap_or_default());
                println!("  {}", hit.link.unwrap_or_default());
            }
            Ok(())
        }
        Command::Read { url } => {
            let reply = client
                .read_web_page(&types::ReaderRequest::new(url))
                .await?;
            let page = reply.reader_result.unwrap_or_default();
            if let Some(title) = page.title {
                println!("# {title}\n");
            }
            println!("{}", page.content.unwrap_or_default());
            Ok(())
        }
        Command::Tokenize { text, model } => {
            let request = types::TokenizerRequest::new(model, vec![types::ChatMessage::user(text)]);
            let reply = client.tokenize(&request).await?;
            let usage = reply.usage.unwrap_or_default();
            println!(
                "{}",
                usage.prompt_tokens.or(usage.total_tokens).unwrap_or(0)
            );
            Ok(())
        }
        Command::Ocr { file, tool_type } => {
            let request = types::HandwritingOcrRequest::new(file_part(&file)?, tool_type);
            let reply = client.recognize_handwriting(&request).await?;
            for words in reply.words_result.unwrap_or_default() {
                println!("{}", words.words.unwrap_or_default());
            }
            Ok(())
        }
        Command::Transcribe {
            file,
            model,
            stream,
        } => {
            let request = types::TranscriptionRequest::new(model).file(file_part(&file)?);
            if stream {
                let mut events = client.create_transcription_stream(&request).await?;
                let mut out = std::io::stdout();
                while let Some(event) = events.next().await {
                    let _ = write!(out, "{}", event?.delta.unwrap_or_default());
                    let _ = out.flush();
                }
                println!();
            } else {
                let reply = client.create_transcription(&request).await?;
                println!("{}", reply.text.unwrap_or_default());
            }
            Ok(())
        }
        Command::Upload { file, purpose } => {
            let request = types::FileUploadRequest::new(file_part(&file)?, purpose);
            let reply = client.upload_file(&request).await?;
            println!("{}", reply.id.unwrap_or_default());
            Ok(())
        }
        Command::Agent {
            text,
            agent_id,
            vars,
            stream,
        } => agent(&client, text, agent_id, vars, stream).await,
        Command::Messages {
            prompt,
            model,
            max_tokens,
            stream,
        } => messages(&client, prompt, model, max_tokens, stream).await,
        Command::Api {
            operation_id,
            body,
            params,
            ..
        } => api(&client, operation_id.unwrap_or_default(), body, params).await,
        Command::Mock { .. } | Command::Decode { .. } => Ok(()),
    }
}

fn client(cli: &Cli, mock: Option<&zai::mock::MockServer>) -> Result<zai::Client, Failure> {
    let key = match (&cli.api_key, mock) {
        (Some(key), _) if !key.is_empty() => key.clone(),
        (_, Some(_)) => "mock-id.mock-secret".to_owned(),
        _ => {
            return Err(Failure::Usage(
                "no API key: set ZAI_API_KEY (or pass --api-key), or try --mock to answer \
                 from the built-in mock server"
                    .into(),
            ));
        }
    };
    let mut builder = zai::Client::builder();
    builder = match cli.auth {
        AuthKind::Bearer => builder.api_key(key),
        AuthKind::Jwt => builder.auth(zai::Auth::jwt(key)?),
    };
    if let Some(mock) = mock {
        builder = builder.base_url(mock.url());
    } else if let Some(url) = &cli.base_url {
        builder = builder.base_url(url.as_str());
    }
    let mut options = zai::CallOptions::default();
    if let Some(n) = cli.max_retries {
        options.retry.max_retries = n;
    }
    if let Some(secs) = cli.timeout {
        let deadline = Duration::try_from_secs_f64(secs)
            .map_err(|_| Failure::Usage(format!("--timeout {secs}: not a duration")))?;
        options = options.deadline(deadline);
    }
    Ok(builder.call_options(options).build()?)
}

fn interval(wait: &WaitArgs, default: f64) -> Duration {
    Duration::try_from_secs_f64(wait.interval.unwrap_or(default)).unwrap_or(Duration::from_secs(5))
}

fn json_arg(text: &str, what: &str) -> Result<Value, Failure> {
    let text = match text.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| Failure::Usage(format!("{what}: cannot read {path}: {e}")))?,
        None => text.to_owned(),
    };
    serde_json::from_str(&text).map_err(|e| Failure::Usage(format!("{what}: not JSON: {e}")))
}

fn file_part(path: &Path) -> Result<zai::FilePart, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let content_type = match ext.as_deref() {
        Some("wav") => "audio/wav",
        Some("mp3") => "audio/mpeg",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("pdf") => "application/pdf",
        Some("jsonl") => "application/jsonl",
        Some("txt") => "text/plain",
        _ => "application/octet-stream",
    };
    Ok(zai::FilePart::new(bytes, name, content_type))
}

/// Reasoning goes to stderr, dimmed on a terminal.
struct Reasoning {
    show: bool,
    dim: bool,
}

impl Reasoning {
    fn print(&self, text: &str) {
        if !self.show || text.is_empty() {
            return;
        }
        let mut err = std::io::stderr();
        let _ = if self.dim {
            write!(err, "\x1b[2m{text}\x1b[0m")
        } else {
            write!(err, "{text}")
        };
        let _ = err.flush();
    }
}

fn print_tool_call(call: &types::ToolCall) {
    let function = call.function.clone().unwrap_or_default();
    println!(
        "[tool call {}] {}({})",
        call.id.as_deref().unwrap_or("-"),
        function.name.unwrap_or_default(),
        function.arguments.unwrap_or_default()
    );
}

async fn chat(client: &zai::Client, args: ChatArgs) -> Outcome {
    let mut messages = Vec::new();
    if let Some(system) = &args.system {
        messages.push(types::ChatMessage::system(system.as_str()));
    }
    let user = if args.images.is_empty() {
        types::UserContent::from(args.prompt.as_str())
    } else {
        let mut parts: Vec<_> = args
            .images
            .iter()
            .map(|url| types::ContentPart::image_url(url.as_str()))
            .collect();
        parts.push(types::ContentPart::text(args.prompt.as_str()));
        types::UserContent::from(parts)
    };
    messages.push(types::ChatMessage::user(user));
    let mut request = types::ChatCompletionRequest::new(args.model.as_str(), messages);
    if let Some(thinking) = args.thinking {
        let kind = match thinking {
            Switch::On => types::ChatThinkingType::Enabled,
            Switch::Off => types::ChatThinkingType::Disabled,
        };
        request = request.thinking(types::ChatThinking::default().type_(kind));
    }
    if let Some(tools) = &args.tools {
        let tools: Vec<types::ChatTool> = serde_json::from_value(json_arg(tools, "--tools")?)
            .map_err(|e| Failure::Usage(format!("--tools: {e}")))?;
        request = request.tools(tools);
    }
    if let Some(n) = args.max_tokens {
        request = request.max_tokens(n);
    }
    if let Some(t) = args.temperature {
        request = request.temperature(t);
    }
    let reasoning = Reasoning {
        show: !args.no_reasoning && !args.json,
        dim: std::io::stderr().is_terminal(),
    };

    if !args.stream {
        let reply = client.create_chat_completion(&request).await?;
        if args.json {
            println!("{}", serde_json::to_string(&reply).unwrap_or_default());
            return Ok(());
        }
        for choice in &reply.choices {
            let Some(message) = &choice.message else {
                continue;
            };
            if let Some(text) = &message.reasoning_content {
                reasoning.print(text);
                reasoning.print("\n");
            }
            if let Some(text) = message.content.as_deref().filter(|t| !t.is_empty()) {
                println!("{text}");
            }
            for call in message.tool_calls.iter().flatten() {
                print_tool_call(call);
            }
        }
        return Ok(());
    }

    let mut stream = client.create_chat_completion_stream(&request).await?;
    let mut fold = zai::ChatAccumulator::default();
    let mut out = std::io::stdout();
    let mut in_reasoning = false;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        if args.json {
            fold.push(chunk);
            continue;
        }
        for choice in &chunk.choices {
            let Some(delta) = &choice.delta else { continue };
            if let Some(text) = delta.reasoning_content.as_deref().filter(|t| !t.is_empty()) {
                reasoning.print(text);
                in_reasoning = true;
            }
            if let Some(text) = delta.content.as_deref().filter(|t| !t.is_empty()) {
                if in_reasoning {
                    reasoning.print("\n");
                    in_reasoning = false;
                }
                let _ = write!(out, "{text}");
                let _ = out.flush();
            }
        }
        fold.push(chunk);
    }
    let reply = fold.finish();
    if args.json {
        println!("{}", serde_json::to_string(&reply).unwrap_or_default());
        return Ok(());
    }
    if in_reasoning {
        reasoning.print("\n");
    }
    let message = reply.choices.first().and_then(|c| c.message.as_ref());
    if message
        .and_then(|m| m.content.as_deref())
        .is_some_and(|t| !t.is_empty())
    {
        println!();
    }
    for call in message
        .and_then(|m| m.tool_calls.as_ref())
        .into_iter()
        .flatten()
    {
        print_tool_call(call);
    }
    Ok(())
}

async fn await_result(client: &zai::Client, id: &str, every: Duration) -> Outcome {
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.enable_steady_tick(Duration::from_millis(120));
    // The timeout is the caller's Ctrl-C; keep polling for up to a day.
    let options = zai::PollOptions::every(every, Duration::from_secs(86_400));
    let result = client
        .wait_async_result(id, &options, |p| {
            let status = p.status.unwrap_or("UNKNOWN");
            spinner.set_message(format!("task {id}: {status} ({}s)", p.elapsed.as_secs()));
        })
        .await;
    spinner.finish_and_clear();
    print_result(&result?);
    Ok(())
}

fn print_result(result: &types::AsyncResult) {
    let status = result
        .task_status
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_else(|| "UNKNOWN".into());
    eprintln!("status: {status}");
    for video in result.video_result.iter().flatten() {
        println!("{}", video.url.as_deref().unwrap_or_default());
    }
    for image in result.image_result.iter().flatten() {
        println!("{}", image.url.as_deref().unwrap_or_default());
    }
}

/// Every `text` (or string `content`) inside a JSON value, in order.
fn texts(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("text" | "content", Value::String(s)) => out.push(s.clone()),
                    _ => texts(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| texts(v, out)),
        _ => {}
    }
}

async fn agent(
    client: &zai::Client,
    text: String,
    agent_id: String,
    vars: Vec<String>,
    stream: bool,
) -> Outcome {
    let mut variables = serde_json::Map::new();
    for (k, v) in pairs(&vars, "--var")? {
        variables.insert(k, Value::String(v));
    }
    let request: types::AgentCompletionRequest = serde_json::from_value(json!({
        "agent_id": agent_id,
        "messages": [{"role": "user", "content": [{"type": "text", "text": text}]}],
        "custom_variables": variables,
    }))
    .map_err(|e| Failure::Usage(e.to_string()))?;
    if stream {
        let mut events = client.create_agent_completion_stream(&request).await?;
        let mut out = std::io::stdout();
        while let Some(chunk) = events.next().await {
            for choice in chunk?.choices {
                let mut found = Vec::new();
                texts(&json!(choice.delta), &mut found);
                let _ = write!(out, "{}", found.concat());
                let _ = out.flush();
            }
        }
        println!();
        return Ok(());
    }
    let reply = client.create_agent_completion(&request).await?;
    if let Some(id) = &reply.async_id {
        println!("{id}");
        return Ok(());
    }
    let mut found = Vec::new();
    texts(&json!(reply.choices), &mut found);
    println!("{}", found.concat());
    Ok(())
}

async fn messages(
    client: &zai::Client,
    prompt: String,
    model: String,
    max_tokens: i64,
    stream: bool,
) -> Outcome {
    let message = types::AnthropicInputMessage::new(
        types::AnthropicInputMessageRole::User,
        types::AnthropicInputContent::String(prompt),
    );
    let request = types::AnthropicMessageRequest::new(model, max_tokens, vec![message]);
    if stream {
        let mut events = client.create_message_stream(&request).await?;
        let mut out = std::io::stdout();
        let reasoning = Reasoning {
            show: true,
            dim: std::io::stderr().is_terminal(),
        };
        while let Some(event) = events.next().await {
            if let types::AnthropicStreamEvent::ContentBlockDelta { delta, .. } = event? {
                match delta {
                    types::AnthropicContentDelta::TextDelta { text } => {
                        let _ = write!(out, "{text}");
                        let _ = out.flush();
                    }
                    types::AnthropicContentDelta::ThinkingDelta { thinking } => {
                        reasoning.print(&thinking)
                    }
                    _ => {}
                }
            }
        }
        println!();
        return Ok(());
    }
    let reply = client.create_message(&request).await?;
    for block in reply.content {
        match block {
            types::AnthropicContentBlock::Text { text } => println!("{text}"),
            other => println!("{}", serde_json::to_string(&other).unwrap_or_default()),
        }
    }
    Ok(())
}

fn pairs(items: &[String], flag: &str) -> Result<Vec<(String, String)>, Failure> {
    items
        .iter()
        .map(|item| {
            item.split_once('=')
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .ok_or_else(|| Failure::Usage(format!("{flag} {item}: expected key=value")))
        })
        .collect()
}

async fn api(
    client: &zai::Client,
    operation_id: String,
    body: Option<String>,
    params: Vec<String>,
) -> Outcome {
    let Some(op) = zai::OPERATIONS
        .iter()
        .find(|op| op.id == operation_id || op.rust_method == operation_id)
    else {
        return Err(Failure::Usage(format!(
            "unknown operation `{operation_id}` (`zai api --list` shows them)"
        )));
    };
    let body = body.map(|b| json_arg(&b, "--body")).transpose()?;
    let params = pairs(&params, "--param")?;
    let (path, query): (Vec<_>, Vec<_>) = params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .partition(|(k, _)| op.path.contains(&format!("{{{k}}}")));
    let reply = client
        .call_raw(op.id, &path, &query, body.as_ref())
        .await
        .map_err(|e| match e {
            zai::Error::InvalidRequest(m) => Failure::Usage(m),
            e => e.into(),
        })?;
    if reply.is_json() {
        let value = reply.json()?;
        println!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    } else {
        let _ = std::io::stdout().write_all(&reply.body);
    }
    Ok(())
}
