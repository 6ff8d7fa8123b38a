//! A person's own account as they see it: passkeys, sign-ins, and staff listed for
//! admins.
//!
//! Plain data sent from the server to the pages: no I/O here.

use crate::domain::ids::{PasskeyId, SessionId, StaffId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyView {
    pub id: PasskeyId,
    pub label: String,
    pub added: i64,
    pub last_used: Option<i64>,
    pub revoked: bool,
    /// When and why it stopped working, in plain words, such as "Removed on 3 March 2027,
    /// when a reset code was used".
    pub removed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: SessionId,
    pub started: i64,
    pub last_seen: i64,
    /// The session this page was opened in.
    pub this_one: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    /// A family member, who can have a copy of everything held about them.
    pub is_member: bool,
    pub passkeys: Vec<PasskeyView>,
    pub sessions: Vec<SessionView>,
    /// Things the person must be told, such as a passkey someone else's code added;
    /// each is shown once, to a session signed in with another passkey.
    pub notices: Vec<String>,
}

/// A member of staff, for the admin's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffListed {
    pub id: StaffId,
    pub name: String,
    pub role: String,
}
