//! Group case supervision: the monthly meeting, chaired by a team manager, where the team
//! reflects on each family's cycle of change. Here: the day a session is held, as typed
//! into the GOV.UK date input (day, month, year), checked once.

use super::errors::FieldErrors;
use super::people::StaffRole;
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
    /// instead, and business support and admins write neither.
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
            StaffRole::TeamManager | StaffRole::BusinessSupportOfficer | StaffRole::Admin => None,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn message(result: Result<SessionDay, FieldErrors>) -> String {
        result
            .err()
            .and_then(|e| e.for_field("held_on").map(str::to_owned))
            .unwrap_or_default()
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
}
