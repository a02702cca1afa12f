-- Heft schema version 3: programs.
--
-- Custom programs are kept as the TOML text the person imported, so a newer
-- build re-reads them with its own checks. A run is one person's way through
-- one program; its state is the engine's JSON (RunState). At most one run is
-- active: the one with no end date, newest start first.
CREATE TABLE program (
    id      TEXT PRIMARY KEY NOT NULL,
    source  TEXT NOT NULL,
    hlc     TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

CREATE TABLE program_run (
    id         TEXT PRIMARY KEY NOT NULL,
    program_id TEXT NOT NULL,
    started_on TEXT NOT NULL,           -- YYYY-MM-DD, local
    ended_on   TEXT,                    -- set when stopped or replaced
    state      TEXT NOT NULL,           -- JSON
    hlc        TEXT NOT NULL,
    deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX program_run_active ON program_run (started_on) WHERE deleted = 0 AND ended_on IS NULL;

-- The run a finished workout counted for (NULL: not a program session).
ALTER TABLE workout ADD COLUMN run_id TEXT;

-- What the plan prescribed for a set, next to what was done.
ALTER TABLE set_entry ADD COLUMN target_weight_milli INTEGER;
ALTER TABLE set_entry ADD COLUMN target_weight_unit TEXT CHECK (target_weight_unit IS NULL OR target_weight_unit IN ('kg', 'lb'));
ALTER TABLE set_entry ADD COLUMN target_reps INTEGER;
ALTER TABLE set_entry ADD COLUMN target_rir REAL;
