//! Export, merge import, status and the sync folder on a [`Heft`] handle.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

use super::Heft;
use crate::hlc::Hlc;
use crate::progress::{NoProgress, Progress};
use crate::screens::sync::{FileOutcome, FileRecord, SyncKind};
use crate::store::stamp::local_device_id;
use crate::store::{self, SCHEMA_VERSION, meta_get, meta_set};
use crate::sync::folder::{self, FileWarning, SyncReport};
use crate::sync::format::{self, Passphrase};
use crate::sync::tables::TABLES;
use crate::sync::{MergeReport, MergedFile, SyncError, TableRows};
use crate::{Error, Result};

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExportSummary {
    /// The file, when written to one.
    pub path: Option<PathBuf>,
    /// Rows per table.
    pub rows: Vec<TableRows>,
    /// The content hash of what was exported.
    pub content_hash: String,
    /// Whether the file is passphrase-encrypted.
    pub encrypted: bool,
}

/// Rows of one synced table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TableCount {
    /// Table name.
    pub table: String,
    /// Live rows.
    pub live: u64,
    /// Tombstones.
    pub deleted: u64,
}

/// Another device this one has merged a file from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeviceSeen {
    /// Its id.
    pub id: String,
    /// The newest clock stamp seen from its files.
    pub last_hlc: Option<String>,
}

/// The state of this database as sync sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SyncStatus {
    /// This device's id.
    pub device_id: String,
    /// Schema version.
    pub schema_version: u32,
    /// Export format (major) version this build writes.
    pub format_version: u32,
    /// Export format minor version this build writes.
    pub format_minor: u32,
    /// SHA-256 over every synced row: equal on devices that hold the same data.
    pub content_hash: String,
    /// Rows per synced table.
    pub tables: Vec<TableCount>,
    /// Other devices merged from.
    pub devices: Vec<DeviceSeen>,
    /// The newest clock stamp issued or seen.
    pub clock: Option<String>,
}

impl Heft {
    /// Writes every synced row to `out` as a `.heft` export, encrypted when a
    /// passphrase is given.
    pub fn export_to(
        &self,
        out: &mut dyn Write,
        passphrase: Option<&Passphrase>,
    ) -> Result<ExportSummary> {
        self.ensure_sound()?;
        let created_at = self.now().to_rfc3339();
        let written = self.read_snapshot(|conn| {
            format::write_export(
                conn,
                &local_device_id(conn)?,
                &created_at,
                SCHEMA_VERSION,
                passphrase,
                out,
            )
        })?;
        Ok(ExportSummary {
            path: None,
            rows: written
                .header
                .tables
                .iter()
                .map(|t| TableRows {
                    table: t.name.clone(),
                    rows: t.rows,
                })
                .collect(),
            content_hash: written.header.content_sha256,
            encrypted: passphrase.is_some(),
        })
    }

    /// Writes an export to `path` atomically (the old file, if any, stays
    /// whole until the new one is complete and on storage).
    pub fn export_file(
        &self,
        path: &Path,
        passphrase: Option<&Passphrase>,
    ) -> Result<ExportSummary> {
        let mut summary = None;
        folder::write_atomically(path, |out| {
            summary = Some(self.export_to(out, passphrase)?);
            Ok(())
        })?;
        let mut summary = summary.ok_or(Error::Cancelled)?;
        summary.path = Some(path.to_path_buf());
        Ok(summary)
    }

    /// Merges an export file into this database in one transaction: all of
    /// it or, on any error, none of it. A file with the content merged last
    /// from its device (the same file again, or a copy) is only checked
    /// (header, body length and checksum) and reported unchanged: merging
    /// it again could change nothing.
    pub fn import_file(
        &self,
        path: &Path,
        passphrase: Option<&Passphrase>,
        progress: &dyn Progress,
    ) -> Result<MergeReport> {
        let report = self.import_file_unrecorded(path, passphrase, progress)?;
        self.keep_record(
            SyncKind::Import,
            vec![FileRecord {
                name: file_name_of(path),
                outcome: FileOutcome::of_report(&report),
            }],
        )?;
        Ok(report)
    }

    /// [`Heft::import_file`], not kept as the last sync (a folder's sync
    /// keeps one record of all its files).
    fn import_file_unrecorded(
        &self,
        path: &Path,
        passphrase: Option<&Passphrase>,
        progress: &dyn Progress,
    ) -> Result<MergeReport> {
        let open = || -> Result<Box<dyn Read>> {
            let file = std::fs::File::open(path).map_err(|source| Error::Io {
                context: format!("opening {}", path.display()),
                source,
            })?;
            Ok(Box::new(file))
        };
        self.import_checked(&open, passphrase, progress)
    }

    /// Merges an export opened (as often as needed) by `open`: a plain
    /// file is read and verified whole before the merge takes the write
    /// lock, so a damaged or hostile file (a compression bomb) never
    /// blocks logging while it is read. Content merged before is only
    /// checked by its compressed body, under the lock, as always. An
    /// encrypted file is verified as it is merged: decrypting twice would
    /// double the scrypt cost, and only the person's own devices know the
    /// passphrase.
    pub(crate) fn import_checked<'a>(
        &self,
        open: &dyn Fn() -> Result<Box<dyn Read + 'a>>,
        passphrase: Option<&Passphrase>,
        progress: &dyn Progress,
    ) -> Result<MergeReport> {
        let mut head = [0u8; format::AGE_MAGIC.len()];
        let n = std::io::Read::read(&mut open()?, &mut head).unwrap_or(0);
        if !head[..n].starts_with(format::AGE_MAGIC) {
            let mut reader = format::open_export(open()?, None).map_err(Error::Sync)?;
            let merged_key = format!("merged:{}", reader.header.device_id);
            let merged = self.read(|c| meta_get(c, &merged_key))?;
            if merged.as_deref() != Some(reader.header.content_sha256.as_str()) {
                reader.verify_rows().map_err(Error::Sync)?;
            }
        }
        self.import_from(open()?, passphrase, progress)
    }

    /// Merges an export read from `input`; see [`Heft::import_file`].
    pub fn import_from(
        &self,
        input: Box<dyn Read + '_>,
        passphrase: Option<&Passphrase>,
        progress: &dyn Progress,
    ) -> Result<MergeReport> {
        let mut reader = format::open_export(input, passphrase).map_err(Error::Sync)?;
        let now_ms = self.now().timestamp_millis();
        self.write(|tx, _| {
            // The content merged last from the file's device. Merging the
            // same content again changes nothing, whatever happened here
            // since: after a merge every row of it is here with an equal or
            // newer stamp, no synced row is ever removed (a deletion is a
            // tombstone), and every later change to a row (an edit, undo, a
            // CSV import, another merge, a revived parent) gives it a newer
            // stamp. So every row would be kept, and with nothing changed
            // nothing else is done (no revived parents, the undo history
            // kept, the device's newest stamp and the clock already past
            // them). Only the file's integrity is still checked.
            let merged_key = format!("merged:{}", reader.header.device_id);
            if meta_get(tx, &merged_key)?.as_deref() == Some(reader.header.content_sha256.as_str())
            {
                reader.verify_body().map_err(Error::Sync)?;
                let report = already_merged(&reader.header, progress)?;
                note_seen(tx, &report.device_id, now_ms)?;
                return Ok(report);
            }
            let merged = crate::sync::merge::merge(tx, &mut reader, progress)?;
            let mut report = merged.report;
            note_device(tx, &report.device_id, merged.newest.as_ref(), now_ms)?;
            note_seen(tx, &report.device_id, now_ms)?;
            if let Some(newest) = &merged.newest {
                advance_clock(tx, newest)?;
            }
            if merged.written_by_a_copy {
                report.new_device_id = Some(crate::store::take_new_device_id(tx, now_ms)?);
            }
            report.writer_clock_ahead_min = clock_ahead_min(&report.created_at, now_ms);
            if report.changed() {
                // Undo entries describe rows as they were before the merge;
                // replaying one now could silently revert another device's edit.
                crate::store::undo_journal::clear(tx)?;
            }
            meta_set(tx, &merged_key, &reader.header.content_sha256)?;
            Ok(report)
        })
    }

    /// SHA-256 over every synced row (see [`SyncStatus::content_hash`]).
    pub fn content_hash(&self) -> Result<String> {
        self.read_snapshot(format::content_hash)
    }

    /// Device, schema, content hash and row counts.
    pub fn sync_status(&self) -> Result<SyncStatus> {
        self.read_snapshot(|conn| {
            let mut tables = Vec::new();
            for t in TABLES {
                let (live, deleted) = store::row_counts(conn, t.name, t.filter)?;
                tables.push(TableCount {
                    table: t.name.into(),
                    live,
                    deleted,
                });
            }
            let devices = store::devices::others(conn)?
                .into_iter()
                .map(|(id, last_hlc)| DeviceSeen { id, last_hlc })
                .collect();
            Ok(SyncStatus {
                device_id: local_device_id(conn)?,
                schema_version: SCHEMA_VERSION,
                format_version: format::FORMAT_VERSION,
                format_minor: format::FORMAT_MINOR,
                content_hash: format::content_hash(conn)?,
                tables,
                devices,
                clock: meta_get(conn, "hlc")?,
            })
        })
    }

    /// Merges every other device's export in `dir`, then writes this
    /// device's own `<device-id>.heft` there atomically. A file that cannot
    /// be merged is skipped with a warning; the others still merge.
    pub fn sync_folder(
        &self,
        dir: &Path,
        passphrase: Option<&Passphrase>,
        progress: &dyn Progress,
    ) -> Result<SyncReport> {
        if !dir.is_dir() {
            return Err(Error::Io {
                context: format!("the sync folder {}", dir.display()),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "not a folder"),
            });
        }
        let own = folder::file_name(&self.device_id()?);
        // A sync or export killed mid-write left its temporary behind.
        folder::remove_stale_temporaries(dir, &own);
        let mut report = SyncReport::default();
        let mut records = Vec::new();
        let mut candidates = folder::candidates(dir, &own)?;
        // This device's own file, changed since this device wrote it: another
        // copy of this database (a phone restored from this one's backup)
        // writes under the same id. It is merged like any other file; the
        // merge then gives this database a new id, and the file stays the
        // copy's.
        let own_path = dir.join(&own);
        if let Some(print) = folder::fingerprint(&own_path) {
            let written = self.read(|c| meta_get(c, &written_key(&own_path)))?;
            // `<hash>:<sealed>:<fingerprint>`; the fingerprint has a ':' too.
            let written_print = written.as_deref().and_then(|w| w.splitn(3, ':').nth(2));
            if written_print != Some(print.as_str()) {
                candidates.insert(0, own_path);
            }
        }
        self.forget_gone_files(dir, &candidates)?;
        for path in candidates {
            let seen_key = seen_key(dir, &path);
            let print = folder::fingerprint(&path);
            let seen = self.read(|c| meta_get(c, &seen_key))?;
            if print.is_some() && seen == print {
                records.push(FileRecord {
                    name: file_name_of(&path),
                    outcome: FileOutcome::Unchanged,
                });
                report.unchanged.push(path);
                continue;
            }
            // A file refused before is not read again until its bytes change:
            // a bad or hostile file must not cost minutes on every sync.
            let refused_key = refused_key(dir, &path);
            let digest = file_digest(&path);
            if let Some(digest) = &digest
                && let Some(earlier) = self.read(|c| meta_get(c, &refused_key))?
                && let Some((d, reason)) = earlier.split_once('\t')
                && d == digest
            {
                records.push(FileRecord {
                    name: file_name_of(&path),
                    outcome: FileOutcome::Refused {
                        reason: REFUSED_BEFORE.to_owned(),
                    },
                });
                report.warnings.push(FileWarning {
                    path,
                    reason: format!(
                        "skipped: refused before and unchanged since ({reason}); it is read again when the file changes"
                    ),
                });
                continue;
            }
            match self.import_file_unrecorded(&path, passphrase, progress) {
                Ok(merged) => {
                    if merged.new_device_id.is_some() {
                        report.new_device_id.clone_from(&merged.new_device_id);
                    }
                    self.write(|tx, _| {
                        if let Some(print) = &print {
                            meta_set(tx, &seen_key, print)?;
                        }
                        store::meta_delete(tx, &refused_key)?;
                        Ok(())
                    })?;
                    records.push(FileRecord {
                        name: file_name_of(&path),
                        outcome: FileOutcome::of_report(&merged),
                    });
                    if merged.changed() {
                        report.merged.push(MergedFile {
                            path,
                            report: merged,
                        });
                    } else {
                        report.unchanged.push(path);
                    }
                }
                Err(Error::Cancelled) => return Err(Error::Cancelled),
                Err(e) => {
                    let reason = e.to_string();
                    // Only the file's content is remembered as refused: a
                    // missing or wrong passphrase, or a read that failed,
                    // may go differently next time.
                    let content = matches!(&e, Error::Sync(s) if !matches!(
                        s,
                        SyncError::NeedsPassphrase
                            | SyncError::WrongPassphrase
                            | SyncError::EmptyPassphrase
                            | SyncError::Read(_)
                    ));
                    if content && let Some(digest) = &digest {
                        let value = format!("{digest}\t{reason}");
                        self.write(|tx, _| meta_set(tx, &refused_key, &value))?;
                    }
                    records.push(FileRecord {
                        name: file_name_of(&path),
                        outcome: match &e {
                            Error::Sync(s) => FileOutcome::refused(s),
                            _ => FileOutcome::Refused {
                                reason: "unreadable".to_owned(),
                            },
                        },
                    });
                    report.warnings.push(FileWarning { path, reason });
                }
            }
        }
        let hash = self.content_hash()?;
        // The id may have changed in this sync.
        let own_path = dir.join(folder::file_name(&self.device_id()?));
        let written_key = written_key(&own_path);
        let last_written = self.read(|c| meta_get(c, &written_key))?;
        // Whether the file is encrypted is part of what was written: adding
        // or dropping a passphrase rewrites the file.
        let sealed = if passphrase.is_some() { "age" } else { "plain" };
        let stamp = format!(
            "{hash}:{sealed}:{}",
            folder::fingerprint(&own_path).unwrap_or_default()
        );
        if last_written.as_deref() != Some(stamp.as_str()) {
            self.export_file(&own_path, passphrase)?;
            let stamp = format!(
                "{hash}:{sealed}:{}",
                folder::fingerprint(&own_path).unwrap_or_default()
            );
            self.write(|tx, _| meta_set(tx, &written_key, &stamp))?;
            report.written = Some(own_path);
        }
        report.content_hash = hash;
        self.keep_record(SyncKind::Folder, records)?;
        Ok(report)
    }

    /// Drops what was remembered about files of `dir` that are gone, so the
    /// memory of a folder does not grow with every file it ever held.
    fn forget_gone_files(&self, dir: &Path, present: &[PathBuf]) -> Result<()> {
        let kinds: [fn(&Path, &Path) -> String; 2] = [seen_key, refused_key];
        self.write(|tx, _| {
            for key_of in kinds {
                let prefix = key_of(dir, Path::new(""));
                let keep: std::collections::HashSet<String> =
                    present.iter().map(|p| key_of(dir, p)).collect();
                for key in store::meta_keys_with_prefix(tx, &prefix)? {
                    if !keep.contains(&key) {
                        store::meta_delete(tx, &key)?;
                    }
                }
            }
            Ok(())
        })
    }

    /// [`Heft::import_file`] without progress reports.
    pub fn import_file_quietly(
        &self,
        path: &Path,
        passphrase: Option<&Passphrase>,
    ) -> Result<MergeReport> {
        self.import_file(path, passphrase, &NoProgress)
    }
}

/// The reason kept for a file refused before and unchanged since: its
/// content was refused, which only a damaged or foreign file is.
const REFUSED_BEFORE: &str = "damaged";

/// A file's name, for the Sync screen.
fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The `meta` key remembering what this device last wrote to its own file
/// of a sync folder: `<content hash>:<plain|age>:<fingerprint>`.
fn written_key(own_path: &Path) -> String {
    format!("written:{}", own_path.display())
}

/// The meta key remembering that a file of a sync folder was refused: its
/// SHA-256 and the reason.
fn refused_key(dir: &Path, file: &Path) -> String {
    folder_key("refused", dir, file)
}

/// SHA-256 of a file's bytes, read in a stream; `None` when it cannot be read.
fn file_digest(path: &Path) -> Option<String> {
    use sha2::{Digest, Sha256};
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher).ok()?;
    Some(crate::sync::format::hex(&hasher.finalize()))
}

/// The `meta` key remembering the state of a file in a sync folder.
fn seen_key(dir: &Path, file: &Path) -> String {
    folder_key("seen", dir, file)
}

/// `<kind>:<folder>/<file name>`: a `meta` key about a file of a sync folder.
fn folder_key(kind: &str, dir: &Path, file: &Path) -> String {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{kind}:{}/{name}", dir.display())
}

/// The report of merging a file whose content was merged before: every row
/// unchanged, but those of tables of a newer version, skipped as before.
fn already_merged(header: &format::Header, progress: &dyn Progress) -> Result<MergeReport> {
    let rows = header
        .tables
        .iter()
        .fold(0u64, |sum, t| sum.saturating_add(t.rows));
    crate::progress::Ticker::new(progress, rows).done(rows)?;
    let skipped_tables: Vec<TableRows> = header
        .tables
        .iter()
        .filter(|t| crate::sync::tables::table(&t.name).is_none())
        .map(|t| TableRows {
            table: t.name.clone(),
            rows: t.rows,
        })
        .collect();
    let skipped = skipped_tables
        .iter()
        .fold(0u64, |sum, t| sum.saturating_add(t.rows));
    Ok(MergeReport {
        device_id: header.device_id.clone(),
        created_at: header.created_at.clone(),
        rows_read: rows,
        unchanged: rows.saturating_sub(skipped),
        skipped_tables,
        ..MergeReport::default()
    })
}

/// The `meta` key of when a file of another device was last merged here
/// (UTC ms), whatever it changed: when the Sync screen last saw it.
pub(crate) fn seen_device_key(device: &str) -> String {
    format!("device-seen:{device}")
}

/// Records that a file of `device` was merged now (not for this device's
/// own file, which a copy of this database may have written).
fn note_seen(conn: &Connection, device: &str, now_ms: i64) -> Result<()> {
    if store::devices::is_local(conn, device)? == Some(true) {
        return Ok(());
    }
    meta_set(conn, &seen_device_key(device), &now_ms.to_string())
}

/// Records the device a file came from and the newest stamp seen from it.
fn note_device(conn: &Connection, device: &str, newest: Option<&Hlc>, now_ms: i64) -> Result<()> {
    let valid = device.len() == 32
        && device
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !valid {
        return Err(Error::Sync(SyncError::Corrupt(
            "the header's device id is malformed".into(),
        )));
    }
    if store::devices::is_local(conn, device)? == Some(true) {
        return Ok(());
    }
    let newest = newest.map(ToString::to_string);
    store::devices::note_other(conn, device, now_ms, newest.as_deref())
}

/// How many whole minutes `created_at` (the writer's clock when it wrote a
/// file) is ahead of `now_ms`, when more than the notice threshold.
fn clock_ahead_min(created_at: &str, now_ms: i64) -> Option<u64> {
    let written = chrono::DateTime::parse_from_rfc3339(created_at).ok()?;
    let ahead_ms = written.timestamp_millis().checked_sub(now_ms)?;
    let min = u64::try_from(ahead_ms / 60_000).ok()?;
    (min > crate::sync::merge::CLOCK_AHEAD_NOTICE_MIN).then_some(min)
}

/// Moves this device's clock past every stamp seen, so its next write is
/// newer than anything it has merged. A stamp from a clock that ran ahead
/// moves it ahead too: writes made here after seeing a row must win over
/// that row on every device, and only a stamp past it does
/// (docs/adr/0004-clocks-that-ran-ahead.md).
fn advance_clock(conn: &Connection, seen: &Hlc) -> Result<()> {
    let seen = seen.as_observed();
    let current = meta_get(conn, "hlc")?.and_then(|s| s.parse::<Hlc>().ok());
    if current.as_ref().is_none_or(|c| seen > *c) {
        meta_set(conn, "hlc", &seen.to_string())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::clock_ahead_min;

    #[test]
    fn a_writer_clock_is_reported_only_when_well_ahead() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-01T12:00:00+00:00")
            .unwrap()
            .timestamp_millis();
        assert_eq!(clock_ahead_min("2026-03-01T12:10:00+00:00", now), None);
        assert_eq!(clock_ahead_min("2026-03-01T12:11:00+00:00", now), Some(11));
        // Time zones do not matter: the same instant written at UTC+2.
        assert_eq!(
            clock_ahead_min("2026-03-03T14:00:59+02:00", now),
            Some(2 * 24 * 60)
        );
        assert_eq!(
            clock_ahead_min("2026-02-27T12:00:00+00:00", now),
            None,
            "an old file"
        );
        assert_eq!(clock_ahead_min("not a time", now), None);
    }
}
