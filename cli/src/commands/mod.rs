//! The subcommands, one module each; every one exposes the functions `main` dispatches to.

pub(crate) mod agent;
pub(crate) mod api;
pub(crate) mod batch;
pub(crate) mod chat;
pub(crate) mod decode;
pub(crate) mod image;
pub(crate) mod messages;
pub(crate) mod mock;
pub(crate) mod ocr;
pub(crate) mod read;
pub(crate) mod realtime;
pub(crate) mod result;
pub(crate) mod search;
pub(crate) mod tokenize;
pub(crate) mod transcribe;
pub(crate) mod upload;
pub(crate) mod video;
