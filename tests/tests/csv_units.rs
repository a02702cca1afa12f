//! The unit of weights in files that name none: every real export and
//! fixture gets the right verdict (or a refusal where the loads cannot tell),
//! files that name their unit are left alone, and the detector tells the
//! unit of the files that do name it when it is hidden from it.

#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::DateTime;
use heft_core::clock::FixedClock;
use heft_core::interchange::{
    CsvError, CsvLoad, CsvReader, CsvRow, Lift, LoadSample, ReadOptions, UnitBasis, UnitEvidence,
    UnitVerdict, catalog_id_for,
};
use heft_core::model::{Equipment, Exercise, Load, ProfileUpdate, WeightUnit};
use heft_core::progress::NoProgress;
use heft_core::{CsvImportOptions, CsvImportReport, Error, Heft, HistoryQuery};

fn heft(profile: WeightUnit) -> Heft {
    let now = DateTime::parse_from_rfc3339("2026-11-24T18:00:00+01:00").unwrap();
    let h = Heft::open_in_memory(Arc::new(FixedClock(now))).unwrap();
    h.update_profile(&ProfileUpdate {
        unit: Some(profile),
        ..Default::default()
    })
    .unwrap();
    h
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/csv")
}

fn real_exports() -> Option<PathBuf> {
    let dir = std::env::var_os("HEFT_REAL_EXPORTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/real-exports"));
    dir.join("MANIFEST.tsv").exists().then_some(dir)
}

fn import(h: &Heft, path: &Path, unit: Option<WeightUnit>) -> heft_core::Result<CsvImportReport> {
    h.import_csv(
        path,
        &CsvImportOptions {
            unit,
            dry_run: true,
            ..Default::default()
        },
        &NoProgress,
    )
}

const KG: WeightUnit = WeightUnit::Kg;
const LB: WeightUnit = WeightUnit::Lb;

/// What an import of a file with no unit must conclude under a profile.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// Read in this unit, decided by the loads.
    Values(WeightUnit),
    /// Read in the profile's unit, which the loads do not contradict.
    Profile(WeightUnit),
    /// Refused: the loads do not settle it.
    Refused,
}

fn outcome(r: heft_core::Result<CsvImportReport>) -> (Expect, String) {
    match r {
        Ok(report) => {
            let d = report
                .weight_unit
                .expect("a file with no unit reports the decision");
            let e = match d.basis {
                UnitBasis::Values => Expect::Values(d.unit),
                UnitBasis::Profile => Expect::Profile(d.unit),
                UnitBasis::Given => panic!("no unit was given"),
            };
            (e, d.reason)
        }
        Err(Error::Csv(e @ CsvError::UnitUnclear { .. })) => (Expect::Refused, e.to_string()),
        Err(e) => panic!("{e}"),
    }
}

/// The real exports that name no unit, with the truth about each: what the
/// file's source says (manifest notes, the repository) and what its loads
/// show. Under a kg profile and under a lb profile.
const REAL_UNITLESS: &[(&str, WeightUnit, Expect, Expect)] = &[
    // Prague lifter, kg plates and 2 kg dumbbell steps (bench ~70-90 kg).
    (
        "strong/MiroslavCsonka__strong-workout-analysis__strong.csv",
        KG,
        Expect::Values(KG),
        Expect::Values(KG),
    ),
    // 45/135/185/225 lb plate steps; a 420 x 1 deadlift is not kg.
    (
        "strong/albTian__strong-export-parser__strong.csv",
        LB,
        Expect::Values(LB),
        Expect::Values(LB),
    ),
    // German gym names ("Leg Press Technogym (Gelb)"), 1 kg machine steps.
    (
        "strong/breinsp__strong-charts__strong.csv",
        KG,
        Expect::Values(KG),
        Expect::Values(KG),
    ),
];

#[test]
fn every_real_export_without_a_unit_gets_its_true_unit_and_the_others_are_untouched() {
    let Some(dir) = real_exports() else {
        eprintln!("real exports not found (set HEFT_REAL_EXPORTS): skipped");
        return;
    };
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap();
    let mut unitless = Vec::new();
    for line in manifest.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let file = line.split('\t').nth(1).unwrap();
        let path = dir.join(file);
        let h = heft(KG);
        // Named or not, an explicit unit always imports.
        let given = import(&h, &path, Some(LB)).unwrap();
        match given.weight_unit {
            None => {
                // The file names its unit: nothing to decide, the option is ignored.
                assert!(import(&h, &path, None).unwrap().weight_unit.is_none());
                continue;
            }
            Some(d) => {
                assert_eq!((d.unit, d.basis), (LB, UnitBasis::Given), "{file}");
                unitless.push(file.to_owned());
            }
        }
        let (_, truth, under_kg, under_lb) = REAL_UNITLESS
            .iter()
            .find(|(f, ..)| *f == file)
            .unwrap_or_else(|| panic!("{file} names no unit: add its truth to REAL_UNITLESS"));
        for (profile, expect) in [(KG, under_kg), (LB, under_lb)] {
            let (got, reason) = outcome(import(&heft(profile), &path, None));
            eprintln!("{file} ({profile:?} profile): {got:?}: {reason}");
            assert_eq!(got, *expect, "{file} under a {profile:?} profile: {reason}");
            if let Expect::Values(u) | Expect::Profile(u) = got {
                assert_eq!(u, *truth, "{file}");
                assert!(
                    reason.starts_with("no unit in the file: weights read as"),
                    "{reason}"
                );
            }
        }
    }
    let mut expected: Vec<String> = REAL_UNITLESS.iter().map(|(f, ..)| f.to_string()).collect();
    expected.sort();
    unitless.sort();
    assert_eq!(unitless, expected);
}

#[test]
fn the_pound_strong_export_imports_its_sets_in_pounds() {
    let Some(dir) = real_exports() else {
        eprintln!("real exports not found (set HEFT_REAL_EXPORTS): skipped");
        return;
    };
    let path = dir.join("strong/albTian__strong-export-parser__strong.csv");
    let h = heft(KG);
    let report = h
        .import_csv(&path, &CsvImportOptions::default(), &NoProgress)
        .unwrap();
    assert_eq!(report.added, 4690, "the manifest count");
    let d = report.weight_unit.unwrap();
    assert_eq!((d.unit, d.basis), (LB, UnitBasis::Values));
    assert!(d.reason.contains("45 lb bar"), "{}", d.reason);
    assert!(d.reason.contains("deadlift"), "{}", d.reason);
    let mut units: HashMap<WeightUnit, usize> = HashMap::new();
    for set in h
        .history(&HistoryQuery::default())
        .unwrap()
        .into_iter()
        .flat_map(|w| w.sets)
    {
        if let Load::Weight { weight }
        | Load::Bodyweight {
            added: Some(weight),
        } = set.input.load
        {
            *units.entry(weight.unit()).or_default() += 1;
        }
    }
    assert_eq!(units.get(&KG), None, "{units:?}");
    assert!(units.get(&LB).copied().unwrap_or(0) > 3000, "{units:?}");
}

/// The fixtures without a unit, under a kg and a lb profile. Tiny files:
/// their few loads can only hint, so a hint keeps the profile's unit when it
/// agrees, and otherwise (or with no hint at all) the import asks.
const FIXTURES_UNITLESS: &[(&str, WeightUnit, Expect, Expect)] = &[
    ("strong_plain.csv", LB, Expect::Refused, Expect::Profile(LB)),
    (
        "strong_duration_rpe.csv",
        KG,
        Expect::Profile(KG),
        Expect::Refused,
    ),
    // Translated names the catalog does not know: no barbell, no hint.
    ("strong_french.csv", KG, Expect::Refused, Expect::Refused),
    ("strong_german.csv", KG, Expect::Refused, Expect::Refused),
    ("strong_cyrillic.csv", KG, Expect::Refused, Expect::Refused),
];

#[test]
fn every_fixture_without_a_unit_is_read_in_its_unit_or_refused() {
    let mut unitless = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let given = import(&heft(KG), &path, Some(LB)).unwrap();
        if given.weight_unit.is_none() {
            continue;
        }
        unitless.push(name.clone());
        let (_, truth, under_kg, under_lb) = FIXTURES_UNITLESS
            .iter()
            .find(|(f, ..)| *f == name)
            .unwrap_or_else(|| panic!("{name} names no unit: add it to FIXTURES_UNITLESS"));
        for (profile, expect) in [(KG, under_kg), (LB, under_lb)] {
            let (got, reason) = outcome(import(&heft(profile), &path, None));
            eprintln!("{name} ({profile:?} profile): {got:?}: {reason}");
            assert_eq!(got, *expect, "{name} under a {profile:?} profile: {reason}");
            // Never the wrong unit.
            if let Expect::Values(u) | Expect::Profile(u) = got {
                assert_eq!(u, *truth, "{name}");
            }
        }
    }
    assert_eq!(unitless.len(), FIXTURES_UNITLESS.len(), "{unitless:?}");
}

/// The loads of a file as the detector sees them: numbers without their
/// unit, each with its exercise resolved as an import resolves it.
/// `None` for a file that names no unit.
fn samples_of(h: &Heft, path: &Path) -> Option<(Vec<LoadSample>, Option<WeightUnit>)> {
    let file = std::fs::File::open(path).unwrap();
    let reader = CsvReader::new(BufReader::new(file), &ReadOptions::default()).unwrap();
    if !reader.names_weight_unit() {
        return None;
    }
    let exercises = h.exercises().unwrap();
    let mut known: HashMap<String, Option<Exercise>> = HashMap::new();
    let mut samples = Vec::new();
    let mut units = std::collections::HashSet::new();
    for row in reader {
        let CsvRow::Set(set) = row.unwrap() else {
            continue;
        };
        let CsvLoad::Weight(Some(w)) = set.load else {
            continue;
        };
        if w.milli() <= 0 {
            continue;
        }
        units.insert(w.unit());
        let exercise = known
            .entry(set.exercise.clone())
            .or_insert_with(|| {
                catalog_id_for(&set.exercise)
                    .and_then(|id| exercises.iter().find(|e| e.id == id).cloned())
                    .or_else(|| h.find_exercise(&set.exercise).ok())
            })
            .clone();
        let barbell = exercise.as_ref().map_or_else(
            || set.exercise.to_lowercase().contains("barbell"),
            |e| e.equipment == Equipment::Barbell,
        );
        samples.push(LoadSample {
            value: w.milli() as f64 / 1000.0,
            reps: set.reps,
            barbell,
            lift: exercise.as_ref().and_then(|e| Lift::of_catalog_id(&e.id)),
        });
    }
    let unit = (units.len() == 1).then(|| units.into_iter().next().unwrap());
    Some((samples, unit))
}

#[test]
fn the_detector_tells_the_unit_of_every_real_export_that_names_it() {
    let Some(dir) = real_exports() else {
        eprintln!("real exports not found (set HEFT_REAL_EXPORTS): skipped");
        return;
    };
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap();
    let h = heft(KG);
    let mut checked = 0;
    for line in manifest.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let file = line.split('\t').nth(1).unwrap();
        let Some((samples, unit)) = samples_of(&h, &dir.join(file)) else {
            continue;
        };
        // The file's own unit, hidden from the detector.
        let Some(truth) = unit else {
            panic!("{file}: weights in more than one unit");
        };
        let mut evidence = UnitEvidence::default();
        for s in &samples {
            evidence.add(s);
        }
        for profile in [KG, LB] {
            let v = evidence.verdict(profile);
            eprintln!("{file} ({profile:?} profile, truly {truth:?}): {v:?}");
            match &v {
                UnitVerdict::Decided { unit, basis, .. } => {
                    assert_eq!(*unit, truth, "{file}: {v:?}");
                    if samples.len() >= 500 {
                        assert_eq!(*basis, UnitBasis::Values, "{file}: {v:?}");
                    }
                }
                // Only a file too small to judge may be refused.
                UnitVerdict::Unclear { .. } => assert!(samples.len() < 100, "{file}: {v:?}"),
            }
        }
        checked += 1;
    }
    assert!(checked >= 7);
}
