//! The languages family pages can be read in, and how each is written.
//!
//! A member's choice is kept on their account, so it follows them to a second phone and
//! survives signing out. Staff pages stay in English; what a family member writes is
//! kept and shown exactly as written, whatever language they read the portal in.

use serde::{Deserialize, Serialize};

/// A language of the portal's family pages.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Lang {
    #[default]
    En,
    Pl,
    Ur,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Pl, Lang::Ur];

    /// The BCP 47 tag kept on accounts and in configuration.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Pl => "pl",
            Lang::Ur => "ur",
        }
    }

    /// The tag for the document's `lang`: screen readers and the browser's voices pick
    /// their pronunciation from it.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Pl => "pl",
            Lang::Ur => "ur",
        }
    }

    /// The language's name, written in itself: someone who cannot read English can
    /// still find their own.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Pl => "Polski",
            Lang::Ur => "اردو",
        }
    }

    /// The language's name in English, for staff pages.
    pub fn english_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Pl => "Polish",
            Lang::Ur => "Urdu",
        }
    }

    /// The language to mark a member's words with on an English page or document: their
    /// pages' language where it was kept and was not English.
    pub fn marked(written_in: Option<Lang>) -> Option<Lang> {
        written_in.filter(|l| *l != Lang::En)
    }

    /// For staff pages and documents: the language of the pages a member's words were
    /// written on, said only where it was not English. The words themselves are shown
    /// exactly as written; this tells a worker which interpreter to ask.
    pub fn written_on(written_in: Option<Lang>) -> Option<String> {
        Lang::marked(written_in).map(|l| {
            format!(
                "Written on the portal in {} ({}).",
                l.english_name(),
                l.own_name()
            )
        })
    }

    /// Urdu is written right to left.
    pub fn right_to_left(self) -> bool {
        matches!(self, Lang::Ur)
    }

    /// The document's `dir`.
    pub fn dir(self) -> &'static str {
        if self.right_to_left() { "rtl" } else { "ltr" }
    }

    /// A tag as kept or sent: `en`, `pl`, `ur`, also with a region (`en-GB`, `ur-PK`)
    /// and in any case.
    pub fn parse(raw: &str) -> Option<Lang> {
        let primary = raw.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of the browser's `Accept-Language` choices that is among `offered`, in
    /// the browser's order of preference.
    pub fn from_accept_language(header: &str, offered: &[Lang]) -> Option<Lang> {
        let mut choices: Vec<(u16, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(place, part)| {
                let mut pieces = part.split(';');
                let lang = Lang::parse(pieces.next()?)?;
                let weight = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                // Weights are at most three decimals (RFC 9110 §12.4.2).
                let weight = (weight.clamp(0.0, 1.0) * 1000.0).round() as u16;
                (weight > 0 && offered.contains(&lang)).then_some((weight, place, lang))
            })
            .collect();
        choices.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        choices.first().map(|c| c.2)
    }
}

/// Easy read, for grown-ups who find reading hard (following the UK government's
/// easy-read guidance): each question in one short sentence, with a picture where one
/// fits, and one thing on each line. It changes how a page reads, never what is kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EasyRead(pub bool);

/// The languages a council offers, in the order they are listed. English is always
/// among them: it is the language the portal is written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offered(pub Vec<Lang>);

impl Default for Offered {
    fn default() -> Self {
        Offered(vec![Lang::En])
    }
}

impl Offered {
    /// `lang` if it is offered, or English.
    pub fn or_english(&self, lang: Option<Lang>) -> Lang {
        lang.filter(|l| self.0.contains(l)).unwrap_or(Lang::En)
    }

    /// Whether there is any choice to make.
    pub fn several(&self) -> bool {
        self.0.len() > 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_read_with_or_without_its_region_and_in_any_case() {
        assert_eq!(Lang::parse("ur"), Some(Lang::Ur));
        assert_eq!(Lang::parse("ur-PK"), Some(Lang::Ur));
        assert_eq!(Lang::parse("PL"), Some(Lang::Pl));
        assert_eq!(Lang::parse("en_GB"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn the_browsers_first_offered_choice_wins_by_weight_then_order() {
        let all = Lang::ALL.to_vec();
        assert_eq!(
            Lang::from_accept_language("de-DE,ur;q=0.8,pl;q=0.9", &all),
            Some(Lang::Pl)
        );
        assert_eq!(
            Lang::from_accept_language("ur-PK, en;q=0.5", &all),
            Some(Lang::Ur)
        );
        assert_eq!(
            Lang::from_accept_language("ur, pl", &[Lang::En, Lang::Pl]),
            Some(Lang::Pl)
        );
        assert_eq!(Lang::from_accept_language("pl;q=0", &all), None);
        assert_eq!(Lang::from_accept_language("fr, de", &all), None);
    }

    #[test]
    fn only_urdu_is_written_right_to_left_and_each_names_itself() {
        assert_eq!(Lang::Ur.dir(), "rtl");
        assert_eq!(Lang::Pl.dir(), "ltr");
        assert_eq!(Lang::Ur.own_name(), "اردو");
        let offered = Offered(vec![Lang::En, Lang::Ur]);
        assert_eq!(offered.or_english(Some(Lang::Pl)), Lang::En);
        assert_eq!(offered.or_english(Some(Lang::Ur)), Lang::Ur);
    }
}
