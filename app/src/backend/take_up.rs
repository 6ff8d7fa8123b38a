//! Take-up figures: who is and is not using the portal, for a team manager (their own
//! team) and a head of service (every team of their council), in one audited read.
//!
//! The figures are counts of members of open families: given a sign-up code ("invited"),
//! with a passkey ("signed up"), and active in the last 4 weeks (signed in, handed a
//! practitioner's device, or added or changed anything). They are split by team, by
//! place in the family and by age band, and followed month by month. The portal does not
//! record gender, so there is no split by it.
//!
//! Small groups are never shown, and no figure can be taken from another to find one.
//! Every figure from one to four is "fewer than 5", a group of fewer than five shows
//! nothing else, and every other figure is rounded to the nearest 5. Rounding is what
//! stops the sums: with exact figures, a total less the figures beside it, one table
//! against another that splits the same people, or one month against the next, would
//! give a hidden figure away. This is done here, before the figures leave the server, so
//! no page, chart or file can show more.

use crate::backend::auth::CurrentSession;
use crate::backend::evaluation::{age_band, first_of_month, month_of};
use crate::backend::policy::{self, Actor, TakeUpScope};
use crate::backend::store::take_up::{self, Activity, TakeUpMember};
use crate::backend::store::{AuditRecord, Outcome, Store, Who};
use crate::domain::ids::MemberId;
use crate::domain::time::TimeZone;
use crate::dto::AppError;
use crate::dto::take_up::{Count, TakeUpMonth, TakeUpRow, TakeUpTable, TakeUpView};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// "Active" means active in the last 4 weeks.
const ACTIVE_MS: i64 = 28 * DAY_MS;
/// How far back the month-by-month figures go.
const MONTHS: u32 = 12;

/// The figures the signed-in person may read; anyone else gets "not found", audited.
pub async fn figures(
    store: &Store,
    session: &CurrentSession,
    zone: &TimeZone,
) -> Result<TakeUpView, AppError> {
    let mut audited = store.begin_read().await?;
    let scope = policy::take_up_scope(&session.actor);
    let council = match (&session.actor, scope) {
        (Actor::Staff { staff, .. }, Some(_)) => {
            crate::backend::store::people::staff_council(&mut audited.tx, *staff).await?
        }
        _ => None,
    };
    let (Some(scope), Some(council)) = (scope, council) else {
        return Err(policy::refuse(
            audited,
            &session.actor,
            "read_take_up",
            None,
            "not a team manager or head of service",
        )
        .await);
    };
    let team = match scope {
        TakeUpScope::Team(team) => Some(team),
        TakeUpScope::Council => None,
    };
    let now = audited.now();
    // Twelve calendar months never reach back more than 372 days.
    let since = now - 372 * DAY_MS;
    let members = take_up::members(&mut audited.tx, council, team, since).await?;
    let activity = take_up::activity(&mut audited.tx, council, team, since).await?;
    let scope_name = match team {
        Some(team) => crate::backend::store::supervision::team_name(&mut audited.tx, team).await?,
        None => format!(
            "every team in {}",
            take_up::council_name(&mut audited.tx, council).await?
        ),
    };
    let view = count(&members, &activity, zone, now, scope_name);
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "read_take_up",
            None,
            Some(team.map_or_else(|| council.to_string(), |t| t.to_string())),
            Outcome::Allowed,
            format!("figures for {} members", members.len()),
        ))
        .await?;
    Ok(view)
}

/// How many people in a group, before anything is hidden.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    members: u32,
    invited: u32,
    signed_up: u32,
    active: u32,
}

impl Tally {
    fn add(&mut self, invited: bool, signed_up: bool, active: bool) {
        self.members += 1;
        self.invited += u32::from(invited);
        self.signed_up += u32::from(signed_up);
        self.active += u32::from(active);
    }
}

/// A figure as it may be shown: nought is nought, one to four is "fewer than 5", and the
/// rest are rounded to the nearest 5 (so 5 to 7 is 5, and 8 to 12 is 10).
fn one(n: u32) -> Count {
    match n {
        0 => Count::Shown(0),
        1..=4 => Count::FewerThanFive,
        _ => Count::Shown((n + 2) / 5 * 5),
    }
}

/// A group's figures as they may be shown. A group of fewer than five people shows
/// nothing but that: even a nought would tell something about each of them. A group of
/// nobody is nought throughout, which tells nothing about anyone.
fn row(label: String, tally: Tally) -> TakeUpRow {
    if (1..5).contains(&tally.members) {
        return TakeUpRow {
            label,
            members: Count::FewerThanFive,
            invited: Count::FewerThanFive,
            signed_up: Count::FewerThanFive,
            active: Count::FewerThanFive,
        };
    }
    TakeUpRow {
        label,
        members: one(tally.members),
        invited: one(tally.invited),
        signed_up: one(tally.signed_up),
        active: one(tally.active),
    }
}

/// A table of groups in the given order, leaving out groups with nobody in them.
fn table(title: &str, group: &str, groups: Vec<(String, Tally)>) -> TakeUpTable {
    let rows: Vec<TakeUpRow> = groups
        .into_iter()
        .filter(|(_, t)| t.members > 0)
        .map(|(label, t)| row(label, t))
        .collect();
    TakeUpTable {
        title: title.to_owned(),
        group: group.to_owned(),
        rows,
    }
}

/// How an age band is named in the table, in the order the table gives them.
const BANDS: [(&str, &str); 7] = [
    ("adult", "Parents and carers"),
    ("0-4", "Children aged 0 to 4"),
    ("5-9", "Children aged 5 to 9"),
    ("10-12", "Children aged 10 to 12"),
    ("13-15", "Children aged 13 to 15"),
    ("16-17", "Children aged 16 or 17"),
    ("18+", "Young people aged 18 or over"),
];

/// The first of the month, `back` months before the month of `day`.
fn months_before(day: NaiveDate, back: u32) -> NaiveDate {
    let first = first_of_month(day);
    first
        .checked_sub_months(chrono::Months::new(back))
        .unwrap_or(first)
}

/// A member's moments as months ("2026-11"), worked out once rather than for every month
/// of the chart.
struct Months {
    added: String,
    closed: Option<String>,
    invited: Option<String>,
    signed_up: Option<String>,
}

/// The figures for `members`, from their `activity`, as at `now`.
pub fn count(
    members: &[TakeUpMember],
    activity: &[Activity],
    zone: &TimeZone,
    now: i64,
    scope: String,
) -> TakeUpView {
    let month = |ms: i64| month_of(zone, ms);
    let today = zone.local(now).map(|t| t.date()).unwrap_or_default();
    // Each member's activity, as months and as the latest moment.
    let mut latest: HashMap<MemberId, i64> = HashMap::new();
    let mut spans: HashMap<MemberId, Vec<(String, String)>> = HashMap::new();
    for a in activity {
        let last = latest.entry(a.member).or_insert(a.to);
        *last = (*last).max(a.to);
        spans
            .entry(a.member)
            .or_default()
            .push((month(a.from), month(a.to)));
    }
    let open_now = |m: &&TakeUpMember| m.closed_at.is_none_or(|closed| closed > now);
    let active_now = |m: &TakeUpMember| latest.get(&m.id).is_some_and(|t| *t >= now - ACTIVE_MS);

    let mut total = Tally::default();
    let mut teams: BTreeMap<String, Tally> = BTreeMap::new();
    let mut places = [Tally::default(); 2];
    let mut bands = [Tally::default(); BANDS.len()];
    for m in members.iter().filter(open_now) {
        let (invited, signed_up, active) = (
            m.invited_at.is_some(),
            m.signed_up_at.is_some(),
            active_now(m),
        );
        total.add(invited, signed_up, active);
        teams
            .entry(m.team.clone())
            .or_default()
            .add(invited, signed_up, active);
        places[usize::from(m.kind == "child")].add(invited, signed_up, active);
        // A parent or carer is an adult, whatever date of birth is held.
        let born = (m.kind == "child")
            .then_some(m.date_of_birth.as_deref())
            .flatten();
        let band = age_band(born, today);
        if let Some(i) = BANDS.iter().position(|(code, _)| *code == band) {
            bands[i].add(invited, signed_up, active);
        }
    }
    let tables = vec![
        table("By team", "Team", teams.into_iter().collect()),
        table(
            "By place in the family",
            "Place in the family",
            vec![
                ("Parents and carers".to_owned(), places[0]),
                ("Children and young people".to_owned(), places[1]),
            ],
        ),
        table(
            "By age",
            "Age",
            BANDS
                .iter()
                .zip(bands)
                .map(|((_, label), t)| ((*label).to_owned(), t))
                .collect(),
        ),
    ];

    // Month by month, from the month the first member was added, at most a year back.
    let moments: Vec<Months> = members
        .iter()
        .map(|m| Months {
            added: month(m.created_at),
            closed: m.closed_at.map(month),
            invited: m.invited_at.map(month),
            signed_up: m.signed_up_at.map(month),
        })
        .collect();
    let first = moments.iter().map(|m| &m.added).min();
    let mut months = Vec::new();
    for back in (0..MONTHS).rev() {
        let start = months_before(today, back);
        let key = start.format("%Y-%m").to_string();
        if first.is_none_or(|first| *first > key) && back > 0 {
            continue;
        }
        let mut tally = Tally::default();
        for (m, at) in members.iter().zip(&moments) {
            let by_then = |moment: &Option<String>| moment.as_ref().is_some_and(|t| *t <= key);
            if at.added > key || at.closed.as_ref().is_some_and(|closed| *closed <= key) {
                continue;
            }
            let active = spans
                .get(&m.id)
                .is_some_and(|s| s.iter().any(|(from, to)| *from <= key && key <= *to));
            tally.add(by_then(&at.invited), by_then(&at.signed_up), active);
        }
        months.push(TakeUpMonth {
            figures: row(start.format("%B %Y").to_string(), tally),
            month: key,
        });
    }

    TakeUpView {
        scope,
        as_of: now,
        total: row("Everyone".to_owned(), total),
        tables,
        months,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(members: u32, invited: u32, signed_up: u32, active: u32) -> Tally {
        Tally {
            members,
            invited,
            signed_up,
            active,
        }
    }

    #[test]
    fn one_to_four_people_is_fewer_than_five_and_the_rest_are_rounded_to_five() {
        assert_eq!(one(0), Count::Shown(0));
        for n in 1..5 {
            assert_eq!(one(n), Count::FewerThanFive);
        }
        let rounded: Vec<Count> = [5, 7, 8, 12, 13, 102].into_iter().map(one).collect();
        assert_eq!(rounded, [5, 5, 10, 10, 15, 100].map(Count::Shown));
    }

    #[test]
    fn a_group_of_fewer_than_five_shows_nothing_else_and_a_group_of_nobody_is_nought() {
        let r = row("Team".into(), tally(4, 0, 0, 0));
        assert_eq!(
            [r.members, r.invited, r.signed_up, r.active],
            [Count::FewerThanFive; 4]
        );
        let r = row("Team".into(), tally(0, 0, 0, 0));
        assert_eq!(
            [r.members, r.invited, r.signed_up, r.active],
            [Count::Shown(0); 4]
        );
        let r = row("Team".into(), tally(9, 9, 3, 0));
        assert_eq!(
            [r.members, r.invited, r.signed_up, r.active],
            [
                Count::Shown(10),
                Count::Shown(10),
                Count::FewerThanFive,
                Count::Shown(0)
            ]
        );
    }

    /// Every way of filling in the hidden figures that the shown ones allow: each hidden
    /// figure is 1 to 4, each shown one is within 2 of its true figure, and the rows add
    /// up to the total within the total's own rounding.
    fn ways_to_fill(rows: &[Count], total: Count) -> Vec<Vec<u32>> {
        let range = |c: Count| match c {
            Count::Shown(0) => 0..=0,
            Count::Shown(n) => n.saturating_sub(2).max(5)..=n + 2,
            Count::FewerThanFive => 1..=4,
        };
        let mut ways: Vec<Vec<u32>> = vec![Vec::new()];
        for c in rows {
            ways = ways
                .into_iter()
                .flat_map(|w| {
                    range(*c).map(move |n| {
                        let mut w = w.clone();
                        w.push(n);
                        w
                    })
                })
                .collect();
        }
        ways.retain(|w| range(total).contains(&w.iter().sum::<u32>()));
        ways
    }

    #[test]
    fn no_hidden_figure_can_be_worked_out_from_the_total_and_the_figures_beside_it() {
        // Signed up in three teams, 1, 1 and 30; and a team of 3 beside one of 20.
        for true_figures in [vec![1, 1, 30], vec![3, 20], vec![3, 6, 0], vec![4, 8, 12]] {
            let shown: Vec<Count> = true_figures.iter().map(|n| one(*n)).collect();
            let total = one(true_figures.iter().sum());
            let ways = ways_to_fill(&shown, total);
            for (i, c) in shown.iter().enumerate() {
                if *c == Count::FewerThanFive {
                    let mut could_be: Vec<u32> = ways.iter().map(|w| w[i]).collect();
                    could_be.sort_unstable();
                    could_be.dedup();
                    assert!(
                        could_be.len() >= 2,
                        "{true_figures:?}: figure {i} can only be {could_be:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn empty_groups_are_left_out_of_a_table() {
        let t = table(
            "By place",
            "Place",
            vec![
                ("Parents".into(), tally(20, 18, 12, 9)),
                ("Children".into(), tally(3, 3, 1, 1)),
                ("Nobody".into(), tally(0, 0, 0, 0)),
            ],
        );
        let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Parents", "Children"]);
    }

    fn member(team: &str, kind: &str, created_at: i64) -> TakeUpMember {
        TakeUpMember {
            id: MemberId::new(),
            kind: kind.to_owned(),
            date_of_birth: (kind == "child").then(|| "2016-05-01".to_owned()),
            created_at,
            closed_at: None,
            team: team.to_owned(),
            invited_at: None,
            signed_up_at: None,
        }
    }

    #[test]
    fn members_are_counted_as_invited_signed_up_and_active_now_and_month_by_month() {
        let zone = TimeZone::uk();
        // 15 November 2026, midday.
        let now = 1_794_744_000_000;
        let long_ago = now - 100 * DAY_MS;
        let mut members: Vec<TakeUpMember> = (0..12)
            .map(|_| member("North (test)", "parent_carer", long_ago))
            .collect();
        for (i, m) in members.iter_mut().enumerate() {
            if i < 10 {
                m.invited_at = Some(long_ago);
            }
            if i < 7 {
                m.signed_up_at = Some(now - 40 * DAY_MS);
            }
        }
        // A closed case counts in the months it was open, and not now.
        let mut closed = member("North (test)", "parent_carer", long_ago);
        closed.closed_at = Some(now - 50 * DAY_MS);
        members.push(closed);
        let activity: Vec<Activity> = members[..6]
            .iter()
            .map(|m| Activity {
                member: m.id,
                from: now - 3 * DAY_MS,
                to: now - 2 * DAY_MS,
            })
            .chain(std::iter::once(Activity {
                member: members[6].id,
                from: now - 35 * DAY_MS,
                to: now - 35 * DAY_MS,
            }))
            .collect();
        let view = count(&members, &activity, &zone, now, "North (test)".into());
        assert_eq!(
            [
                view.total.members,
                view.total.invited,
                view.total.signed_up,
                view.total.active
            ],
            [
                Count::Shown(10),
                Count::Shown(10),
                Count::Shown(5),
                Count::Shown(5)
            ]
        );
        assert_eq!(view.tables[0].rows[0].label, "North (test)");
        // Four months: August (when they were added) to November.
        let labels: Vec<&str> = view
            .months
            .iter()
            .map(|m| m.figures.label.as_str())
            .collect();
        assert_eq!(
            labels,
            [
                "August 2026",
                "September 2026",
                "October 2026",
                "November 2026"
            ]
        );
        let october = &view.months[2].figures;
        assert_eq!(october.members, Count::Shown(10));
        assert_eq!(october.signed_up, Count::Shown(5));
        assert_eq!(october.active, Count::FewerThanFive);
        assert_eq!(view.months[0].figures.members, Count::Shown(15));
        assert_eq!(view.months[1].figures.members, Count::Shown(10));
        assert_eq!(view.months[3].figures.active, Count::Shown(5));
    }
}
