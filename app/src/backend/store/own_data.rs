//! What the portal holds about one family member, read for their copy of it (a subject
//! access request): the entries they wrote with every version, each entry's shares, the
//! workers' read marks and responses on them, what the member said against a response,
//! and their unfinished answers.
//!
//! Every read here is keyed by the member as author or owner, on the indexes the rest of
//! the portal already uses (`entries_by_family_author`, and each table's own by entry),
//! so nothing another member wrote is ever selected. The caller decides who may have the
//! copy and audits the read.

use super::{Conn, StoreError};
use crate::domain::entries::EntryBody;
use crate::domain::ids::{EntryId, FamilyId, MemberId};

/// One version of one of the member's entries, decoded.
#[derive(Debug, Clone)]
pub struct OwnVersion {
    pub entry: EntryId,
    pub created_at: i64,
    pub version: i64,
    pub written_at: i64,
    pub body: EntryBody,
    /// The body exactly as kept.
    pub kept: String,
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    id: EntryId,
    kind: String,
    created_at: i64,
    version: i64,
    body: String,
    written_at: i64,
}

/// Every version of every entry `member` wrote in `family`, entries oldest first and
/// each entry's versions in order.
pub async fn versions(
    conn: &mut Conn,
    family: FamilyId,
    member: MemberId,
) -> Result<Vec<OwnVersion>, StoreError> {
    let rows: Vec<VersionRow> = sqlx::query_as(
        "SELECT e.id, e.kind, e.created_at, v.version, v.body, v.written_at FROM entries e \
         JOIN entry_versions v ON v.entry_id = e.id \
         WHERE e.family_id = $1 AND e.author_member_id = $2 \
         ORDER BY e.created_at, e.id, v.version",
    )
    .bind(family.to_string())
    .bind(member.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(OwnVersion {
                body: super::entries::decode(
                    &row.id.to_string(),
                    row.version,
                    &row.kind,
                    &row.body,
                )?,
                entry: row.id,
                created_at: row.created_at,
                version: row.version,
                written_at: row.written_at,
                kept: row.body,
            })
        })
        .collect()
}

/// One share of one of the member's entries, live or stopped. A share with a member a
/// flag keeps apart from the author is kept exactly as asked, so it reads here like any
/// other: the author never learns of the flag from their own copy.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OwnShare {
    pub entry_id: EntryId,
    /// `workers`, or `member` with the member's name.
    pub audience: String,
    pub member_name: Option<String>,
    pub shared_at: i64,
    pub withdrawn_at: Option<i64>,
}

pub async fn shares(
    conn: &mut Conn,
    family: FamilyId,
    member: MemberId,
) -> Result<Vec<OwnShare>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT s.entry_id, s.audience, m.display_name AS member_name, s.shared_at, \
         s.withdrawn_at FROM entry_shares s JOIN entries e ON e.id = s.entry_id \
         LEFT JOIN members m ON m.id = s.member_id \
         WHERE e.family_id = $1 AND e.author_member_id = $2 ORDER BY s.shared_at, s.id",
    )
    .bind(family.to_string())
    .bind(member.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

/// Workers' "read" marks on the member's entries, oldest first.
pub async fn read_marks(
    conn: &mut Conn,
    family: FamilyId,
    member: MemberId,
) -> Result<Vec<super::views::ReadMark>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.entry_id, s.display_name, r.read_at FROM entry_reads r \
         JOIN entries e ON e.id = r.entry_id JOIN staff s ON s.id = r.staff_id \
         WHERE e.family_id = $1 AND e.author_member_id = $2 ORDER BY r.read_at, r.id",
    )
    .bind(family.to_string())
    .bind(member.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

/// A worker's response to one of the member's entries.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OwnResponse {
    pub id: String,
    pub entry_id: EntryId,
    pub staff_name: String,
    pub staff_role: String,
    pub body: String,
    pub written_at: i64,
}

pub async fn responses(
    conn: &mut Conn,
    family: FamilyId,
    member: MemberId,
) -> Result<Vec<OwnResponse>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.id, r.entry_id, r.staff_name, r.staff_role, r.body, r.written_at \
         FROM responses r JOIN entries e ON e.id = r.entry_id \
         WHERE e.family_id = $1 AND e.author_member_id = $2 ORDER BY r.written_at, r.id",
    )
    .bind(family.to_string())
    .bind(member.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

/// What the member said against a response ("I disagree"): their words only.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OwnDisagreement {
    pub response_id: String,
    pub body: String,
    pub written_at: i64,
}

pub async fn disagreements(
    conn: &mut Conn,
    family: FamilyId,
    member: MemberId,
) -> Result<Vec<OwnDisagreement>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT d.response_id, d.body, d.written_at FROM disagreements d \
         JOIN responses r ON r.id = d.response_id JOIN entries e ON e.id = r.entry_id \
         WHERE e.family_id = $1 AND d.member_id = $2 ORDER BY d.written_at, d.id",
    )
    .bind(family.to_string())
    .bind(member.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

/// Answers the member has not yet saved as an entry.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OwnDraft {
    pub flow: String,
    /// The answers as kept: a JSON object of question to exactly what was typed.
    pub answers: String,
    pub created_at: i64,
    pub updated_at: i64,
}

pub async fn drafts(conn: &mut Conn, member: MemberId) -> Result<Vec<OwnDraft>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT flow, answers, created_at, updated_at FROM drafts WHERE member_id = $1 \
         ORDER BY created_at, id",
    )
    .bind(member.to_string())
    .fetch_all(&mut *conn)
    .await?)
}
