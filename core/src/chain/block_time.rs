//! A block's timestamp as people read it: the UTC date and time of unix seconds, for the
//! "as of block N" lines beside every live figure (the chain gives time only as unix seconds).

/// The UTC date `YYYY-MM-DD` of a unix time, seconds (the proleptic Gregorian calendar; Howard
/// Hinnant's `civil_from_days`, howardhinnant.github.io/date_algorithms.html).
///
/// ```
/// assert_eq!(restake_core::chain::block_time::utc_date(0), "1970-01-01");
/// assert_eq!(restake_core::chain::block_time::utc_date(1_700_000_000), "2023-11-14");
/// ```
pub fn utc_date(unix_seconds: u64) -> String {
    let z = (unix_seconds / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The UTC date and time `YYYY-MM-DD HH:MM:SS` of a unix time, seconds (a block's timestamp
/// as the Data panel shows it).
///
/// ```
/// // 1,729,252,007 s = 20,014 days + 42,407 s, and 42,407 s = 11 h 46 min 47 s.
/// assert_eq!(restake_core::chain::block_time::utc_time(1_729_252_007), "2024-10-18 11:46:47");
/// ```
pub fn utc_time(unix_seconds: u64) -> String {
    let s = unix_seconds % 86_400;
    format!(
        "{} {:02}:{:02}:{:02}",
        utc_date(unix_seconds),
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_by_hand() {
        // 86,400 × 20,014 = 1,729,209,600 ≤ 1,729,252,007 < 1,729,296,000: day 20,014 =
        // 2024-10-18 (2024-01-01 is day 19,723; + 291 days = 18 October in a leap year).
        assert_eq!(utc_date(1_729_252_007), "2024-10-18");
        assert_eq!(utc_date(951_782_400), "2000-02-29");
        assert_eq!(utc_date(86_399), "1970-01-01");
    }
}
