//! The sync folder: one `<device-id>.heft` per device in a folder that a
//! file-sync service (Syncthing, iCloud Drive, Google Drive, Dropbox)
//! replicates.
//!
//! Each device only ever writes its own file, and writes it atomically
//! (temporary file, fsync, rename, fsync of the folder), so the service never
//! replicates half a file from us. Files from others may still be half
//! copied when we look, or not Heft files at all; those are skipped with a
//! warning and picked up on a later sync, never fatal.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::merge::MergeReport;
use crate::{Error, Result};

/// A file in the folder that was merged, and what it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MergedFile {
    /// The file.
    pub path: PathBuf,
    /// What merging it changed.
    pub report: MergeReport,
}

/// A file in the folder that was not merged, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FileWarning {
    /// The file.
    pub path: PathBuf,
    /// Why it was skipped.
    pub reason: String,
}

/// What a folder sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SyncReport {
    /// Files merged, with what each changed.
    pub merged: Vec<MergedFile>,
    /// Files already merged in their current state.
    pub unchanged: Vec<PathBuf>,
    /// Files skipped, with the reason.
    pub warnings: Vec<FileWarning>,
    /// This device's file, when it was (re)written.
    pub written: Option<PathBuf>,
    /// This device's content hash after the sync.
    pub content_hash: String,
    /// Set when this sync found another copy of this database writing
    /// under this device's id and gave this one a new id (this value); see
    /// [`super::MergeReport::new_device_id`].
    pub new_device_id: Option<String>,
}

/// The file name a device writes.
pub fn file_name(device_id: &str) -> String {
    format!("{device_id}.heft")
}

/// The other devices' export files in `dir`, sorted by name (hidden and
/// temporary files are left out).
pub(crate) fn candidates(dir: &Path, own: &str) -> Result<Vec<PathBuf>> {
    let entries = fs::read_dir(dir).map_err(|source| Error::Io {
        context: format!("reading the sync folder {}", dir.display()),
        source,
    })?;
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') || !name.ends_with(".heft") || name == own {
            continue;
        }
        if entry.file_type().map(|t| t.is_file()).unwrap_or(false) {
            out.push(entry.path());
        }
    }
    out.sort();
    Ok(out)
}

/// Size and modification time of a file: a cheap "has it changed" token.
/// Temporaries older than this are left over from a write that was killed.
const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes this device's temporaries in `dir` (`.<own>.tmp-<pid>`) left by a
/// write that was killed before its rename: an hour old or more, so a write
/// still running in another process of this device keeps its file. Returns
/// how many were removed; a file that cannot be removed is left for the
/// next run.
pub(crate) fn remove_stale_temporaries(dir: &Path, own: &str) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let prefix = format!(".{own}.tmp-");
    let now = std::time::SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(pid) = name.strip_prefix(&prefix) else {
            continue;
        };
        if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age >= STALE_TEMPORARY);
        if old
            && entry.file_type().is_ok_and(|t| t.is_file())
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

pub(crate) fn fingerprint(path: &Path) -> Option<String> {
    let meta = fs::metadata(path).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(format!("{}:{}", meta.len(), modified.as_nanos()))
}

/// Writes `path` atomically: a temporary file beside it is written and
/// flushed to storage, then renamed over `path`, then the folder is flushed,
/// so `path` is always either the old file or the whole new one.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let io = |what: &str, source: std::io::Error| Error::Io {
        context: format!("{what} {}", path.display()),
        source,
    };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("export.heft");
    let tmp = match dir {
        Some(d) => d.join(format!(".{name}.tmp-{}", std::process::id())),
        None => PathBuf::from(format!(".{name}.tmp-{}", std::process::id())),
    };
    let result = (|| {
        let mut file = File::create(&tmp).map_err(|e| io("creating a temporary file for", e))?;
        {
            let mut buffered = std::io::BufWriter::new(&mut file);
            write(&mut buffered)?;
            buffered.flush().map_err(|e| io("writing", e))?;
        }
        file.sync_all().map_err(|e| io("flushing", e))?;
        fs::rename(&tmp, path).map_err(|e| io("replacing", e))?;
        if let Some(d) = dir {
            // A folder fsync makes the rename itself durable; not every
            // platform allows opening a folder, and the file is whole anyway.
            if let Ok(f) = File::open(d) {
                let _ = f.sync_all();
            }
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn lists_other_devices_files_only() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "b.heft",
            "a.heft",
            "mine.heft",
            ".a.heft.tmp-1",
            "notes.txt",
        ] {
            fs::write(dir.path().join(name), b"x").unwrap();
        }
        fs::create_dir(dir.path().join("c.heft")).unwrap();
        let found = candidates(dir.path(), "mine.heft").unwrap();
        let names: Vec<_> = found
            .iter()
            .map(|p| p.file_name().unwrap().to_str().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["a.heft", "b.heft"]);
    }

    #[test]
    fn stale_temporaries_of_this_device_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            ".mine.heft.tmp-123",   // stale: removed
            ".mine.heft.tmp-456",   // fresh: another write may be running
            ".other.heft.tmp-123",  // another device's
            ".mine.heft.tmp-notes", // not a temporary of ours
            "mine.heft",
        ];
        for name in names {
            fs::write(dir.path().join(name), b"x").unwrap();
        }
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
        for name in names.iter().filter(|n| **n != ".mine.heft.tmp-456") {
            File::options()
                .write(true)
                .open(dir.path().join(name))
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        assert_eq!(remove_stale_temporaries(dir.path(), "mine.heft"), 1);
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".mine.heft.tmp-456",
                ".mine.heft.tmp-notes",
                ".other.heft.tmp-123",
                "mine.heft"
            ]
        );
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.heft");
        fs::write(&path, b"old").unwrap();
        let err = write_atomically(&path, |w| {
            w.write_all(b"half").unwrap();
            Err(Error::Cancelled)
        });
        assert!(matches!(err, Err(Error::Cancelled)));
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        write_atomically(&path, |w| {
            w.write_all(b"new").map_err(|source| Error::Io {
                context: "test".into(),
                source,
            })
        })
        .unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }
}
