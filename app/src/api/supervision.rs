//! Group case supervision: booking, moving and cancelling sessions (business support and
//! team managers), and practitioners' progress summaries.

// A form's server function takes one argument per field, and the framework generates
// code from each, so the lint is silenced for the module rather than per function.
#![allow(
    clippy::too_many_arguments,
    reason = "one argument per field of the form"
)]

use super::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Something to choose when booking: a family of the team, or a member of staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

/// A booked session, as the team sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: String,
    /// The day it is set for now.
    pub held_on: i64,
    /// The day it was first booked for, if it has moved since.
    pub moved_from: Option<i64>,
    pub cancelled: bool,
    /// Still to come and not cancelled: it may be moved or cancelled.
    pub may_change: bool,
    pub families: Vec<String>,
    pub attendees: Vec<String>,
}

/// One move or cancellation of a session, as it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeView {
    pub cancelled: bool,
    /// The day it was on before this change.
    pub from: i64,
    /// The day it moved to, for a move.
    pub to: Option<i64>,
    /// Why, in the words of whoever made the change; may be empty for a move.
    pub reason: String,
    pub by: String,
    pub at: i64,
}

/// One session, for the people who book: who and what it is for, its history, and what
/// can still be done to it. Names only, no family content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionDetail {
    pub id: String,
    pub held_on: i64,
    pub cancelled: bool,
    pub families: Vec<String>,
    pub attendees: Vec<String>,
    pub booked_by: String,
    pub booked_at: i64,
    /// The day it was first booked for.
    pub booked_for: i64,
    /// Oldest first.
    pub changes: Vec<ChangeView>,
    /// How many changes the page saw, sent back with a change.
    pub seq: i64,
    /// Why it can no longer be moved or cancelled, if it cannot.
    pub settled: Option<String>,
    /// Why it may be moved but not cancelled, if so.
    pub no_cancel: Option<String>,
}

/// The team's sessions and what a new one can include. Only names and references: no
/// family content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingView {
    pub team: String,
    pub families: Vec<Choice>,
    pub staff: Vec<Choice>,
    pub sessions: Vec<SessionView>,
}

#[server(prefix = "/api", endpoint = "bookings")]
pub async fn bookings() -> Result<BookingView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::supervision::bookings(&services.store, &session).await
}

/// Books a session. Checkboxes are named `families[]` and `attendees[]`.
#[server(prefix = "/api", endpoint = "book-supervision")]
pub async fn book_supervision(
    #[server(default)] held_day: String,
    #[server(default)] held_month: String,
    #[server(default)] held_year: String,
    #[server(default)] families: Vec<String>,
    #[server(default)] attendees: Vec<String>,
) -> Result<(), AppError> {
    use crate::domain::FieldErrors;
    use crate::domain::supervision::SessionDay;
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let mut errors = FieldErrors::new();
    let day = errors.check(
        "held_on",
        SessionDay::parse(&held_day, &held_month, &held_year)
            .and_then(|day| day.not_before(crate::backend::store::now_ms()))
            .map_err(|e| e.for_field("held_on").unwrap_or_default().to_owned()),
    );
    if families.is_empty() {
        errors.push("families", "Choose at least one family to discuss.");
    }
    if attendees.is_empty() {
        errors.push("attendees", "Choose who will attend.");
    }
    let Some(day) = day.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    crate::backend::supervision::book(&services.store, &session, day, &families, &attendees)
        .await?;
    leptos_axum::redirect("/supervision");
    Ok(())
}

#[server(prefix = "/api", endpoint = "supervision-session")]
pub async fn supervision_session(
    #[server(default)] session: String,
) -> Result<SessionDetail, AppError> {
    let me = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::supervision::booking(&services.store, &me, &session).await
}

/// Moves a session to another day (`action` = `move`) or cancels it (`cancel`). Both
/// buttons are on one page; each form sends its own fields.
#[server(prefix = "/api", endpoint = "change-supervision")]
pub async fn change_supervision(
    #[server(default)] session: String,
    #[server(default)] seen: String,
    #[server(default)] action: String,
    #[server(default)] held_day: String,
    #[server(default)] held_month: String,
    #[server(default)] held_year: String,
    #[server(default)] move_reason: String,
    #[server(default)] cancel_reason: String,
) -> Result<(), AppError> {
    use crate::domain::supervision::SessionChange;
    let me = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let change = SessionChange::parse(
        &action,
        [&held_day, &held_month, &held_year],
        &move_reason,
        &cancel_reason,
        crate::backend::store::now_ms(),
    );
    crate::backend::supervision::change(
        &services.store,
        &me,
        &session,
        seen.trim().parse().ok(),
        change,
    )
    .await?;
    leptos_axum::redirect(&format!("/supervision/{session}"));
    Ok(())
}

/// One practitioner's progress summary for a session, as its latest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryView {
    pub by: String,
    pub discipline: String,
    pub version: i64,
    pub words: String,
    pub finalised: bool,
    pub written_at: i64,
}

/// Getting ready for a family's group case supervision: the session, and the summaries
/// written for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupervisionPrep {
    pub session: String,
    pub held_on: i64,
    /// The discipline the reader writes for, if they write a summary at all.
    pub discipline: Option<String>,
    pub mine: Option<SummaryView>,
    pub others: Vec<SummaryView>,
    /// Every session of the family's, newest first, with where its record stands.
    pub records: Vec<crate::api::record::RecordLink>,
}

/// Saves a new version of the practitioner's progress summary; with `finalise` = `yes`,
/// the final one.
#[server(prefix = "/api", endpoint = "save-summary")]
pub async fn save_summary(
    #[server(default)] family: String,
    #[server(default)] session: String,
    #[server(default)] summary: String,
    #[server(default)] finalise: String,
) -> Result<(), AppError> {
    use crate::domain::FieldErrors;
    let me = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let family = crate::domain::ids::FamilyId::parse(&family).map_err(|_| AppError::NotFound)?;
    let words = match crate::domain::tools::Words::parse_optional(&summary) {
        Ok(Some(words)) => words,
        Ok(None) => {
            return Err(AppError::Invalid(FieldErrors::single(
                "summary",
                "Write the summary first.",
            )));
        }
        Err(message) => return Err(AppError::Invalid(FieldErrors::single("summary", message))),
    };
    crate::backend::supervision::save_summary(
        &services.store,
        &me,
        family,
        &session,
        &words,
        finalise == "yes",
    )
    .await?;
    leptos_axum::redirect(&format!("/families/{family}#supervision"));
    Ok(())
}
