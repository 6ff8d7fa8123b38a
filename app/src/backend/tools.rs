//! A parent's tools on the server: goals, check-ins, stages, change talk and sharing.
//!
//! Every write is the author's own and is audited in its transaction (the store insists);
//! every read goes through the policy and is audited in its transaction. Another member's
//! goal answers exactly as a goal that does not exist.

use crate::backend::auth::CurrentSession;
use crate::backend::policy::{self, Actor, FamilyFacts};
use crate::backend::store::DraftKey;
use crate::backend::store::identity::{EntryWithFacts, family_entries, family_facts};
use crate::backend::store::{
    AuditRecord, Conn, NewEntry, Outcome, Store, Who, entries, identity, people,
};
use crate::domain::FieldErrors;
use crate::domain::entries::{EntryBody, EntryKind, SafetyAlert};
use crate::domain::errors::FORM;
use crate::domain::flows::Flow;
use crate::domain::ids::{EntryId, FamilyId, MemberId, SubmissionId};
use crate::domain::people::MemberKind;
use crate::domain::tools::{ChangeTalk, CheckIn, Goal, StageChoice};
use crate::dto::AppError;
use crate::dto::family::MemberView;
use crate::dto::tools::{CheckInView, GoalSummary, GoalView, SaidView, SpaceView, StageView};

pub(crate) fn member(session: &CurrentSession) -> Result<(FamilyId, MemberId), AppError> {
    match &session.actor {
        Actor::Member { family, member, .. } => Ok((*family, *member)),
        // Staff have no tools of their own here: as for anything not theirs, not found.
        _ => Err(AppError::NotFound),
    }
}

/// The member asking, when the policy gives them the parents' tools. Anyone else who
/// reaches one (a child typing its address, say) is refused through the policy, in the
/// trail, with exactly the answer of an address that does not exist.
pub async fn parent(
    store: &Store,
    session: &CurrentSession,
    action: &'static str,
) -> Result<(FamilyId, MemberId), AppError> {
    let (family, member) = member(session)?;
    if policy::may_use_tools(&session.actor, policy::Tools::Parents) {
        return Ok((family, member));
    }
    Err(policy::refuse_in(
        store.begin_audited().await?,
        &session.actor,
        action,
        Some(family),
        None,
        "not one of their tools",
    )
    .await)
}

/// The draft of `flow` (about `goal`, for the tools that are) that the member is
/// writing: the one an entry saved from that tool was written from.
fn draft_of(
    session: &CurrentSession,
    flow: Flow,
    goal: Option<EntryId>,
) -> Result<DraftKey, AppError> {
    let (family, member) = member(session)?;
    Ok(DraftKey {
        family,
        member,
        flow,
        goal: goal.filter(|_| flow.about_a_goal()),
    })
}

/// Writes a new entry of the member's own: the entry, its share with their workers if
/// they chose so, and the removal of the draft it came from (`from`), in one audited
/// transaction. A repeat of the same submission changes nothing.
pub(crate) async fn write(
    store: &Store,
    session: &CurrentSession,
    body: EntryBody,
    submission: SubmissionId,
    share_with_workers: bool,
    from: Option<Flow>,
) -> Result<EntryId, AppError> {
    let entry = new_own_entry(session, submission, &body, share_with_workers, from)?;
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let created = entries::create_entry(&mut audited.tx, entry, at).await?;
    Ok(audited.keep(created).await?)
}

/// The member's own new entry as the store takes it: theirs, written by whoever holds the
/// device (in whatever handover it is in), from the draft of `from` if there is one.
pub(crate) fn new_own_entry<'a>(
    session: &'a CurrentSession,
    submission: SubmissionId,
    body: &'a EntryBody,
    share_with_workers: bool,
    from: Option<Flow>,
) -> Result<NewEntry<'a>, AppError> {
    let (family, author) = member(session)?;
    let draft = from
        .map(|flow| draft_of(session, flow, body.about_goal()))
        .transpose()?;
    Ok(NewEntry {
        family,
        author,
        submission,
        body,
        by: Who::actor(&session.actor),
        supported: session.supported.as_ref().map(|s| s.id.as_str()),
        share_with_workers,
        draft,
        language: super::page_language(),
    })
}

pub async fn create_goal(
    store: &Store,
    session: &CurrentSession,
    submission: SubmissionId,
    goal: &Goal,
    share: bool,
) -> Result<EntryId, AppError> {
    write(
        store,
        session,
        EntryBody::Goal(goal.clone()),
        submission,
        share,
        Some(Flow::NewGoal),
    )
    .await
}

/// The member's own entry of this kind, or not found: never someone else's.
async fn own_entry(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
    kind: EntryKind,
) -> Result<EntryWithFacts, AppError> {
    own_of_kind(store, session, id, Some(kind), "change_entry").await
}

/// The member's own entry (of `kind`, if given), read in an audited transaction; anything
/// else is refused through the policy, in the trail, as "not found".
pub(crate) async fn own_of_kind(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
    kind: Option<EntryKind>,
    action: &'static str,
) -> Result<EntryWithFacts, AppError> {
    let (family, _) = member(session)?;
    let found = {
        let mut conn = store.pool_connection().await?;
        family_entries(&mut conn, family)
            .await?
            .into_iter()
            .find(|e| {
                e.id == id
                    && kind.is_none_or(|k| e.kind() == k)
                    && policy::is_author(&session.actor, &e.facts)
            })
    };
    // Allowed, the caller's own write is audited with the entry's id; refused, the
    // refusal is audited here.
    match found {
        Some(entry) => Ok(entry),
        None => Err(policy::refuse(
            store.begin_audited().await?,
            &session.actor,
            action,
            Some(id.to_string()),
            "not their own entry, or no such entry",
        )
        .await),
    }
}

pub async fn revise_goal(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
    after: i64,
    goal: &Goal,
) -> Result<(), AppError> {
    own_entry(store, session, id, EntryKind::Goal).await?;
    let draft = draft_of(session, Flow::EditGoal, Some(id))?;
    let body = EntryBody::Goal(goal.clone());
    let who = Who::actor(&session.actor);
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let revised = entries::revise_entry(
        &mut audited.tx,
        id,
        after,
        &body,
        super::page_language(),
        &who,
        Some(&draft),
        at,
    )
    .await?;
    match audited.keep(revised).await? {
        Some(_) => Ok(()),
        None => Err(AppError::Invalid(FieldErrors::single(
            FORM,
            "This goal was changed somewhere else since you opened it. Your words are still here: copy them, go back to the goal, and edit it again.",
        ))),
    }
}

/// Adds a check-in or a stage to one of the member's own goals, from its draft.
pub async fn add_to_goal(
    store: &Store,
    session: &CurrentSession,
    body: EntryBody,
    submission: SubmissionId,
    share: bool,
) -> Result<EntryId, AppError> {
    let (goal, flow) = match &body {
        EntryBody::CheckIn(c) => (c.goal, Flow::CheckIn),
        EntryBody::Stage(s) => (s.goal, Flow::Stage),
        _ => return Err(AppError::BadRequest),
    };
    own_entry(store, session, goal, EntryKind::Goal).await?;
    write(store, session, body, submission, share, Some(flow)).await
}

pub async fn say(
    store: &Store,
    session: &CurrentSession,
    submission: SubmissionId,
    talk: &ChangeTalk,
    share: bool,
) -> Result<EntryId, AppError> {
    write(
        store,
        session,
        EntryBody::ChangeTalk(talk.clone()),
        submission,
        share,
        Some(Flow::Say),
    )
    .await
}

/// Shares one of the member's own entries with their workers, or withdraws it. Withdrawing
/// keeps the record that it was shared.
pub async fn set_shared(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
    shared: bool,
) -> Result<(), AppError> {
    let entry = own_of_kind(store, session, id, None, "share_entry").await?;
    if shared == entry.facts.shared_with_workers {
        return Ok(());
    }
    let change = if shared {
        ShareChange::Share(None)
    } else {
        ShareChange::Withdraw(None)
    };
    change_share(store, session, id, change).await
}

/// The check-in `entry` is, if it is one about `goal`.
fn check_in_on(entry: &EntryWithFacts, goal: EntryId) -> Option<&CheckIn> {
    match &entry.body {
        EntryBody::CheckIn(c) if c.goal == goal => Some(c),
        _ => None,
    }
}

/// The stage `entry` is, if it is one about `goal`.
fn stage_on(entry: &EntryWithFacts, goal: EntryId) -> Option<&StageChoice> {
    match &entry.body {
        EntryBody::Stage(s) if s.goal == goal => Some(s),
        _ => None,
    }
}

/// Everything about one goal that the asker may see, read and audited in one transaction.
/// With `own_only`, only the author gets it (the pages for changing it); anyone else, a
/// worker included, gets exactly what a missing goal gets.
pub async fn goal(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
    own_only: bool,
) -> Result<GoalView, AppError> {
    let mut audited = store.begin_audited().await?;
    let found = readable_goal(&mut audited.tx, &session.actor, id)
        .await?
        .filter(|found| !own_only || policy::is_author(&session.actor, &found.entry.facts));
    let Some(found) = found else {
        return Err(policy::refuse(
            audited,
            &session.actor,
            "read_goal",
            Some(id.to_string()),
            "not found or not permitted",
        )
        .await);
    };
    let ReadableGoal {
        family,
        facts,
        entry,
        goal,
        readable,
    } = found;
    let mine = policy::is_author(&session.actor, &entry.facts);
    let check_ins = check_in_views(&readable, id);
    let stages = stage_views(&readable, id);
    // Only the author is shown who it is shared with, and who else it could be.
    let members = if mine {
        people::members_of(&mut audited.tx, family).await?
    } else {
        Vec::new()
    };
    let shown: Vec<String> = std::iter::once(id.to_string())
        .chain(check_ins.iter().map(|c| c.id.to_string()))
        .chain(stages.iter().map(|s| s.id.to_string()))
        .collect();
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "read_goal",
            Some(family),
            Some(id.to_string()),
            Outcome::Allowed,
            shown.join(","),
        ))
        .await?;
    let (shared_with, others) = sharing(&session.actor, &facts, &entry, &members);
    let words = |w: Option<crate::domain::tools::Words>| {
        w.map(|w| w.as_str().to_owned()).unwrap_or_default()
    };
    Ok(GoalView {
        id,
        version: entry.version,
        mine,
        shared_with_workers: entry.facts.shared_with_workers,
        change: goal.change.as_str().to_owned(),
        why: words(goal.why),
        steps: words(goal.steps),
        helpers: words(goal.helpers),
        signs: words(goal.signs),
        obstacles: words(goal.obstacles),
        check_ins,
        stages,
        shared_with,
        others,
    })
}

/// A goal the actor may read, with everything of its family they may read beside it.
struct ReadableGoal {
    family: FamilyId,
    facts: FamilyFacts,
    entry: EntryWithFacts,
    goal: Goal,
    readable: Vec<EntryWithFacts>,
}

/// The goal `id` if it is one and the actor may read it; `None` alike if it is missing,
/// is not a goal, or is not theirs to read.
async fn readable_goal(
    conn: &mut Conn,
    actor: &Actor,
    id: EntryId,
) -> Result<Option<ReadableGoal>, AppError> {
    let Some(family) = identity::entry_family(conn, id).await? else {
        return Ok(None);
    };
    let Some(facts) = family_facts(conn, family).await? else {
        return Ok(None);
    };
    let readable: Vec<EntryWithFacts> = family_entries(conn, family)
        .await?
        .into_iter()
        .filter(|e| policy::may_read_entry(actor, &facts, &e.facts))
        .collect();
    let Some((entry, goal)) = readable
        .iter()
        .find(|e| e.id == id)
        .and_then(|e| match &e.body {
            EntryBody::Goal(goal) => Some((e.clone(), goal.clone())),
            _ => None,
        })
    else {
        return Ok(None);
    };
    Ok(Some(ReadableGoal {
        family,
        facts,
        entry,
        goal,
        readable,
    }))
}

/// The check-ins on goal `id`, oldest first, as the goal's page shows them.
fn check_in_views(readable: &[EntryWithFacts], id: EntryId) -> Vec<CheckInView> {
    readable
        .iter()
        .filter_map(|e| check_in_on(e, id).cloned().map(|c| (e, c)))
        .map(|(e, c)| CheckInView {
            id: e.id,
            at: e.created_at,
            now: c.now.value(),
            want: c.want.value(),
            note: c.note.map(|n| n.as_str().to_owned()),
            importance: c.importance.map(|s| s.value()),
            importance_not_lower: c.importance_not_lower.map(|n| n.as_str().to_owned()),
            importance_up_one: c.importance_up_one.map(|n| n.as_str().to_owned()),
            confidence: c.confidence.map(|s| s.value()),
            confidence_not_lower: c.confidence_not_lower.map(|n| n.as_str().to_owned()),
            confidence_up_one: c.confidence_up_one.map(|n| n.as_str().to_owned()),
            shared_with_workers: e.facts.shared_with_workers,
        })
        .collect()
}

/// The stages of change chosen for goal `id`, oldest first.
fn stage_views(readable: &[EntryWithFacts], id: EntryId) -> Vec<StageView> {
    readable
        .iter()
        .filter_map(|e| stage_on(e, id).map(|s| (e, s)))
        .map(|(e, s)| StageView {
            id: e.id,
            at: e.created_at,
            code: s.stage.code().to_owned(),
            label: s.stage.label().to_owned(),
            shared_with_workers: e.facts.shared_with_workers,
        })
        .collect()
}

/// Who the goal is shared with, and who else the author may share it with, as the policy
/// decides: a flag between two members keeps each out of the other's list.
fn sharing(
    actor: &Actor,
    facts: &FamilyFacts,
    entry: &EntryWithFacts,
    members: &[people::MemberRow],
) -> (Vec<MemberView>, Vec<MemberView>) {
    let view = |m: &people::MemberRow| MemberView {
        id: m.id,
        name: m.name.clone(),
        is_child: m.kind == MemberKind::Child,
        band: None,
        band_chosen: false,
    };
    let shared_with = entry
        .facts
        .shared_with
        .iter()
        .filter_map(|shared| members.iter().find(|m| m.id == *shared).map(view))
        .collect();
    let others = members
        .iter()
        .filter(|m| policy::may_share_with_member(actor, facts, &entry.facts, m.id))
        .map(view)
        .collect();
    (shared_with, others)
}

/// The member's home: their goals, with the latest score and stage, and what they said.
pub async fn space(store: &Store, session: &CurrentSession) -> Result<SpaceView, AppError> {
    let (family, _) = member(session)?;
    let mut audited = store.begin_audited().await?;
    let (entries, responses) =
        crate::backend::family::entries_and_responses(&mut audited.tx, family).await?;
    let (space, shown) = draw_space(&mut audited.tx, session, &entries, &responses).await?;
    audited
        .finish(crate::backend::family::read_entries(session, family, shown))
        .await?;
    Ok(space)
}

/// A member's goals and things said, from their family's `entries` and the workers'
/// `responses` to them, and the ids of the entries shown.
pub(crate) async fn draw_space(
    conn: &mut crate::backend::store::Conn,
    session: &CurrentSession,
    entries: &[EntryWithFacts],
    responses: &[crate::backend::store::views::Response],
) -> Result<(SpaceView, Vec<String>), AppError> {
    let (family, author) = member(session)?;
    let own: Vec<&EntryWithFacts> = entries
        .iter()
        .filter(|e| e.facts.author == author)
        .collect();
    // Receipts: when staff last opened each entry on its own (never from a list that
    // merely included it), kept beside the audit trail as each read is recorded.
    let reads = crate::backend::store::reads::staff_opened(conn, family).await?;
    let replies = |id: EntryId| responses.iter().filter(|r| r.entry == id).count();
    let read_at = |id: EntryId| {
        let id = id.to_string();
        reads
            .iter()
            .find(|(entry, _)| *entry == id)
            .map(|(_, at)| *at)
    };
    let goals: Vec<GoalSummary> = own
        .iter()
        .filter_map(|g| match &g.body {
            EntryBody::Goal(goal) => Some((g, goal)),
            _ => None,
        })
        .map(|(g, goal)| {
            let latest = own.iter().filter_map(|e| check_in_on(e, g.id)).next_back();
            let stage = own.iter().filter_map(|e| stage_on(e, g.id)).next_back();
            GoalSummary {
                id: g.id,
                change: goal.change.as_str().to_owned(),
                now: latest.as_ref().map(|c| c.now.value()),
                want: latest.as_ref().map(|c| c.want.value()),
                stage: stage.map(|s| s.stage.label().to_owned()),
                shared_with_workers: g.facts.shared_with_workers,
                read_by_worker: read_at(g.id),
                replies: replies(g.id),
            }
        })
        .collect();
    let said: Vec<SaidView> = own
        .iter()
        .filter_map(|e| match &e.body {
            EntryBody::ChangeTalk(talk) => Some((e, talk.kind, talk.text.as_str().to_owned())),
            EntryBody::ForMeeting(_)
            | EntryBody::GoodNews(_)
            | EntryBody::AboutMe(_)
            | EntryBody::OnPlan(_) => Some((e, None, e.body.describe())),
            _ => None,
        })
        .map(|(e, starter, words)| SaidView {
            id: e.id,
            kind: e.kind(),
            starter,
            words,
            at: e.created_at,
            shared_with_workers: e.facts.shared_with_workers,
            read_by_worker: read_at(e.id),
            replies: replies(e.id),
        })
        .collect();
    let shown: Vec<String> = own.iter().map(|e| e.id.to_string()).collect();
    Ok((SpaceView { goals, said }, shown))
}

/// Shares one of the member's own entries with one named member, if the policy allows.
pub async fn share_with_member(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
    target: MemberId,
) -> Result<(), AppError> {
    let (family, _) = member(session)?;
    let entry = own_of_kind(store, session, id, None, "share_entry").await?;
    let facts = {
        let mut conn = store.pool_connection().await?;
        family_facts(&mut conn, family)
            .await?
            .ok_or(AppError::NotFound)?
    };
    let refused = |detail: &'static str| {
        AuditRecord::new(
            &Who::actor(&session.actor),
            "share_entry",
            Some(family),
            Some(id.to_string()),
            Outcome::Denied,
            detail,
        )
    };
    match policy::share_decision(&session.actor, &facts, &entry.facts, target) {
        policy::ShareDecision::Share => {}
        policy::ShareDecision::Withhold => {
            // Answered, and shown to the author, exactly as a share that worked: the
            // author must not learn that a flag stands between them. The policy lets
            // neither of the two read the other's entries, so nothing reaches them.
            if entry.facts.shared_with.contains(&target) {
                store
                    .audit(refused("withheld again: a risk flag joins the two members"))
                    .await?;
            } else {
                change_share(store, session, id, ShareChange::Withhold(target)).await?;
            }
            return Ok(());
        }
        policy::ShareDecision::Refuse => {
            store.audit(refused("refused by the policy")).await?;
            return Err(AppError::Invalid(FieldErrors::single(
                "member",
                "You cannot share this with them. Your worker can tell you more.",
            )));
        }
    }
    if !entry.facts.shared_with.contains(&target) {
        change_share(store, session, id, ShareChange::Share(Some(target))).await?;
    }
    Ok(())
}

/// Stops sharing one of the member's own entries with a named member.
pub async fn unshare_with_member(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
    target: MemberId,
) -> Result<(), AppError> {
    own_of_kind(store, session, id, None, "withdraw_entry").await?;
    change_share(store, session, id, ShareChange::Withdraw(Some(target))).await
}

/// A change to who an entry is shared with: the workers (`None`) or one member.
#[derive(Clone, Copy)]
enum ShareChange {
    Share(Option<MemberId>),
    /// Kept as asked but reaching nobody: a risk flag joins the two members.
    Withhold(MemberId),
    Withdraw(Option<MemberId>),
}

/// Makes one change to an entry's sharing in an audited transaction of its own. The
/// policy has decided beforehand that the change is allowed.
async fn change_share(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
    change: ShareChange,
) -> Result<(), AppError> {
    let who = Who::actor(&session.actor);
    let mut audited = store.begin_audited().await?;
    let now = audited.now();
    let tx = &mut audited.tx;
    let done = match change {
        ShareChange::Share(with) => identity::share(tx, id, with, now, &who).await?,
        ShareChange::Withhold(from) => identity::share_withheld(tx, id, from, now, &who).await?,
        ShareChange::Withdraw(with) => identity::withdraw(tx, id, with, now, &who).await?,
    };
    audited.keep(done).await?;
    Ok(())
}

/// "I don't feel safe right now": an entry shared with the workers from the start, because
/// reaching them is its whole purpose. In the same transaction, every allocated
/// practitioner is sent a text and an email, and the alert's escalation is set
/// (`notices::alert_raised`). Nothing about it is shown back on the member's screen. A
/// repeat from the same page is one alert, and sends nothing more.
pub async fn raise_alert(
    services: &crate::backend::Services,
    session: &CurrentSession,
    submission: SubmissionId,
) -> Result<(), AppError> {
    let body = EntryBody::SafetyAlert(SafetyAlert::now());
    let entry = new_own_entry(session, submission, &body, true, None)?;
    let family = entry.family;
    let mut audited = services.store.begin_audited().await?;
    let at = audited.now();
    let mut created = entries::create_entry(&mut audited.tx, entry, at).await?;
    let messaging = crate::backend::notices::Messaging::from_services(services);
    let told = crate::backend::notices::alert_raised(
        &mut audited.tx,
        &messaging,
        created.value,
        family,
        at,
    )
    .await?;
    created.records.extend(told);
    audited.keep(created).await?;
    tracing::warn!("a family member raised a safety alert");
    Ok(())
}

/// Safety alerts from the families a member of staff works with, newest first: the top of
/// their caseload. Read through the policy and audited.
pub async fn urgent(
    store: &Store,
    session: &CurrentSession,
) -> Result<Vec<crate::dto::tools::AlertView>, AppError> {
    if !matches!(session.actor, Actor::Staff { .. }) {
        return Err(AppError::NotFound);
    }
    let mut audited = store.begin_read().await?;
    let families = crate::backend::family::families_of(&mut audited.tx, &session.actor).await?;
    let (alerts, read) = draw_alerts(&mut audited.tx, session, &families).await?;
    audited.finish(read).await?;
    Ok(alerts)
}

/// The alerts among `families` (a member of staff's, as `families_of` reads them) that
/// they may read, newest first, and the audit row for reading them.
pub(crate) async fn draw_alerts(
    conn: &mut crate::backend::store::Conn,
    session: &CurrentSession,
    families: &[(FamilyFacts, (FamilyId, String, String))],
) -> Result<(Vec<crate::dto::tools::AlertView>, AuditRecord), AppError> {
    let ids: Vec<FamilyId> = families.iter().map(|(facts, _)| facts.id).collect();
    let raised: Vec<_> = identity::families_entry_marks(conn, &ids, Some(EntryKind::SafetyAlert))
        .await?
        .into_iter()
        .filter_map(|alert| {
            let (facts, (_, reference, family_name)) = families
                .iter()
                .find(|(facts, _)| facts.id == alert.facts.family)?;
            policy::may_read_entry(&session.actor, facts, &alert.facts)
                .then(|| (alert, format!("{family_name} ({reference})")))
        })
        .collect();
    let authors: Vec<MemberId> = raised.iter().map(|(a, _)| a.facts.author).collect();
    let names = people::names_of(conn, &authors).await?;
    let mut alerts: Vec<crate::dto::tools::AlertView> = raised
        .into_iter()
        .map(|(alert, family_name)| crate::dto::tools::AlertView {
            id: alert.id,
            at: alert.created_at,
            family: alert.facts.family,
            family_name,
            member_name: names.get(&alert.facts.author).cloned().unwrap_or_default(),
        })
        .collect();
    alerts.sort_by_key(|a| std::cmp::Reverse(a.at));
    let ids: Vec<String> = alerts.iter().map(|a| a.id.to_string()).collect();
    let read = AuditRecord::new(
        &Who::actor(&session.actor),
        "read_alerts",
        None,
        None,
        Outcome::Allowed,
        ids.join(","),
    );
    Ok((alerts, read))
}
