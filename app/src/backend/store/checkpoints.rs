//! Checkpoints of the audit trail, as stored: the signed lines, and where each chain stood
//! at the last one. Taking, signing and checking them is `backend::checkpoint`'s work;
//! the signing key is never stored.

use super::{Conn, StoreError};

/// Where one chain stood: how many rows, and the hash of the last.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Head {
    pub chain: String,
    pub seq: i64,
    pub hash: String,
}

/// The heads of the chains that moved since the last checkpoint, in chain order.
pub async fn moved_heads(conn: &mut Conn) -> Result<Vec<Head>, StoreError> {
    Ok(sqlx::query_as::<_, Head>(
        "SELECT c.chain, c.seq, c.hash FROM audit_chains c \
         LEFT JOIN audit_checkpointed k ON k.chain = c.chain \
         WHERE c.seq > 0 AND (k.seq IS NULL OR k.seq <> c.seq) ORDER BY c.chain",
    )
    .fetch_all(&mut *conn)
    .await?)
}

/// The last checkpoint's number and line, if there is one.
pub async fn latest(conn: &mut Conn) -> Result<Option<(i64, String)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT seq, line FROM audit_checkpoints ORDER BY seq DESC LIMIT 1")
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// Keeps checkpoint `seq` and notes where each chain in it stood. Fails if another
/// server kept a checkpoint with that number first.
pub async fn keep(
    conn: &mut Conn,
    seq: i64,
    at: i64,
    line: &str,
    heads: &[Head],
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO audit_checkpoints (seq, at, line) VALUES ($1, $2, $3)")
        .bind(seq)
        .bind(at)
        .bind(line)
        .execute(&mut *conn)
        .await?;
    for head in heads {
        sqlx::query(
            "INSERT INTO audit_checkpointed (chain, seq) VALUES ($1, $2) \
             ON CONFLICT (chain) DO UPDATE SET seq = excluded.seq",
        )
        .bind(&head.chain)
        .bind(head.seq)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Every checkpoint's line, oldest first.
pub async fn all_lines(conn: &mut Conn) -> Result<Vec<String>, StoreError> {
    let lines: Vec<(String,)> = sqlx::query_as("SELECT line FROM audit_checkpoints ORDER BY seq")
        .fetch_all(&mut *conn)
        .await?;
    Ok(lines.into_iter().map(|(line,)| line).collect())
}

/// The checkpoints after number `after`, oldest first, with their numbers.
pub async fn lines_after(conn: &mut Conn, after: i64) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT seq, line FROM audit_checkpoints WHERE seq > $1 ORDER BY seq")
            .bind(after)
            .fetch_all(&mut *conn)
            .await?,
    )
}

/// The hash the row at `place` in `chain` carries, if the row is there.
pub async fn hash_at(
    conn: &mut Conn,
    chain: &str,
    place: i64,
) -> Result<Option<String>, StoreError> {
    let hash: Option<(String,)> =
        sqlx::query_as("SELECT hash FROM audit_events WHERE chain = $1 AND chain_seq = $2")
            .bind(chain)
            .bind(place)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(hash.map(|(hash,)| hash))
}
