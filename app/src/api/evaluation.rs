//! The evaluation export, for a council's admins: whether it is set up. The files
//! themselves are plain routes (the server's `evaluation`), drawn from the backend's one
//! audited read.

use super::AppError;
use leptos::prelude::*;

/// Whether the council's pseudonym key is set, so the export can be made; for admins
/// only, and "not found" for anyone else.
#[server(prefix = "/api", endpoint = "evaluation-ready")]
pub async fn evaluation_ready() -> Result<bool, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    if !crate::backend::policy::may_issue_staff_code(&session.actor) {
        return Err(AppError::NotFound);
    }
    Ok(services.pseudonym_key.is_some())
}
