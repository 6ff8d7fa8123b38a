//! Module 8, "Comments and views": practitioners' marks and responses on what a family
//! shared, and family members' disagreements with those responses.
//!
//! Every row here is added inside the caller's audited transaction, and never changed or
//! removed (the database refuses it). Whoever calls these has already asked the policy.

use super::{StoreError, parse_id};
use crate::domain::ids::{EntryId, FamilyId, MemberId, StaffId};
use sqlx::AnyConnection;

/// A practitioner's mark that they have read an entry.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReadMark {
    #[sqlx(rename = "entry_id")]
    pub entry: EntryId,
    #[sqlx(rename = "display_name")]
    pub by: String,
    #[sqlx(rename = "read_at")]
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
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO entry_reads (id, entry_id, staff_id, read_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(entry.to_string())
    .bind(staff.to_string())
    .bind(at)
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
    at: i64,
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
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn add_disagreement(
    conn: &mut AnyConnection,
    response: &str,
    member: MemberId,
    words: &str,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO disagreements (id, response_id, member_id, body, written_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(response)
    .bind(member.to_string())
    .bind(words)
    .bind(at)
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
    Ok(sqlx::query_as(
        "SELECT r.entry_id, s.display_name, r.read_at FROM entry_reads r \
         JOIN entries e ON e.id = r.entry_id JOIN staff s ON s.id = r.staff_id \
         WHERE e.family_id = $1 ORDER BY r.read_at, r.id",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

/// Every response on a family's entries, oldest first, each with its disagreements.
pub async fn responses(
    conn: &mut AnyConnection,
    family: FamilyId,
) -> Result<Vec<Response>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct ResponseRow {
        id: String,
        entry_id: EntryId,
        staff_name: String,
        staff_role: String,
        body: String,
        written_at: i64,
    }
    #[derive(sqlx::FromRow)]
    struct DisagreementRow {
        response_id: String,
        display_name: String,
        body: String,
        written_at: i64,
    }
    let rows: Vec<ResponseRow> = sqlx::query_as(
        "SELECT r.id, r.entry_id, r.staff_name, r.staff_role, r.body, r.written_at \
         FROM responses r JOIN entries e ON e.id = r.entry_id \
         WHERE e.family_id = $1 ORDER BY r.written_at, r.id",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let against: Vec<DisagreementRow> = sqlx::query_as(
        "SELECT d.response_id, m.display_name, d.body, d.written_at FROM disagreements d \
         JOIN members m ON m.id = d.member_id JOIN responses r ON r.id = d.response_id \
         JOIN entries e ON e.id = r.entry_id WHERE e.family_id = $1 \
         ORDER BY d.written_at, d.id",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let disagreements = against
                .iter()
                .filter(|d| d.response_id == row.id)
                .map(|d| Disagreement {
                    by: d.display_name.clone(),
                    words: d.body.clone(),
                    at: d.written_at,
                })
                .collect();
            Response {
                entry: row.entry_id,
                id: row.id,
                by: row.staff_name,
                role: row.staff_role,
                words: row.body,
                at: row.written_at,
                disagreements,
            }
        })
        .collect())
}

/// What narrows the list of a family's entries shared with its workers, for Module 8.
/// Every part is done by the database with its indexes (`entries_by_family`, and those of
/// migration 0014), so a family with years of entries is never loaded whole to show a
/// few. What is shared is a fact the caller still checks against the policy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedFilter {
    /// Written, or shared with the workers, after this time.
    pub since: Option<i64>,
    pub author: Option<MemberId>,
    pub kind: Option<crate::domain::entries::EntryKind>,
    /// Not marked read by this member of staff (`entry_reads`, never the audit trail).
    pub unread_by: Option<StaffId>,
    /// Written, shared with the workers, given a new version, responded to, disagreed
    /// with, given a suggested kind or marked read after this time: what a case system
    /// asks for since it last asked.
    pub changed_since: Option<i64>,
}

/// A value for one numbered placeholder of a query built from a `SharedFilter`.
enum Bind {
    Text(String),
    Int(i64),
}

/// The conditions for a family's entries shared with its workers that `filter` keeps,
/// on an `entries e`, with placeholders numbered from 1 in the order they appear (as
/// SQLite numbers them). A safety alert goes to the workers by its own way and is never
/// part of Module 8.
fn shared_where(family: FamilyId, filter: &SharedFilter) -> (String, Vec<Bind>) {
    let mut binds = vec![Bind::Text(family.to_string())];
    let mut sql = "e.family_id = $1 AND e.kind <> 'safety_alert' \
         AND EXISTS (SELECT 1 FROM entry_shares w WHERE w.entry_id = e.id \
         AND w.audience = 'workers' AND w.withdrawn_at IS NULL)"
        .to_owned();
    if let Some(since) = filter.since {
        let written = placeholder(&mut binds, Bind::Int(since));
        let shared = placeholder(&mut binds, Bind::Int(since));
        sql.push_str(&format!(
            " AND (e.created_at > {written} OR EXISTS (SELECT 1 FROM entry_shares n \
             WHERE n.entry_id = e.id AND n.audience = 'workers' AND n.withdrawn_at IS NULL \
             AND n.shared_at > {shared}))"
        ));
    }
    if let Some(since) = filter.changed_since {
        // Written, shared, or given a new version; or worked on since: a response, a
        // member's "I disagree", a suggested kind, a read mark.
        let mut any = Vec::new();
        for check in [
            "e.created_at > {t}",
            "EXISTS (SELECT 1 FROM entry_shares n WHERE n.entry_id = e.id \
             AND n.audience = 'workers' AND n.withdrawn_at IS NULL AND n.shared_at > {t})",
            "EXISTS (SELECT 1 FROM entry_versions c WHERE c.entry_id = e.id AND c.written_at > {t})",
            "EXISTS (SELECT 1 FROM responses r WHERE r.entry_id = e.id AND r.written_at > {t})",
            "EXISTS (SELECT 1 FROM responses r JOIN disagreements d ON d.response_id = r.id \
             WHERE r.entry_id = e.id AND d.written_at > {t})",
            "EXISTS (SELECT 1 FROM kind_suggestions k WHERE k.entry_id = e.id AND k.suggested_at > {t})",
            "EXISTS (SELECT 1 FROM entry_reads m WHERE m.entry_id = e.id AND m.read_at > {t})",
        ] {
            let t = placeholder(&mut binds, Bind::Int(since));
            any.push(check.replace("{t}", &t));
        }
        sql.push_str(&format!(" AND ({})", any.join(" OR ")));
    }
    if let Some(author) = filter.author {
        let author = placeholder(&mut binds, Bind::Text(author.to_string()));
        sql.push_str(&format!(" AND e.author_member_id = {author}"));
    }
    if let Some(kind) = &filter.kind {
        let kind = placeholder(&mut binds, Bind::Text(kind.code().to_owned()));
        sql.push_str(&format!(" AND e.kind = {kind}"));
    }
    if let Some(staff) = filter.unread_by {
        let staff = placeholder(&mut binds, Bind::Text(staff.to_string()));
        sql.push_str(&format!(
            " AND NOT EXISTS (SELECT 1 FROM entry_reads r WHERE r.entry_id = e.id \
             AND r.staff_id = {staff})"
        ));
    }
    (sql, binds)
}

/// Adds a value and answers its placeholder.
fn placeholder(binds: &mut Vec<Bind>, bind: Bind) -> String {
    binds.push(bind);
    format!("${}", binds.len())
}

/// Binds a `shared_where`'s values to a query, in order.
macro_rules! bind_all {
    ($query:expr, $binds:expr) => {{
        let mut query = $query;
        for bind in $binds {
            query = match bind {
                Bind::Text(text) => query.bind(text.clone()),
                Bind::Int(number) => query.bind(*number),
            };
        }
        query
    }};
}

/// The family's entries shared with its workers that `filter` keeps, oldest first, each
/// with its sharing and latest version.
pub async fn shared_entries(
    conn: &mut AnyConnection,
    family: FamilyId,
    filter: &SharedFilter,
) -> Result<Vec<super::identity::EntryWithFacts>, StoreError> {
    let (conditions, binds) = shared_where(family, filter);
    let rows: Vec<super::identity::EntryRow> = bind_all!(
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT e.id, e.author_member_id, e.kind, e.created_at, v.version, v.body, v.language \
             FROM entries e JOIN entry_versions v ON v.entry_id = e.id \
             WHERE v.version = (SELECT MAX(version) FROM entry_versions WHERE entry_id = e.id) \
             AND {conditions} ORDER BY e.created_at, e.id"
        ))),
        &binds
    )
    .fetch_all(&mut *conn)
    .await?;
    let shares: Vec<super::identity::ShareRow> = bind_all!(
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT s.entry_id, s.audience, s.member_id FROM entry_shares s \
             JOIN entries e ON e.id = s.entry_id WHERE s.withdrawn_at IS NULL AND {conditions}"
        ))),
        &binds
    )
    .fetch_all(&mut *conn)
    .await?;
    super::identity::with_facts(family, rows, shares)
}

/// How many of the family's entries are shared with its workers, whatever the filter.
pub async fn shared_count(conn: &mut AnyConnection, family: FamilyId) -> Result<u64, StoreError> {
    let (conditions, binds) = shared_where(family, &SharedFilter::default());
    let (count,): (i64,) = bind_all!(
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM entries e WHERE {conditions}"
        ))),
        &binds
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(u64::try_from(count).unwrap_or_default())
}

/// One version of an entry shared with the workers, decoded.
#[derive(Debug, Clone)]
pub struct SharedVersion {
    pub entry: String,
    pub version: i64,
    pub body: crate::domain::entries::EntryBody,
    pub written_at: i64,
    /// The language of the pages this version was written on, if it was kept.
    pub written_in: Option<crate::domain::language::Lang>,
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    entry_id: String,
    kind: String,
    version: i64,
    body: String,
    written_at: i64,
    language: Option<String>,
}

/// Every version of the entries `filter` keeps, in order of entry and version.
pub async fn shared_versions(
    conn: &mut AnyConnection,
    family: FamilyId,
    filter: &SharedFilter,
) -> Result<Vec<SharedVersion>, StoreError> {
    let (conditions, binds) = shared_where(family, filter);
    let rows: Vec<VersionRow> = bind_all!(
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT v.entry_id, e.kind, v.version, v.body, v.written_at, v.language \
             FROM entry_versions v \
             JOIN entries e ON e.id = v.entry_id WHERE {conditions} \
             ORDER BY v.entry_id, v.version"
        ))),
        &binds
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(SharedVersion {
                body: super::entries::decode(&row.entry_id, row.version, &row.kind, &row.body)?,
                entry: row.entry_id,
                version: row.version,
                written_at: row.written_at,
                written_in: row
                    .language
                    .as_deref()
                    .and_then(crate::domain::language::Lang::parse),
            })
        })
        .collect()
}
