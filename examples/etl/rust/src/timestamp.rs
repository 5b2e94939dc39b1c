//! Parse the contract's timestamps into milliseconds since the Unix epoch.
//!
//! Why a small hand-written parser and not the `time` or `chrono` crate: the
//! contract accepts exactly one shape (`YYYY-MM-DDTHH:MM:SS`, one to three
//! fraction digits, then `Z` or `±HH:MM`), and both crates' RFC 3339 parsers
//! accept more than that (lowercase `t` and `z`, any number of fraction
//! digits). Restricting them needs a custom format description plus extra
//! checks, and the result would still have to be proven equal to the Python
//! job's rules. A fixed-width shape is matched byte by byte with one slice
//! pattern, and the calendar arithmetic is Howard Hinnant's `days_from_civil`,
//! a dozen lines that the tests and the Python parity suite check against
//! Python's `datetime.date`. No allocation, no dependency, and every rule is
//! visible in this file.

use std::fmt;

// ANCHOR: timestamp_error
/// Why a timestamp was rejected, checked in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampError {
    /// Not `YYYY-MM-DDTHH:MM:SS[.f[f[f]]]` followed by `Z` or `±HH:MM`.
    Shape,
    /// Year 0000, month 00 or 13+, or a day the month does not have (2023-02-29).
    NoSuchDate,
    /// Hour 24+, minute 60+ or second 60+ (no leap seconds).
    NoSuchTime,
    /// Offset hour 24+ or offset minute 60+.
    OffsetOutOfRange,
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimestampError::Shape => {
                "must look like 2024-03-01T12:30:00Z or 2024-03-01T14:30:00.250+02:00"
            }
            TimestampError::NoSuchDate => "must be a real calendar date",
            TimestampError::NoSuchTime => "must be a real time of day",
            TimestampError::OffsetOutOfRange => "UTC offset must be between -23:59 and +23:59",
        })
    }
}

impl std::error::Error for TimestampError {}
// ANCHOR_END: timestamp_error

// ANCHOR: parse_timestamp
/// Parse `2024-03-01T14:30:00.250+02:00` into milliseconds since 1970-01-01T00:00:00Z.
pub fn parse_timestamp(text: &str) -> Result<i64, TimestampError> {
    use TimestampError::*;

    // The fixed-width part. Each name binds one byte; the literals must match.
    #[rustfmt::skip] // keep the pattern laid out like the text it matches
    let &[
        y1, y2, y3, y4, b'-', mo1, mo2, b'-', d1, d2, // YYYY-MM-DD
        b'T', h1, h2, b':', mi1, mi2, b':', s1, s2,   // THH:MM:SS
        ref rest @ ..
    ] = text.as_bytes() else {
        return Err(Shape);
    };
    // An optional fraction of one to three digits, then the zone.
    let (fraction, zone) = match rest {
        [b'.', tail @ ..] => {
            let len = tail.iter().take_while(|b| b.is_ascii_digit()).count();
            if !(1..=3).contains(&len) {
                return Err(Shape);
            }
            tail.split_at(len)
        }
        _ => (&[][..], rest),
    };
    let (offset_sign, offset_hours, offset_minutes) = match *zone {
        [b'Z'] => (1, 0, 0),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => (
            if sign == b'-' { -1 } else { 1 },
            number(&[h1, h2])?,
            number(&[m1, m2])?,
        ),
        _ => return Err(Shape),
    };
    let year = number(&[y1, y2, y3, y4])?;
    let month = number(&[mo1, mo2])?;
    let day = number(&[d1, d2])?;
    let hour = number(&[h1, h2])?;
    let minute = number(&[mi1, mi2])?;
    let second = number(&[s1, s2])?;
    // ".5" is 500 ms, ".25" 250 ms, ".025" 25 ms.
    let millis = number(fraction)? * 10_i64.pow(3 - fraction.len() as u32);

    // The shape is right; now the values.
    if year == 0 || !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return Err(NoSuchDate);
    }
    if hour > 23 || minute > 59 || second > 59 {
        return Err(NoSuchTime);
    }
    if offset_hours > 23 || offset_minutes > 59 {
        return Err(OffsetOutOfRange);
    }
    let offset_seconds = offset_sign * (offset_hours * 3600 + offset_minutes * 60);
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_seconds;
    Ok(seconds * 1000 + millis)
}
// ANCHOR_END: parse_timestamp

/// The value of some ASCII digits; any other byte means the shape is wrong.
fn number(digits: &[u8]) -> Result<i64, TimestampError> {
    digits.iter().try_fold(0, |value, &digit| {
        if digit.is_ascii_digit() {
            Ok(value * 10 + i64::from(digit - b'0'))
        } else {
            Err(TimestampError::Shape)
        }
    })
}

// ANCHOR: calendar
fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given date of the proleptic Gregorian calendar
/// (Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms").
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    // Count years from March, so that a leap day is the last day of its year.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400); // 0..=399
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1; // 0..=365, from March 1
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468 // 719468: days from 0000-03-01 to 1970-01-01
}
// ANCHOR_END: calendar

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_vectors::{assert_accepts, assert_rejects};

    /// The cases the Python tests check too; the expected values were computed
    /// with GNU date: date -u -d TIMESTAMP +%s
    const VECTORS: &str = include_str!("../../tests/vectors/timestamps.json");

    #[test]
    fn parses_timestamps() {
        assert_accepts(
            VECTORS,
            "parse_timestamp_accepts",
            "millis",
            parse_timestamp,
        );
    }

    #[test]
    fn rejects_timestamps() {
        assert_rejects(VECTORS, "parse_timestamp_rejects", parse_timestamp);
    }

    #[test]
    fn days_from_civil_counts_every_day() {
        // Walk day by day from 0001-01-01 to 9999-12-31: each date is one more day.
        let mut expected = days_from_civil(1, 1, 1);
        for year in 1..=9999 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    assert_eq!(days_from_civil(year, month, day), expected);
                    expected += 1;
                }
            }
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(1, 1, 1), -719_162); // Python: date(1, 1, 1).toordinal() - date(1970, 1, 1).toordinal()
    }
}
