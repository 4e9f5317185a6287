import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './open';

export const NODE_HOME_META = 'node_home';
/** A home no real one equals: the next opening gives the archive a new node id (set by a restore). */
export const RESTORED_HOME = 'ripristinato';

/** Meta keys of sync that belong to a node id, not to the data: a copy starts them afresh. */
export const NODE_SYNC_META = { segmentSeq: 'sync_segment_seq', sentChangeSeq: 'sync_sent_change_seq', cursorPrefix: 'sync_cursor:', seenPrefix: 'sync_seen:' } as const;

/**
 * This data folder's node id. An office often "installs" a second workstation by copying the
 * data folder: two nodes with one id would each take the other's changes for their own. So the
 * id is bound to where it was first opened (host and folder); opened anywhere else, the folder
 * is a copy and takes a new id before it writes anything. Its own numbering restarts; what it
 * holds of the original node counts as received from it.
 *
 * `binding` is null where no home applies (the set-up's staging file, the bench).
 */
export function resolveNodeId(db: Db, binding: string | null): string {
  const get = (key: string) => (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  const set = (key: string, value: string) => db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  let node = get('node_id');
  const home = binding === null ? null : createHash('sha256').update(binding).digest('hex');
  if (!node) {
    node = randomBytes(8).toString('hex');
    set('node_id', node);
  } else if (home !== null && get(NODE_HOME_META) !== null && get(NODE_HOME_META) !== home) {
    db.transaction(() => {
      const original = node as string;
      const shipped = get(NODE_SYNC_META.segmentSeq);
      node = randomBytes(8).toString('hex');
      set('node_id', node);
      set('node_copied_from', original);
      db.prepare('DELETE FROM meta WHERE key IN (?, ?)').run(NODE_SYNC_META.segmentSeq, NODE_SYNC_META.sentChangeSeq);
      // The original's segments up to the copy are already in here.
      if (shipped !== null) set(`${NODE_SYNC_META.cursorPrefix}${original}`, shipped);
    })();
  }
  if (home !== null) set(NODE_HOME_META, home);
  return node;
}
