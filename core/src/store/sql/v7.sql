-- Heft schema version 7: derived rows that keep Progress fast for a lifetime.
--
-- Each row is a function of the live sets of one workout and one exercise
-- (core/src/analytics/session_bests.rs says which sets count for what), so
-- the Progress screen reads a few thousand of these instead of every set.
-- They are local: never synced, never exported, rebuilt from the sets.
--
-- The triggers insert only what is not there yet rather than INSERT OR
-- IGNORE: a trigger's statements take the conflict policy of the statement
-- that fired them, so an outer INSERT OR ABORT would turn IGNORE into an
-- error.
--
-- The store keeps them exact: the triggers below name every workout whose
-- sets, start or exercises changed in `derived_stale`, whatever wrote the
-- change (a log, an edit, a delete, an undo, a merge, an import, a
-- recovery), and every write transaction recomputes the named workouts
-- before it commits (`store::derived::refresh`). A reader that still finds
-- a workout named there computes it from its sets instead.

-- A session's bests of one exercise.
CREATE TABLE exercise_session (
    exercise_id      TEXT NOT NULL,
    workout_id       TEXT NOT NULL,
    started_at_ms    INTEGER NOT NULL,  -- the workout's start (UTC)
    session_date     TEXT NOT NULL,     -- its local date, YYYY-MM-DD
    lifting          INTEGER NOT NULL,  -- 1: not cardio (the session counts as lifting)
    work_sets        INTEGER NOT NULL,  -- working and failure sets, not preparation
    heaviest_kg      REAL,              -- heaviest-weight record candidate
    heaviest_before  REAL,              -- the best of this session's earlier sets
    heaviest_set     TEXT,
    heaviest_date    TEXT,              -- the set's local date
    volume_kg        REAL,              -- load x reps of working, failure and drop sets
    heavy_load_kg    REAL,              -- the heaviest external load of a working set
    heavy_load_date  TEXT,
    heavy_effort_date TEXT,             -- the last set heavy by effort (axial exercises)
    PRIMARY KEY (exercise_id, workout_id)
) WITHOUT ROWID;

CREATE INDEX exercise_session_start ON exercise_session (started_at_ms);
CREATE INDEX exercise_session_workout ON exercise_session (workout_id);
CREATE INDEX exercise_session_exercise ON exercise_session (exercise_id, started_at_ms);
-- A record is the top of these, read from the end: the best value of an
-- exercise, and the best before a session, without reading the rest.
CREATE INDEX exercise_session_heaviest ON exercise_session (exercise_id, heaviest_kg, started_at_ms)
    WHERE heaviest_kg IS NOT NULL;
CREATE INDEX exercise_session_volume ON exercise_session (exercise_id, volume_kg, started_at_ms)
    WHERE volume_kg IS NOT NULL;
CREATE INDEX exercise_session_lifting ON exercise_session (started_at_ms, session_date) WHERE lifting = 1;

-- A session's best e1RM of one exercise, per formula: a point of its series.
CREATE TABLE e1rm_point (
    exercise_id   TEXT NOT NULL,
    formula       TEXT NOT NULL CHECK (formula IN ('epley', 'brzycki')),
    workout_id    TEXT NOT NULL,
    started_at_ms INTEGER NOT NULL,
    session_date  TEXT NOT NULL,
    set_id        TEXT NOT NULL,
    set_date      TEXT NOT NULL,
    e1rm_kg       REAL NOT NULL,
    before_kg     REAL,                 -- the best of this session's earlier sets
    weight_kg     REAL NOT NULL,
    reps          INTEGER NOT NULL,
    rir           REAL,
    PRIMARY KEY (exercise_id, formula, workout_id)
) WITHOUT ROWID;

CREATE INDEX e1rm_point_series ON e1rm_point (exercise_id, formula, started_at_ms);
CREATE INDEX e1rm_point_best ON e1rm_point (exercise_id, formula, e1rm_kg, started_at_ms);
CREATE INDEX e1rm_point_workout ON e1rm_point (workout_id);

-- Workouts whose derived rows are out of date.
CREATE TABLE derived_stale (
    workout_id TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER set_entry_insert_derived AFTER INSERT ON set_entry BEGIN
    INSERT INTO derived_stale (workout_id)
        SELECT NEW.workout_id WHERE NOT EXISTS (SELECT 1 FROM derived_stale WHERE workout_id = NEW.workout_id);
END;

CREATE TRIGGER set_entry_update_derived AFTER UPDATE ON set_entry BEGIN
    INSERT INTO derived_stale (workout_id)
        SELECT OLD.workout_id WHERE NOT EXISTS (SELECT 1 FROM derived_stale WHERE workout_id = OLD.workout_id);
    INSERT INTO derived_stale (workout_id)
        SELECT NEW.workout_id WHERE NOT EXISTS (SELECT 1 FROM derived_stale WHERE workout_id = NEW.workout_id);
END;

CREATE TRIGGER set_entry_delete_derived AFTER DELETE ON set_entry BEGIN
    INSERT INTO derived_stale (workout_id)
        SELECT OLD.workout_id WHERE NOT EXISTS (SELECT 1 FROM derived_stale WHERE workout_id = OLD.workout_id);
END;

CREATE TRIGGER workout_update_derived AFTER UPDATE OF started_at_ms, offset_min, deleted ON workout
WHEN OLD.started_at_ms IS NOT NEW.started_at_ms OR OLD.offset_min IS NOT NEW.offset_min
  OR OLD.deleted IS NOT NEW.deleted
BEGIN
    INSERT INTO derived_stale (workout_id)
        SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM derived_stale WHERE workout_id = NEW.id);
END;

CREATE TRIGGER workout_delete_derived AFTER DELETE ON workout BEGIN
    INSERT INTO derived_stale (workout_id)
        SELECT OLD.id WHERE NOT EXISTS (SELECT 1 FROM derived_stale WHERE workout_id = OLD.id);
END;

CREATE TRIGGER exercise_update_derived
AFTER UPDATE OF pattern, measure, axial, impact, deleted ON exercise
WHEN OLD.pattern IS NOT NEW.pattern OR OLD.measure IS NOT NEW.measure
  OR OLD.axial IS NOT NEW.axial OR OLD.impact IS NOT NEW.impact
  OR OLD.deleted IS NOT NEW.deleted
BEGIN
    INSERT INTO derived_stale (workout_id)
        SELECT DISTINCT workout_id FROM set_entry
        WHERE exercise_id = NEW.id
          AND workout_id NOT IN (SELECT workout_id FROM derived_stale);
END;

CREATE TRIGGER exercise_delete_derived AFTER DELETE ON exercise BEGIN
    INSERT INTO derived_stale (workout_id)
        SELECT DISTINCT workout_id FROM set_entry
        WHERE exercise_id = OLD.id
          AND workout_id NOT IN (SELECT workout_id FROM derived_stale);
END;

-- Every workout with sets: the first write after this upgrade builds them all.
INSERT OR IGNORE INTO derived_stale (workout_id) SELECT DISTINCT workout_id FROM set_entry;
