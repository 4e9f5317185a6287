-- GDPR art. 18: limitazione del trattamento. One row per restriction, never deleted: lifting it
-- fills revocata_il, so the history of who restricted and released whom, and why, stays. Columns
-- besides the person have a DEFAULT or are nullable: rows arrive cell by cell through sync.
-- (Numbered 0013 on this branch so the list stays consecutive; the lead renumbers it 0015.)
CREATE TABLE person_restrictions (
  id            TEXT PRIMARY KEY,
  person_id     TEXT NOT NULL REFERENCES persons (id),
  dal           TEXT NOT NULL DEFAULT '',
  motivo        TEXT NOT NULL DEFAULT '',
  disposta_da   TEXT REFERENCES users (id),
  revocata_il   TEXT,
  revocata_da   TEXT REFERENCES users (id),
  motivo_revoca TEXT NOT NULL DEFAULT ''
) STRICT;
-- The check every write makes: is this person restricted now? One index probe.
CREATE INDEX person_restrictions_active ON person_restrictions (person_id) WHERE revocata_il IS NULL;
