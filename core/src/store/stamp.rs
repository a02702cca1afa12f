//! Clock stamps for the rows a write touches.
//!
//! Every synced row carries the hybrid logical clock stamp of its last
//! write. A [`Stamper`] is made at the start of a write transaction from
//! the last stamp this database issued, issues strictly increasing stamps
//! for the rows the write touches, and saves the last one with the write.

use chrono::{DateTime, FixedOffset};
use rusqlite::Connection;

use super::{meta_get, meta_set};
use crate::hlc::Hlc;
use crate::{Error, Result};

/// Issues the clock stamps of one write transaction.
#[derive(Debug)]
pub(crate) struct Stamper {
    last: Option<Hlc>,
    now: DateTime<FixedOffset>,
    device: String,
    issued: bool,
}

impl Stamper {
    /// A stamper for a transaction running at `now`, continuing from the
    /// last stamp this database saved.
    pub(crate) fn begin(conn: &Connection, now: DateTime<FixedOffset>) -> Result<Stamper> {
        let last = meta_get(conn, "hlc")?.and_then(|s| s.parse::<Hlc>().ok());
        Ok(Stamper {
            last,
            now,
            device: local_device_id(conn)?,
            issued: false,
        })
    }

    /// The next stamp, as stored.
    pub(crate) fn next(&mut self) -> String {
        let wall = u64::try_from(self.now.timestamp_millis()).unwrap_or(0);
        let hlc = Hlc::next(self.last.as_ref(), wall, &self.device);
        let text = hlc.to_string();
        self.last = Some(hlc);
        self.issued = true;
        text
    }

    /// The time of this transaction.
    pub(crate) fn now(&self) -> DateTime<FixedOffset> {
        self.now
    }

    /// Saves the last stamp issued, if any, so the next write continues after it.
    pub(crate) fn save(&self, conn: &Connection) -> Result<()> {
        match (&self.last, self.issued) {
            (Some(last), true) => meta_set(conn, "hlc", &last.to_string()),
            _ => Ok(()),
        }
    }
}

/// This database's device id, as `meta` holds it.
pub(crate) fn local_device_id(conn: &Connection) -> Result<String> {
    meta_get(conn, "device_id")?.ok_or_else(|| Error::BadRow {
        table: "meta",
        column: "device_id",
        reason: "missing".into(),
    })
}
