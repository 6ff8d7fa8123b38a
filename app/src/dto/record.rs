//! The team manager's record of a group case supervision session.
//!
//! Plain data sent from the server to the pages: no I/O here.

use crate::domain::ids::{FamilyId, MemberId};
use crate::domain::people::MemberKind;
use serde::{Deserialize, Serialize};

/// One section of the record as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordSection {
    /// The form field, which is also the id of its box on the page.
    pub field: String,
    pub heading: String,
    pub hint: String,
    pub words: String,
}

/// One version of the record, as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordVersion {
    pub version: i64,
    pub by: String,
    pub written_at: i64,
    pub finalised: bool,
    /// The rating's code (`red`, `amber`, `green`), if one was chosen.
    pub rating: Option<String>,
    /// The rating in words, for people and for paper.
    pub rating_label: Option<String>,
    pub sections: Vec<RecordSection>,
    /// Why a finalised record was changed, for the versions that change one.
    pub why_changed: Option<String>,
    /// "What we decided and why, in plain words", as the family are told it.
    pub told_family: Option<String>,
    /// The same in words a child understands, where the chair wrote it.
    pub told_child: Option<String>,
}

/// A member of the family as the chair chooses whom to tell what was decided, and then
/// sees who has read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TellMember {
    pub id: MemberId,
    pub name: String,
    /// A parent or carer, or a child or young person.
    pub kind: MemberKind,
    /// `false` for a member flagged as posing a risk to another, who is never told.
    pub may_be_told: bool,
    /// What the newest version tells them: `family`, `child`, or nothing.
    pub told: Option<String>,
    /// When they first read the newest version's words.
    pub read_at: Option<i64>,
}

/// A link on a member's home to what they were told about a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToldLink {
    pub session: String,
    pub held_on: i64,
    /// Whether they have read this version of it.
    pub read: bool,
}

/// What the chair told a member about their team's meeting, as the member reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToldView {
    pub session: String,
    pub held_on: i64,
    /// Who was there, by role only: "Team manager", "Social worker".
    pub roles: Vec<String>,
    /// The words, exactly as the chair wrote them.
    pub words: String,
    /// The child's version, written for a child.
    pub for_child: bool,
}

/// A family's record for one session: its versions, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordView {
    pub family: FamilyId,
    pub reference: String,
    pub display_name: String,
    pub session: String,
    pub held_on: i64,
    pub attendees: Vec<String>,
    /// Whether the reader chairs, and so writes the record.
    pub may_write: bool,
    pub versions: Vec<RecordVersion>,
    /// What the family shared for this session, word for word: shown beside the chair's
    /// account of the child's and the parents' views, which stays the chair's.
    pub family_words: Vec<crate::dto::pack::TheirWords>,
    /// Each member, whom the newest version tells what was decided, and who has read it.
    pub tell: Vec<TellMember>,
}

impl RecordView {
    pub fn latest(&self) -> Option<&RecordVersion> {
        self.versions.first()
    }

    /// Finalised once any version was: later versions are changes to a finalised record.
    pub fn finalised(&self) -> bool {
        self.versions.iter().any(|v| v.finalised)
    }
}

/// A session of the family's and where its record stands, for the list on the family page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordLink {
    pub session: String,
    pub held_on: i64,
    /// "Not written yet", "Draft" or "Finalised".
    pub state: String,
}
