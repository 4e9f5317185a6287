import { create } from 'zustand';
import type { InputOf, OutputOf } from '../../../shared/contracts';
import type { PersonDetailData, PersonFieldsData } from '../../../shared/contracts/persons';
import { api } from '../../api/client';
import { toShownError, type ShownError } from '../../api/errors';

interface PersonsState {
  /** The person on screen, as the core last returned it. */
  detail: PersonDetailData | null;
  loading: boolean;
  error: ShownError | null;
}

export const usePersonsStore = create<PersonsState>(() => ({ detail: null, loading: false, error: null }));

export const selectDetail = (s: PersonsState) => s.detail;
export const selectLoading = (s: PersonsState) => s.loading;
export const selectError = (s: PersonsState) => s.error;

const set = usePersonsStore.setState;
let generation = 0;

/** Forget the person on screen (the session ended). */
export function resetPersons(): void {
  generation++;
  set({ detail: null, loading: false, error: null });
}

export async function loadPerson(id: string): Promise<void> {
  const mine = ++generation;
  const current = usePersonsStore.getState().detail;
  set({ loading: true, error: null, detail: current?.person.id === id ? current : null });
  try {
    const detail = await api.call('persons.get', { id });
    if (mine === generation) set({ detail, loading: false });
  } catch (error) {
    if (mine === generation) set({ detail: null, loading: false, error: toShownError(error) });
  }
}

function keep(detail: PersonDetailData): PersonDetailData {
  generation++;
  set({ detail, loading: false, error: null });
  return detail;
}

// Mutations throw ApiError: the form or dialog that called them shows it and keeps what was typed.
export async function createPerson(fields: PersonFieldsData): Promise<PersonDetailData> {
  return keep(await api.call('persons.create', fields));
}

export async function updatePerson(id: string, fields: PersonFieldsData): Promise<PersonDetailData> {
  return keep(await api.call('persons.update', { ...fields, id }));
}

export async function addMember(input: InputOf<'households.addMember'>): Promise<void> {
  keep(await api.call('households.addMember', input));
}

export async function updateMember(input: InputOf<'households.updateMember'>): Promise<void> {
  keep(await api.call('households.updateMember', input));
}

export async function removeMember(input: InputOf<'households.removeMember'>): Promise<void> {
  keep(await api.call('households.removeMember', input));
}

export async function saveIsee(input: InputOf<'isee.save'>): Promise<void> {
  keep(await api.call('isee.save', input));
}

export async function createAccesso(input: InputOf<'accessi.create'>): Promise<void> {
  keep(await api.call('accessi.create', input));
}

export async function accessoToCase(input: InputOf<'accessi.toCase'>): Promise<OutputOf<'accessi.toCase'>> {
  return api.call('accessi.toCase', input);
}

export async function openCase(input: InputOf<'cases.open'>): Promise<OutputOf<'cases.open'>> {
  return api.call('cases.open', input);
}

export async function checkPerson(input: InputOf<'persons.check'>): Promise<OutputOf<'persons.check'>> {
  return api.call('persons.check', input);
}

/** A person created elsewhere (e.g. a new household member) without replacing the one on screen. */
export async function createOtherPerson(fields: PersonFieldsData): Promise<PersonDetailData> {
  return api.call('persons.create', fields);
}
