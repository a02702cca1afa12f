//! The Sync screen on a [`Heft`] handle, and sync over what a phone hands
//! over: bytes of documents (Storage Access Framework, security-scoped
//! URLs), never paths. The shell reads and writes the files; the merging,
//! what was seen and what to write back are decided here, with the same
//! merge as [`Heft::import_file`].

use std::io::{Cursor, Read};

use chrono::{DateTime, NaiveDate};
use serde::Serialize;

use super::Heft;
use super::sync::{ExportSummary, seen_device_key};
use crate::hlc::Hlc;
use crate::progress::NoProgress;
use crate::screens::SyncScreen;
use crate::screens::sync::{
    self as screen, FileOutcome, FileRecord, OtherDevice, SyncInput, SyncKind, SyncRecord,
};
use crate::store::stamp::local_device_id;
use crate::store::{self, meta_get, meta_set};
use crate::sync::SyncError;
use crate::sync::folder;
use crate::sync::format::Passphrase;
use crate::text::{Language, Text};
use crate::{Error, Result};

/// The `meta` key of the last sync or import (a [`SyncRecord`] as JSON).
const LAST_SYNC_KEY: &str = "last-sync";
/// The `meta` key of what this device last handed back for its own
/// document of a sync folder: `<content hash>:<plain|age>:<sha256>`.
const DOCUMENT_WRITTEN_KEY: &str = "document-written";
/// Longest file name kept for the Sync screen, in characters.
const MAX_NAME: usize = 200;

/// A file as a phone hands it over: its name and its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SyncDocument {
    /// The file's name in its folder (`<device id>.heft`).
    pub name: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// An export to hand to the phone's file picker or share sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExportFile {
    /// A file name to suggest: `heft-2026-12-07.heft`.
    pub name: String,
    /// The file's content.
    pub bytes: Vec<u8>,
    /// What it holds.
    pub summary: ExportSummary,
}

/// What a sync over a folder's documents came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FolderSync {
    /// The Sync screen after it, with what was merged.
    pub screen: SyncScreen,
    /// This device's own document to write into the folder (replacing the
    /// one of that name), or null when the folder already holds it as it
    /// would be written.
    pub write: Option<SyncDocument>,
}

impl Heft {
    /// The Sync screen: this device, the other devices seen and when, and
    /// what the last sync or import merged.
    pub fn sync_screen(&self, language: Language) -> Result<SyncScreen> {
        self.sync_screen_in(&Text::new(language))
    }

    fn sync_screen_in(&self, text: &Text) -> Result<SyncScreen> {
        let offset = *self.now().offset();
        let day = move |ms: i64| -> Option<NaiveDate> {
            Some(
                DateTime::from_timestamp_millis(ms)?
                    .with_timezone(&offset)
                    .date_naive(),
            )
        };
        self.read_snapshot(|conn| {
            let device_id = local_device_id(conn)?;
            let mut devices = Vec::new();
            for (id, last_hlc) in store::devices::others(conn)? {
                let merged =
                    meta_get(conn, &seen_device_key(&id))?.and_then(|ms| ms.parse::<i64>().ok());
                let changed = last_hlc
                    .and_then(|h| h.parse::<Hlc>().ok())
                    .and_then(|h| i64::try_from(h.wall_ms).ok());
                devices.push(OtherDevice {
                    last_seen: merged.or(changed).and_then(day),
                    id,
                });
            }
            // A record this version cannot read is not shown.
            let last: Option<SyncRecord> =
                meta_get(conn, LAST_SYNC_KEY)?.and_then(|json| serde_json::from_str(&json).ok());
            let last = last.and_then(|r| day(r.at_ms).map(|d| (r, d)));
            Ok(screen::build(
                &SyncInput {
                    device_id: &device_id,
                    devices: &devices,
                    last: last.as_ref().map(|(r, d)| (r, *d)),
                },
                text,
            ))
        })
    }

    /// This device's data as an export file's bytes (encrypted with a
    /// passphrase), with a file name to suggest.
    pub fn export_bytes(&self, passphrase: Option<&Passphrase>) -> Result<ExportFile> {
        let mut bytes = Vec::new();
        let summary = self.export_to(&mut bytes, passphrase)?;
        Ok(ExportFile {
            name: format!("heft-{}.heft", self.now().date_naive()),
            bytes,
            summary,
        })
    }

    /// Merges an export file handed over as bytes (`name` is the file's
    /// name, for the screen and errors) in one transaction, and returns
    /// the Sync screen with what it merged. A file that is not a sound
    /// export changes nothing and fails with [`Error::SyncFile`] naming it.
    pub fn import_bytes(
        &self,
        bytes: &[u8],
        name: &str,
        passphrase: Option<&Passphrase>,
        language: Language,
    ) -> Result<SyncScreen> {
        let name: String = name.chars().take(MAX_NAME).collect();
        let open = || -> Result<Box<dyn Read + '_>> { Ok(Box::new(Cursor::new(bytes))) };
        let report = self
            .import_checked(&open, passphrase, &NoProgress)
            .map_err(|e| match e {
                Error::Sync(source) => Error::SyncFile {
                    file: name.clone(),
                    source: Box::new(source),
                },
                e => e,
            })?;
        self.keep_record(
            SyncKind::Import,
            vec![FileRecord {
                name,
                outcome: FileOutcome::of_report(&report),
            }],
        )?;
        self.sync_screen_in(&Text::new(language))
    }

    /// A CSV export of another app (Strong, Hevy, FitNotes, ...) as the
    /// shell read it, imported all or nothing as [`Heft::import_csv`]
    /// does; the Sync screen after it names the file and what it brought.
    /// A file that cannot be imported is an error and changes nothing.
    pub fn import_csv_bytes(
        &self,
        bytes: &[u8],
        name: &str,
        opts: &crate::CsvImportOptions,
        language: Language,
    ) -> Result<SyncScreen> {
        let name: String = name.chars().take(MAX_NAME).collect();
        let report = self.import_csv_from(
            Box::new(Cursor::new(bytes)),
            bytes.len() as u64,
            opts,
            &NoProgress,
        )?;
        if !opts.dry_run {
            let sets = report.added.saturating_add(report.updated);
            let outcome = if sets > 0 {
                FileOutcome::Merged {
                    by_table: vec![("set_entry".to_owned(), sets)],
                }
            } else {
                FileOutcome::Unchanged
            };
            self.keep_record(SyncKind::Import, vec![FileRecord { name, outcome }])?;
        }
        self.sync_screen_in(&Text::new(language))
    }

    /// A sync folder's files as the shell read them: merges every other
    /// device's document that changed since the last sync, each in its own
    /// transaction (one that cannot be merged is skipped and named on the
    /// screen; the others still merge), and returns this device's own
    /// document to write back, when it is not already there as it would
    /// be written. The shell holds no merge logic and touches no path.
    pub fn sync_documents(
        &self,
        documents: &[SyncDocument],
        passphrase: Option<&Passphrase>,
        language: Language,
    ) -> Result<FolderSync> {
        let own = folder::file_name(&self.device_id()?);
        let mut documents: Vec<&SyncDocument> = documents
            .iter()
            .filter(|d| !d.name.starts_with('.') && d.name.ends_with(".heft"))
            .collect();
        documents.sort_by(|a, b| a.name.cmp(&b.name));
        documents.dedup_by(|a, b| a.name == b.name);
        self.forget_gone_documents(&documents)?;
        let written = self.read(|c| meta_get(c, DOCUMENT_WRITTEN_KEY))?;
        let mut files = Vec::new();
        for doc in &documents {
            let digest = digest(&doc.bytes);
            // This device's own document, as it wrote it: nothing to merge.
            // Changed since, another copy of this database wrote it, and
            // it is merged like any other (the merge then gives this one a
            // new id).
            if doc.name == own
                && written.as_deref().and_then(|w| w.splitn(3, ':').nth(2)) == Some(&digest)
            {
                continue;
            }
            let name: String = doc.name.chars().take(MAX_NAME).collect();
            let seen_key = format!("document-seen:{name}");
            let refused_key = format!("document-refused:{name}");
            let (seen, refused) =
                self.read(|c| Ok((meta_get(c, &seen_key)?, meta_get(c, &refused_key)?)))?;
            if seen.as_deref() == Some(&digest) {
                files.push(FileRecord {
                    name,
                    outcome: FileOutcome::Unchanged,
                });
                continue;
            }
            // A document refused before is not read again until it changes.
            if let Some((d, reason)) = refused.as_deref().and_then(|r| r.split_once('\t'))
                && d == digest
            {
                files.push(FileRecord {
                    name,
                    outcome: FileOutcome::Refused {
                        reason: reason.to_owned(),
                    },
                });
                continue;
            }
            let open = || -> Result<Box<dyn Read + '_>> { Ok(Box::new(Cursor::new(&doc.bytes))) };
            match self.import_checked(&open, passphrase, &NoProgress) {
                Ok(report) => {
                    self.write(|tx, _| {
                        meta_set(tx, &seen_key, &digest)?;
                        store::meta_delete(tx, &refused_key)
                    })?;
                    files.push(FileRecord {
                        name,
                        outcome: FileOutcome::of_report(&report),
                    });
                }
                Err(Error::Sync(e)) => {
                    let outcome = FileOutcome::refused(&e);
                    // Only the content is remembered as refused: a missing
                    // or wrong passphrase may go differently next time.
                    let content = !matches!(
                        e,
                        SyncError::NeedsPassphrase
                            | SyncError::WrongPassphrase
                            | SyncError::EmptyPassphrase
                            | SyncError::Read(_)
                    );
                    if let (true, FileOutcome::Refused { reason }) = (content, &outcome) {
                        let value = format!("{digest}\t{reason}");
                        self.write(|tx, _| meta_set(tx, &refused_key, &value))?;
                    }
                    files.push(FileRecord { name, outcome });
                }
                Err(e) => return Err(e),
            }
        }
        let write = self.own_document(&documents, passphrase)?;
        self.keep_record(SyncKind::Folder, files)?;
        Ok(FolderSync {
            screen: self.sync_screen_in(&Text::new(language))?,
            write,
        })
    }

    /// This device's own document, when the folder does not hold it as it
    /// would be written now (the data, or whether it is encrypted, changed).
    fn own_document(
        &self,
        documents: &[&SyncDocument],
        passphrase: Option<&Passphrase>,
    ) -> Result<Option<SyncDocument>> {
        // The id may have changed in this sync.
        let own = folder::file_name(&self.device_id()?);
        let present = documents
            .iter()
            .find(|d| d.name == own)
            .map(|d| digest(&d.bytes));
        let sealed = if passphrase.is_some() { "age" } else { "plain" };
        let hash = self.content_hash()?;
        let written = self.read(|c| meta_get(c, DOCUMENT_WRITTEN_KEY))?;
        if let Some(present) = &present
            && written.as_deref() == Some(format!("{hash}:{sealed}:{present}").as_str())
        {
            return Ok(None);
        }
        let mut bytes = Vec::new();
        let summary = self.export_to(&mut bytes, passphrase)?;
        let stamp = format!("{}:{sealed}:{}", summary.content_hash, digest(&bytes));
        self.write(|tx, _| meta_set(tx, DOCUMENT_WRITTEN_KEY, &stamp))?;
        Ok(Some(SyncDocument { name: own, bytes }))
    }

    /// Drops what was remembered about documents no longer in the folder.
    fn forget_gone_documents(&self, present: &[&SyncDocument]) -> Result<()> {
        self.write(|tx, _| {
            for prefix in ["document-seen:", "document-refused:"] {
                for key in store::meta_keys_with_prefix(tx, prefix)? {
                    let name = &key[prefix.len()..];
                    let here = present
                        .iter()
                        .any(|d| d.name.chars().take(MAX_NAME).eq(name.chars()));
                    if !here {
                        store::meta_delete(tx, &key)?;
                    }
                }
            }
            Ok(())
        })
    }

    /// Keeps what a sync or import did, for the Sync screen after a restart.
    pub(super) fn keep_record(&self, kind: SyncKind, files: Vec<FileRecord>) -> Result<()> {
        let record = SyncRecord {
            kind,
            at_ms: self.now().timestamp_millis(),
            files,
        };
        let json = serde_json::to_string(&record).map_err(|e| Error::Conflict(e.to_string()))?;
        self.write(|tx, _| meta_set(tx, LAST_SYNC_KEY, &json))
    }
}

/// SHA-256 of bytes, lowercase hex.
fn digest(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    crate::sync::format::hex(&Sha256::digest(bytes))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::sync::Arc;

    use parking_lot::Mutex;

    use super::super::onboarding_screen::tests::a_year_of_history;
    use super::super::test_support::{heft, heft_at};
    use super::{SyncDocument, SyncScreen};
    use crate::model::{LogTime, WeightUnit};
    use crate::screens::ScreenKind;
    use crate::screens::sync::{FileOutcome, FileRecord, SyncKind, SyncRecord};
    use crate::text::{Language, Text};
    use crate::{Error, Heft};

    /// The screen with its random device ids replaced, for a stable snapshot.
    fn stable(mut s: SyncScreen) -> SyncScreen {
        s.device.id = "[this device]".into();
        s.device.detail = "[id]".into();
        for d in &mut s.devices {
            d.id = "[device]".into();
            d.name = "[name]".into();
        }
        if let Some(last) = &mut s.last {
            for f in &mut last.files {
                if f.name.len() == 37 && f.name.ends_with(".heft") {
                    f.name = "[device].heft".into();
                }
            }
        }
        s
    }

    fn log(h: &Heft, notation: &str) {
        let input = crate::grammar::parse(notation)
            .unwrap()
            .to_input("back-squat", WeightUnit::Kg);
        h.log_sets(&[input], LogTime::Now).unwrap();
    }

    #[test]
    fn before_any_sync_the_screen_offers_the_actions() {
        let h = heft();
        let s = h.sync_screen(Language::En).unwrap();
        assert!(s.empty.is_some() && s.last.is_none());
        insta::assert_json_snapshot!("first_run", stable(s));
    }

    #[test]
    fn a_csv_export_read_as_bytes_is_imported_and_named_on_the_screen() {
        let h = heft();
        let csv = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
            2026-11-20 18:00:00,Evening,45m,Squat (Barbell),1,100,5,0,0,,,\n\
            2026-11-20 18:00:00,Evening,45m,Squat (Barbell),2,100,5,0,0,,,\n";
        let opts = crate::CsvImportOptions {
            unit: Some(WeightUnit::Kg),
            ..crate::CsvImportOptions::default()
        };
        let s = h
            .import_csv_bytes(csv.as_bytes(), "strong.csv", &opts, Language::En)
            .unwrap();
        let last = s.last.unwrap();
        assert_eq!(last.files[0].name, "strong.csv");
        assert_eq!(last.files[0].text, "Brought 2 sets");
        // The same file again: nothing new.
        let s = h
            .import_csv_bytes(csv.as_bytes(), "strong.csv", &opts, Language::En)
            .unwrap();
        assert_eq!(s.last.unwrap().files[0].text, "Nothing new");
        // Bytes that are no CSV export: an error, and the last result stays.
        let before = h.sync_screen(Language::En).unwrap();
        assert!(
            h.import_csv_bytes(b"\x00\x01 not a csv", "x.csv", &opts, Language::En)
                .is_err()
        );
        assert_eq!(h.sync_screen(Language::En).unwrap(), before);
        assert_eq!(
            h.history(&crate::heft::HistoryQuery::default())
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn an_export_imported_as_bytes_says_what_it_brought() {
        let a = heft();
        a_year_of_history(&a);
        let file = a.export_bytes(None).unwrap();
        assert_eq!(file.name, "heft-2026-11-24.heft");
        let b = heft_at("2026-11-25T08:00:00+01:00");
        let s = b
            .import_bytes(&file.bytes, &file.name, None, Language::En)
            .unwrap();
        assert_eq!(b.content_hash().unwrap(), a.content_hash().unwrap());
        assert_eq!(s.devices.len(), 1);
        insta::assert_json_snapshot!("a_year_imported", stable(s));
        // The same file again brings nothing new.
        let s = b
            .import_bytes(&file.bytes, &file.name, None, Language::De)
            .unwrap();
        insta::assert_json_snapshot!("again_de", stable(s));
    }

    #[test]
    fn bad_bytes_are_a_typed_error_naming_the_file_and_change_nothing() {
        let a = heft();
        log(&a, "100x5");
        let good = a.export_bytes(None).unwrap().bytes;
        let b = heft();
        let before = b.content_hash().unwrap();
        let cut = &good[..good.len() / 2];
        let mut flipped = good.clone();
        let last = flipped.len() - 10;
        flipped[last] ^= 0x55;
        let cuts: Vec<&[u8]> = (0..good.len())
            .step_by(good.len() / 40 + 1)
            .map(|n| &good[..n])
            .collect();
        let mut bad: Vec<&[u8]> = vec![b"not an export", cut, &flipped];
        bad.extend(cuts);
        for bad in bad {
            match b.import_bytes(bad, "phone.heft", None, Language::En) {
                Err(e @ Error::SyncFile { .. }) => {
                    assert!(e.to_string().starts_with("phone.heft: "), "{e}");
                }
                other => panic!("{} bytes: {other:?}", bad.len()),
            }
        }
        assert_eq!(b.content_hash().unwrap(), before);
        assert!(b.sync_screen(Language::En).unwrap().last.is_none());
    }

    #[test]
    fn a_folder_of_documents_merges_and_hands_back_this_devices_own() {
        let a = heft();
        let b = heft();
        log(&a, "100x5");
        // An empty folder: only this device's document to write.
        let out = a.sync_documents(&[], None, Language::En).unwrap();
        let a_doc = out.write.unwrap();
        assert_eq!(a_doc.name, format!("{}.heft", a.device_id().unwrap()));
        let stale = Arc::new(Mutex::new(Vec::new()));
        let seen = stale.clone();
        b.on_change(move |s| seen.lock().extend_from_slice(s));
        let junk = SyncDocument {
            name: "junk.heft".into(),
            bytes: b"not an export".to_vec(),
        };
        let ignored = SyncDocument {
            name: "notes.txt".into(),
            bytes: b"whatever".to_vec(),
        };
        let out = b
            .sync_documents(&[a_doc.clone(), junk.clone(), ignored], None, Language::En)
            .unwrap();
        assert!(stale.lock().contains(&ScreenKind::Today));
        assert!(stale.lock().contains(&ScreenKind::Sync));
        let b_doc = out.write.unwrap();
        insta::assert_json_snapshot!("folder_merged", stable(out.screen));
        // A merges B's document (which holds its own sets too).
        let out = a
            .sync_documents(&[a_doc.clone(), b_doc.clone()], None, Language::En)
            .unwrap();
        assert_eq!(a.content_hash().unwrap(), b.content_hash().unwrap());
        // A's own document still holds what A holds: nothing to write.
        assert!(out.write.is_none());
        // Again: nothing new, the refused document not read again.
        let out = b
            .sync_documents(&[a_doc.clone(), b_doc.clone(), junk], None, Language::En)
            .unwrap();
        assert!(out.write.is_none());
        let last = out.screen.last.unwrap();
        assert_eq!(last.files.len(), 2, "{last:?}");
        assert_eq!(last.tone, crate::screens::Tone::Caution);
        // A's own document gone from the folder: written again.
        let out = a.sync_documents(&[b_doc], None, Language::En).unwrap();
        assert!(out.write.is_some());
    }

    #[test]
    fn the_last_result_is_shown_after_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heft.db");
        let a = heft();
        log(&a, "100x5");
        let file = a.export_bytes(None).unwrap();
        {
            let b = Heft::open(&path).unwrap();
            b.import_bytes(&file.bytes, "a.heft", None, Language::En)
                .unwrap();
        }
        let b = Heft::open(&path).unwrap();
        let last = b.sync_screen(Language::En).unwrap().last.unwrap();
        assert_eq!(last.files[0].name, "a.heft");
        assert!(last.summary.contains("1 set"), "{last:?}");
    }

    #[test]
    fn every_result_has_every_message_in_every_language() {
        let record = SyncRecord {
            kind: SyncKind::Folder,
            at_ms: 0,
            files: [
                "empty",
                "not_an_export",
                "needs_passphrase",
                "wrong_passphrase",
                "newer_version",
                "damaged",
                "unreadable",
                "from a newer version",
            ]
            .iter()
            .map(|r| FileRecord {
                name: (*r).into(),
                outcome: FileOutcome::Refused {
                    reason: (*r).into(),
                },
            })
            .chain([FileRecord {
                name: "b".into(),
                outcome: FileOutcome::Merged {
                    by_table: [
                        "profile",
                        "exercise",
                        "program",
                        "program_run",
                        "workout",
                        "set_entry",
                        "measurement",
                        "new_table",
                    ]
                    .iter()
                    .map(|t| ((*t).to_owned(), 2))
                    .collect(),
                },
            }])
            .collect(),
        };
        for language in Language::ALL {
            let text = Text::new(language);
            let devices = [crate::screens::sync::OtherDevice {
                id: "0123456789abcdef0123456789abcdef".into(),
                last_seen: None,
            }];
            let s = crate::screens::sync::build(
                &crate::screens::sync::SyncInput {
                    device_id: "0123456789abcdef0123456789abcdef",
                    devices: &devices,
                    last: Some((
                        &record,
                        chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
                    )),
                },
                &text,
            );
            assert_eq!(s.last.unwrap().files.len(), 9);
            assert!(text.missing().is_empty(), "{:?}", text.missing());
        }
    }
}
