//! One realtime connection's state — session configuration, history, input buffer,
//! server VAD, the response in progress — and the server events each client event
//! gets.

use super::audio::{self, SPEECH_PEAK};
use super::checks::{Refusal, base64_field, check_session};
use super::reply::{self, AFTER_CALL, ANSWER, Answer, Frame, response_object};
use super::{Fault, Ids};
use serde_json::{Map, Value, json};
use std::collections::VecDeque;

/// What the mock "hears" in committed speech (the input transcription).
pub(crate) const HEARD: &str = "What can you do?";

/// The input buffer since the last commit or clear.
#[derive(Default)]
struct Buffer {
    /// Whether any audio came, how much (ms) and its loudest sample.
    audio: bool,
    ms: u64,
    peak: u16,
    /// Video frames appended.
    frames: u64,
    /// Server VAD: the item id of the speech under way.
    speech: Option<String>,
}

/// The response being streamed.
struct Active {
    id: String,
    item_id: String,
    pending: VecDeque<Frame>,
}

/// A connection's conversation (see the module docs).
pub(crate) struct Conversation {
    ids: Ids,
    /// Server event ids, counted apart so the first event is `event_1`.
    event_ids: Ids,
    session: Map<String, Value>,
    /// A fault the connection's query asked for (instructions may ask too).
    fault: Option<Fault>,
    items: Vec<Value>,
    buffer: Buffer,
    /// Video frames since the connection opened (video mode needs one to answer).
    frames_seen: u64,
    active: Option<Active>,
}

impl Conversation {
    /// A new conversation with the service's defaults, and its opening events
    /// (`session.created`, `conversation.created`, `heartbeat`).
    pub(crate) fn open(fault: Option<Fault>) -> (Conversation, Vec<Value>) {
        let mut ids = Ids::default();
        let session = json!({
            "id": ids.next("sess"), "object": "realtime.session", "model": "glm-realtime-flash",
            "modalities": ["text", "audio"], "instructions": "", "voice": "tongtong",
            "input_audio_format": "wav", "output_audio_format": "pcm",
            "turn_detection": {"type": "client_vad"}, "tools": [],
            "beta_fields": {"chat_mode": "audio", "tts_source": "e2e", "auto_search": true},
        });
        let conversation = json!({"id": ids.next("conv"), "object": "realtime.conversation"});
        let opening = vec![
            json!({"type": "session.created", "session": session}),
            json!({"type": "conversation.created", "conversation": conversation}),
            json!({"type": "heartbeat"}),
        ];
        let conversation = Conversation {
            ids,
            event_ids: Ids::default(),
            session: opening[0]["session"]
                .as_object()
                .cloned()
                .unwrap_or_default(),
            fault,
            items: Vec::new(),
            buffer: Buffer::default(),
            frames_seen: 0,
            active: None,
        };
        (conversation, opening)
    }

    /// The fault in force: the connection's, else one named in the instructions.
    pub(crate) fn fault(&self) -> Option<Fault> {
        self.fault.or_else(|| {
            let instructions = self.session.get("instructions")?.as_str()?;
            Fault::in_instructions(instructions)
        })
    }

    /// Sets a server event's `event_id`.
    pub(crate) fn stamp(&mut self, mut event: Value) -> Value {
        event["event_id"] = json!(self.event_ids.next("event"));
        event
    }

    /// Whether a response is being streamed.
    pub(crate) fn responding(&self) -> bool {
        self.active.is_some()
    }

    /// The next frame of the response in progress, if one is.
    pub(crate) fn next_frame(&mut self) -> Option<Frame> {
        let active = self.active.as_mut()?;
        let frame = active.pending.pop_front();
        if active.pending.is_empty() {
            self.active = None;
        }
        frame
    }

    /// The events answering one client event (a text frame's content).
    pub(crate) fn receive(&mut self, text: &str) -> Vec<Value> {
        let event: Value = match serde_json::from_str(text) {
            Ok(event) => event,
            Err(e) => {
                let refusal = Refusal::new("invalid_json", format!("The event is not JSON: {e}."));
                return vec![refusal.into_event(None)];
            }
        };
        let event_id = event.get("event_id").filter(|id| id.is_string()).cloned();
        let answer = match event.get("type").and_then(Value::as_str) {
            None => {
                Err(Refusal::new("invalid_event", "The 'type' field is missing.").about("type"))
            }
            Some("session.update") => self.update(&event),
            Some("input_audio_buffer.append") => self.append(&event),
            Some("input_audio_buffer.append_video_frame") => self.append_frame(&event),
            Some("input_audio_buffer.commit") => self.commit(None),
            Some("input_audio_buffer.clear") => {
                self.buffer = Buffer::default();
                Ok(vec![json!({"type": "input_audio_buffer.cleared"})])
            }
            Some("conversation.item.create") => self.create_item(&event),
            Some("conversation.item.delete") => self.delete_item(&event),
            Some("conversation.item.retrieve") => self.retrieve_item(&event),
            Some("response.create") => self.create_response(&event),
            Some("response.cancel") => match self.cancel("client_cancelled") {
                events if events.is_empty() => Err(Refusal::new(
                    "response_cancel_not_active",
                    "There is no response in progress to cancel.",
                )),
                events => Ok(events),
            },
            Some(other) => Err(Refusal::new(
                "invalid_event",
                format!("Unknown event type '{other}'."),
            )
            .about("type")),
        };
        answer.unwrap_or_else(|refusal| vec![refusal.into_event(event_id)])
    }

    fn update(&mut self, event: &Value) -> Result<Vec<Value>, Refusal> {
        let update = match event.get("session") {
            None => return Err(Refusal::missing("session")),
            Some(Value::Object(update)) => update,
            Some(_) => return Err(Refusal::invalid("session", "session must be an object.")),
        };
        check_session(update)?;
        let was_video = self.chat_mode() == "video_passive";
        for (key, value) in update {
            match (key.as_str(), value, self.session.get_mut(key)) {
                ("id" | "object", ..) => {}
                ("beta_fields", Value::Object(new), Some(Value::Object(old))) => {
                    old.extend(new.clone());
                }
                _ => {
                    self.session.insert(key.clone(), value.clone());
                }
            }
        }
        // The guide: an update without turn_detection puts the session back to client VAD.
        if !update.contains_key("turn_detection") {
            self.session
                .insert("turn_detection".into(), json!({"type": "client_vad"}));
        }
        // The guide: switching from video to audio drops the history.
        if was_video && self.chat_mode() == "audio" {
            self.items.clear();
        }
        let session = Value::Object(self.session.clone());
        Ok(vec![
            json!({"type": "session.updated", "session": session}),
            json!({"type": "heartbeat"}),
        ])
    }

    fn chat_mode(&self) -> &str {
        self.session
            .get("beta_fields")
            .and_then(|beta| beta.get("chat_mode"))
            .and_then(Value::as_str)
            .unwrap_or("audio")
    }

    fn server_vad(&self) -> bool {
        self.session
            .get("turn_detection")
            .and_then(|t| t.get("type"))
            == Some(&json!("server_vad"))
    }

    fn append(&mut self, event: &Value) -> Result<Vec<Value>, Refusal> {
        let bytes = base64_field(event, "audio")?;
        let format = self
            .session
            .get("input_audio_format")
            .and_then(Value::as_str);
        let chunk = audio::read_chunk(&bytes, format.unwrap_or("wav"))
            .map_err(|message| Refusal::invalid("audio", message))?;
        let start = self.buffer.ms;
        self.buffer.audio = true;
        self.buffer.ms += chunk.ms;
        self.buffer.peak = self.buffer.peak.max(chunk.peak);
        if !self.server_vad() {
            return Ok(Vec::new());
        }
        let loud = chunk.peak >= SPEECH_PEAK;
        Ok(match (self.buffer.speech.clone(), loud) {
            (None, true) => {
                let item_id = self.ids.next("item");
                self.buffer.speech = Some(item_id.clone());
                let started = json!({"type": "input_audio_buffer.speech_started",
                    "item_id": item_id, "audio_start_ms": start});
                // Speech interrupts the answer in progress.
                let mut events = vec![started];
                events.extend(self.cancel("turn_detected"));
                events
            }
            (Some(item_id), false) => {
                let stopped = json!({"type": "input_audio_buffer.speech_stopped",
                    "item_id": item_id, "audio_end_ms": start});
                let mut events = vec![stopped];
                events.extend(self.commit(Some(item_id))?);
                events.extend(self.respond(None));
                events
            }
            _ => Vec::new(),
        })
    }

    fn append_frame(&mut self, event: &Value) -> Result<Vec<Value>, Refusal> {
        let bytes = base64_field(event, "video_frame")?;
        // Every JPEG starts with the SOI marker and a segment marker.
        if !bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            return Err(Refusal::invalid(
                "video_frame",
                "video_frame is not a base64 JPEG image.",
            ));
        }
        self.buffer.frames += 1;
        self.frames_seen += 1;
        Ok(Vec::new())
    }

    /// Commits the buffer as a user message (`item_id`: the one server VAD announced).
    fn commit(&mut self, item_id: Option<String>) -> Result<Vec<Value>, Refusal> {
        if !self.buffer.audio && self.buffer.frames == 0 {
            return Err(Refusal::new(
                "input_audio_buffer_commit_empty",
                "The input audio buffer is empty: append audio or a video frame first.",
            ));
        }
        let item_id = item_id.unwrap_or_else(|| self.ids.next("item"));
        let content = if self.buffer.audio {
            json!([{"type": "input_audio", "transcript": null}])
        } else {
            json!([])
        };
        let item = json!({"id": item_id, "object": "realtime.item", "type": "message",
            "status": "completed", "role": "user", "content": content});
        let (mut committed, mut created) = (
            json!({"type": "input_audio_buffer.committed", "item_id": item_id}),
            json!({"type": "conversation.item.created", "item": item}),
        );
        if let Some(previous) = self.items.last().and_then(|i| i.get("id")) {
            committed["previous_item_id"] = previous.clone();
            created["previous_item_id"] = previous.clone();
        }
        self.items.push(item);
        let mut events = vec![committed, created];
        if self.buffer.audio {
            let mut transcription = json!({"item_id": item_id, "content_index": 0});
            if self.buffer.peak >= SPEECH_PEAK {
                transcription["type"] =
                    json!("conversation.item.input_audio_transcription.completed");
                transcription["transcript"] = json!(HEARD);
            } else {
                transcription["type"] = json!("conversation.item.input_audio_transcription.failed");
                transcription["error"] = json!({"type": "transcription_error",
                    "code": "audio_unintelligible", "message": "No speech in the audio."});
            }
            events.push(transcription);
        }
        self.buffer = Buffer::default();
        Ok(events)
    }

    fn create_item(&mut self, event: &Value) -> Result<Vec<Value>, Refusal> {
        let Some(Value::Object(fields)) = event.get("item") else {
            return Err(match event.get("item") {
                None => Refusal::missing("item"),
                Some(_) => Refusal::invalid("item", "item must be an object."),
            });
        };
        let mut item = fields.clone();
        let non_empty = |field: &str| {
            let value = fields
                .get(field)
                .and_then(Value::as_str)
                .unwrap_or_default();
            if value.is_empty() {
                Err(Refusal::invalid(
                    &format!("item.{field}"),
                    format!("item.{field} must be a non-empty string."),
                ))
            } else {
                Ok(())
            }
        };
        match fields.get("type").and_then(Value::as_str) {
            Some("message") => {
                let parts = fields.get("content").and_then(Value::as_array);
                let has_text = parts.is_some_and(|parts| {
                    !parts.is_empty()
                        && parts.iter().all(|part| {
                            part.get("text")
                                .and_then(Value::as_str)
                                .is_some_and(|t| !t.is_empty())
                                || part.get("audio").is_some()
                        })
                });
                if !has_text {
                    return Err(Refusal::invalid(
                        "item.content",
                        "A message needs content parts with non-empty text.",
                    ));
                }
                item.entry("role").or_insert(json!("user"));
            }
            Some("function_call_output") => non_empty("output")?,
            Some("function_call") => {
                non_empty("name")?;
                non_empty("arguments")?;
            }
            _ => {
                return Err(Refusal::invalid(
                    "item.type",
                    "item.type must be message, function_call or function_call_output.",
                ));
            }
        }
        let id = match fields.get("id").and_then(Value::as_str) {
            Some(id) if !id.is_empty() => id.to_owned(),
            _ => self.ids.next("item"),
        };
        item.insert("id".into(), json!(id));
        item.insert("object".into(), json!("realtime.item"));
        item.insert("status".into(), json!("completed"));
        let mut created = json!({"type": "conversation.item.created", "item": item});
        if let Some(previous) = self.items.last().and_then(|i| i.get("id")) {
            created["previous_item_id"] = previous.clone();
        }
        self.items.push(Value::Object(item));
        Ok(vec![created])
    }

    fn find(&self, event: &Value) -> Result<usize, Refusal> {
        let id = match event.get("item_id") {
            None => return Err(Refusal::missing("item_id")),
            Some(id) => id
                .as_str()
                .ok_or_else(|| Refusal::invalid("item_id", "item_id must be a string."))?,
        };
        self.items
            .iter()
            .position(|item| item["id"] == id)
            .ok_or_else(|| {
                Refusal::new(
                    "item_not_found",
                    format!("No item '{id}' in the conversation."),
                )
                .about("item_id")
            })
    }

    fn delete_item(&mut self, event: &Value) -> Result<Vec<Value>, Refusal> {
        let item = self.items.remove(self.find(event)?);
        Ok(vec![
            json!({"type": "conversation.item.deleted", "item_id": item["id"]}),
        ])
    }

    fn retrieve_item(&mut self, event: &Value) -> Result<Vec<Value>, Refusal> {
        let item = &self.items[self.find(event)?];
        Ok(vec![
            json!({"type": "conversation.item.retrieved", "item": item}),
        ])
    }

    fn create_response(&mut self, event: &Value) -> Result<Vec<Value>, Refusal> {
        if self.active.is_some() {
            return Err(Refusal::new(
                "conversation_already_has_active_response",
                "A response is in progress: cancel it or wait for response.done.",
            ));
        }
        if self.chat_mode() == "video_passive" && self.frames_seen == 0 {
            return Err(Refusal::new(
                "video_model_query_error",
                "Send at least one video frame before response.create in video mode.",
            ));
        }
        Ok(self.respond(event.get("client_timestamp")))
    }

    /// Starts a response: `response.created` now, the rest through `next_frame`.
    fn respond(&mut self, timestamp: Option<&Value>) -> Vec<Value> {
        let fault = self.fault();
        let after_call = self
            .items
            .last()
            .is_some_and(|i| i["type"] == "function_call_output");
        let tool = self.session.get("tools").and_then(|t| t.get(0));
        let spoken = self
            .session
            .get("modalities")
            .and_then(Value::as_array)
            .is_none_or(|m| m.contains(&json!("audio")));
        let answer = match (tool, after_call, spoken) {
            (Some(tool), false, _) => Answer::Call(tool),
            (_, after, true) => Answer::Audio(if after { AFTER_CALL } else { ANSWER }),
            (_, after, false) => Answer::Text(if after { AFTER_CALL } else { ANSWER }),
        };
        // A rough token count: every item and every four characters of instructions.
        let instructions = self.session.get("instructions").and_then(Value::as_str);
        let input_tokens =
            10 * self.items.len() as u64 + instructions.map_or(0, str::len) as u64 / 4;
        let plan = reply::plan(&mut self.ids, answer, fault, input_tokens, timestamp);
        let item_id = plan.item["id"].as_str().unwrap_or_default().to_owned();
        if fault != Some(Fault::ServerError) {
            self.items.push(plan.item);
        }
        let created = json!({"type": "response.created", "response": response_object(&plan.id, "in_progress")});
        self.active = Some(Active {
            id: plan.id,
            item_id,
            pending: plan.frames.into(),
        });
        vec![created]
    }

    /// Stops the response in progress (`response.cancelled`, then `response.done`);
    /// nothing when there is none.
    fn cancel(&mut self, reason: &str) -> Vec<Value> {
        let Some(active) = self.active.take() else {
            return Vec::new();
        };
        if let Some(item) = self
            .items
            .iter_mut()
            .find(|i| i["id"] == active.item_id.as_str())
        {
            item["status"] = json!("incomplete");
        }
        let mut response = response_object(&active.id, "cancelled");
        response["status_details"] = json!({"type": "cancelled", "reason": reason});
        vec![
            json!({"type": "response.cancelled", "response": response}),
            json!({"type": "response.done", "response": response}),
        ]
    }
}
