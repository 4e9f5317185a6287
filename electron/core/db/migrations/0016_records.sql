-- Conservazione e scarto, and the record of processing activities (art. 30 GDPR). Meant as
-- 0016 on main (the lead renumbers; here it follows 0012 because migrations are consecutive).
-- Every column is nullable or has a DEFAULT: sync delivers rows cell by cell.

-- Years a closed case file is kept before it is listed for review (the zone's piano di conservazione).
ALTER TABLE zone ADD COLUMN conservazione_anni INTEGER NOT NULL DEFAULT 10 CHECK (conservazione_anni BETWEEN 1 AND 100);
-- The editable parts of the registro dei trattamenti (JSON object; the program fills the rest).
ALTER TABLE zone ADD COLUMN registro_trattamenti TEXT NOT NULL DEFAULT '{}';
-- The scarto that emptied this case file, or NULL: the row (number, dates, sede) stays as the trace.
ALTER TABLE cases ADD COLUMN scarto_id TEXT;

-- One authorised scarto: the authorisation, what it covered (ids, never contents), the export
-- made first (its hash), and when it was carried out. A synced row like any other: the other
-- sede learns of the scarto from it and forgets the erased values in its own change log.
CREATE TABLE scarti (
  id                    TEXT PRIMARY KEY,
  stato                 TEXT NOT NULL DEFAULT 'esportato' CHECK (stato IN ('esportato', 'eseguito')),
  case_ids              TEXT NOT NULL DEFAULT '[]',
  autorizzazione_ente   TEXT NOT NULL DEFAULT '',
  autorizzazione_numero TEXT NOT NULL DEFAULT '',
  autorizzazione_data   TEXT NOT NULL DEFAULT '',
  note                  TEXT NOT NULL DEFAULT '',
  export_sha256         TEXT NOT NULL DEFAULT '',
  export_dimensione     INTEGER NOT NULL DEFAULT 0,
  esportato_da          TEXT,
  esportato_il          TEXT NOT NULL DEFAULT '',
  eseguito_da           TEXT,
  eseguito_il           TEXT,
  -- The cells emptied, as [table, row id, [columns]]: ids only, what another node forgets too.
  celle                 TEXT NOT NULL DEFAULT '[]'
) STRICT;
