import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../electron/core/ids';
import { Store } from '../../electron/core/store';
import { syncOnce, type SyncIdentity } from '../../electron/core/sync/sync-cycle';
import { syncLogOf } from '../../electron/core/sync/sync-log';
import { makeReadOnly, tempDir } from '../support/core-harness';

const actor = { userId: null, username: 'sync', profile: null, workstation: 'test' };
const zone = randomBytes(16).toString('hex');
const syncKey = randomBytes(32);
const keys = new Map<string, KeyObject>();
const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

interface Node {
  store: Store;
  id: SyncIdentity;
}

function node(): Node {
  const store = Store.open(path.join(tempDir('udc-sync-'), 'dati.db'), randomBytes(32), true);
  open.push(store);
  const nodeId = (store.db.prepare(`SELECT value FROM meta WHERE key = 'node_id'`).get() as { value: string }).value;
  const pair = generateKeyPairSync('ed25519');
  keys.set(nodeId, pair.publicKey);
  return { store, id: { zone, node: nodeId, syncKey, signingKey: pair.privateKey, publicKeyOf: (n) => keys.get(n) ?? null, programVersion: '0.1.0' } };
}

const sync = (n: Node, folder: string) => syncOnce(n.store, folder, n.id, actor);

function addPerson(n: Node, cognome: string, telefono = ''): string {
  const id = uuidv7();
  n.store.writer.insert(
    actor,
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

const persons = (n: Node) => n.store.db.prepare('SELECT id, cognome, telefono FROM persons ORDER BY id').all();
const rejections = (n: Node) => syncLogOf(n.store).recent(100).reverse();
const filesIn = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('sincronizzazione attraverso una cartella condivisa', () => {
  it('Narni e Amelia convergono; la cartella contiene solo pacchetti cifrati con nomi senza dati personali', () => {
    const folder = tempDir('udc-share-');
    const narni = node();
    const amelia = node();
    addPerson(narni, 'D’Annunzio-Colò', '0744 715123');
    addPerson(amelia, 'Rossi');
    expect(sync(narni, folder)).toMatchObject({ sentSegments: 1, receivedSegments: 0 });
    const a = sync(amelia, folder);
    expect(a).toMatchObject({ sentSegments: 1, receivedSegments: 1, rejected: [], waiting: [] });
    expect(a.appliedChanges).toBeGreaterThan(10);
    expect(sync(narni, folder)).toMatchObject({ sentSegments: 0, receivedSegments: 1 });
    expect(persons(narni)).toEqual(persons(amelia));
    expect(persons(narni)).toHaveLength(2);
    for (const file of filesIn(folder)) {
      expect(path.basename(file)).toMatch(/^\d{12}\.udcs$/);
      const bytes = fs.readFileSync(file);
      for (const secret of ['Annunzio', 'Rossi', '0744', 'persons']) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
    // A second cycle with nothing new sends and applies nothing.
    expect(sync(amelia, folder)).toMatchObject({ sentSegments: 0, receivedSegments: 0, appliedChanges: 0 });
  });

  it('la copia in conflitto creata dal programma di sincronizzazione dei file viene letta', () => {
    const folder = tempDir('udc-share-');
    const narni = node();
    const amelia = node();
    addPerson(narni, 'Bianchi');
    sync(narni, folder);
    const [file] = filesIn(folder);
    fs.renameSync(file!, file!.replace('.udcs', '.sync-conflict-20261202-093000-ABCDEF.udcs'));
    expect(sync(amelia, folder)).toMatchObject({ receivedSegments: 1, rejected: [] });
    expect(persons(amelia)).toHaveLength(1);
  });

  it('un file estraneo o alterato è rifiutato, annotato nel registro, e non cambia nulla', () => {
    const folder = tempDir('udc-share-');
    const narni = node();
    const amelia = node();
    addPerson(narni, 'Verdi');
    sync(narni, folder);
    const [file] = filesIn(folder);
    const bytes = fs.readFileSync(file!);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x01;
    fs.writeFileSync(file!, bytes);
    const before = persons(amelia);
    const report = sync(amelia, folder);
    expect(report.receivedSegments).toBe(0);
    expect(report.rejected).toEqual([expect.objectContaining({ node: narni.id.node, seq: 1, reason: 'bad_signature' })]);
    expect(report.waiting).toEqual([{ node: narni.id.node, seq: 1 }]);
    expect(persons(amelia)).toEqual(before);
    const logged = rejections(amelia);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ node: narni.id.node, seq: 1, reason: 'bad_signature' });
    expect(logged[0]!.message).toContain('000000000001.udcs: La firma del pacchetto non è valida');
  });

  it('una postazione revocata o mai associata non viene ascoltata', () => {
    const folder = tempDir('udc-share-');
    const stranger = node();
    const amelia = node();
    addPerson(stranger, 'Neri');
    sync(stranger, folder);
    keys.delete(stranger.id.node);
    const report = sync(amelia, folder);
    expect(report.rejected.map((r) => r.reason)).toEqual(['unknown_sender']);
    expect(persons(amelia)).toEqual([]);
  });

  it('un pacchetto che manca ferma la lettura di quella postazione finché non arriva', () => {
    const folder = tempDir('udc-share-');
    const narni = node();
    const amelia = node();
    addPerson(narni, 'Primo');
    sync(narni, folder);
    addPerson(narni, 'Secondo');
    sync(narni, folder);
    const first = filesIn(folder).find((f) => f.endsWith('000000000001.udcs'))!;
    const aside = `${first}.altrove`;
    fs.renameSync(first, aside);
    expect(sync(amelia, folder)).toMatchObject({ receivedSegments: 0, waiting: [{ node: narni.id.node, seq: 1 }] });
    expect(persons(amelia)).toEqual([]);
    fs.renameSync(aside, first);
    expect(sync(amelia, folder)).toMatchObject({ receivedSegments: 2, waiting: [] });
    expect(
      persons(amelia)
        .map((p) => (p as { cognome: string }).cognome)
        .sort(),
    ).toEqual(['Primo', 'Secondo']);
  });

  it('cartella assente, in sola lettura o svuotata: un messaggio chiaro, nulla letto né scritto', () => {
    const narni = node();
    addPerson(narni, 'Gialli');
    expect(() => sync(narni, path.join(tempDir('udc-share-'), 'non-esiste'))).toThrow(/non è raggiungibile/);
    const folder = tempDir('udc-share-');
    const restore = makeReadOnly(folder);
    try {
      expect(() => sync(narni, folder)).toThrow(/sola lettura/);
    } finally {
      restore();
    }
    expect(filesIn(folder)).toEqual([]);
    sync(narni, folder);
    fs.rmSync(path.join(folder, 'ufficio-cittadinanza-sync'), { recursive: true });
    expect(() => sync(narni, folder)).toThrow(/mancano i pacchetti di questa postazione/);
    expect(persons(narni)).toHaveLength(1);
  });

  it('un orologio molto avanti blocca quella postazione con un messaggio che dice quale PC correggere', () => {
    const folder = tempDir('udc-share-');
    const narni = node();
    const amelia = node();
    const future = Date.now() + 20 * 60_000;
    // Narni's clock 20 minutes ahead: its changes carry that time.
    const realNow = Date.now;
    Date.now = () => future;
    try {
      addPerson(narni, 'Avanti');
    } finally {
      Date.now = realNow;
    }
    sync(narni, folder);
    const report = sync(amelia, folder);
    expect(report.rejected.map((r) => r.reason)).toEqual(['clock']);
    expect(report.blocking).toContain(`postazione ${narni.id.node} è avanti di 20 minuti`);
    expect(persons(amelia)).toEqual([]);
  });

  it('una cartella dei dati copiata su un altro PC prende un proprio identificativo prima di scrivere', () => {
    const folder = tempDir('udc-share-');
    const home = tempDir('udc-home-');
    const file = path.join(home, 'dati.db');
    const key = randomBytes(32);
    const first = Store.open(file, key, true, `narni-pc\n${file}`);
    const original = first.writer.getMeta('node_id')!;
    const pair = generateKeyPairSync('ed25519');
    keys.set(original, pair.publicKey);
    const narni: Node = { store: first, id: { zone, node: original, syncKey, signingKey: pair.privateKey, publicKeyOf: (n) => keys.get(n) ?? null, programVersion: '0.1.0' } };
    addPerson(narni, 'Prima della copia');
    sync(narni, folder);
    first.close();
    // The office copies the folder to Amelia's PC (same path there, other host).
    const copyDir = tempDir('udc-copy-');
    for (const f of fs.readdirSync(home)) fs.copyFileSync(path.join(home, f), path.join(copyDir, f));
    const copy = Store.open(path.join(copyDir, 'dati.db'), key, false, `amelia-pc\n${file}`);
    open.push(copy);
    const copied = copy.writer.getMeta('node_id')!;
    expect(copied).not.toBe(original);
    expect(copy.writer.getMeta('node_copied_from')).toBe(original);
    expect(copy.writer.getMeta('sync_segment_seq')).toBeNull();
    expect(copy.writer.getMeta(`sync_cursor:${original}`)).toBe('1');
    // Reopened at home, the original keeps its id.
    const again = Store.open(file, key, false, `narni-pc\n${file}`);
    open.push(again);
    expect(again.writer.getMeta('node_id')).toBe(original);
  });
});
