//! Reading family data: every read asks the policy, and writes its audit row in the same
//! transaction as the read. If the audit row cannot be written, nothing is returned.
//!
//! Something hidden from the asker gets exactly the answer something absent gets.

use crate::backend::auth::CurrentSession;
use crate::backend::policy::{self, Actor, FamilyFacts};
use crate::backend::store;
use crate::backend::store::entries::withdrawn_from_workers;
use crate::backend::store::entries::{KindSuggestion, add_kind_suggestion, kind_suggestions};
use crate::backend::store::identity::{
    EntryWithFacts, MemberNames, entry_family, family_entries, family_facts, family_facts_and_names,
};
use crate::backend::store::views::Response;
use crate::backend::store::{AuditRecord, Conn, Outcome, Store, StoreError, people};
use crate::domain::entries::EntryKind;
use crate::domain::ids::{EntryId, FamilyId, MemberId};
use crate::domain::people::MemberKind;
use crate::domain::tools::TalkKind;
use crate::dto::AppError;
use crate::dto::family::{EntryView, FamilyView, MemberView, SeenBy, SeenItem, WithdrawnView};

fn record(
    actor: &Actor,
    action: &'static str,
    family: Option<FamilyId>,
    subject: Option<String>,
    outcome: Outcome,
    detail: String,
) -> AuditRecord {
    AuditRecord {
        actor_account: actor.account(),
        actor_name: actor.name().to_owned(),
        actor_role: actor.role_title().to_owned(),
        action,
        family,
        subject,
        outcome,
        detail,
    }
}

fn view(
    entry: &EntryWithFacts,
    actor: &Actor,
    names: &[(MemberId, String)],
    suggestions: &[KindSuggestion],
) -> EntryView {
    EntryView {
        id: entry.id,
        kind: entry.kind(),
        author: names
            .iter()
            .find(|(id, _)| *id == entry.facts.author)
            .map(|(_, name)| name.clone())
            .unwrap_or_default(),
        mine: policy::is_author(actor, &entry.facts),
        words: entry.body.describe(),
        written_at: entry.created_at,
        version: entry.version,
        shared_with_workers: entry.facts.shared_with_workers,
        talk: crate::backend::views::talk(entry, suggestions),
        responses: Vec::new(),
        replies: 0,
    }
}

/// The entries a family member may see: their own, and what was shared with them.
pub async fn my_entries(
    store: &Store,
    session: &CurrentSession,
) -> Result<Vec<EntryView>, AppError> {
    let Actor::Member { family, .. } = &session.actor else {
        return Err(AppError::NotFound);
    };
    let family = *family;
    let mut audited = store.begin_read().await?;
    let (facts, names) = family_facts_and_names(&mut audited.tx, family)
        .await?
        .ok_or(AppError::NotFound)?;
    let (entries, responses) = entries_and_responses(&mut audited.tx, family).await?;
    let (visible, shown) = draw_my_entries(session, &facts, &names, &entries, &responses);
    audited.finish(read_entries(session, family, shown)).await?;
    Ok(visible)
}

/// A family's entries and the workers' responses to them: what a member's pages draw
/// their own and their family's entries from, read once for each view.
pub(crate) async fn entries_and_responses(
    conn: &mut Conn,
    family: FamilyId,
) -> Result<(Vec<EntryWithFacts>, Vec<Response>), StoreError> {
    let entries = family_entries(conn, family).await?;
    let responses = crate::backend::store::views::responses(conn, family).await?;
    Ok((entries, responses))
}

/// A grown-up member's home in one audited read, written down once: their tools and the
/// other entries they wrote or were shown. The family, its entries and the workers'
/// responses are read once for all of it.
pub async fn member_home(
    store: &Store,
    session: &CurrentSession,
) -> Result<crate::dto::tools::MemberHomeView, AppError> {
    let (family, _) = crate::backend::tools::member(session)?;
    let mut audited = store.begin_read().await?;
    let (facts, names) = family_facts_and_names(&mut audited.tx, family)
        .await?
        .ok_or(AppError::NotFound)?;
    let (all, responses) = entries_and_responses(&mut audited.tx, family).await?;
    let (space, mut shown) =
        crate::backend::tools::draw_space(&mut audited.tx, session, &all, &responses).await?;
    let (entries, more) = draw_my_entries(session, &facts, &names, &all, &responses);
    shown.extend(more);
    shown.sort();
    shown.dedup();
    let now = audited.now();
    let meeting = crate::backend::meeting::next(&mut audited.tx, family, now).await?;
    let told = crate::backend::meeting::told_links(&mut audited.tx, session, &facts).await?;
    audited.finish(read_entries(session, family, shown)).await?;
    Ok(crate::dto::tools::MemberHomeView {
        space,
        entries,
        meeting: meeting.map(|(_, day)| day),
        told,
    })
}

/// The row for a member's read of their family's entries, naming each entry shown.
pub(crate) fn read_entries(
    session: &CurrentSession,
    family: FamilyId,
    shown: Vec<String>,
) -> AuditRecord {
    record(
        &session.actor,
        "read_entries",
        Some(family),
        Some(family.to_string()),
        Outcome::Allowed,
        shown.join(","),
    )
}

/// The entries a member may see among their family's (`facts`, its members' `names`, its
/// `entries` and the workers' responses to them), and the ids of those shown.
fn draw_my_entries(
    session: &CurrentSession,
    facts: &FamilyFacts,
    names: &MemberNames,
    entries: &[EntryWithFacts],
    replies: &[Response],
) -> (Vec<EntryView>, Vec<String>) {
    let visible: Vec<EntryView> = entries
        .iter()
        .filter(|e| policy::may_read_entry(&session.actor, facts, &e.facts))
        // An alert is for the workers; showing it back could be seen over a shoulder.
        .filter(|e| e.kind() != EntryKind::SafetyAlert)
        .map(|e| {
            let mut shown = view(e, &session.actor, names, &[]);
            // Responses are for the entry's author alone.
            if shown.mine {
                shown.replies = replies.iter().filter(|r| r.entry == e.id).count();
            }
            shown
        })
        .collect();
    let shown = visible.iter().map(|e| e.id.to_string()).collect();
    (visible, shown)
}

/// One entry, if the asker may see it. Hidden and absent get the same answer.
pub async fn entry(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
) -> Result<EntryView, AppError> {
    let mut audited = store.begin_read().await?;
    let found = match entry_family(&mut audited.tx, id).await? {
        None => None,
        Some(family) => {
            let facts = family_facts_and_names(&mut audited.tx, family).await?;
            let entries = family_entries(&mut audited.tx, family).await?;
            match (facts, entries.iter().find(|e| e.id == id)) {
                (Some((facts, names)), Some(entry))
                    if policy::may_read_entry(&session.actor, &facts, &entry.facts) =>
                {
                    let suggestions = if matches!(session.actor, Actor::Staff { .. }) {
                        kind_suggestions(&mut audited.tx, family).await?
                    } else {
                        Vec::new()
                    };
                    let mut shown = view(entry, &session.actor, &names, &suggestions);
                    if shown.mine {
                        shown.responses =
                            crate::backend::views::responses_to(&mut audited.tx, family, id)
                                .await?;
                        shown.replies = shown.responses.len();
                    }
                    Some((family, shown))
                }
                _ => None,
            }
        }
    };
    match found {
        Some((family, entry)) => {
            audited
                .finish(record(
                    &session.actor,
                    "read_entry",
                    Some(family),
                    Some(id.to_string()),
                    Outcome::Allowed,
                    String::new(),
                ))
                .await?;
            Ok(entry)
        }
        None => Err(policy::refuse(
            audited,
            &session.actor,
            "read_entry",
            Some(id.to_string()),
            "not found or not permitted",
        )
        .await),
    }
}

/// Goes on with `audited` (a read from `begin_read`, or a transaction that will also
/// write) as a member of staff's work on a family they work with, with the family's facts.
/// Anyone else gets "not found", audited as refused.
pub(crate) async fn open_for_staff(
    mut audited: crate::backend::store::AuditedTx,
    session: &CurrentSession,
    family: FamilyId,
    action: &'static str,
) -> Result<(crate::backend::store::AuditedTx, policy::FamilyFacts), AppError> {
    let facts = family_facts(&mut audited.tx, family).await?;
    let Some(facts) = facts.filter(|f| {
        matches!(session.actor, Actor::Staff { .. }) && policy::may_open_family(&session.actor, f)
    }) else {
        return Err(policy::refuse(
            audited,
            &session.actor,
            action,
            Some(family.to_string()),
            "not found or not permitted",
        )
        .await);
    };
    Ok((audited, facts))
}

/// A family's page for staff who work with it: members and what was shared with workers.
pub async fn family_for_staff(
    store: &Store,
    session: &CurrentSession,
    family: FamilyId,
) -> Result<FamilyView, AppError> {
    let (mut audited, facts) =
        open_for_staff(store.begin_read().await?, session, family, "read_family").await?;
    let header = people::family_header(&mut audited.tx, family).await?;
    let members = people::members_of(&mut audited.tx, family).await?;
    let names: Vec<(MemberId, String)> = members.iter().map(|m| (m.id, m.name.clone())).collect();
    let suggestions = kind_suggestions(&mut audited.tx, family).await?;
    let readable: Vec<_> = family_entries(&mut audited.tx, family)
        .await?
        .into_iter()
        .filter(|e| policy::may_read_entry(&session.actor, &facts, &e.facts))
        .collect();
    let entries: Vec<EntryView> = readable
        .iter()
        .map(|e| view(e, &session.actor, &names, &suggestions))
        .collect();
    // Who the family are, in their own words, first for a practitioner new to them.
    let about_me = crate::backend::views::about_views(
        &crate::backend::views::newest_about_me(&readable, &members),
        &members,
    );
    let since = match &session.actor {
        Actor::Staff { staff, .. } => {
            people::allocated_since(&mut audited.tx, family, *staff).await?
        }
        _ => None,
    };
    let new_to_family = since.is_some_and(|at| {
        store.now() - at < crate::dto::family::NEW_TO_FAMILY_DAYS * 24 * 60 * 60 * 1000
    });
    let withdrawn =
        withdrawn_after_reading(&mut audited.tx, family, &session.actor, &entries, &names).await?;
    let supervision =
        crate::backend::supervision::prep(&mut audited.tx, &session.actor, family, store.now())
            .await?;
    let bands =
        crate::backend::child::bands(&mut audited.tx, family, &members, store.now()).await?;
    let ids = entries
        .iter()
        .map(|e| e.id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    audited
        .finish(record(
            &session.actor,
            "read_family",
            Some(family),
            Some(family.to_string()),
            Outcome::Allowed,
            ids,
        ))
        .await?;
    Ok(FamilyView {
        id: family,
        reference: header.reference,
        display_name: header.display_name,
        members: members
            .into_iter()
            .map(|m| {
                let band = bands.iter().find(|(child, _, _)| *child == m.id);
                MemberView {
                    id: m.id,
                    name: m.name,
                    is_child: m.kind == MemberKind::Child,
                    band: band.map(|(_, band, _)| *band),
                    band_chosen: band.is_some_and(|(_, _, chosen)| *chosen),
                }
            })
            .collect(),
        about_me,
        new_to_family,
        entries,
        withdrawn,
        supervision,
    })
}

/// Entries once shared with the workers, read by this practitioner, and withdrawn since
/// by their author (and not shared again). Only that it happened is shown: what they said
/// is kept in the record but no longer shown to anyone but its author. Entries the
/// practitioner never read stay exactly as if they had never been shared.
async fn withdrawn_after_reading(
    conn: &mut Conn,
    family: FamilyId,
    actor: &Actor,
    visible: &[EntryView],
    names: &[(MemberId, String)],
) -> Result<Vec<WithdrawnView>, StoreError> {
    let Some(account) = actor.account() else {
        return Ok(Vec::new());
    };
    let withdrawn = withdrawn_from_workers(conn, family).await?;
    if withdrawn.is_empty() {
        return Ok(Vec::new());
    }
    let reads = crate::backend::store::reads::first_reads_by(conn, account, family).await?;
    Ok(withdrawn
        .into_iter()
        .filter(|w| !visible.iter().any(|e| e.id == w.entry))
        .filter_map(|w| {
            let entry = w.entry.to_string();
            let read_at = reads
                .iter()
                .find(|(read, first)| *read == entry && *first <= w.withdrawn_at)
                .map(|(_, first)| *first)?;
            Some(WithdrawnView {
                author: names
                    .iter()
                    .find(|(member, _)| *member == w.author)
                    .map(|(_, name)| name.clone())
                    .unwrap_or_default(),
                what: w.kind.in_words().to_owned(),
                read_at,
                withdrawn_at: w.withdrawn_at,
            })
        })
        .collect())
}

/// The families a member of staff may open, with their facts: those they are allocated
/// to, and for a team manager their team's. Part of the caller's audited transaction.
pub(crate) async fn families_of(
    conn: &mut Conn,
    actor: &Actor,
) -> Result<Vec<(policy::FamilyFacts, (FamilyId, String, String))>, StoreError> {
    let Actor::Staff {
        staff, role, team, ..
    } = actor
    else {
        return Ok(Vec::new());
    };
    if !role.works_with_families() {
        return Ok(Vec::new());
    }
    let rows = people::families_for_staff(&mut *conn, *staff, *team, *role).await?;
    let listed: Vec<(FamilyId, String, String)> = rows
        .into_iter()
        .filter_map(|row| {
            let id = FamilyId::parse(&row.id).ok()?;
            Some((id, row.reference, row.display_name))
        })
        .collect();
    let ids: Vec<FamilyId> = listed.iter().map(|(id, _, _)| *id).collect();
    let facts = store::identity::families_facts(&mut *conn, &ids).await?;
    // The policy has the last word, even on the list.
    Ok(listed
        .into_iter()
        .filter_map(|(id, reference, name)| {
            let facts = facts.iter().find(|f| f.id == id)?.clone();
            policy::may_open_family(actor, &facts).then_some((facts, (id, reference, name)))
        })
        .collect())
}

/// Who, by name and role, has read what this member wrote: each reader once, with each
/// of the member's things they read, when first and last, and how many times. Read from
/// the reads kept beside the audit trail, never by scanning it. Reading this list is
/// itself audited.
pub async fn who_has_seen(
    store: &Store,
    session: &CurrentSession,
) -> Result<Vec<SeenBy>, AppError> {
    let Actor::Member { member, family, .. } = &session.actor else {
        return Err(AppError::NotFound);
    };
    let mut audited = store.begin_read().await?;
    let seen = match family_facts(&mut audited.tx, *family).await? {
        Some(facts) => readers_of(&mut audited.tx, &facts, *member, false).await?,
        None => Vec::new(),
    };
    audited
        .finish(record(
            &session.actor,
            "read_views",
            Some(*family),
            Some(member.to_string()),
            Outcome::Allowed,
            String::new(),
        ))
        .await?;
    Ok(seen)
}

/// Everyone but `member` who has read what `member` wrote, most recent reader first,
/// each with what they read. A flag between this member and another hides each one's
/// reads from the other, so nothing here tells either of them that the flag is there.
/// An urgent alert the member raised is left out unless `with_alerts`: it is never shown
/// back on a member's own screens.
pub(crate) async fn readers_of(
    conn: &mut Conn,
    facts: &FamilyFacts,
    member: MemberId,
    with_alerts: bool,
) -> Result<Vec<SeenBy>, StoreError> {
    let mut hidden_readers = Vec::new();
    for other in facts.flagged_with(member) {
        hidden_readers.extend(people::account_of_member(conn, other).await?);
    }
    let own_account = people::account_of_member(conn, member).await?;
    let reads = store::reads::reads_of(conn, member).await?;
    // Keyed by the reader's account, which stays on the server.
    let mut seen: Vec<(String, SeenBy)> = Vec::new();
    for read in reads {
        if Some(&read.reader_account_id) == own_account.as_ref()
            || hidden_readers.contains(&read.reader_account_id)
            || (!with_alerts && read.body.kind() == EntryKind::SafetyAlert)
        {
            continue;
        }
        let item = SeenItem {
            tool: read.body.kind().tool_name().to_owned(),
            words: read.body.describe(),
            first_at: read.first_at,
            last_at: read.last_at,
            times: read.times,
        };
        // Most recent reader first, as the reads arrive newest first.
        match seen
            .iter_mut()
            .find(|(account, _)| *account == read.reader_account_id)
        {
            Some((_, reader)) => reader.items.push(item),
            None => seen.push((
                read.reader_account_id,
                SeenBy {
                    name: read.reader_name,
                    role: read.reader_role,
                    items: vec![item],
                },
            )),
        }
    }
    Ok(seen.into_iter().map(|(_, reader)| reader).collect())
}

/// A practitioner suggests the change-talk kind of an entry they may read. Anything else
/// (not change talk, not theirs to read, not there) is not found, and audited as refused.
pub async fn suggest_kind(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
    kind: TalkKind,
) -> Result<FamilyId, AppError> {
    let mut audited = store.begin_audited().await?;
    let found = match entry_family(&mut audited.tx, id).await? {
        None => None,
        Some(family) => {
            let facts = family_facts(&mut audited.tx, family).await?;
            let entries = family_entries(&mut audited.tx, family).await?;
            match (facts, entries.iter().find(|e| e.id == id), &session.actor) {
                (Some(facts), Some(entry), Actor::Staff { staff, .. })
                    if entry.kind() == EntryKind::ChangeTalk
                        && policy::may_work_on_entry(&session.actor, &facts, &entry.facts) =>
                {
                    Some((family, *staff))
                }
                _ => None,
            }
        }
    };
    let Some((family, staff)) = found else {
        return Err(policy::refuse(
            audited,
            &session.actor,
            "suggest_kind",
            Some(id.to_string()),
            "not found or not permitted",
        )
        .await);
    };
    let at = audited.now();
    add_kind_suggestion(&mut audited.tx, id, kind.code(), staff, at).await?;
    audited
        .finish(record(
            &session.actor,
            "suggest_kind",
            Some(family),
            Some(id.to_string()),
            Outcome::Allowed,
            kind.code().to_owned(),
        ))
        .await?;
    Ok(family)
}
