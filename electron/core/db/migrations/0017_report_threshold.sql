-- The report's small-count threshold (Impostazioni → Report): counts from 1 to soglia − 1 are
-- hidden in everything that leaves the office. Never below 3 (SISTAN); 5 unless the zone decides.
ALTER TABLE zone ADD COLUMN report_soglia INTEGER NOT NULL DEFAULT 5 CHECK (report_soglia BETWEEN 3 AND 20);

-- The report reads one quarter: these let it read that quarter's rows only, instead of every
-- case and delivery of the archive (each page decrypted) for every table it builds.
CREATE INDEX cases_by_aperta ON cases (aperta_il);
CREATE INDEX cases_by_chiusa ON cases (chiusa_il);
CREATE INDEX deliveries_by_data ON deliveries (data);
CREATE INDEX accessi_by_data ON accessi (data);
