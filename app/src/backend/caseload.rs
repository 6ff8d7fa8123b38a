//! A practitioner's caseload (or, for a team manager, the team's): for each family, how
//! much it has shared since its last group case supervision, when it last shared a
//! check-in, and who has not engaged for a chosen number of weeks.
//!
//! Only what the practitioner may read counts, so a private entry changes none of the
//! figures: hidden is exactly like absent here too. "Engaged" means signed in or shared
//! something; a member's private writing is never used to say they were active.

use crate::backend::policy::{self, Actor, FamilyFacts};
use crate::backend::store::entries::shared_with_workers_at;
use crate::backend::store::identity::{EntryWithFacts, family_entries};
use crate::backend::store::{Conn, StoreError, people};
use crate::domain::entries::EntryKind;
use crate::domain::ids::FamilyId;
use crate::dto::family::CaseloadRow;
use std::collections::HashMap;

const WEEK_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// New to the workers since `since`: written since then, or written earlier and shared
/// with them since. The caseload counts and the pack shows the same entries.
pub(crate) fn is_new(entry: &EntryWithFacts, shared_at: &HashMap<String, i64>, since: i64) -> bool {
    entry.created_at > since
        || shared_at
            .get(&entry.id.to_string())
            .is_some_and(|at| *at > since)
}

/// The figures for one family the practitioner may open.
pub async fn row(
    conn: &mut Conn,
    actor: &Actor,
    facts: &FamilyFacts,
    (id, reference, display_name): (FamilyId, String, String),
    weeks: u8,
    now: i64,
) -> Result<CaseloadRow, StoreError> {
    let last_supervision = crate::backend::supervision::last_held(&mut *conn, id, now).await?;
    let shared_at = shared_with_workers_at(&mut *conn, id).await?;
    let readable: Vec<_> = family_entries(&mut *conn, id)
        .await?
        .into_iter()
        .filter(|e| e.kind() != EntryKind::SafetyAlert)
        .filter(|e| policy::may_read_entry(actor, facts, &e.facts))
        .collect();
    let since = last_supervision.unwrap_or(i64::MIN);
    let new_shared = readable
        .iter()
        .filter(|e| is_new(e, &shared_at, since))
        .count();
    let last_check_in = readable
        .iter()
        .filter(|e| e.kind() == EntryKind::CheckIn)
        .map(|e| e.created_at)
        .max();
    let members = people::last_sign_ins(&mut *conn, id).await?;
    let quiet_since = now - i64::from(weeks) * WEEK_MS;
    let not_engaged = members
        .into_iter()
        .filter(|member| {
            let shared = readable
                .iter()
                .filter(|e| e.facts.author == member.id)
                .map(|e| e.created_at)
                .max();
            member.at.max(shared).is_none_or(|last| last < quiet_since)
        })
        .map(|member| member.name)
        .collect();
    Ok(CaseloadRow {
        id,
        reference,
        display_name,
        last_supervision,
        new_shared,
        last_check_in,
        not_engaged,
    })
}

/// The caseload: every family the practitioner may open (for a team manager, the team's),
/// with its figures, in one audited read (a row for each family).
pub async fn caseload(
    store: &crate::backend::store::Store,
    session: &crate::backend::auth::CurrentSession,
    weeks: u8,
) -> Result<Vec<CaseloadRow>, crate::dto::AppError> {
    use crate::backend::store::{AuditRecord, Outcome, Who};
    let mut audited = store.begin_audited().await?;
    let families = crate::backend::family::families_of(&mut audited.tx, &session.actor).await?;
    let now = store.now();
    let mut rows = Vec::new();
    for (facts, listed) in families {
        rows.push(row(&mut audited.tx, &session.actor, &facts, listed, weeks, now).await?);
    }
    // One row for each family whose figures were read, so a family's audit trail shows
    // every caseload that counted it; an empty caseload is recorded too.
    let who = Who::actor(&session.actor);
    let read = |family: Option<crate::domain::ids::FamilyId>| {
        AuditRecord::new(
            &who,
            "read_caseload",
            family,
            None,
            Outcome::Allowed,
            format!("not engaged for {weeks} weeks"),
        )
    };
    let mut records: Vec<AuditRecord> = rows.iter().map(|r| read(Some(r.id))).collect();
    let first = if records.is_empty() {
        read(None)
    } else {
        records.remove(0)
    };
    audited.finish_with(first, records).await?;
    Ok(rows)
}
