//! When things happened, as people read dates and times, in the council's time zone
//! (which the server gives every page, so the browser and the server write the same).

use crate::domain::time::TimeZone;
use leptos::prelude::*;

/// The council's time zone, as the server gave it to the page.
pub fn zone() -> TimeZone {
    use_context::<TimeZone>().unwrap_or_default()
}

/// When something was written, as people read dates, in the council's time zone and
/// the reader's language.
pub fn when(ms: i64) -> String {
    use crate::domain::language::Lang;
    use chrono::Datelike;
    let zone = zone();
    let lang = crate::ui::i18n::lang();
    match zone.local(ms) {
        Some(t) if lang != Lang::En => crate::ui::i18n::tr(
            lang,
            "date",
            &[
                ("day", &t.day().to_string()),
                (
                    "month",
                    &crate::ui::i18n::tr(lang, &format!("month-{}", t.month()), &[]),
                ),
                ("year", &t.year().to_string()),
            ],
        ),
        _ => zone.day(ms),
    }
}

/// A time such as "7:45pm on 22 November 2026", in the council's time zone, for when
/// something was sent.
pub fn at_time(ms: i64) -> String {
    zone().time(ms)
}
