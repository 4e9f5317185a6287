import { create } from 'zustand';
import type { SedeHoursData } from '../../../shared/contracts/agenda';
import { api } from '../../api/client';
import { toShownError, type ShownError } from '../../api/errors';

/** Whose agenda a column shows: mine, a colleague's, a sede's or a room's. */
export type AgendaFilter = { kind: 'operatore'; id: string } | { kind: 'sede'; id: string } | { kind: 'stanza'; id: string };

export interface StaffMember {
  id: string;
  fullName: string;
  sedeId: string | null;
}

interface AgendaState {
  staff: StaffMember[];
  orari: SedeHoursData[];
  error: ShownError | null;
  /** Bumped after every change so each column reloads. */
  version: number;
}

export const useAgendaStore = create<AgendaState>(() => ({ staff: [], orari: [], error: null, version: 0 }));

export async function loadAgendaBasics(): Promise<void> {
  try {
    const [staff, settings] = await Promise.all([api.call('agenda.staff', {}), api.call('agenda.settings', {})]);
    useAgendaStore.setState({ staff, orari: settings.orari, error: null });
  } catch (e) {
    useAgendaStore.setState({ error: toShownError(e) });
  }
}

export function agendaChanged(): void {
  useAgendaStore.setState((s) => ({ version: s.version + 1 }));
}

// Every agenda column re-reads when appointments change anywhere: this window, a colleague's, the other sede.
const AGENDA_TABLES = ['appointments', 'appointment_operators', 'sede_orari', 'comuni_patroni'];
api.onEvent((event) => {
  if (event.type === 'changed' && event.tables.some((t) => AGENDA_TABLES.includes(t))) agendaChanged();
});

export function filterInput(f: AgendaFilter): { userIds: string[]; sedeId: string | null; roomId: string | null } {
  return { userIds: f.kind === 'operatore' ? [f.id] : [], sedeId: f.kind === 'sede' ? f.id : null, roomId: f.kind === 'stanza' ? f.id : null };
}

export async function listOccurrences(from: string, to: string, f: AgendaFilter) {
  return api.call('agenda.list', { from, to, ...filterInput(f) });
}
