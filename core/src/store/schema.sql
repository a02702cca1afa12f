-- The schema of a Heft database at version 7, as SQLite keeps it
-- after the migrations in sql/ (which stay the way to create and upgrade it).
-- Written by a test, which fails when this file differs from a fresh
-- database; `UPDATE_GOLDEN=1 cargo test -p heft-core schema_sql` rewrites it.

CREATE TABLE derived_stale (
    workout_id TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;

CREATE TABLE device (
    id            TEXT PRIMARY KEY NOT NULL,
    name          TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    is_local      INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1)),
    last_hlc      TEXT
);

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

CREATE INDEX e1rm_point_best ON e1rm_point (exercise_id, formula, e1rm_kg, started_at_ms);

CREATE INDEX e1rm_point_series ON e1rm_point (exercise_id, formula, started_at_ms);

CREATE INDEX e1rm_point_workout ON e1rm_point (workout_id);

CREATE TABLE exercise (
    id              TEXT PRIMARY KEY NOT NULL,
    name            TEXT NOT NULL,
    aliases         TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    pattern         TEXT NOT NULL,
    equipment       TEXT NOT NULL,
    measure         TEXT NOT NULL,
    muscles         TEXT NOT NULL DEFAULT '[]',  -- JSON array of muscle names
    unilateral      INTEGER NOT NULL DEFAULT 0,
    axial           INTEGER NOT NULL DEFAULT 0,
    spinal_flexion  INTEGER NOT NULL DEFAULT 0,
    spinal_rotation INTEGER NOT NULL DEFAULT 0,
    impact          INTEGER NOT NULL DEFAULT 0,
    builtin         INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    hlc             TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
, newer_columns TEXT);

CREATE TRIGGER exercise_delete_derived AFTER DELETE ON exercise BEGIN
    INSERT INTO derived_stale (workout_id)
        SELECT DISTINCT workout_id FROM set_entry
        WHERE exercise_id = OLD.id
          AND workout_id NOT IN (SELECT workout_id FROM derived_stale);
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

CREATE INDEX exercise_session_exercise ON exercise_session (exercise_id, started_at_ms);

CREATE INDEX exercise_session_heaviest ON exercise_session (exercise_id, heaviest_kg, started_at_ms)
    WHERE heaviest_kg IS NOT NULL;

CREATE INDEX exercise_session_lifting ON exercise_session (started_at_ms, session_date) WHERE lifting = 1;

CREATE INDEX exercise_session_start ON exercise_session (started_at_ms);

CREATE INDEX exercise_session_volume ON exercise_session (exercise_id, volume_kg, started_at_ms)
    WHERE volume_kg IS NOT NULL;

CREATE INDEX exercise_session_workout ON exercise_session (workout_id);

CREATE TABLE measurement (
    id             TEXT PRIMARY KEY NOT NULL,
    kind           TEXT NOT NULL,
    site           TEXT,
    value          REAL NOT NULL,
    unit           TEXT NOT NULL,
    measured_at_ms INTEGER NOT NULL,
    offset_min     INTEGER NOT NULL,
    note           TEXT,
    hlc            TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
, newer_columns TEXT);

CREATE INDEX measurement_kind ON measurement (kind, measured_at_ms);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE profile (
    field   TEXT PRIMARY KEY NOT NULL,
    value   TEXT NOT NULL,
    hlc     TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
, newer_columns TEXT);

CREATE TABLE program (
    id      TEXT PRIMARY KEY NOT NULL,
    source  TEXT NOT NULL,
    hlc     TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
, newer_columns TEXT);

CREATE TABLE program_run (
    id         TEXT PRIMARY KEY NOT NULL,
    program_id TEXT NOT NULL,
    started_on TEXT NOT NULL,           -- YYYY-MM-DD, local
    ended_on   TEXT,                    -- set when stopped or replaced
    state      TEXT NOT NULL,           -- JSON
    hlc        TEXT NOT NULL,
    deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
, newer_columns TEXT);

CREATE INDEX program_run_active ON program_run (started_on) WHERE deleted = 0 AND ended_on IS NULL;

CREATE TABLE set_entry (
    id              TEXT PRIMARY KEY NOT NULL,
    workout_id      TEXT NOT NULL REFERENCES workout (id) DEFERRABLE INITIALLY DEFERRED,
    exercise_id     TEXT NOT NULL REFERENCES exercise (id) DEFERRABLE INITIALLY DEFERRED,
    position        INTEGER NOT NULL,
    performed_at_ms INTEGER NOT NULL,
    offset_min      INTEGER NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('warmup', 'working', 'drop', 'failure')),
    load_type       TEXT NOT NULL CHECK (load_type IN ('none', 'weight', 'bodyweight')),
    weight_milli    INTEGER,            -- external load, or added (negative: assistance)
    weight_unit     TEXT CHECK (weight_unit IS NULL OR weight_unit IN ('kg', 'lb')),
    reps            INTEGER,
    rir             REAL,
    rpe             REAL,
    duration_ms     INTEGER,
    distance_milli  INTEGER,
    distance_unit   TEXT CHECK (distance_unit IS NULL OR distance_unit IN ('m', 'km', 'mi')),
    landings        INTEGER,
    drop_height_cm  REAL,
    pain            INTEGER CHECK (pain IS NULL OR pain BETWEEN 0 AND 10),
    note            TEXT,
    hlc             TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
, target_weight_milli INTEGER, target_weight_unit TEXT CHECK (target_weight_unit IS NULL OR target_weight_unit IN ('kg', 'lb')), target_reps INTEGER, target_rir REAL, import_digest BLOB, role TEXT CHECK (role IS NULL OR role IN ('technique', 'warmup', 'working')), effort_source TEXT CHECK (effort_source IS NULL OR effort_source IN ('logged', 'prescribed')), band TEXT, newer_columns TEXT);

CREATE TRIGGER set_entry_delete_derived AFTER DELETE ON set_entry BEGIN
    INSERT INTO derived_stale (workout_id)
        SELECT OLD.workout_id WHERE NOT EXISTS (SELECT 1 FROM derived_stale WHERE workout_id = OLD.workout_id);
END;

CREATE INDEX set_entry_exercise ON set_entry (exercise_id, performed_at_ms);

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

CREATE INDEX set_entry_workout ON set_entry (workout_id, position);

CREATE TABLE sqlite_sequence(name,seq);

CREATE TABLE undo_entry (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms      INTEGER NOT NULL,
    label      TEXT NOT NULL,
    inverse    TEXT NOT NULL  -- JSON of the action that reverses it
);

CREATE TABLE workout (
    id             TEXT PRIMARY KEY NOT NULL,
    name           TEXT,
    started_at_ms  INTEGER NOT NULL,
    offset_min     INTEGER NOT NULL,
    finished_at_ms INTEGER,
    duration_s     INTEGER CHECK (duration_s IS NULL OR duration_s >= 0),
    note           TEXT,
    hlc            TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
, run_id TEXT, import_digest BLOB, newer_columns TEXT);

CREATE TRIGGER workout_delete_derived AFTER DELETE ON workout BEGIN
    INSERT INTO derived_stale (workout_id)
        SELECT OLD.id WHERE NOT EXISTS (SELECT 1 FROM derived_stale WHERE workout_id = OLD.id);
END;

CREATE INDEX workout_open ON workout (started_at_ms) WHERE deleted = 0 AND finished_at_ms IS NULL;

CREATE INDEX workout_run ON workout (run_id) WHERE run_id IS NOT NULL;

CREATE INDEX workout_started ON workout (started_at_ms);

CREATE TRIGGER workout_update_derived AFTER UPDATE OF started_at_ms, offset_min, deleted ON workout
WHEN OLD.started_at_ms IS NOT NEW.started_at_ms OR OLD.offset_min IS NOT NEW.offset_min
  OR OLD.deleted IS NOT NEW.deleted
BEGIN
    INSERT INTO derived_stale (workout_id)
        SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM derived_stale WHERE workout_id = NEW.id);
END;

PRAGMA application_id = 1214604916;
PRAGMA user_version = 7;
