//! When things happened, as people read dates and times, in the council's time zone
//! (which the server gives every page, so the browser and the server write the same).

use crate::domain::time::TimeZone;
use leptos::prelude::*;

/// The council's time zone, as the server gave it to the page.
pub fn zone() -> TimeZone {
    use_context::<TimeZone>().unwrap_or_default()
}

/// When something was written, as people read dates, in the council's time zone.
pub fn when(ms: i64) -> String {
    zone().day(ms)
}

/// A time such as "7:45pm on 22 November 2026", in the council's time zone, for when
/// something was sent.
pub fn at_time(ms: i64) -> String {
    zone().time(ms)
}
