-- Letters and documents: immutable template versions (id = SHA-256 of the source), which version
-- each template uses now, and the documents printed from them (an encrypted PDF in allegati/,
-- like an attachment) with status, recipient and the protocol data of the Comune's register.
-- Every column a later migration adds must be nullable or have a DEFAULT (sync arrives by cell).

-- One version of a template, never changed: saving different text makes a new row.
CREATE TABLE letter_template_versions (
  id         TEXT PRIMARY KEY CHECK (length(id) = 64),
  template   TEXT NOT NULL,
  titolo     TEXT NOT NULL DEFAULT '',
  sorgente   TEXT NOT NULL DEFAULT '',
  originale  INTEGER NOT NULL DEFAULT 0 CHECK (originale IN (0, 1)),
  autore_id  TEXT REFERENCES users (id),
  created_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX letter_template_versions_by_template ON letter_template_versions (template, created_at);
CREATE TRIGGER letter_template_versions_immutable BEFORE UPDATE OF template, sorgente ON letter_template_versions
BEGIN
  SELECT RAISE(ABORT, 'letter template versions are immutable');
END;

-- The version a template prints with now; the row's id is the template's name. No row: the
-- built-in original of this program.
CREATE TABLE letter_template_heads (
  id         TEXT PRIMARY KEY,
  version_id TEXT NOT NULL REFERENCES letter_template_versions (id),
  updated_at TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE documents (
  id                  TEXT PRIMARY KEY,
  person_id           TEXT NOT NULL REFERENCES persons (id),
  case_id             TEXT REFERENCES cases (id),
  template            TEXT NOT NULL,
  titolo              TEXT NOT NULL DEFAULT '',
  version_id          TEXT NOT NULL REFERENCES letter_template_versions (id),
  stato               TEXT NOT NULL DEFAULT 'bozza' CHECK (stato IN ('bozza', 'firmato', 'inviato')),
  destinatario        TEXT NOT NULL DEFAULT '',
  riservato           INTEGER NOT NULL DEFAULT 0 CHECK (riservato IN (0, 1)),
  nome_file           TEXT NOT NULL DEFAULT '',
  file                TEXT NOT NULL DEFAULT '',
  sha256              TEXT NOT NULL DEFAULT '',
  dimensione          INTEGER NOT NULL DEFAULT 0,
  -- The record it was printed from, to print it again with the same data source.
  soggetto_tipo       TEXT NOT NULL DEFAULT '' CHECK (soggetto_tipo IN ('', 'persona', 'cartella', 'appuntamento', 'tirocinio')),
  soggetto_id         TEXT NOT NULL DEFAULT '',
  -- The occurrence of a recurring appointment, or the month of a registro presenze ('' otherwise).
  soggetto_data       TEXT NOT NULL DEFAULT '',
  -- The free-text parts as printed (JSON object), so a reprint says the same thing.
  parti               TEXT NOT NULL DEFAULT '{}',
  protocollo_numero   TEXT CHECK (protocollo_numero IS NULL OR (length(protocollo_numero) BETWEEN 7 AND 12 AND protocollo_numero NOT GLOB '*[^0-9]*')),
  protocollo_data     TEXT CHECK (protocollo_data IS NULL OR length(protocollo_data) = 10),
  protocollo_registro TEXT,
  protocollo_anno     INTEGER,
  ristampa_di         TEXT REFERENCES documents (id),
  autore_id           TEXT REFERENCES users (id),
  created_at          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX documents_by_case ON documents (case_id, created_at);
CREATE INDEX documents_by_person ON documents (person_id, created_at);
-- A protocol number is given once per register and year; a reprint carries its original's.
CREATE UNIQUE INDEX documents_protocollo ON documents (protocollo_registro, protocollo_anno, protocollo_numero)
  WHERE protocollo_numero IS NOT NULL AND ristampa_di IS NULL;

ALTER TABLE zone ADD COLUMN finestra_busta TEXT NOT NULL DEFAULT 'destra_it' CHECK (finestra_busta IN ('destra_it', 'din5008b'));
