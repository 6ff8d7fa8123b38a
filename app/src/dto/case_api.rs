//! The integration API's contract (`/api/v1`), for the council's case system: what each
//! call answers, as plain data, and what an admin's pages about it show.
//!
//! The version 1 types are the published contract: the OpenAPI document is generated from
//! them, and a change to one is a change to that document, which CI compares with the
//! committed copy. Ids are strings (UUIDs) and times are RFC 3339 in UTC with
//! milliseconds, so any case system can read them without knowing the portal.

use super::views::{Module8View, ViewItem};
use serde::{Deserialize, Serialize};

/// Milliseconds since 1970 as RFC 3339 in UTC, to the millisecond.
pub fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Which family an answer is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FamilyRef {
    /// The portal's id for the family.
    pub id: String,
    /// The family's case reference, as the council set it.
    pub case_reference: String,
    /// The name the family is known by in the portal.
    pub display_name: String,
}

/// Module 8, "Comments and views", of one family: every entry its members shared with
/// their workers, in their own words, attributed, with every earlier version, as the
/// portal's Module 8 page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Module8 {
    pub family: FamilyRef,
    /// Parents and carers first, then children, each by name.
    pub members: Vec<MemberWords>,
    /// When the portal read this (RFC 3339, UTC).
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub read_at: String,
}

/// One member of the family and what they shared with their workers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MemberWords {
    /// The portal's id for the member.
    pub id: String,
    /// The member's reference in the case system, if an admin set one.
    pub case_reference: Option<String>,
    pub name: String,
    /// "Parent or carer" or "Child or young person".
    pub place: String,
    pub items: Vec<Item>,
}

/// One entry a member shared, in its latest version, verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Item {
    /// The portal's id for the entry.
    pub id: String,
    /// Which tool, in the practice's words: "Goal", "Check-in", "Three Houses".
    pub tool: String,
    /// When it was first written (RFC 3339, UTC).
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub written_at: String,
    /// The version given here, the latest: 1 for an entry never changed.
    pub version: i64,
    /// When that version was written (RFC 3339, UTC).
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub changed_at: String,
    /// The entry's words, each with the question or label the member answered.
    pub parts: Vec<Part>,
    /// The language of the portal's pages this version was written on (`en`, `pl`, `ur`),
    /// where the portal kept it: the words are as written, whatever the language.
    pub language: Option<String>,
    /// For change talk: the kind the member chose, and a practitioner's suggestion.
    pub change_talk: Option<ChangeTalk>,
    /// The latest time a practitioner marked it read.
    pub read: Option<ReadMark>,
    /// Practitioners' responses, oldest first, each with any "I disagree" beside it.
    pub responses: Vec<Response>,
    /// Earlier versions, oldest first.
    pub earlier_versions: Vec<Version>,
}

/// One labelled part of an entry, in the member's own words, byte for byte.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Part {
    pub label: String,
    pub words: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChangeTalk {
    /// "Desire", "Ability", "Reasons", "Need", "Commitment", "Activation", "Taking
    /// steps"; none when the member wrote in their own way.
    pub chosen: Option<String>,
    /// The kind a practitioner suggested, who, and when (RFC 3339, UTC).
    pub suggested: Option<String>,
    pub suggested_by: Option<String>,
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub suggested_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReadMark {
    pub by: String,
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Response {
    pub by: String,
    pub role: String,
    pub words: String,
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub at: String,
    pub disagreements: Vec<Disagreement>,
}

/// A family member's "I disagree" beside a response, in their own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Disagreement {
    pub by: String,
    pub words: String,
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Version {
    pub version: i64,
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub written_at: String,
    pub parts: Vec<Part>,
    /// The language of the portal's pages this version was written on, where kept.
    pub language: Option<String>,
}

/// What changed in a family's Module 8 since a cursor: entries written, shared with the
/// workers or changed since then (each in its latest version, whole), and shares
/// withdrawn since then. The same version can come twice; keep entries by `id` and
/// `version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Changes {
    pub family: FamilyRef,
    /// Each changed entry, with its member.
    pub changed: Vec<ChangedItem>,
    /// Entries whose share with the workers the member withdrew since the cursor.
    pub withdrawn: Vec<Withdrawn>,
    /// The cursor to send next time, as `since`.
    pub next: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChangedItem {
    /// The portal's id for the member who wrote it.
    pub member_id: String,
    pub member_case_reference: Option<String>,
    pub member_name: String,
    pub item: Item,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Withdrawn {
    /// The portal's id for the entry.
    pub id: String,
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub withdrawn_at: String,
}

/// The finalised records of a family's group case supervision, written by the team
/// manager who chaired. A draft is never here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Records {
    pub family: FamilyRef,
    /// Oldest session first.
    pub records: Vec<Record>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Record {
    /// The portal's id for the session.
    pub session_id: String,
    /// The day it was held (RFC 3339, UTC).
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub held_on: String,
    /// Every finalised version, oldest first: a change after finalising is a new version
    /// that says why.
    pub versions: Vec<RecordVersion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RecordVersion {
    pub version: i64,
    pub by: String,
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub written_at: String,
    /// "red", "amber" or "green", if the chair gave a rating.
    pub rating: Option<String>,
    /// The record's sections in order, each with its heading.
    pub sections: Vec<Section>,
    pub why_changed: Option<String>,
    /// "What we decided and why, in plain words", as the family were told it.
    pub told_family: Option<String>,
    /// The same, in words for children.
    pub told_child: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Section {
    pub heading: String,
    pub words: String,
}

/// What went wrong, as RFC 9457 problem details, in plain words. Never anything about a
/// family the client may not read: a family it may not read is "not found", exactly as
/// one that does not exist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Problem {
    pub status: u16,
    pub title: String,
    pub detail: String,
}

/// A Module 8 item as the API gives it.
pub fn item(view: &ViewItem) -> Item {
    let parts = |parts: &[super::views::Part]| {
        parts
            .iter()
            .map(|p| Part {
                label: p.label.clone(),
                words: p.words.clone(),
            })
            .collect()
    };
    Item {
        id: view.id.to_string(),
        tool: view.tool.clone(),
        written_at: rfc3339(view.written_at),
        version: view.version,
        changed_at: rfc3339(view.changed_at),
        parts: parts(&view.parts),
        language: view.written_in.map(|l| l.code().to_owned()),
        change_talk: view.talk.as_ref().map(|talk| ChangeTalk {
            chosen: talk.chosen.clone(),
            suggested: talk.suggested.as_ref().map(|s| s.kind.clone()),
            suggested_by: talk.suggested.as_ref().map(|s| s.by.clone()),
            suggested_at: talk.suggested.as_ref().map(|s| rfc3339(s.at)),
        }),
        read: view.read.as_ref().map(|r| ReadMark {
            by: r.by.clone(),
            at: rfc3339(r.at),
        }),
        responses: view
            .responses
            .iter()
            .map(|r| Response {
                by: r.by.clone(),
                role: r.role.clone(),
                words: r.words.clone(),
                at: rfc3339(r.at),
                disagreements: r
                    .disagreements
                    .iter()
                    .map(|d| Disagreement {
                        by: d.by.clone(),
                        words: d.words.clone(),
                        at: rfc3339(d.at),
                    })
                    .collect(),
            })
            .collect(),
        earlier_versions: view
            .history
            .iter()
            .map(|v| Version {
                version: v.version,
                written_at: rfc3339(v.at),
                parts: parts(&v.parts),
                language: v.written_in.map(|l| l.code().to_owned()),
            })
            .collect(),
    }
}

/// Module 8 as the API gives it, with the members' references in the case system.
pub fn module_8(view: &Module8View, member_refs: &[(String, String)], read_at: i64) -> Module8 {
    Module8 {
        family: FamilyRef {
            id: view.family.to_string(),
            case_reference: view.reference.clone(),
            display_name: view.display_name.clone(),
        },
        members: view
            .members
            .iter()
            .map(|m| {
                let id = m.id.to_string();
                MemberWords {
                    case_reference: member_refs
                        .iter()
                        .find(|(member, _)| *member == id)
                        .map(|(_, reference)| reference.clone()),
                    id,
                    name: m.name.clone(),
                    place: m.place.clone(),
                    items: m.items.iter().map(item).collect(),
                }
            })
            .collect(),
        read_at: rfc3339(read_at),
    }
}

// ---- an admin's pages

/// The council's API clients and its teams, for an admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientsView {
    pub clients: Vec<ClientView>,
    /// Every team of the council, to choose from.
    pub teams: Vec<super::supervision::Choice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientView {
    pub id: String,
    pub name: String,
    /// The names of the teams whose families it may read.
    pub teams: Vec<String>,
    pub created_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
    /// Where "family X has new shared input" is posted, if anywhere.
    pub webhook_url: Option<String>,
    /// Who registered it, and the head of service who approved it.
    pub created_by: String,
    pub approved_by: Option<String>,
    pub state: ClientState,
}

/// Where an API client stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClientState {
    /// Registered; its secret works once a head of service approves it.
    WaitingForApproval,
    InUse,
    Expired,
    Revoked,
}

impl ClientState {
    pub fn label(self) -> &'static str {
        match self {
            ClientState::WaitingForApproval => "Waiting for approval",
            ClientState::InUse => "In use",
            ClientState::Expired => "Expired",
            ClientState::Revoked => "Revoked",
        }
    }
}

/// A client's secret, shown once to the admin who registered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretView {
    pub client: String,
    pub name: String,
    /// None once it has been shown: it is never kept.
    pub secret: Option<String>,
    pub expires_at: i64,
}

/// A family found by its case reference, with its members' references in the case
/// system, for an admin. No entry, and nothing anyone wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferencesView {
    pub family: String,
    pub reference: String,
    pub display_name: String,
    pub team: String,
    pub members: Vec<MemberReference>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberReference {
    pub id: String,
    pub name: String,
    pub place: String,
    pub case_reference: String,
}
