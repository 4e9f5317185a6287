import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteChange } from '../../electron/core/db/writer';
import { uuidv7 } from '../../electron/core/ids';
import { Store } from '../../electron/core/store';
import { tempDir } from '../support/core-harness';

/*
 * A scarto carried by sync: the emptied cells win on the other node by HLC like any edit, and the
 * scarto's row tells that node to forget the cells' earlier values in its own change log.
 */

const actor = { userId: null, username: 'sync', profile: null, workstation: 'test' };
const SECRET = 'Valore-da-scartare-Q7';
const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

function node(): { store: Store; id: string; sent: number } {
  const store = Store.open(path.join(tempDir('udc-scarto-sync-'), 'dati.db'), randomBytes(32), true);
  open.push(store);
  return { store, id: (store.db.prepare(`SELECT value FROM meta WHERE key = 'node_id'`).get() as { value: string }).value, sent: 0 };
}

function send(from: ReturnType<typeof node>, to: ReturnType<typeof node>): void {
  const changes = from.store.sync.ownChangesAfter(from.id, from.sent, 100_000);
  if (changes.length > 0) from.sent = changes.at(-1)!.seq;
  to.store.writer.applyRemote(
    actor,
    changes.map(({ seq: _seq, ...c }): RemoteChange => c),
    { log: 'admin', action: 'sync.apply' },
  );
}

const holding = (s: Store) => (s.db.prepare(`SELECT count(*) AS n FROM changes WHERE value LIKE ?`).get(`%${SECRET}%`) as { n: number }).n;

describe('scarto e sincronizzazione', () => {
  it('the other node empties the cells and forgets their earlier values once the scarto arrives', () => {
    const a = node();
    const b = node();
    const id = uuidv7();
    a.store.writer.insert(actor, 'comuni', id, { istat: '055099', catastale: 'Z999', nome: SECRET, provincia: 'TR' }, { log: 'admin', action: 'zone.saveComune' });
    a.store.writer.update(actor, 'comuni', id, { nome: `${SECRET} (corretto)` }, { log: 'admin', action: 'zone.saveComune' });
    send(a, b);
    expect(holding(b.store)).toBe(2);

    const scartoId = uuidv7();
    a.store.writer.erase(actor, { log: 'admin', action: 'retention.execute' }, [{ table: 'comuni', id, values: { nome: '' } }], (w) =>
      w.insert('scarti', scartoId, {
        stato: 'eseguito',
        case_ids: '[]',
        celle: JSON.stringify([['comuni', id, ['nome']]]),
        esportato_il: '',
        eseguito_il: new Date().toISOString(),
      }),
    );
    expect(holding(a.store)).toBe(0);
    expect(holding(b.store)).toBe(2);

    send(a, b);
    expect(b.store.db.prepare('SELECT nome FROM comuni WHERE id = ?').get(id)).toEqual({ nome: '' });
    expect(holding(b.store)).toBe(0);
    expect(b.store.writer.getMeta(`scarto.dimenticato.${scartoId}`)).not.toBeNull();
    // The rest of the row, and the audit rows, are untouched.
    expect(b.store.db.prepare('SELECT istat FROM comuni WHERE id = ?').get(id)).toEqual({ istat: '055099' });
    expect(a.store.audit.verify('admin').ok && b.store.audit.verify('admin').ok).toBe(true);
  });
});
