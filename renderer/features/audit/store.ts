import { create } from 'zustand';
import type { OutputOf } from '../../../shared/contracts';
import type { AuditLogName, AuditRowData } from '../../../shared/contracts/audit';
import { api } from '../../api/client';
import { toShownError, type ShownError } from '../../api/errors';
import { downloadBytes } from '../../api/file-data';
import { receiveFile } from '../../api/transfers';

export type Outcome = AuditRowData['outcome'];
export type VerifyReport = OutputOf<'audit.verify'>;

export interface AuditFilters {
  outcome: Outcome | null;
  username: string;
  /** A channel or a feature ('' for all). */
  action: string;
  /** The subject's id, or part of its name or number ('' for all). */
  soggetto: string;
  /** Rome's days, YYYY-MM-DD, '' when open. */
  dal: string;
  al: string;
}

export const NO_FILTERS: AuditFilters = { outcome: null, username: '', action: '', soggetto: '', dal: '', al: '' };

interface AuditState {
  log: AuditLogName;
  filters: AuditFilters;
  rows: AuditRowData[];
  hasMore: boolean;
  loading: boolean;
  error: ShownError | null;
  report: VerifyReport | null;
  verifying: boolean;
  verifyError: ShownError | null;
}

const PAGE = 100;

export const useAuditStore = create<AuditState>(() => ({
  log: 'data',
  filters: NO_FILTERS,
  rows: [],
  hasMore: false,
  loading: false,
  error: null,
  report: null,
  verifying: false,
  verifyError: null,
}));

export const selectRows = (s: AuditState) => s.rows;
export const selectHasMore = (s: AuditState) => s.hasMore;
export const selectLoading = (s: AuditState) => s.loading;
export const selectError = (s: AuditState) => s.error;
export const selectFilters = (s: AuditState) => s.filters;
export const selectReport = (s: AuditState) => s.report;
export const selectVerifying = (s: AuditState) => s.verifying;
export const selectVerifyError = (s: AuditState) => s.verifyError;

const set = useAuditStore.setState;
const get = useAuditStore.getState;

// Only the newest request may write its answer: switching tab or filter mid-flight wins.
let generation = 0;

async function fetchPage(beforeSeq: number | null): Promise<void> {
  const { log, filters } = get();
  const mine = ++generation;
  set({ loading: true, error: null });
  try {
    const page = await api.call('audit.list', {
      log,
      ...filterInput(filters),
      beforeSeq,
      limit: PAGE,
    });
    if (mine !== generation) return;
    set({ rows: beforeSeq === null ? page.rows : [...get().rows, ...page.rows], hasMore: page.hasMore, loading: false });
  } catch (error) {
    if (mine !== generation) return;
    set({ loading: false, error: toShownError(error), ...(beforeSeq === null ? { rows: [], hasMore: false } : {}) });
  }
}

export async function openLog(log: AuditLogName): Promise<void> {
  set({ log, rows: [], hasMore: false });
  await fetchPage(null);
}

export async function applyFilters(filters: AuditFilters): Promise<void> {
  set({ filters, rows: [], hasMore: false });
  await fetchPage(null);
}

export async function loadMore(): Promise<void> {
  const last = get().rows.at(-1);
  if (!last) return;
  await fetchPage(last.seq);
}

function filterInput(filters: AuditFilters) {
  const blank = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    outcome: filters.outcome,
    username: blank(filters.username)?.toLowerCase() ?? null,
    action: blank(filters.action),
    soggetto: blank(filters.soggetto),
    dal: blank(filters.dal),
    al: blank(filters.al),
  };
}

/** The rows the applied filters select, as a file the browser saves; returns its name and row count. */
export async function exportLog(formato: 'csv' | 'xlsx'): Promise<{ nome: string; righe: number }> {
  const { log, filters } = get();
  const meta = await api.call('audit.export', { log, formato, ...filterInput(filters) });
  downloadBytes(await receiveFile(meta.downloadId, meta.dimensione), meta.mime, meta.nome);
  return { nome: meta.nome, righe: meta.righe };
}

export async function verifyChains(): Promise<void> {
  set({ verifying: true, verifyError: null });
  try {
    const report = await api.call('audit.verify', {});
    set({ report, verifying: false });
  } catch (error) {
    set({ report: null, verifying: false, verifyError: toShownError(error) });
  }
}
