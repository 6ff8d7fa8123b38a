//! A parent's tools as they see them: goals, check-ins, stages, things said, and alerts
//! for staff.
//!
//! Plain data sent from the server to the pages: no I/O here.

use crate::domain::ids::EntryId;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalSummary {
    pub id: EntryId,
    pub change: String,
    pub now: Option<u8>,
    pub want: Option<u8>,
    pub stage: Option<String>,
    pub shared_with_workers: bool,
    /// When a worker last read it, if they have.
    pub read_by_worker: Option<i64>,
    /// How many times a worker has responded to it.
    pub replies: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaidView {
    pub id: EntryId,
    /// Which tool it came from, for the page to name in the reader's language.
    pub kind: crate::domain::entries::EntryKind,
    /// The starter chosen, for something said with one: the page puts it, in the reader's
    /// language, before the member's words.
    pub starter: Option<crate::domain::tools::TalkKind>,
    /// The member's own words, exactly as written.
    pub words: String,
    pub at: i64,
    pub shared_with_workers: bool,
    /// When a worker last read it, if they have.
    pub read_by_worker: Option<i64>,
    /// How many times a worker has responded to it.
    pub replies: usize,
}

/// A safety alert as the workers see it, at the top of their caseload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertView {
    pub id: EntryId,
    pub at: i64,
    pub family: crate::domain::ids::FamilyId,
    pub family_name: String,
    pub member_name: String,
}

/// A grown-up member's home page, drawn from one call: their tools, and the other
/// entries they wrote or were shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberHomeView {
    pub space: SpaceView,
    pub entries: Vec<crate::dto::family::EntryView>,
    /// The day (start of day, in milliseconds) of the family's next group case
    /// supervision, if one is booked: the home asks what the member wants it to know.
    pub meeting: Option<i64>,
    /// What their team told them after its meetings, newest first: links to read it.
    pub told: Vec<crate::dto::record::ToldLink>,
}

/// A member's home: their goals and what they want to say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpaceView {
    pub goals: Vec<GoalSummary>,
    pub said: Vec<SaidView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInView {
    pub id: EntryId,
    pub at: i64,
    pub now: u8,
    pub want: u8,
    pub note: Option<String>,
    pub importance: Option<u8>,
    pub importance_not_lower: Option<String>,
    pub importance_up_one: Option<String>,
    pub confidence: Option<u8>,
    pub confidence_not_lower: Option<String>,
    pub confidence_up_one: Option<String>,
    pub shared_with_workers: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageView {
    pub id: EntryId,
    pub at: i64,
    pub code: String,
    pub label: String,
    pub shared_with_workers: bool,
}

/// One goal with its check-ins and stages over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalView {
    pub id: EntryId,
    /// The version shown, so an edit can tell if it was changed elsewhere meanwhile.
    pub version: i64,
    pub mine: bool,
    pub shared_with_workers: bool,
    pub change: String,
    pub why: String,
    pub steps: String,
    pub helpers: String,
    pub signs: String,
    pub obstacles: String,
    pub check_ins: Vec<CheckInView>,
    pub stages: Vec<StageView>,
    /// For the author: the family members it is shared with, by name.
    pub shared_with: Vec<crate::dto::family::MemberView>,
    /// For the author: the other members of the family, to choose from.
    pub others: Vec<crate::dto::family::MemberView>,
}
