-- The zone's workstations for sync (DESIGN §6): one row per paired node, itself synced, so every
-- node learns the others' public keys and revocations through sync. The row's id is the node id.
-- The zone sync key and this node's private key are node-local (the meta table), never here.
CREATE TABLE sync_nodes (
  id         TEXT PRIMARY KEY CHECK (length(id) = 16),
  label      TEXT NOT NULL DEFAULT '',
  -- Ed25519, SPKI DER in base64.
  public_key TEXT NOT NULL DEFAULT '',
  paired_at  TEXT NOT NULL DEFAULT '',
  paired_by  TEXT NOT NULL DEFAULT '',
  revoked_at TEXT,
  revoked_by TEXT
) STRICT;
