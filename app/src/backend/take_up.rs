//! Take-up figures: who is and is not using the portal, for a team manager (their own
//! team) and a head of service (every team of their council), in one audited read.
//!
//! The figures are counts of members of open families: given a sign-up code ("invited"),
//! with a passkey ("signed up"), and active in the last 4 weeks (signed in, handed a
//! practitioner's device, or added or changed anything). They are split by team, by
//! place in the family and by age band, and followed month by month. The portal does not
//! record gender, so there is no split by it.
//!
//! Small groups are never shown. Every figure from one to four is "fewer than 5", a group
//! of fewer than five people shows nothing else, and where a table's total would let a
//! reader work out a hidden figure, the next smallest figure is withheld as well. This is
//! done here, before the figures leave the server, so no page, chart or file can show
//! more.

use crate::backend::auth::CurrentSession;
use crate::backend::evaluation::{age_band, month_of};
use crate::backend::policy::{self, Actor, TakeUpScope};
use crate::backend::store::take_up::{self, Activity, TakeUpMember};
use crate::backend::store::{AuditRecord, Outcome, Store, Who};
use crate::domain::ids::MemberId;
use crate::domain::time::TimeZone;
use crate::dto::AppError;
use crate::dto::take_up::{Count, TakeUpMonth, TakeUpRow, TakeUpTable, TakeUpView};
use chrono::{Datelike, NaiveDate};
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
    let members = take_up::members(&mut audited.tx, council, team).await?;
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

/// A figure as it may be shown on its own: one to four people is "fewer than 5".
fn one(n: u32) -> Count {
    if (1..5).contains(&n) {
        Count::FewerThanFive
    } else {
        Count::Shown(n)
    }
}

/// A group's figures as they may be shown on their own. A group of fewer than five
/// people shows nothing but that: even a nought would tell something about each of them.
fn row(label: String, tally: Tally) -> TakeUpRow {
    if tally.members < 5 {
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

/// One column of a row: members, invited, signed up, active.
fn cell(row: &mut TakeUpRow, column: usize) -> &mut Count {
    match column {
        0 => &mut row.members,
        1 => &mut row.invited,
        2 => &mut row.signed_up,
        _ => &mut row.active,
    }
}

/// Rows that add up to a total that is shown: where a column hides exactly one figure,
/// the total less the others would give it away, so the smallest other figure above
/// nought is withheld too.
fn protect(rows: &mut [TakeUpRow]) {
    for column in 0..4 {
        let hidden = rows
            .iter()
            .filter(|r| !matches!(figure(r, column), Count::Shown(_)))
            .count();
        if hidden != 1 {
            continue;
        }
        let smallest = rows
            .iter_mut()
            .filter_map(|r| match *cell(r, column) {
                Count::Shown(n) if n > 0 => Some((n, r)),
                _ => None,
            })
            .min_by_key(|(n, _)| *n);
        if let Some((_, r)) = smallest {
            *cell(r, column) = Count::Withheld;
        }
    }
}

fn figure(row: &TakeUpRow, column: usize) -> Count {
    [row.members, row.invited, row.signed_up, row.active][column]
}

/// A table of groups in the given order, leaving out groups with nobody in them.
fn table(title: &str, group: &str, groups: Vec<(String, Tally)>) -> TakeUpTable {
    let mut rows: Vec<TakeUpRow> = groups
        .into_iter()
        .filter(|(_, t)| t.members > 0)
        .map(|(label, t)| row(label, t))
        .collect();
    protect(&mut rows);
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
    let first = day.with_day(1).unwrap_or(day);
    first
        .checked_sub_months(chrono::Months::new(back))
        .unwrap_or(first)
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
        let band = age_band(m.date_of_birth.as_deref(), today);
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
    let first = members.iter().map(|m| m.created_at).min();
    let mut months = Vec::new();
    for back in (0..MONTHS).rev() {
        let start = months_before(today, back);
        let key = start.format("%Y-%m").to_string();
        if first.is_none_or(|first| month(first) > key) && back > 0 {
            continue;
        }
        let mut tally = Tally::default();
        for m in members {
            let added = month(m.created_at) <= key;
            let open = m.closed_at.is_none_or(|closed| month(closed) > key);
            if !(added && open) {
                continue;
            }
            let active = spans
                .get(&m.id)
                .is_some_and(|s| s.iter().any(|(from, to)| *from <= key && key <= *to));
            tally.add(
                m.invited_at.is_some_and(|at| month(at) <= key),
                m.signed_up_at.is_some_and(|at| month(at) <= key),
                active,
            );
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
    fn one_to_four_people_is_fewer_than_five_and_nought_and_five_are_shown() {
        assert_eq!(one(0), Count::Shown(0));
        for n in 1..5 {
            assert_eq!(one(n), Count::FewerThanFive);
        }
        assert_eq!(one(5), Count::Shown(5));
    }

    #[test]
    fn a_group_of_fewer_than_five_shows_nothing_else() {
        let r = row("Team".into(), tally(4, 0, 0, 0));
        assert_eq!(
            [r.members, r.invited, r.signed_up, r.active],
            [Count::FewerThanFive; 4]
        );
        let r = row("Team".into(), tally(9, 9, 3, 0));
        assert_eq!(
            [r.members, r.invited, r.signed_up, r.active],
            [
                Count::Shown(9),
                Count::Shown(9),
                Count::FewerThanFive,
                Count::Shown(0)
            ]
        );
    }

    #[test]
    fn a_single_hidden_figure_cannot_be_worked_out_from_the_total() {
        // North has 3 signed up: hidden. Without more, 20 - 8 - 9 would give it away.
        let t = table(
            "By team",
            "Team",
            vec![
                ("North".into(), tally(10, 10, 3, 6)),
                ("South".into(), tally(12, 11, 8, 7)),
                ("West".into(), tally(15, 12, 9, 0)),
            ],
        );
        let signed: Vec<Count> = t.rows.iter().map(|r| r.signed_up).collect();
        assert_eq!(
            signed,
            [Count::FewerThanFive, Count::Withheld, Count::Shown(9)]
        );
        // Columns with nothing hidden, or with two hidden, are left alone.
        assert!(t.rows.iter().all(|r| matches!(r.members, Count::Shown(_))));
        let active: Vec<Count> = t.rows.iter().map(|r| r.active).collect();
        assert_eq!(active, [Count::Shown(6), Count::Shown(7), Count::Shown(0)]);
    }

    #[test]
    fn a_small_group_beside_a_large_one_hides_both_and_empty_groups_are_left_out() {
        let t = table(
            "By place",
            "Place",
            vec![
                ("Parents".into(), tally(20, 18, 12, 9)),
                ("Children".into(), tally(3, 3, 1, 1)),
                ("Nobody".into(), tally(0, 0, 0, 0)),
            ],
        );
        assert_eq!(t.rows.len(), 2);
        assert_eq!(
            [
                t.rows[0].members,
                t.rows[0].invited,
                t.rows[0].signed_up,
                t.rows[0].active
            ],
            [Count::Withheld; 4]
        );
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
                Count::Shown(12),
                Count::Shown(10),
                Count::Shown(7),
                Count::Shown(6)
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
        assert_eq!(october.members, Count::Shown(12));
        assert_eq!(october.signed_up, Count::Shown(7));
        assert_eq!(october.active, Count::FewerThanFive);
        assert_eq!(view.months[0].figures.members, Count::Shown(13));
        assert_eq!(view.months[1].figures.members, Count::Shown(12));
        assert_eq!(view.months[3].figures.active, Count::Shown(6));
    }
}
