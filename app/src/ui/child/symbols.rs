//! The pictures children choose from, drawn here as simple inline SVG line art so they
//! work without any download, scale to any size and take their colour from the text
//! around them (CSS `currentColor`). Each picture is decoration beside its word:
//! `aria-hidden`, never the only label. Their words are here too, in the reader's
//! language (`child-symbol-…` and `child-face-…` in `child.ftl`); staff read the English
//! words the domain gives them, in Module 8 and every record.

use crate::domain::child::{Face, House, Symbol};
use crate::ui::i18n::t;
use leptos::prelude::*;

/// The word shown and read aloud beside a symbol's picture, in the reader's language.
pub fn symbol_word(symbol: Symbol) -> String {
    t(&symbol_key(symbol))
}

/// The word beside one of the "How I feel" faces, in the reader's language.
pub fn face_word(face: Face) -> String {
    t(&face_key(face))
}

/// A house's name ("House of worries"), in the reader's language.
pub fn house_title(house: House) -> String {
    t(&house_key(house))
}

/// The question a house asks ("What worries you?"), in the reader's language.
pub fn house_question(house: House) -> String {
    t(&format!("{}-question", house_key(house)))
}

/// The heading over what is in a house already ("In my house of worries").
pub fn house_in(house: House) -> String {
    t(&format!("{}-in", house_key(house)))
}

fn symbol_key(symbol: Symbol) -> String {
    format!("child-symbol-{}", symbol.code().replace('_', "-"))
}

fn face_key(face: Face) -> String {
    format!("child-face-{}", face.code().replace('_', "-"))
}

fn house_key(house: House) -> String {
    format!("child-house-{}", house.code().replace('_', "-"))
}

/// The picture for one of the symbols a child can choose.
#[component]
pub fn SymbolPicture(symbol: Symbol) -> impl IntoView {
    let shapes = match symbol {
        Symbol::Home => view! {
            <path d="M6 22 L24 7 L42 22" />
            <path d="M32 13.7 V8 H36 V17" />
            <path d="M11 18 V41 H37 V18" />
            <path d="M25 41 V32 H32 V41" />
            <rect x="15" y="25" width="6" height="6" />
        }
        .into_any(),
        // A school with a flag on the roof and a bell under it.
        Symbol::School => view! {
            <path d="M5 21 L24 11 L43 21" />
            <path d="M8 20 V41 H40 V20" />
            <path d="M24 11 V3 H32 L30 5.5 L32 8 H24" />
            <circle cx="24" cy="16.5" r="2" />
            <path d="M20 41 V32 H28 V41" />
            <rect x="12" y="25" width="5" height="5" />
            <rect x="31" y="25" width="5" height="5" />
        }
        .into_any(),
        // Two grown-ups with a child between them.
        Symbol::Family => view! {
            <circle cx="11" cy="13" r="4" />
            <path d="M5 41 V27 A6 6 0 0 1 17 27 V41" />
            <circle cx="37" cy="13" r="4" />
            <path d="M31 41 V27 A6 6 0 0 1 43 27 V41" />
            <circle cx="24" cy="25" r="3" />
            <path d="M19.5 41 V35 A4.5 4.5 0 0 1 28.5 35 V41" />
        }
        .into_any(),
        // Two people side by side, holding hands.
        Symbol::Friends => view! {
            <circle cx="15" cy="15" r="5" />
            <path d="M8 41 V31 A7 7 0 0 1 22 31 V41" />
            <circle cx="33" cy="15" r="5" />
            <path d="M26 41 V31 A7 7 0 0 1 40 31 V41" />
            <path d="M22 33 Q24 36 26 33" />
        }
        .into_any(),
        // A cat's face, with ears and whiskers.
        Symbol::Pet => view! {
            <path d="M13 20 L11 8 L20 14.6" />
            <path d="M35 20 L37 8 L28 14.6" />
            <circle cx="24" cy="27" r="13" />
            <circle cx="19" cy="25" r="1.6" fill="currentColor" />
            <circle cx="29" cy="25" r="1.6" fill="currentColor" />
            <path d="M22 30 H26 L24 32.5 Z" />
            <path d="M24 32.5 Q23 35 20.5 34.5 M24 32.5 Q25 35 27.5 34.5" />
            <path d="M4 29 L15 31 M4 35 L15 33 M44 29 L33 31 M44 35 L33 33" />
        }
        .into_any(),
        // A plate between a fork and a knife.
        Symbol::Food => view! {
            <circle cx="24" cy="24" r="12" />
            <circle cx="24" cy="24" r="7" />
            <path d="M4.5 7 V15 M9.5 7 V15 M7 7 V41" />
            <path d="M4.5 15 Q4.5 19 7 19 Q9.5 19 9.5 15" />
            <path d="M41 41 V7 Q45.5 12 44.5 22 H41" />
        }
        .into_any(),
        // A ball and a kite.
        Symbol::Playing => view! {
            <path d="M32 4 L41 13 L32 25 L23 13 Z" />
            <path d="M23 13 H41 M32 4 V25" />
            <path d="M32 25 Q29 29 32 32 Q35 35 32 38" />
            <circle cx="14" cy="33" r="9" />
            <path d="M5 33 H23 M14 24 Q9 33 14 42" />
        }
        .into_any(),
        Symbol::Music => view! {
            <ellipse cx="14" cy="36" rx="5" ry="4" fill="currentColor" />
            <ellipse cx="34" cy="32" rx="5" ry="4" fill="currentColor" />
            <path d="M19 36 V11 L39 6 V32" />
            <path d="M19 17 L39 12" />
        }
        .into_any(),
        // A football.
        Symbol::Sport => view! {
            <circle cx="24" cy="24" r="17" />
            <path d="M24 18 L29.7 22.1 L27.5 28.9 H20.5 L18.3 22.1 Z" fill="currentColor" />
            <path d="M24 18 V7 M29.7 22.1 L40.2 18.7 M18.3 22.1 L7.8 18.7" />
            <path d="M27.5 28.9 L34 37.8 M20.5 28.9 L14 37.8" />
        }
        .into_any(),
        // The moon and "z z".
        Symbol::Sleep => view! {
            <path d="M22 8 A16 16 0 1 0 38 30 A14 14 0 0 1 22 8 Z" />
            <path d="M31 5 H38 L31 12 H38" />
            <path d="M38 16 H43 L38 21 H43" />
        }
        .into_any(),
        // A thermometer.
        Symbol::Poorly => view! {
            <path d="M20 30.5 V9 A4 4 0 0 1 28 9 V30.5 A7 7 0 1 1 20 30.5 Z" />
            <path d="M24 35 V17" />
            <circle cx="24" cy="36" r="2.5" fill="currentColor" />
            <path d="M32 12 H36 M32 18 H36 M32 24 H36" />
        }
        .into_any(),
        // A cross face with its mouth wide open and sound coming out.
        Symbol::Shouting => view! {
            <circle cx="19" cy="24" r="14" />
            <path d="M12 16 L17 18.5 M26 16 L21 18.5" />
            <ellipse cx="19" cy="30" rx="5" ry="4" />
            <path d="M37 16 L43 12 M38 24 H45 M37 32 L43 36" />
        }
        .into_any(),
        // One small person with space all around.
        Symbol::Alone => view! {
            <circle cx="24" cy="24" r="19" stroke-dasharray="1 6" />
            <circle cx="24" cy="18" r="3.5" />
            <path d="M19 33 V27 A5 5 0 0 1 29 27 V33" />
        }
        .into_any(),
        // Two people with their arms round a heart.
        Symbol::Hugs => view! {
            <circle cx="10" cy="10" r="4" />
            <circle cx="38" cy="10" r="4" />
            <path d="M4 41 V24 A6 6 0 0 1 16 24 V41" />
            <path d="M44 41 V24 A6 6 0 0 1 32 24 V41" />
            <path d="M16 27 Q18 39 24 39 Q30 39 32 27" />
            <path d="M24 34 L18.5 28.5 A3.5 3.5 0 0 1 24 24 A3.5 3.5 0 0 1 29.5 28.5 Z" />
        }
        .into_any(),
        // The sun over the hills.
        Symbol::DaysOut => view! {
            <circle cx="34" cy="13" r="5" />
            <path d="M34 3.5 V5 M43.5 13 H42 M40.7 19.7 L39.6 18.6" />
            <path d="M40.7 6.3 L39.6 7.4 M27.3 6.3 L28.4 7.4" />
            <path d="M4 41 Q14 18 28 41" />
            <path d="M22 31 Q32 19 44 41" />
            <path d="M4 41 H44" />
        }
        .into_any(),
        // A shield with a tick.
        Symbol::Safe => view! {
            <path d="M24 5 L39 11 V23 C39 32 32 39 24 43 C16 39 9 32 9 23 V11 Z" />
            <path d="M17 24 L22 29 L31 18" />
        }
        .into_any(),
    };
    view! {
        <Picture class="app-symbol">{shapes}</Picture>
    }
}

/// One of the five "How I feel" faces, from very happy to very sad.
#[component]
pub fn FacePicture(face: Face) -> impl IntoView {
    let features = match face {
        // Smiling eyes and a wide open smile.
        Face::VeryHappy => view! {
            <path d="M14 20 Q17 16 20 20 M28 20 Q31 16 34 20" />
            <path d="M14 27 H34 A10 10 0 0 1 14 27 Z" />
        }
        .into_any(),
        Face::Happy => view! {
            <circle cx="18" cy="19" r="2" fill="currentColor" />
            <circle cx="30" cy="19" r="2" fill="currentColor" />
            <path d="M16 29 Q24 36 32 29" />
        }
        .into_any(),
        // A straight mouth: neither happy nor sad.
        Face::Okay => view! {
            <circle cx="18" cy="19" r="2" fill="currentColor" />
            <circle cx="30" cy="19" r="2" fill="currentColor" />
            <path d="M17 31 H31" />
        }
        .into_any(),
        Face::Sad => view! {
            <circle cx="18" cy="19" r="2" fill="currentColor" />
            <circle cx="30" cy="19" r="2" fill="currentColor" />
            <path d="M17 34 Q24 28 31 34" />
        }
        .into_any(),
        // Worried eyebrows, a deep frown and a tear.
        Face::VerySad => view! {
            <path d="M13 15 L19 13 M35 15 L29 13" />
            <circle cx="18" cy="19" r="2" fill="currentColor" />
            <circle cx="30" cy="19" r="2" fill="currentColor" />
            <path d="M15 36 Q24 25 33 36" />
            <path d="M14 24 Q11.5 28.5 14 29.5 Q16.5 28.5 14 24 Z" />
        }
        .into_any(),
    };
    view! {
        <Picture class="app-symbol app-face">
            <circle cx="24" cy="24" r="18" />
            {features}
        </Picture>
    }
}

/// Someone in the family, for a child who cannot yet read their name: a figure with the
/// first letter of the name on its chest. `shade` (the person's place in the family's
/// list) gives each a colour of its own, so two people whose names start alike still look
/// different; the name is always written beside it.
#[component]
pub fn PersonPicture(name: String, shade: usize) -> impl IntoView {
    let initial: String = name.chars().take(1).flat_map(char::to_uppercase).collect();
    view! {
        <Picture class=format!("app-symbol app-person app-person--{}", shade % 4)>
            <circle cx="24" cy="11" r="7" class="app-person__fill" />
            <path d="M8 45 V33 A16 16 0 0 1 40 33 V45 Z" class="app-person__fill" />
            <text x="24" y="41" text-anchor="middle" font-size="14" font-weight="bold" stroke="none" fill="currentColor">
                {initial}
            </text>
        </Picture>
    }
}

/// The frame every picture shares: line art in the text's own colour, hidden from
/// assistive technology because its word is always beside it.
#[component]
fn Picture(#[prop(into)] class: String, children: Children) -> impl IntoView {
    view! {
        <svg
            class=class
            viewBox="0 0 48 48"
            aria-hidden="true"
            focusable="false"
            fill="none"
            stroke="currentColor"
            stroke-width="2.5"
            stroke-linecap="round"
            stroke-linejoin="round"
        >
            {children()}
        </svg>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::domain::language::Lang;
    use crate::ui::i18n::{has, tr};

    /// A child's English screens say exactly what Module 8 and the records say, and every
    /// picture, face and house has words of its own in Urdu (the catalog's own test holds
    /// every language to the English messages).
    #[test]
    fn every_picture_face_and_house_has_the_domains_english_words_and_every_language() {
        let mut keys = Vec::new();
        for symbol in Symbol::ALL {
            assert_eq!(tr(Lang::En, &symbol_key(symbol), &[]), symbol.word());
            keys.push(symbol_key(symbol));
        }
        for face in Face::ALL {
            assert_eq!(tr(Lang::En, &face_key(face), &[]), face.word());
            keys.push(face_key(face));
        }
        for house in House::ALL {
            let key = house_key(house);
            assert_eq!(tr(Lang::En, &key, &[]), house.title());
            let question = format!("{key}-question");
            assert_eq!(tr(Lang::En, &question, &[]), house.question());
            let inside = format!("{key}-in");
            assert_eq!(
                tr(Lang::En, &inside, &[]),
                format!("In my {}", crate::domain::text::mid_sentence(house.title()))
            );
            keys.extend([key, question, inside]);
        }
        for key in &keys {
            assert!(has(Lang::Ur, key), "{key}");
            assert_ne!(tr(Lang::Ur, key, &[]), tr(Lang::En, key, &[]), "{key}");
        }
    }
}
