//! The group case supervision pack for one family: what the team manager and the team
//! read before supervision, covering the time since the family's last session.

use super::AppError;
#[cfg(feature = "ssr")]
use crate::domain::ids::FamilyId;
pub use crate::dto::pack::*;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "pack")]
pub async fn pack(family: String) -> Result<PackView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let family = FamilyId::parse(&family).map_err(|_| AppError::NotFound)?;
    crate::backend::pack::pack(&services.store, &session, family, &services.zone).await
}
