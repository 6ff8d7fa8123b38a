//! The case system's integration API as kept: members' references in the case system,
//! the API clients admins register (a hash of each secret, never the secret), their
//! teams, the calls they make each minute, and what the API reads that no page reads
//! (finalised records of every session, and shares withdrawn since a time). Nothing here
//! decides who may see what.

use super::{Conn, StoreError};
use crate::domain::ids::{ApiClientId, CouncilId, EntryId, FamilyId, MemberId, StaffId, TeamId};

/// A registered API client, as the API checks it on every call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRow {
    pub id: ApiClientId,
    pub council: CouncilId,
    pub name: String,
    pub secret_hash: String,
    pub created_at: i64,
    pub expires_at: i64,
    /// When a head of service approved it; it works only once approved.
    pub approved_at: Option<i64>,
    /// Who registered it and who approved it, by name.
    pub created_by: String,
    pub approved_by: Option<String>,
    pub revoked_at: Option<i64>,
    /// Where "family X has new shared input" is posted, if anywhere.
    pub webhook_url: Option<String>,
    /// The teams whose families it may read.
    pub teams: Vec<TeamId>,
}

#[derive(sqlx::FromRow)]
struct StoredClient {
    id: ApiClientId,
    council_id: CouncilId,
    name: String,
    secret_hash: String,
    created_at: i64,
    expires_at: i64,
    approved_at: Option<i64>,
    created_by: String,
    approved_by: Option<String>,
    revoked_at: Option<i64>,
    webhook_url: Option<String>,
}

/// A new client to keep.
#[derive(Debug, Clone)]
pub struct NewClient<'a> {
    pub id: ApiClientId,
    pub council: CouncilId,
    pub name: &'a str,
    pub secret_hash: &'a str,
    pub created_by: StaffId,
    pub expires_at: i64,
    pub webhook_url: Option<&'a str>,
    pub teams: &'a [TeamId],
}

/// Keeps a new client and its teams. Answers `false`, keeping nothing, when the council
/// already has a client of that name.
pub async fn add_client(
    conn: &mut Conn,
    client: &NewClient<'_>,
    at: i64,
) -> Result<bool, StoreError> {
    let taken: Option<(String,)> =
        sqlx::query_as("SELECT id FROM api_clients WHERE council_id = $1 AND name = $2")
            .bind(client.council.to_string())
            .bind(client.name)
            .fetch_optional(&mut *conn)
            .await?;
    if taken.is_some() {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO api_clients (id, council_id, name, secret_hash, created_by_staff_id, \
         created_at, expires_at, webhook_url) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(client.id.to_string())
    .bind(client.council.to_string())
    .bind(client.name)
    .bind(client.secret_hash)
    .bind(client.created_by.to_string())
    .bind(at)
    .bind(client.expires_at)
    .bind(client.webhook_url)
    .execute(&mut *conn)
    .await?;
    for team in client.teams {
        sqlx::query("INSERT INTO api_client_teams (client_id, team_id) VALUES ($1, $2)")
            .bind(client.id.to_string())
            .bind(team.to_string())
            .execute(&mut *conn)
            .await?;
    }
    Ok(true)
}

/// The teams of each of these clients.
async fn teams_of(
    conn: &mut Conn,
    clients: &[StoredClient],
) -> Result<Vec<(ApiClientId, TeamId)>, StoreError> {
    if clients.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT client_id, team_id FROM api_client_teams WHERE client_id IN ({}) \
         ORDER BY client_id, team_id",
        super::placeholders(1, clients.len())
    );
    // Only numbered placeholders are added to the text; every value is bound.
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    for client in clients {
        query = query.bind(client.id.to_string());
    }
    Ok(query.fetch_all(&mut *conn).await?)
}

fn with_teams(rows: Vec<StoredClient>, teams: &[(ApiClientId, TeamId)]) -> Vec<ClientRow> {
    rows.into_iter()
        .map(|row| ClientRow {
            teams: teams
                .iter()
                .filter(|(client, _)| *client == row.id)
                .map(|(_, team)| *team)
                .collect(),
            id: row.id,
            council: row.council_id,
            name: row.name,
            secret_hash: row.secret_hash,
            created_at: row.created_at,
            expires_at: row.expires_at,
            approved_at: row.approved_at,
            created_by: row.created_by,
            approved_by: row.approved_by,
            revoked_at: row.revoked_at,
            webhook_url: row.webhook_url,
        })
        .collect()
}

const CLIENT_COLUMNS: &str = "c.id, c.council_id, c.name, c.secret_hash, c.created_at, \
     c.expires_at, c.approved_at, s.display_name AS created_by, a.display_name AS approved_by, \
     c.revoked_at, c.webhook_url";
/// The clients with the names of who registered and who approved each.
const CLIENTS: &str = "api_clients c JOIN staff s ON s.id = c.created_by_staff_id \
     LEFT JOIN staff a ON a.id = c.approved_by_staff_id";

/// One client, with its teams, whatever its state.
pub async fn client(conn: &mut Conn, id: ApiClientId) -> Result<Option<ClientRow>, StoreError> {
    let rows: Vec<StoredClient> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CLIENT_COLUMNS} FROM {CLIENTS} WHERE c.id = $1"
    )))
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let teams = teams_of(conn, &rows).await?;
    Ok(with_teams(rows, &teams).into_iter().next())
}

/// Every client of a council, newest first.
pub async fn clients_of(conn: &mut Conn, council: CouncilId) -> Result<Vec<ClientRow>, StoreError> {
    let rows: Vec<StoredClient> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CLIENT_COLUMNS} FROM {CLIENTS} WHERE c.council_id = $1 \
         ORDER BY c.created_at DESC, c.id"
    )))
    .bind(council.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let teams = teams_of(conn, &rows).await?;
    Ok(with_teams(rows, &teams))
}

/// Approves a client that is neither approved nor revoked, by someone other than who
/// registered it. Answers whether this call approved it.
pub async fn approve(
    conn: &mut Conn,
    id: ApiClientId,
    by: StaffId,
    at: i64,
) -> Result<bool, StoreError> {
    Ok(sqlx::query(
        "UPDATE api_clients SET approved_at = $1, approved_by_staff_id = $2 \
         WHERE id = $3 AND approved_at IS NULL AND revoked_at IS NULL \
         AND created_by_staff_id <> $2",
    )
    .bind(at)
    .bind(by.to_string())
    .bind(id.to_string())
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1)
}

/// Revokes a client that is not revoked yet. Answers whether this call revoked it.
pub async fn revoke(
    conn: &mut Conn,
    id: ApiClientId,
    by: StaffId,
    at: i64,
) -> Result<bool, StoreError> {
    Ok(sqlx::query(
        "UPDATE api_clients SET revoked_at = $1, revoked_by_staff_id = $2 \
         WHERE id = $3 AND revoked_at IS NULL",
    )
    .bind(at)
    .bind(by.to_string())
    .bind(id.to_string())
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1)
}

/// Counts one call of a client in the minute of `now`, and answers the count so far that
/// minute. One statement, so two calls at once are both counted.
pub async fn count_call(conn: &mut Conn, client: ApiClientId, now: i64) -> Result<i64, StoreError> {
    let (calls,): (i64,) = sqlx::query_as(
        "INSERT INTO api_client_calls (client_id, minute, calls) VALUES ($1, $2, 1) \
         ON CONFLICT (client_id, minute) DO UPDATE SET calls = api_client_calls.calls + 1 \
         RETURNING calls",
    )
    .bind(client.to_string())
    .bind(now.div_euclid(60_000))
    .fetch_one(&mut *conn)
    .await?;
    Ok(calls)
}

/// Removes the counts of minutes that ended before `before`.
pub async fn prune_calls(conn: &mut Conn, before: i64) -> Result<u64, StoreError> {
    Ok(
        sqlx::query("DELETE FROM api_client_calls WHERE minute < $1")
            .bind(before.div_euclid(60_000))
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

/// The family a case system's reference names among a council's families of `teams`:
/// the family's own case reference, or the reference in force of one of its members.
/// None when no family, or more than one, has it. A family of another team is never
/// looked at, so it takes the same work to find as one that does not exist.
pub async fn family_by_reference(
    conn: &mut Conn,
    council: CouncilId,
    teams: &[TeamId],
    reference: &str,
) -> Result<Option<FamilyId>, StoreError> {
    if teams.is_empty() {
        return Ok(None);
    }
    let in_teams = super::placeholders(3, teams.len());
    let sql = format!(
        "SELECT id FROM families WHERE council_id = $1 AND reference = $2 \
         AND team_id IN ({in_teams}) \
         UNION SELECT m.family_id FROM member_case_refs r JOIN members m ON m.id = r.member_id \
         JOIN families f ON f.id = m.family_id \
         WHERE r.council_id = $1 AND r.reference = $2 AND r.replaced_at IS NULL \
         AND f.team_id IN ({in_teams})"
    );
    // Only numbered placeholders are added to the text; every value is bound.
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(council.to_string())
        .bind(reference);
    for team in teams {
        query = query.bind(team.to_string());
    }
    let found: Vec<(FamilyId,)> = query.fetch_all(&mut *conn).await?;
    Ok(match found.as_slice() {
        [(id,)] => Some(*id),
        _ => None,
    })
}

/// The references in force of a family's members.
pub async fn member_refs(
    conn: &mut Conn,
    family: FamilyId,
) -> Result<Vec<(MemberId, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.member_id, r.reference FROM member_case_refs r \
         JOIN members m ON m.id = r.member_id \
         WHERE m.family_id = $1 AND r.replaced_at IS NULL ORDER BY r.member_id",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

/// The member whose reference in force this is, in a council.
pub async fn member_with_ref(
    conn: &mut Conn,
    council: CouncilId,
    reference: &str,
) -> Result<Option<MemberId>, StoreError> {
    let found: Option<(MemberId,)> = sqlx::query_as(
        "SELECT member_id FROM member_case_refs \
         WHERE council_id = $1 AND reference = $2 AND replaced_at IS NULL",
    )
    .bind(council.to_string())
    .bind(reference)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.map(|(id,)| id))
}

/// Sets a member's reference: the one in force is kept as replaced, and `reference`
/// (none, to clear it) is added. The caller checks that nobody else has it.
pub async fn set_member_ref(
    conn: &mut Conn,
    council: CouncilId,
    member: MemberId,
    reference: Option<&str>,
    by: StaffId,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE member_case_refs SET replaced_at = $1 WHERE member_id = $2 AND replaced_at IS NULL",
    )
    .bind(at)
    .bind(member.to_string())
    .execute(&mut *conn)
    .await?;
    if let Some(reference) = reference {
        sqlx::query(
            "INSERT INTO member_case_refs (id, council_id, member_id, reference, \
             set_by_staff_id, set_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(council.to_string())
        .bind(member.to_string())
        .bind(reference)
        .bind(by.to_string())
        .bind(at)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A family of a council found by its own case reference, for an admin: its id, name
/// and team. No entry, and nothing a member wrote.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FamilyFound {
    pub id: FamilyId,
    pub reference: String,
    pub display_name: String,
    pub team_name: String,
}

pub async fn family_of_council(
    conn: &mut Conn,
    council: CouncilId,
    reference: &str,
) -> Result<Option<FamilyFound>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT f.id, f.reference, f.display_name, t.name AS team_name FROM families f \
         JOIN teams t ON t.id = f.team_id WHERE f.council_id = $1 AND f.reference = $2",
    )
    .bind(council.to_string())
    .bind(reference)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Every team of a council, by name.
pub async fn council_teams(
    conn: &mut Conn,
    council: CouncilId,
) -> Result<Vec<(TeamId, String)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT id, name FROM teams WHERE council_id = $1 ORDER BY name, id")
            .bind(council.to_string())
            .fetch_all(&mut *conn)
            .await?,
    )
}

/// One finalised version of a family's record of a session, with the session's day.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FinalisedRow {
    pub session_id: String,
    pub held_on: i64,
    #[sqlx(flatten)]
    pub version: super::record::VersionRow,
}

/// Every finalised version of every record of a family, by session (oldest first) and
/// version (oldest first). A draft is never here.
pub async fn finalised_records(
    conn: &mut Conn,
    family: FamilyId,
) -> Result<Vec<FinalisedRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.session_id, s.held_on, r.version, r.staff_name, r.written_at, r.final, \
         r.rating, r.reflection, r.child_views, r.parent_views, r.impact, r.plan, r.decisions, \
         r.reasons, r.why_changed, r.told_family, r.told_child \
         FROM supervision_records r JOIN supervision_current s ON s.id = r.session_id \
         WHERE r.family_id = $1 AND r.final = 1 ORDER BY s.held_on, r.session_id, r.version",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?)
}

/// The family's entries whose share with the workers was withdrawn after `since`, with
/// when: the words stay with the worker who had them, and the case system is told.
pub async fn withdrawn_since(
    conn: &mut Conn,
    family: FamilyId,
    since: i64,
) -> Result<Vec<(EntryId, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT s.entry_id, s.withdrawn_at FROM entry_shares s \
         JOIN entries e ON e.id = s.entry_id \
         WHERE e.family_id = $1 AND s.audience = 'workers' AND s.withdrawn_at > $2 \
         AND e.kind <> 'safety_alert' ORDER BY s.withdrawn_at, s.entry_id",
    )
    .bind(family.to_string())
    .bind(since)
    .fetch_all(&mut *conn)
    .await?)
}

/// Queues "new shared input" about the family of `entry` for every client of its team
/// with a webhook address and a secret in force, if the entry is shared with the
/// workers now (a safety alert goes its own way). A notice already waiting for a client
/// and family is moved on to `now` rather than doubled.
pub async fn queue_webhooks(conn: &mut Conn, entry: EntryId, now: i64) -> Result<(), StoreError> {
    let told: Vec<(ApiClientId, FamilyId)> = sqlx::query_as(
        "SELECT c.id, f.id FROM entries e JOIN families f ON f.id = e.family_id \
         JOIN api_client_teams t ON t.team_id = f.team_id \
         JOIN api_clients c ON c.id = t.client_id \
         WHERE e.id = $1 AND e.kind <> 'safety_alert' AND c.webhook_url IS NOT NULL \
         AND c.approved_at IS NOT NULL AND c.revoked_at IS NULL AND c.expires_at > $2 \
         AND EXISTS (SELECT 1 FROM entry_shares s WHERE s.entry_id = e.id \
         AND s.audience = 'workers' AND s.withdrawn_at IS NULL)",
    )
    .bind(entry.to_string())
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    for (client, family) in told {
        sqlx::query(
            "INSERT INTO webhook_outbox (id, client_id, family_id, first_at, last_at, tries, \
             next_at) VALUES ($1, $2, $3, $4, $4, 0, $4) \
             ON CONFLICT (client_id, family_id) WHERE next_at IS NOT NULL \
             DO UPDATE SET last_at = excluded.last_at",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(client.to_string())
        .bind(family.to_string())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A webhook notice due to be posted, with where and how to sign it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueWebhook {
    pub id: String,
    #[sqlx(rename = "client_id")]
    pub client: ApiClientId,
    pub client_name: String,
    pub url: String,
    /// The SHA-256 of the client's secret, as hex: the key its notices are signed with.
    pub key: String,
    #[sqlx(rename = "family_id")]
    pub family: FamilyId,
    pub family_reference: String,
    pub tries: i64,
    /// When the newest share it stands for was made.
    pub last_at: i64,
}

/// Notices due at `now` for clients still in force, oldest first.
pub async fn due_webhooks(
    conn: &mut Conn,
    now: i64,
    limit: i64,
) -> Result<Vec<DueWebhook>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT w.id, w.client_id, c.name AS client_name, c.webhook_url AS url, \
         c.secret_hash AS key, w.family_id, f.reference AS family_reference, w.tries, w.last_at \
         FROM webhook_outbox w JOIN api_clients c ON c.id = w.client_id \
         JOIN families f ON f.id = w.family_id \
         WHERE w.next_at IS NOT NULL AND w.next_at <= $1 AND c.webhook_url IS NOT NULL \
         AND c.approved_at IS NOT NULL AND c.revoked_at IS NULL AND c.expires_at > $1 ORDER BY w.next_at, w.id LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?)
}

/// Claims a due notice until `until`, so no other sender posts it meanwhile. Answers
/// whether this caller has it.
pub async fn claim_webhook(
    conn: &mut Conn,
    id: &str,
    now: i64,
    until: i64,
) -> Result<bool, StoreError> {
    Ok(sqlx::query(
        "UPDATE webhook_outbox SET next_at = $3 WHERE id = $1 AND next_at IS NOT NULL AND next_at <= $2",
    )
    .bind(id)
    .bind(now)
    .bind(until)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1)
}

/// A notice a sender claimed: until when, and the newest share it is posted for.
#[derive(Debug, Clone, Copy)]
pub struct Claimed<'a> {
    pub id: &'a str,
    pub until: i64,
    pub posted_for: i64,
}

/// A claimed notice was taken. If a share came after the one it was posted for, it waits
/// to be posted again at once. Answers false, changing nothing, if the claim had lapsed
/// and another sender has it.
pub async fn webhook_delivered(
    conn: &mut Conn,
    claimed: Claimed<'_>,
    now: i64,
) -> Result<bool, StoreError> {
    Ok(sqlx::query(
        "UPDATE webhook_outbox SET delivered_at = $4, last_error = NULL, tries = 0, \
         next_at = CASE WHEN last_at > $3 THEN $4 ELSE NULL END \
         WHERE id = $1 AND next_at = $2",
    )
    .bind(claimed.id)
    .bind(claimed.until)
    .bind(claimed.posted_for)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1)
}

/// A claimed notice was not taken: its tries so far, when to try again (none: give up,
/// unless a share came after the one it was posted for), and why, in a few words.
pub async fn webhook_failed(
    conn: &mut Conn,
    claimed: Claimed<'_>,
    tries: i64,
    next_at: Option<i64>,
    why: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let query = match next_at {
        Some(next_at) => sqlx::query(
            "UPDATE webhook_outbox SET tries = $3, next_at = $4, last_error = $5 \
             WHERE id = $1 AND next_at = $2",
        )
        .bind(claimed.id)
        .bind(claimed.until)
        .bind(tries)
        .bind(next_at)
        .bind(why),
        None => sqlx::query(
            "UPDATE webhook_outbox SET tries = $3, last_error = $5, \
             next_at = CASE WHEN last_at > $4 THEN $6 ELSE NULL END \
             WHERE id = $1 AND next_at = $2",
        )
        .bind(claimed.id)
        .bind(claimed.until)
        .bind(tries)
        .bind(claimed.posted_for)
        .bind(why)
        .bind(now),
    };
    Ok(query.execute(&mut *conn).await?.rows_affected() == 1)
}

/// Removes notices taken or given up before `before`: each delivery is in the audit
/// trail, and a notice holds nothing else.
pub async fn prune_webhooks(conn: &mut Conn, before: i64) -> Result<u64, StoreError> {
    Ok(sqlx::query(
        "DELETE FROM webhook_outbox WHERE next_at IS NULL AND COALESCE(delivered_at, first_at) < $1",
    )
    .bind(before)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}
