//! Server functions: the only way the browser reaches family data.
//!
//! Every server function is a public HTTP endpoint, whatever the page in front of it
//! does, so each body follows the same four steps and nothing else:
//! who is asking -> may they (policy) -> parse the arguments into domain types ->
//! one store call (which audits in the same transaction) -> return a plain DTO.

pub mod account;
pub mod case_system;
pub mod child;
pub mod drafts;
pub mod evaluation;
pub mod family;
pub mod feedback;
pub mod language;
pub mod notices;
pub mod own_data;
pub mod pack;
pub mod record;
pub mod supervision;
pub mod take_up;
pub mod tools;
pub mod views;

pub use crate::dto::AppError;
