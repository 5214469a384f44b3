//! The spec and what is derived from it: every operation callable and tested,
//! generated/ up to date and documented, and the mock answering every operation.

mod coverage;
mod docs;
mod drift;
mod mock;
