-- Heft schema version 5.
--
-- The digest a CSV import remembers of each row it wrote (so a re-import
-- does not revert edits made in Heft) moves from the table of its own into
-- a column of the row: an import then inserts into one B-tree less per
-- set. Local as before: the column is never exported or merged. Digests
-- written by schema 4 (32 hex digits, text) are kept as they are; new ones
-- are 16 bytes (a blob).
ALTER TABLE set_entry ADD COLUMN import_digest BLOB;
ALTER TABLE workout ADD COLUMN import_digest BLOB;

UPDATE set_entry SET import_digest = (SELECT d.digest FROM import_digest d WHERE d.id = set_entry.id)
    WHERE id IN (SELECT id FROM import_digest);
UPDATE workout SET import_digest = (SELECT d.digest FROM import_digest d WHERE d.id = workout.id)
    WHERE id IN (SELECT id FROM import_digest);

DROP TABLE import_digest;
