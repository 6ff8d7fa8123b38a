//! The group case supervision pack on the server: one audited read of everything the
//! family shared with its workers since its last session, arranged for supervision.
//! Only what the reader may read is used; a private entry changes nothing in the pack.

use crate::backend::auth::CurrentSession;
use crate::backend::policy;
use crate::backend::store::entries::{self, KindSuggestion};
use crate::backend::store::identity::{EntryWithFacts, family_entries};
use crate::backend::store::people::MemberRow;
use crate::backend::store::{AuditRecord, Outcome, Store, Who, people};
use crate::backend::views::{about_views, newest_about_me, their_words};
use crate::domain::child::House;
use crate::domain::entries::{EntryBody, EntryKind};
use crate::domain::ids::FamilyId;
use crate::domain::people::MemberKind;
use crate::domain::time::TimeZone;
use crate::domain::tools::{CheckIn, StageChoice, TalkKind};
use crate::dto::AppError;
use crate::dto::pack::{
    AlertSeen, ChildView, PackGoal, PackView, TalkMonth, TheirWords, TrendPoint,
};
use std::collections::HashMap;

const WEEK_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// Desire, ability, reasons and need prepare for change; commitment, activation and
/// taking steps mobilise it.
fn is_preparatory(kind: TalkKind) -> bool {
    matches!(
        kind,
        TalkKind::Desire | TalkKind::Ability | TalkKind::Reasons | TalkKind::Need
    )
}

/// Everything the pack is drawn from, read in its one audited transaction.
struct Drawn<'a> {
    /// The entries the reader may read; nothing else reaches the pack.
    readable: &'a [EntryWithFacts],
    members: &'a [MemberRow],
    /// When each entry was last shared with the workers.
    shared_at: &'a HashMap<String, i64>,
    /// The start of the period: the family's last supervision, or the beginning.
    after: i64,
    now: i64,
}

impl Drawn<'_> {
    fn name_of(&self, e: &EntryWithFacts) -> String {
        self.members
            .iter()
            .find(|m| m.id == e.facts.author)
            .map(|m| m.name.clone())
            .unwrap_or_default()
    }

    /// Written, or shared with the workers, since the last supervision.
    fn fresh(&self, e: &EntryWithFacts) -> bool {
        crate::backend::caseload::is_new(
            e.created_at,
            self.shared_at.get(&e.id.to_string()).copied(),
            self.after,
        )
    }

    fn by_child(&self, e: &EntryWithFacts) -> bool {
        self.members
            .iter()
            .any(|m| m.id == e.facts.author && m.kind == MemberKind::Child)
    }

    /// Each goal with its check-ins and stages in the period, and how long it has gone
    /// without a check-in (from all its check-ins, old or new).
    fn goals(&self) -> Vec<PackGoal> {
        // (when, new in the period, the check-in)
        let check_ins: Vec<(i64, bool, &CheckIn)> = self
            .readable
            .iter()
            .filter_map(|e| match &e.body {
                EntryBody::CheckIn(c) => Some((e.created_at, self.fresh(e), c)),
                _ => None,
            })
            .collect();
        let stages: Vec<(i64, &StageChoice)> = self
            .readable
            .iter()
            .filter(|e| self.fresh(e))
            .filter_map(|e| match &e.body {
                EntryBody::Stage(s) => Some((e.created_at, s)),
                _ => None,
            })
            .collect();
        self.readable
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
                let quiet = (self.now - last_check_in.unwrap_or(e.created_at)) / WEEK_MS;
                Some(PackGoal {
                    author: self.name_of(e),
                    change: goal.change.as_str().to_owned(),
                    written_in: e.written_in,
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
            .collect()
    }

    /// Change talk in the period, counted by month as preparatory or mobilising: by the
    /// member's own choice of starter first, otherwise by a practitioner's suggestion.
    fn talk(&self, suggestions: &[KindSuggestion], zone: &TimeZone) -> Vec<TalkMonth> {
        let mut talk: Vec<TalkMonth> = Vec::new();
        for e in self.readable.iter().filter(|e| self.fresh(e)) {
            let EntryBody::ChangeTalk(said) = &e.body else {
                continue;
            };
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
        talk
    }

    /// What the family said in the period as `kind` (for this meeting, or good news),
    /// each under its own heading.
    fn their_words(&self, kind: EntryKind) -> Vec<TheirWords> {
        self.readable
            .iter()
            .filter(|e| self.fresh(e))
            .filter_map(|e| their_words(e, self.members, kind))
            .collect()
    }

    fn about_me(&self) -> Vec<&EntryWithFacts> {
        newest_about_me(self.readable, self.members)
    }

    /// How many things the children put in a House of worries in the period.
    fn worries(&self) -> usize {
        self.readable
            .iter()
            .filter(|e| self.fresh(e))
            .filter(|e| matches!(&e.body, EntryBody::HouseItem(h) if h.house == House::Worries))
            .count()
    }

    /// What the children said in the period, in their own words (what they said for the
    /// meeting and their good news are shown with the family's, under their own headings).
    fn children(&self) -> Vec<ChildView> {
        self.readable
            .iter()
            .filter(|e| {
                !matches!(
                    e.kind(),
                    EntryKind::SafetyAlert
                        | EntryKind::ForMeeting
                        | EntryKind::GoodNews
                        | EntryKind::AboutMe
                        | EntryKind::OnPlan
                )
            })
            .filter(|e| self.fresh(e) && self.by_child(e))
            .map(|e| ChildView {
                child: self.name_of(e),
                tool: e.kind().tool_name().to_owned(),
                at: e.created_at,
                parts: crate::backend::views::parts(&e.body, e.written_in),
                written_in: e.written_in,
            })
            .collect()
    }

    /// "I don't feel safe right now" alerts in the period: who, and when.
    fn alerts(&self) -> Vec<AlertSeen> {
        self.readable
            .iter()
            .filter(|e| e.kind() == EntryKind::SafetyAlert && self.fresh(e))
            .map(|e| AlertSeen {
                member: self.name_of(e),
                at: e.created_at,
            })
            .collect()
    }

    /// Every entry the pack draws on, as the audit row records it: the goals and all their
    /// check-ins (the dates of the last check-in come from them), and whatever is new in
    /// the period.
    fn read_ids(&self) -> String {
        let about = self.about_me();
        self.readable
            .iter()
            .filter(|e| {
                matches!(e.kind(), EntryKind::Goal | EntryKind::CheckIn)
                    || self.fresh(e)
                    || about.iter().any(|a| a.id == e.id)
            })
            .map(|e| e.id.to_string())
            .collect::<Vec<_>>()
            .join(",")
    }
}

pub async fn pack(
    store: &Store,
    session: &CurrentSession,
    family: FamilyId,
    zone: &TimeZone,
) -> Result<PackView, AppError> {
    let (mut audited, facts) = crate::backend::family::open_for_staff(
        store.begin_read().await?,
        session,
        family,
        "read_pack",
    )
    .await?;
    let now = store.now();
    let tx = &mut audited.tx;
    let header = people::family_header(tx, family).await?;
    let members = people::members_of(tx, family).await?;
    let since = crate::backend::supervision::last_held(tx, family, now).await?;
    let readable: Vec<EntryWithFacts> = family_entries(tx, family)
        .await?
        .into_iter()
        .filter(|e| policy::may_read_entry(&session.actor, &facts, &e.facts))
        .collect();
    let suggestions = entries::kind_suggestions(tx, family).await?;
    let shared_at = entries::shared_with_workers_at(tx, family).await?;
    let prep = crate::backend::supervision::prep(tx, &session.actor, family, now).await?;
    let drawn = Drawn {
        readable: &readable,
        members: &members,
        shared_at: &shared_at,
        after: since.unwrap_or(i64::MIN),
        now,
    };
    let (session_id, session_day, summaries) = match prep {
        Some(prep) => {
            let mut all = prep.others;
            all.extend(prep.mine);
            (Some(prep.session), Some(prep.held_on), all)
        }
        None => (None, None, Vec::new()),
    };
    let view = PackView {
        family,
        reference: header.reference,
        display_name: header.display_name,
        since,
        for_meeting: drawn.their_words(EntryKind::ForMeeting),
        on_plan: drawn.their_words(EntryKind::OnPlan),
        about_me: about_views(&drawn.about_me(), drawn.members),
        good_news: drawn.their_words(EntryKind::GoodNews),
        worries: drawn.worries(),
        goals: drawn.goals(),
        talk: drawn.talk(&suggestions, zone),
        children: drawn.children(),
        alerts: drawn.alerts(),
        session_id,
        session: session_day,
        summaries,
    };
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "read_pack",
            Some(family),
            Some(family.to_string()),
            Outcome::Allowed,
            drawn.read_ids(),
        ))
        .await?;
    Ok(view)
}
