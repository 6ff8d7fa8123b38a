//! The team manager's record of a family's group case supervision: read by everyone who
//! works with the family, written by the team manager who chairs, locked once finalised.

// A form's server function takes one argument per field, and the framework generates
// code from each, so the lint is silenced for the module rather than per function.
#![allow(
    clippy::too_many_arguments,
    reason = "one argument per field of the form"
)]

use super::AppError;
use crate::domain::ids::FamilyId;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One section of the record as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordSection {
    /// The form field, which is also the id of its box on the page.
    pub field: String,
    pub heading: String,
    pub hint: String,
    pub words: String,
}

/// One version of the record, as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordVersion {
    pub version: i64,
    pub by: String,
    pub written_at: i64,
    pub finalised: bool,
    /// The rating's code (`red`, `amber`, `green`), if one was chosen.
    pub rating: Option<String>,
    /// The rating in words, for people and for paper.
    pub rating_label: Option<String>,
    pub sections: Vec<RecordSection>,
    /// Why a finalised record was changed, for the versions that change one.
    pub why_changed: Option<String>,
}

/// A family's record for one session: its versions, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordView {
    pub family: FamilyId,
    pub reference: String,
    pub display_name: String,
    pub session: String,
    pub held_on: i64,
    pub attendees: Vec<String>,
    /// Whether the reader chairs, and so writes the record.
    pub may_write: bool,
    pub versions: Vec<RecordVersion>,
}

impl RecordView {
    pub fn latest(&self) -> Option<&RecordVersion> {
        self.versions.first()
    }

    /// Finalised once any version was: later versions are changes to a finalised record.
    pub fn finalised(&self) -> bool {
        self.versions.iter().any(|v| v.finalised)
    }
}

/// A session of the family's and where its record stands, for the list on the family page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordLink {
    pub session: String,
    pub held_on: i64,
    /// "Not written yet", "Draft" or "Finalised".
    pub state: String,
}

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
    };
    crate::backend::record::save(&services.store, &me, family, &session, edit).await?;
    leptos_axum::redirect(&format!("/families/{family}/record/{session}"));
    Ok(())
}
