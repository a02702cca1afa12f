//! Sync: this device, the other devices seen and when, what the last sync
//! or import merged, and the actions export, import and folder sync. The
//! last result is kept (`SyncRecord`) so the screen shows it after a
//! restart.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::form::{SetupAction, SetupActionKind};
use super::{EmptyState, Tone};
use crate::sync::{MergeReport, SyncError};
use crate::text::{Arg, Language, Text};

/// The Sync screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SyncScreen {
    /// The language it is written in.
    pub language: Language,
    /// The heading.
    pub title: String,
    /// This device.
    pub device: DeviceRow,
    /// The other devices whose files were merged here, the most recently
    /// seen first.
    pub devices: Vec<DeviceRow>,
    /// Shown instead of `devices` when there are none.
    pub empty: Option<EmptyState>,
    /// What the last sync or import did; null before the first.
    pub last: Option<SyncResult>,
    /// `sync_folder`, `import`, `export`.
    pub actions: Vec<SetupAction>,
}

/// A device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeviceRow {
    /// Its id (32 hex digits).
    pub id: String,
    /// Its name: "This device", "Device 1a2b3c4d".
    pub name: String,
    /// "Last seen Mon 7 Dec", or this device's id in short.
    pub detail: String,
}

/// What the last sync or import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SyncResult {
    /// "Last sync Mon 7 Dec", "Last import Mon 7 Dec".
    pub title: String,
    /// "14 sets, 1 workout new or changed", "Nothing new".
    pub summary: String,
    /// `good` when something was merged, `caution` when a file was not,
    /// else `neutral`.
    pub tone: Tone,
    /// One row per file read.
    pub files: Vec<SyncFileRow>,
}

/// A file the last sync or import read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SyncFileRow {
    /// The file's name.
    pub name: String,
    /// What it brought, or why it was not merged.
    pub text: String,
    /// `good`, `neutral` (nothing new) or `caution` (not merged).
    pub tone: Tone,
}

/// A sync or import as kept in the local `meta` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncRecord {
    /// A folder sync or one file imported.
    pub kind: SyncKind,
    /// When, UTC milliseconds.
    pub at_ms: i64,
    /// Each file read.
    pub files: Vec<FileRecord>,
}

/// What was synced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncKind {
    /// One file imported.
    Import,
    /// The files of a sync folder.
    Folder,
}

/// A file read, and what came of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRecord {
    /// Its name.
    pub name: String,
    /// What came of it.
    pub outcome: FileOutcome,
}

/// What came of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum FileOutcome {
    /// Merged: rows new or changed, per table.
    Merged {
        /// Per table: rows added or updated.
        by_table: Vec<(String, u64)>,
    },
    /// Nothing in it was new here.
    Unchanged,
    /// Not merged; nothing of it was written.
    Refused {
        /// Why, as a code: `empty`, `not_an_export`, `needs_passphrase`,
        /// `wrong_passphrase`, `newer_version`, `damaged`, `unreadable`.
        reason: String,
    },
}

impl FileOutcome {
    /// What merging a file reported.
    pub fn of_report(report: &MergeReport) -> FileOutcome {
        if report.changed() {
            FileOutcome::Merged {
                by_table: report
                    .changed_by_table
                    .iter()
                    .map(|t| (t.table.clone(), t.rows))
                    .collect(),
            }
        } else {
            FileOutcome::Unchanged
        }
    }

    /// A file that could not be merged.
    pub fn refused(e: &SyncError) -> FileOutcome {
        let reason = match e {
            SyncError::Empty => "empty",
            SyncError::NotAnExport => "not_an_export",
            SyncError::NeedsPassphrase | SyncError::EmptyPassphrase => "needs_passphrase",
            SyncError::WrongPassphrase => "wrong_passphrase",
            SyncError::UnsupportedVersion { .. } | SyncError::UnknownColumn { .. } => {
                "newer_version"
            }
            SyncError::Read(_) => "unreadable",
            SyncError::Encryption(_)
            | SyncError::Truncated(_)
            | SyncError::Corrupt(_)
            | SyncError::TooLarge { .. }
            | SyncError::BadRow { .. } => "damaged",
        };
        FileOutcome::Refused {
            reason: reason.to_owned(),
        }
    }
}

/// Another device as the store knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherDevice {
    /// Its id.
    pub id: String,
    /// The local day a file of it was last merged here, or else of its
    /// newest change seen.
    pub last_seen: Option<NaiveDate>,
}

/// What the builder needs.
pub struct SyncInput<'a> {
    /// This device's id.
    pub device_id: &'a str,
    /// The others.
    pub devices: &'a [OtherDevice],
    /// The last sync or import, with its local day.
    pub last: Option<(&'a SyncRecord, NaiveDate)>,
}

/// A device id as people read it: its last 8 digits (the id's start is a
/// time, equal for devices set up the same day).
fn short_id(id: &str) -> &str {
    id.get(id.len().saturating_sub(8)..).unwrap_or(id)
}

/// The Sync screen.
pub fn build(input: &SyncInput, text: &Text) -> SyncScreen {
    let mut devices: Vec<&OtherDevice> = input.devices.iter().collect();
    devices.sort_by(|a, b| b.last_seen.cmp(&a.last_seen).then(a.id.cmp(&b.id)));
    let devices: Vec<DeviceRow> = devices
        .into_iter()
        .map(|d| DeviceRow {
            id: d.id.clone(),
            name: text.with("sync-device-name", &[("id", short_id(&d.id).into())]),
            detail: match d.last_seen {
                Some(day) => text.with("sync-last-seen", &[("date", text.date(day).into())]),
                None => text.get("sync-never-seen"),
            },
        })
        .collect();
    let empty = devices.is_empty().then(|| EmptyState {
        title: text.get("sync-empty-title"),
        body: text.get("sync-empty-body"),
    });
    SyncScreen {
        language: text.language(),
        title: text.get("sync-title"),
        device: DeviceRow {
            id: input.device_id.to_owned(),
            name: text.get("sync-this-device"),
            detail: text.with(
                "sync-this-device-id",
                &[("id", short_id(input.device_id).into())],
            ),
        },
        devices,
        empty,
        last: input.last.map(|(record, day)| result(record, day, text)),
        actions: vec![
            SetupAction::new(SetupActionKind::SyncFolder, text.get("sync-action-folder")),
            SetupAction::new(SetupActionKind::Import, text.get("sync-action-import")),
            SetupAction::new(SetupActionKind::Export, text.get("sync-action-export")),
        ],
    }
}

/// Rows per table in words: "14 sets, 1 workout".
fn rows_in_words(by_table: &[(String, u64)], text: &Text) -> String {
    by_table
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(table, n)| {
            let id = match table.as_str() {
                "profile" | "exercise" | "program" | "program_run" | "workout" | "set_entry"
                | "measurement" => format!("sync-rows-{}", table.replace('_', "-")),
                // A table of a newer version: counted as rows.
                _ => "sync-rows-other".to_owned(),
            };
            text.with(&id, &[("count", Arg::Count(*n))])
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn result(record: &SyncRecord, day: NaiveDate, text: &Text) -> SyncResult {
    let mut total: Vec<(String, u64)> = Vec::new();
    let mut refused = false;
    let files = record
        .files
        .iter()
        .map(|f| match &f.outcome {
            FileOutcome::Merged { by_table } => {
                for (table, n) in by_table {
                    match total.iter_mut().find(|(t, _)| t == table) {
                        Some((_, sum)) => *sum = sum.saturating_add(*n),
                        None => total.push((table.clone(), *n)),
                    }
                }
                SyncFileRow {
                    name: f.name.clone(),
                    text: text.with(
                        "sync-file-merged",
                        &[("rows", rows_in_words(by_table, text).into())],
                    ),
                    tone: Tone::Good,
                }
            }
            FileOutcome::Unchanged => SyncFileRow {
                name: f.name.clone(),
                text: text.get("sync-file-unchanged"),
                tone: Tone::Neutral,
            },
            FileOutcome::Refused { reason } => {
                refused = true;
                SyncFileRow {
                    name: f.name.clone(),
                    text: text.with(
                        "sync-file-refused",
                        &[("reason", reason_words(reason, text).into())],
                    ),
                    tone: Tone::Caution,
                }
            }
        })
        .collect();
    let merged = !rows_in_words(&total, text).is_empty();
    let summary = if merged {
        text.with(
            "sync-summary-merged",
            &[("rows", rows_in_words(&total, text).into())],
        )
    } else if record.files.is_empty() {
        text.get("sync-summary-no-files")
    } else if record
        .files
        .iter()
        .all(|f| matches!(f.outcome, FileOutcome::Refused { .. }))
    {
        text.get("sync-summary-none-merged")
    } else {
        text.get("sync-summary-nothing-new")
    };
    let title_id = match record.kind {
        SyncKind::Import => "sync-last-import",
        SyncKind::Folder => "sync-last-folder",
    };
    SyncResult {
        title: text.with(title_id, &[("date", text.date(day).into())]),
        summary,
        tone: if refused {
            Tone::Caution
        } else if merged {
            Tone::Good
        } else {
            Tone::Neutral
        },
        files,
    }
}

/// Why a file was not merged, in words.
fn reason_words(reason: &str, text: &Text) -> String {
    let id = match reason {
        "empty" | "not_an_export" | "needs_passphrase" | "wrong_passphrase" | "newer_version"
        | "damaged" | "unreadable" => format!("sync-refused-{}", reason.replace('_', "-")),
        // A reason a newer version kept.
        _ => "sync-refused-damaged".to_owned(),
    };
    text.get(&id)
}
