//! Group case supervision: the monthly meeting, chaired by a team manager, where the team
//! reflects on each family's cycle of change. Here: the day a session is held, as typed
//! into the GOV.UK date input (day, month, year), checked once; the disciplines that write
//! progress summaries; and the team manager's record of the session, with its rating.

use super::errors::FieldErrors;
use super::people::StaffRole;
use super::text::OwnWords;
use serde::{Deserialize, Serialize};

/// A day, as milliseconds at 00:00 UTC, like every other time the portal keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SessionDay(i64);

impl SessionDay {
    /// Reads the three boxes of a date input. Messages follow the GOV.UK date input
    /// pattern: say what is missing, or give an example of a real date.
    pub fn parse(day: &str, month: &str, year: &str) -> Result<SessionDay, FieldErrors> {
        let field = "held_on";
        let (day, month, year) = (day.trim(), month.trim(), year.trim());
        if day.is_empty() && month.is_empty() && year.is_empty() {
            return Err(FieldErrors::single(field, "Enter the date of the session."));
        }
        let missing: Vec<&str> = [("a day", day), ("a month", month), ("a year", year)]
            .into_iter()
            .filter(|(_, v)| v.is_empty())
            .map(|(what, _)| what)
            .collect();
        if !missing.is_empty() {
            return Err(FieldErrors::single(
                field,
                format!(
                    "The date of the session must include {}.",
                    missing.join(" and ")
                ),
            ));
        }
        let parsed = match (
            day.parse::<u32>(),
            month.parse::<u32>(),
            year.parse::<i32>(),
        ) {
            (Ok(d), Ok(m), Ok(y)) if (2000..=2100).contains(&y) => {
                chrono::NaiveDate::from_ymd_opt(y, m, d)
            }
            _ => None,
        };
        parsed
            .and_then(|date| date.and_hms_opt(0, 0, 0))
            .map(|midnight| SessionDay(midnight.and_utc().timestamp_millis()))
            .ok_or_else(|| {
                FieldErrors::single(
                    field,
                    "The date of the session must be a real date, like 14 3 2027.",
                )
            })
    }

    pub fn millis(self) -> i64 {
        self.0
    }

    /// Sessions are booked ahead: a day before `today` (milliseconds, any time that day)
    /// would rewrite which session was the family's last.
    pub fn not_before(self, today: i64) -> Result<SessionDay, FieldErrors> {
        let start = today - today.rem_euclid(24 * 60 * 60 * 1000);
        if self.0 < start {
            return Err(FieldErrors::single(
                "held_on",
                "The date of the session must be today or in the future.",
            ));
        }
        Ok(self)
    }
}

/// The four disciplines of a Family Safeguarding team, each of which writes a progress
/// summary for group case supervision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discipline {
    SocialWork,
    DomesticAbuse,
    SubstanceMisuse,
    MentalHealth,
}

impl Discipline {
    /// The discipline a role writes for; team managers chair and write the record
    /// instead, and business support, admins and heads of service write neither.
    pub fn of(role: StaffRole) -> Option<Discipline> {
        match role {
            StaffRole::SocialWorker | StaffRole::ChildAndFamilyPractitioner => {
                Some(Discipline::SocialWork)
            }
            StaffRole::DomesticAbusePractitioner | StaffRole::DomesticAbuseWorkerProbation => {
                Some(Discipline::DomesticAbuse)
            }
            StaffRole::RecoveryWorker => Some(Discipline::SubstanceMisuse),
            StaffRole::MentalHealthPractitioner => Some(Discipline::MentalHealth),
            StaffRole::TeamManager
            | StaffRole::BusinessSupportOfficer
            | StaffRole::Admin
            | StaffRole::HeadOfService => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Discipline::SocialWork => "social_work",
            Discipline::DomesticAbuse => "domestic_abuse",
            Discipline::SubstanceMisuse => "substance_misuse",
            Discipline::MentalHealth => "mental_health",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Discipline::SocialWork => "Social work",
            Discipline::DomesticAbuse => "Domestic abuse",
            Discipline::SubstanceMisuse => "Substance misuse",
            Discipline::MentalHealth => "Mental health",
        }
    }

    pub fn from_code(code: &str) -> Option<Discipline> {
        [
            Discipline::SocialWork,
            Discipline::DomesticAbuse,
            Discipline::SubstanceMisuse,
            Discipline::MentalHealth,
        ]
        .into_iter()
        .find(|d| d.code() == code)
    }
}

/// The team manager's red, amber or green rating of how the family is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rating {
    Red,
    Amber,
    Green,
}

impl Rating {
    pub const ALL: [Rating; 3] = [Rating::Red, Rating::Amber, Rating::Green];

    pub fn code(self) -> &'static str {
        match self {
            Rating::Red => "red",
            Rating::Amber => "amber",
            Rating::Green => "green",
        }
    }

    /// The words shown beside the colour: a colour alone carries no meaning for someone
    /// who cannot tell red from green.
    pub fn label(self) -> &'static str {
        match self {
            Rating::Red => "Red: serious concerns",
            Rating::Amber => "Amber: some concerns",
            Rating::Green => "Green: going well",
        }
    }

    pub fn from_code(code: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// How long one section of the record may be, in characters: a few pages.
pub const RECORD_SECTION_MAX: usize = 10_000;
pub type RecordText = OwnWords<RECORD_SECTION_MAX>;

/// The sections of the record, in order: the form field, its heading, and its hint.
pub const RECORD_SECTIONS: [(&str, &str, &str); 7] = [
    (
        "reflection",
        "Reflection on the cycle of change",
        "Where the family are in their cycle of change, and what has moved since the last session.",
    ),
    (
        "child_views",
        "The child's views",
        "What the children have said, in their own words where you can.",
    ),
    (
        "parent_views",
        "The parents' views",
        "What the parents and carers have said, in their own words where you can.",
    ),
    (
        "impact",
        "The impact of the support",
        "What difference the work has made to the children's lives.",
    ),
    (
        "plan",
        "The plan",
        "What happens next, who does it and by when.",
    ),
    (
        "decisions",
        "Decisions made",
        "What the supervision decided.",
    ),
    (
        "reasons",
        "Why these decisions were made",
        "The reasons, so anyone reading the record later can follow them.",
    ),
];

/// One version of the record, checked. A draft may leave sections empty; a finalised
/// version has every section and a rating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupervisionRecord {
    /// In the order of `RECORD_SECTIONS`.
    pub sections: Vec<Option<RecordText>>,
    pub rating: Option<Rating>,
    pub finalised: bool,
}

impl SupervisionRecord {
    /// Reads the form: `sections` in the order of `RECORD_SECTIONS`, the rating's code
    /// (or nothing), and whether this version finalises the record.
    pub fn parse(
        sections: &[&str; 7],
        rating: &str,
        finalise: bool,
    ) -> Result<SupervisionRecord, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut parsed = Vec::new();
        for ((field, heading, _), raw) in RECORD_SECTIONS.iter().zip(sections) {
            let words = errors
                .check(field, RecordText::parse_optional(raw))
                .flatten();
            if words.is_none() && finalise && errors.for_field(field).is_none() {
                errors.push(
                    field,
                    format!(
                        "Write \u{201c}{}\u{201d} before finalising the record.",
                        heading.to_lowercase()
                    ),
                );
            }
            parsed.push(words);
        }
        let rating = match rating.trim() {
            "" => None,
            code => {
                let rating = Rating::from_code(code);
                if rating.is_none() {
                    errors.push("rating", "Choose red, amber or green.");
                }
                rating
            }
        };
        if rating.is_none() && finalise && errors.for_field("rating").is_none() {
            errors.push(
                "rating",
                "Choose a rating, red, amber or green, before finalising the record.",
            );
        }
        if errors.is_empty() && parsed.iter().all(Option::is_none) && rating.is_none() {
            errors.push(
                "reflection",
                "Write at least one section before saving a draft.",
            );
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SupervisionRecord {
            sections: parsed,
            rating,
            finalised: finalise,
        })
    }

    /// The words of one section, or nothing.
    pub fn section(&self, index: usize) -> &str {
        self.sections
            .get(index)
            .and_then(Option::as_ref)
            .map_or("", RecordText::as_str)
    }
}

/// How long a reason for moving or cancelling a session may be, in characters.
pub const REASON_MAX: usize = 500;
pub type Reason = OwnWords<REASON_MAX>;

/// A change to a booked session, as asked for on its page: move it to another day, or
/// cancel it. Cancelling always says why, so the team knows; a move may.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionChange {
    Move {
        to: SessionDay,
        reason: Option<Reason>,
    },
    Cancel {
        reason: Reason,
    },
}

impl SessionChange {
    /// Reads the page's two forms: `action` is the button pressed (`move` or `cancel`),
    /// then the new day's three boxes and each form's reason. `today` is any time today.
    pub fn parse(
        action: &str,
        day: [&str; 3],
        move_reason: &str,
        cancel_reason: &str,
        today: i64,
    ) -> Result<SessionChange, FieldErrors> {
        match action {
            "move" => {
                let mut errors = FieldErrors::new();
                let to = errors.check(
                    "held_on",
                    SessionDay::parse(day[0], day[1], day[2])
                        .and_then(|d| d.not_before(today))
                        .map_err(|e| e.for_field("held_on").unwrap_or_default().to_owned()),
                );
                let reason = errors
                    .check("move_reason", Reason::parse_optional(move_reason))
                    .flatten();
                match to {
                    Some(to) if errors.is_empty() => Ok(SessionChange::Move { to, reason }),
                    _ => Err(errors),
                }
            }
            "cancel" => match Reason::parse_optional(cancel_reason) {
                Ok(Some(reason)) => Ok(SessionChange::Cancel { reason }),
                Ok(None) => Err(FieldErrors::single(
                    "cancel_reason",
                    "Say why the session is cancelled.",
                )),
                Err(message) => Err(FieldErrors::single("cancel_reason", message)),
            },
            _ => Err(FieldErrors::single(
                super::errors::FORM,
                "Choose whether to move the session or cancel it.",
            )),
        }
    }

    /// The form field a problem with the change as a whole is shown against.
    pub fn field(&self) -> &'static str {
        match self {
            SessionChange::Move { .. } => "held_on",
            SessionChange::Cancel { .. } => "cancel_reason",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(result: Result<SessionDay, FieldErrors>) -> String {
        result
            .err()
            .and_then(|e| e.for_field("held_on").map(str::to_owned))
            .unwrap_or_default()
    }

    const TODAY: i64 = 1_795_392_000_000; // 23 November 2026

    #[test]
    fn a_move_needs_a_real_day_from_today_on_and_may_say_why() {
        let moved =
            SessionChange::parse("move", ["21", "3", "2099"], "  Room not free  ", "", TODAY)
                .unwrap();
        let SessionChange::Move { to, reason } = moved else {
            panic!("not a move: {moved:?}");
        };
        assert_eq!(Some(to), SessionDay::parse("21", "3", "2099").ok());
        assert_eq!(
            reason.map(|r| r.as_str().to_owned()),
            Some("Room not free".to_owned())
        );
        let quiet = SessionChange::parse("move", ["21", "3", "2099"], "", "", TODAY).unwrap();
        assert!(matches!(quiet, SessionChange::Move { reason: None, .. }));
        let past = SessionChange::parse("move", ["1", "1", "2020"], "", "", TODAY).unwrap_err();
        assert_eq!(
            past.for_field("held_on"),
            Some("The date of the session must be today or in the future.")
        );
        let blank = SessionChange::parse("move", ["", "", ""], "", "", TODAY).unwrap_err();
        assert_eq!(
            blank.for_field("held_on"),
            Some("Enter the date of the session.")
        );
    }

    #[test]
    fn cancelling_always_says_why_in_words_of_a_sensible_length() {
        let none = SessionChange::parse("cancel", ["", "", ""], "", " \n ", TODAY).unwrap_err();
        assert_eq!(
            none.for_field("cancel_reason"),
            Some("Say why the session is cancelled.")
        );
        let long = "a".repeat(REASON_MAX + 1);
        let too_long = SessionChange::parse("cancel", ["", "", ""], "", &long, TODAY).unwrap_err();
        assert!(
            too_long
                .for_field("cancel_reason")
                .is_some_and(|m| m.contains("500 characters or fewer")),
            "{too_long:?}"
        );
        let cancelled =
            SessionChange::parse("cancel", ["", "", ""], "", "The chair is ill", TODAY).unwrap();
        assert_eq!(cancelled.field(), "cancel_reason");
        // A form from somewhere else, pressing neither button, is told so.
        let neither = SessionChange::parse("delete", ["", "", ""], "", "", TODAY).unwrap_err();
        assert_eq!(
            neither.for_field(super::super::errors::FORM),
            Some("Choose whether to move the session or cancel it.")
        );
    }

    #[test]
    fn every_practitioner_writes_for_one_discipline_and_the_chair_for_none() {
        for role in StaffRole::ALL {
            let discipline = Discipline::of(role);
            assert_eq!(
                discipline.is_some(),
                role.works_with_families() && role != StaffRole::TeamManager,
                "{role:?}"
            );
            if let Some(d) = discipline {
                assert_eq!(Discipline::from_code(d.code()), Some(d));
            }
        }
    }

    #[test]
    fn a_real_date_is_midnight_utc() {
        let day = SessionDay::parse("14", "3", "2027").map(SessionDay::millis);
        assert_eq!(day, Ok(1_804_982_400_000));
    }

    #[test]
    fn a_session_is_booked_for_today_or_later() {
        let day = SessionDay::parse("14", "3", "2027").unwrap();
        let that_evening = day.millis() + 20 * 60 * 60 * 1000;
        assert_eq!(day.not_before(that_evening), Ok(day));
        assert_eq!(
            message(day.not_before(that_evening + 24 * 60 * 60 * 1000)),
            "The date of the session must be today or in the future."
        );
    }

    #[test]
    fn missing_and_impossible_dates_are_refused_in_plain_words() {
        assert_eq!(
            message(SessionDay::parse("", "", "")),
            "Enter the date of the session."
        );
        assert_eq!(
            message(SessionDay::parse("14", "", "")),
            "The date of the session must include a month and a year."
        );
        assert_eq!(
            message(SessionDay::parse("31", "2", "2027")),
            "The date of the session must be a real date, like 14 3 2027."
        );
        assert_eq!(
            message(SessionDay::parse("1", "1", "99")),
            "The date of the session must be a real date, like 14 3 2027."
        );
    }

    fn record(
        sections: [&str; 7],
        rating: &str,
        finalise: bool,
    ) -> Result<SupervisionRecord, FieldErrors> {
        SupervisionRecord::parse(&sections, rating, finalise)
    }

    #[test]
    fn a_draft_record_may_leave_sections_empty_but_not_all_of_them() {
        let draft = record(["Moving well (demo)", "", "", "", "", "", ""], "", false).unwrap();
        assert_eq!(draft.section(0), "Moving well (demo)");
        assert_eq!(draft.section(1), "");
        let empty = record([""; 7], "", false).unwrap_err();
        assert_eq!(
            empty.for_field("reflection"),
            Some("Write at least one section before saving a draft.")
        );
    }

    #[test]
    fn finalising_needs_every_section_and_a_rating() {
        let errors = record(["Moving well (demo)", "", "", "", "", "", ""], "", true).unwrap_err();
        assert_eq!(
            errors.for_field("plan"),
            Some("Write \u{201c}the plan\u{201d} before finalising the record.")
        );
        assert_eq!(
            errors.for_field("rating"),
            Some("Choose a rating, red, amber or green, before finalising the record.")
        );
        assert_eq!(errors.iter().count(), 7);
        let whole = record(["Words (demo)"; 7], "amber", true).unwrap();
        assert_eq!(whole.rating, Some(Rating::Amber));
        assert!(whole.finalised);
    }

    #[test]
    fn an_unknown_rating_and_too_many_words_are_refused_in_plain_words() {
        let long = "a".repeat(RECORD_SECTION_MAX + 1);
        let errors = record([long.as_str(), "", "", "", "", "", ""], "purple", false).unwrap_err();
        assert_eq!(
            errors.for_field("rating"),
            Some("Choose red, amber or green.")
        );
        assert!(
            errors
                .for_field("reflection")
                .is_some_and(|m| m.contains("10000 characters or fewer"))
        );
        for rating in Rating::ALL {
            assert_eq!(Rating::from_code(rating.code()), Some(rating));
        }
    }
}
