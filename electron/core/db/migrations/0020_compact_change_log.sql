-- A compact change log (issue 11, performance). Applying a sync batch and every local write seek
-- a cell's history in changes_by_cell, which held the cell's name and each version's stamp,
-- node and parents as text (about 170 bytes an entry): at 20,000 people the index outgrew the
-- page cache and each change read a page of it. Now a row is a small integer key (change_rows),
-- stamps are 17 bytes (see change-stamp.ts: millis, counter and node, in the text's order) and
-- the node, part of the stamp, is not repeated: an entry is about a third as long. The text
-- columns stay, as what sync ships and people read.
CREATE TABLE change_rows (
  id     INTEGER PRIMARY KEY,
  tbl    TEXT NOT NULL,
  row_id TEXT NOT NULL,
  UNIQUE (tbl, row_id)
) STRICT;

ALTER TABLE changes ADD COLUMN row_key INTEGER;
ALTER TABLE changes ADD COLUMN stamp BLOB;
-- The stamps of the changes this one was written over, concatenated (NULL for none).
ALTER TABLE changes ADD COLUMN over BLOB;

-- The changes already logged, carried forward.
INSERT INTO change_rows (tbl, row_id) SELECT tbl, row_id FROM changes GROUP BY tbl, row_id ORDER BY min(seq);
UPDATE changes SET
  row_key = (SELECT r.id FROM change_rows r WHERE r.tbl = changes.tbl AND r.row_id = changes.row_id),
  stamp = unhex(printf('%014x', unixepoch(substr(hlc, 1, 19)) * 1000 + CAST(substr(hlc, 21, 3) AS INTEGER) + 4503599627370496) || substr(hlc, 26, 4) || substr(hlc, 31, 16)),
  over = CASE WHEN parents IS NULL OR parents = '[]' THEN NULL ELSE (
    SELECT unhex(group_concat(printf('%014x', unixepoch(substr(p.value, 1, 19)) * 1000 + CAST(substr(p.value, 21, 3) AS INTEGER) + 4503599627370496) || substr(p.value, 26, 4) || substr(p.value, 31, 16), ''))
    FROM json_each(changes.parents) p
  ) END;

DROP INDEX changes_by_cell;
CREATE INDEX changes_by_cell ON changes (row_key, col, stamp, over);
-- One change per stamp (a batch applied twice = once), 17 bytes instead of 46 an entry.
DROP INDEX changes_by_hlc;
CREATE UNIQUE INDEX changes_by_stamp ON changes (stamp);
