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
//! meeting sees strengths as well as worries.

use super::child::{Present, Said, Symbol, pictures_and_words};
use super::errors::FieldErrors;
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

/// What the question says when nothing was given.
pub const SAY_SOMETHING: &str = "Write what you want your team to know.";

/// What the child's question says when nothing was chosen or written.
pub const CHILD_SAY_SOMETHING: &str = "Choose a picture or write something for your team to know.";

/// What "Something that went well" says when nothing was given.
pub const GOOD_NEWS_EMPTY: &str = "Write something that went well.";

/// What the child's "Something that went well" says when nothing was chosen or written.
pub const CHILD_GOOD_NEWS_EMPTY: &str = "Choose a picture or write something that went well.";

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
    fn an_answer_reads_back_as_it_was_kept() {
        let said = MeetingWords::parse("s1".into(), "Please listen to my son.").unwrap();
        let json = serde_json::to_string(&said).unwrap();
        assert_eq!(serde_json::from_str::<MeetingWords>(&json).unwrap(), said);
    }
}
