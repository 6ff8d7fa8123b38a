//! Drafts: the answers so far, one question per page, kept on the server for the member
//! giving them. Nothing is kept in the browser, which may be a shared or a watched phone.

use super::AppError;
pub use crate::dto::drafts::*;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn flow(raw: &str) -> Result<crate::domain::flows::Flow, AppError> {
    crate::domain::flows::Flow::parse(raw).ok_or(AppError::NotFound)
}

/// The goal named by a form: blank for tools that are not about a goal; anything that is
/// not an id is not found.
#[cfg(feature = "ssr")]
fn goal(raw: &str) -> Result<Option<crate::domain::ids::EntryId>, AppError> {
    if raw.is_empty() {
        return Ok(None);
    }
    crate::domain::ids::EntryId::parse(raw)
        .map(Some)
        .map_err(|_| AppError::NotFound)
}

#[server(prefix = "/api", endpoint = "draft")]
pub async fn draft(flow: String, #[server(default)] goal: String) -> Result<DraftView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::drafts::open(
        &services.store,
        &session,
        self::flow(&flow)?,
        self::goal(&goal)?,
    )
    .await
}

/// One answer, given with Continue: checked, kept, and on to the next question (or back
/// to "Check your answers", when the person came from there to change it).
#[server(prefix = "/api", endpoint = "answer")]
pub async fn answer(
    flow: String,
    #[server(default)] goal: String,
    #[server(default)] submission: String,
    question: String,
    #[server(default)] answer: String,
    #[server(default)] then: String,
    #[server(default)] typed_at: String,
) -> Result<(), AppError> {
    use crate::domain::flows::{CHECK, path};
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let flow = self::flow(&flow)?;
    let goal = self::goal(&goal)?;
    let answers = crate::backend::drafts::answer(
        &services.store,
        &session,
        crate::backend::drafts::Given {
            flow,
            goal,
            submission: &submission,
            question: &question,
            value: &answer,
            typed_at: typed_at.trim().parse().ok(),
        },
        true,
    )
    .await?
    // An answer given with Continue is always kept.
    .unwrap_or_default();
    let next = if then == CHECK {
        CHECK
    } else {
        flow.after(&question, &answers)
    };
    leptos_axum::redirect(&path(flow, goal, next));
    Ok(())
}

/// One answer as it is typed, kept so that nothing is lost if the connection drops or
/// the page is closed. It is checked when the person presses Continue. `typed_at` (the
/// device's clock) lets a copy that arrives late give way to what was kept after it.
#[server(prefix = "/api", endpoint = "keep-draft")]
pub async fn keep_draft(
    flow: String,
    #[server(default)] goal: String,
    #[server(default)] submission: String,
    question: String,
    #[server(default)] answer: String,
    #[server(default)] typed_at: String,
) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::drafts::answer(
        &services.store,
        &session,
        crate::backend::drafts::Given {
            flow: self::flow(&flow)?,
            goal: self::goal(&goal)?,
            submission: &submission,
            question: &question,
            value: &answer,
            typed_at: typed_at.trim().parse().ok(),
        },
        false,
    )
    .await?;
    Ok(())
}

/// Throws a draft away, and goes back to where the person started.
#[server(prefix = "/api", endpoint = "discard-draft")]
pub async fn discard_draft(flow: String, #[server(default)] goal: String) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let flow = self::flow(&flow)?;
    let goal = self::goal(&goal)?;
    crate::backend::drafts::discard(&services.store, &session, flow, goal).await?;
    let back = match goal {
        Some(goal) if flow.about_a_goal() => format!("/goals/{goal}"),
        _ => "/home".to_owned(),
    };
    leptos_axum::redirect(&back);
    Ok(())
}
