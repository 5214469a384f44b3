//! Client events the realtime mock refuses: the `error` event it answers with,
//! and the checks of base64 fields and of session updates.

use super::audio;
use base64::Engine as _;
use serde_json::{Map, Value, json};

const MODELS: &[&str] = &["glm-realtime-flash", "glm-realtime-air"];
const MODALITIES: &[&str] = &["text", "audio"];
const TURN_DETECTION: &[&str] = &["client_vad", "server_vad"];
const CHAT_MODES: &[&str] = &["audio", "video_passive"];

/// A client event the mock refuses: answered by an `error` event.
#[derive(Debug)]
pub(crate) struct Refusal {
    code: &'static str,
    message: String,
    param: Option<String>,
}

impl Refusal {
    /// A refusal with this `code` and message.
    pub(crate) fn new(code: &'static str, message: impl Into<String>) -> Refusal {
        Refusal {
            code,
            message: message.into(),
            param: None,
        }
    }

    /// The same, naming the field at fault (`param`).
    pub(crate) fn about(self, param: &str) -> Refusal {
        Refusal {
            param: Some(param.to_owned()),
            ..self
        }
    }

    /// `invalid_value` of a field.
    pub(crate) fn invalid(param: &str, message: impl Into<String>) -> Refusal {
        Refusal::new("invalid_value", message).about(param)
    }

    /// `missing_field`: a required field is absent.
    pub(crate) fn missing(param: &str) -> Refusal {
        Refusal::new("missing_field", format!("The '{param}' field is missing.")).about(param)
    }

    /// The `error` event (`invalid_request_error`); `event_id` is the client event's.
    pub(crate) fn into_event(self, event_id: Option<Value>) -> Value {
        let mut error =
            json!({"type": "invalid_request_error", "code": self.code, "message": self.message});
        if let Some(param) = self.param {
            error["param"] = json!(param);
        }
        if let Some(id) = event_id {
            error["event_id"] = id;
        }
        json!({"type": "error", "error": error})
    }
}

/// A required base64 string field, decoded.
pub(crate) fn base64_field(event: &Value, field: &str) -> Result<Vec<u8>, Refusal> {
    let text = match event.get(field) {
        None => return Err(Refusal::missing(field)),
        Some(value) => value
            .as_str()
            .ok_or_else(|| Refusal::invalid(field, format!("{field} must be a base64 string.")))?,
    };
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|_| Refusal::invalid(field, format!("{field} is not valid base64.")))
}

/// A session field's check: its name, the test of a value, and what it must be.
type Check<'a> = (&'static str, &'a dyn Fn(&Value) -> bool, &'static str);

/// Refuses a session update with a value the service would not take.
pub(crate) fn check_session(update: &Map<String, Value>) -> Result<(), Refusal> {
    let is = |allowed: &'static [&'static str]| {
        move |v: &Value| v.as_str().is_some_and(|v| allowed.contains(&v))
    };
    let checks: [Check<'_>; 10] = [
        (
            "model",
            &is(MODELS),
            "glm-realtime-flash or glm-realtime-air",
        ),
        ("output_audio_format", &is(&["pcm"]), "pcm"),
        (
            "turn_detection",
            &|v| is(TURN_DETECTION)(&v["type"]),
            "{type: client_vad or server_vad}",
        ),
        (
            "beta_fields",
            &|v| v.is_object() && v.get("chat_mode").is_none_or(is(CHAT_MODES)),
            "an object whose chat_mode is audio or video_passive",
        ),
        (
            "input_audio_format",
            &|v| v.as_str().is_some_and(audio::supported),
            "wav or pcm<kHz> (pcm16, pcm24)",
        ),
        (
            "modalities",
            &|v| {
                v.as_array()
                    .is_some_and(|m| !m.is_empty() && m.iter().all(is(MODALITIES)))
            },
            "a non-empty list of text and audio",
        ),
        (
            "temperature",
            &|v| v.as_f64().is_some_and(|t| (0.0..=1.0).contains(&t)),
            "a number from 0 to 1",
        ),
        ("instructions", &Value::is_string, "a string"),
        ("voice", &Value::is_string, "a string"),
        (
            "tools",
            &|v| {
                v.as_array().is_some_and(|tools| {
                    tools.iter().all(|tool| {
                        tool["type"] == "function"
                            && tool["name"].as_str().is_some_and(|n| !n.is_empty())
                    })
                })
            },
            "a list of {type: function, name, description, parameters}",
        ),
    ];
    for (field, valid, expected) in checks {
        if update.get(field).is_some_and(|value| !valid(value)) {
            let param = format!("session.{field}");
            return Err(Refusal::invalid(
                &param,
                format!("{param} must be {expected}."),
            ));
        }
    }
    Ok(())
}
