import { create } from 'zustand';
import type { InputOf } from '../../../shared/contracts';
import type { ZoneData } from '../../../shared/contracts/zone';
import { api } from '../../api/client';
import { toShownError, type ShownError } from '../../api/errors';

interface ZoneState {
  zone: ZoneData | null;
  loading: boolean;
}

/** The zone's configuration: read by the app bar, the home page, user dialogs and the Zona tab. */
export const useZoneStore = create<ZoneState>(() => ({ zone: null, loading: false }));

export const selectZone = (s: ZoneState) => s.zone;

export async function loadZone(): Promise<void> {
  useZoneStore.setState({ loading: true });
  try {
    const zone = await api.call('zone.get', {});
    useZoneStore.setState({ zone, loading: false });
  } catch {
    // Screens that need the zone show their own loading state; the session layer handles
    // SESSION_LOCKED and NOT_AUTHENTICATED for every call.
    useZoneStore.setState({ loading: false });
  }
}

/**
 * The settings page reads through `zone.settings`, which the core guards with zone.manage: a
 * profile without it is refused (and the refusal audited) by the core, not by this page.
 */
export async function loadZoneSettings(): Promise<ShownError | null> {
  try {
    const zone = await api.call('zone.settings', {});
    useZoneStore.setState({ zone });
    return null;
  } catch (error) {
    return toShownError(error);
  }
}

export function clearZone(): void {
  useZoneStore.setState({ zone: null, loading: false });
}

export function sedeName(zone: ZoneData | null, sedeId: string | null): string {
  if (!sedeId) return '—';
  return zone?.sedi.find((s) => s.id === sedeId)?.nome ?? '—';
}

export function comuneName(zone: ZoneData | null, istat: string): string {
  return zone?.comuni.find((c) => c.istat === istat)?.nome ?? istat;
}

// Mutations throw ApiError for the calling form to show; on success the zone is read back,
// so every screen shows what the core stored (trimmed, upper-cased codes…).
export async function saveZoneSettings(input: InputOf<'zone.update'>): Promise<void> {
  await api.call('zone.update', input);
  await loadZone();
}

export async function saveComune(input: InputOf<'zone.saveComune'>): Promise<void> {
  await api.call('zone.saveComune', input);
  await loadZone();
}

export async function saveSede(input: InputOf<'zone.saveSede'>): Promise<void> {
  await api.call('zone.saveSede', input);
  await loadZone();
}

export async function saveRoom(input: InputOf<'zone.saveRoom'>): Promise<void> {
  await api.call('zone.saveRoom', input);
  await loadZone();
}
