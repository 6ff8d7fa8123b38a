//! Accounts, passkeys, sessions, ceremonies, one-time codes and failed attempts.
//!
//! Every function takes the time as `now` (milliseconds), so tests can move the clock.
//! Tokens and codes arrive here already hashed: the store never sees a secret.

use sqlx::Connection;

use super::{AuditRecord, Audited, Conn, Outcome, StoreError, Who, parse_id};
use crate::backend::policy::{Actor, EntryFacts, FamilyFacts, Flag};
use crate::domain::entries::{EntryBody, EntryKind};
use crate::domain::ids::{
    AccountId, EntryId, FamilyId, InvitationId, MemberId, PasskeyId, SessionId, StaffId, TeamId,
};
use crate::domain::people::{MemberKind, StaffRole};

/// A session as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub id: SessionId,
    #[sqlx(rename = "account_id")]
    pub account: Option<AccountId>,
    #[sqlx(rename = "passkey_id")]
    pub passkey: Option<PasskeyId>,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub verified_at: Option<i64>,
    pub ended_at: Option<i64>,
    /// The account's language (`accounts.language`), read with the session so a page
    /// costs no extra statement to be drawn in it.
    pub language: Option<String>,
    /// Whether the account reads the family pages in easy read (`accounts.easy_read`).
    pub easy_read: Option<i64>,
}

/// A passkey as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PasskeyRow {
    pub id: PasskeyId,
    #[sqlx(rename = "account_id")]
    pub account: AccountId,
    /// The library's serialised credential.
    pub credential: String,
    pub sign_count: i64,
    pub label: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
    /// `owner`, `reset` or `phone_taken`; empty for passkeys revoked before reasons were kept.
    pub revoked_reason: Option<String>,
}

/// Ceremony state taken for use.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CeremonyRow {
    pub state: String,
    #[sqlx(rename = "account_id")]
    pub account: Option<AccountId>,
    #[sqlx(rename = "invitation_id")]
    pub invitation: Option<InvitationId>,
}

/// A one-time code's purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodePurpose {
    Invitation,
    Reset,
}

impl CodePurpose {
    pub fn code(self) -> &'static str {
        match self {
            CodePurpose::Invitation => "invitation",
            CodePurpose::Reset => "reset",
        }
    }

    fn from_code(code: &str) -> Result<Self, StoreError> {
        match code {
            "invitation" => Ok(CodePurpose::Invitation),
            "reset" => Ok(CodePurpose::Reset),
            other => Err(StoreError::Corrupt(format!("code purpose {other:?}"))),
        }
    }
}

/// A code that may still be used.
#[derive(Debug, Clone)]
pub struct OpenCode {
    pub id: InvitationId,
    pub account: AccountId,
    pub purpose: CodePurpose,
    /// Whose account issued it; none for the server's command line.
    pub issued_by: Option<AccountId>,
}

/// The account of a family member, made on first need.
pub async fn account_for_member(
    conn: &mut Conn,
    member: MemberId,
    now: i64,
) -> Result<AccountId, StoreError> {
    account_for(conn, "member_id", member.to_string(), now).await
}

/// The account of a member of staff, made on first need.
pub async fn account_for_staff(
    conn: &mut Conn,
    staff: StaffId,
    now: i64,
) -> Result<AccountId, StoreError> {
    account_for(conn, "staff_id", staff.to_string(), now).await
}

async fn account_for(
    conn: &mut Conn,
    column: &'static str,
    id: String,
    now: i64,
) -> Result<AccountId, StoreError> {
    let (select, insert) = match column {
        "member_id" => (
            "SELECT id FROM accounts WHERE member_id = $1",
            "INSERT INTO accounts (id, member_id, created_at) VALUES ($1, $2, $3)",
        ),
        _ => (
            "SELECT id FROM accounts WHERE staff_id = $1",
            "INSERT INTO accounts (id, staff_id, created_at) VALUES ($1, $2, $3)",
        ),
    };
    let existing: Option<(String,)> = sqlx::query_as(select)
        .bind(&id)
        .fetch_optional(&mut *conn)
        .await?;
    if let Some((account,)) = existing {
        return parse_id(&account, AccountId::parse);
    }
    let account = AccountId::new();
    sqlx::query(insert)
        .bind(account.to_string())
        .bind(&id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(account)
}

/// Who an account belongs to, as the columns `actor_columns!` names select them from the
/// joins `actor_joins!` adds to `accounts a`: a member of staff who has not left, or a
/// family member, or neither.
#[derive(sqlx::FromRow)]
struct ActorRow {
    staff_id: Option<StaffId>,
    staff_role: Option<String>,
    staff_team: Option<TeamId>,
    staff_name: Option<String>,
    member_id: Option<MemberId>,
    member_family: Option<FamilyId>,
    member_kind: Option<String>,
    member_name: Option<String>,
}

/// The columns of an `ActorRow`.
macro_rules! actor_columns {
    () => {
        "st.id AS staff_id, st.role AS staff_role, st.team_id AS staff_team, \
         st.display_name AS staff_name, m.id AS member_id, m.family_id AS member_family, \
         m.kind AS member_kind, m.display_name AS member_name"
    };
}

/// The joins from `accounts a` that `actor_columns!` reads: the one place that says who an
/// account belongs to.
macro_rules! actor_joins {
    () => {
        " LEFT JOIN staff st ON st.id = a.staff_id AND st.deactivated_at IS NULL \
         LEFT JOIN members m ON m.id = a.member_id"
    };
}

impl ActorRow {
    fn actor(self, account: AccountId) -> Result<Option<Actor>, StoreError> {
        if let Some(staff) = self.staff_id {
            let role = self.staff_role.unwrap_or_default();
            return Ok(Some(Actor::Staff {
                account,
                staff,
                role: StaffRole::from_code(&role)
                    .ok_or_else(|| StoreError::Corrupt(format!("role {role:?}")))?,
                team: self.staff_team,
                name: self.staff_name.unwrap_or_default(),
            }));
        }
        let Some(member) = self.member_id else {
            return Ok(None);
        };
        let kind = self.member_kind.unwrap_or_default();
        Ok(Some(Actor::Member {
            account,
            member,
            family: self
                .member_family
                .ok_or_else(|| StoreError::Corrupt(format!("member {member} has no family")))?,
            kind: MemberKind::from_code(&kind)
                .ok_or_else(|| StoreError::Corrupt(format!("kind {kind:?}")))?,
            name: self.member_name.unwrap_or_default(),
            supported_by: None,
        }))
    }
}

/// Who an account belongs to, as the policy sees them. `None` for an account whose
/// staff member has left.
pub async fn actor(conn: &mut Conn, account: AccountId) -> Result<Option<Actor>, StoreError> {
    let row: Option<ActorRow> = sqlx::query_as(concat!(
        "SELECT ",
        actor_columns!(),
        " FROM accounts a",
        actor_joins!(),
        " WHERE a.id = $1"
    ))
    .bind(account.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|row| row.actor(account)).transpose()?.flatten())
}

// ---- sessions

pub async fn create_session(
    conn: &mut Conn,
    token_hash: &str,
    account: Option<AccountId>,
    passkey: Option<PasskeyId>,
    now: i64,
) -> Result<SessionId, StoreError> {
    let id = SessionId::new();
    sqlx::query(
        "INSERT INTO sessions (token_hash, id, account_id, passkey_id, created_at, last_seen_at, verified_at) \
         VALUES ($1, $2, $3, $4, $5, $5, $6)",
    )
    .bind(token_hash.to_owned())
    .bind(id.to_string())
    .bind(account.map(|a| a.to_string()))
    .bind(passkey.map(|p| p.to_string()))
    .bind(now)
    .bind(account.map(|_| now))
    .execute(conn)
    .await?;
    Ok(id)
}

/// A session with who its account belongs to, as `session_and_actor` reads them.
#[derive(sqlx::FromRow)]
struct SessionActorRow {
    #[sqlx(flatten)]
    session: SessionRow,
    #[sqlx(flatten)]
    actor: ActorRow,
}

/// A session and who its account belongs to, as `actor` would answer, in one statement:
/// every signed-in request asks for both first. The actor is `None` for a session with no
/// account, and for an account whose member of staff has left.
pub async fn session_and_actor(
    conn: &mut Conn,
    token_hash: &str,
) -> Result<Option<(SessionRow, Option<Actor>)>, StoreError> {
    let row: Option<SessionActorRow> = sqlx::query_as(concat!(
        "SELECT s.id, s.account_id, s.passkey_id, s.created_at, s.last_seen_at, s.verified_at, \
         s.ended_at, a.language, a.easy_read, ",
        actor_columns!(),
        " FROM sessions s LEFT JOIN accounts a ON a.id = s.account_id",
        actor_joins!(),
        " WHERE s.token_hash = $1"
    ))
    .bind(token_hash)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(SessionActorRow { session, actor }) = row else {
        return Ok(None);
    };
    let actor = match session.account {
        Some(account) => actor.actor(account)?,
        None => None,
    };
    Ok(Some((session, actor)))
}

/// Keeps the language an account reads the family pages in.
pub async fn set_language(
    conn: &mut Conn,
    account: AccountId,
    language: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE accounts SET language = $2 WHERE id = $1")
        .bind(account.to_string())
        .bind(language.to_owned())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Keeps whether an account reads the family pages in easy read.
pub async fn set_easy_read(
    conn: &mut Conn,
    account: AccountId,
    easy_read: bool,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE accounts SET easy_read = $2 WHERE id = $1")
        .bind(account.to_string())
        .bind(i64::from(easy_read))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The language a member's account reads the family pages in, if it has one.
pub async fn member_language(
    conn: &mut Conn,
    member: MemberId,
) -> Result<Option<String>, StoreError> {
    let row: Option<(Option<String>,)> =
        sqlx::query_as("SELECT language FROM accounts WHERE member_id = $1")
            .bind(member.to_string())
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.and_then(|(language,)| language))
}

pub async fn touch_session(conn: &mut Conn, token_hash: &str, now: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND ended_at IS NULL")
        .bind(token_hash)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Ends one session. Returns whether it was still open.
pub async fn end_session(
    conn: &mut Conn,
    token_hash: &str,
    reason: &'static str,
    now: i64,
) -> Result<bool, StoreError> {
    let query = sqlx::query(
        "UPDATE sessions SET ended_at = $2, end_reason = $3 WHERE token_hash = $1 AND ended_at IS NULL",
    )
    .bind(token_hash.to_owned())
    .bind(now)
    .bind(reason);
    // A child's session on a practitioner's device ends with the session it ran in; both
    // end or neither does (inside the caller's transaction, this is a savepoint).
    let mut tx = conn.begin().await?;
    let done = query.execute(&mut *tx).await?;
    super::children::end_supported(&mut tx, token_hash, "session_ended", now).await?;
    tx.commit().await?;
    Ok(done.rows_affected() > 0)
}

/// Ends every open session of an account except `keep`.
pub async fn end_sessions_of_account(
    conn: &mut Conn,
    account: AccountId,
    keep: Option<SessionId>,
    reason: &'static str,
    now: i64,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "UPDATE sessions SET ended_at = $2, end_reason = $3 \
         WHERE account_id = $1 AND ended_at IS NULL AND id <> $4",
    )
    .bind(account.to_string())
    .bind(now)
    .bind(reason)
    .bind(keep.map(|k| k.to_string()).unwrap_or_default())
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// An open session of a known account, as `open_sessions` selects it.
#[derive(sqlx::FromRow)]
struct OpenSessionRow {
    id: SessionId,
    passkey_id: Option<PasskeyId>,
    created_at: i64,
    last_seen_at: i64,
    verified_at: Option<i64>,
}

/// The open sessions of an account, newest first.
pub async fn open_sessions(
    conn: &mut Conn,
    account: AccountId,
) -> Result<Vec<SessionRow>, StoreError> {
    let rows: Vec<OpenSessionRow> = sqlx::query_as(
        "SELECT id, passkey_id, created_at, last_seen_at, verified_at FROM sessions \
         WHERE account_id = $1 AND ended_at IS NULL ORDER BY created_at DESC",
    )
    .bind(account.to_string())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| SessionRow {
            id: row.id,
            account: Some(account),
            passkey: row.passkey_id,
            created_at: row.created_at,
            last_seen_at: row.last_seen_at,
            verified_at: row.verified_at,
            ended_at: None,
            language: None,
            easy_read: None,
        })
        .collect())
}

/// Ends one of an account's own sessions, by its public id.
pub async fn revoke_session(
    conn: &mut Conn,
    account: AccountId,
    session: SessionId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE sessions SET ended_at = $3, end_reason = 'revoked' \
         WHERE id = $1 AND account_id = $2 AND ended_at IS NULL",
    )
    .bind(session.to_string())
    .bind(account.to_string())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

// ---- ceremonies

#[expect(
    clippy::too_many_arguments,
    reason = "one row's columns, each named at the call"
)]
pub async fn save_ceremony(
    conn: &mut Conn,
    id: &str,
    session_hash: &str,
    purpose: &'static str,
    state: &str,
    account: Option<AccountId>,
    invitation: Option<InvitationId>,
    now: i64,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO ceremonies (id, session_hash, purpose, state, account_id, invitation_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(session_hash)
    .bind(purpose)
    .bind(state)
    .bind(account.map(|a| a.to_string()))
    .bind(invitation.map(|i| i.to_string()))
    .bind(now)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Takes a ceremony's state for use, once: only by the session that started it, for
/// the same purpose, before it expires. Any other attempt finds nothing.
pub async fn take_ceremony(
    conn: &mut Conn,
    id: &str,
    session_hash: &str,
    purpose: &'static str,
    now: i64,
) -> Result<Option<CeremonyRow>, StoreError> {
    Ok(sqlx::query_as(
        "UPDATE ceremonies SET used_at = $4 \
         WHERE id = $1 AND session_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $4 \
         RETURNING state, account_id, invitation_id",
    )
    .bind(id)
    .bind(session_hash)
    .bind(purpose)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?)
}

// ---- one-time codes

pub async fn create_code(
    conn: &mut Conn,
    code_hash: &str,
    account: AccountId,
    purpose: CodePurpose,
    issued_by: Option<AccountId>,
    now: i64,
    expires_at: i64,
) -> Result<InvitationId, StoreError> {
    let id = InvitationId::new();
    sqlx::query(
        "INSERT INTO invitations (id, code_hash, account_id, purpose, issued_by_account_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id.to_string())
    .bind(code_hash)
    .bind(account.to_string())
    .bind(purpose.code())
    .bind(issued_by.map(|a| a.to_string()))
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(id)
}

/// `OpenCode` as selected, before its purpose is read.
#[derive(sqlx::FromRow)]
struct OpenCodeRow {
    id: InvitationId,
    account_id: AccountId,
    purpose: String,
    issued_by_account_id: Option<AccountId>,
}

/// A code that has not been used and has not expired.
pub async fn open_code(
    conn: &mut Conn,
    code_hash: &str,
    now: i64,
) -> Result<Option<OpenCode>, StoreError> {
    let row: Option<OpenCodeRow> = sqlx::query_as(
        "SELECT id, account_id, purpose, issued_by_account_id FROM invitations \
         WHERE code_hash = $1 AND redeemed_at IS NULL AND expires_at > $2",
    )
    .bind(code_hash)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| {
        Ok(OpenCode {
            id: row.id,
            account: row.account_id,
            purpose: CodePurpose::from_code(&row.purpose)?,
            issued_by: row.issued_by_account_id,
        })
    })
    .transpose()
}

/// Marks a code used. False if it was used already (a race between two tabs).
pub async fn redeem_code(
    conn: &mut Conn,
    code: InvitationId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE invitations SET redeemed_at = $2 WHERE id = $1 AND redeemed_at IS NULL",
    )
    .bind(code.to_string())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A code's purpose and issuer, as `code_purpose` selects them.
#[derive(sqlx::FromRow)]
struct CodePurposeRow {
    purpose: String,
    issued_by_account_id: Option<AccountId>,
}

/// A code's purpose and whose account issued it (none for the server's command line).
pub async fn code_purpose(
    conn: &mut Conn,
    code: InvitationId,
) -> Result<Option<(CodePurpose, Option<AccountId>)>, StoreError> {
    let row: Option<CodePurposeRow> =
        sqlx::query_as("SELECT purpose, issued_by_account_id FROM invitations WHERE id = $1")
            .bind(code.to_string())
            .fetch_optional(&mut *conn)
            .await?;
    row.map(|row| {
        Ok((
            CodePurpose::from_code(&row.purpose)?,
            row.issued_by_account_id,
        ))
    })
    .transpose()
}

/// Whether an account has a passkey that still works.
pub async fn has_active_passkey(conn: &mut Conn, account: AccountId) -> Result<bool, StoreError> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT id FROM passkeys WHERE account_id = $1 AND revoked_at IS NULL LIMIT 1",
    )
    .bind(account.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.is_some())
}

/// Revokes every passkey of an account that still works, and ends every session of
/// the account, in the caller's transaction: a lost or taken phone is locked out.
/// Returns how many passkeys were revoked.
pub async fn revoke_all_passkeys(
    conn: &mut Conn,
    account: AccountId,
    reason: &'static str,
    now: i64,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "UPDATE passkeys SET revoked_at = $2, revoked_reason = $3 \
         WHERE account_id = $1 AND revoked_at IS NULL",
    )
    .bind(account.to_string())
    .bind(now)
    .bind(reason)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE sessions SET ended_at = $2, end_reason = 'passkey_revoked' \
         WHERE account_id = $1 AND ended_at IS NULL",
    )
    .bind(account.to_string())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}

// ---- notices

/// `take_notices` in a transaction of its own.
pub async fn notices_for(
    conn: &mut Conn,
    account: AccountId,
    signed_in_with: Option<PasskeyId>,
    now: i64,
) -> Result<Vec<String>, StoreError> {
    let mut tx = conn.begin().await?;
    let notices = take_notices_in(&mut tx, account, signed_in_with, now).await?;
    tx.commit().await?;
    Ok(notices)
}

/// Keeps something the account's owner must be told when they next sign in with
/// another passkey than `passkey` (the one the notice is about).
pub async fn add_notice(
    conn: &mut Conn,
    account: AccountId,
    passkey: PasskeyId,
    message: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO account_notices (id, account_id, passkey_id, message, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(account.to_string())
    .bind(passkey.to_string())
    .bind(message)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The notices not yet seen by the account's owner, oldest first, marked seen now:
/// unless the session was signed in with the very passkey a notice is about, since
/// whoever added it must not be the one to clear the warning.
pub async fn take_notices_in(
    conn: &mut Conn,
    account: AccountId,
    signed_in_with: Option<PasskeyId>,
    now: i64,
) -> Result<Vec<String>, StoreError> {
    let Some(passkey) = signed_in_with else {
        return Ok(Vec::new());
    };
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, message FROM account_notices \
         WHERE account_id = $1 AND seen_at IS NULL AND passkey_id <> $2 \
         ORDER BY created_at, id",
    )
    .bind(account.to_string())
    .bind(passkey.to_string())
    .fetch_all(&mut *conn)
    .await?;
    for (id, _) in &rows {
        sqlx::query("UPDATE account_notices SET seen_at = $2 WHERE id = $1")
            .bind(id)
            .bind(now)
            .execute(&mut *conn)
            .await?;
    }
    Ok(rows.into_iter().map(|(_, message)| message).collect())
}

// ---- passkeys

#[expect(
    clippy::too_many_arguments,
    reason = "one row's columns, each named at the call"
)]
pub async fn add_passkey(
    conn: &mut Conn,
    account: AccountId,
    credential_id: &str,
    credential: &str,
    sign_count: i64,
    backup: (bool, bool),
    label: &str,
    added_by: Option<AccountId>,
    now: i64,
) -> Result<PasskeyId, StoreError> {
    let id = PasskeyId::new();
    sqlx::query(
        "INSERT INTO passkeys (id, account_id, credential_id, credential, sign_count, backup_eligible, backed_up, label, created_at, added_by_account_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(id.to_string())
    .bind(account.to_string())
    .bind(credential_id)
    .bind(credential)
    .bind(sign_count)
    .bind(i64::from(backup.0))
    .bind(i64::from(backup.1))
    .bind(label)
    .bind(now)
    .bind(added_by.map(|a| a.to_string()))
    .execute(conn)
    .await?;
    Ok(id)
}

/// Whether a credential is already registered (to anyone).
pub async fn credential_exists(conn: &mut Conn, credential_id: &str) -> Result<bool, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT id FROM passkeys WHERE credential_id = $1")
        .bind(credential_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.is_some())
}

pub async fn passkey_by_credential(
    conn: &mut Conn,
    credential_id: &str,
) -> Result<Option<PasskeyRow>, StoreError> {
    let rows = passkeys_where(conn, "credential_id", credential_id).await?;
    Ok(rows.into_iter().next())
}

pub async fn passkeys_of_account(
    conn: &mut Conn,
    account: AccountId,
) -> Result<Vec<PasskeyRow>, StoreError> {
    passkeys_where(conn, "account_id", &account.to_string()).await
}

async fn passkeys_where(
    conn: &mut Conn,
    column: &'static str,
    value: &str,
) -> Result<Vec<PasskeyRow>, StoreError> {
    let sql = match column {
        "credential_id" => {
            "SELECT id, account_id, credential, sign_count, label, created_at, last_used_at, revoked_at, revoked_reason \
             FROM passkeys WHERE credential_id = $1"
        }
        _ => {
            "SELECT id, account_id, credential, sign_count, label, created_at, last_used_at, revoked_at, revoked_reason \
             FROM passkeys WHERE account_id = $1 ORDER BY created_at"
        }
    };
    Ok(sqlx::query_as(sql)
        .bind(value)
        .fetch_all(&mut *conn)
        .await?)
}

/// Saves a passkey's counter and backup flags after a sign-in, in the sign-in's transaction.
pub async fn update_passkey_use(
    conn: &mut Conn,
    passkey: PasskeyId,
    credential: &str,
    sign_count: i64,
    backup: (bool, bool),
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE passkeys SET credential = $2, sign_count = $3, backup_eligible = $4, backed_up = $5, last_used_at = $6 \
         WHERE id = $1",
    )
    .bind(passkey.to_string())
    .bind(credential)
    .bind(sign_count)
    .bind(i64::from(backup.0))
    .bind(i64::from(backup.1))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Revokes one of an account's passkeys and ends every session it signed in.
pub async fn revoke_passkey(
    conn: &mut Conn,
    account: AccountId,
    passkey: PasskeyId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE passkeys SET revoked_at = $3, revoked_reason = 'owner' WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL",
    )
    .bind(passkey.to_string())
    .bind(account.to_string())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query(
        "UPDATE sessions SET ended_at = $2, end_reason = 'passkey_revoked' WHERE passkey_id = $1 AND ended_at IS NULL",
    )
    .bind(passkey.to_string())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// Shares an entry with the family's workers (`None`) or one named member. The policy
/// decides beforehand whether the sharing is allowed.
pub async fn share(
    conn: &mut Conn,
    entry: EntryId,
    member: Option<MemberId>,
    now: i64,
    by: &Who,
) -> Result<Audited<()>, StoreError> {
    share_entry(conn, entry, member, now).await?;
    let detail = match member {
        Some(member) => format!("with member {member}"),
        None => "with the family's workers".to_owned(),
    };
    Ok(Audited::one(
        (),
        AuditRecord::new(
            by,
            "share_entry",
            None,
            Some(entry.to_string()),
            Outcome::Allowed,
            detail,
        ),
    ))
}

/// Keeps a share between two members a risk flag joins, exactly as the author asked,
/// audited as refused: the policy lets neither read the other's entries, so nothing
/// reaches the other person, and the author sees the same as for any share.
pub async fn share_withheld(
    conn: &mut Conn,
    entry: EntryId,
    member: MemberId,
    now: i64,
    by: &Who,
) -> Result<Audited<()>, StoreError> {
    share_entry(conn, entry, Some(member), now).await?;
    Ok(Audited::one(
        (),
        AuditRecord::new(
            by,
            "share_entry",
            None,
            Some(entry.to_string()),
            Outcome::Denied,
            format!(
                "withheld from member {member}: a risk flag joins the two, so nothing reaches them"
            ),
        ),
    ))
}

/// Withdraws an entry from the family's workers (`None`) or one named member. The share
/// row stays, marked withdrawn: that it was once shared, and who read it then, is part of
/// the record.
pub async fn withdraw(
    conn: &mut Conn,
    entry: EntryId,
    member: Option<MemberId>,
    now: i64,
    by: &Who,
) -> Result<Audited<()>, StoreError> {
    let detail = match member {
        None => {
            sqlx::query(
                "UPDATE entry_shares SET withdrawn_at = $2 \
                 WHERE entry_id = $1 AND audience = 'workers' AND withdrawn_at IS NULL",
            )
            .bind(entry.to_string())
            .bind(now)
            .execute(&mut *conn)
            .await?;
            "withdrawn from the family's workers".to_owned()
        }
        Some(member) => {
            sqlx::query(
                "UPDATE entry_shares SET withdrawn_at = $2 WHERE entry_id = $1 \
                 AND audience = 'member' AND member_id = $3 AND withdrawn_at IS NULL",
            )
            .bind(entry.to_string())
            .bind(now)
            .bind(member.to_string())
            .execute(&mut *conn)
            .await?;
            format!("withdrawn from member {member}")
        }
    };
    Ok(Audited::one(
        (),
        AuditRecord::new(
            by,
            "withdraw_entry",
            None,
            Some(entry.to_string()),
            Outcome::Allowed,
            detail,
        ),
    ))
}

/// A family member and their family, as `member_named` selects them.
#[derive(sqlx::FromRow)]
struct NamedMemberRow {
    id: MemberId,
    family_id: FamilyId,
}

/// A family member found by exact name, for the command line, the demo and tests.
pub async fn member_named(
    conn: &mut Conn,
    name: &str,
) -> Result<Option<(MemberId, FamilyId)>, StoreError> {
    let row: Option<NamedMemberRow> = sqlx::query_as(
        "SELECT id, family_id FROM members WHERE display_name = $1 ORDER BY created_at LIMIT 1",
    )
    .bind(name)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|row| (row.id, row.family_id)))
}

// ---- failed attempts

pub async fn record_failure(conn: &mut Conn, key: &str, now: i64) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO auth_failures (limit_key, at) VALUES ($1, $2)")
        .bind(key)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn failures_since(conn: &mut Conn, key: &str, since: i64) -> Result<i64, StoreError> {
    let (count,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM auth_failures WHERE limit_key = $1 AND at > $2")
            .bind(key)
            .bind(since)
            .fetch_one(&mut *conn)
            .await?;
    Ok(count)
}

/// Forgets failures older than `before`; they no longer count towards any limit.
pub async fn prune_failures(conn: &mut Conn, before: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM auth_failures WHERE at <= $1")
        .bind(before)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

// ---- facts for the policy, read inside an audited transaction

/// One row of what `families_facts` reads: which `part` of a family's facts it is (its
/// team, an allocated worker, a member with their kind and name, or a live risk flag),
/// the family, and one to three values.
#[derive(sqlx::FromRow)]
struct FactRow {
    part: String,
    family_id: FamilyId,
    a: String,
    b: Option<String>,
    c: Option<String>,
}

/// Each member of a family with their name, read with the family's facts.
pub type MemberNames = Vec<(MemberId, String)>;

/// A family's facts as `families_facts` gathers them from its rows; `team` is `None`
/// until the family's own row is seen, and stays so if there is no such family.
#[derive(Default)]
struct FactParts {
    team: Option<TeamId>,
    allocated: Vec<StaffId>,
    members: Vec<(MemberId, MemberKind)>,
    flags: Vec<Flag>,
    names: MemberNames,
}

/// What the policy needs to know about a family, or `None` if there is no such family.
pub async fn family_facts(
    conn: &mut Conn,
    family: FamilyId,
) -> Result<Option<FamilyFacts>, StoreError> {
    Ok(families_facts(conn, &[family]).await?.pop())
}

/// What the policy needs to know about a family and its members' names, from the one
/// statement `family_facts` runs, or `None` if there is no such family: for the pages
/// that name who wrote what.
pub async fn family_facts_and_names(
    conn: &mut Conn,
    family: FamilyId,
) -> Result<Option<(FamilyFacts, MemberNames)>, StoreError> {
    Ok(facts_and_names(conn, &[family]).await?.pop())
}

/// What the policy needs to know about each of `families` that exists, in the order
/// given: one statement for a caseload, however many families are in it (up to
/// `FAMILIES_AT_ONCE`). Every audited page asks for this first, so the four tables it
/// reads are read together, each row tagged with the part it belongs to.
pub async fn families_facts(
    conn: &mut Conn,
    families: &[FamilyId],
) -> Result<Vec<FamilyFacts>, StoreError> {
    Ok(facts_and_names(conn, families)
        .await?
        .into_iter()
        .map(|(facts, _)| facts)
        .collect())
}

async fn facts_and_names(
    conn: &mut Conn,
    families: &[FamilyId],
) -> Result<Vec<(FamilyFacts, MemberNames)>, StoreError> {
    let mut all = Vec::with_capacity(families.len());
    for chunk in families.chunks(super::FAMILIES_AT_ONCE) {
        let placeholders = super::placeholders(1, chunk.len());
        // Only numbered placeholders are added to the text; every value is bound, once,
        // and each part of the statement uses the same ones.
        let mut rows = sqlx::query_as::<_, FactRow>(sqlx::AssertSqlSafe(format!(
            "SELECT 'team' AS part, id AS family_id, team_id AS a, NULL AS b, NULL AS c \
             FROM families WHERE id IN ({placeholders}) \
             UNION ALL SELECT 'allocated', family_id, staff_id, NULL, NULL FROM allocations \
             WHERE ended_at IS NULL AND family_id IN ({placeholders}) \
             UNION ALL SELECT 'member', family_id, id, kind, display_name FROM members \
             WHERE family_id IN ({placeholders}) \
             UNION ALL SELECT 'flag', family_id, member_id, towards_member_id, NULL FROM risk_flags \
             WHERE withdrawn_at IS NULL AND family_id IN ({placeholders})"
        )));
        for family in chunk {
            rows = rows.bind(family.to_string());
        }
        let mut parts: std::collections::HashMap<FamilyId, FactParts> =
            std::collections::HashMap::with_capacity(chunk.len());
        for row in rows.fetch_all(&mut *conn).await? {
            let facts = parts.entry(row.family_id).or_default();
            match row.part.as_str() {
                "team" => facts.team = Some(parse_id(&row.a, TeamId::parse)?),
                "allocated" => facts.allocated.push(parse_id(&row.a, StaffId::parse)?),
                "member" => {
                    let member = parse_id(&row.a, MemberId::parse)?;
                    let kind = row.b.as_deref().and_then(MemberKind::from_code);
                    facts.members.push((
                        member,
                        kind.ok_or_else(|| StoreError::Corrupt(format!("kind {:?}", row.b)))?,
                    ));
                    facts.names.push((member, row.c.unwrap_or_default()));
                }
                "flag" => facts.flags.push(Flag {
                    member: parse_id(&row.a, MemberId::parse)?,
                    towards: parse_id(row.b.as_deref().unwrap_or_default(), MemberId::parse)?,
                }),
                other => return Err(StoreError::Corrupt(format!("facts part {other:?}"))),
            }
        }
        for family in chunk {
            let Some(FactParts {
                team: Some(team),
                allocated,
                members,
                flags,
                names,
            }) = parts.remove(family)
            else {
                continue;
            };
            let facts = FamilyFacts {
                id: *family,
                team,
                allocated,
                members,
                flags,
            };
            all.push((facts, names));
        }
    }
    Ok(all)
}

/// An entry with what the policy needs, and its latest words, decoded.
#[derive(Debug, Clone)]
pub struct EntryWithFacts {
    pub id: EntryId,
    pub created_at: i64,
    pub facts: EntryFacts,
    pub body: EntryBody,
    pub version: i64,
    /// The language of the pages its latest version was written on, if it was kept.
    pub written_in: Option<crate::domain::language::Lang>,
}

impl EntryWithFacts {
    /// The kind of entry, as its body says.
    pub fn kind(&self) -> EntryKind {
        self.body.kind()
    }
}

/// Every entry of a family with its sharing and latest version. The caller filters with
/// the policy before anything leaves the server.
pub async fn family_entries(
    conn: &mut Conn,
    family: FamilyId,
) -> Result<Vec<EntryWithFacts>, StoreError> {
    let rows: Vec<EntryRow> = sqlx::query_as(
        "SELECT e.id, e.author_member_id, e.kind, e.created_at, v.version, v.body, v.language \
         FROM entries e JOIN entry_versions v ON v.entry_id = e.id \
         WHERE e.family_id = $1 AND v.version = (SELECT MAX(version) FROM entry_versions WHERE entry_id = e.id) \
         ORDER BY e.created_at, e.id",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let shares: Vec<ShareRow> = sqlx::query_as(
        "SELECT s.entry_id, s.audience, s.member_id FROM entry_shares s JOIN entries e ON e.id = s.entry_id \
         WHERE e.family_id = $1 AND s.withdrawn_at IS NULL",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?;
    with_facts(family, rows, shares)
}

/// An entry's row as the reads of entries select it: its latest version and that
/// version's body.
#[derive(sqlx::FromRow)]
pub(super) struct EntryRow {
    id: EntryId,
    author_member_id: MemberId,
    kind: String,
    created_at: i64,
    version: i64,
    body: String,
    language: Option<String>,
}

/// A live share of an entry, as the reads of entries select it: with the family's
/// workers (`audience` is `workers`) or with one named member (`member`).
#[derive(sqlx::FromRow)]
pub(super) struct ShareRow {
    entry_id: EntryId,
    audience: String,
    member_id: Option<MemberId>,
}

/// Entries of `family` with what the policy needs, from their rows and their live shares.
/// A body that does not read is an error, never a gap.
/// Adds a live share to what the policy knows of its entry; answers whether it is a share
/// with the workers.
fn add_share(
    facts: &mut EntryFacts,
    audience: &str,
    member: Option<MemberId>,
) -> Result<bool, StoreError> {
    match (audience, member) {
        ("workers", _) => facts.shared_with_workers = true,
        ("member", Some(member)) => facts.shared_with.push(member),
        _ => return Err(StoreError::Corrupt(format!("share audience {audience:?}"))),
    }
    Ok(audience == "workers")
}

pub(super) fn with_facts(
    family: FamilyId,
    rows: Vec<EntryRow>,
    shares: Vec<ShareRow>,
) -> Result<Vec<EntryWithFacts>, StoreError> {
    let mut by_entry: std::collections::HashMap<EntryId, Vec<(String, Option<MemberId>)>> =
        std::collections::HashMap::new();
    for share in shares {
        by_entry
            .entry(share.entry_id)
            .or_default()
            .push((share.audience, share.member_id));
    }
    rows.into_iter()
        .map(|row| {
            let mut facts = EntryFacts {
                family,
                author: row.author_member_id,
                shared_with_workers: false,
                shared_with: Vec::new(),
            };
            for (audience, member) in by_entry.get(&row.id).into_iter().flatten() {
                add_share(&mut facts, audience, *member)?;
            }
            let body =
                super::entries::decode(&row.id.to_string(), row.version, &row.kind, &row.body)?;
            Ok(EntryWithFacts {
                id: row.id,
                created_at: row.created_at,
                facts,
                body,
                version: row.version,
                written_in: row
                    .language
                    .as_deref()
                    .and_then(crate::domain::language::Lang::parse),
            })
        })
        .collect()
}

/// Marks a session as just proved by its owner's passkey, in the caller's transaction.
pub async fn mark_session_verified(
    conn: &mut Conn,
    token_hash: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET verified_at = $2 WHERE token_hash = $1 AND ended_at IS NULL")
        .bind(token_hash.to_owned())
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// The family a member belongs to, if they exist.
pub async fn member_family(
    conn: &mut Conn,
    member: MemberId,
) -> Result<Option<FamilyId>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT family_id FROM members WHERE id = $1")
        .bind(member.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|(f,)| parse_id(&f, FamilyId::parse)).transpose()
}

/// The family an entry belongs to, if it exists.
pub async fn entry_family(conn: &mut Conn, entry: EntryId) -> Result<Option<FamilyId>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT family_id FROM entries WHERE id = $1")
        .bind(entry.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|(f,)| parse_id(&f, FamilyId::parse)).transpose()
}

/// Shares an entry with the workers or with one named member.
pub async fn share_entry(
    conn: &mut Conn,
    entry: EntryId,
    member: Option<MemberId>,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO entry_shares (id, entry_id, audience, member_id, shared_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(entry.to_string())
    .bind(if member.is_some() { "member" } else { "workers" })
    .bind(member.map(|m| m.to_string()))
    .bind(now)
    .execute(&mut *conn)
    .await?;
    // New input for the workers: the case system is told, with no words.
    if member.is_none() {
        super::case_system::queue_webhooks(conn, entry, now).await?;
    }
    Ok(())
}

/// An entry as a caseload counts it: what the policy needs and when it was written and
/// last shared with the workers, without its words.
#[derive(Debug, Clone)]
pub struct EntryMark {
    pub id: EntryId,
    pub kind: EntryKind,
    pub created_at: i64,
    pub facts: EntryFacts,
    /// When it was last shared with the family's workers, if it is shared with them now.
    pub shared_with_workers_at: Option<i64>,
}

/// The entries of each of `families` (only those of kind `only`, if given), with their
/// live shares, in the order they were written: two queries for up to 500 families, and
/// no entry's words read. The caller filters with the policy.
pub async fn families_entry_marks(
    conn: &mut Conn,
    families: &[FamilyId],
    only: Option<EntryKind>,
) -> Result<Vec<EntryMark>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct MarkRow {
        family_id: FamilyId,
        id: EntryId,
        author_member_id: MemberId,
        kind: String,
        created_at: i64,
    }
    #[derive(sqlx::FromRow)]
    struct LiveShare {
        entry_id: EntryId,
        audience: String,
        member_id: Option<MemberId>,
        shared_at: i64,
    }
    let mut marks = Vec::new();
    for chunk in families.chunks(super::FAMILIES_AT_ONCE) {
        let first = if only.is_some() { 2 } else { 1 };
        let list = super::placeholders(first, chunk.len());
        let kind = if only.is_some() {
            "e.kind = $1 AND "
        } else {
            ""
        };
        let sql = |text: String| sqlx::AssertSqlSafe(text);
        let mut rows = sqlx::query_as::<_, MarkRow>(sql(format!(
            "SELECT e.family_id, e.id, e.author_member_id, e.kind, e.created_at FROM entries e \
             WHERE {kind}e.family_id IN ({list}) ORDER BY e.created_at, e.id"
        )));
        let mut shares = sqlx::query_as::<_, LiveShare>(sql(format!(
            "SELECT s.entry_id, s.audience, s.member_id, s.shared_at FROM entry_shares s \
             JOIN entries e ON e.id = s.entry_id \
             WHERE {kind}e.family_id IN ({list}) AND s.withdrawn_at IS NULL"
        )));
        if let Some(only) = only {
            rows = rows.bind(only.code());
            shares = shares.bind(only.code());
        }
        for family in chunk {
            rows = rows.bind(family.to_string());
            shares = shares.bind(family.to_string());
        }
        let rows = rows.fetch_all(&mut *conn).await?;
        let mut by_entry: std::collections::HashMap<EntryId, Vec<LiveShare>> =
            std::collections::HashMap::new();
        for share in shares.fetch_all(&mut *conn).await? {
            by_entry.entry(share.entry_id).or_default().push(share);
        }
        for row in rows {
            let mut mark = EntryMark {
                id: row.id,
                kind: EntryKind::from_code(&row.kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("entry kind {:?}", row.kind)))?,
                created_at: row.created_at,
                facts: EntryFacts {
                    family: row.family_id,
                    author: row.author_member_id,
                    shared_with_workers: false,
                    shared_with: Vec::new(),
                },
                shared_with_workers_at: None,
            };
            for share in by_entry.get(&row.id).into_iter().flatten() {
                if add_share(&mut mark.facts, &share.audience, share.member_id)? {
                    mark.shared_with_workers_at =
                        mark.shared_with_workers_at.max(Some(share.shared_at));
                }
            }
            marks.push(mark);
        }
    }
    Ok(marks)
}
