import type { InputOf, OutputOf } from '../../../shared/contracts';
import type { PersonDetailData, PersonFieldsData } from '../../../shared/contracts/persons';
import { api } from '../../api/client';
import { liveResource, type LiveState } from '../../api/live-resource';

/** The person on screen, re-read when their anagrafica, household, ISEE, accessi or cases change. */
const person = liveResource<PersonDetailData, string>({
  read: (id) => api.call('persons.get', { id }),
  keyOf: (d) => d.person.id,
  keyString: (id) => id,
  tables: ['persons', 'households', 'household_members', 'isee', 'accessi', 'cases', 'case_operators'],
});

export const usePersonsStore = person.useStore;
export const selectDetail = (s: LiveState<PersonDetailData>) => s.data;
export const selectError = (s: LiveState<PersonDetailData>) => s.error;

/** Forget the person on screen (the session ended). */
export function resetPersons(): void {
  person.reset();
}

export function loadPerson(id: string): Promise<void> {
  return person.load(id);
}

function keep(detail: PersonDetailData): PersonDetailData {
  return person.keep(detail);
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

/** Comuni and states for a place field (birth, citizenship, residence). */
export async function searchPlaces(input: InputOf<'places.search'>): Promise<OutputOf<'places.search'>> {
  return api.call('places.search', input);
}
