//! Family entries and their versions. Nothing here ever updates or deletes a version:
//! a change is a new version, and the database refuses anything else (see migrations).
//! Every write takes who made it and answers the audit rows that say what it did, for
//! the caller's audited transaction to append as it commits: nothing here commits alone.

use super::audit::{AuditRecord, Outcome, Who};
use super::drafts::DraftKey;
use super::{Audited, Conn, StoreError, parse_id};
use crate::domain::entries::{EntryBody, EntryKind};
use crate::domain::ids::{EntryId, FamilyId, MemberId, SubmissionId};
use crate::domain::language::Lang;

pub struct NewEntry<'a> {
    pub family: FamilyId,
    pub author: MemberId,
    pub submission: SubmissionId,
    /// The content, in the writer's own words; its kind goes with it.
    pub body: &'a EntryBody,
    /// Who wrote it, for the audit trail.
    pub by: Who,
    /// The handover of a practitioner's device it was made in, if any: while the device
    /// is handed over, the child sees only what was made in that handover.
    pub supported: Option<&'a str>,
    /// Shared with the family's workers from the moment it is kept, as the writer chose.
    pub share_with_workers: bool,
    /// The draft it was written from, removed as it is kept.
    pub draft: Option<DraftKey>,
    /// The language of the pages it was written on.
    pub language: Option<Lang>,
}

/// How a submission is kept: with its author, so a repeat is recognised only from the
/// member who first sent it, and another member's id finds nothing of theirs.
pub fn submission_key(author: MemberId, submission: SubmissionId) -> String {
    format!("{author}/{submission}")
}

/// One version of an entry exactly as kept, for the history and for checking it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EntryVersion {
    pub version: i64,
    pub body: String,
    pub written_at: i64,
}

/// A body as it is kept.
fn encode(body: &EntryBody) -> Result<String, StoreError> {
    body.encode().map_err(|e| {
        StoreError::Corrupt(format!(
            "a {} body that would not encode: {e}",
            body.kind().code()
        ))
    })
}

/// Reads a kept body, naming the entry and version if it does not read. The error is
/// logged once, where the caller turns it into its answer.
pub(super) fn decode(
    entry: &str,
    version: i64,
    kind: &str,
    body: &str,
) -> Result<EntryBody, StoreError> {
    EntryBody::decode(kind, body)
        .map_err(|e| StoreError::Corrupt(format!("entry {entry} version {version}: {e}")))
}

/// Keeps a new entry, inside the caller's audited transaction: the entry with its first
/// version, its share with the workers if the writer chose so, and the removal of the
/// draft it was written from, with a row for each. All of it is kept, or none of it.
/// A repeat of the same submission by the same author answers the entry the first one
/// made and changes nothing.
pub async fn create_entry(
    conn: &mut Conn,
    entry: NewEntry<'_>,
    at: i64,
) -> Result<Audited<EntryId>, StoreError> {
    let key = submission_key(entry.author, entry.submission);
    let existing: Option<(String,)> =
        sqlx::query_as("SELECT id FROM entries WHERE submission_id = $1")
            .bind(&key)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some((id,)) = existing {
        let id = parse_id(&id, EntryId::parse)?;
        return Ok(Audited::one(
            id,
            AuditRecord::new(
                &entry.by,
                "write_entry",
                Some(entry.family),
                Some(id.to_string()),
                Outcome::Allowed,
                "a repeat of a submission already kept",
            ),
        ));
    }
    let id = EntryId::new();
    let kind = entry.body.kind().code();
    let body = encode(entry.body)?;
    sqlx::query(
        "INSERT INTO entries (id, family_id, author_member_id, kind, submission_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.to_string())
    .bind(entry.family.to_string())
    .bind(entry.author.to_string())
    .bind(kind)
    .bind(&key)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    if let Some(supported) = entry.supported {
        sqlx::query("INSERT INTO supported_entries (entry_id, supported_id) VALUES ($1, $2)")
            .bind(id.to_string())
            .bind(supported)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query(
        "INSERT INTO entry_versions (entry_id, version, body, written_at, language) \
         VALUES ($1, 1, $2, $3, $4)",
    )
    .bind(id.to_string())
    .bind(&body)
    .bind(at)
    .bind(entry.language.map(|l| l.code().to_owned()))
    .execute(&mut *conn)
    .await?;
    let mut done = Audited::one(
        id,
        AuditRecord::new(
            &entry.by,
            "write_entry",
            Some(entry.family),
            Some(id.to_string()),
            Outcome::Allowed,
            kind,
        ),
    );
    if entry.share_with_workers {
        let shared = super::identity::share(conn, id, None, at, &entry.by).await?;
        done.records.extend(shared.records);
    }
    if let Some(draft) = &entry.draft {
        let removed =
            super::drafts::remove_draft(conn, draft, &entry.by, "saved as an entry").await?;
        done.records.extend(removed.records);
    }
    Ok(done)
}

/// Adds a new version, and removes the draft it was written from, inside the caller's
/// audited transaction. `after` is the version the writer was looking at: if someone
/// else has written since, nothing is written (the draft stays) and `None` comes back,
/// so no change is lost by being written over. `language` is that of the pages the new
/// version was written on.
#[expect(
    clippy::too_many_arguments,
    reason = "the new version's columns and the audit's who, each named at the call"
)]
pub async fn revise_entry(
    conn: &mut Conn,
    entry: EntryId,
    after: i64,
    body: &EntryBody,
    language: Option<Lang>,
    by: &Who,
    draft: Option<&DraftKey>,
    at: i64,
) -> Result<Audited<Option<i64>>, StoreError> {
    let body = encode(body)?;
    let (latest,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(version) FROM entry_versions WHERE entry_id = $1")
            .bind(entry.to_string())
            .fetch_one(&mut *conn)
            .await?;
    if latest != Some(after) {
        return Ok(Audited::one(
            None,
            AuditRecord::new(
                by,
                "revise_entry",
                None,
                Some(entry.to_string()),
                Outcome::Failed,
                "someone else had written a newer version; nothing was written over",
            ),
        ));
    }
    let next = after + 1;
    // The primary key (entry_id, version) also refuses a second writer racing for `next`.
    sqlx::query(
        "INSERT INTO entry_versions (entry_id, version, body, written_at, language) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(entry.to_string())
    .bind(next)
    .bind(&body)
    .bind(at)
    .bind(language.map(|l| l.code().to_owned()))
    .execute(&mut *conn)
    .await?;
    // A new version of something shared with the workers is new input for them.
    super::case_system::queue_webhooks(conn, entry, at).await?;
    let mut done = Audited::one(
        Some(next),
        AuditRecord::new(
            by,
            "revise_entry",
            None,
            Some(entry.to_string()),
            Outcome::Allowed,
            format!("version {next}"),
        ),
    );
    if let Some(draft) = draft {
        let removed = super::drafts::remove_draft(conn, draft, by, "saved as an entry").await?;
        done.records.extend(removed.records);
    }
    Ok(done)
}

/// Every version of an entry, oldest first, exactly as kept.
pub async fn entry_history(
    conn: &mut Conn,
    entry: EntryId,
) -> Result<Vec<EntryVersion>, StoreError> {
    Ok(sqlx::query_as::<_, EntryVersion>(
        "SELECT version, body, written_at FROM entry_versions WHERE entry_id = $1 \
         ORDER BY version",
    )
    .bind(entry.to_string())
    .fetch_all(conn)
    .await?)
}

/// A practitioner's suggestion of the change-talk kind of an entry, as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindSuggestion {
    pub entry: EntryId,
    /// The kind's code, such as `commitment`.
    pub kind: String,
    pub by: String,
    pub at: i64,
}

/// Adds a suggestion beside an entry, inside the caller's audited transaction. The
/// entry itself is not touched.
pub async fn add_kind_suggestion(
    conn: &mut super::Conn,
    entry: EntryId,
    kind: &str,
    staff: crate::domain::ids::StaffId,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO kind_suggestions (id, entry_id, kind, staff_id, suggested_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(entry.to_string())
    .bind(kind)
    .bind(staff.to_string())
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Every suggestion made on a family's entries, oldest first, with who made it.
pub async fn kind_suggestions(
    conn: &mut super::Conn,
    family: FamilyId,
) -> Result<Vec<KindSuggestion>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        entry_id: String,
        kind: String,
        display_name: String,
        suggested_at: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT k.entry_id, k.kind, s.display_name, k.suggested_at FROM kind_suggestions k \
         JOIN entries e ON e.id = k.entry_id JOIN staff s ON s.id = k.staff_id \
         WHERE e.family_id = $1 ORDER BY k.suggested_at, k.id",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(KindSuggestion {
                entry: parse_id(&row.entry_id, EntryId::parse)?,
                kind: row.kind,
                by: row.display_name,
                at: row.suggested_at,
            })
        })
        .collect()
}

/// An entry once shared with a family's workers and withdrawn since, with when it was
/// last withdrawn.
#[derive(Debug, Clone)]
pub struct Withdrawn {
    pub entry: EntryId,
    pub author: MemberId,
    pub kind: EntryKind,
    pub withdrawn_at: i64,
}

/// Every entry of the family withdrawn from its workers, earliest withdrawal first. An
/// entry shared again since still counts: the caller leaves out what it can see.
pub async fn withdrawn_from_workers(
    conn: &mut super::Conn,
    family: FamilyId,
) -> Result<Vec<Withdrawn>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: String,
        author_member_id: String,
        kind: String,
        withdrawn_at: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT e.id, e.author_member_id, e.kind, MAX(s.withdrawn_at) AS withdrawn_at \
         FROM entries e JOIN entry_shares s ON s.entry_id = e.id \
         WHERE e.family_id = $1 AND s.audience = 'workers' AND s.withdrawn_at IS NOT NULL \
         GROUP BY e.id, e.author_member_id, e.kind ORDER BY MAX(s.withdrawn_at)",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(Withdrawn {
                entry: parse_id(&row.id, EntryId::parse)?,
                author: parse_id(&row.author_member_id, MemberId::parse)?,
                kind: EntryKind::from_code(&row.kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("entry kind {:?}", row.kind)))?,
                withdrawn_at: row.withdrawn_at,
            })
        })
        .collect()
}

/// When each of the family's entries was last shared with its workers (a share still in
/// force), by entry id.
pub async fn shared_with_workers_at(
    conn: &mut super::Conn,
    family: FamilyId,
) -> Result<std::collections::HashMap<String, i64>, StoreError> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT s.entry_id, MAX(s.shared_at) FROM entry_shares s \
         JOIN entries e ON e.id = s.entry_id \
         WHERE e.family_id = $1 AND s.audience = 'workers' AND s.withdrawn_at IS NULL \
         GROUP BY s.entry_id",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().collect())
}
