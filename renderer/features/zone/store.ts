import { create } from 'zustand';
import type { ZoneData } from '../../../shared/contracts/zone';
import { api } from '../../api/client';
import { toShownError, type ShownError } from '../../api/errors';

interface ZoneState {
  zone: ZoneData | null;
  loading: boolean;
  error: ShownError | null;
}

/** The zone's configuration: read by the app bar, the home page, user dialogs and the Zona tab. */
export const useZoneStore = create<ZoneState>(() => ({ zone: null, loading: false, error: null }));

export const selectZone = (s: ZoneState) => s.zone;
export const selectZoneError = (s: ZoneState) => s.error;
export const selectZoneLoading = (s: ZoneState) => s.loading;

export async function loadZone(): Promise<void> {
  useZoneStore.setState({ loading: true });
  try {
    const zone = await api.call('zone.get', {});
    useZoneStore.setState({ zone, loading: false, error: null });
  } catch (error) {
    useZoneStore.setState({ loading: false, error: toShownError(error) });
  }
}

export function clearZone(): void {
  useZoneStore.setState({ zone: null, loading: false, error: null });
}

export function sedeName(zone: ZoneData | null, sedeId: string | null): string {
  if (!sedeId) return '—';
  return zone?.sedi.find((s) => s.id === sedeId)?.nome ?? '—';
}

export function comuneName(zone: ZoneData | null, istat: string): string {
  return zone?.comuni.find((c) => c.istat === istat)?.nome ?? istat;
}
