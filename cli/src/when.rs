//! Reading dates, times and durations typed on the command line.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use heft_core::LogTime;

/// Reads `--date` / `--at` into a [`LogTime`], relative to `now`.
pub fn log_time(
    date: Option<&str>,
    at: Option<&str>,
    now: DateTime<FixedOffset>,
) -> Result<LogTime, String> {
    match (date, at) {
        (Some(d), _) => Ok(LogTime::OnDate(date_arg(d, now)?)),
        (None, Some(t)) => Ok(LogTime::At(moment(t, now)?)),
        (None, None) => Ok(LogTime::Now),
    }
}

/// A calendar date: YYYY-MM-DD, "today" or "yesterday".
pub fn date_arg(s: &str, now: DateTime<FixedOffset>) -> Result<NaiveDate, String> {
    let today = now.date_naive();
    match s.trim().to_lowercase().as_str() {
        "today" => Ok(today),
        "yesterday" => Ok(today - TimeDelta::days(1)),
        other => NaiveDate::parse_from_str(other, "%Y-%m-%d")
            .map_err(|_| format!("'{s}' is not a date; write YYYY-MM-DD, today or yesterday")),
    }
}

/// A moment in the local offset of `now`.
fn moment(s: &str, now: DateTime<FixedOffset>) -> Result<DateTime<FixedOffset>, String> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t);
    }
    let local = [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .or_else(|| {
        NaiveTime::parse_from_str(s, "%H:%M")
            .ok()
            .map(|t| now.date_naive().and_time(t))
    });
    let naive = local.ok_or_else(|| {
        format!("'{s}' is not a time; write \"YYYY-MM-DD HH:MM\", HH:MM or RFC 3339")
    })?;
    naive
        .and_local_timezone(*now.offset())
        .single()
        .ok_or_else(|| format!("'{s}' is not a valid local time"))
}

/// Longest workout duration accepted, in seconds.
const MAX_DURATION_S: u64 = 24 * 3600;

/// A duration such as 45m, 45min, 1h10m, 1:10:00 or 3600s, in seconds (1 s to 24 h).
pub fn duration_s(s: &str) -> Result<u32, String> {
    let bad =
        || format!("'{s}' is not a duration; write e.g. 45m, 1h10m or 1:10:00 (at most 24 h)");
    let t = s.trim().to_lowercase().replace(' ', "");
    let number = |p: &str| -> Result<u64, String> {
        if p.is_empty() || p.len() > 6 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        p.parse().map_err(|_| bad())
    };
    let total: u64 = if t.contains(':') {
        let parts: Vec<u64> = t.split(':').map(number).collect::<Result<_, _>>()?;
        match parts.as_slice() {
            [m, sec] if *sec < 60 => m * 60 + sec,
            [h, m, sec] if *m < 60 && *sec < 60 => h * 3600 + m * 60 + sec,
            _ => return Err(bad()),
        }
    } else {
        let mut total = 0u64;
        let mut rest = t.as_str();
        while !rest.is_empty() {
            let digits = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            let value = number(&rest[..digits])?;
            rest = &rest[digits..];
            let unit_len = rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            let factor = match &rest[..unit_len] {
                "h" | "hr" | "hrs" => 3600,
                "m" | "min" | "mins" => 60,
                "s" | "sec" | "secs" => 1,
                // A bare number is minutes: "finish --duration 45".
                "" => 60,
                _ => return Err(bad()),
            };
            rest = &rest[unit_len..];
            total += value * factor;
        }
        total
    };
    if total == 0 || total > MAX_DURATION_S {
        return Err(bad());
    }
    u32::try_from(total).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-24T18:00:00+01:00").unwrap()
    }

    #[test]
    fn reads_dates_and_moments() {
        assert_eq!(
            date_arg("yesterday", now()).unwrap().to_string(),
            "2026-11-23"
        );
        assert_eq!(
            date_arg("2026-01-02", now()).unwrap().to_string(),
            "2026-01-02"
        );
        assert!(date_arg("02/01/2026", now()).is_err());
        let t = moment("2026-11-20 07:30", now()).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-20T07:30:00+01:00");
        assert_eq!(
            moment("07:30", now()).unwrap().to_rfc3339(),
            "2026-11-24T07:30:00+01:00"
        );
        assert!(moment("soon", now()).is_err());
    }

    #[test]
    fn reads_durations() {
        for (s, want) in [
            ("45m", 2700),
            ("45min", 2700),
            ("1h10m", 4200),
            ("1:10:00", 4200),
            ("3600s", 3600),
            ("50", 3000),
        ] {
            assert_eq!(duration_s(s).unwrap(), want, "{s}");
        }
        for s in [
            "",
            "abc",
            "10x",
            "1:99",
            "0m",
            "25h",
            "99999999:00",
            "71582789:00",
            "4294967296s",
        ] {
            assert!(duration_s(s).is_err(), "{s}");
        }
    }
}
