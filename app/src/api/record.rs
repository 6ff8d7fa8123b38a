//! The team manager's record of a family's group case supervision: read by everyone who
//! works with the family, written by the team manager who chairs, locked once finalised.

// A form's server function takes one argument per field, and the framework generates
// code from each, so the lint is silenced for the module rather than per function.
#![allow(
    clippy::too_many_arguments,
    reason = "one argument per field of the form"
)]

use super::AppError;
#[cfg(feature = "ssr")]
use crate::domain::ids::FamilyId;
pub use crate::dto::record::*;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "supervision-record")]
pub async fn supervision_record(family: String, session: String) -> Result<RecordView, AppError> {
    let me = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let family = FamilyId::parse(&family).map_err(|_| AppError::NotFound)?;
    crate::backend::record::record(
        &services.store,
        &me,
        family,
        &session,
        crate::backend::Reading::Page,
    )
    .await
}

/// Saves a new version of the record. `based_on` is the version the writer's page showed
/// (0 for none), so a save over someone else's newer version is stopped, not lost;
/// `finalise` = `yes` finalises it; `why_changed` says why a finalised record is changed.
/// `told_family` and `told_child` say what was decided and why in plain words, and each
/// `tell[]` (one a member, `<member id>:family`, `:child` or `:none`) whom to tell.
#[server(prefix = "/api", endpoint = "save-record")]
pub async fn save_record(
    #[server(default)] family: String,
    #[server(default)] session: String,
    #[server(default)] based_on: String,
    #[server(default)] reflection: String,
    #[server(default)] child_views: String,
    #[server(default)] parent_views: String,
    #[server(default)] impact: String,
    #[server(default)] plan: String,
    #[server(default)] decisions: String,
    #[server(default)] reasons: String,
    #[server(default)] rating: String,
    #[server(default)] finalise: String,
    #[server(default)] why_changed: String,
    #[server(default)] told_family: String,
    #[server(default)] told_child: String,
    #[server(default)] tell: Vec<String>,
) -> Result<(), AppError> {
    use crate::backend::record::Edit;
    let me = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let family = FamilyId::parse(&family).map_err(|_| AppError::NotFound)?;
    let edit = Edit {
        based_on: based_on.trim().parse().ok(),
        sections: [
            reflection,
            child_views,
            parent_views,
            impact,
            plan,
            decisions,
            reasons,
        ],
        rating,
        finalise: finalise == "yes",
        why_changed,
        told_family,
        told_child,
        tell,
    };
    crate::backend::record::save(&services.store, &me, family, &session, edit).await?;
    leptos_axum::redirect(&format!("/families/{family}/record/{session}"));
    Ok(())
}
