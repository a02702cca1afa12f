-- Heft schema version 1.
--
-- Synced tables (exercise, workout, set_entry, measurement, profile) carry
-- `hlc`, the hybrid-logical-clock stamp of the row's last write (text that
-- sorts in clock order), and `deleted`, a tombstone: rows are never removed,
-- so a deletion can travel to other devices. Local tables (meta, device,
-- undo_entry) never leave the device.
-- Foreign keys are DEFERRABLE so a merge can insert rows in any order within
-- its transaction.

-- Key/value facts about this database: device id, last clock stamp, catalog version.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Devices seen: this one (is_local = 1) and, after sync, the others.
CREATE TABLE device (
    id            TEXT PRIMARY KEY NOT NULL,
    name          TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    is_local      INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1)),
    last_hlc      TEXT
);

-- The person's settings, one row per field so that two devices changing
-- different fields both keep their change (last writer wins per field).
CREATE TABLE profile (
    field   TEXT PRIMARY KEY NOT NULL,
    value   TEXT NOT NULL,
    hlc     TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

-- Exercises: built-ins (id is a slug, builtin = 1, seeded from the catalog)
-- and the person's own (id is a UUIDv7).
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
);

-- Training sessions. Times are UTC milliseconds plus the local offset then.
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
);
CREATE INDEX workout_started ON workout (started_at_ms);

-- Sets. Weights are kept as entered: thousandths of the unit plus the unit.
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
);
CREATE INDEX set_entry_workout ON set_entry (workout_id, position);
CREATE INDEX set_entry_exercise ON set_entry (exercise_id, performed_at_ms);

-- Body and outcome measures (weight, DXA, grip, chair stand, ...).
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
);
CREATE INDEX measurement_kind ON measurement (kind, measured_at_ms);

-- What `undo` reverses, newest last. Local: undo is per device.
CREATE TABLE undo_entry (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms      INTEGER NOT NULL,
    label      TEXT NOT NULL,
    inverse    TEXT NOT NULL  -- JSON of the action that reverses it
);
