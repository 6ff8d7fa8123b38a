//! Free text that people write in their own words.
//!
//! Their words are kept exactly as written: we only trim the ends and normalise line
//! endings, never rewrite, spell-check or truncate silently. Too much text is refused
//! with a message saying how much is allowed, so nothing is lost without the writer knowing.

/// Text someone wrote, checked for length. `MAX` is in characters, not bytes, so that
/// a limit means the same thing in every language and with emoji.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OwnWords<const MAX: usize>(String);

impl<const MAX: usize> OwnWords<MAX> {
    /// Accepts an empty answer as `None`, for questions people may skip.
    pub fn parse_optional(raw: &str) -> Result<Option<Self>, String> {
        let cleaned = clean(raw);
        if cleaned.is_empty() {
            return Ok(None);
        }
        let count = cleaned.chars().count();
        if count > MAX {
            return Err(format!(
                "Your answer must be {MAX} characters or fewer. It is {count} characters now."
            ));
        }
        Ok(Some(Self(cleaned)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn clean(raw: &str) -> String {
    raw.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_owned()
}

/// One of the portal's own names ("What I want my worker to know", "Three Houses") as it
/// reads in the middle of a sentence: each word in lower case except "I" (and "I'm",
/// "I've" …) and abbreviations such as "MI", which stay as they are. Never used on
/// anything a person wrote.
pub fn mid_sentence(name: &str) -> String {
    name.split(' ')
        .map(|word| {
            let kept = word == "I"
                || word.starts_with("I'")
                || word.starts_with("I\u{2019}")
                || (word.chars().filter(char::is_ascii_alphabetic).count() >= 2
                    && !word.chars().any(char::is_lowercase));
            if kept {
                word.to_owned()
            } else {
                word.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_a_sentence_keeps_i_and_abbreviations() {
        assert_eq!(
            mid_sentence("What I want my worker to know"),
            "what I want my worker to know"
        );
        assert_eq!(mid_sentence("I don't feel safe"), "I don't feel safe");
        assert_eq!(mid_sentence("Where I am with it"), "where I am with it");
        assert_eq!(mid_sentence("Three Houses"), "three houses");
        assert_eq!(mid_sentence("MI readiness"), "MI readiness");
        assert_eq!(
            mid_sentence("Domestic abuse worker (probation)"),
            "domestic abuse worker (probation)"
        );
    }

    type Short = OwnWords<10>;

    #[test]
    fn words_are_kept_exactly_apart_from_the_ends() {
        let words = Short::parse_optional("  I  want\r\nto ").unwrap().unwrap();
        assert_eq!(words.as_str(), "I  want\nto");
    }

    #[test]
    fn an_empty_or_blank_answer_is_no_answer() {
        assert_eq!(Short::parse_optional("").unwrap(), None);
        assert_eq!(Short::parse_optional(" \n\t ").unwrap(), None);
    }

    #[test]
    fn the_limit_counts_characters_not_bytes() {
        assert!(Short::parse_optional("éééééééééé").unwrap().is_some());
        let error = Short::parse_optional("ééééééééééé").unwrap_err();
        assert_eq!(
            error,
            "Your answer must be 10 characters or fewer. It is 11 characters now."
        );
    }

    #[test]
    fn ten_thousand_characters_are_refused_with_a_plain_message() {
        let error = OwnWords::<1200>::parse_optional(&"a".repeat(10_000)).unwrap_err();
        assert!(error.contains("1200 characters or fewer"));
    }
}
