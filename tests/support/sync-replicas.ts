import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { DataDir } from '../../electron/core/data-dir';
import { NODE_SYNC_META } from '../../electron/core/db/node-identity';
import { KeyRing } from '../../electron/core/services/auth/key-ring';
import { contentStats } from '../../electron/core/services/sync/content-stats';
import { Store } from '../../electron/core/store';
import { syncOnce, type SyncIdentity, type SyncReport } from '../../electron/core/sync/sync-cycle';
import { zoneFolder } from '../../electron/core/sync/sync-folder';
import type { Actor } from '../../electron/core/db/repositories/audit.repo';
import type { WorkContext } from '../../electron/core/services/work-context';
import type { Profile } from '../../shared/domain/permissions';
import { TODAY, personWithCf, sedeId } from './cartella-fixtures';
import { STAFF_PASSWORD } from './conflict-nodes';
import { TEST_KDF, call, createUser, loginAs, setUpZone, tempDir } from './core-harness';
import { withHost } from './sal-fixtures';

/**
 * Three workstations of one zone for the convergence property, built cheaply enough for a
 * thousand runs: one office is set up once through the real channels (a template data folder),
 * then each run copies its database three times. A copied database opened from another folder
 * takes a new node id (db/node-identity.ts), exactly as a second workstation installed by copying
 * the data folder does, so the three replicas are three real nodes that share the office's start.
 */
export interface Template {
  file: string;
  key: Buffer;
  users: Record<'as' | 'sal', { id: string; username: string; profile: Profile }>;
  sedi: { narni: string; amelia: string };
  /** The SAL fixtures a tirocinio names (the beneficiario is the first case's person). */
  sal: { beneficiarioId: string; aziendaId: string; convenzioneId: string; tutorId: string; mediatoreId: string };
  /** A complete tirocinio form, for saving edits over the template's tirocinio. */
  tirocinioFields: ReturnType<Awaited<ReturnType<typeof withHost>>['tirocinio']>;
  dir: string;
}

/** The office every run starts from: two people, a case with a diary entry, an appointment, a tirocinio. */
export async function buildTemplate(): Promise<Template> {
  const zone = await setUpZone(tempDir('udc-prop-template-'));
  // The two accounts the operations work as (staff() would make seven, each with a login).
  const member = async (profile: 'assistente_sociale' | 'mediatore_sal') => {
    const username = `u.${profile.replace('_', '')}`;
    const { id } = await createUser(zone.admin, { username, fullName: `Utente ${profile}`, profile, password: 'Provvisoria-2026' });
    return { id, username, conn: (await loginAs(zone.core, username, 'Provvisoria-2026')).conn };
  };
  const team = { assistente_sociale: await member('assistente_sociale'), mediatore_sal: await member('mediatore_sal') };
  const as = team.assistente_sociale.conn;
  const amelia = await sedeId(as, 'Amelia');
  const narni = await sedeId(as, 'Narni');
  const p = await call(as, 'persons.create', personWithCf({ cognome: 'Fabbri', nome: 'Lucia', sesso: 'F', dataNascita: '1990-03-29', invalidita: '67%' }));
  await call(as, 'persons.create', personWithCf({ cognome: 'Colò', nome: 'Nicolò', sesso: 'M', dataNascita: '1975-01-12' }));
  const { caseId } = await call(as, 'cases.open', { personId: p.person.id, sedeId: amelia, area: 'disabilita', problematiche: [], apertaIl: TODAY });
  await call(as, 'diary.create', {
    caseId,
    tipo: 'colloquio',
    data: TODAY,
    ora: '09:00',
    luogo: 'Amelia',
    partecipanti: '',
    testo: 'Primo colloquio.',
    riservato: false,
    nominati: [],
  });
  await call(as, 'agenda.save', {
    tipo: 'colloquio',
    sedeId: amelia,
    roomId: null,
    comuneIstat: null,
    indirizzo: '',
    operatorIds: [team.assistente_sociale.id],
    personId: p.person.id,
    caseId,
    start: `${TODAY}T10:00`,
    end: `${TODAY}T11:00`,
    rrule: '',
    note: '',
  });
  const o = { ...zone, team, as, sal: team.mediatore_sal.conn, personId: p.person.id, caseId };
  // withHost reads only the SAL account, its id and the case from the office it is given.
  const host = await withHost(o as unknown as Parameters<typeof withHost>[0]);
  // The first tirocinio also stores the SAL parameters in force, once, in the template.
  await call(o.sal, 'salTirocini.save', { id: null, fields: host.tirocinio() });
  zone.core.close();
  const unlocked = await new KeyRing(new DataDir(zone.dataDir), TEST_KDF).unlockWithPassword(team.assistente_sociale.username, STAFF_PASSWORD);
  if (!unlocked) throw new Error('template key not unlocked');
  const user = (profile: keyof typeof team) => ({ id: team[profile].id, username: team[profile].username, profile: profile as Profile });
  return {
    file: new DataDir(zone.dataDir).dbFile,
    key: unlocked.key,
    users: { as: user('assistente_sociale'), sal: user('mediatore_sal') },
    sedi: { narni, amelia },
    sal: { beneficiarioId: host.beneficiarioId, aziendaId: host.aziendaId, convenzioneId: host.convenzioneId, tutorId: host.tutorId, mediatoreId: team.mediatore_sal.id },
    tirocinioFields: host.tirocinio(),
    dir: zone.dataDir,
  };
}

/** Where a run's files go: memory-backed where the system has it (the property is about logic, not disks). */
export function runRoot(): string {
  const shm = '/dev/shm';
  const base = process.env.UDC_PROP_TMP ?? (fs.existsSync(shm) ? shm : os.tmpdir());
  return fs.mkdtempSync(path.join(base, 'udc-prop-'));
}

export interface Replica {
  index: number;
  file: string;
  /** This workstation's view of the shared folder (its copy, as a file-sync tool keeps it). */
  folder: string;
  store: Store;
  node: string;
  id: SyncIdentity;
  ctx: (who: 'as' | 'sal') => WorkContext;
  restart(): void;
  sync(): SyncReport;
  /**
   * The PC goes off in the middle of a sync cycle, then starts again: right after its next
   * segment file is written (before the cycle counts it), or right after a received segment is
   * applied (before the cursor moves past it).
   */
  crash(point: 'send' | 'apply'): void;
  close(): void;
}

class PowerCut extends Error {}

const SYNC_ACTOR: Actor = { userId: null, username: 'sync', profile: null, workstation: 'test' };

/** A database opened as the vault opens it: bound to this host and its folder. */
function openStore(t: Template, file: string): Store {
  return Store.open(file, t.key, false, `${os.hostname()}\n${fs.realpathSync(file)}`);
}

/** Three replicas of the template in `root`, paired on one zone (sync key, Ed25519 keys). */
export function replicas(t: Template, root: string, count = 3): Replica[] {
  const zone = randomBytes(16).toString('hex');
  const syncKey = randomBytes(32);
  const keys = new Map<string, KeyObject>();
  const out: Replica[] = [];
  for (let index = 0; index < count; index++) {
    const dir = path.join(root, `sede-${index}`);
    const folder = path.join(root, `cartella-${index}`);
    fs.mkdirSync(dir);
    fs.mkdirSync(folder);
    const file = path.join(dir, 'archivio.db');
    fs.copyFileSync(t.file, file);
    let store = openStore(t, file);
    const node = store.writer.getMeta('node_id')!;
    const pair = generateKeyPairSync('ed25519');
    keys.set(node, pair.publicKey);
    const id: SyncIdentity = { zone, node, syncKey, signingKey: pair.privateKey, publicKeyOf: (n) => keys.get(n) ?? null, programVersion: '0.1.0' };
    const contexts = new Map<string, WorkContext>();
    const ctx = (who: 'as' | 'sal'): WorkContext => {
      let c = contexts.get(who);
      if (!c) {
        const u = t.users[who];
        c = { store, actor: { userId: u.id, username: u.username, profile: u.profile, workstation: `sede-${index}` }, userId: u.id, profile: u.profile, now: Date.now };
        contexts.set(who, c);
      }
      return c;
    };
    out.push({
      index,
      file,
      folder,
      get store() {
        return store;
      },
      node,
      id,
      ctx,
      restart() {
        store.close();
        store = openStore(t, file);
        contexts.clear();
        if (store.writer.getMeta('node_id') !== node) throw new Error('a restart changed the node id');
      },
      sync: () => syncOnce(store, folder, id, SYNC_ACTOR),
      crash(point) {
        const writer = store.writer;
        const setMeta = writer.setMeta.bind(writer);
        const fatal = (key: string) => (point === 'send' ? key === NODE_SYNC_META.segmentSeq : key.startsWith(NODE_SYNC_META.cursorPrefix));
        writer.setMeta = (key, value) => {
          if (fatal(key)) throw new PowerCut();
          setMeta(key, value);
        };
        try {
          syncOnce(store, folder, id, SYNC_ACTOR);
        } catch (error) {
          if (!(error instanceof PowerCut)) throw error;
        }
        this.restart();
      },
      close: () => store.close(),
    });
  }
  if (new Set(out.map((r) => r.node)).size !== count) throw new Error('copied databases kept one node id');
  return out;
}

/** The numbers of the segments `of` wrote, in its own view of the folder. */
export function ownSegments(r: Replica): number[] {
  const dir = path.join(zoneFolder(r.folder, r.id.zone), r.node);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((n) => /^(\d{12})\.udcs$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

const segmentName = (seq: number) => `${String(seq).padStart(12, '0')}.udcs`;

/**
 * The file-sync tool carries one of `from`'s segments into `to`'s folder: in any order, again
 * (a duplicate overwrites with the same bytes), or as the tool's own conflict copy beside it.
 */
export function deliver(from: Replica, to: Replica, seq: number, asConflictCopy: boolean): void {
  const src = path.join(zoneFolder(from.folder, from.id.zone), from.node, segmentName(seq));
  const dir = path.join(zoneFolder(to.folder, from.id.zone), from.node);
  fs.mkdirSync(dir, { recursive: true });
  const name = asConflictCopy ? `${String(seq).padStart(12, '0')}.sync-conflict-20261202-${to.index}.udcs` : segmentName(seq);
  fs.copyFileSync(src, path.join(dir, name));
}

/** Every segment of every replica into every other's folder. */
export function deliverAll(all: readonly Replica[]): void {
  for (const from of all) for (const seq of ownSegments(from)) for (const to of all) if (to !== from) deliver(from, to, seq, false);
}

/** Equal on two replicas holding the same data and the same open conflicts (the CLI's `stats`). */
export function canonical(r: Replica): string {
  return contentStats(r.store).hash;
}
