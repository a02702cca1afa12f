//! Parsing helpers shared by the CSV readers: numbers with either decimal
//! separator, counts, weights, distances, durations, dates and names.
//!
//! Every helper that reads a cell returns `Err(reason)` with the reason
//! naming the column as the file spells it ("Reps: 'abc' is not a number"),
//! so a reader can turn it into a [`CsvRow::Skip`](super::CsvRow::Skip)
//! unchanged. An empty cell is `Ok(None)`, never an error.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

use super::CsvTime;
use crate::model::{Distance, DistanceUnit, Effort, Unit, Weight, WeightUnit};

/// Names (exercise, workout, category) longer than this many characters are
/// cut to it; a longer "name" is garbage, and nothing downstream could show it.
pub(crate) const MAX_NAME_CHARS: usize = 200;

/// Longest cell text quoted back in a skip reason.
const MAX_QUOTED_CHARS: usize = 40;

/// Longest text accepted as a number (digits, separators and a sign).
const MAX_NUMBER_CHARS: usize = 40;

/// `s` cut to at most `max` characters (on a character boundary).
pub(crate) fn truncate_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((at, _)) => s.get(..at).unwrap_or(s),
        None => s,
    }
}

/// A cell quoted in a skip reason: shortened, control characters shown as `?`.
pub(crate) fn quote(s: &str) -> String {
    let short = truncate_chars(s, MAX_QUOTED_CHARS);
    let mut out: String = short
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if short.len() < s.len() {
        out.push('…');
    }
    out
}

/// A header name normalised for matching: lowercased, every run of
/// characters that are neither letters nor digits turned into one space,
/// trimmed. Accents are kept ("Durée" -> "durée", "Wdh." -> "wdh",
/// "Weight (kg)" -> "weight kg", "Is Warmup Set?" -> "is warmup set").
pub(crate) fn normalise_header(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.trim_start_matches('\u{feff}').chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// A decimal number written with `.` or `,` as the decimal separator.
///
/// One separator of either kind is the decimal separator ("72,5", "72.5").
/// Several of the same kind are thousands separators ("1,234,567"); with
/// both kinds, the last one is the decimal separator and the others must
/// group by three ("1.234,5", "1,234.5"). No exponents, no `inf`/`NaN`.
pub(crate) fn parse_decimal(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_NUMBER_CHARS {
        return None;
    }
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    // Most cells: digits with at most one '.', which Rust reads as they are
    // (to the same value as the rewritten text below).
    let mut dots = 0;
    let mut digits = false;
    if body.bytes().all(|b| match b {
        b'0'..=b'9' => {
            digits = true;
            true
        }
        b'.' => {
            dots += 1;
            dots == 1
        }
        _ => false,
    }) && digits
    {
        return s.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    if !body.bytes().any(|b| b.is_ascii_digit())
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let dots = body.bytes().filter(|&b| b == b'.').count();
    let commas = body.bytes().filter(|&b| b == b',').count();
    let (decimal, thousands) = match (dots, commas) {
        (0, 0) => (None, None),
        (1, 0) => (Some('.'), None),
        (0, 1) => (Some(','), None),
        (_, 0) => (None, Some('.')),
        (0, _) => (None, Some(',')),
        _ => {
            // Both kinds: the last separator is the decimal one, once.
            let last = body.rfind(['.', ','])?;
            let dec = if body.get(last..)?.starts_with('.') {
                '.'
            } else {
                ','
            };
            let dec_count = if dec == '.' { dots } else { commas };
            if dec_count != 1 {
                return None;
            }
            (Some(dec), Some(if dec == '.' { ',' } else { '.' }))
        }
    };
    let (int_part, frac_part) = match decimal {
        Some(d) => {
            let at = body.rfind(d)?;
            (body.get(..at)?, body.get(at + 1..)?)
        }
        None => (body, ""),
    };
    let digits: String = match thousands {
        Some(t) => {
            let mut groups = int_part.split(t);
            let first = groups.next()?;
            if first.is_empty() || first.len() > 3 {
                return None;
            }
            let mut all = first.to_string();
            for g in groups {
                if g.len() != 3 {
                    return None;
                }
                all.push_str(g);
            }
            all
        }
        None => int_part.to_string(),
    };
    if digits.is_empty() && frac_part.is_empty() {
        return None;
    }
    let text = format!(
        "{}{}.{}",
        if negative { "-" } else { "" },
        if digits.is_empty() { "0" } else { &digits },
        if frac_part.is_empty() { "0" } else { frac_part }
    );
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A decimal cell: empty is `None`.
pub(crate) fn decimal(col: &str, v: &str) -> Result<Option<f64>, String> {
    let t = v.trim();
    if t.is_empty() {
        return Ok(None);
    }
    parse_decimal(t)
        .map(Some)
        .ok_or_else(|| format!("{col}: '{}' is not a number", quote(t)))
}

/// A count cell (reps, set numbers): a whole number, not negative; "10.0"
/// is 10. Empty is `None`.
pub(crate) fn count(col: &str, v: &str) -> Result<Option<u32>, String> {
    let Some(x) = decimal(col, v)? else {
        return Ok(None);
    };
    let t = || quote(v.trim());
    if x < 0.0 {
        return Err(format!("{col}: '{}' is negative", t()));
    }
    if x.fract() != 0.0 {
        return Err(format!("{col}: '{}' is not a whole number", t()));
    }
    if x > f64::from(u32::MAX) {
        return Err(format!("{col}: '{}' is too large", t()));
    }
    Ok(Some(x as u32))
}

/// A weight cell in `unit`, rounded to 1/1000 (so 74.99999999999999 is
/// 75). Empty is `None`; zero stays `Some(0)`.
pub(crate) fn weight(col: &str, v: &str, unit: WeightUnit) -> Result<Option<Weight>, String> {
    match decimal(col, v)? {
        None => Ok(None),
        Some(x) => Weight::new(x, unit)
            .map(Some)
            .ok_or_else(|| format!("{col}: '{}' is out of range", quote(v.trim()))),
    }
}

/// A weight unit cell ("kg", "kgs", "lbs", "lb"). Empty is `None`.
pub(crate) fn weight_unit(col: &str, v: &str) -> Result<Option<WeightUnit>, String> {
    let t = v.trim();
    if t.is_empty() {
        return Ok(None);
    }
    WeightUnit::from_symbol(t)
        .map(Some)
        .ok_or_else(|| format!("{col}: '{}' is not kg or lbs", quote(t)))
}

/// A unit of length as exports write it, with the factor to a unit Heft
/// keeps (feet and yards become metres).
pub(crate) fn length_unit(s: &str) -> Option<(DistanceUnit, f64)> {
    let t = s.trim().to_lowercase();
    if let Some(u) = DistanceUnit::from_symbol(&t) {
        return Some((u, 1.0));
    }
    match t.as_str() {
        "ft" | "feet" | "foot" => Some((DistanceUnit::M, 0.3048)),
        "yd" | "yds" | "yard" | "yards" => Some((DistanceUnit::M, 0.9144)),
        _ => None,
    }
}

/// A distance cell in `unit` (scaled by `factor`). Empty and zero are
/// `None`: apps write 0 for "no distance".
pub(crate) fn distance(
    col: &str,
    v: &str,
    unit: DistanceUnit,
    factor: f64,
) -> Result<Option<Distance>, String> {
    match decimal(col, v)? {
        None => Ok(None),
        Some(0.0) => Ok(None),
        Some(x) if x < 0.0 => Err(format!("{col}: '{}' is negative", quote(v.trim()))),
        Some(x) => Distance::new(x * factor, unit)
            .map(Some)
            .ok_or_else(|| format!("{col}: '{}' is out of range", quote(v.trim()))),
    }
}

/// Seconds as a number (possibly fractional) to milliseconds. Empty and zero
/// are `None`: apps write 0 for "not timed".
pub(crate) fn seconds_ms(col: &str, v: &str) -> Result<Option<u32>, String> {
    match decimal(col, v)? {
        None => Ok(None),
        Some(x) => secs_to_ms(x).ok_or_else(|| bad_duration(col, v)),
    }
    .map(|ms| ms.filter(|&ms| ms > 0))
}

fn secs_to_ms(x: f64) -> Option<Option<u32>> {
    if !(0.0..=f64::from(u32::MAX) / 1000.0).contains(&x) {
        return None;
    }
    Some(Some((x * 1000.0).round() as u32))
}

fn bad_duration(col: &str, v: &str) -> String {
    format!("{col}: '{}' is not a duration", quote(v.trim()))
}

/// Whole seconds from a number of seconds (workout lengths). Empty is `None`.
pub(crate) fn seconds_whole(col: &str, v: &str) -> Result<Option<u32>, String> {
    match decimal(col, v)? {
        None => Ok(None),
        Some(x) if (0.0..=f64::from(u32::MAX)).contains(&x) => Ok(Some(x.round() as u32)),
        Some(_) => Err(bad_duration(col, v)),
    }
}

/// A duration written with units: "1h 5m", "59m", "2h 18m", "30s",
/// "1 h 5 min", "1h5m30s". Returns seconds.
pub(crate) fn parse_duration_text(s: &str) -> Option<u32> {
    let t = s.trim().to_lowercase();
    if t.is_empty() {
        return None;
    }
    let mut total: f64 = 0.0;
    let mut rest = t.as_str();
    let mut parts = 0;
    while !rest.is_empty() {
        rest = rest.trim_start();
        let num_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let number = parse_decimal(rest.get(..num_end)?)?;
        rest = rest.get(num_end..)?.trim_start();
        let unit_end = rest
            .find(|c: char| !(c.is_alphabetic() || c == '.'))
            .unwrap_or(rest.len());
        let unit = rest.get(..unit_end)?.trim_end_matches('.');
        rest = rest.get(unit_end..)?;
        let factor = match unit {
            "h" | "hr" | "hrs" | "hour" | "hours" | "std" | "stunde" | "stunden" | "u" | "uur"
            | "ore" | "ora" | "horas" | "hora" => 3600.0,
            "m" | "min" | "mins" | "minute" | "minutes" | "minuten" | "minuti" | "minutos" => 60.0,
            "s" | "sec" | "secs" | "second" | "seconds" | "sek" | "seg" | "sekunden"
            | "secondes" | "secondi" | "segundos" | "seconden" => 1.0,
            _ => return None,
        };
        if number < 0.0 {
            return None;
        }
        total += number * factor;
        parts += 1;
        if parts > 4 {
            return None;
        }
    }
    if !(0.0..=f64::from(u32::MAX)).contains(&total) {
        return None;
    }
    Some(total.round() as u32)
}

/// A clock-style duration "H:MM:SS", "M:SS" or "H:MM:SS.s". Returns ms.
pub(crate) fn parse_clock_duration(s: &str) -> Option<u32> {
    let t = s.trim();
    let parts: Vec<&str> = t.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut total = 0.0;
    let last = parts.len() - 1;
    for (i, p) in parts.iter().enumerate() {
        let p = p.trim();
        if p.is_empty() || p.len() > 12 {
            return None;
        }
        let ok = if i == last {
            p.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        } else {
            p.bytes().all(|b| b.is_ascii_digit())
        };
        if !ok {
            return None;
        }
        let v: f64 = p.parse().ok()?;
        if i > 0 && v >= 60.0 {
            return None;
        }
        total = total * 60.0 + v;
    }
    secs_to_ms(total).flatten()
}

/// An RPE cell: empty and 0 are `None` (apps write 0 for "not rated").
/// The importer checks the range.
pub(crate) fn rpe(col: &str, v: &str) -> Result<Option<Effort>, String> {
    match decimal(col, v)? {
        None => Ok(None),
        Some(0.0) => Ok(None),
        Some(x) if x < 0.0 => Err(format!("{col}: '{}' is negative", quote(v.trim()))),
        Some(x) => Ok(Some(Effort::Rpe(x))),
    }
}

/// A name cell: trimmed and cut to [`MAX_NAME_CHARS`].
pub(crate) fn name(v: &str) -> String {
    // Heft's own Strong-layout export defuses formula starts with a `'`.
    let v = super::escape::restore_defused(v.trim());
    truncate_chars(v, MAX_NAME_CHARS).to_string()
}

/// An optional name: empty is `None`.
pub(crate) fn opt_name(v: &str) -> Option<String> {
    let n = name(v);
    (!n.is_empty()).then_some(n)
}

/// A note cell: trimmed; empty is `None`. Notes are not cut (a record is at
/// most 1 MiB; the importer enforces the note limit).
pub(crate) fn note(v: &str) -> Option<String> {
    let t = super::escape::restore_defused(v.trim());
    (!t.is_empty()).then(|| t.to_string())
}

/// Date-and-time layouts accepted for local times, most common first.
const DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%d %b %Y, %H:%M",
    "%d %b %Y, %H:%M:%S",
    "%d %b %Y %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%d %I:%M:%S %p",
    "%Y-%m-%d %I:%M %p",
];

/// Date-only layouts (the time is then 00:00 and not known).
const DATE_FORMATS: &[&str] = &["%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y", "%d %b %Y"];

/// Offsets accepted besides RFC 3339.
const OFFSET_FORMATS: &[&str] = &["%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M:%S%.f%z"];

/// A point in time from the few well-defined layouts exports use:
/// ISO 8601 with a space or `T`, with or without seconds (and fractions);
/// RFC 3339 with an offset or `Z` (an [`CsvTime::Exact`]); Hevy's
/// "26 Jul 2025, 07:06"; `yyyy/mm/dd`; and day-first `dd/mm/yyyy` and
/// `dd.mm.yyyy` (never month-first: "04/01/2019" is 4 January). A date
/// alone is 00:00 with `time_known` false. Returns `(time, time_known)`.
pub(crate) fn parse_time(s: &str) -> Option<(CsvTime, bool)> {
    let t = s.trim();
    if t.is_empty() || t.len() > 64 {
        return None;
    }
    let has_offset = t.ends_with('Z')
        || t.ends_with('z')
        || t.get(10..).is_some_and(|tail| tail.contains('+'))
        || t.get(19..).is_some_and(|tail| tail.contains('-'));
    if has_offset {
        if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
            return Some((CsvTime::Exact(dt), true));
        }
        for f in OFFSET_FORMATS {
            if let Ok(dt) = DateTime::parse_from_str(t, f) {
                return Some((CsvTime::Exact(dt), true));
            }
        }
    }
    for f in DATETIME_FORMATS {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, f) {
            return Some((CsvTime::Local(dt), true));
        }
    }
    for f in DATE_FORMATS {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Some((CsvTime::Local(d.and_time(NaiveTime::MIN)), false));
        }
    }
    None
}

/// A date cell that must hold a time: `Err` names the column.
pub(crate) fn time_cell(col: &str, v: &str) -> Result<(CsvTime, bool), String> {
    let t = v.trim();
    if t.is_empty() {
        return Err(format!("{col}: empty"));
    }
    parse_time(t).ok_or_else(|| format!("{col}: '{}' is not a date", quote(t)))
}

/// An optional time cell: empty is `None`.
pub(crate) fn opt_time_cell(col: &str, v: &str) -> Result<Option<CsvTime>, String> {
    if v.trim().is_empty() {
        return Ok(None);
    }
    time_cell(col, v).map(|(t, _)| Some(t))
}

/// A time of day "7:37 PM", "19:37" or "19:37:05".
pub(crate) fn parse_time_of_day(s: &str) -> Option<NaiveTime> {
    let t = s.trim();
    ["%I:%M %p", "%I:%M:%S %p", "%H:%M", "%H:%M:%S", "%I:%M%p"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(t, f).ok())
}

/// A yes/no cell ("1", "true", "yes", "x"; "0", "false", "no", empty).
pub(crate) fn flag(col: &str, v: &str) -> Result<bool, String> {
    match v.trim().to_lowercase().as_str() {
        "" | "0" | "false" | "no" | "n" => Ok(false),
        "1" | "true" | "yes" | "y" | "x" => Ok(true),
        other => Err(format!("{col}: '{}' is not yes or no", quote(other))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn local(y: i32, m: u32, d: u32, h: u32, mi: u32, s: u32) -> CsvTime {
        CsvTime::Local(
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(h, mi, s)
                .unwrap(),
        )
    }

    #[test]
    fn decimals_with_either_separator() {
        assert_eq!(parse_decimal("72.5"), Some(72.5));
        assert_eq!(parse_decimal("72,5"), Some(72.5));
        assert_eq!(parse_decimal(" -20 "), Some(-20.0));
        assert_eq!(parse_decimal("+3"), Some(3.0));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal("5."), Some(5.0));
        assert_eq!(parse_decimal("1,234.5"), Some(1234.5));
        assert_eq!(parse_decimal("1.234,5"), Some(1234.5));
        assert_eq!(parse_decimal("1,234,567"), Some(1_234_567.0));
        assert_eq!(
            parse_decimal("74.99999999999999"),
            Some(74.999_999_999_999_99)
        );
    }

    #[test]
    fn rejects_what_is_not_a_plain_number() {
        for bad in [
            "",
            "abc",
            "1e3",
            "inf",
            "NaN",
            "1.2.3,4",
            "12,34.5.6",
            "1,23.5",
            "-",
            ".",
            "5 kg",
            "0x10",
            "1..2",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_are_whole_and_not_negative() {
        assert_eq!(count("Reps", "10"), Ok(Some(10)));
        assert_eq!(count("Reps", "10.0"), Ok(Some(10)));
        assert_eq!(count("Reps", ""), Ok(None));
        assert_eq!(
            count("Reps", "abc"),
            Err("Reps: 'abc' is not a number".to_string())
        );
        assert_eq!(
            count("Reps", "-3"),
            Err("Reps: '-3' is negative".to_string())
        );
        assert_eq!(
            count("Reps", "8.5"),
            Err("Reps: '8.5' is not a whole number".to_string())
        );
        assert_eq!(
            count("Reps", "99999999999"),
            Err("Reps: '99999999999' is too large".to_string())
        );
    }

    #[test]
    fn weights_round_float_artefacts_and_keep_zero() {
        let w = weight("Weight", "74.99999999999999", WeightUnit::Kg).unwrap();
        assert_eq!(w, Some(Weight::from_milli(75_000, WeightUnit::Kg)));
        let w = weight("Weight", "149.99999999999997", WeightUnit::Lb).unwrap();
        assert_eq!(w, Some(Weight::from_milli(150_000, WeightUnit::Lb)));
        assert_eq!(
            weight("Poids", "72,5", WeightUnit::Kg).unwrap(),
            Some(Weight::from_milli(72_500, WeightUnit::Kg))
        );
        assert_eq!(
            weight("Weight", "0", WeightUnit::Kg).unwrap(),
            Some(Weight::from_milli(0, WeightUnit::Kg))
        );
        assert_eq!(weight("Weight", " ", WeightUnit::Kg).unwrap(), None);
    }

    #[test]
    fn units_and_distances() {
        assert_eq!(weight_unit("Weight Unit", "lbs"), Ok(Some(WeightUnit::Lb)));
        assert_eq!(weight_unit("Weight Unit", "kgs"), Ok(Some(WeightUnit::Kg)));
        assert_eq!(weight_unit("Weight Unit", ""), Ok(None));
        assert!(weight_unit("Weight Unit", "st").is_err());
        assert_eq!(length_unit("mi"), Some((DistanceUnit::Mi, 1.0)));
        assert_eq!(length_unit("ft"), Some((DistanceUnit::M, 0.3048)));
        assert_eq!(
            distance("Distance", "1.23", DistanceUnit::Mi, 1.0).unwrap(),
            Some(Distance::from_milli(1_230, DistanceUnit::Mi))
        );
        assert_eq!(
            distance("Distance", "100", DistanceUnit::M, 0.3048).unwrap(),
            Some(Distance::from_milli(30_480, DistanceUnit::M))
        );
        assert_eq!(distance("Distance", "0.0", DistanceUnit::Km, 1.0), Ok(None));
    }

    #[test]
    fn durations_in_words_and_clocks() {
        assert_eq!(parse_duration_text("1h 5m"), Some(3900));
        assert_eq!(parse_duration_text("59m"), Some(3540));
        assert_eq!(parse_duration_text("45m"), Some(2700));
        assert_eq!(parse_duration_text("1h"), Some(3600));
        assert_eq!(parse_duration_text("2h 18m"), Some(8280));
        assert_eq!(parse_duration_text("30s"), Some(30));
        assert_eq!(parse_duration_text("1 h 5 min"), Some(3900));
        assert_eq!(parse_duration_text("1h5m30s"), Some(3930));
        assert_eq!(parse_duration_text("1 Std. 5 Min."), Some(3900));
        assert_eq!(parse_duration_text("abc"), None);
        assert_eq!(parse_duration_text("5"), None);
        assert_eq!(parse_duration_text("5x"), None);
        assert_eq!(parse_clock_duration("0:09:21"), Some(561_000));
        assert_eq!(parse_clock_duration("9:21"), Some(561_000));
        assert_eq!(parse_clock_duration("1:00:00.5"), Some(3_600_500));
        assert_eq!(parse_clock_duration("0:61:00"), None);
        assert_eq!(parse_clock_duration("9"), None);
        assert_eq!(seconds_ms("Seconds", "0"), Ok(None));
        assert_eq!(seconds_ms("Seconds", "60"), Ok(Some(60_000)));
        assert_eq!(seconds_ms("duration_s", "1.2345"), Ok(Some(1_235)));
        assert!(seconds_ms("Seconds", "-1").is_err());
    }

    #[test]
    fn dates_in_the_layouts_apps_write() {
        assert_eq!(
            parse_time("2019-01-04 18:41:35"),
            Some((local(2019, 1, 4, 18, 41, 35), true))
        );
        assert_eq!(
            parse_time("2019-01-04 18:41"),
            Some((local(2019, 1, 4, 18, 41, 0), true))
        );
        assert_eq!(
            parse_time("2019-01-04T18:41:35"),
            Some((local(2019, 1, 4, 18, 41, 35), true))
        );
        assert_eq!(
            parse_time("04/01/2019 18:41"),
            Some((local(2019, 1, 4, 18, 41, 0), true))
        );
        assert_eq!(
            parse_time("26 Jul 2025, 07:06"),
            Some((local(2025, 7, 26, 7, 6, 0), true))
        );
        assert_eq!(
            parse_time("8 Apr 2026, 16:50"),
            Some((local(2026, 4, 8, 16, 50, 0), true))
        );
        assert_eq!(
            parse_time("2019-03-04"),
            Some((local(2019, 3, 4, 0, 0, 0), false))
        );
        let exact = chrono::FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2024, 5, 1, 7, 30, 0)
            .unwrap();
        assert_eq!(
            parse_time("2024-05-01T07:30:00+01:00"),
            Some((CsvTime::Exact(exact), true))
        );
        assert!(matches!(
            parse_time("2024-01-15T10:00:00.000Z"),
            Some((CsvTime::Exact(_), true))
        ));
        assert_eq!(parse_time("13/13/2019 10:00"), None);
        assert_eq!(parse_time("yesterday"), None);
        assert_eq!(
            time_cell("Date", "nope"),
            Err("Date: 'nope' is not a date".to_string())
        );
    }

    #[test]
    fn headers_normalise_to_words() {
        assert_eq!(normalise_header("Weight (kg)"), "weight kg");
        assert_eq!(normalise_header("\u{feff}Date"), "date");
        assert_eq!(normalise_header("Wdh."), "wdh");
        assert_eq!(
            normalise_header("Nom de l'entraînement"),
            "nom de l entraînement"
        );
        assert_eq!(normalise_header(" Set 1 (KG)"), "set 1 kg");
        assert_eq!(normalise_header("\"Workout #\""), "workout");
        assert_eq!(normalise_header("Is Warmup Set?"), "is warmup set");
        assert_eq!(normalise_header("ÜBUNG"), "übung");
    }

    #[test]
    fn names_are_cut_on_character_boundaries() {
        let long = "Ж".repeat(300);
        assert_eq!(name(&long).chars().count(), MAX_NAME_CHARS);
        assert_eq!(name("  Жим лёжа  "), "Жим лёжа");
        assert_eq!(opt_name("  "), None);
        assert_eq!(quote("a\u{0}b"), "a?b");
    }

    #[test]
    fn times_of_day_and_flags() {
        assert_eq!(
            parse_time_of_day("7:37 PM"),
            NaiveTime::from_hms_opt(19, 37, 0)
        );
        assert_eq!(
            parse_time_of_day("19:37"),
            NaiveTime::from_hms_opt(19, 37, 0)
        );
        assert_eq!(flag("Is Warmup Set?", "1"), Ok(true));
        assert_eq!(flag("Is Warmup Set?", ""), Ok(false));
        assert!(flag("Is Warmup Set?", "maybe").is_err());
    }
}
