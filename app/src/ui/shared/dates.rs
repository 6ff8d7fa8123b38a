//! When things happened, as people read dates and times, in the council's time zone
//! (which the server gives every page, so the browser and the server write the same),
//! and in the reader's language.
//!
//! English is written as the GOV.UK style guide writes it, by `domain::time`; other
//! languages fill in their `date` and `time-` messages. English never passes through the
//! language files here, so a part of a page drawn again in the browser, which has no
//! language files, writes the same words the server wrote.

use crate::domain::language::Lang;
use crate::domain::time::TimeZone;
use crate::ui::i18n::tr;
use leptos::prelude::*;

/// The council's time zone, as the server gave it to the page.
pub fn zone() -> TimeZone {
    use_context::<TimeZone>().unwrap_or_default()
}

/// When something was written, as people read dates, in the council's time zone and
/// the reader's language.
pub fn when(ms: i64) -> String {
    use chrono::Datelike;
    let zone = zone();
    let lang = crate::ui::i18n::lang();
    match zone.local(ms) {
        Some(t) if lang != Lang::En => tr(
            lang,
            "date",
            &[
                ("day", &t.day().to_string()),
                ("month", &tr(lang, &format!("month-{}", t.month()), &[])),
                ("year", &t.year().to_string()),
            ],
        ),
        _ => zone.day(ms),
    }
}

/// A time such as "7:45pm on 22 November 2026", in the council's time zone and the
/// reader's language, for when something was sent or opened.
pub fn at_time(ms: i64) -> String {
    use chrono::Timelike;
    let zone = zone();
    let lang = crate::ui::i18n::lang();
    match zone.local(ms) {
        Some(t) if lang != Lang::En => {
            let time = clock(lang, t.hour(), Some(t.minute()));
            tr(lang, "time-at", &[("time", &time), ("date", &when(ms))])
        }
        _ => zone.time(ms),
    }
}

/// An hour of the day, such as "7pm", "midday" or "midnight" in English, as a choice
/// of when something starts or ends.
pub fn hour(hour: u8) -> String {
    let lang = crate::ui::i18n::lang();
    if lang == Lang::En {
        return match hour {
            0 => "midnight".to_owned(),
            12 => "midday".to_owned(),
            h if h < 12 => format!("{h}am"),
            h => format!("{}pm", h - 12),
        };
    }
    clock(lang, u32::from(hour), None)
}

/// A time on the clock in `lang`: `time-clock` with its minutes, or `time-hour` on the
/// hour. Each language's message chooses what it needs: the time on a 24-hour or a
/// 12-hour clock, the hour alone, "am" or "pm", and the part of the day. Hours and
/// minutes are handed over together ("7:45"), so a right-to-left sentence, which keeps
/// each thing put into it apart, cannot turn them round.
fn clock(lang: Lang, hour: u32, minute: Option<u32>) -> String {
    let part = match (hour, minute.unwrap_or(0)) {
        (0, 0) => "midnight",
        (12, 0) => "midday",
        (5..=11, _) => "morning",
        (12..=15, _) => "afternoon",
        (16..=19, _) => "evening",
        _ => "night",
    };
    let hour12 = match hour % 12 {
        0 => 12,
        h => h,
    };
    let half = if hour < 12 { "am" } else { "pm" };
    let key = if minute.is_some() {
        "time-clock"
    } else {
        "time-hour"
    };
    let minute = minute.unwrap_or(0);
    tr(
        lang,
        key,
        &[
            ("time24", &format!("{hour}:{minute:02}")),
            ("time12", &format!("{hour12}:{minute:02}")),
            ("hour12", &hour12.to_string()),
            ("half", half),
            ("part", part),
        ],
    )
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    /// The English messages are the translators' source: they must say what English
    /// pages say, which `domain::time` writes.
    #[test]
    fn the_english_time_messages_read_as_english_pages_write_times() {
        for (hour, minute, words) in [
            (19, 45, "7:45pm"),
            (9, 5, "9:05am"),
            (0, 0, "midnight"),
            (12, 0, "midday"),
            (0, 30, "12:30am"),
            (12, 30, "12:30pm"),
        ] {
            assert_eq!(clock(Lang::En, hour, Some(minute)), words);
        }
        for (hour, words) in [(0, "midnight"), (12, "midday"), (7, "7am"), (19, "7pm")] {
            assert_eq!(clock(Lang::En, hour, None), words);
        }
        let english = tr(
            Lang::En,
            "time-at",
            &[("time", "7:45pm"), ("date", "22 November 2026")],
        );
        assert_eq!(english, "7:45pm on 22 November 2026");
    }

    #[test]
    fn a_time_in_urdu_names_the_part_of_the_day_and_keeps_its_digits() {
        let evening = clock(Lang::Ur, 19, Some(45));
        assert!(evening.contains("شام"), "{evening}");
        assert!(clock(Lang::Ur, 9, None).contains("صبح"));
        assert!(clock(Lang::Pl, 19, Some(5)).contains("19:05"));
        assert!(clock(Lang::Ur, 19, Some(45)).contains("\u{2068}7:45\u{2069}"));
    }
}
