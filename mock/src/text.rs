//! Reading the text a request carries, the way the answers that depend on it
//! (tool choice, embeddings, rerank, token counts) see it: message text, words,
//! a stable hash.

use serde_json::Value;

/// The text of a message's `content`: a string, or the `text` of its parts
/// (OpenAI-style `{type: text, text}` or Anthropic blocks), joined by spaces.
pub(crate) fn content_text(content: &Value) -> String {
    match content {
        Value::String(s) => s.clone(),
        Value::Array(parts) => parts
            .iter()
            .filter_map(|p| p["text"].as_str().or(p.as_str()))
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    }
}

/// The text of the last message of `messages` whose role is `role`.
pub(crate) fn last_text(messages: &Value, role: &str) -> String {
    messages
        .as_array()
        .into_iter()
        .flatten()
        .rev()
        .find(|m| m["role"] == role)
        .map(|m| content_text(&m["content"]))
        .unwrap_or_default()
}

/// `answer` opened by a quote of `question` (its first eight words, `…` when
/// cut), so a reply shows which question it answers: `You asked about "Hi".
/// Hello!`. `answer` alone for an empty question.
pub(crate) fn echo(question: &str, answer: &str) -> String {
    let words: Vec<&str> = question.split_whitespace().collect();
    if words.is_empty() {
        return answer.to_owned();
    }
    let cut = if words.len() > 8 { "…" } else { "" };
    format!(
        "You asked about \"{}{cut}\". {answer}",
        words[..words.len().min(8)].join(" ")
    )
}

/// The lower-cased words of `text` (letters and digits; `get_weather` is two).
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Words that say nothing about a text's topic, left out of its features.
const STOP_WORDS: [&str; 17] = [
    "the", "a", "an", "is", "are", "was", "of", "to", "in", "and", "it", "on", "for", "with",
    "what", "how", "s",
];

/// The topic words of `text`.
pub(crate) fn topic(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

/// FNV-1a of `text`: stable across runs and platforms, unlike std's hasher.
pub(crate) fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Roughly the tokens of `text`, as GLM tokenizers count English: a word is
/// about one token, punctuation one more; never 0 for non-empty text.
pub(crate) fn tokens(text: &str) -> usize {
    let punctuation = text.chars().filter(char::is_ascii_punctuation).count();
    let cjk = text
        .chars()
        .filter(|c| !c.is_ascii() && c.is_alphabetic())
        .count();
    words(text).len() + punctuation + cjk / 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn text_words_and_tokens() {
        let parts = json!([{"type": "text", "text": "Look"}, {"type": "image_url"}, {"type": "text", "text": "here"}]);
        assert_eq!(content_text(&parts), "Look here");
        let messages = json!([{"role": "user", "content": "a"}, {"role": "assistant"}, {"role": "user", "content": "b"}]);
        assert_eq!(last_text(&messages, "user"), "b");
        assert_eq!(
            words("Call get_weather, now!"),
            ["call", "get", "weather", "now"]
        );
        assert_eq!(tokens("How many tokens is this?"), 6);
        assert_ne!(hash("a"), hash("b"));
        assert_eq!(
            echo("Hi  there", "Hello!"),
            "You asked about \"Hi there\". Hello!"
        );
        assert_eq!(
            echo("one two three four five six seven eight nine", "Ok."),
            "You asked about \"one two three four five six seven eight…\". Ok."
        );
        assert_eq!(echo(" ", "Ok."), "Ok.");
    }
}
