-- A decision as the archive files it: the criteria as the decider saw them when deciding (JSON). Decisions made
-- before it have none.
ALTER TABLE decisions ADD COLUMN criteria TEXT NULL;
