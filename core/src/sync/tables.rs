//! The synced tables, column by column: what an export carries and what an
//! import accepts.
//!
//! One declarative list drives export, merge and the content hash, so the
//! three cannot disagree about which columns travel. Each column says what a
//! valid value is; an incoming row is checked against it before it is
//! written, so a damaged or hostile file cannot store a value the rest of
//! the core would fail to read.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use rusqlite::types::ValueRef;
use serde::de::{self, Deserialize, Deserializer, Visitor};

use crate::model::{EffortSource, Equipment, Measure, Muscle, Pattern, SetKind, SetRole};
use crate::progression::RunState;
use crate::validate;

/// What a valid value of a column is.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    /// Text of at most this many bytes.
    Text(usize),
    /// One of these names.
    Name(&'static [&'static str]),
    /// An integer in this range.
    Int(i64, i64),
    /// A finite number in this range.
    Real(f64, f64),
    /// 0 or 1.
    Flag,
    /// JSON text of at most this many bytes, checked by a function.
    Json(usize, fn(&str) -> Result<(), String>),
    /// A calendar date, `YYYY-MM-DD`.
    Date,
}

/// One column of a synced table (besides its key, `hlc` and `deleted`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    /// Column name, as in the schema and the export header.
    pub name: &'static str,
    /// Valid values.
    pub kind: Kind,
    /// Whether NULL is allowed.
    pub nullable: bool,
}

/// A synced table.
#[derive(Debug)]
pub(crate) struct Table {
    /// Table name.
    pub name: &'static str,
    /// Primary-key column.
    pub key: &'static str,
    /// Longest key accepted, in bytes.
    pub key_max: usize,
    /// The other columns, in export order.
    pub columns: &'static [Column],
    /// Extra condition on rows that travel (built-in exercises do not: every
    /// device seeds them from its own catalog).
    pub filter: &'static str,
}

const fn col(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: false,
    }
}

const fn opt(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: true,
    }
}

/// Longest id accepted (a UUID is 36 bytes; built-in slugs are shorter).
const ID: usize = 64;
/// Longest free text accepted, in bytes (notes are limited in characters).
const TEXT: usize = validate::MAX_NOTE_CHARS * 4;
/// Longest name accepted, in bytes.
const NAME: usize = validate::MAX_NAME_CHARS * 4;
/// Longest custom program source accepted.
pub(crate) const MAX_PROGRAM_BYTES: usize = 256 * 1024;
/// Milliseconds since the epoch from 1900 to 2200.
const MS: Kind = Kind::Int(-2_208_988_800_000, 7_258_118_400_000);
/// UTC offsets in minutes.
const OFFSET: Kind = Kind::Int(-18 * 60, 18 * 60);
/// Thousandths of a unit, far beyond any real load or distance.
const MILLI: Kind = Kind::Int(-1_000_000_000_000, 1_000_000_000_000);
const WEIGHT_UNITS: Kind = Kind::Name(&["kg", "lb"]);
const EFFORT: Kind = Kind::Real(0.0, 10.0);

fn json_names<T: serde::de::DeserializeOwned>(text: &str) -> Result<(), String> {
    serde_json::from_str::<Vec<T>>(text)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn json_strings(text: &str) -> Result<(), String> {
    json_names::<String>(text)
}

fn json_muscles(text: &str) -> Result<(), String> {
    json_names::<Muscle>(text)
}

fn json_run_state(text: &str) -> Result<(), String> {
    serde_json::from_str::<RunState>(text)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Every synced table, parents before children (the order of export, merge
/// and hash).
pub(crate) static TABLES: &[Table] = &[
    Table {
        name: "profile",
        key: "field",
        key_max: 64,
        columns: &[col("value", Kind::Text(TEXT))],
        filter: "",
    },
    Table {
        name: "exercise",
        key: "id",
        key_max: ID,
        columns: &[
            col("name", Kind::Text(NAME)),
            col("aliases", Kind::Json(TEXT, json_strings)),
            col("pattern", Kind::Name(Pattern::NAMES)),
            col("equipment", Kind::Name(Equipment::NAMES)),
            col("measure", Kind::Name(Measure::NAMES)),
            col("muscles", Kind::Json(TEXT, json_muscles)),
            col("unilateral", Kind::Flag),
            col("axial", Kind::Flag),
            col("spinal_flexion", Kind::Flag),
            col("spinal_rotation", Kind::Flag),
            col("impact", Kind::Flag),
        ],
        filter: "builtin = 0",
    },
    Table {
        name: "program",
        key: "id",
        key_max: ID,
        columns: &[col("source", Kind::Text(MAX_PROGRAM_BYTES))],
        filter: "",
    },
    Table {
        name: "program_run",
        key: "id",
        key_max: ID,
        columns: &[
            col("program_id", Kind::Text(ID)),
            col("started_on", Kind::Date),
            opt("ended_on", Kind::Date),
            col("state", Kind::Json(MAX_PROGRAM_BYTES, json_run_state)),
        ],
        filter: "",
    },
    Table {
        name: "workout",
        key: "id",
        key_max: ID,
        columns: &[
            opt("name", Kind::Text(NAME)),
            col("started_at_ms", MS),
            col("offset_min", OFFSET),
            opt("finished_at_ms", MS),
            opt("duration_s", Kind::Int(0, 7 * 24 * 3600)),
            opt("note", Kind::Text(TEXT)),
            opt("run_id", Kind::Text(ID)),
        ],
        filter: "",
    },
    Table {
        name: "set_entry",
        key: "id",
        key_max: ID,
        columns: &[
            col("workout_id", Kind::Text(ID)),
            col("exercise_id", Kind::Text(ID)),
            col("position", Kind::Int(0, 1_000_000)),
            col("performed_at_ms", MS),
            col("offset_min", OFFSET),
            col("kind", Kind::Name(SetKind::NAMES)),
            col("load_type", Kind::Name(&["none", "weight", "bodyweight"])),
            opt("weight_milli", MILLI),
            opt("weight_unit", WEIGHT_UNITS),
            opt("reps", Kind::Int(0, validate::MAX_REPS as i64)),
            opt("rir", EFFORT),
            opt("rpe", EFFORT),
            opt(
                "duration_ms",
                Kind::Int(0, validate::MAX_DURATION_MS as i64),
            ),
            opt("distance_milli", MILLI),
            opt("distance_unit", Kind::Name(&["m", "km", "mi"])),
            opt("landings", Kind::Int(0, validate::MAX_LANDINGS as i64)),
            opt(
                "drop_height_cm",
                Kind::Real(0.0, validate::MAX_DROP_HEIGHT_CM),
            ),
            opt("pain", Kind::Int(0, 10)),
            opt("note", Kind::Text(TEXT)),
            opt("target_weight_milli", MILLI),
            opt("target_weight_unit", WEIGHT_UNITS),
            opt("target_reps", Kind::Int(0, validate::MAX_REPS as i64)),
            opt("target_rir", EFFORT),
            opt("role", Kind::Name(SetRole::NAMES)),
            opt("effort_source", Kind::Name(EffortSource::NAMES)),
            opt("band", Kind::Text(NAME)),
        ],
        filter: "",
    },
    Table {
        name: "measurement",
        key: "id",
        key_max: ID,
        columns: &[
            col("kind", Kind::Text(64)),
            opt("site", Kind::Text(64)),
            col("value", Kind::Real(-1e9, 1e9)),
            col("unit", Kind::Text(32)),
            col("measured_at_ms", MS),
            col("offset_min", OFFSET),
            opt("note", Kind::Text(TEXT)),
        ],
        filter: "",
    },
];

/// Most columns of a newer minor version kept per table: a newer version
/// adds a few; a file with many more is hostile.
pub(crate) const MAX_NEWER_COLUMNS: usize = 16;
/// Longest name of a newer column or table, in bytes.
pub(crate) const MAX_NEWER_NAME: usize = 64;
/// Longest text value of a newer column, in bytes.
pub(crate) const MAX_NEWER_TEXT: usize = 4096;
/// Longest `newer_columns` object of one row, in bytes.
pub(crate) const MAX_NEWER_ROW_BYTES: usize = 16 * 1024;

/// Whether `name` can name a column or table of a newer version: a
/// lowercase letter, then lowercase letters, digits and `_`, as every name
/// of the format so far.
pub(crate) fn is_newer_name(name: &str) -> bool {
    name.len() <= MAX_NEWER_NAME
        && name.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Adds one incoming value of a newer column to the `newer_columns` object
/// being built in `out` (names must come in ascending order, so equal
/// values give equal text on every device). Null is left out: an absent
/// value and null are the same. Only null, numbers and text up to
/// [`MAX_NEWER_TEXT`] bytes are kept; the error says why a value is not.
pub(crate) fn push_newer_value(
    out: &mut Vec<u8>,
    name: &str,
    value: &Cell<'_>,
) -> Result<(), String> {
    let start = out.len();
    out.push(if out.is_empty() { b'{' } else { b',' });
    push_json_str(out, name);
    out.push(b':');
    match value {
        Cell::Null => {
            out.truncate(start);
            return Ok(());
        }
        Cell::Int(n) => {
            let _ = std::io::Write::write_fmt(out, format_args!("{n}"));
        }
        Cell::Real(x) if x.is_finite() => push_json_real(out, *x),
        Cell::Text(s) if s.len() <= MAX_NEWER_TEXT => push_json_str(out, s),
        Cell::Text(_) => {
            out.truncate(start);
            return Err(format!(
                "a value of a newer version longer than {MAX_NEWER_TEXT} bytes"
            ));
        }
        Cell::Real(_) | Cell::BigInt(_) | Cell::Other => {
            out.truncate(start);
            return Err("a value of a newer version must be null, a 64-bit number or text".into());
        }
    }
    if out.len() + 1 > MAX_NEWER_ROW_BYTES {
        return Err(format!(
            "the values of newer versions in this row exceed {MAX_NEWER_ROW_BYTES} bytes"
        ));
    }
    Ok(())
}

/// Closes an object built by [`push_newer_value`]: its text, or `None`
/// when it holds no value.
pub(crate) fn finish_newer(out: &mut Vec<u8>) -> Option<&str> {
    if out.is_empty() {
        return None;
    }
    out.push(b'}');
    std::str::from_utf8(out).ok()
}

/// The names in a stored `newer_columns` object (none when it is not one).
pub(crate) fn newer_names(stored: &str) -> Vec<String> {
    serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(stored)
        .map(|m| m.into_iter().map(|(k, _)| k).collect())
        .unwrap_or_default()
}

/// The values of `names` in a stored `newer_columns` object, in that order;
/// null for a name it lacks.
pub(crate) fn newer_values(stored: Option<&str>, names: &[String]) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value;
    let map = stored
        .and_then(|s| serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(s).ok())
        .unwrap_or_default();
    names
        .iter()
        .map(|name| match map.get(name) {
            Some(serde_json::Value::Number(n)) => match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => Value::Integer(i),
                (None, Some(x)) => Value::Real(x),
                (None, None) => Value::Null,
            },
            Some(serde_json::Value::String(s)) => Value::Text(s.clone()),
            _ => Value::Null,
        })
        .collect()
}

/// The table named `name`.
pub(crate) fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

impl Table {
    /// `SELECT key, columns..., hlc, deleted, newer_columns FROM table`,
    /// with the travel filter.
    pub fn select_sql(&self, by_key: bool) -> String {
        let cols: Vec<&str> = self.columns.iter().map(|c| c.name).collect();
        let mut sql = format!(
            "SELECT {}, {}, hlc, deleted, newer_columns FROM {}",
            self.key,
            cols.join(", "),
            self.name
        );
        let mut conditions = Vec::new();
        if !self.filter.is_empty() {
            conditions.push(self.filter.to_owned());
        }
        if by_key {
            conditions.push(format!("{} = ?1", self.key));
        }
        if !conditions.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&conditions.join(" AND "));
        }
        if !by_key {
            sql.push_str(&format!(" ORDER BY {}", self.key));
        }
        sql
    }

    /// `INSERT ... ON CONFLICT DO UPDATE` of a whole row, the values of
    /// newer columns included: a row that wins replaces them too.
    pub fn upsert_sql(&self) -> String {
        let cols: Vec<&str> = self.columns.iter().map(|c| c.name).collect();
        let all = format!(
            "{}, {}, hlc, deleted, newer_columns",
            self.key,
            cols.join(", ")
        );
        let params: Vec<String> = (1..=cols.len() + 4).map(|i| format!("?{i}")).collect();
        let sets: Vec<String> = cols
            .iter()
            .chain(["hlc", "deleted", "newer_columns"].iter())
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        format!(
            "INSERT INTO {} ({all}) VALUES ({}) ON CONFLICT ({}) DO UPDATE SET {}",
            self.name,
            params.join(", "),
            self.key,
            sets.join(", ")
        )
    }
}

/// The text in column `i` of `row`, borrowed.
pub(crate) fn text_at<'r>(row: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(i)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Whether column `i` of `row` (a `deleted` column) is not 0.
pub(crate) fn flag_at(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<bool> {
    Ok(row.get::<_, i64>(i)? != 0)
}

/// A row as one line of an export (no newline): a JSON array
/// `["table", "key", "hlc", deleted, [values...]]`. Deterministic, so equal
/// rows give equal bytes on every device.
pub(crate) fn write_line<'v>(
    table: &Table,
    key: &str,
    hlc: &str,
    deleted: bool,
    values: impl IntoIterator<Item = ValueRef<'v>>,
    out: &mut Vec<u8>,
) {
    out.push(b'[');
    push_json_str(out, table.name);
    out.push(b',');
    push_json_str(out, key);
    out.push(b',');
    push_json_str(out, hlc);
    out.extend_from_slice(if deleted { b",1,[" } else { b",0,[" });
    for (i, v) in values.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        match v {
            ValueRef::Null => out.extend_from_slice(b"null"),
            ValueRef::Integer(n) => {
                // Writing into a Vec cannot fail.
                let _ = std::io::Write::write_fmt(out, format_args!("{n}"));
            }
            ValueRef::Real(x) => push_json_real(out, x),
            // Text is UTF-8 (checked on the way in); anything else is
            // written as SQLite would show it rather than fail.
            ValueRef::Text(s) => push_json_str(out, &String::from_utf8_lossy(s)),
            // No synced column holds a blob; write null rather than fail.
            ValueRef::Blob(_) => out.extend_from_slice(b"null"),
        }
    }
    out.extend_from_slice(b"]]");
}

fn push_json_str(out: &mut Vec<u8>, s: &str) {
    // serde_json's escaping is the one the reader undoes; writing into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}

fn push_json_real(out: &mut Vec<u8>, x: f64) {
    if x.is_finite() {
        // Always with a decimal point or exponent, so a reader keeps it a REAL.
        let _ = serde_json::to_writer(&mut *out, &x);
        if x.fract() == 0.0 && x.abs() < 1e15 && !out.ends_with(b".0") {
            out.extend_from_slice(b".0");
        }
    } else {
        out.extend_from_slice(b"null");
    }
}

/// Text of a row line, borrowed from the line unless it holds escapes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Text<'l>(pub Cow<'l, str>);

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'l, 'l> Deserialize<'de> for Text<'l> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'l>(PhantomData<&'l ()>);
        impl<'de: 'l, 'l> Visitor<'de> for V<'l> {
            type Value = Text<'l>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(s)))
            }
        }
        d.deserialize_str(V(PhantomData))
    }
}

/// One value of a row line as parsed: what JSON holds, text borrowed from
/// the line unless it holds escapes. Read like [`serde_json::Value`] (a
/// whole number reads as a number too), without an allocation per value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell<'l> {
    /// `null`.
    Null,
    /// A whole number that fits `i64`.
    Int(i64),
    /// A whole number above `i64::MAX`.
    BigInt(u64),
    /// A number with a fraction or exponent.
    Real(f64),
    /// A string.
    Text(Cow<'l, str>),
    /// `true`, `false`, an array or an object: no column holds one.
    Other,
}

impl Cell<'_> {
    fn is_null(&self) -> bool {
        matches!(self, Cell::Null)
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Cell::Text(s) => Some(s),
            _ => None,
        }
    }

    fn as_i64(&self) -> Option<i64> {
        match self {
            Cell::Int(n) => Some(*n),
            _ => None,
        }
    }

    fn as_f64(&self) -> Option<f64> {
        match self {
            Cell::Int(n) => Some(*n as f64),
            Cell::BigInt(n) => Some(*n as f64),
            Cell::Real(x) => Some(*x),
            _ => None,
        }
    }
}

impl<'de: 'l, 'l> Deserialize<'de> for Cell<'l> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'l>(PhantomData<&'l ()>);
        impl<'de: 'l, 'l> Visitor<'de> for V<'l> {
            type Value = Cell<'l>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any valid JSON value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Cell::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Cell::Null)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Cell::Other)
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
                Ok(Cell::Int(n))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
                Ok(i64::try_from(n).map_or(Cell::BigInt(n), Cell::Int))
            }
            fn visit_f64<E: de::Error>(self, x: f64) -> Result<Self::Value, E> {
                Ok(Cell::Real(x))
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Cell::Text(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Cell::Text(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Self::Value, E> {
                Ok(Cell::Text(Cow::Owned(s)))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(Cell::Other)
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Cell::Other)
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// The values of a row line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cells<'l>(pub Vec<Cell<'l>>);

impl<'de: 'l, 'l> Deserialize<'de> for Cells<'l> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'l>(PhantomData<&'l ()>);
        impl<'de: 'l, 'l> Visitor<'de> for V<'l> {
            type Value = Cells<'l>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                // Room for the widest table's values (JSON gives no length).
                let mut cells = Vec::with_capacity(32);
                while let Some(cell) = seq.next_element()? {
                    cells.push(cell);
                }
                Ok(Cells(cells))
            }
        }
        d.deserialize_seq(V(PhantomData))
    }
}

/// Checks one incoming value against its column and gives it as SQLite
/// will store it; the error says why it is refused.
pub(crate) fn check_value<'v>(
    column: &Column,
    value: &'v Cell<'_>,
) -> Result<ValueRef<'v>, String> {
    if value.is_null() {
        return if column.nullable {
            Ok(ValueRef::Null)
        } else {
            Err("missing (null)".into())
        };
    }
    match column.kind {
        Kind::Text(max) => {
            let s = value.as_str().ok_or("expected text")?;
            if s.len() > max {
                return Err(format!("longer than {max} bytes"));
            }
            Ok(ValueRef::Text(s.as_bytes()))
        }
        Kind::Name(names) => {
            let s = value.as_str().ok_or("expected text")?;
            if !names.contains(&s) {
                let shown: String = s.chars().take(40).collect();
                return Err(format!("'{shown}' is not one of {}", names.join(", ")));
            }
            Ok(ValueRef::Text(s.as_bytes()))
        }
        Kind::Int(lo, hi) => {
            let n = value.as_i64().ok_or("expected a whole number")?;
            if n < lo || n > hi {
                return Err(format!("{n} is outside {lo}..={hi}"));
            }
            Ok(ValueRef::Integer(n))
        }
        Kind::Real(lo, hi) => {
            let x = value.as_f64().ok_or("expected a number")?;
            if !x.is_finite() || x < lo || x > hi {
                return Err(format!("{x} is outside {lo}..={hi}"));
            }
            Ok(ValueRef::Real(x))
        }
        Kind::Flag => match value.as_i64() {
            Some(n @ (0 | 1)) => Ok(ValueRef::Integer(n)),
            _ => Err("expected 0 or 1".into()),
        },
        Kind::Json(max, check) => {
            let s = value.as_str().ok_or("expected JSON text")?;
            if s.len() > max {
                return Err(format!("longer than {max} bytes"));
            }
            check(s)?;
            Ok(ValueRef::Text(s.as_bytes()))
        }
        Kind::Date => {
            let s = value.as_str().ok_or("expected a date")?;
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| format!("'{}' is not a YYYY-MM-DD date", truncated(s)))?;
            Ok(ValueRef::Text(s.as_bytes()))
        }
    }
}

fn truncated(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::{Value as JsonValue, json};

    #[test]
    fn every_table_matches_the_schema() {
        let conn = crate::store::open_in_memory(0).unwrap();
        for t in TABLES {
            conn.prepare(&t.select_sql(false)).unwrap();
            conn.prepare(&t.select_sql(true)).unwrap();
            conn.prepare(&t.upsert_sql()).unwrap();
        }
    }

    #[test]
    fn every_synced_column_of_the_schema_travels() {
        // A column added to a synced table by a migration but not listed here
        // would silently stay on one device.
        let conn = crate::store::open_in_memory(0).unwrap();
        for t in TABLES {
            let mut stmt = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{}')", t.name))
                .unwrap();
            let names: Vec<String> = stmt
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            for name in names {
                let listed = name == t.key
                    || name == "hlc"
                    || name == "deleted"
                    || (t.name == "exercise" && name == "builtin")
                    // What a CSV import read for the row: local.
                    || (matches!(t.name, "workout" | "set_entry") && name == "import_digest")
                    // Travels too, as the columns it names.
                    || name == "newer_columns"
                    || t.columns.iter().any(|c| c.name == name);
                assert!(listed, "{}.{name} is not synced", t.name);
            }
        }
    }

    #[test]
    fn a_line_is_deterministic_json() {
        let t = table("set_entry").unwrap();
        let mut values = vec![ValueRef::Null; t.columns.len()];
        values[0] = ValueRef::Text(b"w\"1");
        values[3] = ValueRef::Integer(-5);
        values[10] = ValueRef::Real(2.0);
        values[11] = ValueRef::Real(8.5);
        let mut out = Vec::new();
        write_line(t, "s1", "h", true, values, &mut out);
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with(r#"["set_entry","s1","h",1,["w\"1",null,null,-5,"#));
        assert!(text.contains(",2.0,8.5,"), "{text}");
        let parsed: JsonValue = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed[4][10], json!(2.0));
    }

    /// `check_value` of `json`, parsed as a row line's value is.
    fn check(column: &Column, json: serde_json::Value) -> Result<rusqlite::types::Value, String> {
        let text = json.to_string();
        let cell: Cell<'_> = serde_json::from_str(&text).unwrap();
        check_value(column, &cell).map(|v| rusqlite::types::Value::try_from(v).unwrap())
    }

    #[test]
    fn values_are_checked_against_their_column() {
        use rusqlite::types::Value;
        let reps = Column {
            name: "reps",
            kind: Kind::Int(0, 1000),
            nullable: true,
        };
        assert_eq!(check(&reps, json!(5)).unwrap(), Value::Integer(5));
        assert_eq!(check(&reps, JsonValue::Null).unwrap(), Value::Null);
        assert!(check(&reps, json!(-1)).unwrap_err().contains("outside"));
        assert!(check(&reps, json!(2.5)).is_err());
        assert!(check(&reps, json!("5")).is_err());
        assert!(check(&reps, json!(true)).is_err());
        assert!(check(&reps, json!([5])).is_err());
        assert!(check(&reps, json!(u64::MAX)).is_err());
        let kind = Column {
            name: "kind",
            kind: Kind::Name(SetKind::NAMES),
            nullable: false,
        };
        assert!(check(&kind, JsonValue::Null).is_err());
        assert!(
            check(&kind, json!("sideways"))
                .unwrap_err()
                .contains("working")
        );
        let rpe = Column {
            name: "rpe",
            kind: Kind::Real(0.0, 10.0),
            nullable: true,
        };
        // A whole number in a real column is stored as a real.
        assert_eq!(check(&rpe, json!(8)).unwrap(), Value::Real(8.0));
        assert_eq!(check(&rpe, json!(8.5)).unwrap(), Value::Real(8.5));
        assert!(check(&rpe, json!({"x": 1})).is_err());
        let muscles = table("exercise").unwrap().columns[5];
        assert!(check(&muscles, json!("[\"quads\"]")).is_ok());
        assert!(check(&muscles, json!("[\"wings\"]")).is_err());
        let date = Column {
            name: "d",
            kind: Kind::Date,
            nullable: false,
        };
        assert!(check(&date, json!("2026-02-30")).is_err());
    }

    /// The `newer_columns` object built from `(name, JSON value)` pairs.
    fn newer(pairs: &[(&str, JsonValue)]) -> Result<Option<String>, String> {
        let mut out = Vec::new();
        for (name, v) in pairs {
            let text = v.to_string();
            let cell: Cell<'_> = serde_json::from_str(&text).unwrap();
            push_newer_value(&mut out, name, &cell)?;
        }
        Ok(finish_newer(&mut out).map(str::to_owned))
    }

    #[test]
    fn values_of_newer_columns_are_kept_as_canonical_scalars() {
        use rusqlite::types::Value;
        let kept = newer(&[
            ("bar_speed", json!(0.5)),
            ("cadence", JsonValue::Null),
            ("reps_in_tank", json!(2)),
            ("tempo", json!("3-1-1\"0")),
            ("whole", json!(2.0)),
        ])
        .unwrap()
        .unwrap();
        // Null is left out; a whole real stays a real.
        assert_eq!(
            kept,
            r#"{"bar_speed":0.5,"reps_in_tank":2,"tempo":"3-1-1\"0","whole":2.0}"#
        );
        let names: Vec<String> = ["cadence", "reps_in_tank", "tempo", "whole"]
            .map(String::from)
            .into();
        assert_eq!(
            newer_values(Some(&kept), &names),
            [
                Value::Null,
                Value::Integer(2),
                Value::Text("3-1-1\"0".into()),
                Value::Real(2.0)
            ]
        );
        assert_eq!(
            newer_names(&kept),
            ["bar_speed", "reps_in_tank", "tempo", "whole"]
        );
        // Only nulls: nothing to keep.
        assert_eq!(newer(&[("tempo", JsonValue::Null)]).unwrap(), None);
        // Not scalars, or too large: refused.
        for bad in [json!(true), json!([1]), json!({"a": 1}), json!(u64::MAX)] {
            assert!(newer(&[("x", bad.clone())]).is_err(), "{bad}");
        }
        let long = "x".repeat(MAX_NEWER_TEXT + 1);
        assert!(newer(&[("x", json!(long))]).unwrap_err().contains("longer"));
        let fits = "x".repeat(MAX_NEWER_TEXT);
        let many: Vec<(String, JsonValue)> = (0..5)
            .map(|i| (format!("c{i}"), json!(fits.clone())))
            .collect();
        let many: Vec<(&str, JsonValue)> =
            many.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
        assert!(newer(&many).unwrap_err().contains("exceed"));
    }

    #[test]
    fn names_of_newer_columns_and_tables_are_plain() {
        assert!(is_newer_name("tempo"));
        assert!(is_newer_name("heart_rate2"));
        for bad in [
            "",
            "Tempo",
            "2x",
            "_x",
            "a-b",
            "a b",
            "a\"",
            &"x".repeat(65),
        ] {
            assert!(!is_newer_name(bad), "{bad}");
        }
    }

    #[test]
    fn text_is_borrowed_from_the_line_unless_escaped() {
        let cells: Vec<Cell<'_>> =
            serde_json::from_str(r#"["plain","a\"b",null,-3,18446744073709551615,2.5,true]"#)
                .unwrap();
        assert!(matches!(&cells[0], Cell::Text(Cow::Borrowed("plain"))));
        assert!(matches!(&cells[1], Cell::Text(Cow::Owned(s)) if s == "a\"b"));
        assert_eq!(
            cells[2..],
            [
                Cell::Null,
                Cell::Int(-3),
                Cell::BigInt(u64::MAX),
                Cell::Real(2.5),
                Cell::Other
            ]
        );
    }
}
