//! Group case supervision as kept: sessions and their changes, who attends, which
//! families are discussed, and practitioners' progress summaries. Functions over a
//! connection inside the caller's audited transaction; nothing here decides who may see
//! what.

use super::{Conn, StoreError};
use crate::domain::ids::{FamilyId, StaffId, TeamId};

/// A family of a team, as a booker chooses it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TeamFamily {
    pub id: String,
    pub display_name: String,
    pub reference: String,
}

/// A member of staff of a team, as a booker chooses them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TeamStaff {
    pub id: String,
    pub display_name: String,
    /// The role's code.
    pub role: String,
}

/// A session as booked: the day it was booked for, who booked it (by name) and when.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Booked {
    pub held_on: i64,
    pub display_name: String,
    pub booked_at: i64,
}

/// A team's session as booked, with its id.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TeamBooked {
    pub id: String,
    #[sqlx(flatten)]
    pub booked: Booked,
}

/// One change to a session: a move (with the day it moved to) or a cancellation.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ChangeRow {
    pub seq: i64,
    /// `moved` or `cancelled`.
    pub change: String,
    /// The day it moved to; `None` for a cancellation.
    pub held_on: Option<i64>,
    pub reason: String,
    pub changed_by_name: String,
    pub changed_at: i64,
}

/// A change with the session it was made to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TeamChangeRow {
    pub session_id: String,
    #[sqlx(flatten)]
    pub change: ChangeRow,
}

/// A session that still stands (not cancelled) and the day it is set for now.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CurrentRow {
    pub id: String,
    pub held_on: i64,
}

/// One version of one practitioner's progress summary.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SummaryRow {
    pub staff_id: String,
    pub staff_name: String,
    /// The discipline's code.
    pub discipline: String,
    pub version: i64,
    pub body: String,
    /// 1 when this version finalised the summary.
    pub r#final: i64,
    pub written_at: i64,
}

/// How far one practitioner's summary has gone: its newest version and whether any
/// version finalised it (both `None` when there is none).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SummaryState {
    pub latest: Option<i64>,
    pub finalised: Option<i64>,
}

/// A change to add to a session, after its `seq` earlier ones.
#[derive(Debug, Clone)]
pub struct NewChange<'a> {
    pub session: &'a str,
    pub seq: i64,
    /// `moved` or `cancelled`.
    pub change: &'a str,
    pub held_on: Option<i64>,
    pub reason: &'a str,
    pub changed_by: StaffId,
    pub changed_by_name: &'a str,
    pub changed_at: i64,
}

/// A version of a practitioner's progress summary to add.
#[derive(Debug, Clone)]
pub struct NewSummary<'a> {
    pub session: &'a str,
    pub family: FamilyId,
    pub staff: StaffId,
    pub staff_name: &'a str,
    /// The discipline's code.
    pub discipline: &'a str,
    pub version: i64,
    pub body: &'a str,
    pub finalise: bool,
    pub written_at: i64,
}

/// Reads the name of a team.
pub async fn team_name(conn: &mut Conn, team: TeamId) -> Result<String, StoreError> {
    let (name,): (String,) = sqlx::query_as("SELECT name FROM teams WHERE id = $1")
        .bind(team.to_string())
        .fetch_one(&mut *conn)
        .await?;
    Ok(name)
}

/// Reads a team's families, in order of reference.
pub async fn team_families(conn: &mut Conn, team: TeamId) -> Result<Vec<TeamFamily>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, display_name, reference FROM families WHERE team_id = $1 ORDER BY reference",
    )
    .bind(team.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

/// Reads a team's staff, in order of name.
pub async fn team_staff(conn: &mut Conn, team: TeamId) -> Result<Vec<TeamStaff>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, display_name, role FROM staff WHERE team_id = $1 ORDER BY display_name, id",
    )
    .bind(team.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

/// Reads the names of the families a session discusses, in order of reference.
pub async fn family_names(conn: &mut Conn, session: &str) -> Result<Vec<String>, StoreError> {
    let names: Vec<(String,)> = sqlx::query_as(
        "SELECT f.display_name FROM supervision_families s JOIN families f ON f.id = s.family_id \
         WHERE s.session_id = $1 ORDER BY f.reference",
    )
    .bind(session)
    .fetch_all(&mut *conn)
    .await?;
    Ok(names.into_iter().map(|(n,)| n).collect())
}

/// Reads the names of who attends a session, in order of name.
pub async fn attendee_names(conn: &mut Conn, session: &str) -> Result<Vec<String>, StoreError> {
    let names: Vec<(String,)> = sqlx::query_as(
        "SELECT st.display_name FROM supervision_attendees a JOIN staff st ON st.id = a.staff_id \
         WHERE a.session_id = $1 ORDER BY st.display_name",
    )
    .bind(session)
    .fetch_all(&mut *conn)
    .await?;
    Ok(names.into_iter().map(|(n,)| n).collect())
}

/// The roles of the staff attending a session, each once, as codes: what a family is told
/// of who was there, without anyone's name.
pub async fn attendee_roles(conn: &mut Conn, session: &str) -> Result<Vec<String>, StoreError> {
    let roles: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT st.role FROM supervision_attendees a JOIN staff st ON st.id = a.staff_id \
         WHERE a.session_id = $1 ORDER BY st.role",
    )
    .bind(session)
    .fetch_all(&mut *conn)
    .await?;
    Ok(roles.into_iter().map(|(r,)| r).collect())
}

/// Reads a session of `team` as booked; another team's session is not there.
pub async fn booked(
    conn: &mut Conn,
    team: TeamId,
    session: &str,
) -> Result<Option<Booked>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT s.held_on, st.display_name, s.booked_at FROM supervision_sessions s \
         JOIN staff st ON st.id = s.booked_by WHERE s.id = $1 AND s.team_id = $2",
    )
    .bind(session)
    .bind(team.to_string())
    .fetch_optional(&mut *conn)
    .await?)
}

/// Reads every change made to a session, in order.
pub async fn changes(conn: &mut Conn, session: &str) -> Result<Vec<ChangeRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT seq, change, held_on, reason, changed_by_name, changed_at \
         FROM supervision_changes WHERE session_id = $1 ORDER BY seq",
    )
    .bind(session)
    .fetch_all(&mut *conn)
    .await?)
}

/// Reads every session of `team` as booked, in no particular order.
pub async fn team_booked(conn: &mut Conn, team: TeamId) -> Result<Vec<TeamBooked>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT s.id, s.held_on, st.display_name, s.booked_at FROM supervision_sessions s \
         JOIN staff st ON st.id = s.booked_by WHERE s.team_id = $1",
    )
    .bind(team.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

/// Reads every change made to any session of `team`, in order of session and change.
pub async fn team_changes(conn: &mut Conn, team: TeamId) -> Result<Vec<TeamChangeRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT c.session_id, c.seq, c.change, c.held_on, c.reason, c.changed_by_name, \
             c.changed_at FROM supervision_changes c \
             JOIN supervision_sessions s ON s.id = c.session_id \
             WHERE s.team_id = $1 ORDER BY c.session_id, c.seq",
    )
    .bind(team.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

/// Counts the versions of progress summaries written for a session.
pub async fn summary_count(conn: &mut Conn, session: &str) -> Result<i64, StoreError> {
    let (summaries,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM progress_summaries WHERE session_id = $1")
            .bind(session)
            .fetch_one(&mut *conn)
            .await?;
    Ok(summaries)
}

/// Writes a change to a session, appended after its earlier ones.
pub async fn add_change(conn: &mut Conn, new: &NewChange<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO supervision_changes (id, session_id, seq, change, held_on, reason, \
         changed_by, changed_by_name, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(new.session)
    .bind(new.seq)
    .bind(new.change)
    .bind(new.held_on)
    .bind(new.reason)
    .bind(new.changed_by.to_string())
    .bind(new.changed_by_name)
    .bind(new.changed_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Writes a new session of `team`, booked by `booked_by` for the day `held_on`.
pub async fn add_session(
    conn: &mut Conn,
    id: &str,
    team: TeamId,
    held_on: i64,
    booked_by: StaffId,
    booked_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO supervision_sessions (id, team_id, held_on, booked_by, booked_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(team.to_string())
    .bind(held_on)
    .bind(booked_by.to_string())
    .bind(booked_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Writes that a session discusses each of `families`, once each.
pub async fn link_families(
    conn: &mut Conn,
    session: &str,
    families: &[String],
) -> Result<(), StoreError> {
    link_each(
        conn,
        "INSERT INTO supervision_families (session_id, family_id) VALUES ($1, $2)",
        session,
        families,
    )
    .await
}

/// Writes that each of `staff` attends a session, once each.
pub async fn link_attendees(
    conn: &mut Conn,
    session: &str,
    staff: &[String],
) -> Result<(), StoreError> {
    link_each(
        conn,
        "INSERT INTO supervision_attendees (session_id, staff_id) VALUES ($1, $2)",
        session,
        staff,
    )
    .await
}

/// Links a session to each of `ids` once (a family discussed, a person attending), with
/// `insert` taking the session as `$1` and the id as `$2`.
async fn link_each(
    conn: &mut Conn,
    insert: &'static str,
    session: &str,
    ids: &[String],
) -> Result<(), StoreError> {
    let mut ids: Vec<&String> = ids.iter().collect();
    ids.sort();
    ids.dedup();
    for id in ids {
        sqlx::query(insert)
            .bind(session)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Reads the day of `family`'s latest standing session before the day starting `today`.
pub async fn last_held_before(
    conn: &mut Conn,
    family: FamilyId,
    today: i64,
) -> Result<Option<i64>, StoreError> {
    let (held_on,): (Option<i64>,) = sqlx::query_as(
        "SELECT MAX(s.held_on) FROM supervision_current s \
         JOIN supervision_families f ON f.session_id = s.id \
         WHERE f.family_id = $1 AND s.held_on < $2",
    )
    .bind(family.to_string())
    .bind(today)
    .fetch_one(&mut *conn)
    .await?;
    Ok(held_on)
}

/// For each of `families` that has had one, the day of its latest session before the day
/// starting `today`: one query for up to 500 families.
pub async fn last_held_before_each(
    conn: &mut Conn,
    families: &[FamilyId],
    today: i64,
) -> Result<Vec<(FamilyId, i64)>, StoreError> {
    let mut held = Vec::new();
    for chunk in families.chunks(super::FAMILIES_AT_ONCE) {
        let list = super::placeholders(2, chunk.len());
        let mut query = sqlx::query_as::<_, (FamilyId, i64)>(sqlx::AssertSqlSafe(format!(
            "SELECT f.family_id, MAX(s.held_on) FROM supervision_current s \
             JOIN supervision_families f ON f.session_id = s.id \
             WHERE s.held_on < $1 AND f.family_id IN ({list}) GROUP BY f.family_id"
        )))
        .bind(today);
        for family in chunk {
            query = query.bind(family.to_string());
        }
        held.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(held)
}

/// Reads `family`'s first standing session on or after the day starting `today`.
pub async fn next_session(
    conn: &mut Conn,
    family: FamilyId,
    today: i64,
) -> Result<Option<CurrentRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT s.id, s.held_on FROM supervision_current s \
         JOIN supervision_families f ON f.session_id = s.id \
         WHERE f.family_id = $1 AND s.held_on >= $2 ORDER BY s.held_on, s.id LIMIT 1",
    )
    .bind(family.to_string())
    .bind(today)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Reads the latest standing session that discusses `family`, on any day.
pub async fn latest_session(
    conn: &mut Conn,
    family: FamilyId,
) -> Result<Option<CurrentRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT s.id, s.held_on FROM supervision_current s \
         JOIN supervision_families f ON f.session_id = s.id \
         WHERE f.family_id = $1 ORDER BY s.held_on DESC, s.id LIMIT 1",
    )
    .bind(family.to_string())
    .fetch_optional(&mut *conn)
    .await?)
}

/// Reads every summary version for a family and session, by practitioner then version.
pub async fn summary_versions(
    conn: &mut Conn,
    family: FamilyId,
    session: &str,
) -> Result<Vec<SummaryRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT staff_id, staff_name, discipline, version, body, final, written_at \
         FROM progress_summaries WHERE family_id = $1 AND session_id = $2 \
         ORDER BY staff_id, version",
    )
    .bind(family.to_string())
    .bind(session)
    .fetch_all(&mut *conn)
    .await?)
}

/// Counts the standing sessions with id `session` that discuss `family` (0 or 1).
pub async fn discussed_count(
    conn: &mut Conn,
    session: &str,
    family: FamilyId,
) -> Result<i64, StoreError> {
    let (discussed,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM supervision_families f \
         JOIN supervision_current s ON s.id = f.session_id \
         WHERE f.session_id = $1 AND f.family_id = $2",
    )
    .bind(session)
    .bind(family.to_string())
    .fetch_one(&mut *conn)
    .await?;
    Ok(discussed)
}

/// Reads how far one practitioner's summary for a family and session has gone.
pub async fn summary_state(
    conn: &mut Conn,
    session: &str,
    family: FamilyId,
    staff: StaffId,
) -> Result<SummaryState, StoreError> {
    Ok(sqlx::query_as(
        "SELECT MAX(version) AS latest, MAX(final) AS finalised FROM progress_summaries \
         WHERE session_id = $1 AND family_id = $2 AND staff_id = $3",
    )
    .bind(session)
    .bind(family.to_string())
    .bind(staff.to_string())
    .fetch_one(&mut *conn)
    .await?)
}

/// Writes a new version of a practitioner's progress summary.
pub async fn add_summary(conn: &mut Conn, new: &NewSummary<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO progress_summaries (id, session_id, family_id, staff_id, staff_name, \
         discipline, version, body, final, written_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(new.session)
    .bind(new.family.to_string())
    .bind(new.staff.to_string())
    .bind(new.staff_name)
    .bind(new.discipline)
    .bind(new.version)
    .bind(new.body)
    .bind(i64::from(new.finalise))
    .bind(new.written_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
