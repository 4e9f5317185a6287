import type { Connection, Core } from '../../electron/core/app';
import type { InputOf } from '../../shared/contracts';
import { computeCf } from '../../shared/domain/codice-fiscale';
import type { Profile } from '../../shared/domain/permissions';
import { todayInRome } from '../../shared/domain/dates';
import { call, createUser, loginAs } from './core-harness';

export const TODAY = todayInRome();

/** One account per profile, logged in, first password change done. */
export async function staff(core: Core, admin: Connection): Promise<Record<Profile, { id: string; conn: Connection; username: string }>> {
  const profiles: Profile[] = ['assistente_sociale', 'educatore', 'psicologo', 'amministrativo', 'mediatore_sal', 'coordinatore', 'amministratore'];
  const out = {} as Record<Profile, { id: string; conn: Connection; username: string }>;
  for (const profile of profiles) {
    const username = `u.${profile.replace('_', '')}`;
    const user = await createUser(admin, { username, fullName: `Utente ${profile}`, profile, password: 'Provvisoria-2026' });
    const { conn } = await loginAs(core, username, 'Provvisoria-2026');
    out[profile] = { id: user.id, conn, username };
  }
  return out;
}

export function person(overrides: Partial<InputOf<'persons.create'>> = {}): InputOf<'persons.create'> {
  return {
    cognome: 'Rossi',
    nome: 'Mario',
    codiceFiscale: '',
    sesso: 'M',
    dataNascita: '1980-05-10',
    luogoNascita: 'E045',
    cittadinanza: 'ITA',
    cittadinanza2: null,
    residenzaComuneIstat: '055014',
    residenzaIndirizzo: 'Via Roma 1, Giove',
    domicilio: '',
    telefono: '',
    email: '',
    titoloStudio: '',
    condizioneLavorativa: '',
    permessoSoggiorno: '',
    invalidita: '',
    legge104: false,
    tutore: '',
    ...overrides,
  };
}

export function cfFor(p: { cognome: string; nome: string; dataNascita: string | null; sesso: 'M' | 'F' | null; luogoNascita: string | null }): string {
  return computeCf({ cognome: p.cognome, nome: p.nome, birthDate: p.dataNascita ?? '1980-01-01', sex: p.sesso ?? 'M', belfiore: p.luogoNascita ?? 'F844' });
}

/** A person with a valid codice fiscale computed from their data. */
export function personWithCf(overrides: Partial<InputOf<'persons.create'>> = {}): InputOf<'persons.create'> {
  const p = person(overrides);
  return { ...p, codiceFiscale: overrides.codiceFiscale ?? cfFor(p) };
}

export async function sedeId(conn: Connection, nome: 'Narni' | 'Amelia'): Promise<string> {
  const zone = await call(conn, 'zone.get', {});
  const sede = zone.sedi.find((s) => s.nome === nome);
  if (!sede) throw new Error(`sede ${nome} missing`);
  return sede.id;
}
