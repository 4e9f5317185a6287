import { create } from 'zustand';
import type { InputOf, OutputOf } from '../../../shared/contracts';
import type { Area, StatoCartella } from '../../../shared/domain/cartella';
import { api } from '../../api/client';

export type DirectoryUser = OutputOf<'users.directory'>[number];
export type SearchResults = OutputOf<'persons.search'>;
export type SearchRequest = InputOf<'persons.search'>;

export interface SearchFilters {
  comuneIstat: string | null;
  area: Area | null;
  stato: StatoCartella | null;
  operatoreId: string | null;
}

export const NO_FILTERS: SearchFilters = { comuneIstat: null, area: null, stato: null, operatoreId: null };

interface SearchState {
  /** The search on the "Persone e cartelle" page: kept when the user opens a result and comes back. */
  query: string;
  filters: SearchFilters;
  /** The Ctrl+K search dialog. */
  paletteOpen: boolean;
  /** Colleagues (users.directory) for the operatore filter, assignments and named readers. */
  directory: DirectoryUser[];
  directoryLoaded: boolean;
}

export const useSearchStore = create<SearchState>(() => ({
  query: '',
  filters: NO_FILTERS,
  paletteOpen: false,
  directory: [],
  directoryLoaded: false,
}));

export const selectQuery = (s: SearchState) => s.query;
export const selectFilters = (s: SearchState) => s.filters;
export const selectPaletteOpen = (s: SearchState) => s.paletteOpen;
export const selectDirectory = (s: SearchState) => s.directory;

const set = useSearchStore.setState;

export function setPageQuery(query: string): void {
  set({ query });
}

export function setPageFilters(filters: Partial<SearchFilters>): void {
  set({ filters: { ...useSearchStore.getState().filters, ...filters } });
}

export function clearPageSearch(): void {
  set({ query: '', filters: NO_FILTERS });
}

export function openPalette(): void {
  set({ paletteOpen: true });
}

export function closePalette(): void {
  set({ paletteOpen: false });
}

export function hasCriteria(query: string, filters: SearchFilters): boolean {
  return query.trim() !== '' || Object.values(filters).some((v) => v !== null);
}

export async function searchPersons(request: SearchRequest): Promise<SearchResults> {
  return api.call('persons.search', request);
}

let directoryRequest: Promise<void> | null = null;

/** Read once per session; a failure leaves the list empty and is retried on the next call. */
export function loadDirectory(): Promise<void> {
  if (useSearchStore.getState().directoryLoaded) return Promise.resolve();
  directoryRequest ??= api
    .call('users.directory', {})
    .then((directory) => set({ directory, directoryLoaded: true }))
    .catch(() => undefined)
    .finally(() => {
      directoryRequest = null;
    });
  return directoryRequest;
}

/** Forget what belonged to the previous session. */
export function resetSearch(): void {
  set({ query: '', filters: NO_FILTERS, paletteOpen: false, directory: [], directoryLoaded: false });
}
