-- Authorisation review (issue "Sicurezza"): transfers with a reason, the zone's rules on who may
-- hold a case and what a former operator keeps, and account notices (what an administrator did
-- to an account, shown to its owner and reviewed by the coordinator).

ALTER TABLE case_operators ADD COLUMN motivo TEXT NOT NULL DEFAULT '';

-- Profiles that may be operatore responsabile (JSON array of profile codes).
ALTER TABLE zone ADD COLUMN responsabili_profili TEXT NOT NULL DEFAULT '["assistente_sociale"]';
-- 1: after a transfer the former operator may still read the diary entries and files he wrote.
ALTER TABLE zone ADD COLUMN ex_operatore_legge_propri INTEGER NOT NULL DEFAULT 0 CHECK (ex_operatore_legge_propri IN (0, 1));

-- One row per administrative act on an account: creation, password reset, profile change, case
-- assignment by a coordinator. Shown to the affected user at the next login (visto_il) and listed
-- for review on the coordinator's Home (rivisto_il). `stato` is 'da_confermare' while an act that
-- grants riservato access to a new or just-reset account waits for a second administrator.
CREATE TABLE account_notices (
  id            TEXT PRIMARY KEY,
  user_id       TEXT NOT NULL REFERENCES users (id),
  tipo          TEXT NOT NULL CHECK (tipo IN ('creazione', 'reset_password', 'profilo', 'assegnazione')),
  dettaglio     TEXT NOT NULL DEFAULT '',
  autore_id     TEXT REFERENCES users (id),
  at            TEXT NOT NULL,
  stato         TEXT NOT NULL DEFAULT 'eseguito' CHECK (stato IN ('eseguito', 'da_confermare', 'confermato', 'rifiutato')),
  -- What a confirmation carries out: JSON, e.g. {"caseId":…,"ruolo":…,"dal":…} or {"profile":…}.
  azione        TEXT NOT NULL DEFAULT '',
  unico_admin   INTEGER NOT NULL DEFAULT 0 CHECK (unico_admin IN (0, 1)),
  confermato_da TEXT REFERENCES users (id),
  confermato_il TEXT,
  visto_il      TEXT,
  rivisto_da    TEXT REFERENCES users (id),
  rivisto_il    TEXT
) STRICT;
CREATE INDEX account_notices_by_user ON account_notices (user_id, visto_il);
CREATE INDEX account_notices_to_review ON account_notices (rivisto_il, stato);
