import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Connection, Core } from '../../electron/core/app';
import { contract, type Channel, type InputOf, type Reply } from '../../shared/contracts';
import { addDays } from '../../shared/domain/dates';
import type { Profile } from '../../shared/domain/permissions';
import { isoWeekday } from '../../shared/domain/recurrence';
import { uuidv7 } from '../../electron/core/ids';
import { ADMIN, call, confirmPending, createUser, inspectDatabase, loginAs, sendUpload, setUpZone, tempDir } from '../support/core-harness';
import { TODAY, person, personWithCf, sedeId } from '../support/cartella-fixtures';
import { buildSal, salPayloads, type SalFixture } from '../support/matrix-sal';
import { LETTERS_NAMES_NO_ONE, lettersPayloads } from '../support/matrix-letters';
import { MATRIX, SESSION_CHANNELS } from '../support/authorisation-table';

type MatrixChannel = keyof typeof MATRIX;
type Expectation = 'O' | 'B' | '-';
type Side = 'own' | 'other';

const SHORT: Record<string, Profile> = {
  AS: 'assistente_sociale',
  ED: 'educatore',
  PS: 'psicologo',
  AM: 'amministrativo',
  SAL: 'mediatore_sal',
  CO: 'coordinatore',
  ADM: 'amministratore',
};
const WITH_CASES: readonly Profile[] = ['assistente_sociale', 'educatore', 'psicologo'];

function parseRow(row: string): Record<Profile, Expectation> {
  const out = {} as Record<Profile, Expectation>;
  for (const cell of row.split(' ')) {
    const [short, value] = cell.split(':') as [string, Expectation];
    const profile = SHORT[short];
    if (!profile || !['O', 'B', '-'].includes(value)) throw new Error(`cella non valida: ${cell}`);
    out[profile] = value;
  }
  if (Object.keys(out).length !== 7) throw new Error(`riga incompleta: ${row}`);
  return out;
}

/**
 * Channels whose input names no one's file (no person, case or what belongs to them): one call
 * per profile, B or -. Every other channel is called on the own and on the other resource.
 * Listed by hand: a channel that names someone's data yet declares no resource is caught below.
 */
const NAMES_NO_ONE: ReadonlySet<MatrixChannel> = new Set<MatrixChannel>([
  'users.list',
  'users.create',
  'users.update',
  'users.setDisabled',
  'users.resetPassword',
  'users.directory',
  'zone.get',
  'zone.settings',
  'zone.update',
  'zone.saveComune',
  'zone.saveSede',
  'zone.saveRoom',
  'audit.list',
  'audit.verify',
  'agenda.saveHours',
  'agenda.savePatron',
  'privacy.emergencies',
  'privacy.markEmergencySeen',
  'firstRun.status',
  'firstRun.confirm',
  'backup.status',
  'backup.alert',
  'backup.saveSettings',
  'backup.run',
  'backup.restore',
  'persons.search',
  'persons.create',
  'dueItems.list',
  'places.search',
  'places.get',
  'agenda.list',
  'agenda.print',
  'agenda.staff',
  'agenda.settings',
  'notices.mine',
  'notices.markSeen',
  'notices.review',
  'notices.markReviewed',
  'notices.decide',
  'uploads.start',
  'uploads.chunk',
  'downloads.chunk',
  'salAziende.get',
  'salAziende.save',
  'salAziende.saveTutor',
  'salAziende.addConvenzione',
  'salAziende.convenzionePdf',
  'salBeneficiari.list',
  'salTirocini.list',
  'salTirocini.cruscotto',
  'salPagamenti.month',
  'salPagamenti.export',
  'salParametri.list',
  'salParametri.add',
  ...LETTERS_NAMES_NO_ONE,
]);

// ---------------------------------------------------------------------------------------------
// The fixture: one zone, the seven profiles plus a second social worker, all logged in once.

interface Side$ {
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

interface Fixture {
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

let f: Fixture;
let seq = 0;
/** A fresh word for names that must not collide across payloads (letters only). */
function fresh(): string {
  let n = ++seq;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `Prova${out}`;
}

const PDF_BYTES = Buffer.from('%PDF-1.4\n%%EOF\n');
const backupFolder = tempDir('udc-matrix-backup-');

/** An upload of the caller's own connection (uploads belong to a connection). */
async function uploadIdOf(caller: Profile): Promise<string> {
  return sendUpload(f.users[caller].conn, PDF_BYTES);
}

/** The notice of the caller's account creation (every matrix user has one, already seen). */
function ownNoticeId(caller: Profile): string {
  const row = f.db.prepare(`SELECT n.id FROM account_notices n JOIN users u ON u.id = n.user_id WHERE u.username = ? AND n.tipo = 'creazione'`).get(f.users[caller].username) as {
    id: string;
  };
  return row.id;
}

/** A pending request: a brand-new psicologo assigned to the own case by its social worker. */
async function pendingNoticeId(): Promise<string> {
  const psi = await createUser(f.admin, { username: `m.${fresh().toLowerCase()}`, fullName: `Psicologo ${fresh()}`, profile: 'psicologo', password: 'Provvisoria-2026' });
  await call(f.users.assistente_sociale.conn, 'cases.assign', { id: f.own.caseId, userId: psi.id, ruolo: 'co_operatore', dal: TODAY });
  return (await call(f.admin, 'notices.review', {})).find((n) => n.stato === 'da_confermare')!.id;
}
const DAY = (() => {
  let d = addDays(TODAY, 21);
  while (isoWeekday(d) !== 4) d = addDays(d, 1);
  return d;
})();
const entry = { tipo: 'colloquio' as const, data: TODAY, ora: '', luogo: '', partecipanti: '', riservato: false, nominati: [] as string[] };
const objective = (id?: string) => ({
  ...(id ? { id } : {}),
  termine: 'breve' as const,
  descrizione: 'Iscrizione al centro per l’impiego',
  esito: 'in_corso' as const,
  esitoNote: '',
});
const intervention = {
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
function owner(side: Side): Connection {
  return side === 'own' ? f.users.assistente_sociale.conn : f.as2;
}

/** A new case of the side's person; on the own side ED and PS are co-operatori as on the main case. */
async function freshCase(side: Side, personId = f[side].personId): Promise<string> {
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

beforeAll(async () => {
  const { core, admin, dataDir } = await setUpZone();
  const users = {} as Fixture['users'];
  for (const profile of Object.values(SHORT)) {
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
});

afterAll(() => f.db.close());

// ---------------------------------------------------------------------------------------------
// A valid payload per channel and side. Channels that consume what they touch (closing a PAI,
// turning an accesso into a case) get it made fresh by the side's owner first.

/** Returns the payload, or a promise of it when something must be made first. */
type Builder = (side: Side, caller: Profile) => unknown;

async function freshAccesso(side: Side): Promise<string> {
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

async function freshMember(side: Side): Promise<string> {
  const p = await call(owner(side), 'persons.create', person({ cognome: fresh(), nome: 'Componente', dataNascita: '2012-06-01' }));
  const detail = await call(owner(side), 'households.addMember', { personId: f[side].personId, memberPersonId: p.person.id, parentela: 'nipote', convivente: true, dal: TODAY });
  return detail.household!.members.find((m) => m.personId === p.person.id)!.memberId;
}

/** A person not yet in any nucleo; on the own side she has a case of the team, so ED and PS see her. */
async function freshLoner(side: Side): Promise<string> {
  const p = await call(owner(side), 'persons.create', person({ cognome: fresh(), nome: 'Nuovo', dataNascita: '1999-09-09' }));
  if (side === 'own') await freshCase('own', p.person.id);
  return p.person.id;
}

const PAYLOADS: Record<MatrixChannel, Builder> = {
  'users.list': () => ({}),
  'users.create': () => ({ username: `m.${fresh().toLowerCase()}`, fullName: 'Nuovo Collega', profile: 'educatore', sedeId: null, password: 'Provvisoria-2026' }),
  'users.update': () => ({ id: f.targetUserId, fullName: 'Utente Bersaglio', profile: 'educatore', sedeId: null }),
  'users.setDisabled': async () => ({
    id: (await createUser(f.admin, { username: `m.${fresh().toLowerCase()}`, fullName: 'Da Disattivare', profile: 'educatore', password: 'Provvisoria-2026' })).id,
    disabled: true,
  }),
  'users.resetPassword': () => ({ id: f.targetUserId, newPassword: `Provvisoria-2026-${fresh()}` }),
  'users.directory': () => ({}),
  'zone.get': () => ({}),
  'zone.settings': () => ({}),
  'zone.update': async () => {
    const z = await call(f.admin, 'zone.settings', {});
    return { nome: z.nome, ente: z.ente, letterhead: z.letterhead, idleTimeoutMin: z.idleTimeoutMin };
  },
  'zone.saveComune': async () => {
    const c = (await call(f.admin, 'zone.get', {})).comuni[0]!;
    return { id: c.id, istat: c.istat, catastale: c.catastale, nome: c.nome, provincia: c.provincia };
  },
  'zone.saveSede': async () => {
    const sd = (await call(f.admin, 'zone.get', {})).sedi.find((x) => x.id === f.amelia)!;
    return { id: sd.id, nome: sd.nome, lettera: sd.lettera, comuneIstat: sd.comuneIstat, indirizzo: sd.indirizzo, telefono: sd.telefono };
  },
  'zone.saveRoom': async () => {
    const r = (await call(f.admin, 'zone.get', {})).sedi.find((x) => x.id === f.amelia)!.rooms[0]!;
    return { id: r.id, sedeId: r.sedeId, nome: r.nome, attiva: r.attiva };
  },
  'audit.list': () => ({ log: 'data', limit: 5 }),
  'audit.verify': () => ({}),
  'agenda.saveHours': async () => {
    const { orari } = await call(f.admin, 'agenda.settings', {});
    return {
      sedeId: f.amelia,
      giorni: orari
        .filter((o) => o.sedeId === f.amelia)
        .map(({ giorno, mattinaDa, mattinaA, pomeriggioDa, pomeriggioA }) => ({ giorno, mattinaDa, mattinaA, pomeriggioDa, pomeriggioA })),
    };
  },
  'agenda.savePatron': async () => {
    const p = (await call(f.admin, 'agenda.settings', {})).patroni[0]!;
    return { comuneIstat: p.comuneIstat, giorno: p.giorno, santo: p.santo };
  },
  'firstRun.status': () => ({}),
  'firstRun.confirm': () => ({ voce: 'patroni_controllati' }),
  'backup.status': () => ({}),
  'backup.alert': () => ({}),
  'backup.saveSettings': () => ({ folder: backupFolder, frequency: 'off', time: '13:00', alertAfterDays: 3 }),
  'backup.run': () => ({}),
  // A backup that is not there: the permission is what is tested, never a real restore.
  'backup.restore': () => ({ name: 'udc-backup-20000101-000000', credentials: { kind: 'recovery', recoveryKey: 'x' }, confirm: true }),
  'privacy.emergencies': () => ({ onlyUnseen: false }),
  'privacy.markEmergencySeen': () => ({ id: f.emergencyId }),
  'privacy.accessReport': (side) => ({ personId: f[side].personId }),
  'persons.search': () => ({ query: 'Matrice' }),
  'persons.check': (side) => ({ id: f[side].personId, codiceFiscale: f[side].personFields.codiceFiscale }),
  'persons.get': (side) => ({ id: f[side].personId }),
  'persons.create': () => person({ cognome: fresh(), nome: 'Nuova' }),
  'persons.update': (side) => ({ ...f[side].personFields, id: f[side].personId }),
  'households.addMember': async (side) => ({ personId: f[side].personId, memberPersonId: await freshLoner(side), parentela: 'coniuge', convivente: true, dal: TODAY }),
  'households.updateMember': (side) => ({ personId: f[side].personId, memberId: f[side].memberId, parentela: 'figlio', convivente: true }),
  'households.removeMember': async (side) => ({ personId: f[side].personId, memberId: await freshMember(side), al: TODAY }),
  'isee.save': (side) => ({
    id: f[side].iseeId,
    personId: f[side].personId,
    anno: 2026,
    tipo: 'ordinario',
    iseCents: null,
    iseeCents: 800_000,
    dsuProtocollo: '',
    dsuData: null,
    scadenza: `${TODAY.slice(0, 4)}-12-31`,
  }),
  'accessi.create': (side) => ({ personId: f[side].personId, data: TODAY, sedeId: f.amelia, inviatoDa: '', motivo: 'Richiesta di informazioni', esito: 'informazione', note: '' }),
  'dueItems.list': () => ({}),
  'places.search': () => ({ query: 'Narni' }),
  'places.get': () => ({ belfiore: 'F844' }),
  'accessi.toCase': async (side) => ({ accessoId: await freshAccesso(side), sedeId: f.amelia, area: 'poverta', problematiche: [] }),
  'cases.open': (side) => ({ personId: f[side].personId, sedeId: f.amelia, area: 'anziani', problematiche: [], apertaIl: TODAY }),
  'cases.get': (side) => ({ id: f[side].caseId }),
  'cases.summary': (side) => ({ id: f[side].caseId }),
  'cases.update': (side) => ({ id: f[side].caseId, area: 'famiglia_minori', problematiche: ['genitorialita'] }),
  'cases.setStatus': async (side) => ({ id: await freshCase(side), stato: 'in_carico', data: TODAY, motivo: '' }),
  'cases.archive': async (side) => {
    const id = await freshCase(side);
    await call(owner(side), 'cases.setStatus', { id, stato: 'chiuso', data: TODAY, motivo: 'Obiettivi raggiunti' });
    return { id, archiviata: true };
  },
  'cases.assign': async (side) => ({ id: await freshCase(side), userId: f.extraEducatoreId, ruolo: 'co_operatore', dal: TODAY }),
  'cases.endAssignment': async (side) => {
    const id = await freshCase(side);
    const detail = await call(owner(side), 'cases.assign', { id, userId: f.extraEducatoreId, ruolo: 'co_operatore', dal: TODAY });
    return { id, assignmentId: detail.operators.find((o) => o.userId === f.extraEducatoreId)!.id, al: TODAY };
  },
  // A fresh case of a fresh person: an emergency access would otherwise open the other side to the caller.
  'cases.emergencyAccess': async (side) => {
    if (side === 'own') return { id: f.own.caseId, motivo: 'Verifica urgente della situazione' };
    const p = await call(f.as2, 'persons.create', person({ cognome: fresh(), nome: 'Urgente' }));
    return { id: await freshCase('other', p.person.id), motivo: 'Segnalazione urgente dei carabinieri' };
  },
  'diary.create': (side) => ({ caseId: f[side].caseId, ...entry, testo: 'Telefonata di verifica' }),
  'diary.update': (side) => ({ id: f[side].diaryId, ...entry, testo: `Nota ${side === 'own' ? 'Propria' : 'Altrui'}` }),
  'diary.get': (side) => ({ id: f[side].diaryId }),
  'pai.save': (side) => ({ id: f[side].paiId, caseId: f[side].caseId, dataAvvio: TODAY, revisioneMesi: 6, note: 'PAI della matrice', obiettivi: [objective(f[side].objectiveId)] }),
  'pai.close': async (side) => {
    // One active PAI per case: a fresh case for each PAI to close.
    const detail = await call(owner(side), 'pai.save', { caseId: await freshCase(side), dataAvvio: TODAY, revisioneMesi: 3, note: '', obiettivi: [objective()] });
    return { id: detail.pai[0]!.id, data: TODAY, note: '' };
  },
  'interventions.save': (side) => ({ id: f[side].interventionId, caseId: f[side].caseId, ...intervention }),
  'interventions.addDelivery': (side) => ({
    interventionId: f[side].interventionId,
    data: TODAY,
    importoCents: 10_000,
    quotaEnteCents: null,
    quotaUtenteCents: null,
    ore: null,
    note: '',
  }),
  'attachments.upload': async (side, caller) => ({ caseId: f[side].caseId, nomeFile: 'verbale.pdf', descrizione: '', uploadId: await uploadIdOf(caller) }),
  'uploads.start': () => ({ size: PDF_BYTES.length }),
  'uploads.chunk': async (_side, caller) => {
    const { uploadId } = await call(f.users[caller].conn, 'uploads.start', { size: PDF_BYTES.length });
    return { uploadId, offset: 0, dataBase64: PDF_BYTES.toString('base64') };
  },
  /** A download the caller may start: an attachment of his case, the SAL payment list, else none of his (NOT_FOUND). */
  'downloads.chunk': async (_side, caller) => {
    const conn = f.users[caller].conn;
    if (['assistente_sociale', 'educatore', 'psicologo'].includes(caller))
      return { downloadId: (await call(conn, 'attachments.read', { id: f.own.attachmentId })).downloadId, offset: 0 };
    if (caller === 'mediatore_sal') return { downloadId: (await call(conn, 'salPagamenti.export', { month: '2027-02', formato: 'csv' })).downloadId, offset: 0 };
    return { downloadId: uuidv7(), offset: 0 };
  },
  'notices.mine': () => ({}),
  'notices.markSeen': (_side, caller) => ({ ids: [ownNoticeId(caller)] }),
  'notices.review': () => ({}),
  'notices.markReviewed': () => ({ id: ownNoticeId('educatore') }),
  'notices.decide': async () => ({ id: await pendingNoticeId(), conferma: false }),
  'attachments.read': (side) => ({ id: f[side].attachmentId }),
  'agenda.list': () => ({ from: DAY, to: addDays(DAY, 1) }),
  'agenda.get': (side) => ({ id: f[side].appointment.id }),
  'agenda.check': (side) => ({ ...f[side].appointment, id: undefined, start: `${DAY}T15:00`, end: `${DAY}T16:00` }),
  'agenda.save': (side) => f[side].appointment,
  'agenda.setStatus': (side) => ({ id: f[side].appointment.id, stato: 'programmato', motivo: '' }),
  'agenda.forCase': (side) => ({ caseId: f[side].caseId }),
  'agenda.print': () => ({ data: DAY, sedeId: f.amelia }),
  'agenda.staff': () => ({}),
  'agenda.settings': () => ({}),
  ...salPayloads({
    sal: () => f.sal,
    mediatore: () => f.users.mediatore_sal.conn,
    unenrolledCase: async (side) => freshCase(side, (await call(owner(side), 'persons.create', person({ cognome: fresh(), nome: 'Sal' }))).person.id),
  }),
  ...lettersPayloads({ caseId: (side) => f[side].caseId, owner, sedeId: () => f.amelia, day: () => DAY, upload: (caller, bytes) => sendUpload(f.users[caller].conn, bytes) }),
};

/**
 * Where a valid payload still meets a business rule for an allowed caller, the error is listed
 * here (never FORBIDDEN).
 */
const ACCEPTED_ERRORS: Partial<Record<MatrixChannel, string[]>> = {
  /** Only the mediatore and the three case profiles have a download of their own to fetch. */
  'downloads.chunk': ['NOT_FOUND'],
  /** Before the folder is saved (the tests run in any order) a backup asks for it first. */
  'backup.run': ['VALIDATION'],
  'backup.restore': ['NOT_FOUND'],
};

function deniedCount(username: string): number {
  const row = f.db
    .prepare(
      `SELECT (SELECT count(*) FROM audit_log WHERE username = @u AND outcome = 'denied') + (SELECT count(*) FROM admin_log WHERE username = @u AND outcome = 'denied') AS n`,
    )
    .get({ u: username }) as { n: number };
  return row.n;
}

describe('la matrice delle autorizzazioni', () => {
  it('ogni canale del contratto ha la sua riga (un canale nuovo senza riga fa fallire il test)', () => {
    expect([...Object.keys(MATRIX), ...SESSION_CHANNELS].sort()).toEqual(Object.keys(contract).sort());
  });

  it('le righe sono ben formate: chi non ha cartelle non distingue il proprio dall’altrui', () => {
    for (const [channel, row] of Object.entries(MATRIX)) {
      const cells = parseRow(row);
      for (const [profile, value] of Object.entries(cells)) {
        if (value === 'O') {
          expect(WITH_CASES, `${channel} ${profile}`).toContain(profile);
          expect(NAMES_NO_ONE.has(channel as MatrixChannel), `${channel}: O senza risorsa`).toBe(false);
        }
      }
    }
  });

  it('i canali che nominano dati di qualcuno dichiarano le risorse che il router controlla', () => {
    const PLAIN = ['user', 'sede', 'room', 'comune', 'emergency', 'notice', 'transfer', 'salAzienda', 'salTutor', 'salConvenzione'];
    const declaring = Object.keys(MATRIX).filter((c) => Object.values(contract[c as Channel].resources ?? {}).some((ref) => !PLAIN.includes(ref)));
    expect(declaring.sort()).toEqual(
      Object.keys(MATRIX)
        .filter((c) => !NAMES_NO_ONE.has(c as MatrixChannel))
        .sort(),
    );
  });

  for (const [channel, row] of Object.entries(MATRIX) as [MatrixChannel, string][]) {
    const cells = parseRow(row);
    const sides: Side[] = NAMES_NO_ONE.has(channel) ? ['own'] : ['own', 'other'];
    describe(channel, () => {
      for (const [short, profile] of Object.entries(SHORT)) {
        for (const side of sides) {
          const allowed = cells[profile] === 'B' || (cells[profile] === 'O' && side === 'own');
          const what = sides.length === 1 ? '' : side === 'own' ? ' sul proprio' : ' sull’altrui';
          it(`${short}${what}: ${allowed ? 'consentito' : 'negato e registrato'}`, async () => {
            const user = f.users[profile];
            const payload = await PAYLOADS[channel](side, profile);
            const before = deniedCount(user.username);
            const reply: Reply<unknown> = await user.conn.call(channel, payload);
            if (allowed) {
              if (!reply.ok) expect(ACCEPTED_ERRORS[channel] ?? [], `${reply.error.code}: ${reply.error.message}`).toContain(reply.error.code);
              expect(deniedCount(user.username)).toBe(before);
            } else {
              expect(reply.ok ? 'ok' : reply.error.code).toBe('FORBIDDEN');
              expect(deniedCount(user.username)).toBe(before + 1);
            }
          });
        }
      }
    });
  }
});

describe('set-up, accesso e sessione: ogni profilo, nessun rifiuto per profilo', () => {
  const passwords = new Map<Profile, string>();
  const passwordOf = (p: Profile) => passwords.get(p) ?? 'Provvisoria-2026-nuova1';

  for (const [short, profile] of Object.entries(SHORT)) {
    it(`${short}: setup.status risponde, setup.init è rifiutato perché la zona esiste già`, async () => {
      const conn = f.users[profile].conn;
      expect((await call(conn, 'setup.status', {})).setUp).toBe(true);
      const again = await conn.call('setup.init', {
        zone: {
          nome: 'Altra zona',
          ente: 'Altro ente',
          comuni: [{ istat: '055022', catastale: 'F844', nome: 'Narni', provincia: 'TR' }],
          sedi: [{ nome: 'Narni', lettera: 'N', comuneIstat: '055022', indirizzo: 'Via Roma 1', telefono: '', rooms: [] }],
          letterhead: { intestazione: 'X', sottotitolo: '', indirizzo: '', contatti: '' },
        },
        admin: { username: `m.${fresh().toLowerCase()}`, fullName: 'Altro Admin', password: 'Amministratrice-2026' },
      });
      expect(again.ok).toBe(false);
      expect(again.ok ? null : again.error.code).not.toBe('FORBIDDEN');
    });

    it(`${short}: auth.current, auth.ping, auth.lock e auth.unlock sulla propria sessione`, async () => {
      const conn = f.users[profile].conn;
      expect((await call(conn, 'auth.current', {}))?.user.profile).toBe(profile);
      await call(conn, 'auth.ping', {});
      await call(conn, 'auth.lock', {});
      expect((await conn.call('zone.get', {})).ok).toBe(false);
      await call(conn, 'auth.unlock', { password: passwordOf(profile) });
      await call(conn, 'auth.ping', {});
    });

    it(`${short}: auth.changePassword, poi auth.login e auth.logout su una seconda connessione`, async () => {
      const conn = f.users[profile].conn;
      const next = `Cambiata-2026-${fresh()}`;
      await call(conn, 'auth.changePassword', { currentPassword: passwordOf(profile), newPassword: next });
      passwords.set(profile, next);
      const second = f.core.connect('test');
      expect((await call(second, 'auth.login', { username: f.users[profile].username, password: next })).user.profile).toBe(profile);
      await call(second, 'auth.logout', {});
      expect(await call(second, 'auth.current', {})).toBeNull();
      await call(conn, 'auth.ping', {});
    });
  }

  it('auth.recover con una chiave sbagliata: rifiutato come credenziale, non per profilo', async () => {
    const reply = await f.core
      .connect('test')
      .call('auth.recover', { username: f.users.educatore.username, recoveryKey: 'AAAA-BBBB-CCCC-DDDD', newPassword: 'Recuperata-2026-lunga' });
    expect(reply.ok ? null : reply.error.code).toBe('WRONG_RECOVERY_KEY');
  });
});
