import { parseOptions } from '../cli/args';
import type { Metric } from './metrics';
import { storageBench } from './storage-bench';
import { unlockBench } from './unlock-bench';

/**
 * `npm run bench -- [--json] [--long]`: one JSON object {"metrics": [...]}. Ratios compare the
 * encrypted store with plain SQLite measured in the same run, so the figures travel between
 * machines. --long uses 100,000 rows and more rounds.
 */
export async function benchCommand(args: string[]): Promise<number> {
  const o = parseOptions(args, ['json', 'long'], []);
  const long = o.has('long');
  const metrics: Metric[] = [
    ...(await unlockBench(long ? 7 : 3)),
    ...storageBench({ rows: long ? 100_000 : 10_000, lookups: long ? 100_000 : 20_000, rounds: 9 }),
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
