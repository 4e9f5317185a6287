import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { uuidv7 } from '../../electron/core/ids';
import { Store } from '../../electron/core/store';
import { syncOnce, type SyncIdentity, type SyncReport } from '../../electron/core/sync/sync-cycle';
import { tempDir } from './core-harness';

export const syncActor = { userId: null, username: 'sync', profile: null, workstation: 'test' };

export interface RawNode {
  store: Store;
  id: SyncIdentity;
  dbFile: string;
  signingKey: KeyObject;
}

/**
 * Workstations of one zone on real encrypted databases, driven through the real sync cycle
 * without the core around them (keys in memory, paired "now"). `close()` closes them all.
 */
export function rawZone() {
  const zone = randomBytes(16).toString('hex');
  const syncKey = randomBytes(32);
  const keys = new Map<string, KeyObject>();
  const pairedAt = new Date(Date.now() - 60_000).toISOString();
  const open: Store[] = [];
  const node = (): RawNode => {
    const dbFile = path.join(tempDir('udc-sync-'), 'archivio.db');
    const store = Store.open(dbFile, randomBytes(32), true, `test\n${dbFile}`);
    open.push(store);
    const nodeId = store.writer.getMeta('node_id')!;
    const pair = generateKeyPairSync('ed25519');
    keys.set(nodeId, pair.publicKey);
    const id: SyncIdentity = {
      zone,
      node: nodeId,
      syncKey,
      signingKey: pair.privateKey,
      publicKeyOf: (n) => keys.get(n) ?? null,
      pairedAt: (n) => (keys.has(n) ? pairedAt : null),
      programVersion: '0.1.0',
    };
    return { store, id, dbFile, signingKey: pair.privateKey };
  };
  return { zone, syncKey, keys, pairedAt, node, close: () => open.splice(0).forEach((s) => s.close()) };
}

export const syncNode = (n: RawNode, folder: string, progress?: (done: number, total: number, label: string) => void): SyncReport =>
  syncOnce(n.store, folder, n.id, syncActor, undefined, progress);

export function addPerson(n: RawNode, cognome: string, telefono = ''): string {
  const id = uuidv7();
  n.store.writer.insert(
    syncActor,
    'persons',
    id,
    {
      cognome,
      nome: 'Nicolò',
      residenza_indirizzo: 'Via Roma 1, Amelia',
      domicilio: '',
      telefono,
      email: '',
      titolo_studio: '',
      condizione_lavorativa: '',
      permesso_soggiorno: '',
      invalidita: '',
      legge_104: 0,
      tutore: '',
      created_at: '2026-12-02T09:00:00.000Z',
    },
    { log: 'data', action: 'persons.create' },
  );
  return id;
}

export const personsOf = (n: RawNode) => n.store.db.prepare('SELECT * FROM persons ORDER BY id').all();

export function filesIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
