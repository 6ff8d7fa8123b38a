//! A parent's tools on the server: goals, check-ins, stages, change talk and sharing.
//!
//! Every write is the author's own and is audited in its transaction (the store insists);
//! every read goes through the policy and is audited in its transaction. Another member's
//! goal answers exactly as a goal that does not exist.

use crate::api::AppError;
use crate::api::tools::{CheckInView, GoalSummary, GoalView, SaidView, SpaceView, StageView};
use crate::backend::auth::CurrentSession;
use crate::backend::policy::{self, Actor};
use crate::backend::store::identity::{EntryWithFacts, family_entries, family_facts};
use crate::backend::store::{AuditRecord, NewEntry, Outcome, Store, Who};
use crate::domain::FieldErrors;
use crate::domain::child::{Feeling, HouseItem, Note, kinds};
use crate::domain::errors::FORM;
use crate::domain::ids::{EntryId, FamilyId, MemberId, SubmissionId};
use crate::domain::tools::{ChangeTalk, CheckIn, Goal, StageChoice};

/// The entry kinds the tools write.
pub const GOAL: &str = "goal";
pub const CHECK_IN: &str = "check_in";
pub const STAGE: &str = "stage";
pub const CHANGE_TALK: &str = "change_talk";
/// "I don't feel safe right now": goes to the allocated workers at once.
pub const SAFETY_ALERT: &str = "safety_alert";

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

pub(crate) fn json<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|error| {
        tracing::error!(%error, "could not write an entry as JSON");
        AppError::Internal
    })
}

/// Writes a new entry of the member's own, shared with their workers if they chose so.
pub(crate) async fn write(
    store: &Store,
    session: &CurrentSession,
    kind: &'static str,
    submission: SubmissionId,
    body: String,
    share_with_workers: bool,
) -> Result<EntryId, AppError> {
    let (family, author) = member(session)?;
    let who = Who::actor(&session.actor);
    let id = store
        .create_entry(NewEntry {
            family,
            author,
            kind,
            submission,
            body: &body,
            by: who.clone(),
            supported: session.supported.as_ref().map(|s| s.id.as_str()),
        })
        .await?;
    if share_with_workers {
        let already = {
            let mut conn = store.pool_connection().await?;
            family_entries(&mut conn, family)
                .await?
                .into_iter()
                .any(|e| e.id == id && e.facts.shared_with_workers)
        };
        // A repeated submission is not shared twice.
        if !already {
            store
                .share(id, None, crate::backend::store::now_ms(), &who)
                .await?;
        }
    }
    Ok(id)
}

pub async fn create_goal(
    store: &Store,
    session: &CurrentSession,
    submission: SubmissionId,
    goal: &Goal,
    share: bool,
) -> Result<EntryId, AppError> {
    write(store, session, GOAL, submission, json(goal)?, share).await
}

/// The member's own entry of this kind, or not found: never someone else's.
async fn own_entry(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
    kind: &str,
) -> Result<EntryWithFacts, AppError> {
    own_of_kind(store, session, id, Some(kind), "change_entry").await
}

/// The member's own entry (of `kind`, if given), read in an audited transaction; anything
/// else is refused through the policy, in the trail, as "not found".
pub(crate) async fn own_of_kind(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
    kind: Option<&str>,
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
                    && kind.is_none_or(|k| e.kind == k)
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
    own_entry(store, session, id, GOAL).await?;
    match store
        .revise_entry(id, after, &json(goal)?, &Who::actor(&session.actor))
        .await?
    {
        Some(_) => Ok(()),
        None => Err(AppError::Invalid(FieldErrors::single(
            FORM,
            "This goal was changed somewhere else since you opened it. Your words are still here: copy them, go back to the goal, and edit it again.",
        ))),
    }
}

/// Adds a check-in or a stage to one of the member's own goals.
pub async fn add_to_goal<T: serde::Serialize>(
    store: &Store,
    session: &CurrentSession,
    kind: &'static str,
    goal: EntryId,
    submission: SubmissionId,
    value: &T,
    share: bool,
) -> Result<EntryId, AppError> {
    own_entry(store, session, goal, GOAL).await?;
    write(store, session, kind, submission, json(value)?, share).await
}

pub async fn say(
    store: &Store,
    session: &CurrentSession,
    submission: SubmissionId,
    talk: &ChangeTalk,
    share: bool,
) -> Result<EntryId, AppError> {
    write(store, session, CHANGE_TALK, submission, json(talk)?, share).await
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
    let who = Who::actor(&session.actor);
    let now = crate::backend::store::now_ms();
    if shared && !entry.facts.shared_with_workers {
        store.share(id, None, now, &who).await?;
    } else if !shared && entry.facts.shared_with_workers {
        store.withdraw(id, None, now, &who).await?;
    }
    Ok(())
}

fn goal_of<T: serde::de::DeserializeOwned>(
    entry: &EntryWithFacts,
    goal: EntryId,
    read: impl Fn(&T) -> EntryId,
) -> Option<T> {
    serde_json::from_str::<T>(&entry.body)
        .ok()
        .filter(|value| read(value) == goal)
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
    let found = match crate::backend::store::identity::entry_family(&mut audited.tx, id).await? {
        Some(family) => match family_facts(&mut audited.tx, family).await? {
            Some(facts) => {
                let entries = family_entries(&mut audited.tx, family).await?;
                let readable: Vec<EntryWithFacts> = entries
                    .into_iter()
                    .filter(|e| policy::may_read_entry(&session.actor, &facts, &e.facts))
                    .collect();
                readable
                    .iter()
                    .find(|e| e.id == id && e.kind == GOAL)
                    .cloned()
                    .and_then(|g| {
                        serde_json::from_str::<Goal>(&g.body)
                            .ok()
                            .map(|goal| (family, g, goal, readable.clone()))
                    })
                    .map(|found| (found, facts))
            }
            None => None,
        },
        None => None,
    };
    let found = found.filter(|((_, entry, _, _), _)| {
        !own_only || policy::is_author(&session.actor, &entry.facts)
    });
    let Some(((family, entry, goal, readable), facts)) = found else {
        return Err(policy::refuse(
            audited,
            &session.actor,
            "read_goal",
            Some(id.to_string()),
            "not found or not permitted",
        )
        .await);
    };
    let mine = policy::is_author(&session.actor, &entry.facts);
    let check_ins: Vec<CheckInView> = readable
        .iter()
        .filter(|e| e.kind == CHECK_IN)
        .filter_map(|e| goal_of::<CheckIn>(e, id, |c| c.goal).map(|c| (e, c)))
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
        .collect();
    let stages: Vec<StageView> = readable
        .iter()
        .filter(|e| e.kind == STAGE)
        .filter_map(|e| goal_of::<StageChoice>(e, id, |s| s.goal).map(|s| (e, s)))
        .map(|(e, s)| StageView {
            id: e.id,
            at: e.created_at,
            code: s.stage.code().to_owned(),
            label: s.stage.label().to_owned(),
            shared_with_workers: e.facts.shared_with_workers,
        })
        .collect();
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
    let names: Vec<(String, String, String)> = if mine {
        sqlx::query_as("SELECT id, display_name, kind FROM members WHERE family_id = $1 ORDER BY created_at, id")
            .bind(family.to_string())
            .fetch_all(&mut *store.pool_connection().await?)
            .await
            .map_err(crate::backend::store::StoreError::from)?
    } else {
        Vec::new()
    };
    let shared_with: Vec<crate::api::family::MemberView> = entry
        .facts
        .shared_with
        .iter()
        .filter_map(|m| {
            names
                .iter()
                .find(|(id, _, _)| *id == m.to_string())
                .map(|(_, n, kind)| crate::api::family::MemberView {
                    id: *m,
                    name: n.clone(),
                    is_child: kind == "child",
                    band: None,
                    band_chosen: false,
                })
        })
        .collect();
    // Who the author may share with, as the policy decides: a flag between two members
    // keeps each out of the other's list.
    let others = names
        .iter()
        .filter_map(|(id, name, kind)| {
            let id = MemberId::parse(id).ok()?;
            if !policy::may_share_with_member(&session.actor, &facts, &entry.facts, id) {
                return None;
            }
            Some(crate::api::family::MemberView {
                id,
                name: name.clone(),
                is_child: kind == "child",
                band: None,
                band_chosen: false,
            })
        })
        .collect();
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

/// The member's home: their goals, with the latest score and stage, and what they said.
pub async fn space(store: &Store, session: &CurrentSession) -> Result<SpaceView, AppError> {
    let (family, author) = member(session)?;
    let mut audited = store.begin_audited().await?;
    let entries = family_entries(&mut audited.tx, family).await?;
    let own: Vec<&EntryWithFacts> = entries
        .iter()
        .filter(|e| e.facts.author == author)
        .collect();
    // Receipts: when staff last opened each entry on its own (never from a list that
    // merely included it), kept beside the audit trail as each read is recorded.
    let reads = crate::backend::store::reads::staff_opened(&mut audited.tx, family).await?;
    let responses = crate::backend::store::views::responses(&mut audited.tx, family).await?;
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
        .filter(|e| e.kind == GOAL)
        .filter_map(|g| {
            serde_json::from_str::<Goal>(&g.body)
                .ok()
                .map(|goal| (g, goal))
        })
        .map(|(g, goal)| {
            let latest = own
                .iter()
                .filter(|e| e.kind == CHECK_IN)
                .filter_map(|e| goal_of::<CheckIn>(e, g.id, |c| c.goal))
                .next_back();
            let stage = own
                .iter()
                .filter(|e| e.kind == STAGE)
                .filter_map(|e| goal_of::<StageChoice>(e, g.id, |s| s.goal))
                .next_back();
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
        .filter(|e| e.kind == CHANGE_TALK)
        .filter_map(|e| {
            serde_json::from_str::<ChangeTalk>(&e.body)
                .ok()
                .map(|t| (e, t))
        })
        .map(|(e, talk)| SaidView {
            id: e.id,
            sentence: talk.sentence(),
            at: e.created_at,
            shared_with_workers: e.facts.shared_with_workers,
            read_by_worker: read_at(e.id),
            replies: replies(e.id),
        })
        .collect();
    let shown: Vec<String> = own.iter().map(|e| e.id.to_string()).collect();
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "read_entries",
            Some(family),
            Some(family.to_string()),
            Outcome::Allowed,
            shown.join(","),
        ))
        .await?;
    Ok(SpaceView { goals, said })
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
                store
                    .share_withheld(
                        id,
                        target,
                        crate::backend::store::now_ms(),
                        &Who::actor(&session.actor),
                    )
                    .await?;
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
        store
            .share(
                id,
                Some(target),
                crate::backend::store::now_ms(),
                &Who::actor(&session.actor),
            )
            .await?;
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
    store
        .withdraw(
            id,
            Some(target),
            crate::backend::store::now_ms(),
            &Who::actor(&session.actor),
        )
        .await?;
    Ok(())
}

/// "I don't feel safe right now": an entry shared with the workers from the start, because
/// reaching them is its whole purpose. Nothing about it is shown back on the parent's
/// screen. A repeat from the same page is one alert.
pub async fn raise_alert(
    store: &Store,
    session: &CurrentSession,
    submission: SubmissionId,
) -> Result<(), AppError> {
    let body = json(&serde_json::json!({ "text": "I don't feel safe right now" }))?;
    write(store, session, SAFETY_ALERT, submission, body, true).await?;
    tracing::warn!("a family member raised a safety alert");
    Ok(())
}

/// Safety alerts from the families a member of staff works with, newest first: the top of
/// their caseload. Read through the policy and audited.
pub async fn urgent(
    store: &Store,
    session: &CurrentSession,
) -> Result<Vec<crate::api::tools::AlertView>, AppError> {
    if !matches!(session.actor, Actor::Staff { .. }) {
        return Err(AppError::NotFound);
    }
    let families = crate::backend::family::my_families(store, session).await?;
    let mut audited = store.begin_audited().await?;
    let mut alerts = Vec::new();
    for (family, reference, family_name) in families {
        let Some(facts) = family_facts(&mut audited.tx, family).await? else {
            continue;
        };
        let names: Vec<(String, String)> =
            sqlx::query_as("SELECT id, display_name FROM members WHERE family_id = $1")
                .bind(family.to_string())
                .fetch_all(&mut *audited.tx)
                .await
                .map_err(crate::backend::store::StoreError::from)?;
        for entry in family_entries(&mut audited.tx, family).await? {
            if entry.kind == SAFETY_ALERT
                && policy::may_read_entry(&session.actor, &facts, &entry.facts)
            {
                let author = entry.facts.author.to_string();
                alerts.push(crate::api::tools::AlertView {
                    id: entry.id,
                    at: entry.created_at,
                    family,
                    family_name: format!("{family_name} ({reference})"),
                    member_name: names
                        .iter()
                        .find(|(id, _)| *id == author)
                        .map(|(_, n)| n.clone())
                        .unwrap_or_default(),
                });
            }
        }
    }
    alerts.sort_by_key(|a| std::cmp::Reverse(a.at));
    let ids: Vec<String> = alerts.iter().map(|a| a.id.to_string()).collect();
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "read_alerts",
            None,
            None,
            Outcome::Allowed,
            ids.join(","),
        ))
        .await?;
    Ok(alerts)
}

/// What kind of entry this is, in plain words, without anything it says.
pub fn kind_in_words(kind: &str) -> &'static str {
    match kind {
        GOAL => "a goal",
        CHECK_IN => "a check-in",
        STAGE => "where they are with a goal",
        CHANGE_TALK => "something they wanted to say",
        SAFETY_ALERT => "a safety alert",
        kinds::HOUSE_ITEM => "something in their Three Houses",
        kinds::FEELING => "how they feel",
        kinds::WORKER_KNOW => "something they want their worker to know",
        kinds::IMPORTANT => "who is important to them",
        _ => "an entry",
    }
}

/// How an entry reads in a list: the person's words, never reworded.
pub fn describe(kind: &str, body: &str) -> String {
    match kind {
        GOAL => serde_json::from_str::<Goal>(body)
            .ok()
            .map(|g| g.change.as_str().to_owned()),
        CHANGE_TALK => serde_json::from_str::<ChangeTalk>(body)
            .ok()
            .map(|t| t.sentence()),
        CHECK_IN => serde_json::from_str::<CheckIn>(body).ok().map(|c| {
            format!(
                "Now {} out of 10; want to be at {}",
                c.now.value(),
                c.want.value()
            )
        }),
        STAGE => serde_json::from_str::<StageChoice>(body)
            .ok()
            .map(|s| s.stage.label().to_owned()),
        kinds::HOUSE_ITEM => serde_json::from_str::<HouseItem>(body)
            .ok()
            .map(|h| format!("{}: {}", h.house.title(), h.said.in_words())),
        kinds::FEELING => serde_json::from_str::<Feeling>(body)
            .ok()
            .map(|f| match f.because {
                Some(because) => {
                    format!("Feeling: {}, because {}", f.face.word(), because.as_str())
                }
                None => format!("Feeling: {}", f.face.word()),
            }),
        kinds::WORKER_KNOW | kinds::IMPORTANT => serde_json::from_str::<Note>(body)
            .ok()
            .map(|n| n.said.in_words()),
        _ => None,
    }
    .unwrap_or_else(|| {
        serde_json::from_str::<serde_json::Value>(body)
            .ok()
            .and_then(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
            .unwrap_or_else(|| body.to_owned())
    })
}
