-- Persone e cartelle: anagrafica, nuclei, ISEE, accessi, cartelle con stati e operatori,
-- diario con versioni e note riservate, PAI, interventi ed erogazioni, allegati, accessi in
-- emergenza, e l'indice di ricerca FTS5 tenuto aggiornato da trigger.

CREATE TABLE persons (
  id                     TEXT PRIMARY KEY,
  cognome                TEXT NOT NULL,
  nome                   TEXT NOT NULL,
  codice_fiscale         TEXT,
  cf_root                TEXT,
  sesso                  TEXT CHECK (sesso IN ('M', 'F')),
  data_nascita           TEXT,
  luogo_nascita          TEXT,            -- Belfiore code: comune (A000) or foreign state (Z000)
  cittadinanza           TEXT,            -- Belfiore code of the state, or 'ITA'
  cittadinanza2          TEXT,
  residenza_comune_istat TEXT,
  residenza_indirizzo    TEXT NOT NULL DEFAULT '',
  domicilio              TEXT NOT NULL DEFAULT '',
  telefono               TEXT NOT NULL DEFAULT '',
  email                  TEXT NOT NULL DEFAULT '',
  titolo_studio          TEXT NOT NULL DEFAULT '',
  condizione_lavorativa  TEXT NOT NULL DEFAULT '',
  permesso_soggiorno     TEXT NOT NULL DEFAULT '',
  invalidita             TEXT NOT NULL DEFAULT '',
  legge_104              INTEGER NOT NULL DEFAULT 0 CHECK (legge_104 IN (0, 1)),
  tutore                 TEXT NOT NULL DEFAULT '',
  created_at             TEXT NOT NULL
) STRICT;
-- Two forms of the same code (omocodia) are the same person.
CREATE UNIQUE INDEX persons_cf_root ON persons (cf_root) WHERE cf_root IS NOT NULL;
CREATE INDEX persons_name_birth ON persons (cognome COLLATE NOCASE, nome COLLATE NOCASE, data_nascita);
CREATE INDEX persons_comune ON persons (residenza_comune_istat);

CREATE TABLE households (
  id         TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE household_members (
  id           TEXT PRIMARY KEY,
  household_id TEXT NOT NULL REFERENCES households (id),
  person_id    TEXT NOT NULL REFERENCES persons (id),
  parentela    TEXT NOT NULL,
  convivente   INTEGER NOT NULL DEFAULT 1 CHECK (convivente IN (0, 1)),
  attivo       INTEGER NOT NULL DEFAULT 1 CHECK (attivo IN (0, 1)),
  dal          TEXT NOT NULL,
  al           TEXT
) STRICT;
-- A person belongs to one household at a time; past memberships stay as history.
CREATE UNIQUE INDEX household_members_one_active ON household_members (person_id) WHERE attivo = 1;
CREATE INDEX household_members_by_household ON household_members (household_id);

CREATE TABLE isee (
  id             TEXT PRIMARY KEY,
  person_id      TEXT NOT NULL REFERENCES persons (id),
  anno           INTEGER NOT NULL,
  tipo           TEXT NOT NULL,
  ise_cents      INTEGER,
  isee_cents     INTEGER NOT NULL,
  dsu_protocollo TEXT NOT NULL DEFAULT '',
  dsu_data       TEXT,
  scadenza       TEXT NOT NULL,
  created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX isee_by_person ON isee (person_id);
CREATE INDEX isee_by_scadenza ON isee (scadenza);

CREATE TABLE accessi (
  id          TEXT PRIMARY KEY,
  person_id   TEXT NOT NULL REFERENCES persons (id),
  data        TEXT NOT NULL,
  sede_id     TEXT NOT NULL REFERENCES sedi (id),
  inviato_da  TEXT NOT NULL DEFAULT '',
  motivo      TEXT NOT NULL,
  esito       TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  operatore_id TEXT REFERENCES users (id),
  case_id     TEXT,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX accessi_by_person ON accessi (person_id);

CREATE TABLE cases (
  id            TEXT PRIMARY KEY,
  numero        TEXT NOT NULL UNIQUE,
  anno          INTEGER NOT NULL,
  sede_id       TEXT NOT NULL REFERENCES sedi (id),
  progressivo   INTEGER NOT NULL,
  person_id     TEXT NOT NULL REFERENCES persons (id),
  area          TEXT NOT NULL,
  problematiche TEXT NOT NULL DEFAULT '[]',   -- JSON array of codes
  stato         TEXT NOT NULL CHECK (stato IN ('aperto', 'in_carico', 'sospeso', 'chiuso')),
  aperta_il     TEXT NOT NULL,
  chiusa_il     TEXT,
  archiviata    INTEGER NOT NULL DEFAULT 0 CHECK (archiviata IN (0, 1)),
  created_at    TEXT NOT NULL,
  UNIQUE (sede_id, anno, progressivo)
) STRICT;
CREATE INDEX cases_by_person ON cases (person_id);
CREATE INDEX cases_by_stato ON cases (stato, area);

CREATE TABLE case_status_history (
  id       TEXT PRIMARY KEY,
  case_id  TEXT NOT NULL REFERENCES cases (id),
  stato    TEXT NOT NULL,
  data     TEXT NOT NULL,
  motivo   TEXT NOT NULL DEFAULT '',
  user_id  TEXT REFERENCES users (id),
  at       TEXT NOT NULL
) STRICT;
CREATE INDEX case_status_history_by_case ON case_status_history (case_id);

CREATE TABLE case_operators (
  id      TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  ruolo   TEXT NOT NULL CHECK (ruolo IN ('responsabile', 'co_operatore')),
  dal     TEXT NOT NULL,
  al      TEXT
) STRICT;
CREATE INDEX case_operators_by_case ON case_operators (case_id);
CREATE INDEX case_operators_by_user ON case_operators (user_id, al);

CREATE TABLE diary_entries (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases (id),
  tipo         TEXT NOT NULL,
  data         TEXT NOT NULL,
  ora          TEXT NOT NULL DEFAULT '',
  luogo        TEXT NOT NULL DEFAULT '',
  partecipanti TEXT NOT NULL DEFAULT '',
  testo        TEXT NOT NULL,
  riservato    INTEGER NOT NULL DEFAULT 0 CHECK (riservato IN (0, 1)),
  autore_id    TEXT NOT NULL REFERENCES users (id),
  versione     INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX diary_by_case ON diary_entries (case_id, data DESC);

-- Every earlier version of an edited entry, kept whole.
CREATE TABLE diary_versions (
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
  sostituita_il TEXT NOT NULL,
  UNIQUE (entry_id, versione)
) STRICT;

-- People named on a riservato entry, who may read it besides psicologi.
CREATE TABLE diary_named_users (
  id       TEXT PRIMARY KEY,
  entry_id TEXT NOT NULL REFERENCES diary_entries (id),
  user_id  TEXT NOT NULL REFERENCES users (id),
  UNIQUE (entry_id, user_id)
) STRICT;

CREATE TABLE pai (
  id                 TEXT PRIMARY KEY,
  case_id            TEXT NOT NULL REFERENCES cases (id),
  data_avvio         TEXT NOT NULL,
  revisione_mesi     INTEGER NOT NULL CHECK (revisione_mesi BETWEEN 1 AND 24),
  prossima_revisione TEXT NOT NULL,
  stato              TEXT NOT NULL CHECK (stato IN ('attivo', 'chiuso')),
  chiuso_il          TEXT,
  note               TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL
) STRICT;
CREATE INDEX pai_by_case ON pai (case_id);
CREATE INDEX pai_by_revisione ON pai (stato, prossima_revisione);

CREATE TABLE pai_objectives (
  id          TEXT PRIMARY KEY,
  pai_id      TEXT NOT NULL REFERENCES pai (id),
  termine     TEXT NOT NULL CHECK (termine IN ('breve', 'medio', 'lungo')),
  descrizione TEXT NOT NULL,
  esito       TEXT NOT NULL,
  esito_note  TEXT NOT NULL DEFAULT '',
  ordine      INTEGER NOT NULL
) STRICT;
CREATE INDEX pai_objectives_by_pai ON pai_objectives (pai_id);

CREATE TABLE interventions (
  id                 TEXT PRIMARY KEY,
  case_id            TEXT NOT NULL REFERENCES cases (id),
  prestazione_codice TEXT NOT NULL,
  descrizione        TEXT NOT NULL,
  data_inizio        TEXT NOT NULL,
  data_fine          TEXT,
  importo_cents      INTEGER,
  quota_ente_cents   INTEGER,
  quota_utente_cents INTEGER,
  ore_mensili        REAL,
  stato              TEXT NOT NULL CHECK (stato IN ('previsto', 'attivo', 'concluso', 'annullato')),
  created_at         TEXT NOT NULL
) STRICT;
CREATE INDEX interventions_by_case ON interventions (case_id);

CREATE TABLE deliveries (
  id                 TEXT PRIMARY KEY,
  intervention_id    TEXT NOT NULL REFERENCES interventions (id),
  data               TEXT NOT NULL,
  importo_cents      INTEGER,
  quota_ente_cents   INTEGER,
  quota_utente_cents INTEGER,
  ore                REAL,
  note               TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL
) STRICT;
CREATE INDEX deliveries_by_intervention ON deliveries (intervention_id, data);

CREATE TABLE attachments (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES cases (id),
  nome        TEXT NOT NULL,       -- sanitised display name
  tipo        TEXT NOT NULL,       -- detected from content: pdf, png, jpeg, docx, odt, txt
  dimensione  INTEGER NOT NULL,
  sha256      TEXT NOT NULL,
  file        TEXT NOT NULL,       -- app-generated name inside allegati/
  descrizione TEXT NOT NULL DEFAULT '',
  autore_id   TEXT NOT NULL REFERENCES users (id),
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_by_case ON attachments (case_id);

CREATE TABLE emergency_accesses (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES cases (id),
  user_id     TEXT NOT NULL REFERENCES users (id),
  motivo      TEXT NOT NULL,
  at          TEXT NOT NULL,
  scade_il    TEXT NOT NULL,
  visto_da    TEXT REFERENCES users (id),
  visto_il    TEXT
) STRICT;
CREATE INDEX emergency_by_user ON emergency_accesses (user_id, case_id, scade_il);

-- Search: surname, name, codice fiscale, address, case numbers; accents and case ignored.
-- The FTS rowid comes from person_keys, a local integer key (a plain rowid may change on VACUUM).
CREATE TABLE person_keys (
  num       INTEGER PRIMARY KEY,
  person_id TEXT NOT NULL UNIQUE
) STRICT;

CREATE VIRTUAL TABLE person_search USING fts5 (
  testo,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIEW person_search_text AS
SELECT k.num AS num, p.id AS person_id,
       p.cognome || ' ' || p.nome || ' ' || coalesce(p.codice_fiscale, '') || ' ' || p.residenza_indirizzo || ' ' || p.domicilio || ' ' ||
       coalesce((SELECT group_concat(c.numero, ' ') FROM cases c WHERE c.person_id = p.id), '') AS testo
FROM persons p JOIN person_keys k ON k.person_id = p.id;

CREATE TRIGGER persons_search_insert AFTER INSERT ON persons BEGIN
  INSERT INTO person_keys (person_id) VALUES (new.id);
  INSERT INTO person_search (rowid, testo) SELECT num, testo FROM person_search_text WHERE person_id = new.id;
END;

CREATE TRIGGER persons_search_update AFTER UPDATE OF cognome, nome, codice_fiscale, residenza_indirizzo, domicilio ON persons BEGIN
  DELETE FROM person_search WHERE rowid = (SELECT num FROM person_keys WHERE person_id = new.id);
  INSERT INTO person_search (rowid, testo) SELECT num, testo FROM person_search_text WHERE person_id = new.id;
END;

CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
  DELETE FROM person_search WHERE rowid = (SELECT num FROM person_keys WHERE person_id = new.person_id);
  INSERT INTO person_search (rowid, testo) SELECT num, testo FROM person_search_text WHERE person_id = new.person_id;
END;
