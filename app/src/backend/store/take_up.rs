//! What take-up figures are made from: the members of one council's families (or one
//! team's), when each was given a code and signed up, and when each was last active. Read
//! for counting alone: never a name and never anything anyone wrote.

use super::{Conn, StoreError};
use crate::domain::ids::{CouncilId, MemberId, TeamId};

/// A member, as the figures need them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TakeUpMember {
    pub id: MemberId,
    pub kind: String,
    pub date_of_birth: Option<String>,
    pub created_at: i64,
    /// When the member's family's case was closed, if it was.
    pub closed_at: Option<i64>,
    pub team: String,
    /// When the member was first given a sign-up code, if ever.
    pub invited_at: Option<i64>,
    /// When the member first added a passkey, if ever.
    pub signed_up_at: Option<i64>,
}

/// Every member of the council's families (or of one team's: `team` narrows it) that
/// were open at `since` or later.
pub async fn members(
    conn: &mut Conn,
    council: CouncilId,
    team: Option<TeamId>,
    since: i64,
) -> Result<Vec<TakeUpMember>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT m.id, m.kind, m.date_of_birth, m.created_at, f.closed_at, t.name AS team, \
         (SELECT MIN(i.created_at) FROM accounts a JOIN invitations i ON i.account_id = a.id \
          WHERE a.member_id = m.id AND i.purpose = 'invitation') AS invited_at, \
         (SELECT MIN(p.created_at) FROM accounts a JOIN passkeys p ON p.account_id = a.id \
          WHERE a.member_id = m.id) AS signed_up_at \
         FROM members m JOIN families f ON f.id = m.family_id JOIN teams t ON t.id = f.team_id \
         WHERE f.council_id = $1 AND ($2 IS NULL OR f.team_id = $2) \
         AND (f.closed_at IS NULL OR f.closed_at >= $3) ORDER BY t.name, m.id",
    )
    .bind(council.to_string())
    .bind(team.map(|t| t.to_string()))
    .bind(since)
    .fetch_all(&mut *conn)
    .await?)
}

/// A stretch of time in which a member used the portal: a signed-in session from its
/// start to when it was last seen, a handover of a practitioner's device to a child, or
/// a version of something the member wrote.
#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct Activity {
    pub member: MemberId,
    pub from: i64,
    pub to: i64,
}

/// The council's (or one team's) members' activity that lasted until `since` or later.
pub async fn activity(
    conn: &mut Conn,
    council: CouncilId,
    team: Option<TeamId>,
    since: i64,
) -> Result<Vec<Activity>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT a.member_id AS member, s.created_at AS \"from\", s.last_seen_at AS \"to\" \
         FROM sessions s JOIN accounts a ON a.id = s.account_id \
         JOIN members m ON m.id = a.member_id JOIN families f ON f.id = m.family_id \
         WHERE f.council_id = $1 AND ($2 IS NULL OR f.team_id = $2) AND s.last_seen_at >= $3 \
         UNION ALL \
         SELECT h.member_id, h.started_at, COALESCE(h.ended_at, h.started_at) \
         FROM supported_sessions h JOIN members m ON m.id = h.member_id \
         JOIN families f ON f.id = m.family_id \
         WHERE f.council_id = $1 AND ($2 IS NULL OR f.team_id = $2) \
         AND COALESCE(h.ended_at, h.started_at) >= $3 \
         UNION ALL \
         SELECT e.author_member_id, v.written_at, v.written_at \
         FROM entry_versions v JOIN entries e ON e.id = v.entry_id \
         JOIN families f ON f.id = e.family_id \
         WHERE f.council_id = $1 AND ($2 IS NULL OR f.team_id = $2) AND v.written_at >= $3",
    )
    .bind(council.to_string())
    .bind(team.map(|t| t.to_string()))
    .bind(since)
    .fetch_all(&mut *conn)
    .await?)
}

/// The council's name, for saying whose figures these are.
pub async fn council_name(conn: &mut Conn, council: CouncilId) -> Result<String, StoreError> {
    let (name,): (String,) = sqlx::query_as("SELECT name FROM councils WHERE id = $1")
        .bind(council.to_string())
        .fetch_one(&mut *conn)
        .await?;
    Ok(name)
}
