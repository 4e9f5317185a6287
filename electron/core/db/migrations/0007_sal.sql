-- Registro SAL (Servizio di Accompagnamento al Lavoro): beneficiari enrolled from their case,
-- host companies with tutors and convenzioni, tirocini with sospensioni, proroghe and monthly
-- presenze, and the dated parameters of each regime. Every column a later migration adds must be
-- nullable or have a DEFAULT (rows arrive cell by cell in sync).

-- One version of a regime's rules and amounts (JSON of shared/domain/sal/parameters.ts), never
-- edited: a new version starts on a later date; a tirocinio records the version it was judged by.
CREATE TABLE sal_parametri (
  id         TEXT PRIMARY KEY,
  regime     TEXT NOT NULL CHECK (regime IN ('ordinario', 'disabili_svantaggiati', 'inclusione_sociale')),
  valido_dal TEXT NOT NULL CHECK (length(valido_dal) = 10),
  dati       TEXT NOT NULL,
  fonte      TEXT NOT NULL DEFAULT '',
  autore_id  TEXT REFERENCES users (id),
  created_at TEXT NOT NULL,
  UNIQUE (regime, valido_dal)
) STRICT;

-- A person in work mediation: the anagrafica stays the person's, the case is the one that referred.
CREATE TABLE sal_beneficiari (
  id                  TEXT PRIMARY KEY,
  person_id           TEXT NOT NULL REFERENCES persons (id),
  case_id             TEXT NOT NULL REFERENCES cases (id),
  inviante_servizio   TEXT NOT NULL DEFAULT '',
  inviante_operatore  TEXT NOT NULL DEFAULT '',
  mediatore_id        TEXT REFERENCES users (id),
  l68                 INTEGER NOT NULL DEFAULT 0 CHECK (l68 IN (0, 1)),
  l68_percentuale     INTEGER CHECK (l68_percentuale BETWEEN 0 AND 100),
  l104                INTEGER NOT NULL DEFAULT 0 CHECK (l104 IN (0, 1)),
  cpi_iscritto        INTEGER NOT NULL DEFAULT 0 CHECK (cpi_iscritto IN (0, 1)),
  cpi_data            TEXT,
  protezione          TEXT NOT NULL DEFAULT '' CHECK (protezione IN ('', 'richiedente_asilo', 'protezione_internazionale', 'protezione_speciale')),
  titolo_studio       TEXT NOT NULL DEFAULT '',
  competenze          TEXT NOT NULL DEFAULT '',
  esperienze          TEXT NOT NULL DEFAULT '',
  aspettative         TEXT NOT NULL DEFAULT '',
  patente             TEXT NOT NULL DEFAULT '',
  mezzi               TEXT NOT NULL DEFAULT '',
  disponibilita       TEXT NOT NULL DEFAULT '',
  distanza_max_km     INTEGER CHECK (distanza_max_km BETWEEN 0 AND 500),
  iban                TEXT NOT NULL DEFAULT '',
  stato               TEXT NOT NULL DEFAULT 'attivo' CHECK (stato IN ('attivo', 'concluso')),
  created_at          TEXT NOT NULL,
  UNIQUE (person_id)
) STRICT;
CREATE INDEX sal_beneficiari_by_case ON sal_beneficiari (case_id);

-- The SISO phases, each with its dates; `al` is null while the phase is open.
CREATE TABLE sal_fasi (
  id              TEXT PRIMARY KEY,
  beneficiario_id TEXT NOT NULL REFERENCES sal_beneficiari (id),
  fase            TEXT NOT NULL CHECK (fase IN ('preliminare', 'orientamento', 'progettazione', 'attivazione', 'accompagnamento', 'monitoraggio', 'valutazione_finale')),
  dal             TEXT NOT NULL,
  al              TEXT,
  note            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX sal_fasi_by_beneficiario ON sal_fasi (beneficiario_id, dal);

-- What was done with the beneficiario (some phases require one, e.g. the valutazione con l'inviante).
CREATE TABLE sal_attivita (
  id              TEXT PRIMARY KEY,
  beneficiario_id TEXT NOT NULL REFERENCES sal_beneficiari (id),
  tipo            TEXT NOT NULL,
  data            TEXT NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  autore_id       TEXT REFERENCES users (id),
  created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX sal_attivita_by_beneficiario ON sal_attivita (beneficiario_id, data);

-- What the beneficiario allows to be shown to a host company (the rest never leaves the office).
CREATE TABLE sal_consensi (
  id              TEXT PRIMARY KEY,
  beneficiario_id TEXT NOT NULL REFERENCES sal_beneficiari (id),
  ambito          TEXT NOT NULL CHECK (ambito IN ('condivisione_azienda', 'invalidita', 'diagnosi')),
  dato_il         TEXT NOT NULL,
  revocato_il     TEXT,
  autore_id       TEXT REFERENCES users (id)
) STRICT;
CREATE INDEX sal_consensi_by_beneficiario ON sal_consensi (beneficiario_id);

CREATE TABLE sal_aziende (
  id                  TEXT PRIMARY KEY,
  ragione_sociale     TEXT NOT NULL,
  codice              TEXT NOT NULL,
  comune_istat        TEXT NOT NULL,
  indirizzo           TEXT NOT NULL DEFAULT '',
  ateco_codice        TEXT NOT NULL DEFAULT '',
  ateco_descrizione   TEXT NOT NULL DEFAULT '',
  dipendenti_ti       INTEGER NOT NULL DEFAULT 0 CHECK (dipendenti_ti >= 0),
  referente           TEXT NOT NULL DEFAULT '',
  telefono            TEXT NOT NULL DEFAULT '',
  email               TEXT NOT NULL DEFAULT '',
  coop_b              INTEGER NOT NULL DEFAULT 0 CHECK (coop_b IN (0, 1)),
  note                TEXT NOT NULL DEFAULT '',
  attiva              INTEGER NOT NULL DEFAULT 1 CHECK (attiva IN (0, 1)),
  created_at          TEXT NOT NULL,
  UNIQUE (codice)
) STRICT;
CREATE INDEX sal_aziende_by_comune ON sal_aziende (comune_istat, ateco_codice);

CREATE TABLE sal_tutor (
  id         TEXT PRIMARY KEY,
  azienda_id TEXT NOT NULL REFERENCES sal_aziende (id),
  nome       TEXT NOT NULL,
  ruolo      TEXT NOT NULL DEFAULT '',
  telefono   TEXT NOT NULL DEFAULT '',
  email      TEXT NOT NULL DEFAULT '',
  attivo     INTEGER NOT NULL DEFAULT 1 CHECK (attivo IN (0, 1))
) STRICT;
CREATE INDEX sal_tutor_by_azienda ON sal_tutor (azienda_id);

-- The signed PDF is an encrypted file like a case attachment (file = its name in the data folder).
CREATE TABLE sal_convenzioni (
  id         TEXT PRIMARY KEY,
  azienda_id TEXT NOT NULL REFERENCES sal_aziende (id),
  numero     TEXT NOT NULL,
  data       TEXT NOT NULL,
  scadenza   TEXT NOT NULL,
  file       TEXT,
  file_nome  TEXT NOT NULL DEFAULT '',
  sha256     TEXT NOT NULL DEFAULT '',
  dimensione INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  CHECK (scadenza >= data)
) STRICT;
CREATE INDEX sal_convenzioni_by_azienda ON sal_convenzioni (azienda_id, scadenza);

-- The tirocinio and its progetto formativo individuale. `fine` is the planned end with proroghe;
-- sospensioni move the real end (computed, never stored twice). `orario` is JSON {lun: ore, …}.
CREATE TABLE sal_tirocini (
  id                    TEXT PRIMARY KEY,
  beneficiario_id       TEXT NOT NULL REFERENCES sal_beneficiari (id),
  azienda_id            TEXT NOT NULL REFERENCES sal_aziende (id),
  convenzione_id        TEXT NOT NULL REFERENCES sal_convenzioni (id),
  regime                TEXT NOT NULL CHECK (regime IN ('ordinario', 'disabili_svantaggiati', 'inclusione_sociale')),
  parametri_id          TEXT NOT NULL REFERENCES sal_parametri (id),
  obiettivi             TEXT NOT NULL DEFAULT '',
  mansione              TEXT NOT NULL DEFAULT '',
  sede_svolgimento      TEXT NOT NULL DEFAULT '',
  tutor_promotore_id    TEXT REFERENCES users (id),
  tutor_aziendale_id    TEXT REFERENCES sal_tutor (id),
  ore_settimanali       REAL NOT NULL CHECK (ore_settimanali > 0),
  orario                TEXT NOT NULL,
  inizio                TEXT NOT NULL,
  fine                  TEXT NOT NULL CHECK (fine >= inizio),
  pagato_da             TEXT NOT NULL DEFAULT '',
  inail                 TEXT NOT NULL DEFAULT '',
  rc                    TEXT NOT NULL DEFAULT '',
  comunicazione_data    TEXT,
  stato                 TEXT NOT NULL DEFAULT 'in_corso' CHECK (stato IN ('in_corso', 'cessato', 'concluso')),
  cessazione_data       TEXT,
  cessazione_motivo     TEXT NOT NULL DEFAULT '',
  esito                 TEXT NOT NULL DEFAULT '' CHECK (esito IN ('', 'assunzione', 'nuovo_tirocinio', 'rinuncia', 'interruzione', 'conclusione')),
  esito_data            TEXT,
  esito_contratto       TEXT NOT NULL DEFAULT '',
  -- An exception the rules allow (e.g. TIS beyond 24 months with the service's attestation).
  deroga_regola         TEXT NOT NULL DEFAULT '',
  deroga_motivo         TEXT NOT NULL DEFAULT '',
  created_by            TEXT REFERENCES users (id),
  created_at            TEXT NOT NULL
) STRICT;
CREATE INDEX sal_tirocini_by_azienda ON sal_tirocini (azienda_id, inizio);
CREATE INDEX sal_tirocini_by_beneficiario ON sal_tirocini (beneficiario_id, inizio);
CREATE INDEX sal_tirocini_by_end ON sal_tirocini (stato, fine);

CREATE TABLE sal_sospensioni (
  id           TEXT PRIMARY KEY,
  tirocinio_id TEXT NOT NULL REFERENCES sal_tirocini (id),
  dal          TEXT NOT NULL,
  al           TEXT NOT NULL CHECK (al >= dal),
  motivo       TEXT NOT NULL CHECK (motivo IN ('maternita', 'malattia', 'infortunio', 'chiusura_aziendale')),
  attiva       INTEGER NOT NULL DEFAULT 1 CHECK (attiva IN (0, 1))
) STRICT;
CREATE INDEX sal_sospensioni_by_tirocinio ON sal_sospensioni (tirocinio_id);

CREATE TABLE sal_proroghe (
  id           TEXT PRIMARY KEY,
  tirocinio_id TEXT NOT NULL REFERENCES sal_tirocini (id),
  fine_prima   TEXT NOT NULL,
  fine_dopo    TEXT NOT NULL CHECK (fine_dopo > fine_prima),
  motivo       TEXT NOT NULL DEFAULT '',
  autore_id    TEXT REFERENCES users (id),
  at           TEXT NOT NULL
) STRICT;
CREATE INDEX sal_proroghe_by_tirocinio ON sal_proroghe (tirocinio_id);

-- One row per tirocinio and day with hours or an absence; a day with neither has no row.
CREATE TABLE sal_presenze (
  id           TEXT PRIMARY KEY,
  tirocinio_id TEXT NOT NULL REFERENCES sal_tirocini (id),
  data         TEXT NOT NULL,
  ore          REAL NOT NULL DEFAULT 0 CHECK (ore >= 0 AND ore <= 24),
  assenza      TEXT NOT NULL DEFAULT '',
  UNIQUE (tirocinio_id, data)
) STRICT;
