-- Two sedi editing the same diary entry before they sync each keep the text they replaced as the
-- same version number (both saw version N). With UNIQUE (entry_id, versione) the row arriving
-- second could never be inserted: it waited in sync_pending_rows for ever and the two sedi held
-- different rows. The versions are told apart by their id; the number only orders them.
CREATE TABLE diary_versions_0019 (
  id           TEXT PRIMARY KEY,
  entry_id     TEXT NOT NULL REFERENCES diary_entries (id),
  versione     INTEGER NOT NULL,
  tipo         TEXT NOT NULL,
  data         TEXT NOT NULL,
  ora          TEXT NOT NULL,
  luogo        TEXT NOT NULL,
  partecipanti TEXT NOT NULL,
  testo        TEXT NOT NULL,
  riservato    INTEGER NOT NULL,
  autore_id    TEXT NOT NULL,
  sostituita_il TEXT NOT NULL
) STRICT;
INSERT INTO diary_versions_0019 (id, entry_id, versione, tipo, data, ora, luogo, partecipanti, testo, riservato, autore_id, sostituita_il)
  SELECT id, entry_id, versione, tipo, data, ora, luogo, partecipanti, testo, riservato, autore_id, sostituita_il FROM diary_versions;
DROP TABLE diary_versions;
ALTER TABLE diary_versions_0019 RENAME TO diary_versions;
CREATE INDEX diary_versions_by_entry ON diary_versions (entry_id, versione);

-- Rows the old constraint kept waiting (sync_pending_rows) go in with the next sync batch applied here.
