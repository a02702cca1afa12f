//! Sync by file: export the synced rows, merge another device's export, and
//! keep a shared folder of exports merged.
//!
//! Heft has no server. Every device writes its whole history to one file;
//! every other device merges that file row by row, last writer wins by
//! clock stamp ([`crate::hlc`]). [`format`] is the file, [`merge`] the
//! per-row decision and its transaction, [`tables`] which columns travel and
//! what values are valid, [`folder`] the shared-folder protocol.

mod error;
pub mod folder;
pub mod format;
pub mod merge;
pub(crate) mod tables;

pub use error::SyncError;
pub use folder::{FileWarning, MergedFile, SyncReport};
pub use format::{
    FORMAT_MINOR, FORMAT_VERSION, Header, MAX_WORK_FACTOR, Passphrase, TableHeader,
    WRITE_WORK_FACTOR,
};
pub use merge::{Action, MergeReport, TableRows, decide};
