import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Actor } from '../db/repositories/audit.repo';
import type { RemoteChange } from '../db/writer';
import { uuidv7 } from '../ids';
import { Store } from '../store';
import { ioCalls, ioSince } from './io-counters';
import { median, round, type Metric } from './metrics';

const actor: Actor = { userId: null, username: 'bench', profile: null, workstation: 'bench' };

function person(i: number) {
  return {
    cognome: `Cognome${i}`,
    nome: `Nome${i}`,
    residenza_indirizzo: `Via Roma ${i}, Narni`,
    domicilio: '',
    telefono: '',
    email: '',
    titolo_studio: '',
    condizione_lavorativa: '',
    permesso_soggiorno: '',
    invalidita: '',
    legge_104: 0 as const,
    tutore: '',
    created_at: '2026-12-02T09:00:00.000Z',
  };
}

/**
 * Sync's costs on two encrypted databases: applying 10,000 changes from another workstation
 * (single-cell edits of people both already hold, as a day of office work produces), and what
 * recording changes adds to a local write, against the same UPDATE and audit row without it.
 * The apply's ratio is over the same rows updated by plain SQL in one transaction, measured in
 * the same run: the machine's load divides out.
 */
export function syncBench(options: { persons: number; rounds: number; log: (line: string) => void }): Metric[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-bench-sync-'));
  const narni = Store.open(path.join(dir, 'narni.db'), randomBytes(32), true);
  const amelia = Store.open(path.join(dir, 'amelia.db'), randomBytes(32), true);
  try {
    const ids = Array.from({ length: options.persons }, () => uuidv7());
    narni.writer.importRows(
      actor,
      'persons',
      ids.map((id, i) => ({ id, values: person(i) })),
      { log: 'admin', action: 'bench.seed' },
    );
    const node = (s: Store) => (s.db.prepare(`SELECT value FROM meta WHERE key = 'node_id'`).get() as { value: string }).value;
    let sent = 0;
    const ship = (): RemoteChange[] => {
      const changes = narni.sync.ownChangesAfter(node(narni), sent, 1_000_000);
      sent = changes.at(-1)?.seq ?? sent;
      return changes.map(({ seq: _seq, ...c }) => c);
    };
    amelia.writer.applyRemote(actor, ship(), { log: 'admin', action: 'sync.apply' });
    const apply: number[] = [];
    const applyPlain: number[] = [];
    const plainApply = amelia.db.prepare('UPDATE persons SET domicilio = ? WHERE id = ?');
    const applyReads: number[] = [];
    const applyWrites: number[] = [];
    for (let r = 0; r < options.rounds; r++) {
      narni.writer.transaction(() => {
        for (let i = 0; i < 10_000; i++) {
          narni.writer.update(actor, 'persons', ids[(i * 7 + r) % ids.length]!, { telefono: `0744 ${r}${i}` }, { log: 'data', action: 'persons.update' });
        }
      });
      const batch = ship();
      const io = ioCalls();
      const t = performance.now();
      amelia.writer.applyRemote(actor, batch, { log: 'admin', action: 'sync.apply' });
      apply.push(performance.now() - t);
      const done = ioSince(io);
      if (done) {
        applyReads.push(done.reads);
        applyWrites.push(done.writes);
      }
      // The baseline: the same rows updated by plain SQL in one transaction with one audit row,
      // in the same order and on the same database, no change log (another column, same sizes).
      const t1 = performance.now();
      amelia.db.transaction(() => {
        for (const c of [...batch].sort((a, b) => (a.row_id < b.row_id ? -1 : 1))) plainApply.run(JSON.parse(c.value) as string, c.row_id);
        amelia.audit.append(actor, { log: 'admin', action: 'sync.apply' });
      })();
      applyPlain.push(performance.now() - t1);
    }
    // The same edits with and without the change log, alternated so both meet the same cache.
    const withLog: number[] = [];
    const without: number[] = [];
    const plain = narni.db.prepare('UPDATE persons SET email = ? WHERE id = ?');
    // The writer reads the row to know which cells changed: so does the baseline.
    const read = narni.db.prepare('SELECT * FROM persons WHERE id = ?');
    const io = { withLog: { reads: 0, writes: 0 }, without: { reads: 0, writes: 0 } };
    const add = (to: { reads: number; writes: number }, d: { reads: number; writes: number } | null) => {
      if (!d) return;
      to.reads += d.reads;
      to.writes += d.writes;
    };
    for (let r = 0; r < options.rounds * 2; r++) {
      const io0 = ioCalls();
      const t0 = performance.now();
      for (let i = 0; i < 500; i++)
        narni.writer.update(actor, 'persons', ids[(i * 13 + r) % ids.length]!, { email: `a${r}.${i}@example.it` }, { log: 'data', action: 'persons.update' });
      const t1 = performance.now();
      add(io.withLog, ioSince(io0));
      const io1 = ioCalls();
      for (let i = 0; i < 500; i++) {
        narni.db.transaction(() => {
          const id = ids[(i * 17 + r) % ids.length]!;
          read.get(id);
          plain.run(`b${r}.${i}@example.it`, id);
          narni.audit.append(actor, { log: 'data', action: 'persons.update' });
        })();
      }
      withLog.push(t1 - t0);
      without.push(performance.now() - t1);
      add(io.without, ioSince(io1));
    }
    options.log(`sincronizzazione: ${options.persons} persone, ${options.rounds} pacchetti da 10.000 modifiche`);
    return [
      {
        name: 'sync_apply_10k_ms',
        value: round(median(apply), 1),
        unit: 'ms',
        target: 300,
        ratio: round(median(apply) / median(applyPlain), 2),
        detail: {
          rounds: apply.length,
          max_ms: round(Math.max(...apply), 1),
          plain_sql_ms: round(median(applyPlain), 1),
          // Linux only: read and write calls (≈ pages read, 2 per WAL frame written, checkpoint included).
          ...(applyReads.length > 0 ? { read_calls: median(applyReads), write_calls: median(applyWrites) } : {}),
        },
      },
      {
        name: 'sync_write_overhead_ratio',
        value: round(median(withLog) / median(without), 2),
        unit: 'x',
        target: 1.3,
        detail: {
          writes: 500,
          with_log_ms: round(median(withLog), 1),
          without_log_ms: round(median(without), 1),
          ...(ioCalls() ? perWrite(io, withLog.length * 500) : {}),
        },
      },
    ];
  } finally {
    narni.close();
    amelia.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Read and write calls per write, with and without the change log (Linux only). */
function perWrite(io: Record<'withLog' | 'without', { reads: number; writes: number }>, writes: number): Record<string, number> {
  return {
    with_log_read_calls: round(io.withLog.reads / writes, 2),
    with_log_write_calls: round(io.withLog.writes / writes, 2),
    without_log_read_calls: round(io.without.reads / writes, 2),
    without_log_write_calls: round(io.without.writes / writes, 2),
  };
}
