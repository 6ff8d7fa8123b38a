//! The team manager's record of a group case supervision session, as kept: every
//! version, append-only. Functions over a connection inside the caller's audited
//! transaction; nothing here decides who may see what.

use super::{Conn, StoreError};
use crate::domain::ids::{FamilyId, MemberId, StaffId};
use crate::domain::meeting::Told;

/// One version of a family's record of a session.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VersionRow {
    pub version: i64,
    pub staff_name: String,
    pub written_at: i64,
    /// 1 when this version is finalised.
    pub r#final: i64,
    /// The RAG rating's code, if one was given.
    pub rating: Option<String>,
    pub reflection: String,
    pub child_views: String,
    pub parent_views: String,
    pub impact: String,
    pub plan: String,
    pub decisions: String,
    pub reasons: String,
    pub why_changed: Option<String>,
    /// What the family were told, in plain words, and a child's version.
    pub told_family: Option<String>,
    pub told_child: Option<String>,
}

/// How far a family's record of a session has gone: its newest version and whether any
/// version finalised it (both `None` when nothing is written yet).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RecordState {
    pub latest: Option<i64>,
    pub finalised: Option<i64>,
}

/// A standing session that discussed a family, with how far its record has gone.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkRow {
    /// The session's id.
    pub id: String,
    pub held_on: i64,
    /// How many versions of the record there are.
    pub versions: i64,
    /// 1 when any version is finalised; `None` when there is none.
    pub finalised: Option<i64>,
}

/// A version of a family's record of a session to add.
#[derive(Debug, Clone)]
pub struct NewVersion<'a> {
    pub session: &'a str,
    pub family: FamilyId,
    pub version: i64,
    pub staff: StaffId,
    pub staff_name: &'a str,
    /// In the order of `RECORD_SECTIONS`.
    pub sections: [&'a str; 7],
    /// The RAG rating's code, if one was given.
    pub rating: Option<&'a str>,
    pub finalised: bool,
    pub why_changed: Option<&'a str>,
    /// What the family are told, in plain words, and a child's version.
    pub told_family: Option<&'a str>,
    pub told_child: Option<&'a str>,
    /// Who is told, and in which words.
    pub readers: &'a [(MemberId, Told)],
    pub written_at: i64,
}

/// Reads the day of a standing session that discussed `family`, if there is one.
pub async fn held_on(
    conn: &mut Conn,
    family: FamilyId,
    session: &str,
) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT s.held_on FROM supervision_current s \
         JOIN supervision_families f ON f.session_id = s.id \
         WHERE s.id = $1 AND f.family_id = $2",
    )
    .bind(session)
    .bind(family.to_string())
    .fetch_optional(&mut *conn)
    .await?
    .map(|(at,): (i64,)| at))
}

/// Reads every version of a family's record of a session, newest first.
pub async fn versions(
    conn: &mut Conn,
    family: FamilyId,
    session: &str,
) -> Result<Vec<VersionRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT version, staff_name, written_at, final, rating, reflection, child_views, \
         parent_views, impact, plan, decisions, reasons, why_changed, told_family, told_child \
         FROM supervision_records \
         WHERE family_id = $1 AND session_id = $2 ORDER BY version DESC",
    )
    .bind(family.to_string())
    .bind(session)
    .fetch_all(&mut *conn)
    .await?)
}

/// Reads how far a family's record of a session has gone.
pub async fn state(
    conn: &mut Conn,
    session: &str,
    family: FamilyId,
) -> Result<RecordState, StoreError> {
    Ok(sqlx::query_as(
        "SELECT MAX(version) AS latest, MAX(final) AS finalised FROM supervision_records \
         WHERE session_id = $1 AND family_id = $2",
    )
    .bind(session)
    .bind(family.to_string())
    .fetch_one(&mut *conn)
    .await?)
}

/// Writes a new version of a family's record of a session.
pub async fn add_version(conn: &mut Conn, new: &NewVersion<'_>) -> Result<(), StoreError> {
    let [
        reflection,
        child_views,
        parent_views,
        impact,
        plan,
        decisions,
        reasons,
    ] = new.sections;
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO supervision_records (id, session_id, family_id, version, staff_id, \
         staff_name, reflection, child_views, parent_views, impact, plan, decisions, reasons, \
         rating, final, why_changed, written_at, told_family, told_child) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         $18, $19)",
    )
    .bind(&id)
    .bind(new.session)
    .bind(new.family.to_string())
    .bind(new.version)
    .bind(new.staff.to_string())
    .bind(new.staff_name)
    .bind(reflection)
    .bind(child_views)
    .bind(parent_views)
    .bind(impact)
    .bind(plan)
    .bind(decisions)
    .bind(reasons)
    .bind(new.rating)
    .bind(i64::from(new.finalised))
    .bind(new.why_changed)
    .bind(new.written_at)
    .bind(new.told_family)
    .bind(new.told_child)
    .execute(&mut *conn)
    .await?;
    for (member, told) in new.readers {
        sqlx::query("INSERT INTO record_readers (record_id, member_id, words) VALUES ($1, $2, $3)")
            .bind(&id)
            .bind(member.to_string())
            .bind(told.code())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// What one member was told about a session, from the newest version of its record.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ToldRow {
    /// The version's own id, which read receipts name.
    pub record_id: String,
    pub session_id: String,
    pub held_on: i64,
    pub version: i64,
    /// `family` or `child`.
    pub words: String,
    pub told_family: Option<String>,
    pub told_child: Option<String>,
    /// When the member first read this version, if they have.
    pub first_read_at: Option<i64>,
}

/// The newest version of each finalised record of a standing session about `family` that
/// tells `member` anything, newest session first. One row per session: the newest version
/// alone decides who is told.
pub async fn told_to(
    conn: &mut Conn,
    family: FamilyId,
    member: MemberId,
) -> Result<Vec<ToldRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.id AS record_id, r.session_id, s.held_on, r.version, t.words, r.told_family, \
         r.told_child, rd.first_read_at FROM supervision_records r \
         JOIN supervision_current s ON s.id = r.session_id \
         JOIN record_readers t ON t.record_id = r.id AND t.member_id = $2 \
         LEFT JOIN record_reads rd ON rd.record_id = r.id AND rd.member_id = $2 \
         WHERE r.family_id = $1 AND r.final = 1 AND r.version = (SELECT MAX(x.version) \
         FROM supervision_records x WHERE x.session_id = r.session_id AND x.family_id = r.family_id) \
         ORDER BY s.held_on DESC, r.session_id",
    )
    .bind(family.to_string())
    .bind(member.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

/// One member the newest version of a record tells.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Reader {
    pub member_id: String,
    /// `family` or `child`: which of the version's words they are given.
    pub words: String,
    /// When they first read that version; `None` until they do.
    pub first_read_at: Option<i64>,
}

/// Who the newest version of a family's record of a session tells, and when each first
/// read it.
pub async fn readers(
    conn: &mut Conn,
    family: FamilyId,
    session: &str,
) -> Result<Vec<Reader>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT t.member_id, t.words, rd.first_read_at FROM supervision_records r \
         JOIN record_readers t ON t.record_id = r.id \
         LEFT JOIN record_reads rd ON rd.record_id = r.id AND rd.member_id = t.member_id \
         WHERE r.family_id = $1 AND r.session_id = $2 AND r.version = (SELECT MAX(x.version) \
         FROM supervision_records x WHERE x.session_id = $2 AND x.family_id = $1)",
    )
    .bind(family.to_string())
    .bind(session)
    .fetch_all(&mut *conn)
    .await?)
}

/// Notes the first time `member` read a version's plain words; a later read changes nothing.
pub async fn mark_read(
    conn: &mut Conn,
    record: &str,
    member: MemberId,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO record_reads (record_id, member_id, first_read_at) VALUES ($1, $2, $3) \
         ON CONFLICT (record_id, member_id) DO NOTHING",
    )
    .bind(record)
    .bind(member.to_string())
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Reads a family's standing sessions, newest first, with how far each record has gone.
pub async fn links(conn: &mut Conn, family: FamilyId) -> Result<Vec<LinkRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT s.id, s.held_on, COUNT(r.id) AS versions, MAX(r.final) AS finalised \
         FROM supervision_current s \
         JOIN supervision_families f ON f.session_id = s.id \
         LEFT JOIN supervision_records r ON r.session_id = s.id AND r.family_id = f.family_id \
         WHERE f.family_id = $1 GROUP BY s.id, s.held_on ORDER BY s.held_on DESC, s.id",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

/// Counts the versions of records written for a session, for every family it discussed.
pub async fn count_for_session(conn: &mut Conn, session: &str) -> Result<i64, StoreError> {
    let (records,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM supervision_records WHERE session_id = $1")
            .bind(session)
            .fetch_one(&mut *conn)
            .await?;
    Ok(records)
}
