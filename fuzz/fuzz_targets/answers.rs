//! Arbitrary bytes, and arbitrary JSON, as the answer of any operation: its JSON
//! answer type and its stream chunk type read them without a panic; a body that
//! does not fit is `Error::Decode` holding it unchanged, and an error answer
//! keeps its body too.
#![no_main]

use bytes::Bytes;
use futures_util::{FutureExt, StreamExt};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};
use zai::__private::{AnswerTypes, decode_json, visit_answer_types};
use zai::{ApiError, Error, EventStream, OPERATIONS, StreamChunk};

/// One answer body, and, when it is JSON, the same as one event's payload.
struct Answer {
    body: Bytes,
    payload: Option<Bytes>,
}

impl AnswerTypes for Answer {
    fn json<T: DeserializeOwned>(&mut self) {
        if let Err(e) = decode_json::<T>(200, self.body.clone()) {
            match e {
                Error::Decode { status, body, .. } => {
                    assert_eq!((status, body), (200, self.body.clone()))
                }
                other => panic!("not a decode error: {other:?}"),
            }
        }
    }

    fn stream<T: StreamChunk>(&mut self) {
        let body = match &self.payload {
            Some(payload) => Bytes::from([b"data: ", &payload[..], b"\n\n"].concat()),
            None => self.body.clone(),
        };
        let items = EventStream::<T>::from_chunks([body])
            .collect::<Vec<_>>()
            .now_or_never()
            .expect("an in-memory stream is never pending");
        let Some(payload) = &self.payload else { return };
        // The event's payload, or a frame recovered from it as concatenated.
        let kept =
            |body: &Bytes| body.is_empty() || payload.windows(body.len()).any(|w| w == &body[..]);
        for item in items {
            match item {
                Err(Error::Decode { body, .. }) => assert!(kept(&body), "{body:?}"),
                Err(Error::Api(e)) => assert!(kept(&e.detail.body), "{:?}", e.detail.body),
                _ => {}
            }
        }
    }
}

/// An arbitrary JSON value, at most `depth` containers deep.
fn json(u: &mut Unstructured, depth: u32) -> Result<Value> {
    let kinds = if depth == 0 { 6 } else { 8 };
    Ok(match u.choose_index(kinds)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::from(u.arbitrary::<i64>()?),
        3 => Value::from(u.arbitrary::<u64>()?),
        4 => Number::from_f64(u.arbitrary()?).map_or(Value::Null, Value::Number),
        5 => Value::String(u.arbitrary()?),
        6 => Value::Array(
            (0..u.choose_index(5)?)
                .map(|_| json(u, depth - 1))
                .collect::<Result<_>>()?,
        ),
        _ => {
            let mut map = Map::new();
            for _ in 0..u.choose_index(8)? {
                map.insert(u.arbitrary()?, json(u, depth - 1)?);
            }
            Value::Object(map)
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let (Ok(operation), Ok(as_json), Ok(status)) = (
        u.choose_index(OPERATIONS.len()),
        u.arbitrary::<bool>(),
        u.int_in_range(400u16..=599),
    ) else {
        return;
    };
    let (body, payload) = if as_json {
        let Ok(value) = json(&mut u, 4) else { return };
        let text = Bytes::from(serde_json::to_vec(&value).expect("a Value serializes"));
        (text.clone(), Some(text))
    } else {
        (Bytes::copy_from_slice(u.take_rest()), None)
    };
    visit_answer_types(
        operation,
        &mut Answer {
            body: body.clone(),
            payload,
        },
    );
    // A failed call keeps its body, whatever it is.
    let status = zai::reqwest::StatusCode::from_u16(status).expect("a valid status");
    let error = ApiError::parse(status, &Default::default(), body.clone());
    assert_eq!(error.detail.body, body);
});
