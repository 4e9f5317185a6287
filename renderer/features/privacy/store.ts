import { create } from 'zustand';
import type { OutputOf } from '../../../shared/contracts';
import { api } from '../../api/client';
import { toShownError, type ShownError } from '../../api/errors';

export type AccessReport = OutputOf<'privacy.accessReport'>;
export type Emergency = OutputOf<'privacy.emergencies'>[number];

interface PrivacyState {
  report: AccessReport | null;
  reportLoading: boolean;
  reportError: ShownError | null;
  emergencies: Emergency[] | null;
  onlyUnseen: boolean;
  emergenciesError: ShownError | null;
}

export const usePrivacyStore = create<PrivacyState>(() => ({
  report: null,
  reportLoading: false,
  reportError: null,
  emergencies: null,
  onlyUnseen: true,
  emergenciesError: null,
}));

export const selectReport = (s: PrivacyState) => s.report;
export const selectReportLoading = (s: PrivacyState) => s.reportLoading;
export const selectReportError = (s: PrivacyState) => s.reportError;
export const selectEmergencies = (s: PrivacyState) => s.emergencies;
export const selectOnlyUnseen = (s: PrivacyState) => s.onlyUnseen;
export const selectEmergenciesError = (s: PrivacyState) => s.emergenciesError;

const set = usePrivacyStore.setState;
let reportGeneration = 0;

/** Who consulted a person's file and when (GDPR art. 15); the request is itself audited. */
export async function loadReport(personId: string): Promise<void> {
  const mine = ++reportGeneration;
  set({ reportLoading: true, reportError: null });
  try {
    const report = await api.call('privacy.accessReport', { personId });
    if (mine === reportGeneration) set({ report, reportLoading: false });
  } catch (error) {
    if (mine === reportGeneration) set({ report: null, reportLoading: false, reportError: toShownError(error) });
  }
}

export function clearReport(): void {
  reportGeneration++;
  set({ report: null, reportLoading: false, reportError: null });
}

export function resetPrivacy(): void {
  reportGeneration++;
  set({ report: null, reportLoading: false, reportError: null, emergencies: null, onlyUnseen: true, emergenciesError: null });
}

export async function loadEmergencies(onlyUnseen = usePrivacyStore.getState().onlyUnseen): Promise<void> {
  set({ onlyUnseen });
  try {
    set({ emergencies: await api.call('privacy.emergencies', { onlyUnseen }), emergenciesError: null });
  } catch (error) {
    set({ emergencies: null, emergenciesError: toShownError(error) });
  }
}

/** Throws ApiError for the caller to show. */
export async function markEmergencySeen(id: string): Promise<void> {
  await api.call('privacy.markEmergencySeen', { id });
  await loadEmergencies();
}
