//! The family in the room: what a member wants their team's group case supervision to
//! hear, in their own words, before it meets.
//!
//! When a session is booked to discuss the family, every member with an account is asked
//! "Is there anything you want them to know?". The answer is the member's own entry like
//! any other: private until they share it, and shared word for word when they do. It names
//! the session it was asked for, so the record of that session can show it beside the
//! chair's account of the family's views; the chair's words stay the chair's.
//!
//! Good news ("Something that went well") is said the same way, at any time, so that the
//! meeting sees strengths as well as worries; and "About me" is the one page a member
//! writes for people new to them.

use super::child::{Present, Said, Symbol, pictures_and_words};
use super::errors::FieldErrors;
use super::ids::MemberId;
use super::tools::Words;
use serde::{Deserialize, Serialize};

/// What a member said in their own words: a grown-up's words, or a child's pictures and
/// words. What they want their team's meeting to know, and good news, are both this.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PicturesOrWords {
    #[serde(default)]
    pub symbols: Vec<Symbol>,
    #[serde(default)]
    pub words: Option<Words>,
    /// Who was with a child when they recorded it, on a practitioner's device.
    #[serde(default)]
    pub present: Present,
}

impl PicturesOrWords {
    /// A grown-up's words, which they must give: `empty` says so when they did not.
    pub fn parse(words: &str, empty: &str) -> Result<PicturesOrWords, FieldErrors> {
        match Words::parse_optional(words) {
            Ok(Some(words)) => Ok(PicturesOrWords {
                symbols: Vec::new(),
                words: Some(words),
                present: None,
            }),
            Ok(None) => Err(FieldErrors::single("text", empty)),
            Err(message) => Err(FieldErrors::single("text", message)),
        }
    }

    /// A child's pictures and words, already read.
    pub fn from_child(said: Said) -> PicturesOrWords {
        PicturesOrWords {
            symbols: said.symbols,
            // A child's words are never longer than a grown-up's, so they always read.
            words: said
                .words
                .and_then(|w| Words::parse_optional(w.as_str()).ok().flatten()),
            present: None,
        }
    }

    /// The member's own words, then the pictures' words, as one line.
    pub fn in_words(&self) -> String {
        pictures_and_words(&self.symbols, self.words.as_ref().map(|w| w.as_str()))
    }
}

/// What a member wants their team's meeting to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingWords {
    /// The group case supervision session the member was asked about.
    pub meeting: String,
    #[serde(flatten)]
    pub said: PicturesOrWords,
}

/// What saving says when no meeting is booked any more (it was cancelled while the member
/// wrote). What they wrote is kept as their draft.
pub const NO_MEETING: &str =
    "Your team has no meeting booked now, so this cannot be sent yet. What you wrote is kept.";

/// What the question says when nothing was given.
pub const SAY_SOMETHING: &str = "Write what you want your team to know.";

/// What the child's question says when nothing was chosen or written.
pub const CHILD_SAY_SOMETHING: &str = "Choose a picture or write something for your team to know.";

/// What "Something that went well" says when nothing was given.
pub const GOOD_NEWS_EMPTY: &str = "Write something that went well.";

/// What the child's "Something that went well" says when nothing was chosen or written.
pub const CHILD_GOOD_NEWS_EMPTY: &str = "Choose a picture or write something that went well.";

/// What "What I think about the plan" says when nothing was given.
pub const PLAN_EMPTY: &str = "Write what you think about the plan.";

/// What the child's "What I think about the plan" says when nothing was chosen or written.
pub const CHILD_PLAN_EMPTY: &str = "Choose a picture or write what you think about the plan.";

impl MeetingWords {
    /// A grown-up's answer: their own words, which they must give.
    pub fn parse(meeting: String, words: &str) -> Result<MeetingWords, FieldErrors> {
        Ok(MeetingWords {
            meeting,
            said: PicturesOrWords::parse(words, SAY_SOMETHING)?,
        })
    }

    /// A child's answer, already read as pictures and words.
    pub fn from_child(meeting: String, said: Said) -> MeetingWords {
        MeetingWords {
            meeting,
            said: PicturesOrWords::from_child(said),
        }
    }

    /// The member's own words, then the pictures' words, as one line.
    pub fn in_words(&self) -> String {
        self.said.in_words()
    }
}

/// "About me": a one-page profile in the member's own words, for a practitioner who is new
/// to the family. Each save is a new entry, so every earlier version stays in the record;
/// the newest the reader may see is the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AboutMe {
    /// "What should people know about you?" (a child's own words go here too).
    pub know: Option<Words>,
    /// "What helps you?"
    #[serde(default)]
    pub helps: Option<Words>,
    /// "How do you like people to talk to you?"
    #[serde(default)]
    pub spoken: Option<Words>,
    /// A child's pictures: things about them.
    #[serde(default)]
    pub symbols: Vec<Symbol>,
    /// Who was with a child when they recorded it, on a practitioner's device.
    #[serde(default)]
    pub present: Present,
}

/// The questions of "About me", by form field, as the profile shows each answer.
pub const ABOUT_ME: [(&str, &str); 3] = [
    ("know", "What people should know about me"),
    ("helps", "What helps me"),
    ("spoken", "How I like people to talk to me"),
];

/// What "About me" says when the first question was not answered.
pub const ABOUT_ME_EMPTY: &str = "Write what people should know about you.";

/// What the child's "About me" says when nothing was chosen or written.
pub const CHILD_ABOUT_ME_EMPTY: &str = "Choose a picture or write a bit about you.";

impl AboutMe {
    /// A grown-up's profile: the first answer is needed, the other two may be skipped.
    pub fn parse(know: &str, helps: &str, spoken: &str) -> Result<AboutMe, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut read = |field: &'static str, raw: &str| match Words::parse_optional(raw) {
            Ok(words) => words,
            Err(message) => {
                errors.push(field, message);
                None
            }
        };
        let about = AboutMe {
            know: read("know", know),
            helps: read("helps", helps),
            spoken: read("spoken", spoken),
            symbols: Vec::new(),
            present: None,
        };
        if about.know.is_none() && errors.for_field("know").is_none() {
            errors.push("know", ABOUT_ME_EMPTY);
        }
        if errors.is_empty() {
            Ok(about)
        } else {
            Err(errors)
        }
    }

    /// A child's profile: pictures of things about them, and their own words.
    pub fn from_child(said: Said) -> AboutMe {
        let said = PicturesOrWords::from_child(said);
        AboutMe {
            know: said.words,
            helps: None,
            spoken: None,
            symbols: said.symbols,
            present: None,
        }
    }

    /// Each answer given, labelled, in the order asked; then the pictures, if any.
    pub fn answers(&self) -> Vec<(&'static str, String)> {
        let mut given: Vec<(&'static str, String)> = ABOUT_ME
            .iter()
            .zip([&self.know, &self.helps, &self.spoken])
            .filter_map(|((_, label), words)| Some((*label, words.as_ref()?.as_str().to_owned())))
            .collect();
        if !self.symbols.is_empty() {
            let pictures: Vec<&str> = self.symbols.iter().map(|s| s.word()).collect();
            given.push(("Pictures chosen", pictures.join(", ")));
        }
        given
    }

    /// The whole profile as one line, for lists.
    pub fn in_words(&self) -> String {
        self.answers()
            .into_iter()
            .map(|(label, words)| format!("{label}: {words}"))
            .collect::<Vec<_>>()
            .join(". ")
    }
}

/// Which words of what was decided a member is shown, as the chair chose: the family's, or
/// the child's version where the chair wrote one. A member the chair did not choose is
/// shown nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Told {
    Family,
    Child,
}

impl Told {
    pub fn code(self) -> &'static str {
        match self {
            Told::Family => "family",
            Told::Child => "child",
        }
    }

    pub fn from_code(code: &str) -> Option<Told> {
        [Told::Family, Told::Child]
            .into_iter()
            .find(|told| told.code() == code)
    }
}

/// "What we decided and why, in plain words": what the chair tells the family after the
/// meeting, and whom. It is written with the record and kept with each version of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Telling {
    /// The family's version, for grown-ups.
    pub family: Option<Words>,
    /// A version in words a child understands, where the chair writes one.
    pub child: Option<Words>,
    /// Who is told, and in which words; anyone else is told nothing.
    pub readers: Vec<(MemberId, Told)>,
}

/// How a version of the record heads what it tells the family, and what it tells children.
pub const TOLD_HEADINGS: [&str; 2] = [
    "What the family are told we decided and why",
    "What children are told",
];

/// What finalising says when the family's version is missing.
pub const TELL_FAMILY_EMPTY: &str =
    "Write what you decided and why, in plain words, before finalising the record.";

/// What the form says when a member is to be shown the child's version and none is written.
pub const TELL_CHILD_EMPTY: &str =
    "Write the version for children, or choose the family's words for them.";

/// What the form says when a choice of who is told cannot be read (an old or altered page).
pub const TELL_UNREADABLE: &str = "Choose again who is told what was decided.";

/// The form field of one member's choice, which is also its id on the page.
pub fn tell_field(member: MemberId) -> String {
    format!("tell-{member}")
}

impl Telling {
    /// The chair's plain words and choices, as sent: each choice is `<member id>:family`,
    /// `<member id>:child` or `<member id>:none`. Whether each member may be told is for
    /// the server, which knows the family; this checks only what the form can.
    pub fn parse(
        family: &str,
        child: &str,
        choices: &[String],
        finalising: bool,
    ) -> Result<Telling, FieldErrors> {
        let mut errors = FieldErrors::default();
        let family = errors
            .check("told_family", Words::parse_optional(family))
            .flatten();
        let child = errors
            .check("told_child", Words::parse_optional(child))
            .flatten();
        let mut readers = Vec::new();
        // The form gives one choice for each member; two for one member (which only an
        // altered request sends) cannot be read as either.
        let mut chosen = Vec::new();
        for choice in choices {
            let parsed = choice.split_once(':').and_then(|(member, told)| {
                let member = MemberId::parse(member).ok()?;
                match told {
                    "none" => Some((member, None)),
                    code => Told::from_code(code).map(|told| (member, Some(told))),
                }
            });
            match parsed {
                Some((member, told)) if !chosen.contains(&member) => {
                    chosen.push(member);
                    readers.extend(told.map(|told| (member, told)));
                }
                _ if errors.for_field("tell").is_none() => errors.push("tell", TELL_UNREADABLE),
                _ => {}
            }
        }
        let needs_family = finalising || readers.iter().any(|(_, t)| *t == Told::Family);
        if family.is_none() && needs_family && errors.for_field("told_family").is_none() {
            errors.push("told_family", TELL_FAMILY_EMPTY);
        }
        let needs_child = readers.iter().any(|(_, t)| *t == Told::Child);
        if child.is_none() && needs_child && errors.for_field("told_child").is_none() {
            errors.push("told_child", TELL_CHILD_EMPTY);
        }
        if errors.is_empty() {
            Ok(Telling {
                family,
                child,
                readers,
            })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grown_ups_answer_needs_words_and_keeps_them_as_typed() {
        let said = MeetingWords::parse("s1".into(), "  I want them to know I go to every group.  ")
            .unwrap();
        assert_eq!(said.in_words(), "I want them to know I go to every group.");
        let empty = MeetingWords::parse("s1".into(), "   ").unwrap_err();
        assert_eq!(empty.for_field("text"), Some(SAY_SOMETHING));
        let long = MeetingWords::parse("s1".into(), &"a".repeat(2001)).unwrap_err();
        assert!(long.for_field("text").is_some());
    }

    #[test]
    fn a_childs_pictures_and_words_read_as_one_line() {
        let said = Said::parse(&["school".to_owned()], "I like my new class", "").unwrap();
        let answer = MeetingWords::from_child("s1".into(), said);
        assert_eq!(answer.in_words(), "I like my new class (pictures: School)");
    }

    #[test]
    fn good_news_needs_words_or_pictures_and_says_which() {
        let empty = PicturesOrWords::parse(" ", GOOD_NEWS_EMPTY).unwrap_err();
        assert_eq!(empty.for_field("text"), Some(GOOD_NEWS_EMPTY));
        let said = Said::parse(&["pet".to_owned()], "", CHILD_GOOD_NEWS_EMPTY).unwrap();
        assert_eq!(
            PicturesOrWords::from_child(said).in_words(),
            "Pictures: Pets"
        );
    }

    #[test]
    fn about_me_needs_its_first_answer_and_reads_in_the_order_asked() {
        let empty = AboutMe::parse(" ", "Walks (demo)", "").unwrap_err();
        assert_eq!(empty.for_field("know"), Some(ABOUT_ME_EMPTY));
        let long = AboutMe::parse("Me (demo)", &"a".repeat(2001), "").unwrap_err();
        assert!(long.for_field("helps").is_some());
        let about = AboutMe::parse("I work nights (demo)", "", "Calmly (demo)").unwrap();
        assert_eq!(
            about.in_words(),
            "What people should know about me: I work nights (demo). How I like people to talk to me: Calmly (demo)"
        );
        let said = Said::parse(&["music".to_owned()], "I play drums", "").unwrap();
        assert_eq!(
            AboutMe::from_child(said).in_words(),
            "What people should know about me: I play drums. Pictures chosen: Music"
        );
    }

    #[test]
    fn an_answer_keeps_the_shape_it_was_first_stored_in() {
        let answer = MeetingWords::parse("s1".into(), "Please listen to my son.").unwrap();
        let json = serde_json::to_value(&answer).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "meeting": "s1",
                "symbols": [],
                "words": "Please listen to my son.",
                "present": null,
            })
        );
    }

    #[test]
    fn telling_needs_the_family_words_to_finalise_and_the_childs_for_a_child_told_them() {
        let a = MemberId::new();
        let b = MemberId::new();
        let missing = Telling::parse(" ", "", &[format!("{b}:child")], true).unwrap_err();
        assert_eq!(missing.for_field("told_family"), Some(TELL_FAMILY_EMPTY));
        assert_eq!(missing.for_field("told_child"), Some(TELL_CHILD_EMPTY));
        // A draft may leave the words for later, unless someone is to be told them.
        assert!(Telling::parse("", "", &[format!("{a}:none")], false).is_ok());
        assert!(Telling::parse("", "", &[format!("{a}:family")], false).is_err());
        let told = Telling::parse(
            "We agreed the plan stays the same (demo).",
            "",
            &[format!("{a}:family"), format!("{b}:none")],
            true,
        )
        .unwrap();
        assert_eq!(told.readers, vec![(a, Told::Family)]);
        assert_eq!(
            told.family.unwrap().as_str(),
            "We agreed the plan stays the same (demo)."
        );
        let altered =
            Telling::parse("Words (demo)", "", &["someone:family".to_owned()], true).unwrap_err();
        assert_eq!(altered.for_field("tell"), Some(TELL_UNREADABLE));
        // Two choices for one member, in either order, are read as neither.
        for twice in [["none", "family"], ["family", "none"], ["family", "family"]] {
            let choices = twice.map(|told| format!("{a}:{told}"));
            let twice = Telling::parse("Words (demo)", "", &choices, true).unwrap_err();
            assert_eq!(twice.for_field("tell"), Some(TELL_UNREADABLE));
        }
    }

    #[test]
    fn an_answer_reads_back_as_it_was_kept() {
        let said = MeetingWords::parse("s1".into(), "Please listen to my son.").unwrap();
        let json = serde_json::to_string(&said).unwrap();
        assert_eq!(serde_json::from_str::<MeetingWords>(&json).unwrap(), said);
    }
}
