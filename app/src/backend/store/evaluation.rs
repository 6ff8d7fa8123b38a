//! What the evaluation export is made from: every member of one council's families, and
//! their goals, check-ins, stages and change talk. Read for the export alone, which keeps
//! none of the words: the caller turns these into pseudonymised monthly figures.

use super::{Conn, StoreError};
use crate::domain::entries::EntryBody;
use crate::domain::ids::{CouncilId, MemberId};

/// A member, as the export needs them: never their name.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EvaluatedMember {
    pub id: MemberId,
    pub kind: String,
    pub date_of_birth: Option<String>,
    pub created_at: i64,
    pub team: String,
}

pub async fn members(
    conn: &mut Conn,
    council: CouncilId,
) -> Result<Vec<EvaluatedMember>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT m.id, m.kind, m.date_of_birth, m.created_at, t.name AS team FROM members m \
         JOIN families f ON f.id = m.family_id JOIN teams t ON t.id = f.team_id \
         WHERE f.council_id = $1 ORDER BY m.id",
    )
    .bind(council.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

/// One of the tools' entries, with its latest version.
#[derive(Debug, Clone)]
pub struct EvaluatedEntry {
    pub author: MemberId,
    pub created_at: i64,
    pub body: EntryBody,
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: String,
    author_member_id: MemberId,
    kind: String,
    created_at: i64,
    version: i64,
    body: String,
}

/// The council's goals, check-ins, stages and change talk, oldest first.
pub async fn entries(
    conn: &mut Conn,
    council: CouncilId,
) -> Result<Vec<EvaluatedEntry>, StoreError> {
    let rows: Vec<EntryRow> = sqlx::query_as(
        "SELECT e.id, e.author_member_id, e.kind, e.created_at, v.version, v.body FROM entries e \
         JOIN families f ON f.id = e.family_id JOIN entry_versions v ON v.entry_id = e.id \
         AND v.version = (SELECT MAX(version) FROM entry_versions WHERE entry_id = e.id) \
         WHERE f.council_id = $1 AND e.kind IN ('goal', 'check_in', 'stage', 'change_talk') \
         ORDER BY e.created_at, e.id",
    )
    .bind(council.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(EvaluatedEntry {
                body: super::entries::decode(&row.id, row.version, &row.kind, &row.body)?,
                author: row.author_member_id,
                created_at: row.created_at,
            })
        })
        .collect()
}
