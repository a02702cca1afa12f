-- Heft schema version 6: what a set was for, where its effort came from,
-- and bands; room for columns of newer devices.
--
-- `role` is the set's place in the session the program planned
-- (technique practice, warm-up, working); NULL when logged freely. Technique
-- and warm-up sets never count as heavy or hard, nor for records and e1RM.
-- `effort_source` says whether rir/rpe were reported by the person or carried
-- over from the plan by logging a set as prescribed (NULL with an effort:
-- reported, as every set before this version). `band` names the elastic band
-- used, from the person's band list (profile field `bands`).
ALTER TABLE set_entry ADD COLUMN role TEXT CHECK (role IS NULL OR role IN ('technique', 'warmup', 'working'));
ALTER TABLE set_entry ADD COLUMN effort_source TEXT CHECK (effort_source IS NULL OR effort_source IN ('logged', 'prescribed'));
ALTER TABLE set_entry ADD COLUMN band TEXT;

-- Values of columns that a newer minor version of the .heft format carries
-- and this build does not know (docs/FORMATS.md, "Versions"): a JSON object
-- of column name -> value, kept with the row and written back out with it,
-- so a device one version behind neither refuses newer files nor erases
-- what it cannot read when it edits a row. NULL when there are none.
ALTER TABLE profile ADD COLUMN newer_columns TEXT;
ALTER TABLE exercise ADD COLUMN newer_columns TEXT;
ALTER TABLE program ADD COLUMN newer_columns TEXT;
ALTER TABLE program_run ADD COLUMN newer_columns TEXT;
ALTER TABLE workout ADD COLUMN newer_columns TEXT;
ALTER TABLE set_entry ADD COLUMN newer_columns TEXT;
ALTER TABLE measurement ADD COLUMN newer_columns TEXT;
