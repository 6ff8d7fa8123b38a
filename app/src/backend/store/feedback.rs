//! Anonymous feedback about the service.

use super::{Conn, StoreError};
use crate::domain::feedback::{Feedback, Satisfaction};

/// Feedback as it was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptFeedback {
    pub satisfaction: Satisfaction,
    pub comments: String,
    /// Milliseconds since the Unix epoch.
    pub received_at: i64,
}

/// Keeps one piece of feedback. Sending the same form again (same submission id) is
/// harmless: the first one is kept and the repeat is accepted without a second row.
pub async fn record_feedback(
    conn: &mut Conn,
    feedback: &Feedback,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO service_feedback (submission_id, satisfaction, comments, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (submission_id) DO NOTHING",
    )
    .bind(feedback.submission.to_string())
    .bind(feedback.satisfaction.code())
    .bind(feedback.comments.as_ref().map(|c| c.as_str().to_owned()))
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// `KeptFeedback` as selected, before its satisfaction is read.
#[derive(sqlx::FromRow)]
struct FeedbackRow {
    satisfaction: String,
    comments: Option<String>,
    created_at: i64,
}

/// All feedback, oldest first, for the service team to read.
pub async fn all_feedback(conn: &mut Conn) -> Result<Vec<KeptFeedback>, StoreError> {
    let rows: Vec<FeedbackRow> = sqlx::query_as(
        "SELECT satisfaction, comments, created_at FROM service_feedback \
         ORDER BY created_at, submission_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            let code = row.satisfaction;
            let satisfaction = Satisfaction::parse(&code)
                .map_err(|_| StoreError::Corrupt(format!("unknown satisfaction {code:?}")))?;
            Ok(KeptFeedback {
                satisfaction,
                comments: row.comments.unwrap_or_default(),
                received_at: row.created_at,
            })
        })
        .collect()
}

/// How many pieces of feedback are kept; for checks and the service team's counts.
pub async fn feedback_count(conn: &mut Conn) -> Result<i64, StoreError> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM service_feedback")
        .fetch_one(&mut *conn)
        .await?;
    Ok(count)
}

/// Whether feedback with this submission id was kept.
pub async fn feedback_exists(conn: &mut Conn, submission: &str) -> Result<bool, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT submission_id FROM service_feedback WHERE submission_id = $1")
            .bind(submission)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.is_some())
}
