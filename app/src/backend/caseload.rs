//! A practitioner's caseload (or, for a team manager, the team's): for each family, how
//! much it has shared since its last group case supervision, when it last shared a
//! check-in, and who has not engaged for a chosen number of weeks.
//!
//! Only what the practitioner may read counts, so a private entry changes none of the
//! figures: hidden is exactly like absent here too. "Engaged" means signed in or shared
//! something; a member's private writing is never used to say they were active.
//!
//! The figures for every family are read together, a handful of queries for the whole
//! caseload, and no entry's words are read to count it.

use crate::backend::policy::{self, Actor, FamilyFacts};
use crate::backend::store::identity::{EntryMark, families_entry_marks};
use crate::backend::store::people::{self, LastSignIn};
use crate::backend::store::{Conn, StoreError};
use crate::domain::entries::EntryKind;
use crate::domain::ids::FamilyId;
use crate::dto::family::CaseloadRow;
use std::collections::HashMap;

const WEEK_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// New to the workers since `since`: written since then, or written earlier and shared
/// with them since. The caseload counts and the pack shows the same entries.
pub(crate) fn is_new(created_at: i64, shared_with_workers_at: Option<i64>, since: i64) -> bool {
    created_at > since || shared_with_workers_at.is_some_and(|at| at > since)
}

/// The figures for each family the practitioner may open, in the order given.
pub async fn rows(
    conn: &mut Conn,
    actor: &Actor,
    families: Vec<(FamilyFacts, (FamilyId, String, String))>,
    weeks: u8,
    now: i64,
) -> Result<Vec<CaseloadRow>, StoreError> {
    let ids: Vec<FamilyId> = families.iter().map(|(facts, _)| facts.id).collect();
    let last_held = crate::backend::supervision::last_held_each(&mut *conn, &ids, now).await?;
    let mut marks: HashMap<FamilyId, Vec<EntryMark>> = HashMap::new();
    for mark in families_entry_marks(&mut *conn, &ids, None).await? {
        marks.entry(mark.facts.family).or_default().push(mark);
    }
    let mut sign_ins: HashMap<FamilyId, Vec<LastSignIn>> = HashMap::new();
    for (family, member) in people::last_sign_ins(&mut *conn, &ids).await? {
        sign_ins.entry(family).or_default().push(member);
    }
    let quiet_since = now - i64::from(weeks) * WEEK_MS;
    Ok(families
        .into_iter()
        .map(|(facts, (id, reference, display_name))| {
            let readable: Vec<&EntryMark> = marks
                .get(&id)
                .into_iter()
                .flatten()
                .filter(|e| e.kind != EntryKind::SafetyAlert)
                .filter(|e| policy::may_read_entry(actor, &facts, &e.facts))
                .collect();
            let last_supervision = last_held.get(&id).copied();
            let since = last_supervision.unwrap_or(i64::MIN);
            let new_shared = readable
                .iter()
                .filter(|e| is_new(e.created_at, e.shared_with_workers_at, since))
                .count();
            let last_check_in = readable
                .iter()
                .filter(|e| e.kind == EntryKind::CheckIn)
                .map(|e| e.created_at)
                .max();
            let not_engaged = sign_ins
                .remove(&id)
                .unwrap_or_default()
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
            CaseloadRow {
                id,
                reference,
                display_name,
                last_supervision,
                new_shared,
                last_check_in,
                not_engaged,
            }
        })
        .collect())
}

/// The caseload: every family the practitioner may open (for a team manager, the team's),
/// with its figures, in one audited read (a row for each family).
pub async fn caseload(
    store: &crate::backend::store::Store,
    session: &crate::backend::auth::CurrentSession,
    weeks: u8,
) -> Result<Vec<CaseloadRow>, crate::dto::AppError> {
    let mut audited = store.begin_read().await?;
    let families = crate::backend::family::families_of(&mut audited.tx, &session.actor).await?;
    let now = store.now();
    let rows = rows(&mut audited.tx, &session.actor, families, weeks, now).await?;
    let (first, more) = read_caseload(session, &rows, weeks);
    audited.finish_with(first, more).await?;
    Ok(rows)
}

/// A member of staff's home: the alerts and the caseload, from one read of their families
/// in one audited read, written down as the two would be apart.
pub async fn staff_home(
    store: &crate::backend::store::Store,
    session: &crate::backend::auth::CurrentSession,
    weeks: u8,
) -> Result<(Vec<crate::dto::tools::AlertView>, Vec<CaseloadRow>), crate::dto::AppError> {
    let mut audited = store.begin_read().await?;
    let families = crate::backend::family::families_of(&mut audited.tx, &session.actor).await?;
    let (alerts, read_alerts) =
        crate::backend::tools::draw_alerts(&mut audited.tx, session, &families).await?;
    let now = store.now();
    let rows = rows(&mut audited.tx, &session.actor, families, weeks, now).await?;
    let (first, more) = read_caseload(session, &rows, weeks);
    let caseload = std::iter::once(first).chain(more).collect();
    audited.finish_with(read_alerts, caseload).await?;
    Ok((alerts, rows))
}

/// The audit rows for reading a caseload: one for each family whose figures were read, so
/// a family's audit trail shows every caseload that counted it, and one for an empty
/// caseload, which is recorded too: so there is always a first.
fn read_caseload(
    session: &crate::backend::auth::CurrentSession,
    rows: &[CaseloadRow],
    weeks: u8,
) -> (
    crate::backend::store::AuditRecord,
    Vec<crate::backend::store::AuditRecord>,
) {
    use crate::backend::store::{AuditRecord, Outcome, Who};
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
    let mut records = rows.iter().map(|r| read(Some(r.id)));
    match records.next() {
        Some(first) => (first, records.collect()),
        None => (read(None), Vec::new()),
    }
}
