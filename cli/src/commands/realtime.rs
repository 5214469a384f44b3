//! `zai realtime`: one turn with GLM-Realtime: says a WAV file (or text), prints
//! the reply's transcript as it arrives, writes its audio as WAV, usage on stderr.

use crate::args::RealtimeArgs;
use crate::connection::Connection;
use crate::failure::{Failure, Outcome};
use futures_util::StreamExt;
use std::io::Write;
use std::path::Path;
use std::time::Duration;
use zai::realtime::{
    BetaFields, BetaFieldsChatMode, Pcm16, RealtimeReply, RealtimeResponseStatus, ServerEvent,
    SessionConfig, TurnDetection, TurnDetectionType,
};

/// The audio is sent in pieces of this length, as a microphone would.
const FRAME: Duration = Duration::from_millis(100);

/// Runs `zai realtime`.
pub(crate) async fn run(connection: &Connection, args: RealtimeArgs) -> Outcome {
    if args.input.is_none() && args.text.is_none() {
        return Err(Failure::Usage("give --input IN.wav or --text".into()));
    }
    let read = |path: &Path| {
        std::fs::read(path).map_err(|e| Failure::Usage(format!("{}: {e}", path.display())))
    };
    let audio = match &args.input {
        Some(path) => Some(Pcm16::from_wav(&read(path)?).map_err(Failure::from_input)?),
        None => None,
    };
    let frame = args.video_frame.as_deref().map(read).transpose()?;

    let mut session = connection.client.realtime().await?;
    let mut config = SessionConfig::default().model(args.model.as_str());
    if args.server_vad {
        config = config.turn_detection(TurnDetection::new(TurnDetectionType::ServerVad));
    }
    if frame.is_some() {
        config = config.beta_fields(BetaFields::new(BetaFieldsChatMode::VideoPassive));
    }
    session.update_session(config).await?;
    if let Some(frame) = &frame {
        session.append_video_frame(frame).await?;
    }
    if let Some(audio) = &audio {
        session.append_wav(audio, FRAME).await?;
    }
    if let Some(text) = &args.text {
        session.send_text(text).await?;
    }
    match (&audio, args.server_vad && args.text.is_none()) {
        // Server VAD answers once it hears the speech end: half a second of silence.
        (Some(audio), true) => {
            let silence = Pcm16 {
                sample_rate: audio.sample_rate,
                samples: vec![0; audio.sample_rate as usize / 2],
            };
            session.append_wav(&silence, FRAME).await?;
        }
        (Some(_), false) => {
            session.commit().await?;
            session.create_response().await?;
        }
        (None, _) => session.create_response().await?,
    }

    let reply = receive(&mut session).await?;
    if let Some(path) = &args.out {
        std::fs::write(path, reply.audio.to_wav())
            .map_err(|e| Failure::Call(format!("cannot write {}: {e}", path.display())))?;
    }
    if let Some(usage) = &reply.usage {
        let n = |v: Option<i64>| v.unwrap_or_default();
        eprintln!(
            "usage: {} input + {} output = {} tokens",
            n(usage.input_tokens),
            n(usage.output_tokens),
            n(usage.total_tokens)
        );
    }
    session.close().await?;
    match reply.status {
        Some(RealtimeResponseStatus::Completed) => Ok(()),
        status => Err(Failure::Call(format!(
            "the response ended `{}`",
            status.map(|s| s.to_string()).unwrap_or_default()
        ))),
    }
}

/// The response, its transcript (or text) printed as it arrives. A server
/// `error` before the response starts fails the command.
async fn receive(session: &mut zai::realtime::RealtimeSession) -> Result<RealtimeReply, Failure> {
    let mut reply = RealtimeReply::default();
    let mut out = std::io::stdout();
    while let Some(event) = session.next().await {
        let event = event?;
        match &event {
            ServerEvent::ResponseAudioTranscriptDelta(d) => {
                let _ = write!(out, "{}", d.delta);
            }
            ServerEvent::ResponseTextDelta(d) => {
                let _ = write!(out, "{}", d.delta);
            }
            ServerEvent::ServerError(e) if reply.response_id.is_none() => {
                let code = e.error.code.as_deref().unwrap_or(&e.error.type_);
                return Err(Failure::Call(format!("{code}: {}", e.error.message)));
            }
            ServerEvent::ServerError(e) => eprintln!("warning: {}", e.error.message),
            _ => {}
        }
        let _ = out.flush();
        if reply.push(&event)? {
            println!();
            return Ok(reply);
        }
    }
    Err(zai::Error::Stream(zai::StreamError::Incomplete).into())
}
