//! Take-up figures: how many family members have been invited to the portal, have signed
//! up, and have used it lately, for a team manager's team or a head of service's council.
//!
//! Counts only, never a name or a word anyone wrote, and never a count that could single
//! out a few people: every figure from one to four is "fewer than 5", and every other is
//! rounded to the nearest 5, so no figure can be worked out from others. The page, its
//! chart and the CSV are all drawn from this one value, so none can show more than
//! another.

use serde::{Deserialize, Serialize};

/// One figure as it may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Count {
    /// Nought, or a figure of 5 or more rounded to the nearest 5.
    Shown(u32),
    /// From one to four people.
    FewerThanFive,
}

impl Count {
    /// The figure in words, as the page and the CSV give it.
    pub fn words(self) -> String {
        match self {
            Count::Shown(n) => n.to_string(),
            Count::FewerThanFive => "fewer than 5".to_owned(),
        }
    }

    pub fn shown(self) -> Option<u32> {
        match self {
            Count::Shown(n) => Some(n),
            Count::FewerThanFive => None,
        }
    }

    /// This figure as a share of `of`, when both are shown: "60%". Worked out from the
    /// rounded figures, so it tells nothing they do not.
    pub fn percent_of(self, of: Count) -> Option<String> {
        match (self.shown(), of.shown()) {
            (Some(n), Some(of)) if of > 0 => Some(format!("{}%", (n * 100 + of / 2) / of)),
            _ => None,
        }
    }
}

/// One group's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakeUpRow {
    /// The group: a team's name, "Parents and carers", "Children aged 10 to 12".
    pub label: String,
    /// Members of open families.
    pub members: Count,
    /// Members given a sign-up code.
    pub invited: Count,
    /// Members who have added a passkey.
    pub signed_up: Count,
    /// Members who signed in, or added or changed anything, in the last 4 weeks.
    pub active: Count,
}

impl TakeUpRow {
    /// The four figures, in the tables' order: members, given a code, signed up, active.
    pub fn figures(&self) -> [Count; 4] {
        [self.members, self.invited, self.signed_up, self.active]
    }
}

/// The same people, split one way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakeUpTable {
    /// "By team".
    pub title: String,
    /// What the first column holds: "Team".
    pub group: String,
    pub rows: Vec<TakeUpRow>,
}

/// One calendar month. Its figures' label is the month in words ("November 2026");
/// `members` are those in open families at the end of the month (or today, for this
/// month), `invited` and `signed_up` how many of them had been by then, and `active`
/// those who signed in, or added or changed anything, during the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakeUpMonth {
    /// "2026-11".
    pub month: String,
    pub figures: TakeUpRow,
}

/// The figures for one team or one council.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakeUpView {
    /// Whose figures these are: a team's name, or "every team in <council>".
    pub scope: String,
    /// When they were worked out.
    pub as_of: i64,
    pub total: TakeUpRow,
    pub tables: Vec<TakeUpTable>,
    /// Up to the last 12 months, oldest first, from the month the first member was added.
    pub months: Vec<TakeUpMonth>,
}
