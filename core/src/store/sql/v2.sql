-- Heft schema version 2.
--
-- Finding the open workout (every log does) scanned every workout ever
-- started; this partial index holds only the open ones, so the cost stays
-- flat as history grows.
CREATE INDEX workout_open ON workout (started_at_ms) WHERE deleted = 0 AND finished_at_ms IS NULL;
