-- Heft schema version 4.
--
-- What a CSV import last wrote for each row it created, as a digest of the
-- file's values. A later import of the same (or a newer) export changes a
-- row only when the file's values for it changed, so an edit made in Heft
-- to an imported set is not reverted by importing the file again. Local:
-- each device remembers its own imports.
CREATE TABLE import_digest (
    id     TEXT PRIMARY KEY NOT NULL,   -- set_entry.id or workout.id
    digest TEXT NOT NULL
) WITHOUT ROWID;

-- Finding the sessions a program run counted (status, undo, analytics).
CREATE INDEX workout_run ON workout (run_id) WHERE run_id IS NOT NULL;
