//! One realtime response gathered from its events (transcript, text, audio,
//! function calls, usage), and the function-call loop built on it.

use super::session::{RealtimeReceiver, RealtimeSession};
use super::wav::{OUTPUT_SAMPLE_RATE, Pcm16};
use crate::runtime::error::{Error, StreamError};
use base64::Engine as _;
use futures_util::StreamExt as _;
use zai_types::realtime::{
    RealtimeError, RealtimeResponseStatus, ResponseFunctionCallArgumentsDone, ServerEvent, Usage,
};

/// Everything one response sent, folded with [`RealtimeReply::push`].
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct RealtimeReply {
    /// The response's id (from `response.created`).
    pub response_id: Option<String>,
    /// The spoken answer's text (`response.audio_transcript.delta`s).
    pub transcript: String,
    /// A text answer (`response.text.delta`s).
    pub text: String,
    /// The spoken answer (`response.audio.delta`s): 24 kHz mono PCM16.
    pub audio: Pcm16,
    /// The functions the model called, in order.
    pub function_calls: Vec<ResponseFunctionCallArgumentsDone>,
    /// Server `error` events received meanwhile.
    pub errors: Vec<RealtimeError>,
    /// The final status and usage (`response.done`).
    pub status: Option<RealtimeResponseStatus>,
    /// Tokens used, from `response.done`.
    pub usage: Option<Usage>,
}

impl RealtimeReply {
    /// Adds one event; `Ok(true)` once the response is done (`response.done`).
    /// Events of other kinds are ignored. An audio delta that is not base64 is an
    /// [`Error::Decode`].
    pub fn push(&mut self, event: &ServerEvent) -> Result<bool, Error> {
        match event {
            ServerEvent::ResponseCreated(created) => {
                self.response_id = Some(created.response.id.clone())
            }
            ServerEvent::ResponseAudioTranscriptDelta(d) => self.transcript.push_str(&d.delta),
            ServerEvent::ResponseTextDelta(d) => self.text.push_str(&d.delta),
            ServerEvent::ResponseAudioDelta(d) => {
                let pcm = base64::engine::general_purpose::STANDARD
                    .decode(&d.delta)
                    .map_err(|e| Error::Decode {
                        status: 200,
                        body: d.delta.clone().into(),
                        source: serde::de::Error::custom(format!("audio delta: {e}")),
                    })?;
                let pcm = Pcm16::from_le_bytes(OUTPUT_SAMPLE_RATE, &pcm);
                self.audio.samples.extend(pcm.samples);
            }
            ServerEvent::ResponseFunctionCallArgumentsDone(call) => {
                self.function_calls.push(call.clone())
            }
            ServerEvent::ServerError(e) => self.errors.push(e.error.clone()),
            ServerEvent::ResponseDone(done) => {
                self.status = Some(done.response.status.clone());
                self.usage = done.response.usage.clone();
                return Ok(true);
            }
            _ => {}
        }
        Ok(false)
    }
}

impl RealtimeReceiver {
    /// Reads events until the current response is done and folds them, calling
    /// `each` with every event first (e.g. to print the transcript as it comes).
    /// The stream ending before `response.done` is its error, or
    /// [`StreamError::Incomplete`].
    pub async fn reply(
        &mut self,
        mut each: impl FnMut(&ServerEvent),
    ) -> Result<RealtimeReply, Error> {
        let mut reply = RealtimeReply::default();
        while let Some(event) = self.next().await {
            let event = event?;
            each(&event);
            if reply.push(&event)? {
                return Ok(reply);
            }
        }
        Err(Error::Stream(StreamError::Incomplete))
    }
}

impl RealtimeSession {
    /// [`RealtimeReceiver::reply`] on this session.
    pub async fn reply(&mut self, each: impl FnMut(&ServerEvent)) -> Result<RealtimeReply, Error> {
        self.rx.reply(each).await
    }

    /// Asks for a response and answers its function calls with `call(name,
    /// arguments)` (the result, JSON or text) until a response calls none;
    /// returns that one.
    pub async fn reply_with_tools(
        &mut self,
        mut call: impl FnMut(&str, &str) -> String,
    ) -> Result<RealtimeReply, Error> {
        loop {
            self.create_response().await?;
            let reply = self.reply(|_| {}).await?;
            if reply.function_calls.is_empty() {
                return Ok(reply);
            }
            for done in &reply.function_calls {
                let output = call(&done.name, &done.arguments);
                self.function_result(done.call_id.as_deref(), output)
                    .await?;
            }
        }
    }
}
