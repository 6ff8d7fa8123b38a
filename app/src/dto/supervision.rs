//! Booking group case supervision, and the practitioners' progress summaries for it.
//!
//! Plain data sent from the server to the pages: no I/O here.

use serde::{Deserialize, Serialize};

/// Something to choose when booking: a family of the team, or a member of staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

/// A booked session, as the team sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: String,
    /// The day it is set for now.
    pub held_on: i64,
    /// The day it was first booked for, if it has moved since.
    pub moved_from: Option<i64>,
    pub cancelled: bool,
    /// Still to come and not cancelled: it may be moved or cancelled.
    pub may_change: bool,
    pub families: Vec<String>,
    pub attendees: Vec<String>,
}

/// One move or cancellation of a session, as it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeView {
    pub cancelled: bool,
    /// The day it was on before this change.
    pub from: i64,
    /// The day it moved to, for a move.
    pub to: Option<i64>,
    /// Why, in the words of whoever made the change; may be empty for a move.
    pub reason: String,
    pub by: String,
    pub at: i64,
}

/// One session, for the people who book: who and what it is for, its history, and what
/// can still be done to it. Names only, no family content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionDetail {
    pub id: String,
    pub held_on: i64,
    pub cancelled: bool,
    pub families: Vec<String>,
    pub attendees: Vec<String>,
    pub booked_by: String,
    pub booked_at: i64,
    /// The day it was first booked for.
    pub booked_for: i64,
    /// Oldest first.
    pub changes: Vec<ChangeView>,
    /// How many changes the page saw, sent back with a change.
    pub seq: i64,
    /// Why it can no longer be moved or cancelled, if it cannot.
    pub settled: Option<String>,
    /// Why it may be moved but not cancelled, if so.
    pub no_cancel: Option<String>,
}

/// The team's sessions and what a new one can include. Only names and references: no
/// family content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingView {
    pub team: String,
    pub families: Vec<Choice>,
    pub staff: Vec<Choice>,
    pub sessions: Vec<SessionView>,
}

/// One practitioner's progress summary for a session, as its latest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryView {
    pub by: String,
    pub discipline: String,
    pub version: i64,
    pub words: String,
    pub finalised: bool,
    pub written_at: i64,
}

/// Getting ready for a family's group case supervision: the session, and the summaries
/// written for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupervisionPrep {
    pub session: String,
    pub held_on: i64,
    /// The discipline the reader writes for, if they write a summary at all.
    pub discipline: Option<String>,
    pub mine: Option<SummaryView>,
    pub others: Vec<SummaryView>,
    /// Every session of the family's, newest first, with where its record stands.
    pub records: Vec<crate::dto::record::RecordLink>,
}
