import { createHash } from 'node:crypto';
import { TABLES } from '../../db/schema';
import type { Store } from '../../store';

export interface ContentStats {
  tables: Record<string, number>;
  /** SHA-256 over every synced table's rows in id order: equal on two nodes holding the same data. */
  hash: string;
}

/**
 * Row counts and a canonical content hash of the synced data, so the IT staff can see that two
 * sedi hold the same. Node-local tables are left out: meta, the change log (its local sequence
 * numbers differ), the audit logs, the search index, rows waiting for values, kept unknown changes.
 * The open conflicts are in: every node derives the same ones from the same changes.
 */
export function contentStats(store: Store): ContentStats {
  const tables: Record<string, number> = {};
  const total = createHash('sha256');
  const names = [...Object.keys(TABLES), 'sync_conflicts'].sort();
  for (const name of names) {
    const { rows, sha256 } = store.syncNodes.canonicalDigest(name, name === 'sync_conflicts' ? null : Object.keys((TABLES as Record<string, object>)[name]!));
    tables[name] = rows;
    total.update(`${name}\u0000${rows}\u0000${sha256}\n`);
  }
  return { tables, hash: total.digest('hex') };
}
