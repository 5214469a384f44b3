//! Hand-written, cross-cutting code: everything here serves every operation alike.

pub mod accumulate;
pub mod auth;
pub mod batch;
pub mod capture;
pub mod client;
pub mod error;
pub mod messages;
#[cfg(feature = "mock")]
pub mod mock;
pub mod multipart;
pub mod observe;
pub(crate) mod open_enum;
pub mod poll;
pub mod retry;
pub mod sse;

/// One operation of spec/zai.yaml, as listed in [`crate::OPERATIONS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operation {
    /// The spec's `operationId`.
    pub id: &'static str,
    /// HTTP method, upper case.
    pub method: &'static str,
    /// Path relative to the operation's base URL.
    pub path: &'static str,
    /// Name of the `Client` method calling it.
    pub rust_method: &'static str,
    /// `x-zai-base`: served from another base than `paas/v4`.
    pub base: Option<&'static str>,
    /// Sent as multipart/form-data.
    pub multipart: bool,
    /// Also has a `*_stream` method.
    pub stream: bool,
}
