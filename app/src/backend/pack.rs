//! The group case supervision pack on the server: one audited read of everything the
//! family shared with its workers since its last session, arranged for supervision.
//! Only what the reader may read is used; a private entry changes nothing in the pack.

use crate::backend::auth::CurrentSession;
use crate::backend::policy;
use crate::backend::store::identity::{EntryWithFacts, family_entries};
use crate::backend::store::{AuditRecord, Outcome, Store, Who, people};
use crate::domain::entries::{EntryBody, EntryKind};
use crate::domain::ids::FamilyId;
use crate::domain::people::MemberKind;
use crate::domain::tools::{CheckIn, StageChoice, TalkKind};
use crate::dto::AppError;
use crate::dto::pack::{AlertSeen, ChildView, PackGoal, PackView, TalkMonth, TrendPoint};

const WEEK_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// Desire, ability, reasons and need prepare for change; commitment, activation and
/// taking steps mobilise it.
fn is_preparatory(kind: TalkKind) -> bool {
    matches!(
        kind,
        TalkKind::Desire | TalkKind::Ability | TalkKind::Reasons | TalkKind::Need
    )
}

pub async fn pack(
    store: &Store,
    session: &CurrentSession,
    family: FamilyId,
    zone: &crate::domain::time::TimeZone,
) -> Result<PackView, AppError> {
    let (mut audited, facts) =
        crate::backend::family::open_for_staff(store, session, family, "read_pack").await?;
    let now = store.now();
    let header = people::family_header(&mut audited.tx, family).await?;
    let members = people::members_of(&mut audited.tx, family).await?;
    let name_of = |e: &EntryWithFacts| {
        members
            .iter()
            .find(|m| m.id == e.facts.author)
            .map(|m| m.name.clone())
            .unwrap_or_default()
    };
    let since = crate::backend::supervision::last_held(&mut audited.tx, family, now).await?;
    let after = since.unwrap_or(i64::MIN);
    let readable: Vec<EntryWithFacts> = family_entries(&mut audited.tx, family)
        .await?
        .into_iter()
        .filter(|e| policy::may_read_entry(&session.actor, &facts, &e.facts))
        .collect();
    let suggestions =
        crate::backend::store::entries::kind_suggestions(&mut audited.tx, family).await?;
    let shared_at =
        crate::backend::store::entries::shared_with_workers_at(&mut audited.tx, family).await?;
    let fresh = |e: &EntryWithFacts| crate::backend::caseload::is_new(e, &shared_at, after);

    // (when, new in the period, the check-in)
    let check_ins: Vec<(i64, bool, &CheckIn)> = readable
        .iter()
        .filter_map(|e| match &e.body {
            EntryBody::CheckIn(c) => Some((e.created_at, fresh(e), c)),
            _ => None,
        })
        .collect();
    let stages: Vec<(i64, &StageChoice)> = readable
        .iter()
        .filter(|e| fresh(e))
        .filter_map(|e| match &e.body {
            EntryBody::Stage(s) => Some((e.created_at, s)),
            _ => None,
        })
        .collect();
    let goals = readable
        .iter()
        .filter_map(|e| {
            let EntryBody::Goal(goal) = &e.body else {
                return None;
            };
            let mine: Vec<&(i64, bool, &CheckIn)> = check_ins
                .iter()
                .filter(|(_, _, c)| c.goal == e.id)
                .collect();
            let last_check_in = mine.iter().map(|(at, ..)| *at).max();
            let quiet = (now - last_check_in.unwrap_or(e.created_at)) / WEEK_MS;
            Some(PackGoal {
                author: name_of(e),
                change: goal.change.as_str().to_owned(),
                points: mine
                    .iter()
                    .filter(|(_, new, _)| *new)
                    .map(|(at, _, c)| TrendPoint {
                        at: *at,
                        now: c.now.value(),
                        want: c.want.value(),
                        importance: c.importance.map(|s| s.value()),
                        confidence: c.confidence.map(|s| s.value()),
                    })
                    .collect(),
                stages: stages
                    .iter()
                    .filter(|(_, s)| s.goal == e.id)
                    .map(|(at, s)| (*at, s.stage.label().to_owned()))
                    .collect(),
                last_check_in,
                weeks_without_check_in: (quiet >= 2).then_some(quiet),
            })
        })
        .collect();

    let mut talk: Vec<TalkMonth> = Vec::new();
    for e in readable.iter().filter(|e| fresh(e)) {
        let EntryBody::ChangeTalk(said) = &e.body else {
            continue;
        };
        // The member's own choice of starter first; otherwise a practitioner's suggestion.
        let kind = said.kind.or_else(|| {
            suggestions
                .iter()
                .rev()
                .find(|s| s.entry == e.id)
                .and_then(|s| TalkKind::parse_optional(&s.kind).ok().flatten())
        });
        let label = zone.month(e.created_at);
        let row = match talk.iter_mut().position(|m| m.month == label) {
            Some(i) => &mut talk[i],
            None => {
                talk.push(TalkMonth {
                    month: label,
                    preparatory: 0,
                    mobilising: 0,
                    unclassified: 0,
                });
                let last = talk.len() - 1;
                &mut talk[last]
            }
        };
        match kind {
            Some(k) if is_preparatory(k) => row.preparatory += 1,
            Some(_) => row.mobilising += 1,
            None => row.unclassified += 1,
        }
    }

    let children = readable
        .iter()
        .filter(|e| fresh(e) && e.kind() != EntryKind::SafetyAlert)
        .filter(|e| {
            members
                .iter()
                .any(|m| m.id == e.facts.author && m.kind == MemberKind::Child)
        })
        .map(|e| ChildView {
            child: name_of(e),
            tool: e.kind().tool_name().to_owned(),
            at: e.created_at,
            parts: crate::backend::views::parts(&e.body),
        })
        .collect();
    let alerts = readable
        .iter()
        .filter(|e| e.kind() == EntryKind::SafetyAlert && fresh(e))
        .map(|e| AlertSeen {
            member: name_of(e),
            at: e.created_at,
        })
        .collect();
    let prep =
        crate::backend::supervision::prep(&mut audited.tx, &session.actor, family, now).await?;
    let (session_id, session_day, summaries) = match prep {
        Some(prep) => {
            let mut all = prep.others;
            all.extend(prep.mine);
            (Some(prep.session), Some(prep.held_on), all)
        }
        None => (None, None, Vec::new()),
    };
    // Every entry the pack draws on is recorded as read: the goals and all their check-ins
    // (the dates of the last check-in come from them), and whatever is new in the period.
    let ids: Vec<String> = readable
        .iter()
        .filter(|e| matches!(e.kind(), EntryKind::Goal | EntryKind::CheckIn) || fresh(e))
        .map(|e| e.id.to_string())
        .collect();
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "read_pack",
            Some(family),
            Some(family.to_string()),
            Outcome::Allowed,
            ids.join(","),
        ))
        .await?;
    Ok(PackView {
        family,
        reference: header.reference,
        display_name: header.display_name,
        since,
        goals,
        talk,
        children,
        alerts,
        session_id,
        session: session_day,
        summaries,
    })
}
