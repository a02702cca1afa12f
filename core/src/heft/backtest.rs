//! `heft backtest`: the replay of a history that measures how well the
//! engine's estimate forecasts each next session
//! ([`crate::analytics::backtest`]), on this database or on a CSV export
//! read into a private in-memory database, so the person's file is never
//! touched.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::Heft;
use super::csv::CsvImportOptions;
use crate::analytics::backtest::{Backtest, replay};
use crate::analytics::summary;
use crate::clock::SystemClock;
use crate::interchange::import_plan::CsvImportReport;
use crate::progress::Progress;
use crate::progression::forecast::Model;
use crate::store::profile::read as read_profile;
use crate::store::sets::{self, AnalyticsSets};
use crate::{Error, Result};

impl Heft {
    /// Replays this database's history in date order (reading only): per
    /// exercise session, its best-set e1RM against the engine's forecast and
    /// the naive one, with e1RMs by the profile's formula.
    pub fn backtest(&self) -> Result<Backtest> {
        self.backtest_model(&Model::HEFT)
    }

    /// [`Heft::backtest`] with another forecast model than the engine's, to
    /// measure what a part of it is worth (docs/FORECAST.md).
    pub fn backtest_model(&self, model: &Model) -> Result<Backtest> {
        self.backtest_with(&HashMap::new(), model)
    }

    fn backtest_with(&self, names: &HashMap<String, String>, model: &Model) -> Result<Backtest> {
        self.read(|conn| {
            let formula = summary::formula_of(&read_profile(conn)?);
            let mut all = Vec::new();
            sets::for_analytics(
                conn,
                &AnalyticsSets::Period {
                    from_ms: i64::MIN,
                    until_ms: i64::MAX,
                },
                |s| all.push(s),
            )?;
            Ok(replay(&all, formula, names, model))
        })
    }

    /// Replays the history in another app's CSV export (as `import_csv`
    /// reads it) in a private in-memory database, with Epley's formula;
    /// rows name exercises as the file first does. Also returns the
    /// import's report.
    pub fn backtest_csv(
        path: &Path,
        opts: &CsvImportOptions,
        progress: &dyn Progress,
    ) -> Result<(Backtest, CsvImportReport)> {
        let (heft, names, report) = Heft::replayable(path, opts, progress)?;
        let backtest = heft.backtest_with(&names, &Model::HEFT)?;
        Ok((backtest, report))
    }

    /// A CSV export read into a private in-memory database, to replay with
    /// models of one's own ([`Heft::backtest_model`]); with each exercise's
    /// name as the file first gives it, by exercise id, and the import's
    /// report.
    pub fn replayable(
        path: &Path,
        opts: &CsvImportOptions,
        progress: &dyn Progress,
    ) -> Result<(Heft, HashMap<String, String>, CsvImportReport)> {
        let heft = Heft::open_in_memory(Arc::new(SystemClock))?;
        let open = || -> Result<Box<dyn std::io::Read>> {
            let file = std::fs::File::open(path).map_err(|source| Error::Io {
                context: format!("opening {}", path.display()),
                source,
            })?;
            Ok(Box::new(file))
        };
        let file = open()?;
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let names = RefCell::new(HashMap::new());
        let opts = CsvImportOptions {
            dry_run: false,
            ..*opts
        };
        let report =
            heft.import_csv_input(file, size, Some(&open), &opts, progress, Some(&names))?;
        Ok((heft, names.into_inner(), report))
    }
}
