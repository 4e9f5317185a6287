import fs from 'node:fs';
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { Connection, Core } from '../../electron/core/app';
import { syncOnce, type SyncIdentity, type SyncReport } from '../../electron/core/sync/sync-cycle';
import type { Store } from '../../electron/core/store';
import type { Profile } from '../../shared/domain/permissions';
import { TODAY, personWithCf, sedeId, staff } from './cartella-fixtures';
import { call, setUpZone, tempDir, testCore } from './core-harness';

/** What `staff()` leaves as every account's password after the first-login change. */
export const STAFF_PASSWORD = 'Provvisoria-2026-nuova1';

export const MARINI = personWithCf({ cognome: 'Marini', nome: 'Teresa', sesso: 'F', dataNascita: '1968-10-10' });

export const COLLOQUIO = {
  tipo: 'colloquio' as const,
  data: TODAY,
  ora: '10:30',
  luogo: 'Sede di Amelia',
  partecipanti: 'Teresa Marini',
  testo: 'Primo colloquio: la signora racconta la situazione familiare.',
  riservato: false,
  nominati: [],
};

export interface Sede {
  core: Core;
  dataDir: string;
  /** The workstation's database, for the sync cycle (through a CLI session, as `npm run cli -- sync` would). */
  store: Store;
  id: SyncIdentity;
  sync(): SyncReport;
}

export interface TwoSedi {
  narni: Sede;
  amelia: Sede;
  folder: string;
  personId: string;
  caseId: string;
  diaryId: string;
  /** Usernames by profile (the same accounts at both sedi: Amelia's folder is a copy of Narni's). */
  usernames: Record<Profile, string>;
  close(): void;
}

const actor = { userId: null, username: 'sync', profile: null, workstation: 'test' };

/**
 * Narni's data folder with a person, a case of the assistente sociale and a diary entry; Amelia's
 * workstation installed the usual way (the folder copied, so it takes its own node id); both
 * paired on one shared folder. The educatore is on no case: he may read none of this.
 */
export async function twoSedi(): Promise<TwoSedi> {
  const narniDir = tempDir('udc-conflitti-narni-');
  const zone = await setUpZone(narniDir);
  const s = await staff(zone.core, zone.admin);
  const personId = (await call(s.amministrativo.conn, 'persons.create', MARINI)).person.id;
  const opened = await call(s.assistente_sociale.conn, 'cases.open', {
    personId,
    sedeId: await sedeId(s.assistente_sociale.conn, 'Amelia'),
    area: 'famiglia_minori',
    problematiche: ['genitorialita'],
    apertaIl: TODAY,
  });
  const detail = await call(s.assistente_sociale.conn, 'diary.create', { caseId: opened.caseId, ...COLLOQUIO });
  const diaryId = detail.diary[0]!.id;
  zone.core.close();
  const ameliaDir = tempDir('udc-conflitti-amelia-');
  fs.cpSync(narniDir, ameliaDir, { recursive: true });
  const usernames = Object.fromEntries(Object.entries(s).map(([p, u]) => [p, u.username])) as Record<Profile, string>;

  const folder = tempDir('udc-conflitti-share-');
  const zoneId = randomBytes(16).toString('hex');
  const syncKey = randomBytes(32);
  const keys = new Map<string, KeyObject>();
  const sede = async (dataDir: string, workstation: string): Promise<Sede> => {
    const core = testCore(dataDir, undefined, { workstation });
    const cli = core.connect('cli');
    await call(cli, 'auth.login', { username: usernames.assistente_sociale, password: STAFF_PASSWORD });
    const store = core.cliWork(cli, 'persona.read').store;
    const node = store.writer.getMeta('node_id')!;
    const pair = generateKeyPairSync('ed25519');
    keys.set(node, pair.publicKey);
    const id: SyncIdentity = { zone: zoneId, node, syncKey, signingKey: pair.privateKey, publicKeyOf: (n) => keys.get(n) ?? null, programVersion: '0.1.0' };
    return { core, dataDir, store, id, sync: () => syncOnce(store, folder, id, actor) };
  };
  const narni = await sede(narniDir, 'narni-pc');
  const amelia = await sede(ameliaDir, 'amelia-pc');
  if (narni.id.node === amelia.id.node) throw new Error('the copied folder kept its node id');
  return {
    narni,
    amelia,
    folder,
    personId,
    caseId: opened.caseId,
    diaryId,
    usernames,
    close: () => {
      narni.core.close();
      amelia.core.close();
    },
  };
}

/** Log in at one sede as the account of `profile`. */
export async function loginAt(sede: Sede, username: string): Promise<Connection> {
  const conn = sede.core.connect('test');
  await call(conn, 'auth.login', { username, password: STAFF_PASSWORD });
  return conn;
}

/** Both sedi exchange everything (each sends, the other reads, twice round). */
export function exchange(t: TwoSedi): void {
  t.narni.sync();
  t.amelia.sync();
  t.narni.sync();
}
