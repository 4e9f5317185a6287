import { table, text } from './columns';

/** The zone's paired workstations (migration 0013): synced, so revocations travel like data. */
export const syncTables = {
  sync_nodes: table({
    label: text(),
    /** Ed25519 public key, SPKI DER in base64. */
    public_key: text(),
    paired_at: text(),
    /** User name of the administrator who paired it. */
    paired_by: text(),
    revoked_at: text().null(),
    revoked_by: text().null(),
  }),
};
