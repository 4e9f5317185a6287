-- The report's small-count threshold (Impostazioni → Report): counts from 1 to soglia − 1 are
-- hidden in everything that leaves the office. Never below 3 (SISTAN); 5 unless the zone decides.
ALTER TABLE zone ADD COLUMN report_soglia INTEGER NOT NULL DEFAULT 5 CHECK (report_soglia BETWEEN 3 AND 20);
