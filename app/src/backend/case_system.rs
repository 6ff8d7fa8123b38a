//! The council's case system, on the server: API clients and their secrets, members'
//! references in the case system, and the integration API's audited reads.
//!
//! A client is never a person. Its secret names it (`Actor::ApiClient`), and from there
//! the policy decides exactly as for a worker of the teams an admin named for it: it
//! reads what the family shared with their workers, and nothing else. Every call is
//! audited in the transaction that reads, and rate limited per client. A secret that is
//! wrong, expired or revoked is refused alike, and counted beside the audit chain as any
//! request from nobody is, so a flood of guesses grows no evidence.

use crate::backend::auth::{CurrentSession, hash_secret, new_token};
use crate::backend::policy::{self, Actor};
use crate::backend::store::case_system::{self as stored, ClientRow, NewClient};
use crate::backend::store::identity::family_facts;
use crate::backend::store::{AuditRecord, AuditedTx, Outcome, Store, StoreError, Who, people};
use crate::domain::FieldErrors;
use crate::domain::case_system::{CALLS_PER_MINUTE, CaseRef, ClientName, parse_days};
use crate::domain::ids::{ApiClientId, CouncilId, EntryId, MemberId, StaffId, TeamId};
use crate::domain::supervision::{RECORD_SECTIONS, Rating};
use crate::dto::AppError;
use crate::dto::case_api::{
    ChangedItem, Changes, ClientState, ClientView, ClientsView, FamilyRef, MemberReference,
    Module8, Record, RecordVersion, Records, ReferencesView, SecretView, Section, Withdrawn,
    module_8, rfc3339,
};
use crate::dto::views::ViewFilter;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// How long a new client's secret waits, sealed, for the page that shows it once.
const SECRET_SHOWN_WITHIN_MS: i64 = 10 * 60 * 1000;
/// How far behind the time of a read the next cursor starts, so that a change whose
/// transaction began before the read and committed after it is given next time.
const CURSOR_OVERLAP_MS: i64 = 60 * 1000;
/// What every secret starts with, so one found in a log or a file is easy to recognise.
const SECRET_PREFIX: &str = "fpapi";

/// Why an API call was refused, before or instead of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No secret, or one that is wrong, expired or revoked: never told apart.
    Unauthorised,
    /// Not there, or not this client's: never told apart.
    NotFound,
    /// Too many calls this minute; try again after this many seconds.
    TooMany(i64),
    /// A cursor this API never gave.
    BadCursor,
    Internal,
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        match error {
            AppError::NotFound => ApiError::NotFound,
            _ => ApiError::Internal,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        AppError::from(error).into()
    }
}

/// Compares two hashes in constant time, so the time a wrong secret takes says nothing
/// about how much of it was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A new client's secret: its id, so the client is found without a search, and 256
/// random bits.
fn new_secret(client: ApiClientId) -> String {
    format!(
        "{SECRET_PREFIX}_{}_{}",
        client.as_uuid().simple(),
        new_token()
    )
}

/// The client a secret names, if it is shaped like one.
fn client_of(secret: &str) -> Option<ApiClientId> {
    let rest = secret.strip_prefix(SECRET_PREFIX)?.strip_prefix('_')?;
    let (id, _) = rest.split_once('_')?;
    uuid::Uuid::try_parse(id).ok().map(ApiClientId::from_uuid)
}

/// Whether a client may call now: a head of service approved it, and its secret has not
/// expired and was not revoked.
pub fn in_force(client: &ClientRow, now: i64) -> bool {
    client.approved_at.is_some() && client.revoked_at.is_none() && now < client.expires_at
}

/// Who is calling: the client its secret names, if the secret is right and in force,
/// and the client has calls left this minute. A refusal for want of a secret in force is
/// a 401, which the session layer counts beside the audit chain for the caller's
/// address, as it does any request from nobody.
pub async fn caller(store: &Store, secret: Option<&str>) -> Result<Actor, ApiError> {
    let now = store.now();
    // One connection for who is calling and their count this minute.
    let mut conn = store.pool_connection().await?;
    let found = match secret.and_then(|s| client_of(s).map(|id| (s, id))) {
        Some((secret, id)) => stored::client(&mut conn, id).await?.filter(|c| {
            constant_time_eq(hash_secret(secret).as_bytes(), c.secret_hash.as_bytes())
                && in_force(c, now)
        }),
        None => None,
    };
    let Some(client) = found else {
        return Err(ApiError::Unauthorised);
    };
    let actor = Actor::ApiClient {
        client: client.id,
        council: client.council,
        teams: client.teams,
        name: client.name,
    };
    let calls = stored::count_call(&mut conn, client.id, now).await?;
    drop(conn);
    if calls > CALLS_PER_MINUTE {
        // The first refusal each minute is in the trail; the rest are only counted.
        if calls == CALLS_PER_MINUTE + 1 {
            store
                .audit(AuditRecord::new(
                    &Who::actor(&actor),
                    "api_call",
                    None,
                    Some(client.id.to_string()),
                    Outcome::Denied,
                    "too many calls this minute",
                ))
                .await?;
        }
        return Err(ApiError::TooMany(60 - now.rem_euclid(60_000) / 1000));
    }
    Ok(actor)
}

/// The family a case system's reference names, opened for the client in `audited` if
/// the policy lets it; anything else is refused in the trail and answers "not found",
/// exactly as a reference nobody has.
async fn open(
    mut audited: AuditedTx,
    actor: &Actor,
    reference: &str,
    action: &'static str,
) -> Result<(AuditedTx, policy::FamilyFacts), ApiError> {
    let Actor::ApiClient { council, teams, .. } = actor else {
        return Err(ApiError::Unauthorised);
    };
    let family = stored::family_by_reference(&mut audited.tx, *council, teams, reference).await?;
    let facts = match family {
        Some(family) => family_facts(&mut audited.tx, family).await?,
        None => None,
    };
    match facts.filter(|f| policy::may_open_family(actor, f)) {
        Some(facts) => Ok((audited, facts)),
        None => Err(policy::refuse(
            audited,
            actor,
            action,
            Some(reference.chars().take(64).collect()),
            "no such reference, or not the client's teams",
        )
        .await
        .into()),
    }
}

/// Module 8 of the family `reference` names, read for an API client in one audited read
/// as `action`, as the page shows it: everything, or only what was written, shared or
/// changed after `changed_since`, with the shares withdrawn after it.
async fn read_module_8(
    store: &Store,
    actor: &Actor,
    reference: &str,
    action: &'static str,
    changed_since: Option<i64>,
) -> Result<(Module8, Vec<String>, Vec<(EntryId, i64)>), ApiError> {
    let (audited, facts) = open(store.begin_read().await?, actor, reference, action).await?;
    let now = store.now();
    let (mut audited, view, ids) = crate::backend::views::module_8_in(
        audited,
        actor,
        &facts,
        &ViewFilter::everything(),
        changed_since,
        now,
    )
    .await?;
    let refs: Vec<(String, String)> = stored::member_refs(&mut audited.tx, facts.id)
        .await?
        .into_iter()
        .map(|(member, reference)| (member.to_string(), reference))
        .collect();
    let withdrawn = match changed_since {
        Some(since) => stored::withdrawn_since(&mut audited.tx, facts.id, since).await?,
        None => Vec::new(),
    };
    audited
        .finish(AuditRecord::new(
            &Who::actor(actor),
            action,
            Some(facts.id),
            Some(facts.id.to_string()),
            Outcome::Allowed,
            ids.join(","),
        ))
        .await?;
    Ok((module_8(&view, &refs, now), ids, withdrawn))
}

/// Module 8 of the family `reference` names, for an API client, as the page shows it.
pub async fn api_module_8(
    store: &Store,
    actor: &Actor,
    reference: &str,
) -> Result<Module8, ApiError> {
    Ok(read_module_8(store, actor, reference, "api_module8", None)
        .await?
        .0)
}

/// A cursor as this API gives it.
fn cursor(at: i64) -> String {
    format!("v1.{at}")
}

/// A cursor this API gave: never one from the future, which would hide everything until
/// then.
fn parse_cursor(raw: &str, now: i64) -> Result<i64, ApiError> {
    raw.strip_prefix("v1.")
        .and_then(|at| at.parse::<i64>().ok())
        .filter(|at| (0..=now).contains(at))
        .ok_or(ApiError::BadCursor)
}

/// What changed in the family's Module 8 since `since` (a cursor this API gave, or none
/// for everything), for an API client.
pub async fn api_changes(
    store: &Store,
    actor: &Actor,
    reference: &str,
    since: Option<&str>,
) -> Result<Changes, ApiError> {
    let now = store.now();
    let cursor_given = since.is_some();
    let since = since
        .map(|raw| parse_cursor(raw, now))
        .transpose()?
        .unwrap_or(0);
    let (shaped, ids, withdrawn) =
        read_module_8(store, actor, reference, "api_changes", Some(since)).await?;
    let changed: Vec<ChangedItem> = shaped
        .members
        .into_iter()
        .flat_map(|m| {
            m.items.into_iter().map(move |item| ChangedItem {
                member_id: m.id.clone(),
                member_case_reference: m.case_reference.clone(),
                member_name: m.name.clone(),
                item,
            })
        })
        .collect();
    // An entry withdrawn and shared again since is shared: it is in `changed` alone. With
    // no cursor, the system had nothing before, so nothing was withdrawn from it.
    let withdrawn = withdrawn
        .into_iter()
        .filter(|_| cursor_given)
        .filter(|(id, _)| !ids.contains(&id.to_string()))
        .map(|(id, at)| Withdrawn {
            id: id.to_string(),
            withdrawn_at: rfc3339(at),
        })
        .collect();
    Ok(Changes {
        family: shaped.family,
        changed,
        withdrawn,
        next: cursor(since.max(now - CURSOR_OVERLAP_MS)),
    })
}

/// Every finalised record of the family's group case supervision, for an API client.
pub async fn api_records(
    store: &Store,
    actor: &Actor,
    reference: &str,
) -> Result<Records, ApiError> {
    let (mut audited, facts) =
        open(store.begin_read().await?, actor, reference, "api_records").await?;
    let header = people::family_header(&mut audited.tx, facts.id).await?;
    let rows = stored::finalised_records(&mut audited.tx, facts.id).await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(actor),
            "api_records",
            Some(facts.id),
            Some(facts.id.to_string()),
            Outcome::Allowed,
            format!("{} finalised versions", rows.len()),
        ))
        .await?;
    let mut records: Vec<Record> = Vec::new();
    for row in rows {
        let v = row.version;
        let words = [
            v.reflection,
            v.child_views,
            v.parent_views,
            v.impact,
            v.plan,
            v.decisions,
            v.reasons,
        ];
        let version = RecordVersion {
            version: v.version,
            by: v.staff_name,
            written_at: rfc3339(v.written_at),
            rating: v
                .rating
                .as_deref()
                .and_then(Rating::from_code)
                .map(|r| r.code().to_owned()),
            sections: RECORD_SECTIONS
                .iter()
                .zip(words)
                .map(|((_, heading, _), words)| Section {
                    heading: (*heading).to_owned(),
                    words,
                })
                .collect(),
            why_changed: v.why_changed,
            told_family: v.told_family,
            told_child: v.told_child,
        };
        match records.last_mut() {
            Some(last) if last.session_id == row.session_id => last.versions.push(version),
            _ => records.push(Record {
                session_id: row.session_id,
                held_on: rfc3339(row.held_on),
                versions: vec![version],
            }),
        }
    }
    Ok(Records {
        family: FamilyRef {
            id: facts.id.to_string(),
            case_reference: header.reference,
            display_name: header.display_name,
        },
        records,
    })
}

// ---- an admin's pages

/// Where a client stands at `now`.
fn state(client: &ClientRow, now: i64) -> ClientState {
    if client.revoked_at.is_some() {
        ClientState::Revoked
    } else if now >= client.expires_at {
        ClientState::Expired
    } else if client.approved_at.is_none() {
        ClientState::WaitingForApproval
    } else {
        ClientState::InUse
    }
}

/// A council's API clients and its teams, as its admins and heads of service see them.
async fn clients_view(store: &Store, council: CouncilId) -> Result<ClientsView, AppError> {
    let conn = &mut *store.pool_connection().await?;
    let teams = stored::council_teams(conn, council).await?;
    let team_name = |id: &TeamId| {
        teams
            .iter()
            .find(|(team, _)| team == id)
            .map(|(_, name)| name.clone())
            .unwrap_or_default()
    };
    let now = store.now();
    let clients = stored::clients_of(conn, council)
        .await?
        .into_iter()
        .map(|c| ClientView {
            id: c.id.to_string(),
            name: c.name.clone(),
            teams: c.teams.iter().map(team_name).collect(),
            created_at: c.created_at,
            expires_at: c.expires_at,
            revoked_at: c.revoked_at,
            webhook_url: c.webhook_url.clone(),
            created_by: c.created_by.clone(),
            approved_by: c.approved_by.clone(),
            state: state(&c, now),
        })
        .collect();
    Ok(ClientsView {
        clients,
        teams: teams
            .iter()
            .map(|(id, name)| crate::dto::supervision::Choice {
                id: id.to_string(),
                label: name.clone(),
            })
            .collect(),
    })
}

/// The council's API clients and teams, for one of its admins.
pub async fn clients(store: &Store, session: &CurrentSession) -> Result<ClientsView, AppError> {
    let (council, _) =
        crate::backend::notices::admin_council(store, session, "read_api_clients").await?;
    clients_view(store, council).await
}

/// The head of service's council, or "not found", audited as a refusal of `action`.
async fn approver_council(
    store: &Store,
    session: &CurrentSession,
    action: &'static str,
) -> Result<(CouncilId, StaffId), AppError> {
    crate::backend::notices::staff_council_where(
        store,
        session,
        action,
        policy::may_approve_api_clients,
        "not a head of service",
    )
    .await
}

/// The client `client` names, if `may` lets the actor act on it from `council`;
/// anything else is "not found", audited as a refusal of `action`.
async fn client_where(
    store: &Store,
    session: &CurrentSession,
    council: CouncilId,
    client: &str,
    action: &'static str,
    may: fn(&Actor, Option<CouncilId>, Option<CouncilId>) -> bool,
) -> Result<ClientRow, AppError> {
    let found = match ApiClientId::parse(client) {
        Ok(id) => stored::client(&mut *store.pool_connection().await?, id).await?,
        Err(_) => None,
    };
    match found.filter(|row| may(&session.actor, Some(council), Some(row.council))) {
        Some(row) => Ok(row),
        None => Err(policy::refuse(
            store.begin_audited().await?,
            &session.actor,
            action,
            Some(client.chars().take(64).collect()),
            "no such client of the council",
        )
        .await),
    }
}

/// The council's API clients, for a head of service to approve.
pub async fn to_approve(store: &Store, session: &CurrentSession) -> Result<ClientsView, AppError> {
    let (council, _) = approver_council(store, session, "read_api_clients").await?;
    clients_view(store, council).await
}

/// Approves a client of the head of service's council: its secret works from now on.
pub async fn approve(
    store: &Store,
    session: &CurrentSession,
    client: &str,
) -> Result<(), AppError> {
    let (council, head) = approver_council(store, session, "approve_api_client").await?;
    let row = client_where(
        store,
        session,
        council,
        client,
        "approve_api_client",
        policy::may_approve_api_clients,
    )
    .await?;
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let approved = stored::approve(&mut audited.tx, row.id, head, at).await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "approve_api_client",
            None,
            Some(row.id.to_string()),
            Outcome::Allowed,
            if approved {
                "approved"
            } else {
                "already approved or revoked"
            },
        ))
        .await?;
    Ok(())
}

/// Registers a client for teams of the admin's council, keeps a hash of its secret, and
/// seals the secret for the admin's next page, which shows it once. Answers its id.
/// `this_machine`: whether its webhooks may go to `localhost` (see `webhook_address`).
pub async fn register(
    store: &Store,
    session: &CurrentSession,
    name: &str,
    days: &str,
    teams: &[String],
    webhook_url: &str,
    this_machine: bool,
) -> Result<ApiClientId, AppError> {
    let (council, admin) =
        crate::backend::notices::admin_council(store, session, "register_api_client").await?;
    let mut errors = FieldErrors::new();
    let name = errors.check("name", ClientName::parse(name));
    let council_teams =
        stored::council_teams(&mut *store.pool_connection().await?, council).await?;
    let chosen: Vec<TeamId> = council_teams
        .iter()
        .filter(|(id, _)| teams.iter().any(|t| *t == id.to_string()))
        .map(|(id, _)| *id)
        .collect();
    if chosen.is_empty() {
        errors.push("teams", "Select the teams whose families it may read");
    }
    let days = errors.check("days", parse_days(days));
    let webhook_url = errors
        .check("webhook_url", webhook_address(webhook_url, this_machine))
        .flatten();
    let (Some(name), Some(days)) = (name, days) else {
        return Err(AppError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let id = ApiClientId::new();
    let secret = new_secret(id);
    let client = NewClient {
        id,
        council,
        name: name.as_str(),
        secret_hash: &hash_secret(&secret),
        created_by: admin,
        expires_at: at + days * DAY_MS,
        webhook_url: webhook_url.as_deref(),
        teams: &chosen,
    };
    if !stored::add_client(&mut audited.tx, &client, at).await? {
        return Err(AppError::Invalid(FieldErrors::single(
            "name",
            "The council already has a system with this name. Enter another name",
        )));
    }
    let team_ids: Vec<String> = chosen.iter().map(ToString::to_string).collect();
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "register_api_client",
            None,
            Some(id.to_string()),
            Outcome::Allowed,
            format!(
                "{}; teams {}; {days} days",
                name.as_str(),
                team_ids.join(",")
            ),
        ))
        .await?;
    crate::backend::shown_codes::put(
        store,
        session,
        &id.to_string(),
        false,
        &crate::backend::auth::IssuedCode {
            code: secret,
            expires_at: at + SECRET_SHOWN_WITHIN_MS,
        },
    )
    .await?;
    Ok(id)
}

/// Where a client's webhook notices go: nothing, or an `https://` address on the
/// internet. `http://localhost` only when `this_machine` allows it (a portal being tried
/// out on localhost). Never an address of a private, loopback or link-local network,
/// where a notice could reach something inside the council's own network.
fn webhook_address(raw: &str, this_machine: bool) -> Result<Option<String>, String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let wrong = || "Enter a web address that starts with https://, or leave it empty".to_owned();
    if trimmed.len() > 500 {
        return Err("The address must be 500 characters or fewer".to_owned());
    }
    let url = url::Url::parse(trimmed).map_err(|_| wrong())?;
    let host = url.host().ok_or_else(wrong)?;
    let loopback = match &host {
        url::Host::Domain(name) => *name == "localhost",
        url::Host::Ipv4(ip) => ip.is_loopback(),
        url::Host::Ipv6(ip) => ip.is_loopback(),
    };
    if loopback {
        return if this_machine && matches!(url.scheme(), "http" | "https") {
            Ok(Some(url.to_string()))
        } else {
            Err("Enter the address of the case system, not of this machine".to_owned())
        };
    }
    let inside = match host {
        url::Host::Domain(_) => false,
        url::Host::Ipv4(ip) => !public_v4(ip),
        url::Host::Ipv6(ip) => !public_v6(ip),
    };
    if inside {
        return Err(
            "Enter an address on the internet, not one inside a private network".to_owned(),
        );
    }
    match url.scheme() {
        "https" => Ok(Some(url.to_string())),
        _ => Err(wrong()),
    }
}

/// Whether an IPv4 address is on the public internet: not private, loopback,
/// link-local, shared (carrier-grade NAT), documentation, broadcast or unspecified.
pub fn public_v4(ip: std::net::Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    !(ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_unspecified()
        || ip.is_multicast()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || (a == 198 && (b == 18 || b == 19)))
}

/// Whether an IPv6 address is on the public internet: not loopback, unspecified,
/// unique-local, link-local or multicast, and not an IPv4 address inside the network.
pub fn public_v6(ip: std::net::Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return public_v4(v4);
    }
    let first = ip.segments()[0];
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00
        || (first & 0xffc0) == 0xfe80)
}

/// A client of the admin's council; anything else is refused as not found.
async fn own_client(
    store: &Store,
    session: &CurrentSession,
    client: &str,
    action: &'static str,
) -> Result<(CouncilId, StaffId, ClientRow), AppError> {
    let (council, admin) = crate::backend::notices::admin_council(store, session, action).await?;
    let row = client_where(
        store,
        session,
        council,
        client,
        action,
        policy::may_manage_case_system,
    )
    .await?;
    Ok((council, admin, row))
}

/// A new client's secret, once, for the admin who registered it: asking again, or on
/// another session, shows no secret.
pub async fn secret(
    store: &Store,
    session: &CurrentSession,
    client: &str,
) -> Result<SecretView, AppError> {
    let (_, _, row) = own_client(store, session, client, "show_api_secret").await?;
    let taken = crate::backend::shown_codes::take(store, session, &row.id.to_string()).await?;
    Ok(SecretView {
        client: row.id.to_string(),
        name: row.name,
        secret: taken.map(|(_, code)| code.code),
        expires_at: row.expires_at,
    })
}

/// Revokes a client of the admin's council: its secret stops working at once.
pub async fn revoke(store: &Store, session: &CurrentSession, client: &str) -> Result<(), AppError> {
    let (_, admin, row) = own_client(store, session, client, "revoke_api_client").await?;
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let revoked = stored::revoke(&mut audited.tx, row.id, admin, at).await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "revoke_api_client",
            None,
            Some(row.id.to_string()),
            Outcome::Allowed,
            if revoked {
                "revoked"
            } else {
                "already revoked"
            },
        ))
        .await?;
    Ok(())
}

/// A family of the admin's council found by its case reference, with its members'
/// references in the case system. None when no family of the council has it.
pub async fn references(
    store: &Store,
    session: &CurrentSession,
    reference: &str,
) -> Result<Option<ReferencesView>, AppError> {
    let (council, _) =
        crate::backend::notices::admin_council(store, session, "read_case_refs").await?;
    let mut audited = store.begin_read().await?;
    let Some(found) = stored::family_of_council(&mut audited.tx, council, reference.trim()).await?
    else {
        audited
            .finish(AuditRecord::new(
                &Who::actor(&session.actor),
                "read_case_refs",
                None,
                Some(reference.chars().take(64).collect()),
                Outcome::Allowed,
                "no family with this reference",
            ))
            .await?;
        return Ok(None);
    };
    let members = people::members_of(&mut audited.tx, found.id).await?;
    let refs = stored::member_refs(&mut audited.tx, found.id).await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "read_case_refs",
            Some(found.id),
            Some(found.id.to_string()),
            Outcome::Allowed,
            "members' names and references",
        ))
        .await?;
    Ok(Some(ReferencesView {
        family: found.id.to_string(),
        reference: found.reference,
        display_name: found.display_name,
        team: found.team_name,
        members: members
            .into_iter()
            .map(|m| MemberReference {
                id: m.id.to_string(),
                case_reference: refs
                    .iter()
                    .find(|(id, _)| *id == m.id)
                    .map(|(_, r)| r.clone())
                    .unwrap_or_default(),
                name: m.name,
                place: m.kind.title().to_owned(),
            })
            .collect(),
    }))
}

/// Sets (or, left empty, clears) a member's reference in the case system, for an admin
/// of the member's council. Answers the family's case reference, to go back to it.
pub async fn set_reference(
    store: &Store,
    session: &CurrentSession,
    member: &str,
    reference: &str,
) -> Result<String, AppError> {
    let (council, admin) =
        crate::backend::notices::admin_council(store, session, "set_case_ref").await?;
    let parsed = if reference.trim().is_empty() {
        None
    } else {
        Some(
            CaseRef::parse(reference)
                .map_err(|m| AppError::Invalid(FieldErrors::single("reference", m)))?,
        )
    };
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let member_id = MemberId::parse(member).ok();
    let row = match member_id {
        Some(id) => people::member(&mut audited.tx, id).await?,
        None => None,
    };
    let family_council = match &row {
        Some(row) => {
            crate::backend::store::notices::family_council(&mut audited.tx, row.family).await?
        }
        None => None,
    };
    let (Some(row), Some((theirs, family_reference))) = (row, family_council) else {
        return Err(policy::refuse(
            audited,
            &session.actor,
            "set_case_ref",
            Some(member.chars().take(64).collect()),
            "no such member",
        )
        .await);
    };
    if !policy::may_manage_case_system(&session.actor, Some(council), Some(theirs)) {
        return Err(policy::refuse(
            audited,
            &session.actor,
            "set_case_ref",
            Some(row.id.to_string()),
            "not of the admin's council",
        )
        .await);
    }
    // A family's own case reference names that family: no member may have it too.
    if let Some(reference) = &parsed
        && stored::family_of_council(&mut audited.tx, council, reference.as_str())
            .await?
            .is_some()
    {
        return Err(AppError::Invalid(FieldErrors::single(
            "reference",
            "A family in the council has this as its case reference. Enter the person's own reference",
        )));
    }
    if let Some(reference) = &parsed
        && let Some(holder) =
            stored::member_with_ref(&mut audited.tx, council, reference.as_str()).await?
        && holder != row.id
    {
        return Err(AppError::Invalid(FieldErrors::single(
            "reference",
            "Someone else in the council already has this reference. Check it in the case system",
        )));
    }
    stored::set_member_ref(
        &mut audited.tx,
        council,
        row.id,
        parsed.as_ref().map(CaseRef::as_str),
        admin,
        at,
    )
    .await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "set_case_ref",
            Some(row.family),
            Some(row.id.to_string()),
            Outcome::Allowed,
            parsed
                .as_ref()
                .map_or("cleared", CaseRef::as_str)
                .to_owned(),
        ))
        .await?;
    Ok(family_reference)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_webhook_goes_to_the_internet_and_never_inside_the_network() {
        let ok = |raw: &str, here: bool| webhook_address(raw, here);
        assert_eq!(ok("", false), Ok(None));
        assert_eq!(
            ok(" https://lcs.example.org/portal ", false),
            Ok(Some("https://lcs.example.org/portal".to_owned()))
        );
        for inside in [
            "https://10.1.2.3/",
            "https://192.168.0.1/",
            "https://172.16.0.1/",
            "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/",
            "https://0.0.0.0/",
            "https://[fd00::1]/",
            "https://[fe80::1]/",
            "https://[::ffff:10.0.0.1]/",
        ] {
            assert!(ok(inside, false).is_err(), "{inside}");
            assert!(ok(inside, true).is_err(), "{inside}");
        }
        for here in [
            "http://localhost:3190/",
            "http://127.0.0.1:9/",
            "https://[::1]/",
        ] {
            assert!(ok(here, false).is_err(), "{here}");
            assert!(ok(here, true).is_ok(), "{here}");
        }
        for wrong in [
            "http://lcs.example.org/",
            "ftp://lcs.example.org/",
            "not an address",
            "https://",
        ] {
            assert!(ok(wrong, true).is_err(), "{wrong}");
        }
        assert!(
            ok(
                &format!("https://lcs.example.org/{}", "a".repeat(500)),
                false
            )
            .is_err()
        );
        assert!(public_v4(std::net::Ipv4Addr::new(93, 184, 216, 34)));
    }

    #[test]
    fn a_cursor_is_one_this_api_gave_and_never_from_the_future() {
        assert_eq!(parse_cursor("v1.1000", 2000), Ok(1000));
        assert_eq!(parse_cursor("v1.3000", 2000), Err(ApiError::BadCursor));
        assert_eq!(parse_cursor("v1.-1", 2000), Err(ApiError::BadCursor));
        assert_eq!(parse_cursor("1000", 2000), Err(ApiError::BadCursor));
        assert_eq!(cursor(1234), "v1.1234");
    }

    #[test]
    fn a_secret_names_its_client_and_nothing_else_does() {
        let id = ApiClientId::new();
        let secret = new_secret(id);
        assert_eq!(client_of(&secret), Some(id));
        assert_eq!(client_of("fpapi_nonsense"), None);
        assert_eq!(client_of(&secret.replacen("fpapi", "other", 1)), None);
        assert!(constant_time_eq(b"same", b"same"));
        assert!(!constant_time_eq(b"same", b"sane"));
        assert!(!constant_time_eq(b"same", b"same, longer"));
    }
}
