//! A deterministic GLM-shaped event stream: reasoning deltas, content deltas
//! (English and Chinese), whole tool calls, finish chunks with usage, `[DONE]`.

use bytes::Bytes;

const WORDS: &[&str] = &[
    " the",
    " user",
    " wants",
    " weather",
    " in",
    " Paris",
    ",",
    " so",
    " I",
    " should",
    " call",
    " the",
    " tool",
    " with",
    " city",
    " argument",
    ".",
    "\n\n",
    " 北京",
    "天气",
    "晴朗",
    "，",
    "温度",
    " 25°C",
    "。",
    " Let",
    " me",
    " think",
    " about",
    " it",
];

/// At least `min_bytes` of SSE, ending with `data: [DONE]`.
pub fn corpus(min_bytes: usize) -> Vec<u8> {
    let mut out = String::with_capacity(min_bytes + 4096);
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut turn = 0u64;
    while out.len() < min_bytes {
        turn += 1;
        let head = format!(
            r#""id":"20260301{turn:06}a1b2c3d4e5f60718","created":{},"object":"chat.completion.chunk","model":"glm-4.7""#,
            1_772_000_000 + turn
        );
        let delta = |out: &mut String, field: &str, text: &str| {
            let text = serde_json::to_string(text).unwrap();
            out.push_str(&format!(
                "data: {{{head},\"choices\":[{{\"index\":0,\"delta\":{{\"role\":\"assistant\",\"{field}\":{text}}}}}]}}\n\n"
            ));
        };
        for (field, count) in [("reasoning_content", 120), ("content", 80)] {
            for _ in 0..count {
                let n = 1 + (next() % 3) as usize;
                let text: String = (0..n)
                    .map(|_| WORDS[(next() as usize) % WORDS.len()])
                    .collect();
                delta(&mut out, field, &text);
            }
        }
        let tool = turn.is_multiple_of(2);
        if tool {
            out.push_str(&format!(
                "data: {{{head},\"choices\":[{{\"index\":0,\"delta\":{{\"role\":\"assistant\",\"tool_calls\":[{{\"id\":\"call_{:024x}\",\"index\":0,\"type\":\"function\",\"function\":{{\"name\":\"get_weather\",\"arguments\":\"{{\\\"city\\\": \\\"北京\\\", \\\"unit\\\": \\\"celsius\\\", \\\"days\\\": {}}}\"}}}}]}}}}]}}\n\n",
                next() as u128,
                next() % 7
            ));
        }
        out.push_str(&format!(
            "data: {{{head},\"choices\":[{{\"index\":0,\"finish_reason\":\"{}\",\"delta\":{{\"role\":\"assistant\",\"content\":\"\"}}}}],\"usage\":{{\"prompt_tokens\":{},\"completion_tokens\":{},\"total_tokens\":{},\"prompt_tokens_details\":{{\"cached_tokens\":43}},\"completion_tokens_details\":{{\"reasoning_tokens\":120}}}}}}\n\n",
            if tool { "tool_calls" } else { "stop" },
            100 + next() % 900,
            200,
            300 + next() % 900,
        ));
    }
    out.push_str("data: [DONE]\n\n");
    out.into_bytes()
}

/// `corpus` split into `size`-byte pieces.
pub fn pieces(corpus: &Bytes, size: usize) -> Vec<Bytes> {
    (0..corpus.len())
        .step_by(size)
        .map(|at| corpus.slice(at..corpus.len().min(at + size)))
        .collect()
}

/// `corpus` split after every `\n`.
pub fn lines(corpus: &Bytes) -> Vec<Bytes> {
    let mut out = Vec::new();
    let mut last = 0;
    for at in memchr::memchr_iter(b'\n', corpus) {
        out.push(corpus.slice(last..at + 1));
        last = at + 1;
    }
    out
}

/// The JSON payloads of the events (`[DONE]` excluded), split beforehand.
pub fn payloads(corpus: &[u8]) -> Vec<String> {
    std::str::from_utf8(corpus)
        .unwrap()
        .split("\n\n")
        .filter_map(|e| e.strip_prefix("data: "))
        .filter(|d| *d != "[DONE]")
        .map(str::to_owned)
        .collect()
}
