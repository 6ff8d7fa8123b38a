//! Feedback about the service, from anyone, without signing in.

use super::AppError;
use leptos::prelude::*;

/// Where people land after sending feedback.
pub const SENT_PATH: &str = "/feedback/sent";

/// Keeps one piece of anonymous feedback and sends the browser to the thank-you page.
/// A repeat of the same submission (a retry after a dropped connection) is accepted
/// without keeping it twice.
#[server(prefix = "/api", endpoint = "feedback")]
pub async fn send_feedback(
    #[server(default)] submission: String,
    #[server(default)] satisfaction: String,
    #[server(default)] comments: String,
) -> Result<(), AppError> {
    use crate::domain::feedback::{Feedback, FeedbackForm};
    // Who is asking: anyone. May they: yes; feedback reads and writes no family data.
    let services = crate::backend::services()?;
    let feedback = Feedback::try_from(FeedbackForm {
        submission,
        satisfaction,
        comments,
    })?;
    crate::backend::store::feedback::record_feedback(
        &mut *services.store.pool_connection().await?,
        &feedback,
        services.store.now(),
    )
    .await?;
    leptos_axum::redirect(SENT_PATH);
    Ok(())
}
