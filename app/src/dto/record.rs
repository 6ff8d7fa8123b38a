//! The team manager's record of a group case supervision session.
//!
//! Plain data sent from the server to the pages: no I/O here.

use crate::domain::ids::FamilyId;
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
