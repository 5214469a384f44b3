//! The spec and what is derived from it: every operation callable and tested,
//! generated/ up to date and documented, every API family a Cargo feature, and
//! the mock answering every operation.

mod coverage;
mod docs;
mod drift;
mod features;
mod mock;
