//! Refusals of people who are not signed in, and the housekeeping of what sign-in leaves
//! behind.
//!
//! Anyone can send a request the portal refuses, as often as they like. Writing each one
//! into the hash chains would let them grow evidence that can never be removed, and make
//! audited work wait behind them for a system chain's lock. So an anonymous refusal
//! is counted here, in `refusal_counts`, outside the chain; only the first of each
//! (address, minute, action) also gets a chained row, so the trail still says it
//! happened. Refusals of someone signed in never come here: they stay fully audited.
//!
//! Before sign-in every visitor gets a session and each passkey prompt a ceremony; those
//! with no account are pruned once nothing can use them. A session with an account is
//! evidence of who was signed in when, and is never deleted here.

use super::{Conn, StoreError};

/// The most of a refused path that is kept.
const PATH_SAMPLE_CHARS: usize = 200;

/// What pruning removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pruned {
    pub sessions: u64,
    pub ceremonies: u64,
}

/// Counts one refused anonymous request of `action`, and answers the count so far that
/// minute from this address. The caller appends a chained row for the first of each
/// (address, minute, action) only: see `backend::auth::refuse_anonymous`.
pub async fn count_refusal(
    conn: &mut Conn,
    address: &str,
    now: i64,
    path: &str,
    action: &str,
) -> Result<i64, StoreError> {
    let minute = now.div_euclid(60_000);
    let sample: String = path.chars().take(PATH_SAMPLE_CHARS).collect();
    // One statement, so that two refusals arriving together cannot both be "first".
    let (count,): (i64,) = sqlx::query_as(
        "INSERT INTO refusal_counts (address, minute, action, path_sample, count) \
         VALUES ($1, $2, $3, $4, 1) \
         ON CONFLICT (address, minute, action) \
         DO UPDATE SET count = refusal_counts.count + 1 \
         RETURNING count",
    )
    .bind(address)
    .bind(minute)
    .bind(action)
    .bind(sample)
    .fetch_one(&mut *conn)
    .await?;
    Ok(count)
}

/// How many anonymous refusals of `action` were counted from `address`, in all.
pub async fn refusals_counted(
    conn: &mut Conn,
    address: &str,
    action: &str,
) -> Result<i64, StoreError> {
    let (count,): (Option<i64>,) = sqlx::query_as(
        "SELECT CAST(SUM(count) AS BIGINT) FROM refusal_counts \
         WHERE address = $1 AND action = $2",
    )
    .bind(address)
    .bind(action)
    .fetch_one(&mut *conn)
    .await?;
    Ok(count.unwrap_or(0))
}

/// Removes ceremonies that are used or expired at `now`, then sessions that never
/// signed in, were last used before `idle_before`, and have no ceremony left that could
/// still be finished. Sessions with an account are never touched.
pub async fn prune_unused(
    conn: &mut Conn,
    now: i64,
    idle_before: i64,
) -> Result<Pruned, StoreError> {
    let ceremonies =
        sqlx::query("DELETE FROM ceremonies WHERE used_at IS NOT NULL OR expires_at <= $1")
            .bind(now)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    let sessions = sqlx::query(
        "DELETE FROM sessions WHERE account_id IS NULL AND last_seen_at < $1 \
         AND NOT EXISTS (SELECT 1 FROM ceremonies c WHERE c.session_hash = sessions.token_hash) \
         AND NOT EXISTS (SELECT 1 FROM supported_sessions s WHERE s.session_hash = sessions.token_hash)",
    )
    .bind(idle_before)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(Pruned {
        sessions,
        ceremonies,
    })
}

/// Sessions and ceremonies as they stand, for tests and the benchmark.
pub async fn session_and_ceremony_counts(conn: &mut Conn) -> Result<(i64, i64), StoreError> {
    let (sessions, ceremonies): (i64, i64) =
        sqlx::query_as("SELECT (SELECT COUNT(*) FROM sessions), (SELECT COUNT(*) FROM ceremonies)")
            .fetch_one(&mut *conn)
            .await?;
    Ok((sessions, ceremonies))
}
