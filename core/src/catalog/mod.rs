//! The exercise catalog: the built-in list and how typed names find an exercise.
//!
//! The built-in list is a TOML file compiled into the crate
//! (`core/data/exercises.toml`); the store copies it into the database when
//! its version changes, next to the person's own exercises. Matching is
//! separate from storage ([`matching`]) so it can be tested without SQL, and
//! so is the guess of what an exercise the catalog does not know probably is
//! ([`guess`]).

pub mod guess;
pub mod matching;

use serde::Deserialize;

use crate::embedded::{self, deflated};
use crate::model::{Equipment, Exercise, Measure, Muscle, Pattern};
use crate::{Error, Result};

/// The built-in catalog as shipped (`core/data/exercises.toml`, deflated).
const CATALOG: &[u8] = deflated!("exercises.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    version: u32,
    exercise: Vec<CatalogEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogEntry {
    id: String,
    name: String,
    aliases: Vec<String>,
    pattern: Pattern,
    equipment: Equipment,
    measure: Measure,
    muscles: Vec<Muscle>,
    unilateral: bool,
    axial: bool,
    spinal_flexion: bool,
    spinal_rotation: bool,
    impact: bool,
}

/// The built-in exercises and the catalog's version.
#[derive(Debug, Clone)]
pub struct BuiltinCatalog {
    /// Bumped whenever the list changes; the store re-seeds when it differs.
    pub version: u32,
    /// The exercises.
    pub exercises: Vec<Exercise>,
}

/// Reads the embedded catalog.
pub fn builtin() -> Result<BuiltinCatalog> {
    let text = embedded::text(CATALOG).map_err(Error::Catalog)?;
    let file: CatalogFile = toml::from_str(&text).map_err(|e| Error::Catalog(e.to_string()))?;
    let exercises = file
        .exercise
        .into_iter()
        .map(|e| Exercise {
            id: e.id,
            name: e.name,
            aliases: e.aliases,
            pattern: e.pattern,
            equipment: e.equipment,
            measure: e.measure,
            muscles: e.muscles,
            unilateral: e.unilateral,
            axial: e.axial,
            spinal_flexion: e.spinal_flexion,
            spinal_rotation: e.spinal_rotation,
            impact: e.impact,
            builtin: true,
        })
        .collect();
    Ok(BuiltinCatalog {
        version: file.version,
        exercises,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::matching::{Matcher, Resolution, normalize};
    use super::*;

    #[test]
    fn the_embedded_catalog_is_valid_and_large_enough() {
        let cat = builtin().unwrap();
        assert!(
            cat.exercises.len() >= 100,
            "only {} exercises",
            cat.exercises.len()
        );
        let ids: HashSet<_> = cat.exercises.iter().map(|e| &e.id).collect();
        assert_eq!(ids.len(), cat.exercises.len(), "duplicate ids");
        for e in &cat.exercises {
            assert!(
                e.id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}",
                e.id
            );
            assert!(!e.name.trim().is_empty());
        }
    }

    #[test]
    fn no_two_exercises_share_a_normalized_name() {
        let cat = builtin().unwrap();
        let mut owner: HashMap<String, &str> = HashMap::new();
        for e in &cat.exercises {
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                let key = normalize(name).key().to_owned();
                if let Some(other) = owner.insert(key.clone(), &e.id) {
                    assert_eq!(
                        other, e.id,
                        "'{name}' ({key}) names both {other} and {}",
                        e.id
                    );
                }
            }
        }
    }

    #[test]
    fn every_pattern_of_the_trials_is_covered() {
        let cat = builtin().unwrap();
        for p in [
            Pattern::Squat,
            Pattern::Hinge,
            Pattern::Push,
            Pattern::Pull,
            Pattern::Carry,
            Pattern::Jump,
            Pattern::Core,
        ] {
            assert!(cat.exercises.iter().any(|e| e.pattern == p), "{p}");
        }
        assert!(
            cat.exercises.iter().any(|e| e.spinal_flexion),
            "flexion exercises must be recognisable"
        );
        assert!(cat.exercises.iter().any(|e| e.spinal_rotation));
        assert!(cat.exercises.iter().any(|e| e.impact));
    }

    #[test]
    fn names_from_other_apps_resolve_to_the_same_exercise() {
        let cat = builtin().unwrap();
        let m = Matcher::new(&cat.exercises);
        let id = |q: &str| match m.resolve(q) {
            Resolution::Found { id, .. } => id.to_string(),
            other => panic!("{q}: {other:?}"),
        };
        let squat = id("Back Squat");
        for q in [
            "Squat (Barbell)",
            "Barbell Back Squat",
            "back squat",
            "BACK-SQUAT",
            "squat back",
            "bak squat",
        ] {
            assert_eq!(id(q), squat, "{q}");
        }
        assert_eq!(id("Deadlift (Barbell)"), id("deadlift"));
        assert_eq!(id("Overhead Press (Barbell)"), id("ohp"));
        assert_ne!(id("Bench Press (Dumbbell)"), id("Bench Press (Barbell)"));
    }
}
