//! Take-up figures, for a team manager (their team) and a head of service (every team).
//! The CSV is a plain route (the server's `take_up`), drawn from the same audited read.

use super::AppError;
pub use crate::dto::take_up::*;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "take-up")]
pub async fn take_up() -> Result<TakeUpView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::take_up::figures(&services.store, &session, &services.zone).await
}
