//! Fault injection for tests of Heft and of the crates built on it (the
//! CLI's, the integration tests): compiled only for tests and with the
//! `testing` feature, never into an app.

use std::io::{Error, ErrorKind, Result};
use std::path::Path;

/// Overwrites a leaf page of `table`'s b-tree (one in the middle) with
/// garbage, as failing storage might; returns how many rows it held. Walks
/// the b-tree from the table's root page as the SQLite file format
/// describes it (the bundled SQLite has no `dbstat` table). The database
/// must be closed, its log checkpointed into the file.
pub fn damage_a_leaf_of(path: &Path, table: &str) -> Result<usize> {
    let bad = |what: String| Error::new(ErrorKind::InvalidData, what);
    let (page_size, root) = {
        let conn = rusqlite::Connection::open(path).map_err(|e| bad(e.to_string()))?;
        let page_size: i64 = conn
            .pragma_query_value(None, "page_size", |r| r.get(0))
            .map_err(|e| bad(e.to_string()))?;
        let root: i64 = conn
            .query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .map_err(|e| bad(e.to_string()))?;
        (
            usize::try_from(page_size).map_err(|e| bad(e.to_string()))?,
            usize::try_from(root).map_err(|e| bad(e.to_string()))?,
        )
    };
    let mut bytes = std::fs::read(path)?;
    let byte = |b: &[u8], i: usize| b.get(i).copied().ok_or_else(|| bad(format!("no byte {i}")));
    let u16_at = |b: &[u8], i: usize| -> Result<usize> {
        Ok(usize::from(u16::from_be_bytes([
            byte(b, i)?,
            byte(b, i + 1)?,
        ])))
    };
    let mut page = root;
    loop {
        let start = (page.checked_sub(1).ok_or_else(|| bad("page 0".into()))?) * page_size;
        // Page 1 starts with the file's 100-byte header.
        let header = start + if page == 1 { 100 } else { 0 };
        let cells = u16_at(&bytes, header + 3)?;
        match byte(&bytes, header)? {
            // A table leaf: this one.
            0x0D => {
                bytes
                    .get_mut(start..start + page_size)
                    .ok_or_else(|| bad(format!("page {page} past the end")))?
                    .fill(0xA5);
                std::fs::write(path, &bytes)?;
                return Ok(cells);
            }
            // An interior page: down the middle child.
            0x05 => {
                let cell = start + u16_at(&bytes, header + 12 + 2 * (cells / 2))?;
                let child = [
                    byte(&bytes, cell)?,
                    byte(&bytes, cell + 1)?,
                    byte(&bytes, cell + 2)?,
                    byte(&bytes, cell + 3)?,
                ];
                page =
                    usize::try_from(u32::from_be_bytes(child)).map_err(|e| bad(e.to_string()))?;
            }
            other => return Err(bad(format!("page {page} of {table} has type {other}"))),
        }
    }
}
