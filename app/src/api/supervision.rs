//! Group case supervision: booking, moving and cancelling sessions (business support and
//! team managers), and practitioners' progress summaries.

// A form's server function takes one argument per field, and the framework generates
// code from each, so the lint is silenced for the module rather than per function.
#![allow(
    clippy::too_many_arguments,
    reason = "one argument per field of the form"
)]

use super::AppError;
pub use crate::dto::supervision::*;
use leptos::prelude::*;

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
            .and_then(|day| day.not_before(services.store.now()))
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
        services.store.now(),
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
