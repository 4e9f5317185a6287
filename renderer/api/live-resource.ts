import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { api } from './client';
import { toShownError, type ShownError } from './errors';

export interface LiveState<T> {
  /** What the core last returned for the key on screen. */
  data: T | null;
  loading: boolean;
  error: ShownError | null;
}

export interface LiveResource<T, K> {
  useStore: UseBoundStore<StoreApi<LiveState<T>>>;
  /** Read `key`; a key already on screen stays shown while it is read again. */
  load(key: K): Promise<void>;
  /** A mutation's reply replaces what is on screen (and wins over answers still in flight). */
  keep(data: T): T;
  /** Forget everything (the session ended). */
  reset(): void;
}

/**
 * One screen's data from the core, kept current: read through a channel, read again whenever a
 * committed write touches one of `tables` (the core's `changed` event, from this window, another
 * window or, with sync, another sede), answers that arrive out of order dropped.
 */
export function liveResource<T, K>(options: {
  read: (key: K) => Promise<T>;
  keyOf: (data: T) => string;
  keyString: (key: K) => string;
  tables: readonly string[];
}): LiveResource<T, K> {
  const useStore = create<LiveState<T>>(() => ({ data: null, loading: false, error: null }));
  const set = useStore.setState;
  let generation = 0;
  let current: K | null = null;

  async function read(key: K, silent: boolean): Promise<void> {
    const mine = ++generation;
    current = key;
    const shown = useStore.getState().data;
    const keepShown = shown !== null && options.keyOf(shown) === options.keyString(key);
    if (!silent) set({ loading: true, error: null, data: keepShown ? shown : null });
    try {
      const data = await options.read(key);
      if (mine === generation) set({ data, loading: false, error: null });
    } catch (error) {
      if (mine === generation) set({ data: null, loading: false, error: toShownError(error) });
    }
  }

  api.onEvent((event) => {
    if (event.type !== 'changed' || current === null) return;
    if (event.tables.some((t) => options.tables.includes(t))) void read(current, true);
  });

  return {
    useStore,
    load: (key) => read(key, false),
    keep(data) {
      generation++;
      set({ data, loading: false, error: null });
      return data;
    },
    reset() {
      generation++;
      current = null;
      set({ data: null, loading: false, error: null });
    },
  };
}
