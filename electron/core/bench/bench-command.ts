import { parseOptions } from '../cli/args';
import type { Metric } from './metrics';
import { storageBench } from './storage-bench';
import { unlockBench } from './unlock-bench';
import { cartellaBench } from './cartella-bench';
import { agendaBench } from './agenda-bench';
import { placesBench } from './places-bench';
import { salBench } from './sal-bench';
import { lettersBench } from './letters-bench';

/**
 * `npm run bench -- [--json] [--long]`: one JSON object {"metrics": [...]}. Ratios compare the
 * encrypted store with plain SQLite measured in the same run, so the figures travel between
 * machines. --long uses 100,000 rows and more rounds.
 */
export async function benchCommand(args: string[]): Promise<number> {
  const o = parseOptions(args, ['json', 'long', 'quick'], []);
  const long = o.has('long');
  // --quick: a smoke run at 10,000 people, for trying the bench itself.
  const persons = o.has('quick') ? 10_000 : 100_000;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const metrics: Metric[] = [
    ...(await unlockBench(long ? 7 : 3)),
    ...storageBench({ rows: long ? 100_000 : 10_000, lookups: long ? 100_000 : 20_000, rounds: 9 }),
    ...cartellaBench({ persons, diaryPerCase: 60, log }),
    ...agendaBench({ appointments: o.has('quick') ? 20_000 : 200_000, rounds: 200, log }),
    ...(await placesBench({ rounds: long ? 50 : 10 })),
    ...salBench({ tirocini: o.has('quick') ? 100 : 500, rounds: long ? 30 : 10, log }),
    ...(await lettersBench({ rounds: long ? 50 : 15, log })),
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
