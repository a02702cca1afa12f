//! The workouts of one page of the History screen: the newest local days
//! with a live workout before a day, read newest first over the index
//! `workout_started`, so a page of ten years reads its own workouts and a
//! day's margin of others, never the whole table.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::rows::{self, WORKOUT_COLUMNS};
use crate::Result;
use crate::model::{Workout, utc_ms_covering};

/// One page: the days (newest first), each with its live workouts
/// (newest first), and whether a live workout is older than the page.
pub(crate) struct DaysPage {
    /// The page's days, newest first, each with its workouts, newest first.
    pub days: Vec<(NaiveDate, Vec<Workout>)>,
    /// A live workout started on a local day older than the page's oldest.
    pub more: bool,
}

/// The newest `days` local days before `before` (every day when `None`)
/// that have a live workout with a live set, with those workouts. Local days are the
/// days the workouts started in, in the offset they were logged in: after
/// travel the order in UTC need not be the order of local days, so the
/// scan runs until no older row can fall on a day of the page.
pub(crate) fn newest_days(
    conn: &Connection,
    before: Option<NaiveDate>,
    days: usize,
) -> Result<DaysPage> {
    let upper = match before {
        // Every instant of a local day before `before`, whatever its offset.
        Some(b) => match b.pred_opt() {
            Some(last) => utc_ms_covering(last, last).1,
            None => {
                return Ok(DaysPage {
                    days: Vec::new(),
                    more: false,
                });
            }
        },
        None => i64::MAX,
    };
    let sql = format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout w
         WHERE started_at_ms < ?1 AND deleted = 0
           AND EXISTS (SELECT 1 FROM set_entry s WHERE s.workout_id = w.id AND s.deleted = 0)
         ORDER BY started_at_ms DESC, id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([upper])?;
    let mut by_day: BTreeMap<NaiveDate, Vec<Workout>> = BTreeMap::new();
    let mut more = false;
    while let Some(row) = rows.next()? {
        let w = rows::workout(row)?;
        let day = w.started_at.local_date();
        if before.is_some_and(|b| day >= b) {
            continue;
        }
        if by_day.len() >= days
            && let Some(oldest) = by_day.keys().next()
        {
            // Started before the earliest instant of the page's oldest
            // day: this row, and every row after it, is on an older day.
            if w.started_at.utc_ms() < utc_ms_covering(*oldest, *oldest).0 {
                more = true;
                break;
            }
        }
        by_day.entry(day).or_default().push(w);
        if by_day.len() > days {
            by_day.pop_first();
            more = true;
        }
    }
    Ok(DaysPage {
        days: by_day.into_iter().rev().collect(),
        more,
    })
}
