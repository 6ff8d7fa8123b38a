//! Messages between visits as pages show them: a member's choices, an urgent alert with
//! each step and opening, and the contacts an admin sets.
//!
//! Plain data sent from the server to the pages: no I/O here.

use crate::domain::ids::{FamilyId, StaffId};
use crate::domain::notices::ChoicesForm;
use serde::{Deserialize, Serialize};

/// A family member's choices, as their page opens with them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoicesView {
    /// Whether any message will be sent.
    pub on: bool,
    pub form: ChoicesForm,
    /// Why messages stopped without the member choosing it, if they did.
    pub note: Option<String>,
    /// Addresses chosen but not yet proved with their code: (`email` or `sms`, the
    /// address as people write it).
    pub unproved: Vec<(String, String)>,
}

/// One line of an alert's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertStepView {
    pub at: i64,
    pub what: String,
    pub detail: String,
}

/// An urgent alert, as the member of staff who opens it sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertPage {
    pub family: FamilyId,
    /// The family's name and reference.
    pub family_name: String,
    pub member_name: String,
    pub raised_at: i64,
    /// Each step taken and each opening, in order.
    pub steps: Vec<AlertStepView>,
    /// Each message sent about it, and whether it went.
    pub messages: Vec<AlertMessageView>,
}

/// A message about an alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertMessageView {
    /// Whom it was for, by name and role.
    pub to: String,
    /// "Email" or "Text message".
    pub how: String,
    /// "sent", "waiting to be sent", "trying again" or "not sent".
    pub state: String,
}

/// A member of staff and how they are reached, for their admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffContactView {
    pub id: StaffId,
    pub name: String,
    pub role: String,
    pub email: String,
    pub mobile: String,
}

/// The contacts an admin sets for urgent alerts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactsView {
    pub staff: Vec<StaffContactView>,
    pub duty_email: String,
    pub duty_mobile: String,
}
