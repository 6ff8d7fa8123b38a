//! Who is signed in, family entries as a reader sees them, caseloads, who has seen what,
//! and invitation codes.
//!
//! Plain data sent from the server to the pages: no I/O here.

use crate::domain::ids::{EntryId, FamilyId, MemberId};
use serde::{Deserialize, Serialize};

/// Who is signed in, as pages need to know it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignedInAs {
    NotSignedIn,
    Member {
        name: String,
        is_child: bool,
    },
    Staff {
        name: String,
        role: String,
        works_with_families: bool,
        is_admin: bool,
        /// Books group case supervision for their team (business support, team managers).
        books_supervision: bool,
        /// Reads take-up figures (team managers, heads of service).
        reads_take_up: bool,
        /// Approves the case systems that may call the API (heads of service).
        #[serde(default)]
        approves_case_systems: bool,
    },
}

/// An entry as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryView {
    pub id: EntryId,
    pub kind: crate::domain::entries::EntryKind,
    pub author: String,
    pub mine: bool,
    /// The writer's own words, exactly as written.
    pub words: String,
    pub written_at: i64,
    pub version: i64,
    pub shared_with_workers: bool,
    /// For change talk, as workers see it: the kind the member chose, and a suggestion.
    pub talk: Option<TalkView>,
    /// For the author: their workers' responses, with anything they said against them.
    /// On a list, only how many there are.
    pub responses: Vec<crate::dto::views::ResponseView>,
    pub replies: usize,
}

/// The kind of a change-talk statement: the member's own choice (from the starter they
/// picked), and a practitioner's suggestion beside it, which changes neither.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkView {
    /// "Desire", "Commitment"…; none when the member wrote in their own way.
    pub chosen: Option<String>,
    pub suggested: Option<SuggestedKind>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestedKind {
    pub kind: String,
    pub by: String,
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub id: MemberId,
    pub name: String,
    pub is_child: bool,
    /// For a child: which screens fit them, and whether a practitioner chose that
    /// (rather than it coming from the date of birth).
    pub band: Option<crate::domain::child::AgeBand>,
    pub band_chosen: bool,
}

/// How long a practitioner counts as new to a family after being allocated to it.
pub const NEW_TO_FAMILY_DAYS: i64 = 28;

/// A family's page for staff who work with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyView {
    pub id: FamilyId,
    pub reference: String,
    pub display_name: String,
    pub members: Vec<MemberView>,
    /// Each member's newest "About me" shared with workers.
    pub about_me: Vec<crate::dto::pack::AboutView>,
    /// The reader was allocated to the family within the last `NEW_TO_FAMILY_DAYS`, so
    /// "About me" comes first: who the family are, before what they wrote.
    pub new_to_family: bool,
    /// Only what was shared with workers.
    pub entries: Vec<EntryView>,
    /// Entries this practitioner read that their author has since withdrawn: that it
    /// happened, never what they said.
    pub withdrawn: Vec<WithdrawnView>,
    /// The family's next (or latest) group case supervision and its progress summaries.
    pub supervision: Option<crate::dto::supervision::SupervisionPrep>,
}

/// An entry a practitioner read, later withdrawn by its author. What it said stays in the
/// record, with its history, but is no longer shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithdrawnView {
    pub author: String,
    /// What kind of entry, in plain words: "a goal", "a check-in".
    pub what: String,
    pub read_at: i64,
    pub withdrawn_at: i64,
}

/// A member of staff's home page, drawn from one call: their urgent alerts, notices about
/// their account, and their caseload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffHomeView {
    pub alerts: Vec<crate::dto::tools::AlertView>,
    pub account: crate::dto::account::AccountView,
    pub families: Vec<CaseloadRow>,
}

/// One family on a practitioner's caseload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseloadRow {
    pub id: FamilyId,
    pub reference: String,
    pub display_name: String,
    /// The day of its last group case supervision, if it has had one.
    pub last_supervision: Option<i64>,
    /// Entries shared with the workers since then (or ever, before the first).
    pub new_shared: usize,
    /// When the family last shared a check-in.
    pub last_check_in: Option<i64>,
    /// Members with no sign-in and nothing shared for the chosen number of weeks.
    pub not_engaged: Vec<String>,
}

/// The choices for "not engaged for", in weeks.
pub const ENGAGEMENT_WEEKS: [u8; 5] = [2, 4, 6, 8, 12];

/// The weeks asked for, if it is one of the choices; otherwise four.
pub fn weeks_or_default(raw: &str) -> u8 {
    raw.parse::<u8>()
        .ok()
        .filter(|w| ENGAGEMENT_WEEKS.contains(w))
        .unwrap_or(4)
}

/// Someone who has read what a member wrote, with each of the member's things they read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeenBy {
    pub name: String,
    pub role: String,
    /// Most recently read first.
    pub items: Vec<SeenItem>,
}

/// One of a member's things, as one reader read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeenItem {
    /// Which tool it came from, such as "Goal".
    pub tool: String,
    /// The member's own words, or what they chose, as their space shows it.
    pub words: String,
    pub first_at: i64,
    pub last_at: i64,
    pub times: i64,
}

/// A code, shown once, and when it stops working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeShown {
    pub code: String,
    /// The full address to open, with the code in it.
    pub link: String,
    pub expires: String,
    pub member_name: String,
    pub is_reset: bool,
    /// A QR code of the link, as SVG markup made by the server.
    pub qr_svg: String,
}
