//! Types both the server and the browser share.
//!
//! Raw input is parsed into these types exactly once, at the boundary; after that the
//! type is the proof that the value is valid. Nothing in here does I/O, so everything
//! here compiles for the browser as well as the server and is unit-tested beside its type.

pub mod case_system;
pub mod child;
pub mod entries;
pub mod errors;
pub mod feedback;
pub mod flows;
pub mod ids;
pub mod language;
pub mod meeting;
pub mod notices;
pub mod paths;
pub mod people;
pub mod supervision;
pub mod text;
pub mod time;
pub mod tools;

pub use errors::{FieldError, FieldErrors};
