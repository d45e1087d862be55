//! Dates as Vietnamese offices write them: `yyyy-mm-dd`, `dd/mm/yyyy`, `d/m/yyyy`.
//!
//! Never month-first, never a two-digit year. What is refused is refused with the
//! reason a user can act on (see the bad-input catalogue in docs/input.md).

use chrono::{Datelike, Days, NaiveDate};

pub use crate::diag::value::DateError;

/// Parse a digits-only part of at most `max` digits.
fn number(part: &str, max: usize) -> Option<u32> {
    if part.is_empty() || part.len() > max || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

/// The first year taken for a real date: nobody in a roster was appointed, trained
/// or certified before it, and the "no date" placeholders of HR systems fall below it.
const FIRST_YEAR: u32 = 1900;

fn ymd(year: u32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    if year < FIRST_YEAR {
        return Err(DateError::Placeholder);
    }
    let year = i32::try_from(year).map_err(|_| DateError::Unrecognised)?;
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchMonth(month));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDate)
}

/// Excel's 1900 date system: serial 1 = 1900-01-01, with Lotus's phantom
/// 29/02/1900 (so day 0 is 1899-12-30 for every serial after it).
pub fn excel_serial(serial: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(Days::new(u64::from(serial)))
}

/// The value of `bytes` when all are ASCII digits.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// `yyyy-mm-dd` and `dd/mm/yyyy` as exports write them, read without splitting
/// (20 million date cells at national scale). `None`: not that shape, or a
/// month over 12 that deserves the slow path's explanation.
fn fixed_width(s: &[u8]) -> Option<Result<NaiveDate, DateError>> {
    let (y, m, d) = match s {
        [y @ .., b'-', m1, m2, b'-', d1, d2] if y.len() == 4 => (y, [*m1, *m2], [*d1, *d2]),
        [d1, d2, b'/', m1, m2, b'/', y @ ..] if y.len() == 4 => (y, [*m1, *m2], [*d1, *d2]),
        _ => return None,
    };
    let (year, month, day) = (digits(y)?, digits(&m)?, digits(&d)?);
    (month <= 12).then(|| ymd(year, month, day))
}

/// A date of one of the fixed-width shapes (`2024-02-29`, `29/02/2024`) that
/// [`parse_date`] reads first, when it is one; `None` for any other cell, valid or not.
pub fn parse_plain(s: &[u8]) -> Option<NaiveDate> {
    fixed_width(s)?.ok()
}

/// Parse a date cell (already trimmed, not empty).
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    match fixed_width(s.as_bytes()) {
        Some(parsed) => parsed,
        None => parse_general(s),
    }
}

/// Every accepted shape, and the reason for a refusal.
fn parse_general(s: &str) -> Result<NaiveDate, DateError> {
    let parts: Vec<&str> = s.split('/').collect();
    if let [d, m, y] = parts.as_slice() {
        let (Some(day), Some(month)) = (number(d, 2), number(m, 2)) else {
            return Err(DateError::Unrecognised);
        };
        if y.len() == 2 && number(y, 2).is_some() {
            return Err(DateError::TwoDigitYear);
        }
        let year = number(y, 4)
            .filter(|_| y.len() == 4)
            .ok_or(DateError::Unrecognised)?;
        if month > 12 && (1..=12).contains(&day) {
            let swapped = ymd(year, day, month).map_err(|_| DateError::NoSuchDate)?;
            return Err(DateError::MonthFirst {
                day_first: swapped.format("%d/%m/%Y").to_string(),
            });
        }
        return ymd(year, month, day);
    }
    let (date, rest) = match s.find([' ', 'T']) {
        Some(at) => (&s[..at], Some(&s[at..])),
        None => (s, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    if let [y, m, d] = parts.as_slice()
        && y.len() == 4
    {
        let (Some(year), Some(month), Some(day)) = (number(y, 4), number(m, 2), number(d, 2))
        else {
            return Err(DateError::Unrecognised);
        };
        let date = ymd(year, month, day)?;
        return match rest {
            None => Ok(date),
            Some(_) => Err(DateError::HasTime),
        };
    }
    if rest.is_none()
        && (3..=6).contains(&s.len())
        && let Some(serial) = number(s, 6)
        && let Some(date) = excel_serial(serial).filter(|d| (1900..=2100).contains(&d.year()))
    {
        return Err(DateError::ExcelSerial(date));
    }
    Err(DateError::Unrecognised)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_the_three_formats() {
        assert_eq!(parse_date("2024-02-29"), Ok(date(2024, 2, 29)));
        assert_eq!(parse_date("29/02/2024"), Ok(date(2024, 2, 29)));
        assert_eq!(parse_date("1/2/2024"), Ok(date(2024, 2, 1)));
        assert_eq!(parse_date("01/12/2023"), Ok(date(2023, 12, 1)));
    }

    #[test]
    fn the_fixed_width_shapes_read_as_the_general_parser_does() {
        for s in [
            "2024-02-29",
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "0000-01-01",
            "29/02/2024",
            "31/02/2024",
            "00/01/2024",
            "02/13/2024",
            "13/13/2024",
            "1a/02/2024",
            "2024-1a-01",
            "10/10/0000",
        ] {
            let fast = fixed_width(s.as_bytes());
            if let Some(fast) = fast {
                assert_eq!(fast, parse_general(s), "{s}");
            }
        }
        assert_eq!(fixed_width(b"02/13/2024"), None);
        assert_eq!(fixed_width(b"1/2/2024"), None);
    }

    #[test]
    fn refuses_days_the_calendar_does_not_have() {
        assert_eq!(parse_date("31/02/2024"), Err(DateError::NoSuchDate));
        assert_eq!(parse_date("29/02/2023"), Err(DateError::NoSuchDate));
        assert_eq!(parse_date("2023-02-29"), Err(DateError::NoSuchDate));
        assert_eq!(parse_date("00/01/2024"), Err(DateError::NoSuchDate));
    }

    #[test]
    fn refuses_two_digit_years() {
        assert_eq!(parse_date("01/02/24"), Err(DateError::TwoDigitYear));
    }

    #[test]
    fn never_reads_month_first() {
        assert_eq!(
            parse_date("02/13/2024"),
            Err(DateError::MonthFirst {
                day_first: "13/02/2024".into()
            })
        );
        assert_eq!(parse_date("13/13/2024"), Err(DateError::NoSuchMonth(13)));
        assert_eq!(parse_date("2022-13-01"), Err(DateError::NoSuchMonth(13)));
        assert_eq!(parse_date("01/00/2022"), Err(DateError::NoSuchMonth(0)));
    }

    #[test]
    fn refuses_the_placeholders_hr_systems_write_for_no_date() {
        for s in [
            "01/01/0001",
            "0001-01-01",
            "0000-01-01",
            "0000-00-00",
            "00/00/0000",
            "1/1/1",
            "31/12/1899",
            "1899-12-31",
        ] {
            if s == "1/1/1" {
                assert_eq!(parse_date(s), Err(DateError::Unrecognised), "{s}");
            } else {
                assert_eq!(parse_date(s), Err(DateError::Placeholder), "{s}");
            }
        }
        assert_eq!(parse_date("01/01/1900"), Ok(date(1900, 1, 1)));
        assert_eq!(parse_date("1900-01-01"), Ok(date(1900, 1, 1)));
    }

    #[test]
    fn recognises_excel_serials() {
        assert_eq!(
            parse_date("45323"),
            Err(DateError::ExcelSerial(date(2024, 2, 1)))
        );
    }

    #[test]
    fn refuses_everything_else() {
        for s in [
            "2024/02/01",
            "01-02-2024",
            "01.02.2024",
            "1 Feb 2024",
            "tomorrow",
            "/",
            "//",
            "1/2/20245",
            "+1/2/2024",
            "2024-02",
            "-",
            "9",
        ] {
            assert_eq!(parse_date(s), Err(DateError::Unrecognised), "{s}");
        }
        assert_eq!(parse_date("2024-02-01 00:00:00"), Err(DateError::HasTime));
    }
}
