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

/// Live workouts with a live set started before `?1`, newest first: over
/// the index `workout_started`, streaming (ties on the start sorted among
/// themselves), so the scan stops where the page does.
fn page_sql() -> String {
    format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout w
         WHERE started_at_ms < ?1 AND deleted = 0
           AND EXISTS (SELECT 1 FROM set_entry s WHERE s.workout_id = w.id AND s.deleted = 0)
         ORDER BY started_at_ms DESC, id DESC"
    )
}

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
    let mut stmt = conn.prepare_cached(&page_sql())?;
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_page_reads_the_workouts_over_their_start_index_without_sorting_them_all() {
        let conn = crate::store::open_in_memory(0).unwrap();
        let plan: Vec<String> = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", page_sql()))
            .unwrap()
            .query_map([0], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let plan = plan.join("\n");
        assert!(plan.contains("USING INDEX workout_started"), "{plan}");
        assert!(plan.contains("USING INDEX set_entry_workout"), "{plan}");
        // Only ties on the start are sorted, as they come.
        assert!(!plan.contains("SCAN w"), "{plan}");
        assert!(!plan.contains("USE TEMP B-TREE FOR ORDER BY"), "{plan}");
    }
}
