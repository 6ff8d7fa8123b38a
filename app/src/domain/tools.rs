//! A parent's own tools, following Motivational Interviewing: goals in their own words
//! (the MI change plan), check-ins with 0–10 scaling scores and readiness rulers, the
//! stage of change, and change talk (DARN-CAT).
//!
//! The words follow MI. Rulers are followed by "why this number and not a lower one?"
//! and "what would help you move up one?", never "why not higher?", which draws out
//! reasons not to change. Slipping back is a normal part of change, never failure.

use super::errors::FieldErrors;
use super::ids::{EntryId, SubmissionId};
use super::text::OwnWords;
use serde::{Deserialize, Serialize};

/// Most one answer may hold: about a page of writing.
pub const WORDS_MAX: usize = 2000;
pub type Words = OwnWords<WORDS_MAX>;

/// A 0–10 score: a scaling question or a readiness ruler.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Score(u8);

impl Score {
    /// Reads a score as typed. `what` names the question in the message.
    pub fn parse(raw: &str, what: &str) -> Result<Score, String> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(format!("Enter a number from 0 to 10 for {what}."));
        }
        match raw.parse::<i64>() {
            Ok(n) if (0..=10).contains(&n) => Ok(Score(u8::try_from(n).unwrap_or(0))),
            Ok(_) => Err(format!(
                "{} must be a number from 0 to 10.",
                capitalise(what)
            )),
            Err(_) => Err(format!(
                "{}: use a whole number from 0 to 10, like 4.",
                capitalise(what)
            )),
        }
    }

    /// An optional score: blank is no answer.
    pub fn parse_optional(raw: &str, what: &str) -> Result<Option<Score>, String> {
        if raw.trim().is_empty() {
            Ok(None)
        } else {
            Self::parse(raw, what).map(Some)
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The stage of change, in plain words. Slipping back is part of changing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    NotThinking,
    Thinking,
    GettingReady,
    Doing,
    KeepingGoing,
    SlippedBack,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::NotThinking,
        Stage::Thinking,
        Stage::GettingReady,
        Stage::Doing,
        Stage::KeepingGoing,
        Stage::SlippedBack,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Stage::NotThinking => "not_thinking",
            Stage::Thinking => "thinking",
            Stage::GettingReady => "getting_ready",
            Stage::Doing => "doing",
            Stage::KeepingGoing => "keeping_going",
            Stage::SlippedBack => "slipped_back",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::NotThinking => "Not thinking about it yet",
            Stage::Thinking => "Thinking about it",
            Stage::GettingReady => "Getting ready",
            Stage::Doing => "Doing it",
            Stage::KeepingGoing => "Keeping it going",
            Stage::SlippedBack => "Slipped back",
        }
    }

    /// A plain hint under each choice.
    pub fn hint(self) -> &'static str {
        match self {
            Stage::NotThinking => "It is not something I want to change right now.",
            Stage::Thinking => "Part of me wants to change and part of me does not.",
            Stage::GettingReady => "I am planning how to do it.",
            Stage::Doing => "I have started making the change.",
            Stage::KeepingGoing => "I have been doing it for a while.",
            Stage::SlippedBack => {
                "Things went back a bit. This happens to most people when they change, and you can start again."
            }
        }
    }

    pub fn parse(raw: &str) -> Result<Stage, String> {
        Self::ALL
            .into_iter()
            .find(|s| s.code() == raw)
            .ok_or_else(|| "Choose where you are with this goal.".to_owned())
    }
}

/// The kinds of change talk (DARN-CAT), each with the sentence starter that records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TalkKind {
    Desire,
    Ability,
    Reasons,
    Need,
    Commitment,
    Activation,
    TakingSteps,
}

impl TalkKind {
    pub const ALL: [TalkKind; 7] = [
        TalkKind::Desire,
        TalkKind::Ability,
        TalkKind::Reasons,
        TalkKind::Need,
        TalkKind::Commitment,
        TalkKind::Activation,
        TalkKind::TakingSteps,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TalkKind::Desire => "desire",
            TalkKind::Ability => "ability",
            TalkKind::Reasons => "reasons",
            TalkKind::Need => "need",
            TalkKind::Commitment => "commitment",
            TalkKind::Activation => "activation",
            TalkKind::TakingSteps => "taking_steps",
        }
    }

    /// The starter the parent chooses; the kind is recorded from it.
    pub fn starter(self) -> &'static str {
        match self {
            TalkKind::Desire => "I want to…",
            TalkKind::Ability => "I could…",
            TalkKind::Reasons => "It matters because…",
            TalkKind::Need => "I need to…",
            TalkKind::Commitment => "I will…",
            TalkKind::Activation => "I'm ready to…",
            TalkKind::TakingSteps => "This week I…",
        }
    }

    /// The practice's name for the kind, for practitioners.
    pub fn name(self) -> &'static str {
        match self {
            TalkKind::Desire => "Desire",
            TalkKind::Ability => "Ability",
            TalkKind::Reasons => "Reasons",
            TalkKind::Need => "Need",
            TalkKind::Commitment => "Commitment",
            TalkKind::Activation => "Activation",
            TalkKind::TakingSteps => "Taking steps",
        }
    }

    /// No starter ("none" or blank) is allowed: free text.
    pub fn parse_optional(raw: &str) -> Result<Option<TalkKind>, String> {
        if raw.is_empty() || raw == "none" {
            return Ok(None);
        }
        Self::ALL
            .into_iter()
            .find(|k| k.code() == raw)
            .map(Some)
            .ok_or_else(|| {
                "Choose how you want to start, or choose to write in your own way.".to_owned()
            })
    }
}

/// A goal in the person's own words: the MI change plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub change: Words,
    pub why: Option<Words>,
    pub steps: Option<Words>,
    pub helpers: Option<Words>,
    pub signs: Option<Words>,
    pub obstacles: Option<Words>,
}

/// The goal form as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalForm {
    pub change: String,
    pub why: String,
    pub steps: String,
    pub helpers: String,
    pub signs: String,
    pub obstacles: String,
}

impl TryFrom<GoalForm> for Goal {
    type Error = FieldErrors;

    fn try_from(form: GoalForm) -> Result<Goal, FieldErrors> {
        let mut errors = FieldErrors::new();
        let change = match errors.check("change", Words::parse_optional(&form.change)) {
            Some(Some(change)) => Some(change),
            Some(None) => {
                errors.push("change", "Write what you want to change.");
                None
            }
            None => None,
        };
        let why = errors.check("why", Words::parse_optional(&form.why));
        let steps = errors.check("steps", Words::parse_optional(&form.steps));
        let helpers = errors.check("helpers", Words::parse_optional(&form.helpers));
        let signs = errors.check("signs", Words::parse_optional(&form.signs));
        let obstacles = errors.check("obstacles", Words::parse_optional(&form.obstacles));
        match (change, why, steps, helpers, signs, obstacles) {
            (Some(change), Some(why), Some(steps), Some(helpers), Some(signs), Some(obstacles))
                if errors.is_empty() =>
            {
                Ok(Goal {
                    change,
                    why,
                    steps,
                    helpers,
                    signs,
                    obstacles,
                })
            }
            _ => Err(errors),
        }
    }
}

/// A check-in on a goal: where I am, where I want to be, and the readiness rulers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    pub goal: EntryId,
    pub now: Score,
    pub want: Score,
    pub note: Option<Words>,
    pub importance: Option<Score>,
    /// "Why this number and not a lower one?"
    pub importance_not_lower: Option<Words>,
    /// "What would help you move up one?"
    pub importance_up_one: Option<Words>,
    pub confidence: Option<Score>,
    pub confidence_not_lower: Option<Words>,
    pub confidence_up_one: Option<Words>,
}

/// The check-in form as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInForm {
    pub now: String,
    pub want: String,
    pub note: String,
    pub importance: String,
    pub importance_not_lower: String,
    pub importance_up_one: String,
    pub confidence: String,
    pub confidence_not_lower: String,
    pub confidence_up_one: String,
}

impl CheckInForm {
    pub fn parse(self, goal: EntryId) -> Result<CheckIn, FieldErrors> {
        let mut e = FieldErrors::new();
        let now = e.check("now", Score::parse(&self.now, "where you are now"));
        let want = e.check("want", Score::parse(&self.want, "where you want to be"));
        let note = e.check("note", Words::parse_optional(&self.note));
        let importance = e.check(
            "importance",
            Score::parse_optional(&self.importance, "how important this is"),
        );
        let importance_not_lower = e.check(
            "importance_not_lower",
            Words::parse_optional(&self.importance_not_lower),
        );
        let importance_up_one = e.check(
            "importance_up_one",
            Words::parse_optional(&self.importance_up_one),
        );
        let confidence = e.check(
            "confidence",
            Score::parse_optional(&self.confidence, "how sure you are"),
        );
        let confidence_not_lower = e.check(
            "confidence_not_lower",
            Words::parse_optional(&self.confidence_not_lower),
        );
        let confidence_up_one = e.check(
            "confidence_up_one",
            Words::parse_optional(&self.confidence_up_one),
        );
        if !e.is_empty() {
            return Err(e);
        }
        match (
            now,
            want,
            note,
            importance,
            importance_not_lower,
            importance_up_one,
            confidence,
            confidence_not_lower,
            confidence_up_one,
        ) {
            (
                Some(now),
                Some(want),
                Some(note),
                Some(importance),
                Some(importance_not_lower),
                Some(importance_up_one),
                Some(confidence),
                Some(confidence_not_lower),
                Some(confidence_up_one),
            ) => Ok(CheckIn {
                goal,
                now,
                want,
                note,
                importance,
                importance_not_lower,
                importance_up_one,
                confidence,
                confidence_not_lower,
                confidence_up_one,
            }),
            _ => Err(e),
        }
    }
}

/// Where someone is with a goal, at a moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChoice {
    pub goal: EntryId,
    pub stage: Stage,
}

/// Something a parent wants to say: change talk, in their own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeTalk {
    /// From the starter chosen; none for free text.
    pub kind: Option<TalkKind>,
    pub text: Words,
}

impl ChangeTalk {
    pub fn parse(kind: &str, text: &str) -> Result<ChangeTalk, FieldErrors> {
        let mut e = FieldErrors::new();
        let kind = e.check("kind", TalkKind::parse_optional(kind));
        let text = match e.check("text", Words::parse_optional(text)) {
            Some(Some(text)) => Some(text),
            Some(None) => {
                e.push("text", "Write what you want to say.");
                None
            }
            None => None,
        };
        match (kind, text) {
            (Some(kind), Some(text)) if e.is_empty() => Ok(ChangeTalk { kind, text }),
            _ => Err(e),
        }
    }

    /// The words as the parent sees them, with their starter.
    pub fn sentence(&self) -> String {
        match self.kind {
            Some(kind) => format!(
                "{} {}",
                kind.starter().trim_end_matches('…'),
                self.text.as_str()
            ),
            None => self.text.as_str().to_owned(),
        }
    }
}

/// A submission id from a form, parsed; a missing or bad one is an old or tampered page.
pub fn submission(raw: &str) -> Result<SubmissionId, FieldErrors> {
    SubmissionId::parse(raw).map_err(|_| {
        FieldErrors::single(
            super::errors::FORM,
            "This page is out of date. Go back, reload the page and try again. Nothing was saved twice.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_outside_nought_to_ten_are_refused_plainly() {
        assert_eq!(Score::parse("7", "where you are now").unwrap().value(), 7);
        assert_eq!(Score::parse(" 0 ", "x").unwrap().value(), 0);
        assert_eq!(
            Score::parse("11", "where you are now").unwrap_err(),
            "Where you are now must be a number from 0 to 10."
        );
        assert_eq!(
            Score::parse("-1", "where you are now").unwrap_err(),
            "Where you are now must be a number from 0 to 10."
        );
        assert!(
            Score::parse("seven", "x")
                .unwrap_err()
                .contains("whole number")
        );
        assert!(
            Score::parse("", "where you want to be")
                .unwrap_err()
                .contains("Enter a number")
        );
        assert_eq!(Score::parse_optional(" ", "x"), Ok(None));
    }

    #[test]
    fn an_empty_goal_is_refused_and_every_other_answer_is_kept() {
        let errors = Goal::try_from(GoalForm::default()).unwrap_err();
        assert_eq!(
            errors.for_field("change"),
            Some("Write what you want to change.")
        );
        let goal = Goal::try_from(GoalForm {
            change: "Get to school on time (demo)".into(),
            why: "So my children are settled".into(),
            ..GoalForm::default()
        })
        .unwrap();
        assert_eq!(goal.change.as_str(), "Get to school on time (demo)");
        assert_eq!(goal.steps, None);
    }

    #[test]
    fn ten_thousand_characters_are_refused_with_how_much_is_allowed() {
        let errors = Goal::try_from(GoalForm {
            change: "a".repeat(10_000),
            ..GoalForm::default()
        })
        .unwrap_err();
        assert!(
            errors
                .for_field("change")
                .unwrap()
                .contains("2000 characters or fewer")
        );
    }

    #[test]
    fn unknown_kinds_and_stages_are_refused_with_plain_messages() {
        assert!(Stage::parse("relapsed").is_err());
        assert_eq!(Stage::parse("slipped_back"), Ok(Stage::SlippedBack));
        assert!(TalkKind::parse_optional("decisional_balance").is_err());
        assert_eq!(TalkKind::parse_optional("none"), Ok(None));
    }

    #[test]
    fn slipping_back_is_described_as_normal_not_as_failure() {
        let hint = Stage::SlippedBack.hint().to_lowercase();
        assert!(hint.contains("happens to most people"));
        assert!(!hint.contains("fail"));
    }

    #[test]
    fn change_talk_keeps_the_kind_from_the_starter_and_the_words_as_written() {
        let talk = ChangeTalk::parse("commitment", "ring the school on Monday").unwrap();
        assert_eq!(talk.kind, Some(TalkKind::Commitment));
        assert_eq!(talk.sentence(), "I will ring the school on Monday");
        let free = ChangeTalk::parse("none", "Just my own words").unwrap();
        assert_eq!(free.kind, None);
        assert!(
            ChangeTalk::parse("desire", "  ")
                .unwrap_err()
                .for_field("text")
                .is_some()
        );
    }

    #[test]
    fn a_check_in_needs_both_scores_and_takes_the_rulers_as_optional() {
        let goal = EntryId::new();
        let errors = CheckInForm {
            now: "12".into(),
            ..CheckInForm::default()
        }
        .parse(goal)
        .unwrap_err();
        assert!(errors.for_field("now").is_some());
        assert!(errors.for_field("want").is_some());
        let check_in = CheckInForm {
            now: "3".into(),
            want: "8".into(),
            importance: "9".into(),
            importance_not_lower: "My children".into(),
            ..CheckInForm::default()
        }
        .parse(goal)
        .unwrap();
        assert_eq!(check_in.importance.map(Score::value), Some(9));
        assert_eq!(check_in.confidence, None);
    }
}
