import { randomBytes } from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { TABLES, type WritableTable } from '../../electron/core/db/schema';
import type { RemoteChange } from '../../electron/core/db/writer';
import { uuidv7 } from '../../electron/core/ids';
import { Store } from '../../electron/core/store';
import { tempDir } from '../support/core-harness';

const actor = { userId: null, username: 'sync', profile: null, workstation: 'test' };
const entry = { log: 'admin' as const, action: 'sync.apply' };

interface Node {
  store: Store;
  node: string;
  /** Seq of the last own change each peer has received from this node. */
  sent: Map<string, number>;
}

const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

function node(): Node {
  const store = Store.open(path.join(tempDir('udc-sync-'), 'dati.db'), randomBytes(32), true);
  open.push(store);
  const node = (store.db.prepare(`SELECT value FROM meta WHERE key = 'node_id'`).get() as { value: string }).value;
  return { store, node, sent: new Map() };
}

/** What `to` has not yet received of `from`'s own changes, applied at `to`. */
function send(from: Node, to: Node) {
  const after = from.sent.get(to.node) ?? 0;
  const changes = from.store.sync.ownChangesAfter(from.node, after, 100_000);
  if (changes.length > 0) from.sent.set(to.node, changes.at(-1)!.seq);
  return to.store.writer.applyRemote(
    actor,
    changes.map(({ seq: _seq, ...c }) => c),
    entry,
  );
}

function exchange(...nodes: Node[]) {
  for (const a of nodes) for (const b of nodes) if (a !== b) send(a, b);
}

const person = (cognome: string, telefono = '') => ({
  cognome,
  nome: 'Nicolò',
  residenza_indirizzo: 'Via Garibaldi 3, Narni',
  domicilio: '',
  telefono,
  email: '',
  titolo_studio: '',
  condizione_lavorativa: '',
  permesso_soggiorno: '',
  invalidita: '',
  legge_104: 0 as const,
  tutore: '',
  created_at: '2026-12-02T09:00:00.000Z',
});

function insertPerson(n: Node, cognome: string, id = uuidv7()): string {
  n.store.writer.insert(actor, 'persons', id, person(cognome), { log: 'data', action: 'persons.create' });
  return id;
}

function update(n: Node, id: string, patch: Record<string, string>) {
  n.store.writer.update(actor, 'persons', id, patch, { log: 'data', action: 'persons.update' });
}

function row(n: Node, id: string) {
  return n.store.db.prepare('SELECT * FROM persons WHERE id = ?').get(id) as Record<string, unknown> | undefined;
}

/** Every synced table, row by row, and the open conflicts: equal dumps = equal data. */
function dump(n: Node): string {
  const tables = Object.keys(TABLES) as WritableTable[];
  const data = tables.map((t) => [t, n.store.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]);
  return JSON.stringify({ data, conflicts: n.store.sync.conflicts() });
}

describe('il percorso unico di applicazione delle modifiche', () => {
  it('modifiche a campi diversi della stessa persona sopravvivono entrambe', () => {
    const narni = node();
    const amelia = node();
    const id = insertPerson(narni, 'Rossi');
    exchange(narni, amelia);
    update(narni, id, { telefono: '0744 715123' });
    update(amelia, id, { email: 'rossi@example.it' });
    exchange(narni, amelia);
    for (const n of [narni, amelia]) expect(row(n, id)).toMatchObject({ telefono: '0744 715123', email: 'rossi@example.it' });
    expect(narni.store.sync.conflicts()).toEqual([]);
    expect(dump(narni)).toBe(dump(amelia));
  });

  it('lo stesso campo cambiato in due sedi: stesso vincitore ovunque, il valore perdente resta come conflitto in entrambe', () => {
    const narni = node();
    const amelia = node();
    const id = insertPerson(narni, 'Rossi');
    exchange(narni, amelia);
    update(narni, id, { telefono: '0744 111111' });
    update(amelia, id, { telefono: '0744 222222' });
    exchange(narni, amelia);
    // Amelia wrote last: its HLC is the higher one.
    for (const n of [narni, amelia]) expect(row(n, id)!.telefono).toBe('0744 222222');
    const conflicts = narni.store.sync.conflicts();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ tbl: 'persons', row_id: id, col: 'telefono', value: JSON.stringify('0744 111111'), node: narni.node });
    expect(amelia.store.sync.conflicts()).toEqual(conflicts);
    expect(dump(narni)).toBe(dump(amelia));
  });

  it('una modifica fatta sopra quella dell’altra sede non è un conflitto', () => {
    const narni = node();
    const amelia = node();
    const id = insertPerson(narni, 'Rossi');
    update(narni, id, { telefono: '0744 111111' });
    exchange(narni, amelia);
    update(amelia, id, { telefono: '0744 333333' });
    exchange(narni, amelia);
    expect(row(narni, id)!.telefono).toBe('0744 333333');
    expect(narni.store.sync.conflicts()).toEqual([]);
    expect(amelia.store.sync.conflicts()).toEqual([]);
  });

  it('applicare due volte lo stesso pacchetto equivale ad applicarlo una volta', () => {
    const narni = node();
    const amelia = node();
    const id = insertPerson(narni, 'Rossi');
    update(narni, id, { telefono: '0744 111111' });
    const changes = narni.store.sync.ownChangesAfter(narni.node, 0, 1000).map(({ seq: _seq, ...c }) => c);
    amelia.store.writer.applyRemote(actor, changes, entry);
    const once = dump(amelia);
    const logged = amelia.store.db.prepare('SELECT count(*) AS n FROM changes').get();
    const again = amelia.store.writer.applyRemote(actor, changes, entry);
    expect(again).toMatchObject({ logged: 0, duplicates: changes.length });
    expect(dump(amelia)).toBe(once);
    expect(amelia.store.db.prepare('SELECT count(*) AS n FROM changes').get()).toEqual(logged);
  });

  it('una modifica che arriva prima della riga che modifica attende, poi la riga nasce con il valore più recente', () => {
    const narni = node();
    const amelia = node();
    const terni = node();
    const id = insertPerson(narni, 'Rossi');
    send(narni, amelia);
    update(amelia, id, { telefono: '0744 444444' });
    // Terni gets Amelia's edit before Narni's row.
    const early = send(amelia, terni);
    expect(early.pending).toBe(1);
    expect(row(terni, id)).toBeUndefined();
    const late = send(narni, terni);
    expect(late.pending).toBe(0);
    expect(row(terni, id)).toMatchObject({ cognome: 'Rossi', telefono: '0744 444444' });
    exchange(narni, amelia, terni);
    expect(dump(terni)).toBe(dump(narni));
  });

  it('risolvere un conflitto lo chiude in tutte le sedi, con la decisione sincronizzata', () => {
    const narni = node();
    const amelia = node();
    const id = insertPerson(narni, 'Rossi');
    exchange(narni, amelia);
    update(narni, id, { telefono: '0744 111111' });
    update(amelia, id, { telefono: '0744 222222' });
    exchange(narni, amelia);
    expect(narni.store.sync.conflicts()).toHaveLength(1);
    narni.store.writer.resolveConflict(actor, 'persons', id, { telefono: '0744 111111' }, { log: 'data', action: 'sync.resolve' });
    expect(narni.store.sync.conflicts()).toEqual([]);
    exchange(narni, amelia);
    expect(amelia.store.sync.conflicts()).toEqual([]);
    for (const n of [narni, amelia]) expect(row(n, id)!.telefono).toBe('0744 111111');
  });

  it('un valore del tipo sbagliato rifiuta il pacchetto intero e non cambia nulla', () => {
    const narni = node();
    const amelia = node();
    insertPerson(narni, 'Rossi');
    const changes = narni.store.sync.ownChangesAfter(narni.node, 0, 1000).map(({ seq: _seq, ...c }) => c);
    const before = dump(amelia);
    const bad = changes.map((c) => (c.col === 'legge_104' ? { ...c, value: '"sì"' } : c));
    expect(() => amelia.store.writer.applyRemote(actor, bad, entry)).toThrow(/Valore non valido per persons.legge_104/);
    expect(dump(amelia)).toBe(before);
  });

  it('colonne di una versione più recente sono tenute da parte, il resto si applica', () => {
    const narni = node();
    const amelia = node();
    const id = insertPerson(narni, 'Rossi');
    const changes: RemoteChange[] = narni.store.sync.ownChangesAfter(narni.node, 0, 1000).map(({ seq: _seq, ...c }) => c);
    const extra = {
      ...changes[0]!,
      hlc: changes.at(-1)!.hlc.replace(/-([0-9a-f]{4})-/, (_m, c: string) => `-${(parseInt(c, 16) + 1).toString(16).padStart(4, '0')}-`),
      col: 'pronome',
    };
    const outcome = amelia.store.writer.applyRemote(actor, [...changes, extra], entry);
    expect(outcome.unknown).toBe(1);
    expect(row(amelia, id)).toMatchObject({ cognome: 'Rossi' });
    expect(amelia.store.db.prepare('SELECT col FROM sync_unknown_changes').all()).toEqual([{ col: 'pronome' }]);
  });

  it('dopo un riavvio la postazione non torna indietro: una modifica fatta qui dopo averne ricevuta una un po’ avanti vince', () => {
    const dir = tempDir('udc-sync-');
    const key = randomBytes(32);
    let narni = { store: Store.open(path.join(dir, 'dati.db'), key, true), node: '', sent: new Map<string, number>() };
    open.push(narni.store);
    narni.node = (narni.store.db.prepare(`SELECT value FROM meta WHERE key = 'node_id'`).get() as { value: string }).value;
    const amelia = node();
    const id = insertPerson(narni, 'Rossi');
    exchange(narni, amelia);
    // Amelia's clock two minutes ahead: within the tolerance, so her change is applied at Narni.
    update(amelia, id, { telefono: '0744 222222' });
    const ahead = new Date(Date.now() + 2 * 60_000).toISOString();
    const changes = amelia.store.sync
      .ownChangesAfter(amelia.node, amelia.sent.get(narni.node) ?? 0, 1000)
      .map(({ seq: _seq, ...c }) => ({ ...c, hlc: c.hlc.replace(/^[^Z]+Z/, ahead) }));
    narni.store.writer.applyRemote(actor, changes, entry);
    expect(row(narni, id)).toMatchObject({ telefono: '0744 222222' });
    // Narni restarts: its clock resumes after everything it has seen, not only after its own changes.
    narni.store.close();
    open.splice(open.indexOf(narni.store), 1);
    narni = { ...narni, store: Store.open(path.join(dir, 'dati.db'), key) };
    open.push(narni.store);
    update(narni, id, { telefono: '0744 111111' });
    expect(row(narni, id)).toMatchObject({ telefono: '0744 111111' });
    expect(narni.store.sync.conflicts()).toEqual([]);
  });

  it('un orologio avanti di più di 5 minuti è rifiutato e lo dice', () => {
    const narni = node();
    const amelia = node();
    insertPerson(narni, 'Rossi');
    const future = new Date(Date.now() + 10 * 60_000).toISOString();
    const changes = narni.store.sync.ownChangesAfter(narni.node, 0, 1000).map(({ seq: _seq, ...c }) => ({ ...c, hlc: c.hlc.replace(/^[^Z]+Z/, future) }));
    const before = dump(amelia);
    expect(() => amelia.store.writer.applyRemote(actor, changes, entry)).toThrow(/Orologio remoto avanti/);
    expect(dump(amelia)).toBe(before);
  });

  it('tre sedi, modifiche e scambi casuali: dopo uno scambio completo i dati e i conflitti sono identici ovunque', () => {
    const fields = ['telefono', 'email', 'domicilio'] as const;
    const op = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), at: fc.nat(2), person: fc.nat(3), field: fc.constantFrom(...fields), value: fc.string({ maxLength: 6 }) }),
      fc.record({ kind: fc.constant('send' as const), from: fc.nat(2), to: fc.nat(2) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 40 }), (ops) => {
        const nodes = [node(), node(), node()];
        const ids = ['Rossi', 'Bianchi', 'Colò', 'D’Annunzio'].map((c) => insertPerson(nodes[0]!, c));
        exchange(...nodes);
        for (const o of ops) {
          if (o.kind === 'edit') update(nodes[o.at]!, ids[o.person]!, { [o.field]: o.value });
          else if (o.from !== o.to) send(nodes[o.from]!, nodes[o.to]!);
        }
        exchange(...nodes);
        const [a, b, c] = nodes.map(dump);
        expect(b).toBe(a);
        expect(c).toBe(a);
        for (const s of nodes.map((n) => n.store)) s.close();
        open.splice(0);
      }),
      { numRuns: 40, seed: 20261202 },
    );
  });
});
