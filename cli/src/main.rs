//! `zai`: the Z.AI API from the command line (crate `zai-cli`).
//!
//! Every subcommand is a thin front-end over one generated `zai::Client` method;
//! `zai api` calls any JSON operation of the spec by its operationId, and
//! `--mock` answers everything from the built-in mock server (`zai-mock`, in
//! process; no key needed).
//!
//! Exit codes: 0 success, 1 API or network error (one line on stderr), 2 usage.
//!
//! Modules: `batch` (resumable batch jobs over JSONL files), `chat` (chat and
//! Anthropic messages, printing replies and reasoning),
//! `commands` (agents, async results, the generic `api`), `input` (reading
//! arguments and files), `capture` (`zai decode`).

mod batch;
mod capture;
mod chat;
mod commands;
mod input;

use clap::{Args, Parser, Subcommand, ValueEnum};
use futures_util::StreamExt;
use input::file_part;
use std::io::Write;
use std::path::PathBuf;
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
    /// Give up on a call after this many seconds, retries included (a stream: until
    /// it opens; then the 300 s read timeout applies between bytes).
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
        /// What to draw.
        prompt: String,
        /// Image model.
        #[arg(long, default_value = "glm-image")]
        model: String,
        /// e.g. 1280x1280.
        #[arg(long)]
        size: Option<String>,
    },
    /// Start a video generation; prints the task id (or, with --wait, the URLs).
    Video {
        /// What to film.
        prompt: String,
        /// Video model.
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
        /// The task id a `video` (or an async image or chat) call printed.
        id: String,
        #[command(flatten)]
        wait: WaitArgs,
    },
    /// Search the web.
    Search {
        /// What to search for.
        query: String,
        /// Search engine.
        #[arg(long, default_value = "search-prime")]
        engine: String,
        /// How many results (1-50; the service's default is 10).
        #[arg(long)]
        count: Option<i64>,
    },
    /// Read a web page as text.
    Read {
        /// The page's URL.
        url: String,
    },
    /// Count the tokens of a prompt.
    Tokenize {
        /// The prompt, sent as one user message.
        text: String,
        /// The model whose tokenizer counts.
        #[arg(long, default_value = "glm-4.7")]
        model: String,
    },
    /// Recognize handwriting in an image.
    Ocr {
        /// The image to read.
        file: PathBuf,
        /// The recognizer (`hand_write`).
        #[arg(long, default_value = "hand_write")]
        tool_type: String,
    },
    /// Transcribe an audio file.
    Transcribe {
        /// The audio (WAV or MP3, up to 30 s and 25 MB).
        file: PathBuf,
        /// Speech recognition model.
        #[arg(long, default_value = "glm-asr-2512")]
        model: String,
        /// Print the transcript as it arrives.
        #[arg(long)]
        stream: bool,
    },
    /// Upload a file; prints its id.
    Upload {
        /// The file to upload.
        file: PathBuf,
        /// e.g. batch, file-extract, agent.
        #[arg(long)]
        purpose: String,
    },
    /// Run an agent (default: translation).
    Agent {
        /// The text the agent works on, sent as one user message.
        text: String,
        /// The agent (e.g. general_translation, slides_glm_agent).
        #[arg(long, default_value = "general_translation")]
        agent_id: String,
        /// Agent variables, `key=value` (e.g. target_lang=zh-CN).
        #[arg(long = "var", value_name = "K=V")]
        vars: Vec<String>,
        /// Print the answer as it arrives.
        #[arg(long)]
        stream: bool,
    },
    /// Chat through the Anthropic-compatible Messages endpoint.
    Messages {
        /// The user's message.
        prompt: String,
        /// The model.
        #[arg(long, default_value = "glm-4.7")]
        model: String,
        /// Longest answer, in tokens (the Messages API requires it).
        #[arg(long, default_value_t = 1024)]
        max_tokens: i64,
        /// Print the answer as it arrives.
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
    /// Batch jobs of any size over JSONL files, resumable.
    Batch {
        #[command(subcommand)]
        command: batch::BatchCommand,
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
    /// The user's message.
    prompt: String,
    /// The model (e.g. glm-4.7, glm-4.5-air, glm-4.6v for images).
    #[arg(long, default_value = "glm-4.7")]
    model: String,
    /// A system prompt.
    #[arg(long)]
    system: Option<String>,
    /// Print the reply as it is generated.
    #[arg(long)]
    stream: bool,
    /// Deep thinking (reasoning before the answer): on or off; the model's default
    /// when not given.
    #[arg(long, value_enum)]
    thinking: Option<Switch>,
    /// An image URL to send with the prompt (repeatable).
    #[arg(long = "image", value_name = "URL")]
    images: Vec<String>,
    /// Tools the model may call: a JSON array, or `@file`.
    #[arg(long)]
    tools: Option<String>,
    /// Longest reply, in tokens.
    #[arg(long)]
    max_tokens: Option<i64>,
    /// Sampling temperature (0.0-1.0; lower is more deterministic).
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
        let server = zai_mock::MockServer::bind(port)
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
        let json = capture::decode_capture(&body, *chunk, *status)?;
        println!("{json}");
        return Ok(());
    }
    if let Command::Batch {
        command: batch::BatchCommand::Status { state },
    } = &cli.command
    {
        return batch::status(state);
    }
    if let Command::Api { list: true, .. } = cli.command {
        for op in zai::OPERATIONS {
            println!("{:<28} {:<6} {}", op.id, op.method, op.path);
        }
        return Ok(());
    }
    let mock = if cli.mock {
        Some(
            zai_mock::MockServer::bind(0)
                .await
                .map_err(|e| Failure::Call(format!("cannot start the mock server: {e}")))?,
        )
    } else {
        None
    };
    let client = client(&cli, mock.as_ref())?;
    let poll = if mock.is_some() { 0.05 } else { 5.0 };
    match cli.command {
        Command::Chat(args) => chat::chat(&client, args).await,
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
            let id = task
                .id
                .ok_or_else(|| Failure::Call("the service answered no task id".into()))?;
            if wait.wait {
                commands::await_result(&client, &id, interval(&wait, poll)?).await
            } else {
                println!("{id}");
                eprintln!("task started; `zai result {id} --wait` waits for the video");
                Ok(())
            }
        }
        Command::Result { id, wait } => {
            if wait.wait {
                commands::await_result(&client, &id, interval(&wait, poll)?).await
            } else {
                let result = client.retrieve_async_result(&id).await?;
                commands::print_result(&result);
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
        } => commands::agent(&client, text, agent_id, vars, stream).await,
        Command::Messages {
            prompt,
            model,
            max_tokens,
            stream,
        } => chat::messages(&client, prompt, model, max_tokens, stream).await,
        Command::Api {
            operation_id,
            body,
            params,
            ..
        } => commands::api(&client, operation_id.unwrap_or_default(), body, params).await,
        Command::Batch { command } => match command {
            batch::BatchCommand::Run(args) => {
                let interval = if mock.is_some() { 0.05 } else { 30.0 };
                batch::run(&client, args, interval).await
            }
            batch::BatchCommand::Cancel { state } => batch::cancel(&client, &state).await,
            batch::BatchCommand::Status { .. } => Ok(()),
        },
        Command::Mock { .. } | Command::Decode { .. } => Ok(()),
    }
}

fn client(cli: &Cli, mock: Option<&zai_mock::MockServer>) -> Result<zai::Client, Failure> {
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
        options = options.deadline(seconds("--timeout", secs)?);
    }
    Ok(builder.call_options(options).build()?)
}

fn interval(wait: &WaitArgs, default: f64) -> Result<Duration, Failure> {
    seconds("--interval", wait.interval.unwrap_or(default))
}

/// A flag's seconds as a duration, or a usage error for a negative or
/// non-finite number.
fn seconds(flag: &str, secs: f64) -> Result<Duration, Failure> {
    Duration::try_from_secs_f64(secs)
        .map_err(|_| Failure::Usage(format!("{flag} {secs}: not a duration")))
}
