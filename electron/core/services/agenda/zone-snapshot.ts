import type { SedeHoursData } from '../../../../shared/contracts/agenda';
import type { PatronDay } from '../../../../shared/domain/holidays';
import type { Store } from '../../store';

/** The tables a snapshot is read from: a commit that writes one of them drops it. */
const TABLES = new Set(['zone', 'sedi', 'rooms', 'comuni', 'comuni_patroni', 'sede_orari', 'users']);

export interface Names {
  sedi: Map<string, { nome: string; comuneIstat: string }>;
  rooms: Map<string, { nome: string; sedeId: string; attiva: boolean }>;
  comuni: Map<string, string>;
}

/** What every agenda read looks up in the zone's small tables, each part read when first asked for. */
export interface ZoneSnapshot {
  names?: Names;
  patrons?: readonly PatronDay[];
  orari?: readonly SedeHoursData[];
  userNames?: ReadonlyMap<string, string>;
}

interface Held {
  snapshot: ZoneSnapshot;
  /** PRAGMA data_version when read: it changes when another connection commits. */
  version: number;
}

const held = new WeakMap<Store, Held>();

/**
 * The zone's names, patron days, office hours and user names, kept per store between agenda
 * reads (a week read asked for them seven statements at a time). Dropped when this store's
 * writer commits to one of their tables, and when another connection has committed anything.
 */
export function zoneSnapshot(store: Store): ZoneSnapshot {
  const version = store.agenda.dataVersion();
  let h = held.get(store);
  if (!h) {
    const fresh: Held = { snapshot: {}, version };
    held.set(store, fresh);
    store.writer.onCommit((tables) => {
      if (tables.some((t) => TABLES.has(t))) fresh.snapshot = {};
    });
    h = fresh;
  }
  if (h.version !== version) {
    h.snapshot = {};
    h.version = version;
  }
  return h.snapshot;
}
