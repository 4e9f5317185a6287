import type { PlaceData } from '../../../shared/contracts/places';
import type { PlaceRecord } from './sources';
import { searchKey } from './search-key';

export interface SearchOptions {
  kind?: 'comune' | 'stato' | 'tutti';
  includeCeased?: boolean;
  limit?: number;
}

interface Entry {
  place: PlaceData;
  /** " key1 | key2 …": every word of every name preceded by a space, for word-prefix tests. */
  hay: string;
  /** Search keys; the first is the official name's. */
  keys: string[];
  /** The keys without spaces ("sannicolo…"), for queries typed as one word. */
  squashed: string[];
}

/** Match quality, best first. */
const EXACT = 0;
const NAME_PREFIX = 1;
const WORD_PREFIX = 2;

/**
 * In-memory index of all places: lookup by cadastral code, and search by name. Matching is
 * accent- and case-insensitive; every word of the query must begin a word of the name
 * ("calvi dell" → Calvi dell'Umbria, "nicolo" → San Nicolò…), or the query typed without
 * spaces must begin a name ("sannicolo"). Results: exact names (any of a place's names) first,
 * then official names that begin with the query, then the rest; current before ceased; then
 * alphabetical.
 */
export class PlaceIndex {
  private readonly entries: Entry[];
  private readonly byCode = new Map<string, PlaceData>();
  private readonly byIstatCode = new Map<string, PlaceData>();

  constructor(records: PlaceRecord[]) {
    const collator = new Intl.Collator('it', { sensitivity: 'base' });
    const sorted = [...records].sort((a, b) => collator.compare(a.nome, b.nome) || a.belfiore.localeCompare(b.belfiore));
    this.entries = sorted.map(({ keys, ...place }) => ({
      place: Object.freeze(place),
      hay: ' ' + keys.join(' | '),
      keys,
      squashed: keys.map((k) => k.replace(/ /g, '')),
    }));
    for (const e of this.entries) {
      this.byCode.set(e.place.belfiore, e.place);
      if (e.place.istat) this.byIstatCode.set(e.place.istat, e.place);
    }
  }

  get size(): number {
    return this.entries.length;
  }

  byBelfiore(code: string): PlaceData | null {
    return this.byCode.get(code.trim().toUpperCase()) ?? null;
  }

  /** The current comune with this ISTAT code (055022), or null. */
  byIstat(code: string): PlaceData | null {
    return this.byIstatCode.get(code.trim()) ?? null;
  }

  search(query: string, options: SearchOptions = {}): PlaceData[] {
    const kind = options.kind ?? 'tutti';
    const includeCeased = options.includeCeased ?? false;
    const limit = Math.max(0, Math.floor(options.limit ?? 20));
    const q = searchKey(query);
    if (q === '' || limit === 0) return [];
    const needles = q.split(' ').map((t) => ' ' + t);
    const qSquashed = q.replace(/ /g, '');
    // Buckets by (quality, ceased); each needs at most `limit` places, already in name order.
    const buckets: PlaceData[][] = [[], [], [], [], [], []];
    for (const e of this.entries) {
      const p = e.place;
      if (kind !== 'tutti' && p.kind !== kind) continue;
      if (p.ceased && !includeCeased) continue;
      // Cheapest test first: most names fail it. An exact or name-prefix match passes it too,
      // except a query typed without its spaces ("sannicolo"), caught by the squashed keys.
      let words = true;
      for (const n of needles) {
        if (!e.hay.includes(n)) {
          words = false;
          break;
        }
      }
      let quality = WORD_PREFIX;
      if (!words) {
        if (!startsAny(e.squashed, qSquashed)) continue;
        if (e.squashed[0]?.startsWith(qSquashed)) quality = NAME_PREFIX;
      } else if (e.keys.includes(q)) quality = EXACT;
      else if (e.keys[0]?.startsWith(q)) quality = NAME_PREFIX;
      const bucket = buckets[quality * 2 + (p.ceased ? 1 : 0)] as PlaceData[];
      if (bucket.length < limit) bucket.push(p);
    }
    const out: PlaceData[] = [];
    for (const bucket of buckets) {
      for (const p of bucket) {
        if (out.length === limit) return out;
        out.push(p);
      }
    }
    return out;
  }
}

function startsAny(keys: string[], prefix: string): boolean {
  for (const k of keys) if (k.startsWith(prefix)) return true;
  return false;
}
