import { ZONA_SOCIALE_11 } from '../../../shared/domain/zone-seed';
import { loadPlaces } from '../places/places';
import { median, percentile, round, type Metric } from './metrics';

/** What an operator types into a birthplace field: first letters, then whole names. */
const ONE_LETTER = ['a', 'b', 'c', 'm', 'n', 'p', 'r', 's', 't', 'v'];
const TWO_LETTERS = ['am', 'ca', 'gi', 'ma', 'na', 'pe', 'ro', 'sa', 'te', 'vi'];
const FULL_NAMES = [
  ...ZONA_SOCIALE_11.comuni.map((c) => c.nome.toLowerCase()),
  'roma',
  'città della pieve',
  "calvi dell'umbria",
  'forlì',
  'reggio',
  'sannicolo',
  'romania',
  'marocco',
  'albania',
  'xyzzy',
];

/**
 * One search of the places index (about 10,000 comuni and states, in memory) as the
 * birthplace field makes it: p95 over `rounds` passes of every query, current places and
 * ceased ones, 50 results. The unit tests check what a search finds, never how fast.
 */
export async function placesBench(options: { rounds: number }): Promise<Metric[]> {
  const index = await loadPlaces();
  const queries = [...ONE_LETTER, ...TWO_LETTERS, ...FULL_NAMES];
  for (const q of queries) index.search(q, { includeCeased: true, limit: 50 });
  const times: number[] = [];
  for (let pass = 0; pass < options.rounds; pass++) {
    for (const q of queries) {
      for (const includeCeased of [false, true]) {
        const t = performance.now();
        index.search(q, { includeCeased, limit: 50 });
        times.push(performance.now() - t);
      }
    }
  }
  return [
    {
      name: 'place_search_p95_ms',
      value: round(percentile(times, 95)),
      unit: 'ms',
      target: 2,
      detail: { searches: times.length, places: index.size, p50_ms: round(median(times)), max_ms: round(Math.max(...times)) },
    },
  ];
}
