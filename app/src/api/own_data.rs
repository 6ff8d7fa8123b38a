//! A member's copy of everything the portal holds about them: for the member on their
//! own sign-in, and for a practitioner making it for a member who asks in person.
//!
//! Each function: who is asking -> parse -> the backend's one audited read, which asks
//! the policy -> a plain DTO. The Word and JSON downloads of the same copy are plain
//! routes (the server's `export`), drawn from the same read.

use super::AppError;
#[cfg(feature = "ssr")]
use crate::domain::ids::{FamilyId, MemberId};
pub use crate::dto::own_data::*;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "my-data")]
pub async fn my_data() -> Result<OwnData, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::own_data::for_member(&services.store, &session, crate::backend::Reading::Page)
        .await
}

/// The name of the member whose copy a practitioner is about to make, if they may make
/// it; the copy itself is only ever in the download.
#[server(prefix = "/api", endpoint = "member-to-copy")]
pub async fn member_to_copy(
    #[server(default)] family: String,
    #[server(default)] member: String,
) -> Result<String, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let family = FamilyId::parse(&family).map_err(|_| AppError::NotFound)?;
    let member = MemberId::parse(&member).map_err(|_| AppError::NotFound)?;
    crate::backend::own_data::member_to_copy(&services.store, &session, family, member).await
}
