//! The per-request knob: what a request asks of the mock itself (an error, a
//! delay, a fault, parallel tool calls) through its `X-Zai-Mock` header or its
//! `model`, the trigger vocabulary mock/README.md documents.

use std::time::Duration;

/// The header carrying a request's directives, comma-separated:
/// `error=429, delay=250ms, chunk-delay=5ms, fault=glued-frames, parallel-tool-calls`.
pub(crate) const HEADER: &str = "x-zai-mock";

/// The trigger vocabulary, as `zai mock --help` shows it (mock/README.md has
/// the same table).
pub(crate) const TRIGGERS: &str = "\
Triggers (per request; a server-wide default with --directives):
  header X-Zai-Mock: error=<status>      answer <status> with its Z.AI error body (any operation)
  header X-Zai-Mock: delay=<n>ms|<n>s    wait before answering (any operation)
  header X-Zai-Mock: chunk-delay=<n>ms   pause between streamed events
  header X-Zai-Mock: fault=glued-frames  stream with Z.AI's concatenated-frame bug
  header X-Zai-Mock: fault=disconnect    close the connection without an answer
  header X-Zai-Mock: parallel-tool-calls one tool call per name the question mentions
  model error-<status>                   as error=<status>
  model fault-glued-frames               as fault=glued-frames
Rules (from the request):
  a plain question      the example's answer quoting it: You asked about \"<first words>…\". …
  tools                 a call of the declared function best matching the question
                        (tool_choice none/auto/required/named), arguments from its schema;
                        tool_stream: true streams the arguments in fragments
  a trailing tool result  a final answer quoting it
  a web_search tool     web_search results, no function call
  response_format json_object  JSON matching a schema in response_format or a system message
  thinking.type disabled  no reasoning_content
  stream: true          server-sent events
Limits: the key is checked before the body is read; a body over 64 MiB is a 413;
  headers must arrive within 10 s; a connection idle for 30 s is closed.";

/// What one request asks of the mock.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Knob {
    /// Answer this status with its Z.AI error body (`error=429`, model `error-429`).
    pub error: Option<u16>,
    /// Wait this long before answering (`delay=250ms`, `delay=2s`).
    pub delay: Option<Duration>,
    /// Pause this long between streamed events (`chunk-delay=5ms`).
    pub chunk_delay: Option<Duration>,
    /// A fault to commit (`fault=glued-frames`, model `fault-glued-frames`;
    /// `fault=disconnect`).
    pub fault: Option<Fault>,
    /// Call the chosen tool once per name the question mentions
    /// (`parallel-tool-calls`).
    pub parallel: bool,
}

/// A fault the mock commits on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fault {
    /// Z.AI's concatenated-frame stream bug (see the crate docs).
    GluedFrames,
    /// The connection is closed without an answer.
    Disconnect,
}

impl Knob {
    /// The directives of an `X-Zai-Mock` header value and of a `model`; an
    /// unknown directive is named in the error.
    pub(crate) fn read(header: Option<&str>, model: Option<&str>) -> Result<Knob, String> {
        let mut knob = Knob::default();
        if let Some(status) = model.and_then(|m| m.strip_prefix("error-")) {
            knob.error = status.parse().ok();
        }
        if model == Some("fault-glued-frames") {
            knob.fault = Some(Fault::GluedFrames);
        }
        for directive in header.into_iter().flat_map(|h| h.split(',')) {
            let directive = directive.trim();
            let (key, value) = directive.split_once('=').unwrap_or((directive, ""));
            let bad = || format!("{HEADER}: unknown directive `{directive}`");
            match (key.trim(), value.trim()) {
                ("", _) => {}
                ("error", status) => knob.error = Some(status.parse().map_err(|_| bad())?),
                ("delay", time) => knob.delay = Some(duration(time).ok_or_else(bad)?),
                ("chunk-delay", time) => knob.chunk_delay = Some(duration(time).ok_or_else(bad)?),
                ("fault", "glued-frames") => knob.fault = Some(Fault::GluedFrames),
                ("fault", "disconnect") => knob.fault = Some(Fault::Disconnect),
                ("parallel-tool-calls", "") => knob.parallel = true,
                _ => return Err(bad()),
            }
        }
        Ok(knob)
    }
}

/// `250ms`, `2s` or a bare number of milliseconds.
fn duration(text: &str) -> Option<Duration> {
    let (number, scale) = match text.strip_suffix("ms") {
        Some(ms) => (ms, 1),
        None => match text.strip_suffix('s') {
            Some(s) => (s, 1000),
            None => (text, 1),
        },
    };
    let n: u64 = number.trim().parse().ok()?;
    Some(Duration::from_millis(n.checked_mul(scale)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_read_from_the_header_and_the_model() {
        let knob = Knob::read(
            Some("delay=250ms, chunk-delay=2s,parallel-tool-calls, error=503"),
            None,
        );
        assert_eq!(
            knob,
            Ok(Knob {
                error: Some(503),
                delay: Some(Duration::from_millis(250)),
                chunk_delay: Some(Duration::from_secs(2)),
                fault: None,
                parallel: true,
            })
        );
        let by_model = Knob::read(None, Some("fault-glued-frames")).unwrap();
        assert_eq!(by_model.fault, Some(Fault::GluedFrames));
        assert_eq!(
            Knob::read(None, Some("error-429")).unwrap().error,
            Some(429)
        );
        assert_eq!(
            Knob::read(Some("fault=fire"), None),
            Err("x-zai-mock: unknown directive `fault=fire`".into())
        );
    }
}
