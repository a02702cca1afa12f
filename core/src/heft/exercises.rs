//! Exercises: the catalog as stored, name lookup, and custom exercises.

use serde::Serialize;

use super::Heft;
use crate::catalog::matching::{Matcher, Resolution};
use crate::model::{Exercise, NewExercise};
use crate::store::{self, rows};
use crate::validate::{self, Field};
use crate::{Error, Result};

/// An exercise found by search, with how close its name is (0..=1).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExerciseHit {
    /// The exercise.
    pub exercise: Exercise,
    /// Closeness of the best-matching name or alias.
    pub score: f64,
}

impl Heft {
    /// Every live exercise, built-in and custom, by name.
    pub fn exercises(&self) -> Result<Vec<Exercise>> {
        self.read(store::exercises::all_live)
    }

    /// The live exercise with this id.
    pub fn exercise(&self, id: &str) -> Result<Exercise> {
        self.read(|conn| store::exercises::by_id(conn, id))
    }

    /// The exercise a typed name means: exact name or alias first, then a
    /// clear typo match; otherwise [`Error::UnknownExercise`] with the closest names.
    pub fn find_exercise(&self, name: &str) -> Result<Exercise> {
        let list = self.exercises()?;
        let matcher = Matcher::new(&list);
        match matcher.resolve(name) {
            Resolution::Found { id, .. } => {
                list.iter()
                    .find(|e| e.id == id)
                    .cloned()
                    .ok_or_else(|| Error::NotFound {
                        entity: "exercise",
                        id: id.into(),
                    })
            }
            Resolution::Unknown { suggestions } => Err(Error::UnknownExercise {
                query: name.chars().take(60).collect(),
                suggestions,
            }),
        }
    }

    /// Exercises whose names are close to `query`, best first; all of them when it is blank.
    pub fn search_exercises(&self, query: &str) -> Result<Vec<ExerciseHit>> {
        let list = self.exercises()?;
        if query.trim().is_empty() {
            return Ok(list
                .into_iter()
                .map(|exercise| ExerciseHit {
                    exercise,
                    score: 1.0,
                })
                .collect());
        }
        let matcher = Matcher::new(&list);
        Ok(matcher
            .search(query)
            .into_iter()
            .map(|h| ExerciseHit {
                exercise: h.exercise.clone(),
                score: h.score,
            })
            .collect())
    }

    /// Adds a custom exercise. Its name and aliases must not already name another exercise.
    pub fn add_exercise(&self, new: NewExercise) -> Result<Exercise> {
        validate::name(Field::Name, &new.name)?;
        for alias in &new.aliases {
            validate::name(Field::Alias, alias)?;
        }
        let exercise = Exercise {
            id: uuid::Uuid::now_v7().to_string(),
            name: new.name.trim().to_owned(),
            aliases: new.aliases.iter().map(|a| a.trim().to_owned()).collect(),
            pattern: new.pattern,
            equipment: new.equipment,
            measure: new.measure,
            muscles: new.muscles,
            unilateral: new.unilateral,
            axial: new.axial,
            spinal_flexion: new.spinal_flexion,
            spinal_rotation: new.spinal_rotation,
            impact: new.impact,
            builtin: false,
        };
        let existing = self.exercises()?;
        let matcher = Matcher::new(&existing);
        for name in std::iter::once(&exercise.name).chain(&exercise.aliases) {
            if let Resolution::Found { id, by_typo: false } = matcher.resolve(name) {
                let owner = existing
                    .iter()
                    .find(|e| e.id == id)
                    .map_or(id, |e| e.name.as_str());
                return Err(Error::Conflict(format!(
                    "'{name}' already names the exercise '{owner}'"
                )));
            }
        }
        self.write(|tx, stamp| {
            rows::upsert_exercise(tx, &exercise, &stamp.next())?;
            super::undo::record(
                tx,
                stamp,
                crate::text::Phrase::new("undo-added-exercise")
                    .name("exercise", exercise.name.as_str()),
                &super::undo::Inverse::RemoveExercise {
                    id: exercise.id.clone(),
                },
            )?;
            Ok(())
        })?;
        Ok(exercise)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::heft;
    use crate::Error;
    use crate::model::{Equipment, Measure, NewExercise, Pattern};

    #[test]
    fn finds_by_alias_and_suggests_for_unknown_names() {
        let h = heft();
        assert_eq!(h.find_exercise("Squat (Barbell)").unwrap().id, "back-squat");
        match h.find_exercise("zercher squat") {
            Err(Error::UnknownExercise { suggestions, .. }) => assert!(!suggestions.is_empty()),
            Ok(e) => assert!(
                e.name.to_lowercase().contains("zercher"),
                "matched {}",
                e.name
            ),
            Err(e) => panic!("{e}"),
        }
        match h.find_exercise("qqqqqq") {
            Err(e @ Error::UnknownExercise { .. }) => assert_eq!(e.field(), Some("exercise")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn custom_exercises_are_found_and_cannot_shadow_others() {
        let h = heft();
        let mut new = NewExercise::named(
            "Sandbag Shouldering",
            Pattern::Hinge,
            Equipment::Other,
            Measure::WeightReps,
        );
        new.aliases = vec!["bag to shoulder".into()];
        let added = h.add_exercise(new).unwrap();
        assert!(!added.builtin);
        assert_eq!(h.find_exercise("shoulder bag to").unwrap().id, added.id);
        assert_eq!(h.exercise(&added.id).unwrap(), added);

        let clash = NewExercise::named(
            "Barbell Squat",
            Pattern::Squat,
            Equipment::Barbell,
            Measure::WeightReps,
        );
        assert!(matches!(h.add_exercise(clash), Err(Error::Conflict(_))));
        let blank = NewExercise::named(
            "  ",
            Pattern::Squat,
            Equipment::Barbell,
            Measure::WeightReps,
        );
        assert_eq!(h.add_exercise(blank).unwrap_err().field(), Some("name"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Random text into the real catalog's lookups and the id resolver: errors, never panics.
        #[test]
        fn lookups_never_panic_on_random_text(q in "\\PC{0,40}") {
            static HEFT: std::sync::LazyLock<crate::Heft> = std::sync::LazyLock::new(heft);
            let _ = HEFT.find_exercise(&q);
            let _ = HEFT.search_exercises(&q);
            let _ = HEFT.resolve_set_id(&q);
            let _ = crate::grammar::parse(&q);
        }
    }

    #[test]
    fn search_lists_everything_for_a_blank_query() {
        let h = heft();
        assert_eq!(
            h.search_exercises("").unwrap().len(),
            h.exercises().unwrap().len()
        );
        let hits = h.search_exercises("deadlift").unwrap();
        assert!(hits.len() >= 3);
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    }
}
