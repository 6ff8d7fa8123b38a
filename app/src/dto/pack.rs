//! The group case supervision pack: trends, stage moves, change talk, children's views
//! and alerts.
//!
//! Plain data sent from the server to the pages: no I/O here.

use crate::domain::ids::FamilyId;
use crate::dto::supervision::SummaryView;
use crate::dto::views::Part;
use serde::{Deserialize, Serialize};

/// One shared check-in: the scaling score and the readiness rulers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrendPoint {
    pub at: i64,
    pub now: u8,
    pub want: u8,
    pub importance: Option<u8>,
    pub confidence: Option<u8>,
}

/// One goal in the pack, with its check-ins and stage moves in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackGoal {
    pub author: String,
    /// What the member wants to change, in their words.
    pub change: String,
    /// The language of the pages it was written on, if it was kept.
    pub written_in: Option<crate::domain::language::Lang>,
    pub points: Vec<TrendPoint>,
    /// (when, stage) in order.
    pub stages: Vec<(i64, String)>,
    /// When the last shared check-in on it was, if ever.
    pub last_check_in: Option<i64>,
    /// Whole weeks since then (or since the goal was shared), when two or more.
    pub weeks_without_check_in: Option<i64>,
}

/// Change talk in one month: preparatory (DARN) against mobilising (CAT).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkMonth {
    pub month: String,
    pub preparatory: usize,
    pub mobilising: usize,
    pub unclassified: usize,
}

/// Something a child or young person shared, word for word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildView {
    pub child: String,
    pub tool: String,
    pub at: i64,
    pub parts: Vec<Part>,
    /// The language of the pages it was written on, if it was kept.
    pub written_in: Option<crate::domain::language::Lang>,
}

/// What a member shared for their team's meeting, or as good news, word for word and
/// attributed: a grown-up's words, or a child's pictures (by their words) and words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TheirWords {
    pub member: String,
    pub by_child: bool,
    pub at: i64,
    pub pictures: Vec<String>,
    pub words: Option<String>,
    /// Who was with a child when they recorded it, on a practitioner's device.
    pub present: Option<String>,
    /// The language of the pages it was written on, if it was kept.
    pub written_in: Option<crate::domain::language::Lang>,
}

/// A member's "About me", the newest version the reader may see, answer by answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AboutView {
    pub member: String,
    pub by_child: bool,
    pub at: i64,
    pub parts: Vec<Part>,
    /// The language of the pages it was written on, if it was kept.
    pub written_in: Option<crate::domain::language::Lang>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertSeen {
    pub member: String,
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackView {
    pub family: FamilyId,
    pub reference: String,
    pub display_name: String,
    /// The day of the last session, if there was one; the pack covers the time since.
    pub since: Option<i64>,
    /// What the family shared for this meeting, first, in the order it was written.
    pub for_meeting: Vec<TheirWords>,
    /// What the family think about the plan they were told of after the last meeting.
    pub on_plan: Vec<TheirWords>,
    /// Each member's "About me", whenever it was written: who they are does not belong
    /// to one period.
    pub about_me: Vec<AboutView>,
    /// Good news ("Something that went well") in the period, in the order it was written.
    pub good_news: Vec<TheirWords>,
    /// How many things were put in a House of worries in the period: counted next to the
    /// good news, so the meeting sees strengths as well as risks.
    pub worries: usize,
    pub goals: Vec<PackGoal>,
    pub talk: Vec<TalkMonth>,
    pub children: Vec<ChildView>,
    pub alerts: Vec<AlertSeen>,
    /// The session the summaries are for (its id and day), and the summaries.
    pub session_id: Option<String>,
    pub session: Option<i64>,
    pub summaries: Vec<SummaryView>,
}
