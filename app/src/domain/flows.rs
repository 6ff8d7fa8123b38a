//! One question per page: the order of the questions in each of a parent's tools, which
//! can be skipped, and how a single answer is checked as it is given.
//!
//! This follows the GOV.UK question-page pattern
//! (<https://design-system.service.gov.uk/patterns/question-pages/>): one question on
//! each page, then "Check your answers" before anything is saved. The answers so far are
//! kept as a draft on the server, so a dropped connection or a closed tab loses nothing.
//! The whole set is parsed again, by the same types as a one-page form, when it is saved.
//!
//! The readiness rulers keep their MI follow-ups: "why this number, and not a lower
//! one?" is not asked after a 0, and "what would help you move up one?" is not asked
//! after a 10, because neither question makes sense there.

use super::errors::FieldErrors;
use super::ids::EntryId;
use super::tools::{Score, Stage, TalkKind, Words};
use std::collections::BTreeMap;

/// The answers given so far, by question name, exactly as typed.
pub type Answers = BTreeMap<String, String>;

/// The address segment for "Check your answers".
pub const CHECK: &str = "check";

/// Which tool a set of questions belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flow {
    NewGoal,
    EditGoal,
    CheckIn,
    Stage,
    Say,
    /// "Is there anything you want them to know?", before the team's meeting.
    ForMeeting,
    /// "Something that went well": good news, at any time.
    GoodNews,
    /// "About me": what people should know, what helps, how to talk to me.
    AboutMe,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// The person's own words.
    Words,
    /// A whole number from 0 to 10.
    Score,
    /// One of the stages of change.
    Stage,
    /// A change-talk sentence starter, or "in my own way".
    Starter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// The form field's name, the same as in the one-page form.
    pub name: &'static str,
    pub label: &'static str,
    /// How the answer is described on "Check your answers".
    pub short: &'static str,
    pub hint: Option<&'static str>,
    pub kind: AnswerKind,
    /// Needs an answer before moving on.
    pub required: bool,
    /// How a score is described in a message, such as "where you are now".
    pub what: &'static str,
}

const fn words(name: &'static str, label: &'static str, short: &'static str) -> Question {
    Question {
        name,
        label,
        short,
        hint: None,
        kind: AnswerKind::Words,
        required: false,
        what: "",
    }
}

const fn score(
    name: &'static str,
    label: &'static str,
    short: &'static str,
    hint: &'static str,
    what: &'static str,
) -> Question {
    Question {
        name,
        label,
        short,
        hint: Some(hint),
        kind: AnswerKind::Score,
        required: false,
        what,
    }
}

const fn required(question: Question) -> Question {
    Question {
        required: true,
        ..question
    }
}

const fn hinted(question: Question, hint: &'static str) -> Question {
    Question {
        hint: Some(hint),
        ..question
    }
}

const GOAL: [Question; 6] = [
    required(hinted(
        words(
            "change",
            "What do you want to change?",
            "What I want to change",
        ),
        "Use your own words.",
    )),
    words("why", "Why does it matter to you?", "Why it matters to me"),
    words(
        "steps",
        "What steps will you take?",
        "The steps I will take",
    ),
    words("helpers", "Who can help you?", "Who can help"),
    words(
        "signs",
        "How will you know it is working?",
        "How I will know it is working",
    ),
    words(
        "obstacles",
        "What might get in the way?",
        "What might get in the way",
    ),
];

const FROM_WORST: &str = "0 is the worst it could be, 10 is the best.";

const CHECK_IN: [Question; 9] = [
    required(score(
        "now",
        "Where are you now, from 0 to 10?",
        "Where I am now",
        FROM_WORST,
        "where you are now",
    )),
    required(score(
        "want",
        "Where do you want to be, from 0 to 10?",
        "Where I want to be",
        FROM_WORST,
        "where you want to be",
    )),
    words(
        "note",
        "Anything you want to add?",
        "Anything I want to add",
    ),
    score(
        "importance",
        "How important is this change to you, from 0 to 10?",
        "How important it is to me",
        "0 means it does not matter at all. 10 means it is the thing that matters most.",
        "how important this is",
    ),
    words(
        "importance_not_lower",
        "Why this number, and not a lower one?",
        "Why that number for how important, and not lower",
    ),
    words(
        "importance_up_one",
        "What would help you move up one?",
        "What would help it matter one more",
    ),
    score(
        "confidence",
        "How sure are you that you can do it, from 0 to 10?",
        "How sure I am that I can do it",
        "0 is not sure at all, 10 is completely sure.",
        "how sure you are",
    ),
    words(
        "confidence_not_lower",
        "Why this number, and not a lower one?",
        "Why that number for how sure, and not lower",
    ),
    words(
        "confidence_up_one",
        "What would help you move up one?",
        "What would help me feel one more sure",
    ),
];

const STAGE: [Question; 1] = [Question {
    name: "stage",
    label: "Where are you with this goal?",
    short: "Where I am with it",
    hint: None,
    kind: AnswerKind::Stage,
    required: true,
    what: "",
}];

const SAY: [Question; 2] = [
    Question {
        name: "kind",
        label: "How do you want to start?",
        short: "How I started",
        hint: Some("Choose the start of a sentence, or write in your own way."),
        kind: AnswerKind::Starter,
        required: true,
        what: "",
    },
    required(hinted(
        words("text", "What do you want to say?", "What I want to say"),
        "Finish the sentence in your own words.",
    )),
];

const FOR_MEETING: [Question; 1] = [required(hinted(
    words(
        "text",
        "Is there anything you want them to know?",
        "What I want them to know",
    ),
    "Use your own words. It could be something that has gone well, a worry, or what you want from the plan.",
))];

const GOOD_NEWS: [Question; 1] = [required(hinted(
    words("text", "What went well?", "What went well"),
    "Big or small: something you did, something that got easier, or a good day.",
))];

const ABOUT_ME: [Question; 3] = [
    required(hinted(
        words(
            "know",
            "What should people know about you?",
            "What people should know about me",
        ),
        "This is for workers who are new to you. Write as much or as little as you like.",
    )),
    hinted(
        words("helps", "What helps you?", "What helps me"),
        "For example, when things are hard. You can skip this.",
    ),
    hinted(
        words(
            "spoken",
            "How do you like people to talk to you?",
            "How I like people to talk to me",
        ),
        "For example, what to call you, or what you would rather people did not say. You can skip this.",
    ),
];

impl Flow {
    pub const ALL: [Flow; 8] = [
        Flow::NewGoal,
        Flow::EditGoal,
        Flow::CheckIn,
        Flow::Stage,
        Flow::Say,
        Flow::ForMeeting,
        Flow::GoodNews,
        Flow::AboutMe,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Flow::NewGoal => "new_goal",
            Flow::EditGoal => "edit_goal",
            Flow::CheckIn => "check_in",
            Flow::Stage => "stage",
            Flow::Say => "say",
            Flow::ForMeeting => "for_meeting",
            Flow::GoodNews => "good_news",
            Flow::AboutMe => "about_me",
        }
    }

    /// The tool, as a member's copy of their own data names unfinished answers.
    pub fn title(self) -> &'static str {
        match self {
            Flow::NewGoal => "A new goal",
            Flow::EditGoal => "Changing a goal",
            Flow::CheckIn => "A check-in",
            Flow::Stage => "Where you are with change",
            Flow::Say => "Something to say",
            Flow::ForMeeting => "For your team's meeting",
            Flow::GoodNews => "Something that went well",
            Flow::AboutMe => "About me",
        }
    }

    pub fn parse(raw: &str) -> Option<Flow> {
        Self::ALL.into_iter().find(|f| f.code() == raw)
    }

    /// Whether the questions are about one of the person's goals.
    pub fn about_a_goal(self) -> bool {
        !matches!(
            self,
            Flow::NewGoal | Flow::Say | Flow::ForMeeting | Flow::GoodNews | Flow::AboutMe
        )
    }

    /// Whether the answers are shared or not on "Check your answers". Changing a goal
    /// keeps who can see it, which is changed on the goal's own page.
    pub fn asks_who_can_see(self) -> bool {
        self != Flow::EditGoal
    }

    pub fn questions(self) -> &'static [Question] {
        match self {
            Flow::NewGoal | Flow::EditGoal => &GOAL,
            Flow::CheckIn => &CHECK_IN,
            Flow::Stage => &STAGE,
            Flow::Say => &SAY,
            Flow::ForMeeting => &FOR_MEETING,
            Flow::GoodNews => &GOOD_NEWS,
            Flow::AboutMe => &ABOUT_ME,
        }
    }

    pub fn question(self, name: &str) -> Option<&'static Question> {
        self.questions().iter().find(|q| q.name == name)
    }

    /// The page the tool starts on. Changing a goal starts on "Check your answers",
    /// with what the goal says now, so the person changes only what they want to.
    pub fn first(self) -> &'static str {
        match self {
            Flow::EditGoal => CHECK,
            _ => self.questions().first().map_or(CHECK, |q| q.name),
        }
    }

    /// Whether a question is asked, given the answers so far.
    pub fn asks(self, question: &Question, answers: &Answers) -> bool {
        let score_of = |name: &str| {
            answers
                .get(name)
                .and_then(|raw| Score::parse(raw, "").ok())
                .map(Score::value)
        };
        match question.name {
            "importance_not_lower" => score_of("importance").is_some_and(|n| n > 0),
            "importance_up_one" => score_of("importance").is_some_and(|n| n < 10),
            "confidence_not_lower" => score_of("confidence").is_some_and(|n| n > 0),
            "confidence_up_one" => score_of("confidence").is_some_and(|n| n < 10),
            _ => true,
        }
    }

    /// The questions asked, in order, given the answers so far.
    pub fn asked(self, answers: &Answers) -> impl Iterator<Item = &'static Question> + '_ {
        self.questions()
            .iter()
            .filter(move |q| self.asks(q, answers))
    }

    /// The page after `step`: the next question asked, or "Check your answers".
    pub fn after(self, step: &str, answers: &Answers) -> &'static str {
        let mut asked = self.asked(answers).skip_while(|q| q.name != step);
        asked.next();
        asked.next().map_or(CHECK, |q| q.name)
    }

    /// The page before `step`, or `None` on the first question.
    pub fn before(self, step: &str, answers: &Answers) -> Option<&'static str> {
        let asked: Vec<&'static Question> = self.asked(answers).collect();
        if step == CHECK {
            return asked.last().map(|q| q.name);
        }
        let at = asked.iter().position(|q| q.name == step)?;
        at.checked_sub(1).map(|i| asked[i].name)
    }
}

/// Answers to questions that are no longer asked (a follow-up to a ruler that was
/// changed to 0 or to 10 afterwards) are left out of what is saved.
pub fn asked_answers(flow: Flow, answers: &Answers) -> Answers {
    answers
        .iter()
        .filter(|(name, _)| {
            flow.question(name)
                .is_none_or(|question| flow.asks(question, answers))
        })
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect()
}

impl Question {
    /// Checks one answer as it is given, with the same words as the whole form would use.
    pub fn check(&self, raw: &str) -> Result<(), FieldErrors> {
        let problem = |message: String| FieldErrors::single(self.name, message);
        if raw.trim().is_empty() {
            if !self.required {
                return Ok(());
            }
            return Err(problem(
                match self.kind {
                    AnswerKind::Words if self.name == "change" => "Write what you want to change.",
                    AnswerKind::Words if self.name == "know" => super::meeting::ABOUT_ME_EMPTY,
                    // The same words as saving says, for the questions that are a whole tool.
                    AnswerKind::Words if self.label == GOOD_NEWS[0].label => {
                        super::meeting::GOOD_NEWS_EMPTY
                    }
                    AnswerKind::Words if self.label == FOR_MEETING[0].label => {
                        super::meeting::SAY_SOMETHING
                    }
                    AnswerKind::Words => "Write what you want to say.",
                    AnswerKind::Score => {
                        return Err(problem(
                            Score::parse(raw, self.what).err().unwrap_or_default(),
                        ));
                    }
                    AnswerKind::Stage => "Choose where you are with this goal.",
                    AnswerKind::Starter => {
                        "Choose how you want to start, or choose to write in your own way."
                    }
                }
                .to_owned(),
            ));
        }
        match self.kind {
            AnswerKind::Words => Words::parse_optional(raw).map(|_| ()),
            AnswerKind::Score => Score::parse(raw, self.what).map(|_| ()),
            AnswerKind::Stage => Stage::parse(raw).map(|_| ()),
            AnswerKind::Starter => TalkKind::parse_optional(raw).map(|_| ()),
        }
        .map_err(problem)
    }

    /// The question as the person sees it. A ruler's follow-up names the number they
    /// gave, which makes the MI question concrete: "Why 6, and not a lower number?"
    pub fn label_for(&self, answers: &Answers) -> String {
        if self.name == "text" {
            // The sentence goes on from the starter chosen: "I want to…".
            if let Some(Ok(Some(kind))) = answers.get("kind").map(|k| TalkKind::parse_optional(k)) {
                return kind.starter().to_owned();
            }
        }
        let ruler = match self.name {
            "importance_not_lower" | "importance_up_one" => "importance",
            "confidence_not_lower" | "confidence_up_one" => "confidence",
            _ => return self.label.to_owned(),
        };
        let Some(n) = answers
            .get(ruler)
            .and_then(|raw| Score::parse(raw, "").ok())
        else {
            return self.label.to_owned();
        };
        let n = n.value();
        if self.name.ends_with("not_lower") {
            format!("You chose {n}. Why {n}, and not a lower number?")
        } else {
            format!(
                "You chose {n}. What would help you move up one, to {}?",
                n + 1
            )
        }
    }
}

/// The address of one page of a tool: its first question is the tool's own address.
pub fn path(flow: Flow, goal: Option<EntryId>, step: &str) -> String {
    let base = match (flow, goal) {
        (Flow::NewGoal, _) => "/goals/new".to_owned(),
        (Flow::Say, _) => "/say".to_owned(),
        (Flow::ForMeeting, _) => "/meeting".to_owned(),
        (Flow::GoodNews, _) => "/good-news".to_owned(),
        (Flow::AboutMe, _) => "/about-me".to_owned(),
        (Flow::EditGoal, Some(goal)) => format!("/goals/{goal}/edit"),
        (Flow::CheckIn, Some(goal)) => format!("/goals/{goal}/check-in"),
        (Flow::Stage, Some(goal)) => format!("/goals/{goal}/stage"),
        // A tool about a goal, without one: nowhere to go but home.
        (_, None) => return "/home".to_owned(),
    };
    if step == flow.first() {
        base
    } else {
        format!("{base}?q={step}")
    }
}

/// How an answer reads on "Check your answers".
pub fn shown(question: &Question, raw: &str) -> String {
    match question.kind {
        _ if raw.trim().is_empty() => "Not answered".to_owned(),
        AnswerKind::Stage => {
            Stage::parse(raw).map_or_else(|_| raw.to_owned(), |s| s.label().to_owned())
        }
        AnswerKind::Starter => match TalkKind::parse_optional(raw) {
            Ok(Some(kind)) => kind.starter().to_owned(),
            Ok(None) => "In my own way".to_owned(),
            Err(_) => raw.to_owned(),
        },
        // A bare "4" could be anything; the scale is part of the answer.
        AnswerKind::Score => match raw.trim().parse::<u8>() {
            Ok(score) if score <= 10 => format!("{score} out of 10"),
            _ => raw.to_owned(),
        },
        AnswerKind::Words => raw.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_score_is_checked_as_a_number_out_of_10() {
        let score = CHECK_IN
            .iter()
            .find(|q| q.kind == AnswerKind::Score)
            .map(|q| shown(q, "4"));
        assert_eq!(score.as_deref(), Some("4 out of 10"));
        let zero = CHECK_IN
            .iter()
            .find(|q| q.kind == AnswerKind::Score)
            .map(|q| shown(q, "0"));
        assert_eq!(zero.as_deref(), Some("0 out of 10"));
    }

    #[test]
    fn an_empty_page_says_what_its_tool_asks_for() {
        let empty = |flow: Flow| {
            let question = flow.questions()[0];
            question
                .check(" ")
                .unwrap_err()
                .for_field("text")
                .map(str::to_owned)
        };
        assert_eq!(
            empty(Flow::GoodNews).as_deref(),
            Some(crate::domain::meeting::GOOD_NEWS_EMPTY)
        );
        assert_eq!(
            empty(Flow::ForMeeting).as_deref(),
            Some(crate::domain::meeting::SAY_SOMETHING)
        );
    }

    #[test]
    fn every_flow_code_reads_back_and_unknown_ones_do_not() {
        for flow in Flow::ALL {
            assert_eq!(Flow::parse(flow.code()), Some(flow));
        }
        assert_eq!(Flow::parse("pros_and_cons"), None);
    }

    #[test]
    fn a_goal_asks_its_six_questions_in_order_then_checks() {
        let none = Answers::new();
        let mut step = Flow::NewGoal.first();
        let mut seen = vec![];
        while step != CHECK {
            seen.push(step);
            step = Flow::NewGoal.after(step, &none);
        }
        assert_eq!(
            seen,
            ["change", "why", "steps", "helpers", "signs", "obstacles"]
        );
        assert_eq!(Flow::NewGoal.before("change", &none), None);
        assert_eq!(Flow::NewGoal.before(CHECK, &none), Some("obstacles"));
        assert_eq!(Flow::EditGoal.first(), CHECK);
    }

    #[test]
    fn a_ruler_of_zero_is_not_asked_why_not_lower_and_ten_is_not_asked_to_move_up() {
        let zero = answers(&[("importance", "0"), ("confidence", "10")]);
        assert_eq!(
            Flow::CheckIn.after("importance", &zero),
            "importance_up_one"
        );
        assert_eq!(
            Flow::CheckIn.after("confidence", &zero),
            "confidence_not_lower"
        );
        assert_eq!(Flow::CheckIn.after("confidence_not_lower", &zero), CHECK);
        let skipped = Answers::new();
        assert_eq!(Flow::CheckIn.after("importance", &skipped), "confidence");
        assert_eq!(Flow::CheckIn.after("confidence", &skipped), CHECK);
        assert_eq!(
            Flow::CheckIn.before("confidence", &skipped),
            Some("importance")
        );
    }

    #[test]
    fn an_answer_to_a_follow_up_no_longer_asked_is_not_kept() {
        let given = answers(&[
            ("importance", "0"),
            ("importance_not_lower", "an answer from before it was 0"),
            ("now", "4"),
        ]);
        let kept = asked_answers(Flow::CheckIn, &given);
        assert!(!kept.contains_key("importance_not_lower"));
        assert_eq!(kept.get("now").map(String::as_str), Some("4"));
    }

    #[test]
    fn single_answers_are_checked_with_plain_messages() {
        let now = Flow::CheckIn.question("now").map(|q| q.check("11"));
        assert_eq!(
            now.and_then(Result::err)
                .and_then(|e| e.for_field("now").map(str::to_owned)),
            Some("Where you are now must be a number from 0 to 10.".to_owned())
        );
        let blank = Flow::CheckIn.question("now").map(|q| q.check(" "));
        assert!(blank.is_some_and(|r| r.is_err()));
        let optional = Flow::CheckIn.question("importance").map(|q| q.check(""));
        assert!(optional.is_some_and(|r| r.is_ok()));
        let change = Flow::NewGoal.question("change").map(|q| q.check(""));
        assert_eq!(
            change
                .and_then(Result::err)
                .and_then(|e| e.for_field("change").map(str::to_owned)),
            Some("Write what you want to change.".to_owned())
        );
        let long = "a".repeat(10_000);
        assert!(
            Flow::NewGoal
                .question("why")
                .is_some_and(|q| q.check(&long).is_err())
        );
        assert!(
            Flow::Say
                .question("kind")
                .is_some_and(|q| q.check("lecture").is_err())
        );
        assert!(
            Flow::Say
                .question("kind")
                .is_some_and(|q| q.check("none").is_ok())
        );
        let stage = Flow::Stage.question("stage");
        assert!(stage.is_some_and(|q| q.check("not_a_stage").is_err()));
        assert!(stage.is_some_and(|q| q.check(Stage::ALL[5].code()).is_ok()));
    }

    #[test]
    fn a_ruler_follow_up_names_the_number_given() {
        let given = answers(&[("importance", "6")]);
        let q = Flow::CheckIn.question("importance_not_lower");
        assert_eq!(
            q.map(|q| q.label_for(&given)),
            Some("You chose 6. Why 6, and not a lower number?".to_owned())
        );
        let up = Flow::CheckIn.question("importance_up_one");
        assert_eq!(
            up.map(|q| q.label_for(&given)),
            Some("You chose 6. What would help you move up one, to 7?".to_owned())
        );
    }
}
