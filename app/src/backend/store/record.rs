//! The team manager's record of a group case supervision session, as kept: every
//! version, append-only. Functions over a connection inside the caller's audited
//! transaction; nothing here decides who may see what.

use super::{Conn, StoreError};
use crate::domain::ids::{FamilyId, StaffId};

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
         parent_views, impact, plan, decisions, reasons, why_changed FROM supervision_records \
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
    sqlx::query(
        "INSERT INTO supervision_records (id, session_id, family_id, version, staff_id, \
         staff_name, reflection, child_views, parent_views, impact, plan, decisions, reasons, \
         rating, final, why_changed, written_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
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
