//! What an import remembers of a row's values in the file, so that a later
//! import of the same file changes only what the file changed.
//!
//! A row imported from another app's file keeps, in its local
//! `import_digest` column, a [`Digest`] of the values the file gave it. When
//! the same row comes again, equal digests mean the file says what it said
//! then: the row is left as it is, with any edit made in Heft since. Schema
//! 4 kept another digest, as text; a row imported then is still recognised
//! by computing that one ([`legacy_set_digest`], [`legacy_workout_digest`]).

use chrono::Timelike;
use sha2::{Digest as _, Sha256};

use crate::interchange::{CsvLoad, CsvSet, CsvTime, CsvWorkout};
use crate::model::{Effort, Load, Unit, Weight};

/// The first 16 bytes of SHA-256 of a row's values as [`Fields`] encodes
/// them; stored as a blob.
pub type Digest = [u8; 16];

/// The digest a row remembers, as the database holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remembered {
    /// None (a row not imported from another app's file).
    Nothing,
    /// A [`Digest`].
    Digest(Digest),
    /// A digest of schema 4: SHA-256 of the `Debug` text of the values, 16
    /// bytes as hex.
    Legacy(String),
}

/// What a row remembers compared with the file's values now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Compared {
    /// The file says what it said when the row was imported.
    Same,
    /// The same, by a schema-4 digest, which should be replaced.
    SameLegacy,
    /// The file changed (or the row was not imported from a file).
    Differs,
}

impl Remembered {
    /// Compares with `digest`, or with `legacy()` for a schema-4 digest
    /// (computed only then).
    pub(super) fn compare(&self, digest: &Digest, legacy: impl FnOnce() -> String) -> Compared {
        match self {
            Remembered::Digest(d) if d == digest => Compared::Same,
            Remembered::Legacy(d) if *d == legacy() => Compared::SameLegacy,
            _ => Compared::Differs,
        }
    }
}

/// The digest of a set's values in the file; `buf` is scratch space.
pub(super) fn set_digest(buf: &mut Vec<u8>, set: &CsvSet) -> Digest {
    let mut f = Fields::new(buf, "set");
    f.text(&set.exercise);
    f.text(set.kind.as_str());
    match set.load {
        CsvLoad::Weight(w) => {
            f.tag(0);
            f.weight(w);
        }
        CsvLoad::Exact(load) => {
            f.tag(1);
            f.load(load);
        }
    }
    f.opt_int(set.reps.map(i64::from));
    f.effort(set.effort);
    f.opt_int(set.duration_ms.map(i64::from));
    f.quantity(set.distance.map(|d| (d.milli(), d.unit().symbol())));
    f.opt_int(set.landings.map(i64::from));
    f.opt_real(set.drop_height_cm);
    f.opt_int(set.pain.map(i64::from));
    f.opt_text(set.note.as_deref());
    match set.target {
        None => f.tag(0),
        Some(t) => {
            f.tag(1);
            f.weight(t.weight);
            f.opt_int(t.reps.map(i64::from));
            f.opt_real(t.rir);
        }
    }
    f.time(set.performed_at);
    f.finish()
}

/// The digest of a workout's values in the file; `start` as the derived id
/// prints it.
pub(super) fn workout_digest(buf: &mut Vec<u8>, w: &CsvWorkout, start: &str) -> Digest {
    let mut f = Fields::new(buf, "workout");
    f.opt_text(w.id.as_deref());
    f.text(start);
    f.opt_text(w.name.as_deref());
    f.opt_int(w.duration_s.map(i64::from));
    f.time(w.end);
    f.opt_text(w.note.as_deref());
    f.weight(w.body_weight);
    f.finish()
}

/// The values of a row in a file, encoded for its [`Digest`]: each field
/// written in order, lengths before text and a tag before every optional
/// or enumerated value, so different values never encode the same.
struct Fields<'b>(&'b mut Vec<u8>);

impl<'b> Fields<'b> {
    fn new(buf: &'b mut Vec<u8>, what: &str) -> Self {
        buf.clear();
        let mut f = Fields(buf);
        f.text(what);
        f
    }

    fn tag(&mut self, t: u8) {
        self.0.push(t);
    }

    fn int(&mut self, n: i64) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    fn real(&mut self, x: f64) {
        self.0.extend_from_slice(&x.to_bits().to_le_bytes());
    }

    fn text(&mut self, s: &str) {
        self.int(s.len() as i64);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt_int(&mut self, n: Option<i64>) {
        match n {
            None => self.tag(0),
            Some(n) => {
                self.tag(1);
                self.int(n);
            }
        }
    }

    fn opt_real(&mut self, x: Option<f64>) {
        match x {
            None => self.tag(0),
            Some(x) => {
                self.tag(1);
                self.real(x);
            }
        }
    }

    fn opt_text(&mut self, s: Option<&str>) {
        match s {
            None => self.tag(0),
            Some(s) => {
                self.tag(1);
                self.text(s);
            }
        }
    }

    /// A weight or distance: thousandths and unit.
    fn quantity(&mut self, q: Option<(i64, &str)>) {
        match q {
            None => self.tag(0),
            Some((milli, unit)) => {
                self.tag(1);
                self.int(milli);
                self.text(unit);
            }
        }
    }

    fn weight(&mut self, w: Option<Weight>) {
        self.quantity(w.map(|w| (w.milli(), w.unit().symbol())));
    }

    fn load(&mut self, load: Load) {
        match load {
            Load::None => self.tag(0),
            Load::Weight { weight } => {
                self.tag(1);
                self.weight(Some(weight));
            }
            Load::Bodyweight { added } => {
                self.tag(2);
                self.weight(added);
            }
        }
    }

    fn effort(&mut self, e: Option<Effort>) {
        match e {
            None => self.tag(0),
            Some(Effort::Rir(x)) => {
                self.tag(1);
                self.real(x);
            }
            Some(Effort::Rpe(x)) => {
                self.tag(2);
                self.real(x);
            }
        }
    }

    fn time(&mut self, t: Option<CsvTime>) {
        match t {
            None => self.tag(0),
            Some(CsvTime::Local(t)) => {
                self.tag(1);
                self.int(t.and_utc().timestamp());
                self.int(i64::from(t.nanosecond()));
            }
            Some(CsvTime::Exact(t)) => {
                self.tag(2);
                self.int(t.timestamp());
                self.int(i64::from(t.nanosecond()));
                self.int(i64::from(t.offset().local_minus_utc()));
            }
        }
    }

    fn finish(self) -> Digest {
        let hash = Sha256::digest(&self.0[..]);
        let mut d = [0; 16];
        d.copy_from_slice(&hash[..16]);
        d
    }
}

/// The digest schema 4 remembered (as text in its `import_digest` table,
/// moved into the rows by schema 5): SHA-256 of the `Debug` text of the
/// values, 16 bytes as hex.
fn legacy_digest(text: &str) -> String {
    crate::sync::format::hex(&Sha256::digest(text.as_bytes())[..16])
}

/// The digest schema 4 remembered for a set (the `Debug` text of its
/// values), to recognise the sets imported then.
pub(super) fn legacy_set_digest(set: &CsvSet) -> String {
    legacy_digest(&format!(
        "{:?}",
        (
            (&set.exercise, set.kind, set.load, set.reps, set.effort),
            (
                set.duration_ms,
                set.distance,
                set.landings,
                set.drop_height_cm
            ),
            (set.pain, &set.note, set.target, set.performed_at),
        )
    ))
}

/// The digest schema 4 remembered for a workout; `start` as the derived id
/// prints it.
pub(super) fn legacy_workout_digest(w: &CsvWorkout, start: &str) -> String {
    // The key as schema 4 held it: its `Debug` text is part of the digest
    // (which is how its fields are read).
    #[derive(Debug)]
    #[allow(dead_code)]
    struct WorkoutKey<'a> {
        id: &'a Option<String>,
        start: &'a str,
        name: &'a Option<String>,
    }
    let key = WorkoutKey {
        id: &w.id,
        start,
        name: &w.name,
    };
    legacy_digest(&format!(
        "{:?}",
        (&key, w.duration_s, w.end, &w.note, w.body_weight)
    ))
}
