import { parseOptions, UsageError } from '../cli/args';
import type { Metric } from './metrics';
import { storageBench } from './storage-bench';
import { unlockBench } from './unlock-bench';
import { cartellaBench } from './cartella-bench';
import { agendaBench } from './agenda-bench';
import { placesBench } from './places-bench';
import { salBench } from './sal-bench';
import { syncBench } from './sync-bench';
import { syncPropertyBench } from './sync-property-bench';
import { syncSnapshotBench } from './sync-snapshot-bench';
import { backupBench } from './backup-bench';
import { lettersBench } from './letters-bench';
import { reportBench } from './report-bench';

/** The bench's parts, for --only (each builds its own archive, so any subset runs alone). */
const PARTS = ['unlock', 'storage', 'cartella', 'agenda', 'places', 'sal', 'sync', 'syncprop', 'snapshot', 'backup', 'letters', 'report'] as const;

/**
 * `npm run bench -- [--json] [--long] [--only sal,agenda]`: one JSON object {"metrics": [...]}.
 * Ratios compare the encrypted store with plain SQLite measured in the same run, so the figures
 * travel between machines. --long uses 100,000 rows and more rounds.
 */
function propertyRuns(long: boolean, quick: boolean): number {
  if (process.env.UDC_PROP_RUNS) return Number(process.env.UDC_PROP_RUNS);
  return long ? 1000 : quick ? 5 : 20;
}

export async function benchCommand(args: string[]): Promise<number> {
  const o = parseOptions(args, ['json', 'long', 'quick'], ['only']);
  const only = o.has('only') ? String(o.get('only')).split(',') : [...PARTS];
  const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new UsageError(`--only: parti sconosciute ${unknown.join(', ')} (sono ${PARTS.join(', ')}).`);
  const run = (part: (typeof PARTS)[number]) => only.includes(part);
  const long = o.has('long');
  // --quick: a smoke run at 10,000 people, for trying the bench itself.
  const persons = o.has('quick') ? 10_000 : 100_000;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const metrics: Metric[] = [
    ...(run('unlock') ? await unlockBench(long ? 7 : 3) : []),
    ...(run('storage') ? storageBench({ rows: long ? 100_000 : 10_000, lookups: long ? 100_000 : 20_000, rounds: 9 }) : []),
    ...(run('cartella') ? cartellaBench({ persons, diaryPerCase: 60, log }) : []),
    ...(run('agenda') ? agendaBench({ appointments: o.has('quick') ? 20_000 : 200_000, rounds: 200, log }) : []),
    ...(run('places') ? await placesBench({ rounds: long ? 50 : 10 }) : []),
    ...(run('sal') ? salBench({ tirocini: o.has('quick') ? 100 : 500, rounds: long ? 30 : 10, log }) : []),
    ...(run('sync') ? syncBench({ persons: o.has('quick') ? 2000 : 20_000, rounds: long ? 9 : 3, log }) : []),
    // The convergence property at the 1,000 runs × 200 operations (npm test affords fewer); UDC_PROP_RUNS for more.
    ...(run('syncprop')
      ? syncPropertyBench({
          runs: propertyRuns(long, o.has('quick')),
          ops: Number(process.env.UDC_PROP_OPS ?? 200),
          seed: Number(process.env.UDC_PROP_SEED ?? Date.now() % 1e9),
          log,
        })
      : []),
    // Seeding 100,000 people through the write path takes longer than the join it measures: only
    // with --long, or when named (--only snapshot).
    ...(run('snapshot') && (long || o.has('only')) ? await syncSnapshotBench({ persons: o.has('quick') ? 10_000 : 100_000, log }) : []),
    ...(run('backup') ? await backupBench({ persons: o.has('quick') ? 2_000 : 10_000, log }) : []),
    ...(run('letters') ? await lettersBench({ rounds: long ? 50 : 15, log }) : []),
    ...(run('report') ? reportBench({ persons, rounds: long ? 15 : 5, log }) : []),
  ];
  if (o.has('json')) {
    console.log(JSON.stringify({ metrics }));
  } else {
    for (const m of metrics) {
      const ok = m.value <= m.target ? 'ok' : 'FUORI OBIETTIVO';
      console.log(`${m.name.padEnd(20)} ${String(m.value).padStart(10)} ${m.unit.padEnd(3)} (obiettivo ≤ ${m.target}) ${ok}`);
    }
  }
  return 0;
}
