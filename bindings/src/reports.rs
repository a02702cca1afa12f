//! Records for the sync and export results whose core form cannot cross
//! the FFI: they hold tuples (`(table, rows)`, `(file, report)`) and
//! `PathBuf`s, which uniffi has no mapping for. Each is a field-by-field
//! copy made by one `From`; the core types stay the source of truth.

use std::path::Path;

fn path_text(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// Rows of one table.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TableRows {
    /// Table name.
    pub table: String,
    /// Rows.
    pub rows: u64,
}

fn tables(list: Vec<(String, u64)>) -> Vec<TableRows> {
    list.into_iter()
        .map(|(table, rows)| TableRows { table, rows })
        .collect()
}

/// What an export wrote (`heft_core::ExportSummary`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExportSummary {
    /// The file written.
    pub path: Option<String>,
    /// Rows per table.
    pub rows: Vec<TableRows>,
    /// The content hash of what was exported.
    pub content_hash: String,
    /// Whether the file is passphrase-encrypted.
    pub encrypted: bool,
}

impl From<heft_core::ExportSummary> for ExportSummary {
    fn from(s: heft_core::ExportSummary) -> Self {
        ExportSummary {
            path: s.path.as_deref().map(path_text),
            rows: tables(s.rows),
            content_hash: s.content_hash,
            encrypted: s.encrypted,
        }
    }
}

/// What merging one export file did (`heft_core::sync::MergeReport`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MergeReport {
    /// The device that wrote the file.
    pub device_id: String,
    /// When the file was written (RFC 3339).
    pub created_at: String,
    /// Rows in the file.
    pub rows_read: u64,
    /// Rows new here.
    pub added: u64,
    /// Rows replaced by a newer version.
    pub updated: u64,
    /// Rows already the same or newer here.
    pub unchanged: u64,
    /// Of `added` and `updated`, how many were deletions.
    pub deletions: u64,
    /// Per table: rows added or updated.
    pub changed_by_table: Vec<TableRows>,
}

impl From<heft_core::sync::MergeReport> for MergeReport {
    fn from(r: heft_core::sync::MergeReport) -> Self {
        MergeReport {
            device_id: r.device_id,
            created_at: r.created_at,
            rows_read: r.rows_read,
            added: r.added,
            updated: r.updated,
            unchanged: r.unchanged,
            deletions: r.deletions,
            changed_by_table: tables(r.changed_by_table),
        }
    }
}

/// One file a folder sync merged.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MergedFile {
    /// The file.
    pub path: String,
    /// What it changed.
    pub report: MergeReport,
}

/// A file a folder sync skipped.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FileWarning {
    /// The file.
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

/// What a folder sync did (`heft_core::sync::SyncReport`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncReport {
    /// Files merged, with what each changed.
    pub merged: Vec<MergedFile>,
    /// Files already merged in their current state.
    pub unchanged: Vec<String>,
    /// Files skipped, with the reason.
    pub warnings: Vec<FileWarning>,
    /// This device's file, when it was (re)written.
    pub written: Option<String>,
    /// This device's content hash after the sync.
    pub content_hash: String,
}

impl From<heft_core::sync::SyncReport> for SyncReport {
    fn from(r: heft_core::sync::SyncReport) -> Self {
        SyncReport {
            merged: r
                .merged
                .into_iter()
                .map(|(p, report)| MergedFile {
                    path: path_text(&p),
                    report: report.into(),
                })
                .collect(),
            unchanged: r.unchanged.iter().map(|p| path_text(p)).collect(),
            warnings: r
                .warnings
                .into_iter()
                .map(|w| FileWarning {
                    path: path_text(&w.path),
                    reason: w.reason,
                })
                .collect(),
            written: r.written.as_deref().map(path_text),
            content_hash: r.content_hash,
        }
    }
}
