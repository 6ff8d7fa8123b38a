//! A draft's answers so far, as the one-question-per-page tools carry them.
//!
//! Plain data sent from the server to the pages: no I/O here.

use crate::domain::flows::Answers;
use serde::{Deserialize, Serialize};

/// A member's draft as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftView {
    /// Whether anything has been kept yet.
    pub kept: bool,
    /// The id the entry will be saved under: the draft's, or, with no draft yet, a new
    /// one for the first answer to start it under.
    pub submission: String,
    pub answers: Answers,
    /// The goal the questions are about, in the member's words.
    pub goal_change: Option<String>,
}
