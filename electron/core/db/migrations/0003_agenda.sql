-- Agenda: appointments (single or recurring), their operators, office hours and patron days.

-- Times are Europe/Rome wall times 'YYYY-MM-DDTHH:mm' (they sort as they read); tz is stored so
-- the meaning of a row never depends on the machine. A series keeps its RRULE and exception
-- dates; a moved or re-statused occurrence is its own row pointing at the series.
CREATE TABLE appointments (
  id                   TEXT PRIMARY KEY,
  tipo                 TEXT NOT NULL CHECK (tipo IN ('colloquio', 'visita_domiciliare', 'riunione_equipe', 'sportello', 'altro')),
  sede_id              TEXT REFERENCES sedi (id),
  room_id              TEXT REFERENCES rooms (id),
  comune_istat         TEXT,
  indirizzo            TEXT NOT NULL DEFAULT '',
  person_id            TEXT REFERENCES persons (id),
  case_id              TEXT REFERENCES cases (id),
  inizio               TEXT NOT NULL CHECK (length(inizio) = 16),
  fine                 TEXT NOT NULL CHECK (length(fine) = 16 AND fine > inizio),
  tz                   TEXT NOT NULL DEFAULT 'Europe/Rome',
  rrule                TEXT NOT NULL DEFAULT '',
  -- Last date a series can reach ('9999-12-31' when open-ended): lets a window query skip it.
  series_until         TEXT,
  exdates              TEXT NOT NULL DEFAULT '[]',
  series_id            TEXT REFERENCES appointments (id),
  original_date        TEXT,
  stato                TEXT NOT NULL DEFAULT 'programmato' CHECK (stato IN ('programmato', 'svolto', 'annullato', 'assente')),
  motivo               TEXT NOT NULL DEFAULT '',
  note                 TEXT NOT NULL DEFAULT '',
  conflitto_confermato INTEGER NOT NULL DEFAULT 0 CHECK (conflitto_confermato IN (0, 1)),
  created_by           TEXT REFERENCES users (id),
  created_at           TEXT NOT NULL
) STRICT;
CREATE INDEX appointments_by_sede ON appointments (sede_id, inizio);
CREATE INDEX appointments_by_room ON appointments (room_id, inizio);
CREATE INDEX appointments_by_start ON appointments (inizio);
CREATE INDEX appointments_series ON appointments (series_until) WHERE rrule <> '';
CREATE INDEX appointments_by_case ON appointments (case_id);
CREATE INDEX appointments_by_person ON appointments (person_id);
CREATE INDEX appointments_overrides ON appointments (series_id) WHERE series_id IS NOT NULL;

-- inizio is copied here so "my week" is one index range, not a join over every appointment.
CREATE TABLE appointment_operators (
  id             TEXT PRIMARY KEY,
  appointment_id TEXT NOT NULL REFERENCES appointments (id),
  user_id        TEXT NOT NULL REFERENCES users (id),
  inizio         TEXT NOT NULL,
  attivo         INTEGER NOT NULL DEFAULT 1 CHECK (attivo IN (0, 1)),
  UNIQUE (appointment_id, user_id)
) STRICT;
CREATE INDEX appointment_operators_by_user ON appointment_operators (user_id, inizio);
-- Covering: the week view reads each appointment's active operators without touching the table.
CREATE INDEX appointment_operators_by_appointment ON appointment_operators (appointment_id, attivo, user_id);

-- Opening hours per sede and weekday (1 = lunedì … 7 = domenica), a morning and an afternoon
-- span; '' means closed. Shown on the grid and used to warn about appointments outside them.
CREATE TABLE sede_orari (
  id            TEXT PRIMARY KEY,
  sede_id       TEXT NOT NULL REFERENCES sedi (id),
  giorno        INTEGER NOT NULL CHECK (giorno BETWEEN 1 AND 7),
  mattina_da    TEXT NOT NULL DEFAULT '',
  mattina_a     TEXT NOT NULL DEFAULT '',
  pomeriggio_da TEXT NOT NULL DEFAULT '',
  pomeriggio_a  TEXT NOT NULL DEFAULT '',
  UNIQUE (sede_id, giorno)
) STRICT;

-- Each comune's patron day ('MM-DD'); '' when the comune has none set.
CREATE TABLE comuni_patroni (
  id           TEXT PRIMARY KEY,
  comune_istat TEXT NOT NULL UNIQUE,
  giorno       TEXT NOT NULL DEFAULT '',
  santo        TEXT NOT NULL DEFAULT ''
) STRICT;
