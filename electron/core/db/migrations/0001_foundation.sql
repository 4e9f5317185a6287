-- Foundation: zone configuration, users, the sync change log and the two audit logs.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE zone (
  id               TEXT PRIMARY KEY,
  nome             TEXT NOT NULL,
  ente             TEXT NOT NULL,
  lh_intestazione  TEXT NOT NULL,
  lh_sottotitolo   TEXT NOT NULL DEFAULT '',
  lh_indirizzo     TEXT NOT NULL DEFAULT '',
  lh_contatti      TEXT NOT NULL DEFAULT '',
  idle_timeout_min INTEGER NOT NULL DEFAULT 10 CHECK (idle_timeout_min BETWEEN 1 AND 120)
) STRICT;

CREATE TABLE comuni (
  id        TEXT PRIMARY KEY,
  istat     TEXT NOT NULL UNIQUE CHECK (length(istat) = 6),
  catastale TEXT NOT NULL CHECK (length(catastale) = 4),
  nome      TEXT NOT NULL,
  provincia TEXT NOT NULL
) STRICT;

CREATE TABLE sedi (
  id           TEXT PRIMARY KEY,
  nome         TEXT NOT NULL,
  lettera      TEXT NOT NULL UNIQUE CHECK (length(lettera) = 1),
  comune_istat TEXT NOT NULL,
  indirizzo    TEXT NOT NULL,
  telefono     TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE rooms (
  id      TEXT PRIMARY KEY,
  sede_id TEXT NOT NULL REFERENCES sedi (id),
  nome    TEXT NOT NULL,
  attiva  INTEGER NOT NULL DEFAULT 1 CHECK (attiva IN (0, 1)),
  UNIQUE (sede_id, nome)
) STRICT;

CREATE TABLE users (
  id                   TEXT PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE,
  full_name            TEXT NOT NULL,
  profile              TEXT NOT NULL,
  sede_id              TEXT REFERENCES sedi (id),
  disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  created_at           TEXT NOT NULL
) STRICT;

-- Every cell a service writes, stamped with a hybrid logical clock: what sync ships (DESIGN §6).
CREATE TABLE changes (
  seq    INTEGER PRIMARY KEY,
  hlc    TEXT NOT NULL,
  node   TEXT NOT NULL,
  tbl    TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col    TEXT NOT NULL,
  value  TEXT
) STRICT;
CREATE INDEX changes_by_hlc ON changes (hlc);
CREATE INDEX changes_by_cell ON changes (tbl, row_id, col);

-- Append-only, hash-chained logs: accesses to personal data, and administrative/security actions.
CREATE TABLE audit_log (
  seq           INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  user_id       TEXT,
  username      TEXT,
  profile       TEXT,
  workstation   TEXT NOT NULL,
  action        TEXT NOT NULL,
  subject_type  TEXT,
  subject_id    TEXT,
  subject_label TEXT,
  purpose       TEXT,
  outcome       TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'error')),
  detail        TEXT,
  prev_hash     TEXT NOT NULL,
  hash          TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_by_subject ON audit_log (subject_type, subject_id);
CREATE INDEX audit_log_by_user ON audit_log (username);

CREATE TABLE admin_log (
  seq           INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  user_id       TEXT,
  username      TEXT,
  profile       TEXT,
  workstation   TEXT NOT NULL,
  action        TEXT NOT NULL,
  subject_type  TEXT,
  subject_id    TEXT,
  subject_label TEXT,
  purpose       TEXT,
  outcome       TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'error')),
  detail        TEXT,
  prev_hash     TEXT NOT NULL,
  hash          TEXT NOT NULL
) STRICT;
CREATE INDEX admin_log_by_user ON admin_log (username);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER admin_log_no_update BEFORE UPDATE ON admin_log
BEGIN SELECT RAISE(ABORT, 'admin_log is append-only'); END;
CREATE TRIGGER admin_log_no_delete BEFORE DELETE ON admin_log
BEGIN SELECT RAISE(ABORT, 'admin_log is append-only'); END;
