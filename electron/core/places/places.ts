import type { PlaceData } from '../../../shared/contracts/places';
import { PlaceIndex, type SearchOptions } from './place-index';
import { buildPlaces, readSources } from './sources';

export type { SearchOptions } from './place-index';

let loading: Promise<PlaceIndex> | null = null;
let loaded: PlaceIndex | null = null;

/**
 * The index of Italian comuni (current and ceased) and foreign states, built once, on first
 * use (about half a second), and kept in memory; later calls get the same index. A failed
 * load is not cached, so the next call tries again.
 */
export function loadPlaces(): Promise<PlaceIndex> {
  loading ??= readSources()
    .then(({ belfiore, istat }) => (loaded = new PlaceIndex(buildPlaces(belfiore, istat, new Date()))))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

/** The index if already loaded, for synchronous callers that can do without it meanwhile. */
export function loadedPlaces(): PlaceIndex | null {
  return loaded;
}

/** The place with this cadastral code (F844, Z129), ceased ones included; null if unknown. */
export async function placeByBelfiore(code: string): Promise<PlaceData | null> {
  return (await loadPlaces()).byBelfiore(code);
}

/** Places whose name matches the query (see PlaceIndex.search). */
export async function searchPlaces(query: string, options: SearchOptions = {}): Promise<PlaceData[]> {
  return (await loadPlaces()).search(query, options);
}
