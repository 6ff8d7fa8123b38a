//! Times as people read them: in the council's own time zone, correct across the clock
//! change. Times are stored in UTC (milliseconds since 1970) and turned into local time
//! only when they are shown.
//!
//! A council's zone is its current rule in the POSIX `TZ` form that the time-zone
//! database itself ends each zone with (for the UK, `GMT0BST,M3.5.0/1,M10.5.0`: GMT, and
//! BST one hour ahead from 1am GMT on the last Sunday in March to 2am BST on the last
//! Sunday in October). One short rule, not a database of every zone's history, is all
//! both the server and the browser need: everything the portal shows happened under the
//! current rule. "Europe/London" and "UTC" are accepted as names for their rules.
//!
//! Words follow the GOV.UK style guide: "3:45pm on 22 November 2026", "midday",
//! "midnight".

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// The United Kingdom's rule since 1996.
const UK: &str = "GMT0BST,M3.5.0/1,M10.5.0";

/// A time zone's current rule: its standard offset and, if it has one, its summer time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeZone {
    /// As it was written, so the setting reads back as it was given.
    source: String,
    /// Seconds ahead of UTC in standard time.
    standard: i32,
    summer: Option<Summer>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Summer {
    /// Seconds ahead of UTC in summer time.
    offset: i32,
    /// When summer time starts, in standard local time.
    start: Change,
    /// When it ends, in summer local time.
    end: Change,
}

/// A day given as "the w-th `day` of month m" (w = 5 means the last), and a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Change {
    month: u32,
    week: u8,
    day: Weekday,
    /// Seconds after local midnight.
    at: i32,
}

/// Why a time-zone setting could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the time zone {0:?} is not one this portal understands: use \"Europe/London\", \
     \"UTC\" or a POSIX TZ rule such as \"GMT0BST,M3.5.0/1,M10.5.0\""
)]
pub struct TimeZoneError(String);

impl Default for TimeZone {
    /// UK time: the portal is for English councils.
    fn default() -> Self {
        TimeZone::uk()
    }
}

impl TimeZone {
    /// UK time (GMT, and BST in summer).
    pub fn uk() -> Self {
        // The rule is a constant this module's tests parse.
        TimeZone::parse(UK).unwrap_or(TimeZone {
            source: "UTC".to_owned(),
            standard: 0,
            summer: None,
        })
    }

    /// Parses a setting: "Europe/London", "UTC", or a POSIX TZ rule whose summer time
    /// changes on "M" days (such as `GMT0BST,M3.5.0/1,M10.5.0` or
    /// `CET-1CEST,M3.5.0,M10.5.0/3`).
    pub fn parse(setting: &str) -> Result<Self, TimeZoneError> {
        let bad = || TimeZoneError(setting.to_owned());
        let rule = match setting.trim() {
            "Europe/London" | "GB" => UK,
            "UTC" | "Etc/UTC" | "GMT" => "UTC0",
            other => other,
        };
        let mut rest = rule;
        name(&mut rest).ok_or_else(bad)?;
        let standard = -offset(&mut rest).ok_or_else(bad)?;
        let summer = if rest.is_empty() {
            None
        } else {
            name(&mut rest).ok_or_else(bad)?;
            // Without its own offset, summer time is an hour ahead of standard time.
            let offset_given =
                rest.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-');
            let summer_offset = if offset_given {
                -offset(&mut rest).ok_or_else(bad)?
            } else {
                standard + 3600
            };
            let start = rest
                .strip_prefix(',')
                .and_then(|r| {
                    rest = r;
                    change(&mut rest)
                })
                .ok_or_else(bad)?;
            let end = rest
                .strip_prefix(',')
                .and_then(|r| {
                    rest = r;
                    change(&mut rest)
                })
                .ok_or_else(bad)?;
            Some(Summer {
                offset: summer_offset,
                start,
                end,
            })
        };
        if !rest.is_empty() {
            return Err(bad());
        }
        Ok(TimeZone {
            source: setting.trim().to_owned(),
            standard,
            summer,
        })
    }

    /// Seconds ahead of UTC at the instant `ms`.
    fn offset_at(&self, ms: i64) -> i32 {
        let Some(summer) = self.summer else {
            return self.standard;
        };
        let Some(utc) = chrono::DateTime::from_timestamp_millis(ms) else {
            return self.standard;
        };
        let year = utc.year();
        let starts = summer.start.instant(year, self.standard);
        let ends = summer.end.instant(year, summer.offset);
        let in_summer = match (starts, ends) {
            (Some(starts), Some(ends)) if starts <= ends => ms >= starts && ms < ends,
            // Summer time that spans the new year, south of the equator.
            (Some(starts), Some(ends)) => ms >= starts || ms < ends,
            _ => false,
        };
        if in_summer {
            summer.offset
        } else {
            self.standard
        }
    }

    /// The local date and time at the instant `ms`.
    pub fn local(&self, ms: i64) -> Option<NaiveDateTime> {
        let offset = i64::from(self.offset_at(ms)) * 1000;
        chrono::DateTime::from_timestamp_millis(ms.checked_add(offset)?).map(|t| t.naive_utc())
    }

    /// The local day, such as "22 November 2026".
    pub fn day(&self, ms: i64) -> String {
        self.local(ms)
            .map(|t| t.format("%-d %B %Y").to_string())
            .unwrap_or_default()
    }

    /// The local month, such as "November 2026".
    pub fn month(&self, ms: i64) -> String {
        self.local(ms)
            .map(|t| t.format("%B %Y").to_string())
            .unwrap_or_default()
    }

    /// The local time and day, such as "3:45pm on 22 November 2026", "midday on …" or
    /// "midnight on …".
    pub fn time(&self, ms: i64) -> String {
        let Some(t) = self.local(ms) else {
            return String::new();
        };
        let clock = match (t.time().format("%H:%M").to_string()).as_str() {
            "00:00" => "midnight".to_owned(),
            "12:00" => "midday".to_owned(),
            _ => t.format("%-I:%M%P").to_string(),
        };
        format!("{clock} on {}", t.format("%-d %B %Y"))
    }
}

impl From<TimeZone> for String {
    fn from(zone: TimeZone) -> String {
        zone.source
    }
}

impl TryFrom<String> for TimeZone {
    type Error = TimeZoneError;
    fn try_from(setting: String) -> Result<Self, Self::Error> {
        TimeZone::parse(&setting)
    }
}

impl Change {
    /// The instant (milliseconds, UTC) this change happens in `year`, given the offset in
    /// force just before it.
    fn instant(self, year: i32, offset_before: i32) -> Option<i64> {
        let first = NaiveDate::from_ymd_opt(year, self.month, 1)?;
        let to_day =
            (7 + self.day.num_days_from_sunday() - first.weekday().num_days_from_sunday()) % 7;
        let mut day = first + Duration::days(i64::from(to_day));
        for _ in 1..self.week {
            let next = day + Duration::days(7);
            if next.month() != self.month {
                break;
            }
            day = next;
        }
        let local = day.and_time(NaiveTime::MIN) + Duration::seconds(i64::from(self.at));
        Some((local.and_utc().timestamp() - i64::from(offset_before)) * 1000)
    }
}

/// A zone's abbreviation: three or more letters, or anything in angle brackets.
fn name(rest: &mut &str) -> Option<()> {
    if let Some(inner) = rest.strip_prefix('<') {
        let close = inner.find('>')?;
        *rest = &inner[close + 1..];
        return (close > 0).then_some(());
    }
    let len = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    *rest = &rest[len..];
    (len >= 3).then_some(())
}

/// `[+-]hh[:mm[:ss]]`, in seconds; POSIX counts west of Greenwich as positive.
fn offset(rest: &mut &str) -> Option<i32> {
    let sign = match rest.chars().next()? {
        '-' => {
            *rest = &rest[1..];
            -1
        }
        '+' => {
            *rest = &rest[1..];
            1
        }
        _ => 1,
    };
    let seconds = clock(rest)?;
    (seconds <= 24 * 3600).then_some(sign * seconds)
}

/// `hh[:mm[:ss]]` in seconds.
fn clock(rest: &mut &str) -> Option<i32> {
    let mut total = 0;
    for (i, scale) in [3600, 60, 1].into_iter().enumerate() {
        if i > 0 {
            match rest.strip_prefix(':') {
                Some(r) => *rest = r,
                None => break,
            }
        }
        let len = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if len == 0 || len > 2 {
            return None;
        }
        let part: i32 = rest[..len].parse().ok()?;
        if i > 0 && part > 59 {
            return None;
        }
        total += part * scale;
        *rest = &rest[len..];
    }
    Some(total)
}

/// `Mm.w.d[/time]`: the d-th weekday (0 = Sunday) of week w (5 = last) of month m, at
/// `time` (2am when not given).
fn change(rest: &mut &str) -> Option<Change> {
    *rest = rest.strip_prefix('M')?;
    let number = |rest: &mut &str, max: u32| -> Option<u32> {
        let len = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let n: u32 = rest.get(..len)?.parse().ok()?;
        *rest = &rest[len..];
        (n <= max).then_some(n)
    };
    let month = number(rest, 12).filter(|m| *m >= 1)?;
    *rest = rest.strip_prefix('.')?;
    let week = number(rest, 5).filter(|w| *w >= 1)?;
    *rest = rest.strip_prefix('.')?;
    let day = match number(rest, 6)? {
        0 => Weekday::Sun,
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        _ => Weekday::Sat,
    };
    let at = match rest.strip_prefix('/') {
        Some(r) => {
            *rest = r;
            clock(rest)?
        }
        None => 2 * 3600,
    };
    Some(Change {
        month,
        week: u8::try_from(week).ok()?,
        day,
        at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Milliseconds at a UTC date and time.
    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
        NaiveDate::from_ymd_opt(y, mo, d)
            .and_then(|day| day.and_hms_opt(h, mi, 0))
            .map(|t| t.and_utc().timestamp_millis())
            .unwrap_or_default()
    }

    #[test]
    fn uk_time_is_gmt_in_winter_and_bst_in_summer() {
        let uk = TimeZone::default();
        assert_eq!(
            uk.time(utc(2026, 11, 30, 11, 33)),
            "11:33am on 30 November 2026"
        );
        assert_eq!(uk.time(utc(2026, 7, 1, 11, 33)), "12:33pm on 1 July 2026");
        // Late on a summer evening in UTC is already the next day in the UK.
        assert_eq!(uk.day(utc(2026, 6, 30, 23, 30)), "1 July 2026");
        assert_eq!(uk.day(utc(2026, 12, 31, 23, 30)), "31 December 2026");
    }

    #[test]
    fn the_clocks_go_forward_at_1am_on_the_last_sunday_in_march() {
        let uk = TimeZone::default();
        // 29 March 2026 is the last Sunday in March.
        assert_eq!(uk.time(utc(2026, 3, 29, 0, 59)), "12:59am on 29 March 2026");
        assert_eq!(uk.time(utc(2026, 3, 29, 1, 0)), "2:00am on 29 March 2026");
        // 22 March is a Sunday, but not the last.
        assert_eq!(uk.time(utc(2026, 3, 22, 1, 0)), "1:00am on 22 March 2026");
    }

    #[test]
    fn the_clocks_go_back_at_2am_summer_time_on_the_last_sunday_in_october() {
        let uk = TimeZone::default();
        // 25 October 2026 is the last Sunday in October: 1:30am happens twice.
        assert_eq!(
            uk.time(utc(2026, 10, 25, 0, 30)),
            "1:30am on 25 October 2026"
        );
        assert_eq!(
            uk.time(utc(2026, 10, 25, 1, 30)),
            "1:30am on 25 October 2026"
        );
        assert_eq!(
            uk.time(utc(2026, 10, 25, 0, 59)),
            "1:59am on 25 October 2026"
        );
        assert_eq!(
            uk.time(utc(2026, 10, 25, 1, 0)),
            "1:00am on 25 October 2026"
        );
        // And in a year where October has five Sundays (2025: the 26th).
        assert_eq!(
            uk.time(utc(2025, 10, 26, 0, 59)),
            "1:59am on 26 October 2025"
        );
        assert_eq!(
            uk.time(utc(2025, 10, 26, 1, 0)),
            "1:00am on 26 October 2025"
        );
    }

    #[test]
    fn midday_and_midnight_are_words() {
        let uk = TimeZone::default();
        assert_eq!(uk.time(utc(2026, 1, 5, 12, 0)), "midday on 5 January 2026");
        assert_eq!(uk.time(utc(2026, 1, 5, 0, 0)), "midnight on 5 January 2026");
        assert_eq!(uk.time(utc(2026, 7, 5, 11, 0)), "midday on 5 July 2026");
    }

    #[test]
    fn other_rules_parse_and_apply() {
        let utc_zone = TimeZone::parse("UTC").unwrap_or_default();
        assert_eq!(
            utc_zone.time(utc(2026, 7, 1, 11, 33)),
            "11:33am on 1 July 2026"
        );
        let paris = TimeZone::parse("CET-1CEST,M3.5.0,M10.5.0/3").unwrap_or_default();
        assert_eq!(
            paris.time(utc(2026, 1, 1, 10, 0)),
            "11:00am on 1 January 2026"
        );
        assert_eq!(paris.time(utc(2026, 7, 1, 10, 0)), "midday on 1 July 2026");
        // South of the equator, summer spans the new year.
        let sydney = TimeZone::parse("AEST-10AEDT,M10.1.0,M4.1.0/3").unwrap_or_default();
        assert_eq!(
            sydney.time(utc(2026, 1, 1, 0, 0)),
            "11:00am on 1 January 2026"
        );
        assert_eq!(sydney.time(utc(2026, 7, 1, 0, 0)), "10:00am on 1 July 2026");
        assert_eq!(
            TimeZone::parse("Europe/London"),
            Ok(TimeZone {
                source: "Europe/London".to_owned(),
                ..TimeZone::uk()
            })
        );
    }

    #[test]
    fn a_setting_that_is_not_a_rule_is_refused_with_what_to_write() {
        for bad in [
            "",
            "London",
            "GMT0BST",
            "GMT0BST,M3.5.0",
            "XX0",
            "GMT0BST,M13.5.0,M10.5.0",
            "GMT99",
        ] {
            let error = TimeZone::parse(bad).err();
            assert!(error.is_some(), "{bad:?} was accepted");
            assert!(
                error
                    .map(|e| e.to_string())
                    .unwrap_or_default()
                    .contains("Europe/London")
            );
        }
    }

    #[test]
    fn a_zone_travels_as_its_setting() {
        let uk = TimeZone::default();
        let json = serde_json::to_string(&uk).unwrap_or_default();
        assert_eq!(json, format!("\"{UK}\""));
        assert_eq!(serde_json::from_str::<TimeZone>(&json).ok(), Some(uk));
        assert!(serde_json::from_str::<TimeZone>("\"nowhere\"").is_err());
    }
}
