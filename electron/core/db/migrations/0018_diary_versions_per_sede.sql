-- Two sedi editing the same diary entry offline each keep the version they replaced under the
-- same number (both edited version N). UNIQUE (entry_id, versione) made the second copy
-- impossible to insert when it arrived by sync: it waited in sync_pending_rows for ever, so that
-- earlier text never reached the other sedi and their archives differed. Each kept version is
-- its own row (its own id); the number says which version it replaced, and two may share it.
CREATE TABLE diary_versions_new (
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
INSERT INTO diary_versions_new (id, entry_id, versione, tipo, data, ora, luogo, partecipanti, testo, riservato, autore_id, sostituita_il)
  SELECT id, entry_id, versione, tipo, data, ora, luogo, partecipanti, testo, riservato, autore_id, sostituita_il FROM diary_versions;
DROP TABLE diary_versions;
ALTER TABLE diary_versions_new RENAME TO diary_versions;
CREATE INDEX diary_versions_by_entry ON diary_versions (entry_id, versione);
