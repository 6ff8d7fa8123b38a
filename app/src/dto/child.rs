//! A child's own screens: what they recorded, who they can show it to, and what was
//! shown to them.
//!
//! Plain data sent from the server to the pages: no I/O here.

use crate::domain::child::{AgeBand, Face, House, Symbol};
use crate::domain::ids::{EntryId, MemberId};
use serde::{Deserialize, Serialize};

/// The endpoints a child's screens use: everything a device in child mode may call.
pub const CHILD_ENDPOINTS: [&str; 6] = [
    "/api/child-space",
    "/api/child-house",
    "/api/child-feeling",
    "/api/child-note",
    "/api/child-share",
    "/api/child-not-safe",
];

/// One thing a child recorded, as they see it on their own screens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildItem {
    pub id: EntryId,
    pub kind: crate::domain::entries::EntryKind,
    pub house: Option<House>,
    pub face: Option<Face>,
    pub symbols: Vec<Symbol>,
    /// The child's own words, exactly as written.
    pub words: Option<String>,
    pub written_at: i64,
    pub shared_with_workers: bool,
    /// The members it is shared with, by id.
    pub shared_with: Vec<MemberId>,
}

/// Someone in the family a child may show something to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: MemberId,
    pub name: String,
}

/// Something another member of the family chose to show the child, or something of the
/// child's own from outside their tools.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedThing {
    pub id: EntryId,
    pub mine: bool,
    pub author: String,
    /// Their own words, exactly as written.
    pub words: String,
    pub written_at: i64,
}

/// Everything a child's screens show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildSpace {
    pub first_name: String,
    pub band: AgeBand,
    /// On a practitioner's device: the practitioner, who takes it back with their passkey.
    pub with_worker: Option<String>,
    /// Seconds without a touch before a handed-over device locks itself.
    pub lock_after_seconds: Option<i64>,
    /// Family members the child may show things to, by name. Anyone the policy keeps
    /// apart from the child is simply not here.
    pub people: Vec<Person>,
    pub items: Vec<ChildItem>,
    /// What others in the family chose to show the child, by name, and anything else of
    /// the child's own.
    pub shared_with_me: Vec<SharedThing>,
    /// The day of the family's next group case supervision, if one is booked: the child's
    /// screens ask what they want it to know.
    pub meeting: Option<i64>,
    /// What their team told them after its meetings, newest first: links to read it.
    pub told: Vec<crate::dto::record::ToldLink>,
}
