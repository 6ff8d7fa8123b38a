//! The pictures children choose from, drawn here as simple inline SVG line art, so they
//! work without any download, scale to any size and take their colour from the text
//! around them (`currentColor`), keeping its contrast. Each picture is decoration beside
//! its word: hidden from assistive technology, never the only label.

use crate::domain::child::{Face, Symbol};
use leptos::prelude::*;

#[component]
pub fn SymbolPicture(symbol: Symbol) -> impl IntoView {
    let shapes = match symbol {
        Symbol::Home => view! {
            <path d="M8 22 L24 8 L40 22" />
            <path d="M12 19 V40 H36 V19" />
            <path d="M21 40 V30 H27 V40" />
        }
        .into_any(),
        // A school building with a bell on top.
        Symbol::School => view! {
            <path d="M6 40 H42" />
            <path d="M10 40 V20 H38 V40" />
            <path d="M18 20 L24 12 L30 20" />
            <circle cx="24" cy="17" r="2" />
            <path d="M21 40 V32 H27 V40" />
            <path d="M14 25 H18 M30 25 H34" />
        }
        .into_any(),
        // Two grown-ups and a child.
        Symbol::Family => view! {
            <circle cx="13" cy="12" r="4" />
            <path d="M7 40 V24 Q13 18 19 24 V40" />
            <circle cx="35" cy="12" r="4" />
            <path d="M29 40 V24 Q35 18 41 24 V40" />
            <circle cx="24" cy="24" r="3" />
            <path d="M20 40 V33 Q24 28 28 33 V40" />
        }
        .into_any(),
        Symbol::Friends => view! {
            <circle cx="16" cy="14" r="5" />
            <path d="M8 40 V28 Q16 20 24 28 V40" />
            <circle cx="32" cy="14" r="5" />
            <path d="M24 28 Q32 20 40 28 V40" />
        }
        .into_any(),
        // A dog's face with floppy ears.
        Symbol::Pet => view! {
            <circle cx="24" cy="26" r="12" />
            <path d="M13 20 Q6 12 10 30" />
            <path d="M35 20 Q42 12 38 30" />
            <circle cx="20" cy="24" r="1.5" />
            <circle cx="28" cy="24" r="1.5" />
            <path d="M22 30 H26 L24 32 Z" />
        }
        .into_any(),
        // An apple.
        Symbol::Food => view! {
            <path d="M24 16 C14 10 6 20 10 30 C13 38 19 42 24 38 C29 42 35 38 38 30 C42 20 34 10 24 16 Z" />
            <path d="M24 16 V8" />
            <path d="M25 11 Q31 6 34 10" />
        }
        .into_any(),
        // A ball and a kite.
        Symbol::Playing => view! {
            <circle cx="14" cy="34" r="7" />
            <path d="M9 30 Q14 34 19 30" />
            <path d="M34 6 L42 16 L34 26 L26 16 Z" />
            <path d="M34 26 Q30 34 36 40" />
        }
        .into_any(),
        Symbol::Music => view! {
            <path d="M18 34 V10 L38 6 V30" />
            <circle cx="14" cy="34" r="4" />
            <circle cx="34" cy="30" r="4" />
            <path d="M18 16 L38 12" />
        }
        .into_any(),
        // A football.
        Symbol::Sport => view! {
            <circle cx="24" cy="24" r="16" />
            <path d="M24 17 L30 21 L28 28 H20 L18 21 Z" />
            <path d="M24 8 V17 M30 21 L39 18 M28 28 L33 37 M20 28 L15 37 M18 21 L9 18" />
        }
        .into_any(),
        // A moon and a "z".
        Symbol::Sleep => view! {
            <path d="M30 8 A16 16 0 1 0 40 32 A13 13 0 0 1 30 8 Z" />
            <path d="M30 14 H38 L30 22 H38" />
        }
        .into_any(),
        // A thermometer.
        Symbol::Poorly => view! {
            <path d="M20 30 V10 A4 4 0 0 1 28 10 V30" />
            <circle cx="24" cy="35" r="6" />
            <path d="M24 35 V16" />
            <path d="M32 12 H36 M32 18 H36 M32 24 H36" />
        }
        .into_any(),
        // An open mouth with sound lines.
        Symbol::Shouting => view! {
            <circle cx="18" cy="24" r="12" />
            <ellipse cx="20" cy="28" rx="4" ry="3" />
            <circle cx="14" cy="20" r="1.5" />
            <circle cx="21" cy="19" r="1.5" />
            <path d="M34 16 L42 12 M35 24 H43 M34 32 L42 36" />
        }
        .into_any(),
        // One small person with space all around.
        Symbol::Alone => view! {
            <circle cx="24" cy="18" r="4" />
            <path d="M18 36 V28 Q24 22 30 28 V36" />
            <path d="M6 42 H42" />
        }
        .into_any(),
        // Two people with their arms round a heart.
        Symbol::Hugs => view! {
            <circle cx="14" cy="10" r="4" />
            <circle cx="34" cy="10" r="4" />
            <path d="M8 40 V22 Q14 16 20 24" />
            <path d="M40 40 V22 Q34 16 28 24" />
            <path d="M24 36 L17 29 A4 4 0 0 1 24 24 A4 4 0 0 1 31 29 Z" />
        }
        .into_any(),
        // The sun over hills.
        Symbol::DaysOut => view! {
            <circle cx="32" cy="14" r="6" />
            <path d="M32 4 V6 M42 14 H40 M39 7 L37.5 8.5 M25 7 L26.5 8.5" />
            <path d="M4 38 Q14 24 24 34 Q32 26 44 38" />
            <path d="M4 38 H44" />
        }
        .into_any(),
        // A shield with a tick.
        Symbol::Safe => view! {
            <path d="M24 6 L38 12 V24 C38 32 32 38 24 42 C16 38 10 32 10 24 V12 Z" />
            <path d="M17 24 L22 29 L31 19" />
        }
        .into_any(),
    };
    view! {
        <svg
            class="app-symbol"
            viewBox="0 0 48 48"
            aria-hidden="true"
            focusable="false"
            fill="none"
            stroke="currentColor"
            stroke-width="2.5"
            stroke-linecap="round"
            stroke-linejoin="round"
        >
            {shapes}
        </svg>
    }
}

#[component]
pub fn FacePicture(face: Face) -> impl IntoView {
    // From a wide open smile to a deep frown; "OK" is a straight line.
    let mouth = match face {
        Face::VeryHappy => "M15 28 Q24 40 33 28 Z",
        Face::Happy => "M16 29 Q24 36 32 29",
        Face::Okay => "M17 31 H31",
        Face::Sad => "M16 34 Q24 27 32 34",
        Face::VerySad => "M15 36 Q24 24 33 36",
    };
    let tear =
        (face == Face::VerySad).then(|| view! { <path d="M15 22 Q13 26 15 27 Q17 26 15 22 Z" /> });
    view! {
        <svg
            class="app-symbol app-face"
            viewBox="0 0 48 48"
            aria-hidden="true"
            focusable="false"
            fill="none"
            stroke="currentColor"
            stroke-width="2.5"
            stroke-linecap="round"
            stroke-linejoin="round"
        >
            <circle cx="24" cy="24" r="18" />
            <circle cx="18" cy="19" r="1.8" />
            <circle cx="30" cy="19" r="1.8" />
            <path d=mouth />
            {tear}
        </svg>
    }
}
