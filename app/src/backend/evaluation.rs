//! The evaluation export: a pseudonymised, individual-level dataset for evaluators of
//! Family Safeguarding, one row per family member per month, made by a council's admin.
//!
//! It must identify nobody. It holds no name, no words anyone wrote, no date of birth and
//! no exact date: months only, an age band, the member's place in the family, their team,
//! numbers from the tools and counts. Each person is a pseudonym: a keyed hash (HMAC-SHA256)
//! of their id with a secret the council holds outside the database, so the same person
//! keeps one pseudonym across exports, and nobody without the secret can tell who it is,
//! nor test a guess.

use crate::backend::auth::CurrentSession;
use crate::backend::policy::{self, Actor};
use crate::backend::store::evaluation::{EvaluatedEntry, EvaluatedMember};
use crate::backend::store::{AuditRecord, Outcome, Store, Who};
use crate::domain::entries::EntryBody;
use crate::domain::ids::MemberId;
use crate::domain::time::TimeZone;
use crate::domain::tools::TalkKind;
use crate::dto::AppError;
use chrono::{Datelike, Duration, NaiveDate};
use hmac::{Hmac, Mac};

/// The council's secret for pseudonyms. Never serialised, never logged.
#[derive(Clone)]
pub struct PseudonymKey(Vec<u8>);

impl PseudonymKey {
    /// A key of at least 32 bytes; anything shorter could be guessed.
    pub fn new(secret: &[u8]) -> Option<PseudonymKey> {
        (secret.len() >= 32).then(|| PseudonymKey(secret.to_vec()))
    }

    /// The member's pseudonym: 32 hex characters, the same for every export with this key.
    pub fn pseudonym(&self, member: MemberId) -> String {
        let mut mac = match Hmac::<sha2::Sha256>::new_from_slice(&self.0) {
            Ok(mac) => mac,
            // HMAC takes a key of any length; this is never reached.
            Err(_) => return String::new(),
        };
        mac.update(b"family-portal evaluation member ");
        mac.update(member.to_string().as_bytes());
        mac.finalize().into_bytes()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

impl std::fmt::Debug for PseudonymKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PseudonymKey([redacted])")
    }
}

/// One member in one month.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EvaluationRow {
    pub person: String,
    pub month: String,
    pub team: String,
    pub role: &'static str,
    pub age_band: &'static str,
    pub goals_set: u32,
    pub check_ins_made: u32,
    pub check_ins_missed: u32,
    pub score_now: Option<u8>,
    pub score_want: Option<u8>,
    pub importance: Option<u8>,
    pub confidence: Option<u8>,
    pub stage: Option<&'static str>,
    /// Change talk by kind, in `TalkKind::ALL`'s order, then "in their own way".
    pub talk: [u32; 8],
}

/// Each column: its name, its type and what it means, in order. The data dictionary that
/// goes with every export, and the header of the CSV.
pub const DICTIONARY: [(&str, &str, &str); 22] = [
    (
        "person",
        "text",
        "The member's pseudonym: 32 hexadecimal characters, a keyed hash of the member with the council's secret. The same member has the same pseudonym in every export made with the same secret.",
    ),
    (
        "month",
        "text",
        "The calendar month, YYYY-MM, in the council's time zone. One row for each month from the month the member was added to the portal to the month of the export.",
    ),
    ("team", "text", "The name of the family's team."),
    (
        "role",
        "text",
        "The member's place in the family: parent_carer or child.",
    ),
    (
        "age_band",
        "text",
        "For a child, their age on the first day of the month: 0-4, 5-9, 10-12, 13-15, 16-17 or 18+. For a parent or carer: adult (no date of birth is held).",
    ),
    (
        "goals_set",
        "whole number",
        "Goals the member set in the month.",
    ),
    (
        "check_ins_made",
        "whole number",
        "Check-ins the member made in the month, on any goal.",
    ),
    (
        "check_ins_missed",
        "whole number",
        "Weeks starting on a Monday in the month, from the week of the member's first goal to the week of the export, in which the member made no check-in.",
    ),
    (
        "score_now",
        "0 to 10, or empty",
        "Where the member said they are now, in their last check-in of the month.",
    ),
    (
        "score_want",
        "0 to 10, or empty",
        "Where the member said they want to be, in their last check-in of the month.",
    ),
    (
        "importance",
        "0 to 10, or empty",
        "The readiness ruler for importance, in their last check-in of the month that gave one.",
    ),
    (
        "confidence",
        "0 to 10, or empty",
        "The readiness ruler for confidence, in their last check-in of the month that gave one.",
    ),
    (
        "stage",
        "text, or empty",
        "The last stage of change the member chose in the month: not_thinking, thinking, getting_ready, doing, keeping_going or slipped_back. Slipping back is a normal part of change.",
    ),
    (
        "talk_desire",
        "whole number",
        "Change talk of the kind desire (\"I want to...\") in the month.",
    ),
    (
        "talk_ability",
        "whole number",
        "Change talk of the kind ability (\"I could...\") in the month.",
    ),
    (
        "talk_reasons",
        "whole number",
        "Change talk of the kind reasons in the month.",
    ),
    (
        "talk_need",
        "whole number",
        "Change talk of the kind need in the month.",
    ),
    (
        "talk_commitment",
        "whole number",
        "Change talk of the kind commitment (\"I will...\") in the month.",
    ),
    (
        "talk_activation",
        "whole number",
        "Change talk of the kind activation in the month.",
    ),
    (
        "talk_taking_steps",
        "whole number",
        "Change talk of the kind taking steps in the month.",
    ),
    (
        "talk_own_way",
        "whole number",
        "Change talk the member wrote in their own way, without a sentence starter, in the month.",
    ),
    (
        "exported",
        "text",
        "The month the export was made, YYYY-MM.",
    ),
];

impl EvaluationRow {
    /// The row's cells in `DICTIONARY`'s order, with the month of the export last.
    pub fn cells(&self, exported: &str) -> Vec<String> {
        let number = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
        let mut cells = vec![
            self.person.clone(),
            self.month.clone(),
            self.team.clone(),
            self.role.to_owned(),
            self.age_band.to_owned(),
            self.goals_set.to_string(),
            self.check_ins_made.to_string(),
            self.check_ins_missed.to_string(),
            number(self.score_now),
            number(self.score_want),
            number(self.importance),
            number(self.confidence),
            self.stage.unwrap_or_default().to_owned(),
        ];
        cells.extend(self.talk.iter().map(u32::to_string));
        cells.push(exported.to_owned());
        cells
    }
}

/// One export: its rows, and the month it was made in (YYYY-MM), from the same moment
/// the rows were counted to.
#[derive(Debug, Clone)]
pub struct Export {
    pub rows: Vec<EvaluationRow>,
    pub month: String,
}

/// The council's rows, for its admin only; anyone else gets "not found", audited.
/// The export is one audited read of the council's families.
pub async fn export(
    store: &Store,
    session: &CurrentSession,
    key: Option<&PseudonymKey>,
    zone: &TimeZone,
) -> Result<Export, AppError> {
    let mut audited = store.begin_read().await?;
    let council = match &session.actor {
        Actor::Staff { staff, .. } if policy::may_issue_staff_code(&session.actor) => {
            crate::backend::store::people::staff_council(&mut audited.tx, *staff).await?
        }
        _ => None,
    };
    let Some(council) = council else {
        return Err(policy::refuse(
            audited,
            &session.actor,
            "export_evaluation",
            None,
            "not an admin of a council",
        )
        .await);
    };
    let Some(key) = key else {
        return Err(AppError::Invalid(
            crate::domain::errors::FieldErrors::single(
                "export",
                "The evaluation export is not set up yet. Whoever runs the portal must set the council's pseudonym key first.",
            ),
        ));
    };
    let members = crate::backend::store::evaluation::members(&mut audited.tx, council).await?;
    let entries = crate::backend::store::evaluation::entries(&mut audited.tx, council).await?;
    let now = audited.now();
    let rows = rows(&members, &entries, key, zone, now);
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "export_evaluation",
            None,
            Some(council.to_string()),
            Outcome::Allowed,
            format!("{} rows for {} members", rows.len(), members.len()),
        ))
        .await?;
    Ok(Export {
        rows,
        month: month_of(zone, now),
    })
}

/// The month of an instant, YYYY-MM, in the council's time zone.
pub fn month_of(zone: &TimeZone, ms: i64) -> String {
    zone.local(ms)
        .map(|t| t.format("%Y-%m").to_string())
        .unwrap_or_default()
}

pub(crate) fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn next_month(first: NaiveDate) -> NaiveDate {
    first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first)
}

pub(crate) fn age_band(date_of_birth: Option<&str>, on: NaiveDate) -> &'static str {
    let Some(born) = date_of_birth.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    else {
        return "adult";
    };
    let years = on.years_since(born).unwrap_or(0);
    match years {
        0..=4 => "0-4",
        5..=9 => "5-9",
        10..=12 => "10-12",
        13..=15 => "13-15",
        16..=17 => "16-17",
        _ => "18+",
    }
}

/// The rows for `members` from their `entries`: a row per member per month from the month
/// they were added to the month of `now`, ordered by pseudonym, so the order says nothing
/// about who was added when.
pub fn rows(
    members: &[EvaluatedMember],
    entries: &[EvaluatedEntry],
    key: &PseudonymKey,
    zone: &TimeZone,
    now: i64,
) -> Vec<EvaluationRow> {
    let day = |ms: i64| zone.local(ms).map(|t| t.date());
    let Some(today) = day(now) else {
        return Vec::new();
    };
    // Each member's entries, oldest first, found once: a county has thousands of
    // members and hundreds of thousands of entries.
    let mut by_author: std::collections::HashMap<MemberId, Vec<(NaiveDate, &EntryBody)>> =
        std::collections::HashMap::new();
    for entry in entries {
        if let Some(on) = day(entry.created_at) {
            by_author
                .entry(entry.author)
                .or_default()
                .push((on, &entry.body));
        }
    }
    let none = Vec::new();
    let mut rows = Vec::new();
    for member in members {
        let own = by_author.get(&member.id).unwrap_or(&none);
        let first_goal = own
            .iter()
            .find(|(_, body)| matches!(body, EntryBody::Goal(_)))
            .map(|(on, _)| week_start(*on));
        let person = key.pseudonym(member.id);
        let role = if member.kind == "child" {
            "child"
        } else {
            "parent_carer"
        };
        let mut month = first_of_month(day(member.created_at).unwrap_or(today));
        // `own` is oldest first, so each month's entries follow the last month's.
        let mut next = 0;
        while month <= today {
            let end = next_month(month);
            let start = next + own[next..].partition_point(|(on, _)| *on < month);
            next = start + own[start..].partition_point(|(on, _)| *on < end);
            let in_month = &own[start..next];
            let mut row = EvaluationRow {
                person: person.clone(),
                month: month.format("%Y-%m").to_string(),
                team: member.team.clone(),
                role,
                age_band: if role == "child" {
                    age_band(member.date_of_birth.as_deref(), month)
                } else {
                    "adult"
                },
                goals_set: 0,
                check_ins_made: 0,
                check_ins_missed: 0,
                score_now: None,
                score_want: None,
                importance: None,
                confidence: None,
                stage: None,
                talk: [0; 8],
            };
            let mut checked_weeks = Vec::new();
            for (on, body) in in_month {
                match body {
                    EntryBody::Goal(_) => row.goals_set += 1,
                    EntryBody::CheckIn(check_in) => {
                        row.check_ins_made += 1;
                        checked_weeks.push(week_start(*on));
                        row.score_now = Some(check_in.now.value());
                        row.score_want = Some(check_in.want.value());
                        if let Some(importance) = check_in.importance {
                            row.importance = Some(importance.value());
                        }
                        if let Some(confidence) = check_in.confidence {
                            row.confidence = Some(confidence.value());
                        }
                    }
                    EntryBody::Stage(choice) => row.stage = Some(choice.stage.code()),
                    EntryBody::ChangeTalk(talk) => {
                        let slot = talk
                            .kind
                            .and_then(|kind| TalkKind::ALL.iter().position(|k| *k == kind))
                            .unwrap_or(7);
                        row.talk[slot] += 1;
                    }
                    _ => {}
                }
            }
            if let Some(first_goal) = first_goal {
                row.check_ins_missed = mondays(month, end)
                    .filter(|monday| *monday >= first_goal && *monday <= today)
                    .filter(|monday| !checked_weeks.contains(monday))
                    .count() as u32;
            }
            rows.push(row);
            month = end;
        }
    }
    rows.sort_by(|a, b| (&a.person, &a.month).cmp(&(&b.person, &b.month)));
    rows
}

/// The Monday of the week `day` is in.
fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The Mondays from `start` up to, not including, `end`.
fn mondays(start: NaiveDate, end: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let first = start + Duration::days(i64::from((7 - start.weekday().num_days_from_monday()) % 7));
    std::iter::successors(Some(first), |d| Some(*d + Duration::days(7)))
        .take_while(move |d| *d < end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tools::{ChangeTalk, CheckInForm, Goal, GoalForm};

    const DAY: i64 = 24 * 60 * 60 * 1000;
    /// Monday 2 November 2026, midday UTC.
    const MONDAY: i64 = 1_793_620_800_000;

    fn key() -> PseudonymKey {
        PseudonymKey::new(b"a council's secret for the tests, long enough").unwrap()
    }

    fn member(kind: &str, born: Option<&str>) -> EvaluatedMember {
        EvaluatedMember {
            id: MemberId::new(),
            kind: kind.to_owned(),
            date_of_birth: born.map(str::to_owned),
            created_at: MONDAY,
            team: "Test team (fictional)".to_owned(),
        }
    }

    fn entry(author: MemberId, at: i64, body: EntryBody) -> EvaluatedEntry {
        EvaluatedEntry {
            author,
            created_at: at,
            body,
        }
    }

    fn goal() -> EntryBody {
        EntryBody::Goal(
            Goal::try_from(GoalForm {
                change: "A goal (test)".to_owned(),
                ..Default::default()
            })
            .unwrap(),
        )
    }

    fn check_in(now: &str, importance: &str) -> EntryBody {
        EntryBody::CheckIn(
            CheckInForm {
                now: now.to_owned(),
                want: "9".to_owned(),
                importance: importance.to_owned(),
                ..Default::default()
            }
            .parse(EntryId::new())
            .unwrap(),
        )
    }

    use crate::domain::ids::EntryId;

    #[test]
    fn a_pseudonym_is_the_same_with_one_key_different_with_another_and_never_the_id() {
        let id = MemberId::new();
        assert_eq!(key().pseudonym(id), key().pseudonym(id));
        assert_eq!(key().pseudonym(id).len(), 32);
        let other = PseudonymKey::new(&[7u8; 32]).unwrap();
        assert_ne!(key().pseudonym(id), other.pseudonym(id));
        assert!(!key().pseudonym(id).contains(&id.to_string()[..8]));
        assert!(PseudonymKey::new(b"too short").is_none());
        assert_eq!(format!("{:?}", key()), "PseudonymKey([redacted])");
    }

    #[test]
    fn each_month_counts_goals_check_ins_missed_weeks_and_change_talk_and_keeps_the_last_scores() {
        let zone = TimeZone::default();
        let parent = member("parent_carer", None);
        let child = member("child", Some("2016-11-20"));
        let entries = vec![
            entry(parent.id, MONDAY, goal()),
            entry(parent.id, MONDAY + DAY, check_in("3", "8")),
            entry(parent.id, MONDAY + 2 * DAY, check_in("5", "")),
            entry(
                parent.id,
                MONDAY + 3 * DAY,
                EntryBody::ChangeTalk(ChangeTalk::parse("commitment", "I will (test)").unwrap()),
            ),
            entry(
                parent.id,
                MONDAY + 3 * DAY,
                EntryBody::ChangeTalk(ChangeTalk::parse("", "My own way (test)").unwrap()),
            ),
        ];
        // Three weeks later: Monday 23 November 2026.
        let now = MONDAY + 21 * DAY;
        let rows = rows(
            &[parent.clone(), child.clone()],
            &entries,
            &key(),
            &zone,
            now,
        );
        assert_eq!(rows.len(), 2);
        let p = rows
            .iter()
            .find(|r| r.person == key().pseudonym(parent.id))
            .unwrap();
        assert_eq!(p.month, "2026-11");
        assert_eq!((p.role, p.age_band), ("parent_carer", "adult"));
        assert_eq!((p.goals_set, p.check_ins_made), (1, 2));
        // Weeks of 2, 9, 16 and 23 November: a check-in only in the first.
        assert_eq!(p.check_ins_missed, 3);
        assert_eq!((p.score_now, p.score_want), (Some(5), Some(9)));
        // The ruler kept from the last check-in that gave one.
        assert_eq!(p.importance, Some(8));
        assert_eq!(p.talk[4], 1);
        assert_eq!(p.talk[7], 1);
        let c = rows
            .iter()
            .find(|r| r.person == key().pseudonym(child.id))
            .unwrap();
        // Nine on 1 November 2026: born 20 November 2016.
        assert_eq!((c.role, c.age_band), ("child", "5-9"));
        assert_eq!(c.check_ins_missed, 0, "no goal, so no week is missed");
        // A month with nothing still has its row, up to the month of the export.
        let later = rows_for(&parent, &entries, MONDAY + 40 * DAY);
        assert_eq!(
            later.iter().map(|r| r.month.as_str()).collect::<Vec<_>>(),
            ["2026-11", "2026-12"]
        );
        assert_eq!(later[1].check_ins_made, 0);
        assert_eq!(later[1].score_now, None);
    }

    fn rows_for(
        member: &EvaluatedMember,
        entries: &[EvaluatedEntry],
        now: i64,
    ) -> Vec<EvaluationRow> {
        rows(
            std::slice::from_ref(member),
            entries,
            &key(),
            &TimeZone::default(),
            now,
        )
    }

    #[test]
    fn the_dictionary_names_every_cell() {
        let zone = TimeZone::default();
        let row = &rows(
            &[member("child", Some("2012-01-01"))],
            &[],
            &key(),
            &zone,
            MONDAY,
        )[0];
        assert_eq!(row.cells("2026-11").len(), DICTIONARY.len());
        assert_eq!(row.age_band, "13-15");
    }
}
