import type { FirstRunConfirmation, FirstRunStatusData } from '../../../shared/contracts/first-run';
import { api } from '../../api/client';
import { toShownError, type ShownError } from '../../api/errors';
import { liveResource, type LiveState } from '../../api/live-resource';

/** The administrator's checklist, read again whenever users, sedi, rooms or hours change. */
const firstRun = liveResource<FirstRunStatusData, 'zona'>({
  read: () => api.call('firstRun.status', {}),
  keyOf: () => 'zona',
  keyString: (k) => k,
  tables: ['users', 'sedi', 'rooms', 'sede_orari'],
});

export const useFirstRunStore = firstRun.useStore;
export const selectFirstRun = (s: LiveState<FirstRunStatusData>) => s.data;
export const selectFirstRunError = (s: LiveState<FirstRunStatusData>) => s.error;

export function loadFirstRun(): Promise<void> {
  return firstRun.load('zona');
}

/** A confirmation writes only the administration log (no table the checklist watches): read again. */
export async function confirmFirstRun(voce: FirstRunConfirmation): Promise<ShownError | null> {
  try {
    await api.call('firstRun.confirm', { voce });
    await loadFirstRun();
    return null;
  } catch (error) {
    return toShownError(error);
  }
}

export function isFirstRunDone(s: FirstRunStatusData): boolean {
  return (
    s.profiliMancanti.length === 0 &&
    s.sediSenzaRecapiti.length === 0 &&
    s.sediSenzaStanze.length === 0 &&
    s.sediSenzaOrari.length === 0 &&
    s.patroniControllati &&
    s.chiaveConservata
  );
}
