//! The command line's shape: every flag and subcommand `clap` parses, with its help text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The whole command line: the global flags and one subcommand.
#[derive(Parser, Debug)]
#[command(
    name = "zai",
    version,
    about = "Call the Z.AI (GLM) API from the command line."
)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: Global,
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The flags every subcommand takes: where the API is and how to call it.
#[derive(Args, Debug)]
pub(crate) struct Global {
    /// Base URL of the `paas/v4` API (default https://api.z.ai/api/paas/v4).
    #[arg(long, global = true, env = "ZAI_BASE_URL")]
    pub(crate) base_url: Option<String>,
    /// API key (`id.secret`).
    #[arg(long, global = true, env = "ZAI_API_KEY", hide_env_values = true)]
    pub(crate) api_key: Option<String>,
    /// How the key is sent: as is (`bearer`) or as a signed HS256 token (`jwt`).
    #[arg(long, global = true, value_enum, default_value_t = AuthKind::Bearer)]
    pub(crate) auth: AuthKind,
    /// Give up on a call after this many seconds, retries included (a stream: until
    /// its last event, however often the server sends keep-alives).
    #[arg(long, global = true, value_name = "SECS")]
    pub(crate) timeout: Option<f64>,
    /// Retries of a failed call (default 3).
    #[arg(long, global = true, value_name = "N")]
    pub(crate) max_retries: Option<u32>,
    /// Answer from the built-in mock server (in-process, offline; no key needed).
    #[arg(long, global = true)]
    pub(crate) mock: bool,
}

/// `--auth`: how the API key is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum AuthKind {
    Bearer,
    Jwt,
}

/// An `on`/`off` flag value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Switch {
    On,
    Off,
}

/// The subcommands; each variant's doc comment is its help line.
#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Chat with a model; the reply goes to stdout, reasoning to stderr.
    Chat(ChatArgs),
    /// Generate an image; prints its URL.
    Image(ImageArgs),
    /// Start a video generation; prints the task id (or, with --wait, the URLs).
    Video(VideoArgs),
    /// Show an asynchronous task's status and results.
    Result(ResultArgs),
    /// Search the web.
    Search(SearchArgs),
    /// Read a web page as text.
    Read(ReadArgs),
    /// Count the tokens of a prompt.
    Tokenize(TokenizeArgs),
    /// Recognize handwriting in an image.
    Ocr(OcrArgs),
    /// Transcribe an audio file.
    Transcribe(TranscribeArgs),
    /// Talk with GLM-Realtime: say a WAV file (or text); prints the transcript of
    /// the spoken reply as it arrives, writes its audio, usage on stderr.
    Realtime(RealtimeArgs),
    /// Upload a file; prints its id.
    Upload(UploadArgs),
    /// Run an agent (default: translation).
    Agent(AgentArgs),
    /// Chat through the Anthropic-compatible Messages endpoint.
    Messages(MessagesArgs),
    /// Call any JSON operation of the spec by its operationId; prints the response.
    Api(ApiArgs),
    /// Decode a captured response body (SSE stream or JSON) with the client's own
    /// decoder; prints the completion (or the mapped error) as one JSON object.
    Decode(DecodeArgs),
    /// Batch jobs of any size over JSONL files, resumable.
    Batch {
        #[command(subcommand)]
        command: BatchCommand,
    },
    /// Serve the mock API on loopback until Ctrl-C.
    Mock(MockArgs),
}

/// `zai chat`.
#[derive(Args, Debug)]
pub(crate) struct ChatArgs {
    /// The user's message.
    pub(crate) prompt: String,
    /// The model (e.g. glm-4.7, glm-4.5-air, glm-4.6v for images).
    #[arg(long, default_value = "glm-4.7")]
    pub(crate) model: String,
    /// A system prompt.
    #[arg(long)]
    pub(crate) system: Option<String>,
    /// Print the reply as it is generated.
    #[arg(long)]
    pub(crate) stream: bool,
    /// Deep thinking (reasoning before the answer): on or off; the model's default
    /// when not given.
    #[arg(long, value_enum)]
    pub(crate) thinking: Option<Switch>,
    /// An image URL to send with the prompt (repeatable).
    #[arg(long = "image", value_name = "URL")]
    pub(crate) images: Vec<String>,
    /// Tools the model may call: a JSON array, or `@file`.
    #[arg(long)]
    pub(crate) tools: Option<String>,
    /// Longest reply, in tokens.
    #[arg(long)]
    pub(crate) max_tokens: Option<i64>,
    /// Sampling temperature (0.0-1.0; lower is more deterministic).
    #[arg(long)]
    pub(crate) temperature: Option<f64>,
    /// Print the final completion as one JSON object.
    #[arg(long)]
    pub(crate) json: bool,
    /// Do not print the model's reasoning.
    #[arg(long)]
    pub(crate) no_reasoning: bool,
}

/// `zai image`.
#[derive(Args, Debug)]
pub(crate) struct ImageArgs {
    /// What to draw.
    pub(crate) prompt: String,
    /// Image model.
    #[arg(long, default_value = "glm-image")]
    pub(crate) model: String,
    /// e.g. 1280x1280.
    #[arg(long)]
    pub(crate) size: Option<String>,
}

/// `zai video`.
#[derive(Args, Debug)]
pub(crate) struct VideoArgs {
    /// What to film.
    pub(crate) prompt: String,
    /// Video model.
    #[arg(long, default_value = "cogvideox-3")]
    pub(crate) model: String,
    /// An image to animate.
    #[arg(long)]
    pub(crate) image_url: Option<String>,
    #[command(flatten)]
    pub(crate) wait: WaitArgs,
}

/// `zai result`.
#[derive(Args, Debug)]
pub(crate) struct ResultArgs {
    /// The task id a `video` (or an async image or chat) call printed.
    pub(crate) id: String,
    #[command(flatten)]
    pub(crate) wait: WaitArgs,
}

/// Waiting for an asynchronous task (`video`, `result`).
#[derive(Args, Debug)]
pub(crate) struct WaitArgs {
    /// Poll until the task finishes.
    #[arg(long)]
    pub(crate) wait: bool,
    /// Seconds between polls (default 5; 0.05 with --mock).
    #[arg(long, value_name = "SECS")]
    pub(crate) interval: Option<f64>,
}

/// `zai search`.
#[derive(Args, Debug)]
pub(crate) struct SearchArgs {
    /// What to search for.
    pub(crate) query: String,
    /// Search engine.
    #[arg(long, default_value = "search-prime")]
    pub(crate) engine: String,
    /// How many results (1-50; the service's default is 10).
    #[arg(long)]
    pub(crate) count: Option<i64>,
}

/// `zai read`.
#[derive(Args, Debug)]
pub(crate) struct ReadArgs {
    /// The page's URL.
    pub(crate) url: String,
}

/// `zai tokenize`.
#[derive(Args, Debug)]
pub(crate) struct TokenizeArgs {
    /// The prompt, sent as one user message.
    pub(crate) text: String,
    /// The model whose tokenizer counts.
    #[arg(long, default_value = "glm-4.7")]
    pub(crate) model: String,
}

/// `zai ocr`.
#[derive(Args, Debug)]
pub(crate) struct OcrArgs {
    /// The image to read.
    pub(crate) file: PathBuf,
    /// The recognizer (`hand_write`).
    #[arg(long, default_value = "hand_write")]
    pub(crate) tool_type: String,
}

/// `zai transcribe`.
#[derive(Args, Debug)]
pub(crate) struct TranscribeArgs {
    /// The audio (WAV or MP3, up to 30 s and 25 MB).
    pub(crate) file: PathBuf,
    /// Speech recognition model.
    #[arg(long, default_value = "glm-asr-2512")]
    pub(crate) model: String,
    /// Print the transcript as it arrives.
    #[arg(long)]
    pub(crate) stream: bool,
}

/// `zai realtime`.
#[derive(Args, Debug)]
pub(crate) struct RealtimeArgs {
    /// A WAV file (16-bit PCM) to say.
    #[arg(long, value_name = "IN.wav")]
    pub(crate) input: Option<PathBuf>,
    /// Text to send (alone, or after the audio).
    #[arg(long)]
    pub(crate) text: Option<String>,
    /// Write the spoken reply here (WAV, 24 kHz, mono, 16-bit).
    #[arg(long, value_name = "OUT.wav")]
    pub(crate) out: Option<PathBuf>,
    /// Let the service detect the end of speech (server VAD) instead of committing.
    #[arg(long)]
    pub(crate) server_vad: bool,
    /// A JPEG image sent with the audio (video mode).
    #[arg(long, value_name = "IMG.jpg")]
    pub(crate) video_frame: Option<PathBuf>,
    /// Realtime model.
    #[arg(long, default_value = "glm-realtime-flash")]
    pub(crate) model: String,
}

/// `zai upload`.
#[derive(Args, Debug)]
pub(crate) struct UploadArgs {
    /// The file to upload.
    pub(crate) file: PathBuf,
    /// e.g. batch, file-extract, agent.
    #[arg(long)]
    pub(crate) purpose: String,
}

/// `zai agent`.
#[derive(Args, Debug)]
pub(crate) struct AgentArgs {
    /// The text the agent works on, sent as one user message.
    pub(crate) text: String,
    /// The agent (e.g. general_translation, slides_glm_agent).
    #[arg(long, default_value = "general_translation")]
    pub(crate) agent_id: String,
    /// Agent variables, `key=value` (e.g. target_lang=zh-CN).
    #[arg(long = "var", value_name = "K=V")]
    pub(crate) vars: Vec<String>,
    /// Print the answer as it arrives.
    #[arg(long)]
    pub(crate) stream: bool,
}

/// `zai messages`.
#[derive(Args, Debug)]
pub(crate) struct MessagesArgs {
    /// The user's message.
    pub(crate) prompt: String,
    /// The model.
    #[arg(long, default_value = "glm-4.7")]
    pub(crate) model: String,
    /// Longest answer, in tokens (the Messages API requires it).
    #[arg(long, default_value_t = 1024)]
    pub(crate) max_tokens: i64,
    /// Print the answer as it arrives.
    #[arg(long)]
    pub(crate) stream: bool,
}

/// `zai api`.
#[derive(Args, Debug)]
pub(crate) struct ApiArgs {
    /// e.g. listFiles, createEmbedding (`zai api --list` shows them all).
    #[arg(required_unless_present = "list")]
    pub(crate) operation_id: Option<String>,
    /// JSON body, or `@file`.
    #[arg(long)]
    pub(crate) body: Option<String>,
    /// Path or query parameter, `key=value`.
    #[arg(long = "param", value_name = "K=V")]
    pub(crate) params: Vec<String>,
    /// List the operations.
    #[arg(long)]
    pub(crate) list: bool,
}

/// `zai decode`.
#[derive(Args, Debug)]
pub(crate) struct DecodeArgs {
    pub(crate) file: PathBuf,
    /// Feed the body in pieces of this many bytes.
    #[arg(long)]
    pub(crate) chunk: Option<usize>,
    /// Treat the body as an error response with this HTTP status.
    #[arg(long)]
    pub(crate) status: Option<u16>,
}

/// `zai mock`.
#[derive(Args, Debug)]
#[command(after_long_help = zai_mock::TRIGGERS)]
pub(crate) struct MockArgs {
    /// Port (default: any free port).
    #[arg(long, default_value_t = 0)]
    pub(crate) port: u16,
    /// Directives every request gets, as if sent in its X-Zai-Mock header
    /// (e.g. `delay=200ms` or `error=503`).
    #[arg(long, default_value = "")]
    pub(crate) directives: String,
}

/// `zai batch`'s subcommands.
#[derive(Subcommand, Debug)]
pub(crate) enum BatchCommand {
    /// Run a batch job over a JSONL file of requests, or resume it: one result
    /// line per request in --out. Rerun the same command to resume after a
    /// crash or Ctrl-C.
    Run(RunArgs),
    /// Show where a job stands, from its state file.
    Status { state: PathBuf },
    /// Cancel a job: stops its running batches and submits nothing more.
    Cancel { state: PathBuf },
}

/// `zai batch run`.
#[derive(Args, Debug)]
pub(crate) struct RunArgs {
    /// Requests, one JSON object per line: `{"custom_id": …, "body": {…}}` as
    /// the Batch API takes them, or a plain request body (its id is then
    /// `line-<number>`).
    pub(crate) input: PathBuf,
    /// Where the results go, one JSON object per line: `{"custom_id", "response"}`
    /// or `{"custom_id", "error"}`.
    #[arg(long)]
    pub(crate) out: PathBuf,
    /// The job's state file (default: `<OUT>.state.json`).
    #[arg(long)]
    pub(crate) state: Option<PathBuf>,
    /// The endpoint the requests go to.
    #[arg(long, value_enum, default_value_t = Endpoint::Chat)]
    pub(crate) endpoint: Endpoint,
    /// Results as batches finish, or in input order.
    #[arg(long, value_enum, default_value_t = Order::Completion)]
    pub(crate) order: Order,
    /// Most requests per batch.
    #[arg(long, value_name = "N", default_value_t = zai::MAX_BATCH_REQUESTS)]
    pub(crate) max_requests: u64,
    /// Largest input file per batch, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = zai::MAX_BATCH_FILE_BYTES)]
    pub(crate) max_bytes: u64,
    /// Most batches on the way at once.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub(crate) in_flight: usize,
    /// Seconds between polls of a running batch (default 30; 0.05 with --mock).
    #[arg(long, value_name = "SECS")]
    pub(crate) interval: Option<f64>,
}

/// `zai batch run --endpoint`: where the requests go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Endpoint {
    Chat,
    Embeddings,
}

/// `zai batch run --order`: the results' order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Order {
    Completion,
    Input,
}
