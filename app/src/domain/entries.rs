//! What a family member records, as one type: the kind of an entry and its body.
//!
//! An entry is kept as a kind code and a JSON body. The store decodes the two together,
//! once, into an `EntryBody`; everything above it matches on the enum, so a new kind is
//! a compile error wherever it is not yet handled, and an unreadable body is an error the
//! store reports (and the server logs once), never an entry that silently goes missing.

use super::child::{Feeling, HouseItem, Note};
use super::flows::{AnswerKind, Flow};
use super::ids::EntryId;
use super::meeting::{AboutMe, MeetingWords, PicturesOrWords};
use super::tools::{ChangeTalk, CheckIn, Goal, Score, StageChoice, Words};
use serde::{Deserialize, Serialize};

/// The kind of an entry. Its code (`check_in`, say) is what the database and the pages
/// use; the enum is what the code matches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Goal,
    CheckIn,
    Stage,
    ChangeTalk,
    /// "I don't feel safe right now": for the workers only, never shown back.
    SafetyAlert,
    HouseItem,
    Feeling,
    WorkerKnow,
    ImportantPerson,
    /// What a member wants their team's next group case supervision to know.
    ForMeeting,
    /// "Something that went well": good news, so the meeting sees strengths too.
    GoodNews,
    /// "About me": a member's one-page profile, in their own words.
    AboutMe,
    /// "What I think about the plan": a member's answer to what their team's meeting
    /// decided, as the chair told them.
    OnPlan,
}

impl EntryKind {
    pub const ALL: [EntryKind; 13] = [
        EntryKind::Goal,
        EntryKind::CheckIn,
        EntryKind::Stage,
        EntryKind::ChangeTalk,
        EntryKind::SafetyAlert,
        EntryKind::HouseItem,
        EntryKind::Feeling,
        EntryKind::WorkerKnow,
        EntryKind::ImportantPerson,
        EntryKind::ForMeeting,
        EntryKind::GoodNews,
        EntryKind::AboutMe,
        EntryKind::OnPlan,
    ];

    /// The kinds a child's screens write (a grown-up writes the last four too).
    pub const CHILDS: [EntryKind; 8] = [
        EntryKind::HouseItem,
        EntryKind::Feeling,
        EntryKind::WorkerKnow,
        EntryKind::ImportantPerson,
        EntryKind::ForMeeting,
        EntryKind::GoodNews,
        EntryKind::AboutMe,
        EntryKind::OnPlan,
    ];

    /// The code kept in the database; the same as the enum's serialised form.
    pub fn code(self) -> &'static str {
        match self {
            EntryKind::Goal => "goal",
            EntryKind::CheckIn => "check_in",
            EntryKind::Stage => "stage",
            EntryKind::ChangeTalk => "change_talk",
            EntryKind::SafetyAlert => "safety_alert",
            EntryKind::HouseItem => "house_item",
            EntryKind::Feeling => "feeling",
            EntryKind::WorkerKnow => "worker_know",
            EntryKind::ImportantPerson => "important_person",
            EntryKind::ForMeeting => "for_meeting",
            EntryKind::GoodNews => "good_news",
            EntryKind::AboutMe => "about_me",
            EntryKind::OnPlan => "on_plan",
        }
    }

    pub fn from_code(code: &str) -> Option<EntryKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The tool an entry came from, in the practice's words.
    pub fn tool_name(self) -> &'static str {
        match self {
            EntryKind::Goal => "Goal",
            EntryKind::CheckIn => "Check-in",
            EntryKind::Stage => "Stage of change",
            EntryKind::ChangeTalk => "Change talk",
            EntryKind::SafetyAlert => "I don't feel safe",
            EntryKind::HouseItem => "Three Houses",
            EntryKind::Feeling => "Feelings check-in",
            EntryKind::WorkerKnow => "What I want my worker to know",
            EntryKind::ImportantPerson => "Who is important to me",
            EntryKind::ForMeeting => "For my team's meeting",
            EntryKind::GoodNews => "Something that went well",
            EntryKind::AboutMe => "About me",
            EntryKind::OnPlan => "What I think about the plan",
        }
    }

    /// What kind of entry this is, in plain words, without anything it says.
    pub fn in_words(self) -> &'static str {
        match self {
            EntryKind::Goal => "a goal",
            EntryKind::CheckIn => "a check-in",
            EntryKind::Stage => "where they are with a goal",
            EntryKind::ChangeTalk => "something they wanted to say",
            EntryKind::SafetyAlert => "a safety alert",
            EntryKind::HouseItem => "something in their Three Houses",
            EntryKind::Feeling => "how they feel",
            EntryKind::WorkerKnow => "something they want their worker to know",
            EntryKind::ImportantPerson => "who is important to them",
            EntryKind::ForMeeting => "something they want their team's meeting to know",
            EntryKind::GoodNews => "something that went well",
            EntryKind::AboutMe => "what they want people to know about them",
            EntryKind::OnPlan => "what they think about the plan",
        }
    }

    /// Written on a child's screens.
    pub fn is_childs(self) -> bool {
        Self::CHILDS.contains(&self)
    }
}

/// The body of a safety alert: the fixed words the button says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyAlert {
    pub text: String,
}

impl SafetyAlert {
    pub fn now() -> SafetyAlert {
        SafetyAlert {
            text: "I don't feel safe right now".to_owned(),
        }
    }
}

/// An entry's content, decoded from its kind and JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryBody {
    Goal(Goal),
    CheckIn(CheckIn),
    Stage(StageChoice),
    ChangeTalk(ChangeTalk),
    SafetyAlert(SafetyAlert),
    HouseItem(HouseItem),
    Feeling(Feeling),
    WorkerKnow(Note),
    ImportantPerson(Note),
    ForMeeting(MeetingWords),
    GoodNews(PicturesOrWords),
    AboutMe(AboutMe),
    /// Names the session whose decision it answers, like an answer for the meeting.
    OnPlan(MeetingWords),
}

/// A body that does not read as its kind: kept data the code no longer understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableBody {
    pub kind: String,
    pub reason: String,
}

impl std::fmt::Display for UnreadableBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "a {:?} body that does not read: {}",
            self.kind, self.reason
        )
    }
}

impl EntryBody {
    pub fn kind(&self) -> EntryKind {
        match self {
            EntryBody::Goal(_) => EntryKind::Goal,
            EntryBody::CheckIn(_) => EntryKind::CheckIn,
            EntryBody::Stage(_) => EntryKind::Stage,
            EntryBody::ChangeTalk(_) => EntryKind::ChangeTalk,
            EntryBody::SafetyAlert(_) => EntryKind::SafetyAlert,
            EntryBody::HouseItem(_) => EntryKind::HouseItem,
            EntryBody::Feeling(_) => EntryKind::Feeling,
            EntryBody::WorkerKnow(_) => EntryKind::WorkerKnow,
            EntryBody::ImportantPerson(_) => EntryKind::ImportantPerson,
            EntryBody::ForMeeting(_) => EntryKind::ForMeeting,
            EntryBody::GoodNews(_) => EntryKind::GoodNews,
            EntryBody::AboutMe(_) => EntryKind::AboutMe,
            EntryBody::OnPlan(_) => EntryKind::OnPlan,
        }
    }

    /// Reads a body as kept, by its kind's code. The only place bodies are decoded.
    pub fn decode(kind: &str, json: &str) -> Result<EntryBody, UnreadableBody> {
        let unreadable = |reason: String| UnreadableBody {
            kind: kind.to_owned(),
            reason,
        };
        let kind = EntryKind::from_code(kind).ok_or_else(|| unreadable("no such kind".into()))?;
        fn read<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
            serde_json::from_str(json).map_err(|e| e.to_string())
        }
        match kind {
            EntryKind::Goal => read(json).map(EntryBody::Goal),
            EntryKind::CheckIn => read(json).map(EntryBody::CheckIn),
            EntryKind::Stage => read(json).map(EntryBody::Stage),
            EntryKind::ChangeTalk => read(json).map(EntryBody::ChangeTalk),
            EntryKind::SafetyAlert => read(json).map(EntryBody::SafetyAlert),
            EntryKind::HouseItem => read(json).map(EntryBody::HouseItem),
            EntryKind::Feeling => read(json).map(EntryBody::Feeling),
            EntryKind::WorkerKnow => read(json).map(EntryBody::WorkerKnow),
            EntryKind::ImportantPerson => read(json).map(EntryBody::ImportantPerson),
            EntryKind::ForMeeting => read(json).map(EntryBody::ForMeeting),
            EntryKind::GoodNews => read(json).map(EntryBody::GoodNews),
            EntryKind::AboutMe => read(json).map(EntryBody::AboutMe),
            EntryKind::OnPlan => read(json).map(EntryBody::OnPlan),
        }
        .map_err(unreadable)
    }

    /// The body as it is kept.
    pub fn encode(&self) -> Result<String, serde_json::Error> {
        match self {
            EntryBody::Goal(v) => serde_json::to_string(v),
            EntryBody::CheckIn(v) => serde_json::to_string(v),
            EntryBody::Stage(v) => serde_json::to_string(v),
            EntryBody::ChangeTalk(v) => serde_json::to_string(v),
            EntryBody::SafetyAlert(v) => serde_json::to_string(v),
            EntryBody::HouseItem(v) => serde_json::to_string(v),
            EntryBody::Feeling(v) => serde_json::to_string(v),
            EntryBody::WorkerKnow(v) | EntryBody::ImportantPerson(v) => serde_json::to_string(v),
            EntryBody::ForMeeting(v) => serde_json::to_string(v),
            EntryBody::GoodNews(v) => serde_json::to_string(v),
            EntryBody::AboutMe(v) => serde_json::to_string(v),
            EntryBody::OnPlan(v) => serde_json::to_string(v),
        }
    }

    /// The goal a check-in or a stage is about.
    pub fn about_goal(&self) -> Option<EntryId> {
        match self {
            EntryBody::CheckIn(c) => Some(c.goal),
            EntryBody::Stage(s) => Some(s.goal),
            _ => None,
        }
    }

    /// How an entry reads in a list: the person's words, never reworded.
    pub fn describe(&self) -> String {
        match self {
            EntryBody::Goal(g) => g.change.as_str().to_owned(),
            EntryBody::ChangeTalk(t) => t.sentence(),
            EntryBody::CheckIn(c) => format!(
                "Now {} out of 10; want to be at {}",
                c.now.value(),
                c.want.value()
            ),
            EntryBody::Stage(s) => s.stage.label().to_owned(),
            EntryBody::SafetyAlert(a) => a.text.clone(),
            EntryBody::HouseItem(h) => format!("{}: {}", h.house.title(), h.said.in_words()),
            EntryBody::Feeling(f) => match &f.because {
                Some(because) => {
                    format!("Feeling: {}, because {}", f.face.word(), because.as_str())
                }
                None => format!("Feeling: {}", f.face.word()),
            },
            EntryBody::WorkerKnow(n) | EntryBody::ImportantPerson(n) => n.said.in_words(),
            EntryBody::ForMeeting(m) => m.in_words(),
            EntryBody::GoodNews(g) => g.in_words(),
            EntryBody::AboutMe(a) => a.in_words(),
            EntryBody::OnPlan(m) => m.in_words(),
        }
    }

    /// For a goal or a check-in: each answer given, labelled as the member saw it on
    /// "Check your answers" ("Why it matters to me"), in the flow's order.
    pub fn answers(&self) -> Vec<(&'static str, String)> {
        let (flow, given) = match self {
            EntryBody::Goal(g) => (Flow::NewGoal, goal_answers(g)),
            EntryBody::CheckIn(c) => (Flow::CheckIn, check_in_answers(c)),
            _ => return Vec::new(),
        };
        flow.questions()
            .iter()
            .filter_map(|q| {
                let answer = given.iter().find(|(name, _)| *name == q.name)?;
                let words = match (&answer.1, q.kind) {
                    (Answer::Score(Some(s)), AnswerKind::Score) => {
                        format!("{} out of 10", s.value())
                    }
                    (Answer::Words(Some(w)), _) => w.as_str().to_owned(),
                    _ => return None,
                };
                Some((q.short, words))
            })
            .collect()
    }
}

/// One answer of a goal or check-in, by its question's name.
enum Answer<'a> {
    Words(Option<&'a Words>),
    Score(Option<Score>),
}

fn goal_answers(g: &Goal) -> Vec<(&'static str, Answer<'_>)> {
    vec![
        ("change", Answer::Words(Some(&g.change))),
        ("why", Answer::Words(g.why.as_ref())),
        ("steps", Answer::Words(g.steps.as_ref())),
        ("helpers", Answer::Words(g.helpers.as_ref())),
        ("signs", Answer::Words(g.signs.as_ref())),
        ("obstacles", Answer::Words(g.obstacles.as_ref())),
    ]
}

fn check_in_answers(c: &CheckIn) -> Vec<(&'static str, Answer<'_>)> {
    vec![
        ("now", Answer::Score(Some(c.now))),
        ("want", Answer::Score(Some(c.want))),
        ("note", Answer::Words(c.note.as_ref())),
        ("importance", Answer::Score(c.importance)),
        (
            "importance_not_lower",
            Answer::Words(c.importance_not_lower.as_ref()),
        ),
        (
            "importance_up_one",
            Answer::Words(c.importance_up_one.as_ref()),
        ),
        ("confidence", Answer::Score(c.confidence)),
        (
            "confidence_not_lower",
            Answer::Words(c.confidence_not_lower.as_ref()),
        ),
        (
            "confidence_up_one",
            Answer::Words(c.confidence_up_one.as_ref()),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tools::{CheckInForm, GoalForm};

    fn full_goal() -> Goal {
        Goal::try_from(GoalForm {
            change: "Walk to school together (demo)".into(),
            why: "a".into(),
            steps: "b".into(),
            helpers: "c".into(),
            signs: "d".into(),
            obstacles: "e".into(),
        })
        .unwrap()
    }

    fn full_check_in() -> CheckIn {
        CheckInForm {
            now: "3".into(),
            want: "8".into(),
            note: "n".into(),
            importance: "9".into(),
            importance_not_lower: "a".into(),
            importance_up_one: "b".into(),
            confidence: "4".into(),
            confidence_not_lower: "c".into(),
            confidence_up_one: "d".into(),
        }
        .parse(EntryId::new())
        .unwrap()
    }

    #[test]
    fn every_kind_reads_back_from_its_code_and_its_serialised_form() {
        for kind in EntryKind::ALL {
            assert_eq!(EntryKind::from_code(kind.code()), Some(kind));
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.code())
            );
        }
        assert_eq!(EntryKind::from_code("letter"), None);
    }

    #[test]
    fn a_body_decodes_as_its_own_kind_and_back() {
        let goal = EntryBody::Goal(full_goal());
        let kept = goal.encode().unwrap();
        assert_eq!(EntryBody::decode("goal", &kept), Ok(goal));
        let alert = EntryBody::SafetyAlert(SafetyAlert::now());
        assert_eq!(
            EntryBody::decode("safety_alert", &alert.encode().unwrap()),
            Ok(alert)
        );
    }

    #[test]
    fn an_unreadable_body_is_an_error_that_names_its_kind() {
        let wrong = EntryBody::decode("check_in", r#"{"change":"x"}"#).unwrap_err();
        assert_eq!(wrong.kind, "check_in");
        assert!(EntryBody::decode("goal", "not json").is_err());
        assert!(EntryBody::decode("letter", "{}").is_err());
    }

    #[test]
    fn every_question_of_a_goal_and_a_check_in_has_its_answer_shown() {
        // A question renamed in the flow but not here would drop an answer from Module 8.
        for (body, flow) in [
            (EntryBody::Goal(full_goal()), Flow::NewGoal),
            (EntryBody::CheckIn(full_check_in()), Flow::CheckIn),
        ] {
            let labels: Vec<&str> = body.answers().iter().map(|(label, _)| *label).collect();
            let expected: Vec<&str> = flow.questions().iter().map(|q| q.short).collect();
            assert_eq!(labels, expected);
        }
        let answers = EntryBody::CheckIn(full_check_in()).answers();
        assert_eq!(answers[0], ("Where I am now", "3 out of 10".to_owned()));
    }

    #[test]
    fn an_answer_left_blank_is_not_shown() {
        let mut goal = full_goal();
        goal.why = None;
        let labels: Vec<&str> = EntryBody::Goal(goal)
            .answers()
            .iter()
            .map(|(label, _)| *label)
            .collect();
        assert!(!labels.contains(&"Why it matters to me"));
        assert_eq!(labels.len(), 5);
    }
}
