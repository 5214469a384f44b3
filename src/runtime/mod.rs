//! The hand-written path every call takes, in the order a call meets it:
//!
//! 1. [`client`]: what a client shares; [`builder`] makes one.
//! 2. [`request`]: a generated method describes its call as a [`Request`] of an
//!    [`Operation`] (a row of the generated operation table).
//! 3. [`send`]: the one request path ([`Client::send_json`], `send_bytes`,
//!    `send_stream`, all through `execute`): the URL from the operation's base,
//!    credentials ([`auth`]), default and per-call headers ([`options`]), then
//! 4. [`retry`]: attempts until success, a final failure or the policy's end,
//!    each failure classified in [`error`]; each attempt's reads timed ([`timer`]);
//! 5. the answer: a JSON body ([`answer`]), bytes ([`stream::bytes`]) or
//!    server-sent events ([`stream`]), observed by [`observe`]; its status,
//!    headers and body kept per call or per client ([`response`]);
//! 6. on top of one call: [`poll`] (tasks until they end) and [`pages`] (lists
//!    page by page), which generated `*_and_wait` and `*_pages` methods use.
//!
//! This module's re-exports below are the whole contract the generated code
//! (src/operations.rs) may name; the rest of the runtime is its own business.

pub(crate) mod answer;
pub(crate) mod auth;
pub(crate) mod builder;
pub(crate) mod client;
pub(crate) mod error;
pub(crate) mod multipart;
pub(crate) mod observe;
pub(crate) mod options;
pub(crate) mod pages;
pub(crate) mod poll;
pub(crate) mod request;
pub(crate) mod response;
pub(crate) mod retry;
pub(crate) mod send;
pub(crate) mod stream;
pub(crate) mod timer;
pub(crate) mod tls;

pub(crate) use answer::AnswerTypes;
pub(crate) use client::Client;
pub(crate) use error::Error;
pub(crate) use multipart::{Form, MultipartForm, file_part};
pub(crate) use pages::{Next, pages};
pub(crate) use poll::{PollOptions, PollProgress, Task, poll_until, task_id};
pub(crate) use request::{Operation, Request, RetrySafety};
pub(crate) use stream::bytes::ByteStream;
pub(crate) use stream::events::{EventStream, StreamChunk};
