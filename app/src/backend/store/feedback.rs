//! Anonymous feedback about the service.

use super::{Store, StoreError, now_ms};
use crate::domain::feedback::Feedback;

impl Store {
    /// Keeps one piece of feedback. Sending the same form again (same submission id) is
    /// harmless: the first one is kept and the repeat is accepted without a second row.
    pub async fn record_feedback(&self, feedback: &Feedback) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO service_feedback (submission_id, satisfaction, comments, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (submission_id) DO NOTHING",
        )
        .bind(feedback.submission.to_string())
        .bind(feedback.satisfaction.code())
        .bind(feedback.comments.as_ref().map(|c| c.as_str().to_owned()))
        .bind(now_ms())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// How many pieces of feedback are kept; for checks and the service team's counts.
    pub async fn feedback_count(&self) -> Result<i64, StoreError> {
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM service_feedback")
            .fetch_one(&self.pool)
            .await?;
        Ok(count)
    }

    /// Whether feedback with this submission id was kept.
    pub async fn feedback_exists(&self, submission: &str) -> Result<bool, StoreError> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT submission_id FROM service_feedback WHERE submission_id = $1")
                .bind(submission)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.is_some())
    }
}
