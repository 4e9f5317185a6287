-- Sync (DESIGN §6): each change names the changes of the same cell it was written over, so a
-- node can tell an edit made on top of another from two made side by side; the log never holds
-- the same change twice (applying a batch twice = once).
ALTER TABLE changes ADD COLUMN parents TEXT;
DROP INDEX changes_by_hlc;
CREATE UNIQUE INDEX changes_by_hlc ON changes (hlc);
-- Covering for what the apply path reads of a cell's history (not the values, which can be long):
-- a write then touches the index only, not a page of the log per version.
DROP INDEX changes_by_cell;
CREATE INDEX changes_by_cell ON changes (tbl, row_id, col, hlc, node, parents);

-- Open conflicts: each head of a cell's history that lost to the winner with another value.
-- Derived from the log by the apply path (the same on every node that holds the same changes).
CREATE TABLE sync_conflicts (
  loser_hlc  TEXT PRIMARY KEY,
  tbl        TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  col        TEXT NOT NULL,
  value      TEXT NOT NULL,
  node       TEXT NOT NULL,
  winner_hlc TEXT NOT NULL
) STRICT;
CREATE INDEX sync_conflicts_by_cell ON sync_conflicts (tbl, row_id, col);

-- Rows whose values arrived but cannot be inserted yet (a value the table requires is still to come).
CREATE TABLE sync_pending_rows (
  tbl    TEXT NOT NULL,
  row_id TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id)
) STRICT;

-- Changes to tables or columns of a newer program, kept as they came until this one knows them.
CREATE TABLE sync_unknown_changes (
  hlc     TEXT PRIMARY KEY,
  node    TEXT NOT NULL,
  tbl     TEXT NOT NULL,
  row_id  TEXT NOT NULL,
  col     TEXT NOT NULL,
  value   TEXT NOT NULL,
  parents TEXT NOT NULL
) STRICT;
