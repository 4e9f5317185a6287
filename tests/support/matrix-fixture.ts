import type Database from 'better-sqlite3-multiple-ciphers';
import type { Connection, Core } from '../../electron/core/app';
import type { InputOf } from '../../shared/contracts';
import { addDays } from '../../shared/domain/dates';
import { PROFILES, type Profile } from '../../shared/domain/permissions';
import { isoWeekday } from '../../shared/domain/recurrence';
import { ADMIN, call, confirmPending, createUser, inspectDatabase, loginAs, sendUpload, setUpZone, tempDir } from './core-harness';
import { TODAY, person, personWithCf, sedeId } from './cartella-fixtures';
import { buildSal, type SalFixture } from './matrix-sal';

/** Whose data a payload names: the caller's own (assigned) side, or a colleague's. */
export type Side = 'own' | 'other';

// ---------------------------------------------------------------------------------------------
// The fixture: one zone, the seven profiles plus a second social worker, all logged in once.

export interface Side$ {
  personId: string;
  personFields: InputOf<'persons.create'>;
  caseId: string;
  memberId: string;
  iseeId: string;
  diaryId: string;
  attachmentId: string;
  paiId: string;
  objectiveId: string;
  interventionId: string;
  appointment: InputOf<'agenda.save'> & { id: string };
}

export interface Fixture {
  core: Core;
  admin: Connection;
  users: Record<Profile, { id: string; conn: Connection; username: string }>;
  as2: Connection;
  as2Id: string;
  /** Put on cases and disabled by the payloads: never one of the callers. */
  extraEducatoreId: string;
  targetUserId: string;
  emergencyId: string;
  amelia: string;
  own: Side$;
  other: Side$;
  sal: SalFixture;
  db: Database.Database;
}

export let f: Fixture;
let seq = 0;
/** A fresh word for names that must not collide across payloads (letters only). */
export function fresh(): string {
  let n = ++seq;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `Prova${out}`;
}

export const PDF_BYTES = Buffer.from('%PDF-1.4\n%%EOF\n');
export const backupFolder = tempDir('udc-matrix-backup-');

/** An upload of the caller's own connection (uploads belong to a connection). */
export async function uploadIdOf(caller: Profile): Promise<string> {
  return sendUpload(f.users[caller].conn, PDF_BYTES);
}

/** The notice of the caller's account creation (every matrix user has one, already seen). */
export function ownNoticeId(caller: Profile): string {
  const row = f.db.prepare(`SELECT n.id FROM account_notices n JOIN users u ON u.id = n.user_id WHERE u.username = ? AND n.tipo = 'creazione'`).get(f.users[caller].username) as {
    id: string;
  };
  return row.id;
}

/** A pending request: a brand-new psicologo assigned to the own case by its social worker. */
export async function pendingNoticeId(): Promise<string> {
  const psi = await createUser(f.admin, { username: `m.${fresh().toLowerCase()}`, fullName: `Psicologo ${fresh()}`, profile: 'psicologo', password: 'Provvisoria-2026' });
  await call(f.users.assistente_sociale.conn, 'cases.assign', { id: f.own.caseId, userId: psi.id, ruolo: 'co_operatore', dal: TODAY });
  return (await call(f.admin, 'notices.review', {})).find((n) => n.stato === 'da_confermare')!.id;
}
export const DAY = (() => {
  let d = addDays(TODAY, 21);
  while (isoWeekday(d) !== 4) d = addDays(d, 1);
  return d;
})();
export const entry = { tipo: 'colloquio' as const, data: TODAY, ora: '', luogo: '', partecipanti: '', riservato: false, nominati: [] as string[] };
export const objective = (id?: string) => ({
  ...(id ? { id } : {}),
  termine: 'breve' as const,
  descrizione: 'Iscrizione al centro per l’impiego',
  esito: 'in_corso' as const,
  esitoNote: '',
});
export const intervention = {
  prestazioneCodice: 'A1.05.01',
  descrizione: 'Contributo economico',
  dataInizio: TODAY,
  dataFine: null,
  importoCents: null,
  quotaEnteCents: null,
  quotaUtenteCents: null,
  oreMensili: null,
  stato: 'attivo' as const,
};

/** Who builds each side: the assistente sociale (own) or her colleague (other). */
export function owner(side: Side): Connection {
  return side === 'own' ? f.users.assistente_sociale.conn : f.as2;
}

/** A new case of the side's person; on the own side ED and PS are co-operatori as on the main case. */
export async function freshCase(side: Side, personId = f[side].personId): Promise<string> {
  const { caseId } = await call(owner(side), 'cases.open', { personId, sedeId: f.amelia, area: 'poverta', problematiche: [], apertaIl: TODAY });
  if (side === 'own')
    for (const p of ['educatore', 'psicologo'] as const) await call(owner(side), 'cases.assign', { id: caseId, userId: f.users[p].id, ruolo: 'co_operatore', dal: TODAY });
  // The psicologo's account is new: the zone's second administrator confirms his riservato access.
  if (side === 'own') await confirmPending(f.admin);
  return caseId;
}

async function buildSide(side: Side, conn: Connection, operatorIds: string[]): Promise<Side$> {
  const label = side === 'own' ? 'Propria' : 'Altrui';
  const personFields = personWithCf({ cognome: label, nome: 'Matrice' });
  const p = await call(conn, 'persons.create', personFields);
  const personId = p.person.id;
  const { caseId } = await call(conn, 'cases.open', { personId, sedeId: f.amelia, area: 'famiglia_minori', problematiche: [], apertaIl: TODAY });
  if (side === 'own')
    for (const pr of ['educatore', 'psicologo'] as const) await call(conn, 'cases.assign', { id: caseId, userId: f.users[pr].id, ruolo: 'co_operatore', dal: TODAY });
  if (side === 'own') await confirmPending(f.admin);
  const member = await call(conn, 'persons.create', person({ cognome: `Figlio${label}`, nome: 'Matrice', dataNascita: '2010-01-01' }));
  const nucleo = await call(conn, 'households.addMember', { personId, memberPersonId: member.person.id, parentela: 'figlio', convivente: true, dal: TODAY });
  const isee = await call(conn, 'isee.save', {
    personId,
    anno: 2026,
    tipo: 'ordinario',
    iseCents: null,
    iseeCents: 800_000,
    dsuProtocollo: '',
    dsuData: null,
    scadenza: `${TODAY.slice(0, 4)}-12-31`,
  });
  const d = await call(conn, 'diary.create', { caseId, ...entry, testo: `Nota ${label}` });
  const a = await call(conn, 'attachments.upload', { caseId, nomeFile: 'relazione.pdf', descrizione: '', uploadId: await sendUpload(conn, PDF_BYTES) });
  const pai = await call(conn, 'pai.save', { caseId, dataAvvio: TODAY, revisioneMesi: 6, note: 'PAI della matrice', obiettivi: [objective()] });
  const i = await call(conn, 'interventions.save', { caseId, ...intervention });
  const appointment: InputOf<'agenda.save'> = {
    tipo: 'colloquio',
    sedeId: f.amelia,
    roomId: null,
    comuneIstat: null,
    indirizzo: '',
    operatorIds,
    personId,
    caseId,
    start: `${DAY}T${side === 'own' ? '09' : '11'}:00`,
    end: `${DAY}T${side === 'own' ? '10' : '12'}:00`,
    rrule: '',
    note: `Appuntamento ${label}`,
    confermaConflitti: true,
  };
  const saved = await call(conn, 'agenda.save', appointment);
  return {
    personId,
    personFields,
    caseId,
    memberId: nucleo.household!.members.find((m) => m.personId === member.person.id)!.memberId,
    iseeId: isee.isee[0]!.id,
    diaryId: d.diary[0]!.id,
    attachmentId: a.attachments[0]!.id,
    paiId: pai.pai[0]!.id,
    objectiveId: pai.pai[0]!.obiettivi[0]!.id,
    interventionId: i.interventions[0]!.id,
    appointment: { ...appointment, id: saved.appointmentId! },
  };
}

/** Builds the matrix's zone: one per test file, before its tests. */
export async function buildMatrixFixture(): Promise<void> {
  const { core, admin, dataDir } = await setUpZone();
  const users = {} as Fixture['users'];
  for (const profile of PROFILES) {
    const username = `m.${profile.replace('_', '')}`;
    const u = await createUser(admin, { username, fullName: `Matrice ${profile}`, profile, password: 'Provvisoria-2026' });
    users[profile] = { id: u.id, conn: (await loginAs(core, username, 'Provvisoria-2026')).conn, username };
  }
  const as2User = await createUser(admin, { username: 'm.altra', fullName: 'Altra Assistente', profile: 'assistente_sociale', password: 'Provvisoria-2026' });
  const as2 = (await loginAs(core, 'm.altra', 'Provvisoria-2026')).conn;
  const extra = await createUser(admin, { username: 'm.extra', fullName: 'Educatore Extra', profile: 'educatore', password: 'Provvisoria-2026' });
  const target = await createUser(admin, { username: 'm.bersaglio', fullName: 'Utente Bersaglio', profile: 'educatore', password: 'Provvisoria-2026' });
  f = { core, admin, users, as2, as2Id: as2User.id, extraEducatoreId: extra.id, targetUserId: target.id, emergencyId: '', amelia: await sedeId(admin, 'Amelia') } as Fixture;
  const agendaUsers = (['assistente_sociale', 'educatore', 'psicologo', 'amministrativo', 'mediatore_sal', 'coordinatore'] as const).map((p) => users[p].id);
  f.own = await buildSide('own', users.assistente_sociale.conn, agendaUsers);
  f.other = await buildSide('other', as2, [as2User.id]);
  f.sal = await buildSal(users.mediatore_sal.conn, { own: f.own.caseId, other: f.other.caseId });
  // An emergency access of someone outside the matrix, for the coordinator's review channels.
  const { conn: extraConn } = await loginAs(core, 'm.extra', 'Provvisoria-2026');
  await call(extraConn, 'cases.emergencyAccess', {
    id: await freshCase('other', (await call(as2, 'persons.create', person({ cognome: 'Emergenza', nome: 'Matrice' }))).person.id),
    motivo: 'Segnalazione urgente della scuola',
  });
  await call(extraConn, 'auth.logout', {});
  f.emergencyId = (await call(admin, 'privacy.emergencies', { onlyUnseen: true }))[0]!.id;
  f.db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
}

export async function freshAccesso(side: Side): Promise<string> {
  const motivo = `Accesso ${fresh()}`;
  const detail = await call(owner(side), 'accessi.create', {
    personId: f[side].personId,
    data: TODAY,
    sedeId: f.amelia,
    inviatoDa: '',
    motivo,
    esito: 'presa_in_carico',
    note: '',
  });
  return detail.accessi.find((a) => a.motivo === motivo)!.id;
}

export async function freshMember(side: Side): Promise<string> {
  const p = await call(owner(side), 'persons.create', person({ cognome: fresh(), nome: 'Componente', dataNascita: '2012-06-01' }));
  const detail = await call(owner(side), 'households.addMember', { personId: f[side].personId, memberPersonId: p.person.id, parentela: 'nipote', convivente: true, dal: TODAY });
  return detail.household!.members.find((m) => m.personId === p.person.id)!.memberId;
}

/** A person not yet in any nucleo; on the own side she has a case of the team, so ED and PS see her. */
export async function freshLoner(side: Side): Promise<string> {
  const p = await call(owner(side), 'persons.create', person({ cognome: fresh(), nome: 'Nuovo', dataNascita: '1999-09-09' }));
  if (side === 'own') await freshCase('own', p.person.id);
  return p.person.id;
}
