//! A child's own tools: the Three Houses (worries, good things, dreams), a feelings
//! check-in, "What I want my worker to know" and "Who is important to me".
//!
//! Every choice a child makes has a symbol as well as words, so a child who cannot read
//! yet can answer by symbols alone. The words here are warm and plain: nothing a child
//! does is an "error", only something to try again.

use super::errors::FieldErrors;
use super::text::OwnWords;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Most a child's answer may hold.
pub const CHILD_WORDS_MAX: usize = 1000;
pub type ChildWords = OwnWords<CHILD_WORDS_MAX>;

/// Which screens fit a child: the youngest get symbols first, large pictures and pages
/// that read themselves aloud; teenagers get a plainer, grown-up look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AgeBand {
    #[serde(rename = "under_8")]
    Under8,
    #[serde(rename = "8_to_12")]
    From8To12,
    #[serde(rename = "13_plus")]
    From13,
}

impl AgeBand {
    pub const ALL: [AgeBand; 3] = [AgeBand::Under8, AgeBand::From8To12, AgeBand::From13];

    pub fn code(self) -> &'static str {
        match self {
            AgeBand::Under8 => "under_8",
            AgeBand::From8To12 => "8_to_12",
            AgeBand::From13 => "13_plus",
        }
    }

    pub fn from_code(code: &str) -> Option<AgeBand> {
        Self::ALL.into_iter().find(|band| band.code() == code)
    }

    /// How practitioners see it named.
    pub fn label(self) -> &'static str {
        match self {
            AgeBand::Under8 => "Under 8",
            AgeBand::From8To12 => "8 to 12",
            AgeBand::From13 => "13 and over",
        }
    }

    /// The band for a child born on `born`, on `today`.
    pub fn on(born: NaiveDate, today: NaiveDate) -> AgeBand {
        let mut age = today.year() - born.year();
        if (today.month(), today.day()) < (born.month(), born.day()) {
            age -= 1;
        }
        match age {
            ..=7 => AgeBand::Under8,
            8..=12 => AgeBand::From8To12,
            _ => AgeBand::From13,
        }
    }

    /// Whether pages read themselves aloud at first.
    pub fn reads_aloud_by_itself(self) -> bool {
        self == AgeBand::Under8
    }

    /// Reads a practitioner's choice: a band, or "from the date of birth".
    pub fn parse_choice(raw: &str) -> Result<Option<AgeBand>, FieldErrors> {
        match raw {
            "" => Err(FieldErrors::single(
                "band",
                "Choose which screens fit this child.",
            )),
            "from_birth" => Ok(None),
            code => AgeBand::from_code(code)
                .map(Some)
                .ok_or_else(|| FieldErrors::single("band", "Choose one of the screens listed.")),
        }
    }
}

/// The pictures a child can choose from. Each is drawn with its word beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Symbol {
    Home,
    School,
    Family,
    Friends,
    Pet,
    Food,
    Playing,
    Music,
    Sport,
    Sleep,
    Poorly,
    Shouting,
    Alone,
    Hugs,
    DaysOut,
    Safe,
}

impl Symbol {
    pub const ALL: [Symbol; 16] = [
        Symbol::Home,
        Symbol::School,
        Symbol::Family,
        Symbol::Friends,
        Symbol::Pet,
        Symbol::Food,
        Symbol::Playing,
        Symbol::Music,
        Symbol::Sport,
        Symbol::Sleep,
        Symbol::Poorly,
        Symbol::Shouting,
        Symbol::Alone,
        Symbol::Hugs,
        Symbol::DaysOut,
        Symbol::Safe,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Symbol::Home => "home",
            Symbol::School => "school",
            Symbol::Family => "family",
            Symbol::Friends => "friends",
            Symbol::Pet => "pet",
            Symbol::Food => "food",
            Symbol::Playing => "playing",
            Symbol::Music => "music",
            Symbol::Sport => "sport",
            Symbol::Sleep => "sleep",
            Symbol::Poorly => "poorly",
            Symbol::Shouting => "shouting",
            Symbol::Alone => "alone",
            Symbol::Hugs => "hugs",
            Symbol::DaysOut => "days_out",
            Symbol::Safe => "safe",
        }
    }

    pub fn from_code(code: &str) -> Option<Symbol> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The word shown (and read aloud) with the picture.
    pub fn word(self) -> &'static str {
        match self {
            Symbol::Home => "Home",
            Symbol::School => "School",
            Symbol::Family => "Family",
            Symbol::Friends => "Friends",
            Symbol::Pet => "Pets",
            Symbol::Food => "Food",
            Symbol::Playing => "Playing",
            Symbol::Music => "Music",
            Symbol::Sport => "Sport",
            Symbol::Sleep => "Sleep",
            Symbol::Poorly => "Feeling poorly",
            Symbol::Shouting => "Shouting",
            Symbol::Alone => "Being on my own",
            Symbol::Hugs => "Hugs",
            Symbol::DaysOut => "Days out",
            Symbol::Safe => "Feeling safe",
        }
    }
}

/// The Three Houses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum House {
    Worries,
    GoodThings,
    Dreams,
}

impl House {
    pub const ALL: [House; 3] = [House::Worries, House::GoodThings, House::Dreams];

    pub fn code(self) -> &'static str {
        match self {
            House::Worries => "worries",
            House::GoodThings => "good_things",
            House::Dreams => "dreams",
        }
    }

    pub fn from_code(code: &str) -> Option<House> {
        Self::ALL.into_iter().find(|h| h.code() == code)
    }

    pub fn title(self) -> &'static str {
        match self {
            House::Worries => "House of worries",
            House::GoodThings => "House of good things",
            House::Dreams => "House of dreams",
        }
    }

    /// The question the house asks.
    pub fn question(self) -> &'static str {
        match self {
            House::Worries => "What worries you?",
            House::GoodThings => "What is good in your life?",
            House::Dreams => "What are your hopes and dreams?",
        }
    }
}

/// The five faces of the feelings check-in, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Face {
    VeryHappy,
    Happy,
    Okay,
    Sad,
    VerySad,
}

impl Face {
    pub const ALL: [Face; 5] = [
        Face::VeryHappy,
        Face::Happy,
        Face::Okay,
        Face::Sad,
        Face::VerySad,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Face::VeryHappy => "very_happy",
            Face::Happy => "happy",
            Face::Okay => "okay",
            Face::Sad => "sad",
            Face::VerySad => "very_sad",
        }
    }

    pub fn from_code(code: &str) -> Option<Face> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn word(self) -> &'static str {
        match self {
            Face::VeryHappy => "Very happy",
            Face::Happy => "Happy",
            Face::Okay => "OK",
            Face::Sad => "Sad",
            Face::VerySad => "Very sad",
        }
    }
}

/// Something a child said by pictures, by words, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Said {
    #[serde(default)]
    pub symbols: Vec<Symbol>,
    #[serde(default)]
    pub words: Option<ChildWords>,
}

impl Said {
    /// Reads the ticked pictures and the typed words. `empty` is the kind message for
    /// choosing nothing at all.
    pub fn parse(symbols: &[String], words: &str, empty: &str) -> Result<Said, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut chosen = Vec::new();
        for code in symbols {
            match Symbol::from_code(code) {
                Some(symbol) if !chosen.contains(&symbol) => chosen.push(symbol),
                Some(_) => {}
                None => {
                    e.push("symbols", "Choose from the pictures shown.");
                    break;
                }
            }
        }
        let words = e
            .check("words", ChildWords::parse_optional(words))
            .flatten();
        if e.is_empty() && chosen.is_empty() && words.is_none() {
            e.push("symbols", empty);
        }
        if e.is_empty() {
            Ok(Said {
                symbols: chosen,
                words,
            })
        } else {
            Err(e)
        }
    }

    /// The child's own words, then the pictures' words, as one line for lists and exports.
    pub fn in_words(&self) -> String {
        pictures_and_words(&self.symbols, self.words.as_ref().map(|w| w.as_str()))
    }
}

/// Own words, then the pictures' words, as one line: what was said in pictures and words
/// reads the same wherever it is written out.
pub fn pictures_and_words(symbols: &[Symbol], words: Option<&str>) -> String {
    let pictures: Vec<&str> = symbols.iter().map(|s| s.word()).collect();
    match (words, pictures.is_empty()) {
        (Some(words), true) => words.to_owned(),
        (Some(words), false) => format!("{words} (pictures: {})", pictures.join(", ")),
        (None, _) => format!("Pictures: {}", pictures.join(", ")),
    }
}

/// Who was with the child when they recorded: the practitioner whose tablet it was.
pub type Present = Option<String>;

/// An item in one of the Three Houses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseItem {
    pub house: House,
    #[serde(flatten)]
    pub said: Said,
    #[serde(default)]
    pub present: Present,
}

impl HouseItem {
    pub fn parse(house: &str, symbols: &[String], words: &str) -> Result<HouseItem, FieldErrors> {
        let house = House::from_code(house)
            .ok_or_else(|| FieldErrors::single("house", "Choose one of the three houses."))?;
        let said = Said::parse(
            symbols,
            words,
            "Choose a picture or write something to put in your house.",
        )?;
        Ok(HouseItem {
            house,
            said,
            present: None,
        })
    }
}

/// A feelings check-in: one face, and "because…" if the child wants to say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feeling {
    pub face: Face,
    #[serde(default)]
    pub because: Option<ChildWords>,
    #[serde(default)]
    pub present: Present,
}

impl Feeling {
    pub fn parse(face: &str, because: &str) -> Result<Feeling, FieldErrors> {
        let mut e = FieldErrors::new();
        let face = e.check(
            "face",
            Face::from_code(face)
                .ok_or_else(|| "Choose the face that fits how you feel.".to_owned()),
        );
        let because = e.check("because", ChildWords::parse_optional(because));
        match (face, because) {
            (Some(face), Some(because)) if e.is_empty() => Ok(Feeling {
                face,
                because,
                present: None,
            }),
            _ => Err(e),
        }
    }
}

/// "What I want my worker to know" or "Who is important to me".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    #[serde(flatten)]
    pub said: Said,
    #[serde(default)]
    pub present: Present,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_band_changes_on_the_birthday_not_the_day_before() {
        let born = day(2018, 6, 15);
        assert_eq!(AgeBand::on(born, day(2026, 6, 14)), AgeBand::Under8);
        assert_eq!(AgeBand::on(born, day(2026, 6, 15)), AgeBand::From8To12);
        assert_eq!(AgeBand::on(born, day(2031, 6, 14)), AgeBand::From8To12);
        assert_eq!(AgeBand::on(born, day(2031, 6, 15)), AgeBand::From13);
        assert_eq!(
            AgeBand::on(day(2021, 2, 1), day(2026, 11, 23)),
            AgeBand::Under8
        );
    }

    #[test]
    fn a_band_travels_as_its_stored_code() {
        for band in AgeBand::ALL {
            let json = serde_json::to_string(&band).unwrap();
            assert_eq!(json, format!("\"{}\"", band.code()));
        }
    }

    #[test]
    fn a_practitioners_choice_of_band_reads_back() {
        for band in AgeBand::ALL {
            assert_eq!(AgeBand::parse_choice(band.code()).unwrap(), Some(band));
        }
        assert_eq!(AgeBand::parse_choice("from_birth").unwrap(), None);
        assert!(AgeBand::parse_choice("").is_err());
        assert!(AgeBand::parse_choice("adult").is_err());
    }

    #[test]
    fn a_house_item_can_be_pictures_alone_or_words_alone_but_not_nothing() {
        let pictures =
            HouseItem::parse("worries", &["school".into(), "school".into()], "").unwrap();
        assert_eq!(pictures.said.symbols, vec![Symbol::School]);
        assert_eq!(pictures.said.in_words(), "Pictures: School");
        let words = HouseItem::parse("dreams", &[], "  A dog of my own ").unwrap();
        assert_eq!(words.said.words.unwrap().as_str(), "A dog of my own");
        let nothing = HouseItem::parse("good_things", &[], "  ").unwrap_err();
        assert_eq!(
            nothing.for_field("symbols"),
            Some("Choose a picture or write something to put in your house.")
        );
        assert!(HouseItem::parse("cellar", &[], "x").is_err());
        assert!(HouseItem::parse("worries", &["dragon".into()], "").is_err());
    }

    #[test]
    fn a_feeling_needs_a_face_and_keeps_because_as_written() {
        let feeling = Feeling::parse("sad", "my bike broke").unwrap();
        assert_eq!(feeling.face, Face::Sad);
        assert_eq!(feeling.because.unwrap().as_str(), "my bike broke");
        let none = Feeling::parse("", "because").unwrap_err();
        assert_eq!(
            none.for_field("face"),
            Some("Choose the face that fits how you feel.")
        );
    }

    #[test]
    fn stored_bodies_read_back_with_the_practitioner_present() {
        let mut item = HouseItem::parse("good_things", &["pet".into()], "Biscuit").unwrap();
        item.present = Some("Sam Sample".into());
        let json = serde_json::to_string(&item).unwrap();
        let back: HouseItem = serde_json::from_str(&json).unwrap();
        assert_eq!(back, item);
        assert!(json.contains("\"symbols\":[\"pet\"]"), "{json}");
    }
}
