import { create } from 'zustand';
import type { InputOf, OutputOf } from '../../../shared/contracts';
import type { OccurrenceData, SedeHoursData } from '../../../shared/contracts/agenda';
import { addDays } from '../../../shared/domain/dates';
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

/** The user's appointments of one day (the Home's "oggi in agenda"). */
export async function dayOf(userId: string, day: string): Promise<OccurrenceData[]> {
  return (await api.call('agenda.list', { from: day, to: addDays(day, 1), userIds: [userId] })).occurrences;
}

/** Conflicts, holidays and opening hours for a draft, before it is saved. */
export async function checkAppointment(input: InputOf<'agenda.check'>): Promise<OutputOf<'agenda.check'>> {
  return api.call('agenda.check', input);
}

export async function setOccurrenceStatus(input: InputOf<'agenda.setStatus'>): Promise<void> {
  await api.call('agenda.setStatus', input);
}

/** The diary entry written after an appointment, in the appointment's case. */
export async function diaryFromAppointment(input: InputOf<'diary.create'>): Promise<void> {
  await api.call('diary.create', input);
}

export async function printableDay(input: InputOf<'agenda.print'>): Promise<OutputOf<'agenda.print'>> {
  return api.call('agenda.print', input);
}

/** People to pick for an appointment, by name or codice fiscale. */
export async function findPeople(query: string): Promise<OutputOf<'persons.search'>['results']> {
  return (await api.call('persons.search', { query, comuneIstat: null, area: null, stato: null, operatoreId: null, limit: 10 })).results;
}

// Impostazioni → Zona: opening hours and patron days.
export async function loadAgendaSettings(): Promise<OutputOf<'agenda.settings'>> {
  return api.call('agenda.settings', {});
}

export async function saveSedeHours(input: InputOf<'agenda.saveHours'>): Promise<OutputOf<'agenda.saveHours'>> {
  return api.call('agenda.saveHours', input);
}

export async function savePatron(input: InputOf<'agenda.savePatron'>): Promise<OutputOf<'agenda.savePatron'>> {
  return api.call('agenda.savePatron', input);
}
