//! The batch workflow in one call: chat requests with custom ids → JSONL upload →
//! batch → wait → output download → typed results matched back to their ids.

use crate::error::Error;
use crate::multipart::FilePart;
use crate::poll::{PollOptions, PollProgress};
use crate::types;

/// Endpoint a chat batch line targets, as the batch API expects it.
pub const CHAT_ENDPOINT: &str = "/v4/chat/completions";

/// The outcome of one batch line.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchResult {
    /// The id given with the request.
    pub custom_id: String,
    /// The completion, or why this line failed.
    pub outcome: Result<types::ChatCompletionResponse, BatchLineError>,
}

/// Why one line of a batch has no completion.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum BatchLineError {
    /// The server answered this line with an error.
    Api {
        /// HTTP status recorded for the line.
        status: Option<u16>,
        /// Z.AI business code.
        code: Option<String>,
        /// The server's message.
        message: String,
    },
    /// The line's body did not parse; the raw line is kept.
    Decode {
        /// The output line as received.
        line: String,
        /// The parser's complaint.
        error: String,
    },
    /// No output or error line named this request.
    Missing,
}

impl crate::Client {
    /// Runs chat requests as a batch and returns one [`BatchResult`] per request, in
    /// input order. Errors of single lines stay in their result; the call fails
    /// only when the batch as a whole does (upload, creation, failure, timeout).
    pub async fn run_chat_batch(
        &self,
        requests: &[(String, types::ChatCompletionRequest)],
        options: &PollOptions,
        progress: impl FnMut(&PollProgress<'_, types::Batch>),
    ) -> Result<Vec<BatchResult>, Error> {
        #[derive(serde::Serialize)]
        struct Line<'a> {
            custom_id: &'a str,
            method: &'static str,
            url: &'static str,
            body: &'a types::ChatCompletionRequest,
        }
        let mut jsonl = Vec::new();
        for (custom_id, body) in requests {
            let line = Line {
                custom_id,
                method: "POST",
                url: CHAT_ENDPOINT,
                body,
            };
            serde_json::to_writer(&mut jsonl, &line)
                .map_err(|e| Error::InvalidRequest(format!("request {custom_id}: {e}")))?;
            jsonl.push(b'\n');
        }
        let file = FilePart::new(jsonl, "batch.jsonl", "application/jsonl");
        let upload = self
            .upload_file(&types::FileUploadRequest::new(file, "batch"))
            .await?;
        let input = upload
            .id
            .ok_or_else(|| Error::UnexpectedResponse("upload returned no file id".into()))?;
        let batch = self
            .create_batch(&types::CreateBatchRequest::new(input, CHAT_ENDPOINT))
            .await?;
        let id = batch
            .id
            .ok_or_else(|| Error::UnexpectedResponse("batch has no id".into()))?;
        let done = self.wait_batch(&id, options, progress).await?;

        let mut lines = String::new();
        for file_id in [done.output_file_id, done.error_file_id]
            .into_iter()
            .flatten()
        {
            let bytes = self.retrieve_file_content(&file_id).await?.bytes().await?;
            lines.push_str(&String::from_utf8_lossy(&bytes));
            lines.push('\n');
        }
        let mut by_id = std::collections::HashMap::new();
        for line in lines.lines().filter(|l| !l.trim().is_empty()) {
            let (id, outcome) = parse_line(line);
            by_id.insert(id, outcome);
        }
        Ok(requests
            .iter()
            .map(|(custom_id, _)| BatchResult {
                custom_id: custom_id.clone(),
                outcome: by_id
                    .remove(custom_id.as_str())
                    .unwrap_or(Err(BatchLineError::Missing)),
            })
            .collect())
    }
}

/// One output or error line: `{"custom_id", "response": {"status_code", "body"}}`
/// or `{"custom_id", "error": {"code", "message"}}`.
fn parse_line(
    line: &str,
) -> (
    String,
    Result<types::ChatCompletionResponse, BatchLineError>,
) {
    let decode = |error: String| BatchLineError::Decode {
        line: line.to_owned(),
        error,
    };
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return (String::new(), Err(decode(e.to_string()))),
    };
    let id = value["custom_id"].as_str().unwrap_or_default().to_owned();
    let status = value
        .pointer("/response/status_code")
        .and_then(|s| s.as_u64())
        .map(|s| s as u16);
    let body = value.pointer("/response/body");
    let error = value
        .get("error")
        .filter(|e| !e.is_null())
        .or_else(|| body?.get("error"));
    let outcome = match (status, body, error) {
        (Some(200..=299), Some(body), None) => {
            serde_json::from_value(body.clone()).map_err(|e| decode(e.to_string()))
        }
        (status, _, Some(error)) => Err(BatchLineError::Api {
            status,
            code: error
                .get("code")
                .map(|c| c.as_str().map_or_else(|| c.to_string(), str::to_owned)),
            message: error["message"].as_str().unwrap_or_default().to_owned(),
        }),
        (status, _, None) => Err(BatchLineError::Api {
            status,
            code: None,
            message: "line has neither a success body nor an error".to_owned(),
        }),
    };
    (id, outcome)
}
