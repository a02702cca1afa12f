//! Forgiving name matching: case, punctuation, word order, plurals and typos.
//!
//! Every name and alias is reduced to a [`NameKey`]: lower-case words with
//! punctuation removed, light plural stripping, sorted. "Squat (Barbell)",
//! "barbell squat" and "Barbell-Squats" share a key. Exact key matches win;
//! otherwise a typo-tolerant similarity (edit distance with transpositions over the key and
//! over the words run together, so "pullup" meets "pull-up") picks a match
//! only when it is close and clearly ahead of the next exercise, and else
//! offers the closest names as suggestions.

use std::collections::HashMap;

use strsim::osa_distance;

use crate::model::Exercise;

/// Similarity needed to accept a name as a typo of another.
const TYPO_ACCEPT: f64 = 0.8;
/// How far ahead of the next exercise a typo match must be.
const TYPO_MARGIN: f64 = 0.05;
/// Shortest query for which typos are forgiven (short words collide too easily).
const TYPO_MIN_CHARS: usize = 4;
/// Lowest score shown in search results.
const SEARCH_FLOOR: f64 = 0.45;
/// Lowest score offered as a suggestion for an unknown name (a hint may be loose).
const SUGGEST_FLOOR: f64 = 0.3;

/// Longest name considered; longer input is cut (no exercise name is longer).
const MAX_QUERY_CHARS: usize = 120;

/// A name reduced for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKey {
    /// Words in the order written.
    pub words: Vec<String>,
    /// The order-free form: sorted words joined by spaces.
    key: String,
    /// The words run together in written order ("pull up" -> "pullup").
    compact: String,
}

impl NameKey {
    /// The order-free form: sorted words joined by spaces.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The words run together in written order ("pull up" -> "pullup").
    pub fn compact(&self) -> &str {
        &self.compact
    }
}

/// Reduces a name to its comparison key.
pub fn normalize(name: &str) -> NameKey {
    let lowered: String = name
        .chars()
        .take(MAX_QUERY_CHARS)
        .collect::<String>()
        .to_lowercase();
    let words: Vec<String> = lowered
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(singular)
        .collect();
    let mut sorted = words.clone();
    sorted.sort();
    NameKey {
        key: sorted.join(" "),
        compact: words.concat(),
        words,
    }
}

/// Similarity 0..=1 from the optimal-string-alignment distance (edits and
/// adjacent transpositions, so "sqaut" is one step from "squat").
fn similarity(a: &str, b: &str) -> f64 {
    let longest = a.chars().count().max(b.chars().count());
    if longest == 0 {
        return 1.0;
    }
    1.0 - osa_distance(a, b) as f64 / longest as f64
}

/// Strips a plural "s" ("curls" -> "curl") but not from "press" or short words.
fn singular(word: &str) -> String {
    if word.chars().count() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        word[..word.len() - 1].to_owned()
    } else {
        word.to_owned()
    }
}

/// The candidates closest to a typed name, best first, by the same scores
/// and floor as exercise suggestions: up to three keys of `candidates`, each
/// a key (an id) with the names it may be typed as (the id itself, a title).
/// For lookups that never guess, such as program ids: a person confirms.
pub fn suggest<'c>(query: &str, candidates: &[(&'c str, Vec<&str>)]) -> Vec<&'c str> {
    let q = normalize(query);
    if q.words.is_empty() {
        return Vec::new();
    }
    let mut ranked: Vec<(f64, &'c str)> = candidates
        .iter()
        .map(|(key, names)| {
            let score = names
                .iter()
                .map(|n| {
                    let n = normalize(n);
                    Matcher::raw_typo_score(&q, &n).max(Matcher::search_score(&q, &n))
                })
                .fold(0.0, f64::max);
            (score, *key)
        })
        .filter(|(score, _)| *score >= SUGGEST_FLOOR)
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    ranked.into_iter().take(3).map(|(_, key)| key).collect()
}

/// How a typed name was resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution<'a> {
    /// One exercise matched.
    Found {
        /// Its id.
        id: &'a str,
        /// True when it matched only as a likely typo.
        by_typo: bool,
    },
    /// Nothing matched well enough; the closest names, best first.
    Unknown {
        /// Display names of up to three close exercises.
        suggestions: Vec<String>,
    },
}

/// One search hit.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit<'a> {
    /// The exercise.
    pub exercise: &'a Exercise,
    /// 0..=1, higher is closer.
    pub score: f64,
}

/// An index over a set of exercises for resolving and searching names.
pub struct Matcher<'a> {
    exercises: &'a [Exercise],
    /// Every name and alias: (exercise index, key).
    names: Vec<(usize, NameKey)>,
    exact: HashMap<String, usize>,
}

impl<'a> Matcher<'a> {
    /// Indexes the names and aliases of `exercises`.
    pub fn new(exercises: &'a [Exercise]) -> Self {
        let mut names = Vec::new();
        let mut exact = HashMap::new();
        for (i, e) in exercises.iter().enumerate() {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                let key = normalize(n);
                exact.entry(key.key().to_owned()).or_insert(i);
                exact.entry(key.compact().to_owned()).or_insert(i);
                names.push((i, key));
            }
        }
        Matcher {
            exercises,
            names,
            exact,
        }
    }

    /// The exercise a typed name means, or suggestions when it is unclear.
    pub fn resolve(&self, query: &str) -> Resolution<'a> {
        let q = normalize(query);
        if q.words.is_empty() {
            return Resolution::Unknown {
                suggestions: Vec::new(),
            };
        }
        if let Some(&i) = self
            .exact
            .get(q.key())
            .or_else(|| self.exact.get(q.compact()))
        {
            return Resolution::Found {
                id: &self.exercises[i].id,
                by_typo: false,
            };
        }
        let ranked = self.rank(&q, Self::typo_score);
        if q.compact().chars().count() >= TYPO_MIN_CHARS
            && let Some(best) = ranked.first()
        {
            let runner_up = ranked.get(1).map_or(0.0, |h| h.score);
            if best.score >= TYPO_ACCEPT && best.score - runner_up >= TYPO_MARGIN {
                return Resolution::Found {
                    id: &best.exercise.id,
                    by_typo: true,
                };
            }
        }
        let suggestions = self
            .rank(&q, Self::search_score)
            .into_iter()
            .take_while(|h| h.score >= SUGGEST_FLOOR)
            .take(3)
            .map(|h| h.exercise.name.clone())
            .collect();
        Resolution::Unknown { suggestions }
    }

    /// Exercises whose names are close to `query`, best first.
    pub fn search(&self, query: &str) -> Vec<Hit<'a>> {
        let q = normalize(query);
        if q.words.is_empty() {
            return Vec::new();
        }
        self.rank(&q, Self::search_score)
            .into_iter()
            .filter(|h| h.score >= SEARCH_FLOOR)
            .collect()
    }

    /// Best score per exercise under `score`, sorted best first, then by name.
    fn rank(&self, q: &NameKey, score: fn(&NameKey, &NameKey) -> f64) -> Vec<Hit<'a>> {
        let mut best = vec![0.0f64; self.exercises.len()];
        for (i, key) in &self.names {
            best[*i] = best[*i].max(score(q, key));
        }
        let mut hits: Vec<Hit<'a>> = best
            .into_iter()
            .enumerate()
            .map(|(i, score)| Hit {
                exercise: &self.exercises[i],
                score,
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.exercise.name.cmp(&b.exercise.name))
        });
        hits
    }

    /// Whole-name similarity, order-free and run-together; for typos.
    /// Zero unless every word lines up with a word of the name (see [`words_align`]).
    fn typo_score(q: &NameKey, name: &NameKey) -> f64 {
        if !words_align(q, name) {
            return 0.0;
        }
        Self::raw_typo_score(q, name)
    }

    /// Whole-name similarity without the word check; a component of search.
    fn raw_typo_score(q: &NameKey, name: &NameKey) -> f64 {
        similarity(q.key(), name.key()).max(similarity(q.compact(), name.compact()))
    }

    /// Similarity for browsing: every query word should start or resemble a
    /// word of the name; names with fewer extra words rank higher.
    fn search_score(q: &NameKey, name: &NameKey) -> f64 {
        if q.key() == name.key() {
            return 1.0;
        }
        let mut total = 0.0;
        for qw in &q.words {
            let best = name
                .words
                .iter()
                .map(|nw| {
                    if nw == qw {
                        1.0
                    } else if nw.starts_with(qw.as_str()) {
                        0.9
                    } else {
                        similarity(qw, nw) * 0.85
                    }
                })
                .fold(0.0, f64::max);
            total += best;
        }
        let coverage = total / q.words.len() as f64;
        let extra = name.words.len().saturating_sub(q.words.len()) as f64;
        let word_score = coverage * (0.95 - 0.03 * extra.min(5.0));
        word_score.max(Self::raw_typo_score(q, name) * 0.9)
    }
}

/// A typo match must keep every word: same number of words, each query word
/// paired with a different name word a small edit away (two edits for words
/// of seven letters or more, one for three to six), and two-letter words
/// (such as "bb" and "db") exactly equal. So a
/// dropped or swapped word ("bb bench" vs "db bench") is never a typo.
fn words_align(q: &NameKey, name: &NameKey) -> bool {
    if q.words.len() != name.words.len() {
        return false;
    }
    let mut used = vec![false; name.words.len()];
    q.words.iter().all(|qw| {
        let slot = name.words.iter().enumerate().position(|(i, nw)| {
            let longest = qw.chars().count().max(nw.chars().count());
            let allowed = match longest {
                0..=2 => 0,
                3..=6 => 1,
                _ => 2,
            };
            !used[i] && osa_distance(qw, nw) <= allowed
        });
        match slot {
            Some(i) => {
                used[i] = true;
                true
            }
            None => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Equipment, Measure, Pattern};
    use proptest::prelude::*;

    fn ex(id: &str, name: &str, aliases: &[&str]) -> Exercise {
        Exercise {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            pattern: Pattern::Squat,
            equipment: Equipment::Barbell,
            measure: Measure::WeightReps,
            muscles: vec![],
            unilateral: false,
            axial: false,
            spinal_flexion: false,
            spinal_rotation: false,
            impact: false,
            builtin: true,
        }
    }

    fn sample() -> Vec<Exercise> {
        vec![
            ex(
                "back-squat",
                "Back Squat",
                &["Squat (Barbell)", "Barbell Back Squat", "squat"],
            ),
            ex("front-squat", "Front Squat", &["Front Squat (Barbell)"]),
            ex("hack-squat", "Hack Squat", &[]),
            ex("pull-up", "Pull-Up", &["Pull Up"]),
            ex(
                "bench-press",
                "Bench Press",
                &["Bench Press (Barbell)", "bench"],
            ),
            ex(
                "db-bench-press",
                "Dumbbell Bench Press",
                &["Bench Press (Dumbbell)"],
            ),
            ex("zhim", "Жим лёжа", &[]),
        ]
    }

    fn found(m: &Matcher<'_>, q: &str) -> Option<String> {
        match m.resolve(q) {
            Resolution::Found { id, .. } => Some(id.to_string()),
            Resolution::Unknown { .. } => None,
        }
    }

    #[test]
    fn case_punctuation_order_and_plurals_do_not_matter() {
        let list = sample();
        let m = Matcher::new(&list);
        for q in [
            "back squat",
            "BACK SQUAT",
            "Squat, Back",
            "squat (barbell)",
            "barbell squat",
            "Back Squats",
            "  back   squat ",
        ] {
            assert_eq!(found(&m, q).as_deref(), Some("back-squat"), "{q}");
        }
        for q in ["pullup", "pull ups", "PULL-UP"] {
            assert_eq!(found(&m, q).as_deref(), Some("pull-up"), "{q}");
        }
        assert_eq!(found(&m, "жим ЛЁЖА").as_deref(), Some("zhim"));
    }

    #[test]
    fn close_typos_resolve_but_ambiguous_ones_do_not() {
        let list = sample();
        let m = Matcher::new(&list);
        assert_eq!(
            m.resolve("bak squat"),
            Resolution::Found {
                id: "back-squat",
                by_typo: true
            }
        );
        assert_eq!(found(&m, "frnt squat").as_deref(), Some("front-squat"));
        assert_eq!(found(&m, "bench prss").as_deref(), Some("bench-press"));
        assert_eq!(
            found(&m, "pause press"),
            None,
            "pause is not a typo of push"
        );
        // "Press" alone is as close to the barbell as to the dumbbell press.
        assert_eq!(found(&m, "press"), None);
        // A different or missing word is not a typo, however short.
        assert_eq!(found(&m, "bb bench press"), None);
        assert_eq!(found(&m, "dumbbell bench"), None);
    }

    #[test]
    fn unknown_names_get_the_closest_suggestions() {
        let list = sample();
        let m = Matcher::new(&list);
        match m.resolve("squat jump thing") {
            Resolution::Unknown { suggestions } => {
                assert!(!suggestions.is_empty());
                assert!(suggestions[0].contains("Squat"), "{suggestions:?}");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            m.resolve("!!!"),
            Resolution::Unknown {
                suggestions: vec![]
            }
        );
    }

    #[test]
    fn search_ranks_prefix_and_word_matches() {
        let list = sample();
        let m = Matcher::new(&list);
        let names: Vec<&str> = m
            .search("squat")
            .iter()
            .map(|h| h.exercise.name.as_str())
            .collect();
        assert_eq!(names[0], "Back Squat", "exact alias first: {names:?}");
        assert!(
            names.contains(&"Front Squat") && names.contains(&"Hack Squat"),
            "{names:?}"
        );
        assert!(!names.contains(&"Pull-Up"), "{names:?}");
        let names: Vec<&str> = m
            .search("ben")
            .iter()
            .map(|h| h.exercise.name.as_str())
            .collect();
        assert_eq!(&names[..2], ["Bench Press", "Dumbbell Bench Press"]);
    }

    #[test]
    fn suggestions_for_ids_come_from_the_same_scores() {
        let programs = [
            (
                "liftmor",
                vec!["liftmor", "LIFTMOR: heavy lifting for bone"],
            ),
            ("linear-5x5", vec!["linear-5x5", "Linear 5 x 5"]),
            ("lisa-heavy", vec!["lisa-heavy", "LISA heavy"]),
        ];
        assert_eq!(suggest("liftmr", &programs).first(), Some(&"liftmor"));
        assert_eq!(suggest("linear", &programs).first(), Some(&"linear-5x5"));
        assert!(suggest("zzzzqqq", &programs).is_empty());
        assert!(suggest("", &programs).is_empty());
    }

    proptest! {
        #[test]
        fn never_panics(q in "\\PC{0,60}") {
            let list = sample();
            let m = Matcher::new(&list);
            let _ = m.resolve(&q);
            let _ = m.search(&q);
        }
    }
}
