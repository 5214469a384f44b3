//! Chat completion workflows: a streamed completion folded into the reply a
//! plain call returns, or into events for a UI (the messages' constructors are
//! in zai-types).

pub(crate) mod fold;
