-- One sede's week read from the index alone: the listing's columns ride along with (sede_id,
-- inizio), so the week is a few contiguous index pages instead of table pages shared with the
-- other sede's appointments, each read and decrypted the first time a week is shown.
DROP INDEX appointments_by_sede;
CREATE INDEX appointments_by_sede ON appointments (
  sede_id, inizio, rrule, id, tipo, room_id, comune_istat, person_id, case_id, fine, exdates,
  series_id, original_date, stato, conflitto_confermato, indirizzo, motivo, note
);
