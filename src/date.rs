//! Calendar dates: qualification validity, suppression expiry, the day a check is judged
//! on. The proleptic Gregorian calendar, ISO `YYYY-MM-DD`, days counted from 1970-01-01
//! (Howard Hinnant's algorithms: eras of 400 years have a fixed length, and starting the
//! year in March puts the leap day last). Written out rather than taken from a date
//! crate: it is all the calendar souverain needs.

use serde::{Serialize, Serializer};
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Days since 1970-01-01.
    days: i64,
}

impl Date {
    /// A `YYYY-MM-DD` date that exists (2024-02-29 yes, 2026-02-29 no).
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes.iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !shaped {
            return None;
        }
        let year: i64 = text[..4].parse().ok()?;
        let month: u32 = text[5..7].parse().ok()?;
        let day: u32 = text[8..10].parse().ok()?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let month_days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=month_days)
            .contains(&day)
            .then(|| Date::from_civil(year, month, day))
    }

    /// Today in UTC.
    pub fn today() -> Date {
        let days = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        Date {
            days: i64::try_from(days).unwrap_or(0),
        }
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days - self.days
    }

    fn from_civil(year: i64, month: u32, day: u32) -> Date {
        let year = if month <= 2 { year - 1 } else { year };
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month_from_march = i64::from((month + 9) % 12);
        let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        Date {
            days: era * 146_097 + day_of_era - 719_468,
        }
    }

    /// `(year, month, day)`.
    fn civil(self) -> (i64, u32, u32) {
        let z = self.days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        } as u32;
        (year_of_era + era * 400 + i64::from(month <= 2), month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.civil();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|| panic!("{text} is a date"))
    }

    #[test]
    fn counts_civil_days() {
        let between = |a: &str, b: &str| date(a).days_until(date(b));
        assert_eq!(between("2024-02-28", "2024-03-01"), 2);
        assert_eq!(between("2023-02-28", "2023-03-01"), 1);
        assert_eq!(between("2023-11-30", "2026-11-30"), 1096);
        assert_eq!(between("2026-11-30", "2023-11-30"), -1096);
        assert_eq!(between("1970-01-01", "2000-03-01"), 11_017);
        assert_eq!(between("1999-12-31", "2000-12-31"), 366);
        assert_eq!(between("2100-02-28", "2100-03-01"), 1);
    }

    #[test]
    fn reads_only_real_iso_dates() {
        for bad in [
            "2026-02-29",
            "2026-9-1",
            "2026-13-01",
            "26-11-23",
            "2026-11-2x",
            "2026/11/23",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }

    #[test]
    fn prints_what_it_read() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2026-11-23",
            "2100-12-31",
            "0001-01-01",
        ] {
            assert_eq!(date(text).to_string(), text);
        }
        assert_eq!(Date { days: 20_415 }.to_string(), "2025-11-23");
        assert!(date("2026-11-30") < date("2026-12-01"));
    }
}
