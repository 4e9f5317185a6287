import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hlcOf, hlcsOf, stampOf } from '../../electron/core/db/change-stamp';
import { loadMigrations } from '../../electron/core/db/migrations';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { Store } from '../../electron/core/store';
import { formatHlc } from '../../shared/domain/hlc';
import { tempDir } from '../support/core-harness';

const actor = { userId: null, username: 'test', profile: null, workstation: 'test' };
const NARNI = '0a0a0a0a0a0a0a0a';
const AMELIA = '0b0b0b0b0b0b0b0b';
const ROW = 'c0c0c0c0c0c0c0c0';
const at = (ms: number, node: string, counter = 0) => formatHlc({ millis: Date.now() - 60_000 + ms, counter, node });

describe('registro compatto delle modifiche', () => {
  it('la marca temporale compatta conserva l’ordine e si rilegge uguale', () => {
    const hlcs = [at(0, NARNI), at(0, NARNI, 1), at(0, AMELIA), at(1, NARNI), '0001-01-01T00:00:00.000Z-0000-ffffffffffffffff', '9999-12-31T23:59:59.999Z-ffff-0000000000000000'];
    for (const h of hlcs) expect(hlcOf(stampOf(h))).toBe(h);
    const byText = [...hlcs].sort();
    const byStamp = [...hlcs].sort((a, b) => Buffer.compare(stampOf(a), stampOf(b)));
    expect(byStamp).toEqual(byText);
  });

  it('la migrazione porta avanti le modifiche già registrate: chiavi, marche e genitori, e l’applicazione li legge', () => {
    const file = path.join(tempDir('udc-changelog-'), 'dati.db');
    const key = randomBytes(32);
    const all = loadMigrations();
    const mine = all.findIndex((m) => m.name === 'compact_change_log');
    expect(mine).toBeGreaterThan(0);
    // The log as the earlier program wrote it: text only. A cell edited on top of its first value.
    const db = openDatabase(file, key, { create: true, migrations: all.slice(0, mine) });
    const first = at(0, NARNI);
    const edit = at(1000, NARNI);
    const other = at(0, NARNI, 1);
    const log = db.prepare('INSERT INTO changes (hlc, node, tbl, row_id, col, value, parents) VALUES (?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      db.prepare(`INSERT INTO sync_nodes (id, label) VALUES (?, 'Amelia – modificata')`).run(ROW);
      log.run(first, NARNI, 'sync_nodes', ROW, 'label', JSON.stringify('Amelia'), null);
      log.run(other, NARNI, 'sync_nodes', ROW, 'paired_by', JSON.stringify('admin'), null);
      log.run(edit, NARNI, 'sync_nodes', ROW, 'label', JSON.stringify('Amelia – modificata'), JSON.stringify([first]));
    })();
    closeDatabase(db);

    const store = Store.open(file, key);
    try {
      const rows = store.db.prepare('SELECT c.hlc, c.stamp, c.over, k.tbl, k.row_id FROM changes c JOIN change_rows k ON k.id = c.row_key ORDER BY c.seq').all() as {
        hlc: string;
        stamp: Buffer;
        over: Buffer | null;
        tbl: string;
        row_id: string;
      }[];
      expect(rows.map((r) => [hlcOf(r.stamp), hlcsOf(r.over), r.tbl, r.row_id])).toEqual([
        [first, [], 'sync_nodes', ROW],
        [other, [], 'sync_nodes', ROW],
        [edit, [first], 'sync_nodes', ROW],
      ]);
      expect(rows.map((r) => r.hlc)).toEqual([first, other, edit]);
      expect(store.db.prepare('SELECT count(*) AS n FROM change_rows').get()).toEqual({ n: 1 });
      // Amelia edited the first value too, side by side with Narni's edit and later: it wins,
      // and Narni's edit, a head of the migrated history, is a conflict. Had the migration lost
      // the parents, the first value would be a head as well and a second conflict.
      const remote = at(2000, AMELIA);
      store.writer.applyRemote(
        actor,
        [{ hlc: remote, node: AMELIA, tbl: 'sync_nodes', row_id: ROW, col: 'label', value: JSON.stringify('Amelia – segreteria'), parents: [first] }],
        { log: 'admin', action: 'sync.apply' },
      );
      expect(store.db.prepare('SELECT label FROM sync_nodes WHERE id = ?').get(ROW)).toEqual({ label: 'Amelia – segreteria' });
      expect(store.sync.conflicts().map((c) => [c.loser_hlc, c.value, c.winner_hlc])).toEqual([[edit, JSON.stringify('Amelia – modificata'), remote]]);
      expect(store.sync.changeValue(edit)).toBe(JSON.stringify('Amelia – modificata'));
      // The same batch again changes nothing.
      const count = store.db.prepare('SELECT count(*) AS n FROM changes').get();
      store.writer.applyRemote(
        actor,
        [{ hlc: remote, node: AMELIA, tbl: 'sync_nodes', row_id: ROW, col: 'label', value: JSON.stringify('Amelia – segreteria'), parents: [first] }],
        { log: 'admin', action: 'sync.apply' },
      );
      expect(store.db.prepare('SELECT count(*) AS n FROM changes').get()).toEqual(count);
    } finally {
      store.close();
    }
  });
});
