//! Codes waiting to be shown, once, to whoever issued them, sealed (see
//! `backend::shown_codes`). Nothing here can read a sealed code.

use super::{Conn, StoreError};

/// A sealed code as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub is_reset: bool,
    pub nonce: String,
    pub sealed: String,
    pub expires_at: i64,
}

/// Keeps a code for `session_hash` to be shown the next time it asks about `person`,
/// replacing one kept for the same person before.
pub async fn keep(
    conn: &mut Conn,
    session_hash: &str,
    person: &str,
    code: &Sealed,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO codes_to_show (session_hash, person_id, is_reset, nonce, sealed, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (session_hash, person_id) DO UPDATE \
         SET is_reset = excluded.is_reset, nonce = excluded.nonce, sealed = excluded.sealed, \
         expires_at = excluded.expires_at",
    )
    .bind(session_hash)
    .bind(person)
    .bind(i64::from(code.is_reset))
    .bind(&code.nonce)
    .bind(&code.sealed)
    .bind(code.expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Takes the code kept for `session_hash` about `person`, removing it, if it has not
/// expired. Two requests at once cannot both take it.
pub async fn take(
    conn: &mut Conn,
    session_hash: &str,
    person: &str,
    now: i64,
) -> Result<Option<Sealed>, StoreError> {
    let taken: Option<(i64, String, String, i64)> = sqlx::query_as(
        "DELETE FROM codes_to_show WHERE session_hash = $1 AND person_id = $2 \
         RETURNING is_reset, nonce, sealed, expires_at",
    )
    .bind(session_hash)
    .bind(person)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(taken.filter(|(_, _, _, expires_at)| *expires_at > now).map(
        |(is_reset, nonce, sealed, expires_at)| Sealed {
            is_reset: is_reset != 0,
            nonce,
            sealed,
            expires_at,
        },
    ))
}

/// Removes codes that expired before anyone asked to see them.
pub async fn prune(conn: &mut Conn, now: i64) -> Result<u64, StoreError> {
    Ok(
        sqlx::query("DELETE FROM codes_to_show WHERE expires_at <= $1")
            .bind(now)
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}
