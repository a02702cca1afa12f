//! Other apps' exercise names that stand for a built-in exercise.
//!
//! Strong, Hevy, FitNotes, StrongLifts and Liftosaur each name their built-in
//! exercises their own way ("Squat (Barbell)", "Barbell Squat", "Squat").
//! `core/data/import_aliases.toml` maps such names to catalog ids; an import
//! looks a name up here first, then tries an exact catalog match, and
//! otherwise creates a custom exercise. Lookups are as forgiving as the
//! catalog's: names are compared by [`normalize`]d key (case, punctuation,
//! word order, plural "s"), then by the words run together ("Pullups" meets
//! "Pull Ups").

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::catalog::matching::normalize;
use crate::embedded::{self, deflated};

/// The table as shipped (`core/data/import_aliases.toml`, deflated).
const ALIASES: &[u8] = deflated!("import_aliases.toml");

/// The parsed table: catalog id by normalized key and by run-together words.
#[derive(Debug, Default)]
struct Table {
    by_key: HashMap<String, String>,
    by_compact: HashMap<String, String>,
}

impl Table {
    /// Parses `text`; an error names the defect (a build problem, see tests).
    fn parse(text: &str) -> Result<Self, String> {
        let raw: HashMap<String, String> = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut table = Table::default();
        for (name, id) in raw {
            let key = normalize(&name);
            if key.words.is_empty() {
                return Err(format!("'{name}' has no words"));
            }
            table
                .by_compact
                .entry(key.compact().to_owned())
                .or_insert_with(|| id.clone());
            table.by_key.insert(key.key().to_owned(), id);
        }
        Ok(table)
    }

    /// The id `name` maps to: by order-free key, else by its words run together.
    fn get(&self, name: &str) -> Option<&str> {
        let key = normalize(name);
        if key.words.is_empty() {
            return None;
        }
        self.by_key
            .get(key.key())
            .or_else(|| self.by_compact.get(key.compact()))
            .map(String::as_str)
    }
}

/// The embedded table, parsed on first use; empty if it does not parse.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        embedded::text(ALIASES)
            .and_then(|text| Table::parse(&text))
            .unwrap_or_default()
    })
}

/// The built-in exercise id another app's exercise name stands for, if known.
pub fn catalog_id_for(name: &str) -> Option<&'static str> {
    table().get(name)
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;
    use crate::catalog::builtin;

    /// Every (name, id) pair in the embedded file.
    fn entries() -> Vec<(String, String)> {
        let raw: HashMap<String, String> =
            toml::from_str(&embedded::text(ALIASES).unwrap()).unwrap();
        let mut entries: Vec<_> = raw.into_iter().collect();
        entries.sort();
        entries
    }

    #[test]
    fn the_embedded_table_parses() {
        let table = Table::parse(&embedded::text(ALIASES).unwrap()).unwrap();
        assert!(table.by_key.len() >= 500, "only {}", table.by_key.len());
    }

    #[test]
    fn every_target_is_a_builtin_exercise() {
        let cat = builtin().unwrap();
        let ids: HashSet<&str> = cat.exercises.iter().map(|e| e.id.as_str()).collect();
        for (name, id) in entries() {
            assert!(
                ids.contains(id.as_str()),
                "'{name}' maps to unknown id {id}"
            );
        }
    }

    #[test]
    fn names_that_compare_equal_map_to_one_id() {
        let mut by_key: HashMap<String, (String, String)> = HashMap::new();
        let mut by_compact: HashMap<String, (String, String)> = HashMap::new();
        for (name, id) in entries() {
            let key = normalize(&name);
            for (map, k) in [(&mut by_key, key.key()), (&mut by_compact, key.compact())] {
                if let Some((other, other_id)) =
                    map.insert(k.to_owned(), (name.clone(), id.clone()))
                {
                    assert_eq!(
                        other_id, id,
                        "'{other}' and '{name}' ({k}) map to {other_id} and {id}"
                    );
                }
            }
        }
    }

    #[test]
    fn maps_the_common_names_forgivingly() {
        for (name, id) in [
            ("Squat (Barbell)", "back-squat"),
            ("squat (barbell)", "back-squat"),
            ("Barbell Squat", "back-squat"),
            ("  BARBELL-SQUATS ", "back-squat"),
            ("Flat Barbell Bench Press", "bench-press"),
            ("Bench Press (Dumbbell)", "dumbbell-bench-press"),
            ("Pull Up", "pull-up"),
            ("Pullups", "pull-up"),
            ("PULL-UP", "pull-up"),
            ("Chinups", "chin-up"),
            (
                "Triceps Pushdown (Cable - Straight Bar)",
                "triceps-pushdown",
            ),
            ("Seated Cable Row - V Grip (Cable)", "seated-cable-row"),
            ("Running (Treadmill)", "running"),
            ("Romanian Deadlift, Dumbbell", "dumbbell-romanian-deadlift"),
            ("Squat, LeverageMachine", "hack-squat"),
        ] {
            assert_eq!(catalog_id_for(name), Some(id), "{name}");
        }
    }

    #[test]
    fn unknown_and_empty_names_are_not_mapped() {
        for name in ["", "  ", "()", "Zottman Curl (Dumbbell)", "Intensity"] {
            assert_eq!(catalog_id_for(name), None, "{name}");
        }
    }

    #[test]
    fn a_malformed_table_is_an_error_not_a_panic() {
        assert!(Table::parse("\"Squat\" = ").is_err());
        assert!(Table::parse("\"Squat\" = 3").is_err());
        assert!(Table::parse("\"()\" = \"back-squat\"").is_err());
        assert_eq!(Table::default().get("Squat"), None);
    }
}
