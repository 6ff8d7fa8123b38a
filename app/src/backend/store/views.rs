//! Module 8, "Comments and views": practitioners' marks and responses on what a family
//! shared, and family members' disagreements with those responses.
//!
//! Every row here is added inside the caller's audited transaction, and never changed or
//! removed (the database refuses it). Whoever calls these has already asked the policy.

use super::{StoreError, now_ms, parse_id};
use crate::domain::ids::{EntryId, FamilyId, MemberId, StaffId};
use sqlx::AnyConnection;

/// A practitioner's mark that they have read an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadMark {
    pub entry: EntryId,
    pub by: String,
    pub at: i64,
}

/// A family member's "I disagree" beside a practitioner's response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub by: String,
    pub words: String,
    pub at: i64,
}

/// A practitioner's response to an entry, with any disagreements beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub id: String,
    pub entry: EntryId,
    pub by: String,
    pub role: String,
    pub words: String,
    pub at: i64,
    pub disagreements: Vec<Disagreement>,
}

pub async fn add_read_mark(
    conn: &mut AnyConnection,
    entry: EntryId,
    staff: StaffId,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO entry_reads (id, entry_id, staff_id, read_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(entry.to_string())
    .bind(staff.to_string())
    .bind(now_ms())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Adds a response and returns its id. Name and role are kept as they are now.
pub async fn add_response(
    conn: &mut AnyConnection,
    entry: EntryId,
    staff: StaffId,
    name: &str,
    role: &str,
    words: &str,
) -> Result<String, StoreError> {
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO responses (id, entry_id, staff_id, staff_name, staff_role, body, written_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(entry.to_string())
    .bind(staff.to_string())
    .bind(name)
    .bind(role)
    .bind(words)
    .bind(now_ms())
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn add_disagreement(
    conn: &mut AnyConnection,
    response: &str,
    member: MemberId,
    words: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO disagreements (id, response_id, member_id, body, written_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(response)
    .bind(member.to_string())
    .bind(words)
    .bind(now_ms())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The entry a response was made on, if the response exists.
pub async fn response_entry(
    conn: &mut AnyConnection,
    response: &str,
) -> Result<Option<EntryId>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT entry_id FROM responses WHERE id = $1")
        .bind(response)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|(id,)| parse_id(&id, EntryId::parse)).transpose()
}

/// Every read mark on a family's entries, oldest first.
pub async fn read_marks(
    conn: &mut AnyConnection,
    family: FamilyId,
) -> Result<Vec<ReadMark>, StoreError> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT r.entry_id, s.display_name, r.read_at FROM entry_reads r \
         JOIN entries e ON e.id = r.entry_id JOIN staff s ON s.id = r.staff_id \
         WHERE e.family_id = $1 ORDER BY r.read_at, r.id",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(entry, by, at)| {
            Ok(ReadMark {
                entry: parse_id(&entry, EntryId::parse)?,
                by,
                at,
            })
        })
        .collect()
}

/// Every response on a family's entries, oldest first, each with its disagreements.
pub async fn responses(
    conn: &mut AnyConnection,
    family: FamilyId,
) -> Result<Vec<Response>, StoreError> {
    let rows: Vec<(String, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT r.id, r.entry_id, r.staff_name, r.staff_role, r.body, r.written_at \
         FROM responses r JOIN entries e ON e.id = r.entry_id \
         WHERE e.family_id = $1 ORDER BY r.written_at, r.id",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let against: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT d.response_id, m.display_name, d.body, d.written_at FROM disagreements d \
         JOIN members m ON m.id = d.member_id JOIN responses r ON r.id = d.response_id \
         JOIN entries e ON e.id = r.entry_id WHERE e.family_id = $1 \
         ORDER BY d.written_at, d.id",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(id, entry, by, role, words, at)| {
            let disagreements = against
                .iter()
                .filter(|(response, ..)| *response == id)
                .map(|(_, by, words, at)| Disagreement {
                    by: by.clone(),
                    words: words.clone(),
                    at: *at,
                })
                .collect();
            Ok(Response {
                entry: parse_id(&entry, EntryId::parse)?,
                id,
                by,
                role,
                words,
                at,
                disagreements,
            })
        })
        .collect()
}
