-- Each user's entry of the key file (chiavi.json), synced: the database key wrapped under a key
-- derived from that user's password, as the key file holds it. Every paired node shares the
-- database key, so a user created, or a password set, at one sede opens the others once this
-- row reaches them (each node rewrites its own key file from this table after a sync cycle).
-- Useless without the password; the recovery entry stays per node, in the key file only.
-- The row's id is the user's id; `wrapped` is the entry as JSON, '' once the password is
-- annulled (the user disabled): the other key files drop the entry too.
CREATE TABLE user_key_slots (
  id         TEXT PRIMARY KEY,
  username   TEXT NOT NULL DEFAULT '',
  wrapped    TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT ''
) STRICT;
