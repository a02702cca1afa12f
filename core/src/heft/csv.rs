//! CSV import from other apps and CSV export, on a [`Heft`] handle.
//!
//! An import streams the file through a reader from
//! [`crate::interchange`]; the import plan
//! ([`crate::interchange::import_plan`]) decides what each record writes
//! (ids, what is already here, what is kept, which workout a set belongs
//! to) and `store::import_steps` writes it, everything in one transaction: all of it
//! or none. Here: opening the file, the transaction, progress, the unit of
//! a file that names none (read again when the loads show the other one),
//! and the export.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{BufReader, Read, Write};
use std::path::Path;

use serde::Serialize;

use super::Heft;
use crate::interchange::import_plan::ImportPlan;
use crate::interchange::{
    CsvError, CsvReader, CsvWriter, ExportSet, ReadOptions, Source, UnitBasis, UnitVerdict,
};
use crate::model::{Unit, WeightUnit};
use crate::progress::{Progress, Ticker};
use crate::store;
use crate::store::import_steps::{Database, apply};
use crate::{Error, Result};

pub use crate::interchange::import_plan::{CsvImportReport, SkippedRow, UnitDecision};

/// How to import a CSV file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CsvImportOptions {
    /// The app that wrote it; `None` to recognise it from the header.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub source: Option<Source>,
    /// Unit of weights in files that name none. `None`: told from the
    /// loads (see [`crate::interchange::UnitEvidence`]), else the profile's unit; when the loads
    /// do not settle it the import fails with [`CsvError::UnitUnclear`].
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub unit: Option<WeightUnit>,
    /// Read and check everything, report, and write nothing.
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub dry_run: bool,
}

/// Column layouts of `export_csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CsvLayout {
    /// Strong's columns, read by the many tools made for Strong exports.
    Strong,
    /// Heft's columns: every field, prescribed and achieved, units per value.
    Heft,
}

/// What a CSV export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CsvExportSummary {
    /// Sets written.
    pub sets: u64,
    /// Workouts they belong to.
    pub workouts: u64,
}

impl Heft {
    /// Imports a CSV export of another app (or Heft's own layout) in one
    /// transaction. Progress counts bytes of the file.
    ///
    /// A file that names no unit for its weights is read in
    /// `opts.unit`, or else in the unit its loads show (the report's
    /// `weight_unit` says which and why); when they do not settle it, the
    /// import fails with [`CsvError::UnitUnclear`] and changes nothing. Such
    /// a file may be read twice (progress then starts over).
    pub fn import_csv(
        &self,
        path: &Path,
        opts: &CsvImportOptions,
        progress: &dyn Progress,
    ) -> Result<CsvImportReport> {
        let open = || -> Result<Box<dyn Read>> {
            let file = std::fs::File::open(path).map_err(|source| Error::Io {
                context: format!("opening {}", path.display()),
                source,
            })?;
            Ok(Box::new(file))
        };
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            context: format!("opening {}", path.display()),
            source,
        })?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        self.import_csv_input(Box::new(file), size, Some(&open), opts, progress, None)
    }

    /// [`Heft::import_csv`] from any reader; `size` in bytes (0 if unknown)
    /// is for progress only. A file that names no unit for its weights is
    /// held in memory to be read a second time if its loads turn out to be
    /// in the other unit than the one first assumed.
    pub fn import_csv_from(
        &self,
        input: Box<dyn Read + '_>,
        size: u64,
        opts: &CsvImportOptions,
        progress: &dyn Progress,
    ) -> Result<CsvImportReport> {
        self.import_csv_input(input, size, None, opts, progress, None)
    }

    /// The import; `reopen` opens the file again for a second reading
    /// (without it, the bytes are kept while it is not known to be needed).
    /// `names`, when given, receives each exercise's name as the file first
    /// gives it, by exercise id.
    pub(super) fn import_csv_input<'i>(
        &self,
        input: Box<dyn Read + 'i>,
        size: u64,
        reopen: Option<&dyn Fn() -> Result<Box<dyn Read>>>,
        opts: &CsvImportOptions,
        progress: &dyn Progress,
        names: Option<&RefCell<HashMap<String, String>>>,
    ) -> Result<CsvImportReport> {
        let profile_unit = self.profile()?.unit;
        let first_unit = opts.unit.unwrap_or(profile_unit);
        let read = ReadOptions {
            source: opts.source,
            default_unit: first_unit,
        };
        let tape = Tape::new(input, reopen.is_none());
        let mut reader = CsvReader::new(BufReader::with_capacity(64 * 1024, tape), &read)?;
        let named = reader.names_weight_unit();
        let decision = match (named, opts.unit) {
            (true, _) => Some(None),
            (false, Some(unit)) => Some(Some(UnitDecision {
                unit,
                basis: UnitBasis::Given,
                reason: format!(
                    "no unit in the file: weights read as {}, as the import was told",
                    unit.symbol()
                ),
            })),
            // Told by the loads, once read.
            (false, None) => None,
        };
        if decision.is_some() {
            reader.get_mut().get_mut().stop_recording();
        }
        let verdict = match self.import_rows(
            &mut reader,
            size,
            opts,
            progress,
            decision.clone(),
            profile_unit,
            names,
        )? {
            Pass::Done(report) => return Ok(report),
            Pass::Again(verdict) => verdict,
        };
        // The loads are in the other unit: read the file again in it.
        let input: Box<dyn Read + 'i> = match reopen {
            Some(open) => open()?,
            None => Box::new(std::io::Cursor::new(reader.get_mut().get_mut().take())),
        };
        drop(reader);
        let read = ReadOptions {
            source: opts.source,
            default_unit: verdict.unit,
        };
        let mut reader = CsvReader::new(
            BufReader::with_capacity(64 * 1024, Tape::new(input, false)),
            &read,
        )?;
        match self.import_rows(
            &mut reader,
            size,
            opts,
            progress,
            Some(Some(verdict)),
            profile_unit,
            names,
        )? {
            Pass::Done(report) => Ok(report),
            Pass::Again(_) => Err(Error::Conflict(
                "the file changed while it was imported".to_owned(),
            )),
        }
    }

    /// One reading of the file into the database, in one transaction.
    /// `decision` is the unit decision if already made (`Some(None)`: the
    /// file names its unit); else the loads are weighed as they are read,
    /// in the unit the reader assumed, and the transaction is kept only if
    /// they are in that unit.
    // The reading's inputs are all different things; a struct holding them
    // would only be unpacked again here.
    #[allow(clippy::too_many_arguments)]
    fn import_rows<R: Read>(
        &self,
        reader: &mut CsvReader<R>,
        size: u64,
        opts: &CsvImportOptions,
        progress: &dyn Progress,
        decision: Option<Option<UnitDecision>>,
        profile_unit: WeightUnit,
        names: Option<&RefCell<HashMap<String, String>>>,
    ) -> Result<Pass> {
        let now = self.now();
        let clock = self.clock();
        let exercises = self.exercises()?;
        let assumed = opts.unit.unwrap_or(profile_unit);
        let mut again: Option<UnitDecision> = None;
        let result = self.write_or_discard(opts.dry_run, |tx, stamp| {
            crate::store::with_bulk_cache(tx, || {
                let mut plan = ImportPlan::new(reader.source(), &exercises, clock, now);
                if decision.is_none() {
                    plan.weigh_units();
                }
                let database = Database(tx);
                let mut steps = Vec::new();
                let mut ticker = Ticker::new(progress, size);
                while let Some(row) = reader.next() {
                    plan.row(row?, &database, &mut steps)?;
                    for step in steps.drain(..) {
                        apply(tx, &step, &mut || stamp.next())?;
                    }
                    ticker.tick(reader.bytes_read())?;
                }
                ticker.done(reader.bytes_read().max(size))?;
                let weight_unit = match plan.take_evidence() {
                    None => decision.clone().flatten(),
                    Some(evidence) => match evidence.verdict(profile_unit) {
                        UnitVerdict::Unclear { reason } => {
                            return Err(CsvError::UnitUnclear { reason }.into());
                        }
                        UnitVerdict::Decided {
                            unit,
                            basis,
                            reason,
                        } => {
                            let d = UnitDecision {
                                unit,
                                basis,
                                reason,
                            };
                            if unit != assumed {
                                // Undo this reading (an error rolls back).
                                again = Some(d);
                                return Err(Error::Cancelled);
                            }
                            Some(d)
                        }
                    },
                };
                if let Some(names) = names {
                    names.borrow_mut().clone_from(plan.written_names());
                }
                let mut report = plan.into_report();
                report.dry_run = opts.dry_run;
                report.weight_unit = weight_unit;
                report.repaired = reader.repaired();
                let changed = report.added + report.updated > 0 || !report.new_exercises.is_empty();
                if changed {
                    // Undo entries describe rows as they were before the import.
                    store::undo_journal::clear(tx)?;
                }
                Ok(report)
            })
        });
        match (result, again) {
            (Err(_), Some(d)) => Ok(Pass::Again(d)),
            (result, _) => result.map(Pass::Done),
        }
    }

    /// Writes every live set, oldest workout first, as CSV in `layout`.
    /// `unit` is the Strong layout's weight unit (default: the profile's).
    pub fn export_csv(
        &self,
        out: &mut dyn Write,
        layout: CsvLayout,
        unit: Option<WeightUnit>,
    ) -> Result<CsvExportSummary> {
        self.ensure_sound()?;
        let unit = match unit {
            Some(u) => u,
            None => self.profile()?.unit,
        };
        self.read_snapshot(|conn| {
            let mut writer = match layout {
                CsvLayout::Strong => CsvWriter::strong(out, unit)?,
                CsvLayout::Heft => CsvWriter::heft(out)?,
            };
            let mut summary = CsvExportSummary {
                sets: 0,
                workouts: 0,
            };
            store::workouts::each_with_sets(conn, |workout, sets| {
                if sets.is_empty() {
                    return Ok(());
                }
                summary.workouts += 1;
                for set in &sets {
                    writer.write(ExportSet { workout, set })?;
                    summary.sets += 1;
                }
                Ok(())
            })?;
            writer.finish()?;
            Ok(summary)
        })
    }
}

/// What one reading of a file came to.
enum Pass {
    /// The import (or the dry run) is done.
    Done(CsvImportReport),
    /// The loads are in the other unit than assumed: nothing was kept, read
    /// the file again in this one.
    Again(UnitDecision),
}

/// The bytes under a CSV reader, kept (while `recording`) so that the file
/// can be read a second time when it cannot be opened again.
struct Tape<'a> {
    inner: Box<dyn Read + 'a>,
    recording: bool,
    kept: Vec<u8>,
}

impl<'a> Tape<'a> {
    fn new(inner: Box<dyn Read + 'a>, recording: bool) -> Self {
        Tape {
            inner,
            recording,
            kept: Vec::new(),
        }
    }

    /// Stops keeping bytes and frees those kept.
    fn stop_recording(&mut self) {
        self.recording = false;
        self.kept = Vec::new();
    }

    /// The bytes kept so far.
    fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.kept)
    }
}

impl Read for Tape<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if self.recording {
            self.kept.extend_from_slice(buf.get(..n).unwrap_or(&[]));
        }
        Ok(n)
    }
}
