//! Typed ids as the store reads them: text on both databases, decoded straight into
//! their type, so a row struct holds a `MemberId` and never a string that might be one.

use crate::domain::ids::{
    AccountId, ApiClientId, CouncilId, EntryId, FamilyId, InvitationId, MemberId, PasskeyId,
    SessionId, StaffId, SubmissionId, TeamId,
};
use sqlx::Any;
use sqlx::any::{AnyTypeInfo, AnyValueRef};
use sqlx::error::BoxDynError;

macro_rules! stored_as_text {
    ($($name:ident),* $(,)?) => {$(
        impl sqlx::Type<Any> for $name {
            fn type_info() -> AnyTypeInfo {
                <str as sqlx::Type<Any>>::type_info()
            }
        }

        /// A row with an id that does not parse is an error, never a value of the wrong kind.
        impl<'r> sqlx::Decode<'r, Any> for $name {
            fn decode(value: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
                let raw = <&str as sqlx::Decode<'r, Any>>::decode(value)?;
                Ok($name::parse(raw).map_err(|_| format!("bad {} {raw:?}", stringify!($name)))?)
            }
        }
    )*};
}

stored_as_text!(
    ApiClientId,
    CouncilId,
    TeamId,
    StaffId,
    FamilyId,
    MemberId,
    EntryId,
    AccountId,
    PasskeyId,
    InvitationId,
    SessionId,
    SubmissionId,
);
