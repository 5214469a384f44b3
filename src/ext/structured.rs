//! Structured answers: a Rust type in, a value of it out. JSON mode (chat), the
//! type's schema as an instruction, the answer validated against that schema and
//! parsed, and one repair round that shows the model what was wrong.

use crate::ext::tools::schema::{Validator, schema_for};
use crate::runtime::client::Client;
use crate::runtime::error::Error;
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use zai_types::types::{
    AnthropicInputMessage, AnthropicMessageRequest, AnthropicSystem, AnthropicSystemBlock,
    AnthropicSystemBlockType, ChatCompletionRequest, ChatMessage, ResponseFormatType,
};

/// The instruction carrying the schema (GLM has JSON mode but no schema-constrained
/// response format, so the schema goes into the conversation).
fn instruction(schema: &serde_json::Value) -> String {
    format!(
        "Answer with one JSON object, and nothing else, that matches this JSON Schema:\n{schema}"
    )
}

/// What the model is told when its answer did not fit.
fn repair(reason: &str) -> String {
    format!("That answer is invalid: {reason}\nAnswer again with only the corrected JSON object.")
}

/// The answer as a `T`: parsed as JSON (a Markdown code fence around it is
/// tolerated), checked against the schema, then deserialized.
fn read<T: DeserializeOwned>(validator: &Validator, answer: &str) -> Result<T, String> {
    let text = answer
        .trim()
        .trim_start_matches("```json")
        .trim_start_matches("```");
    let text = text.trim_end().trim_end_matches("```");
    let value = serde_json::from_str(text).map_err(|e| format!("not one JSON value: {e}"))?;
    validator.check(&value)?;
    serde_json::from_value(value).map_err(|e| e.to_string())
}

/// Asks once (`ask(None)`), then, when the answer does not fit, once more with
/// that answer and the repair instruction (`ask(Some((answer, repair)))`).
async fn fit<T: DeserializeOwned>(
    validator: &Validator,
    mut ask: impl AsyncFnMut(Option<(String, String)>) -> Result<String, Error>,
) -> Result<T, Error> {
    let answer = ask(None).await?;
    let reason = match read(validator, &answer) {
        Ok(value) => return Ok(value),
        Err(reason) => reason,
    };
    let answer = ask(Some((answer, repair(&reason)))).await?;
    read(validator, &answer).map_err(|reason| Error::Structured { answer, reason })
}

impl Client {
    /// A chat answer as a `T` (a structured answer): sends `request` in JSON mode
    /// with `T`'s JSON Schema ([`crate::schema_for`]) as a system message, then
    /// validates the reply against the schema (with `boon`) and parses it. When
    /// it does not fit, the reply and what is wrong with it go back to the model
    /// once; a second misfit is [`Error::Structured`], carrying the text.
    pub async fn chat_json<T: JsonSchema + DeserializeOwned>(
        &self,
        request: &ChatCompletionRequest,
    ) -> Result<T, Error> {
        let schema = schema_for::<T>();
        let validator = Validator::new(&schema)?;
        let mut request = request
            .clone()
            .response_format(ResponseFormatType::JsonObject);
        request
            .messages
            .insert(0, ChatMessage::system(instruction(&schema)));
        fit(&validator, async |retry| {
            if let Some((answer, repair)) = retry {
                request.messages.push(ChatMessage::assistant(answer));
                request.messages.push(ChatMessage::user(repair));
            }
            let reply = self.create_chat_completion(&request).await?;
            Ok(reply.text().unwrap_or_default().to_owned())
        })
        .await
    }

    /// [`Self::chat_json`] on the Anthropic-compatible Messages endpoint (which
    /// has no JSON mode: the schema goes into the system prompt).
    pub async fn message_json<T: JsonSchema + DeserializeOwned>(
        &self,
        request: &AnthropicMessageRequest,
    ) -> Result<T, Error> {
        let schema = schema_for::<T>();
        let validator = Validator::new(&schema)?;
        let mut request = request.clone();
        let text = instruction(&schema);
        request.system = Some(match request.system.take() {
            None => AnthropicSystem::String(text),
            Some(AnthropicSystem::String(system)) => {
                AnthropicSystem::String(format!("{system}\n\n{text}"))
            }
            Some(AnthropicSystem::Array(mut blocks)) => {
                blocks.push(AnthropicSystemBlock::new(
                    AnthropicSystemBlockType::Text,
                    text,
                ));
                AnthropicSystem::Array(blocks)
            }
            // A form of `system` this version does not know: the schema alone.
            Some(_) => AnthropicSystem::String(text),
        });
        fit(&validator, async |retry| {
            if let Some((answer, repair)) = retry {
                request
                    .messages
                    .push(AnthropicInputMessage::assistant(answer));
                request.messages.push(AnthropicInputMessage::user(repair));
            }
            Ok(self.create_message(&request).await?.text())
        })
        .await
    }
}
