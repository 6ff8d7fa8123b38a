//! Typed identifiers, so that a member's id can never be passed where a family's is meant.
//!
//! Ids are random UUIDs, created by the application rather than the database, so that the
//! same code runs on SQLite and PostgreSQL and so that ids in addresses reveal nothing
//! about how many families or entries exist.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A new random id.
            pub fn new() -> Self {
                Self(Uuid::new_v4())
            }

            /// Parses an id from text such as a path segment; anything else is refused.
            pub fn parse(raw: &str) -> Result<Self, String> {
                Uuid::parse_str(raw.trim())
                    .map(Self)
                    .map_err(|_| "That is not a valid reference.".to_owned())
            }

            pub fn as_uuid(&self) -> Uuid {
                self.0
            }

            /// The id for a UUID already made, such as another kind's id that stands for
            /// this one (an API client's, standing for an account in the audit trail).
            pub fn from_uuid(id: Uuid) -> Self {
                Self(id)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }
    };
}

typed_id!(
    /// A council: the organisation that runs the service.
    CouncilId
);
typed_id!(
    /// A Family Safeguarding team within a council.
    TeamId
);
typed_id!(
    /// A case system (or other machine) registered by an admin to call the integration API.
    ApiClientId
);
typed_id!(
    /// A member of staff: a practitioner, manager, business support officer or admin.
    StaffId
);
typed_id!(
    /// A family working with a team.
    FamilyId
);
typed_id!(
    /// A parent/carer or child/young person in a family.
    MemberId
);
typed_id!(
    /// An entry a family member wrote, with all its versions.
    EntryId
);
typed_id!(
    /// Someone who can sign in: one staff member or one family member. Also the WebAuthn
    /// user handle, so it reveals nothing about the person.
    AccountId
);
typed_id!(
    /// One passkey registered to an account.
    PasskeyId
);
typed_id!(
    /// A one-time code: an invitation or a reset after a lost phone.
    InvitationId
);
typed_id!(
    /// A signed-in (or signing-in) browser, as listed to its owner. Never the cookie's token.
    SessionId
);
typed_id!(
    /// Chosen by the browser for each form it sends, so that sending the same form again
    /// after a dropped connection never makes a second record.
    SubmissionId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_survives_a_round_trip_through_text() {
        let id = FamilyId::new();
        assert_eq!(FamilyId::parse(&id.to_string()), Ok(id));
    }

    #[test]
    fn anything_that_is_not_an_id_is_refused_plainly() {
        assert_eq!(
            MemberId::parse("../etc/passwd"),
            Err("That is not a valid reference.".to_owned())
        );
    }
}
