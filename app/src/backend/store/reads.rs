//! Who has read each entry, kept beside the audit trail for its author's "Who has seen
//! what I wrote" page, so that page is one indexed read and never a scan of the trail.
//!
//! Written by the audit trail's own writer, in the same transaction as the row of each
//! read it records, so the two can never disagree and no read path can forget it.

use super::{AuditRecord, Outcome, Store, StoreError};
use crate::domain::entries::EntryBody;
use crate::domain::ids::MemberId;
use sqlx::AnyConnection;

/// The audit actions that show a member's entries to someone.
const READS: [&str; 12] = [
    "read_entry",
    "read_entries",
    "read_family",
    "read_goal",
    "read_module8",
    "export_module8",
    "read_pack",
    "mark_read",
    "read_child_space",
    // A practitioner's copy of everything held about a member, made for them in person.
    "export_member_data",
    // A case system's reads through the integration API.
    "api_module8",
    "api_changes",
];

/// The reads that open one entry on its own, rather than show it in a list.
const OPENS: [&str; 3] = ["read_entry", "read_goal", "mark_read"];

/// One reader of one entry, as its author's page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRead {
    pub entry_id: String,
    /// The entry's latest words, as its author's space shows them.
    pub body: EntryBody,
    pub reader_account_id: String,
    pub reader_name: String,
    pub reader_role: String,
    pub first_at: i64,
    pub last_at: i64,
    pub times: i64,
}

/// `EntryRead` as selected, before its body is decoded.
#[derive(sqlx::FromRow)]
struct EntryReadRow {
    entry_id: String,
    kind: String,
    version: i64,
    body: String,
    reader_account_id: String,
    reader_name: String,
    reader_role: String,
    first_at: i64,
    last_at: i64,
    times: i64,
}

/// Notes the entries an allowed read covered (named in its subject and its detail, as
/// ids separated by commas) against the reader's account. Anything that is not an entry
/// id matches no entry and is ignored, and so are a member's reads of their own words.
pub(super) async fn note(
    conn: &mut AnyConnection,
    record: &AuditRecord,
    at: i64,
) -> Result<(), StoreError> {
    let Some(reader) = record.actor_account else {
        return Ok(());
    };
    if record.outcome != Outcome::Allowed || !READS.contains(&record.action) {
        return Ok(());
    }
    let opened = OPENS.contains(&record.action).then_some(at);
    let mut ids: Vec<&str> = record
        .detail
        .split(',')
        .chain(record.subject.as_deref())
        .map(str::trim)
        .filter(|id| uuid::Uuid::parse_str(id).is_ok())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    // In chunks, well inside both databases' limits on bound values.
    for chunk in ids.chunks(500) {
        let placeholders = super::placeholders(6, chunk.len());
        let sql = format!(
            "INSERT INTO entry_readers (entry_id, author_member_id, reader_account_id, \
             reader_name, reader_role, first_at, last_at, times, opened_at) \
             SELECT id, author_member_id, $1, $2, $3, $4, $4, 1, $5 FROM entries \
             WHERE id IN ({placeholders}) \
             AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = $1 \
             AND a.member_id = entries.author_member_id) \
             ON CONFLICT (entry_id, reader_account_id) DO UPDATE SET \
             last_at = excluded.last_at, times = entry_readers.times + 1, \
             reader_name = excluded.reader_name, reader_role = excluded.reader_role, \
             opened_at = COALESCE(excluded.opened_at, entry_readers.opened_at)"
        );
        // Only numbered placeholders are added to the text; every value is bound.
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(reader.to_string())
            .bind(&record.actor_name)
            .bind(&record.actor_role)
            .bind(at)
            .bind(opened);
        for id in chunk {
            query = query.bind(*id);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// A read as the audit trail recorded it, for filling `entry_readers` once.
#[derive(sqlx::FromRow)]
struct PastRead {
    at: i64,
    actor_account_id: Option<String>,
    actor_name: String,
    actor_role: String,
    action: String,
    subject: Option<String>,
    detail: String,
}

/// When staff last opened each entry of `family` they opened at all: the receipts a
/// family member sees as "read by your worker". Staff are known by their account, never
/// by the words of a role's title, which are for people and may be reworded.
pub async fn staff_opened(
    conn: &mut AnyConnection,
    family: crate::domain::ids::FamilyId,
) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.entry_id, MAX(r.opened_at) FROM entry_readers r \
         JOIN entries e ON e.id = r.entry_id \
         JOIN accounts a ON a.id = r.reader_account_id AND a.staff_id IS NOT NULL \
         WHERE e.family_id = $1 AND r.opened_at IS NOT NULL \
         GROUP BY r.entry_id",
    )
    .bind(family.to_string())
    .fetch_all(conn)
    .await?)
}

/// When `reader` first read each of the given entries, if they have.
pub async fn first_reads_by(
    conn: &mut AnyConnection,
    reader: crate::domain::ids::AccountId,
    family: crate::domain::ids::FamilyId,
) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.entry_id, r.first_at FROM entry_readers r JOIN entries e ON e.id = r.entry_id \
         WHERE r.reader_account_id = $1 AND e.family_id = $2",
    )
    .bind(reader.to_string())
    .bind(family.to_string())
    .fetch_all(conn)
    .await?)
}

impl Store {
    /// Copies the reads the audit trail recorded before `entry_readers` was kept, once: in
    /// order, exactly as they would have been noted as they happened. Several servers
    /// starting together fill it once between them, as the marker row is written in the
    /// same transaction.
    pub(super) async fn fill_entry_readers(&self) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let claimed = sqlx::query(
            "INSERT INTO entry_readers_filled (id, filled_at) VALUES (1, $1) ON CONFLICT (id) DO NOTHING",
        )
        .bind(self.now())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed == 0 {
            return Ok(());
        }
        let placeholders = (0..READS.len())
            .map(|i| format!("${}", i + 1))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT at, actor_account_id, actor_name, actor_role, action, subject, detail \
             FROM audit_events WHERE outcome = 'allowed' AND actor_account_id IS NOT NULL \
             AND action IN ({placeholders}) ORDER BY seq"
        );
        // Only numbered placeholders are added to the text; every value is bound.
        let mut query = sqlx::query_as::<_, PastRead>(sqlx::AssertSqlSafe(sql));
        for action in READS {
            query = query.bind(action);
        }
        let past = query.fetch_all(&mut *tx).await?;
        for read in past {
            let Some(action) = READS.iter().find(|a| **a == read.action) else {
                continue;
            };
            let record = AuditRecord {
                actor_account: read
                    .actor_account_id
                    .as_deref()
                    .and_then(|a| crate::domain::ids::AccountId::parse(a).ok()),
                actor_name: read.actor_name,
                actor_role: read.actor_role,
                action,
                family: None,
                subject: read.subject,
                outcome: Outcome::Allowed,
                detail: read.detail,
            };
            note(&mut tx, &record, read.at).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Everyone who has read what `author` wrote, one row per entry and reader, with the
/// entry's latest words, most recently read first.
pub async fn reads_of(
    conn: &mut AnyConnection,
    author: MemberId,
) -> Result<Vec<EntryRead>, StoreError> {
    let rows = sqlx::query_as::<_, EntryReadRow>(
        "SELECT r.entry_id, e.kind, v.version, v.body, r.reader_account_id, r.reader_name, \
         r.reader_role, r.first_at, r.last_at, r.times \
         FROM entry_readers r JOIN entries e ON e.id = r.entry_id \
         JOIN entry_versions v ON v.entry_id = e.id \
         AND v.version = (SELECT MAX(version) FROM entry_versions WHERE entry_id = e.id) \
         WHERE r.author_member_id = $1 ORDER BY r.last_at DESC, r.entry_id",
    )
    .bind(author.to_string())
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(EntryRead {
                body: super::entries::decode(&row.entry_id, row.version, &row.kind, &row.body)?,
                entry_id: row.entry_id,
                reader_account_id: row.reader_account_id,
                reader_name: row.reader_name,
                reader_role: row.reader_role,
                first_at: row.first_at,
                last_at: row.last_at,
                times: row.times,
            })
        })
        .collect()
}
