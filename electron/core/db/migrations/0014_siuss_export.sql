-- The SIUSS flow to INPS: each export batch (when, by whom, the file's SHA-256), the records it
-- held (TipoOperazione I or C with the data sent), and what INPS holds now per erogazione, so
-- the next export sends only new erogazioni (I) and those annulled or changed since (C, then I).
-- Every column a later migration adds must be nullable or have a DEFAULT (sync arrives by cell).

CREATE TABLE siuss_batches (
  id            TEXT PRIMARY KEY,
  numero        INTEGER NOT NULL DEFAULT 0,
  periodo       TEXT NOT NULL DEFAULT '',
  formato       TEXT NOT NULL DEFAULT 'csv' CHECK (formato IN ('csv', 'xlsx')),
  nome_file     TEXT NOT NULL DEFAULT '',
  sha256        TEXT NOT NULL DEFAULT '',
  inserimenti   INTEGER NOT NULL DEFAULT 0,
  cancellazioni INTEGER NOT NULL DEFAULT 0,
  user_id       TEXT,
  created_at    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX siuss_batches_by_time ON siuss_batches (created_at);

-- One line of a batch's file: the data as sent (JSON), so a later C repeats what INPS holds.
CREATE TABLE siuss_records (
  id          TEXT PRIMARY KEY,
  batch_id    TEXT NOT NULL DEFAULT '',
  delivery_id TEXT NOT NULL DEFAULT '',
  tipo        TEXT NOT NULL DEFAULT 'I' CHECK (tipo IN ('I', 'C')),
  ordine      INTEGER NOT NULL DEFAULT 0,
  dati        TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX siuss_records_by_batch ON siuss_records (batch_id, ordine);

-- What INPS holds for an erogazione (id = the delivery's id): the last record sent, and whether
-- it stands (1, after an I) or was cancelled (0, after a C).
CREATE TABLE siuss_state (
  id       TEXT PRIMARY KEY,
  batch_id TEXT NOT NULL DEFAULT '',
  dati     TEXT NOT NULL DEFAULT '{}',
  attivo   INTEGER NOT NULL DEFAULT 1 CHECK (attivo IN (0, 1))
) STRICT;
