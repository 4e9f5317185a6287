import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Channel, type Reply } from '../../shared/contracts';
import { addDays } from '../../shared/domain/dates';
import type { Profile } from '../../shared/domain/permissions';
import { writes } from '../../electron/core/ipc/restriction-guard';
import { uuidv7 } from '../../electron/core/ids';
import { call, createUser, sendUpload } from '../support/core-harness';
import { TODAY, person } from '../support/cartella-fixtures';
import { salPayloads } from '../support/matrix-sal';
import { rightsPayloads } from '../support/matrix-rights';
import { LETTERS_NAMES_NO_ONE, lettersPayloads } from '../support/matrix-letters';
import { SYNC_ACCEPTED_ERRORS, SYNC_NAMES_NO_ONE, syncPayloads } from '../support/matrix-sync';
import { SIUSS_NAMES_NO_ONE, SIUSS_PAYLOADS } from '../support/matrix-siuss';
import { REPORTS_NAMES_NO_ONE, reportsPayloads } from '../support/matrix-report';
import { MATRIX, SESSION_CHANNELS } from '../support/authorisation-table';
import { RECORDS_ACCEPTED_ERRORS, RECORDS_NAMES_NO_ONE, recordsPayloads } from '../support/matrix-records';
import {
  DAY,
  PDF_BYTES,
  backupFolder,
  buildMatrixFixture,
  entry,
  f,
  fresh,
  freshAccesso,
  freshCase,
  freshLoner,
  freshMember,
  intervention,
  objective,
  owner,
  ownNoticeId,
  pendingNoticeId,
  uploadIdOf,
  type Side,
} from '../support/matrix-fixture';

type MatrixChannel = keyof typeof MATRIX;
type Expectation = 'O' | 'B' | '-';

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
  ...SIUSS_NAMES_NO_ONE,
  ...LETTERS_NAMES_NO_ONE,
  'conflicts.list',
  'conflicts.count',
  ...SYNC_NAMES_NO_ONE,
  ...RECORDS_NAMES_NO_ONE,
  ...REPORTS_NAMES_NO_ONE,
]);

// The fixture (one zone, the seven profiles plus a second social worker, all logged in once)
// is built in tests/support/matrix-fixture.ts.
beforeAll(buildMatrixFixture);
afterAll(() => f.db.close());

// ---------------------------------------------------------------------------------------------
// A valid payload per channel and side. Channels that consume what they touch (closing a PAI,
// turning an accesso into a case) get it made fresh by the side's owner first.

/** Returns the payload, or a promise of it when something must be made first. */
type Builder = (side: Side, caller: Profile) => unknown;

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
  'conflicts.list': () => ({}),
  'conflicts.count': () => ({}),
  // No conflict in the fixture: past the checks, an allowed caller is told it is already settled.
  'conflicts.resolve': (side) => ({ conflict: '2026-12-02T09:00:00.000Z-0000-0123456789abcdef', keep: '2026-12-02T09:00:01.000Z-0000-0123456789abcdef', diaryId: f[side].diaryId }),
  ...SIUSS_PAYLOADS,
  ...lettersPayloads({ caseId: (side) => f[side].caseId, owner, sedeId: () => f.amelia, day: () => DAY, upload: (caller, bytes) => sendUpload(f.users[caller].conn, bytes) }),
  ...syncPayloads(),
  ...rightsPayloads(),
  ...recordsPayloads({ caseId: (side) => f[side].caseId, newId: uuidv7 }),
  ...reportsPayloads(),
};

/**
 * Where a valid payload still meets a business rule for an allowed caller, the error is listed
 * here (never FORBIDDEN).
 */
const ACCEPTED_ERRORS: Partial<Record<MatrixChannel, string[]>> = {
  /** Only the mediatore and the three case profiles have a download of their own to fetch. */
  'downloads.chunk': ['NOT_FOUND'],
  /** The fixture's erogazioni may all be sent already, or lack a field: the export then refuses with VALIDATION. */
  'siuss.export': ['VALIDATION'],
  /** Before the folder is saved (the tests run in any order) a backup asks for it first. */
  'backup.run': ['VALIDATION'],
  'backup.restore': ['NOT_FOUND'],
  'conflicts.resolve': ['NOT_FOUND'],
  ...SYNC_ACCEPTED_ERRORS,
  ...RECORDS_ACCEPTED_ERRORS,
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
    const PLAIN = ['user', 'sede', 'room', 'comune', 'emergency', 'notice', 'transfer', 'salAzienda', 'salTutor', 'salConvenzione', 'scarto'];
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

/**
 * GDPR art. 18, table-driven from the matrix above: with the own side's person restricted, every
 * channel that changes data and names someone is refused by the router for a caller the matrix
 * allows, with the restriction's message, and audited. Payloads are built before the
 * restriction (some make a fresh record on the case first); lifting it restores the right.
 */
describe('limitazione del trattamento (art. 18 GDPR): ogni scrittura che tocca la persona è rifiutata', () => {
  const blocked = (Object.keys(MATRIX) as MatrixChannel[]).filter((c) => !NAMES_NO_ONE.has(c) && writes(c, contract[c]));
  const callerOf = (c: MatrixChannel): Profile => {
    const cells = parseRow(MATRIX[c]);
    const profile = Object.values(SHORT).find((p) => cells[p] !== '-');
    if (!profile) throw new Error(`nessun profilo consentito: ${c}`);
    return profile;
  };
  const payloads = new Map<MatrixChannel, unknown>();

  beforeAll(async () => {
    for (const c of blocked) payloads.set(c, await PAYLOADS[c]('own', callerOf(c)));
    // Three SAL payloads enrol a fresh person each time (phases only go forward): restricted too.
    const fresh = [
      (f.db.prepare('SELECT person_id FROM cases WHERE id = ?').get((payloads.get('salBeneficiari.enrol') as { caseId: string }).caseId) as { person_id: string }).person_id,
      ...(['salBeneficiari.setPhase', 'salBeneficiari.consent'] as const).map(
        (c) => (f.db.prepare('SELECT person_id FROM sal_beneficiari WHERE id = ?').get((payloads.get(c) as { id: string }).id) as { person_id: string }).person_id,
      ),
    ];
    for (const personId of [f.own.personId, ...fresh]) await call(f.users.coordinatore.conn, 'rights.restrict', { personId, motivo: 'Contestata l’esattezza dei dati' });
  });
  afterAll(async () => {
    await call(f.users.coordinatore.conn, 'rights.lift', { personId: f.own.personId, motivo: 'Verifica conclusa' });
  });

  it('la tabella copre le scritture di anagrafica, cartelle, diario, PAI, agenda, SAL e lettere, non le letture', () => {
    expect(blocked.length).toBeGreaterThanOrEqual(38);
    for (const c of ['persons.get', 'cases.get', 'documents.list', 'letters.prepare', 'documents.download', 'rights.export'] as const) expect(blocked).not.toContain(c);
    for (const c of ['persons.update', 'cases.open', 'diary.create', 'pai.save', 'agenda.save', 'salTirocini.save', 'letters.issue', 'documents.recordProtocollo'] as const)
      expect(blocked).toContain(c);
  });

  for (const channel of blocked) {
    it(`${channel}: rifiutato con il messaggio della limitazione, e registrato`, async () => {
      const user = f.users[callerOf(channel)];
      const before = deniedCount(user.username);
      const reply = await user.conn.call(channel, payloads.get(channel));
      expect(reply.ok ? 'ok' : reply.error.code).toBe('FORBIDDEN');
      expect(reply.ok ? '' : reply.error.message).toMatch(/limitato \(art\. 18 GDPR\)/);
      expect(deniedCount(user.username)).toBe(before + 1);
    });
  }

  it('la lettura resta possibile, e la persona dell’altro lato resta modificabile', async () => {
    expect((await call(f.users.assistente_sociale.conn, 'persons.get', { id: f.own.personId })).person.id).toBe(f.own.personId);
    await call(f.users.assistente_sociale.conn, 'cases.get', { id: f.own.caseId });
    await call(f.users.assistente_sociale.conn, 'documents.list', { caseId: f.own.caseId });
    const reply = await f.as2.call('accessi.create', {
      personId: f.other.personId,
      data: TODAY,
      sedeId: f.amelia,
      inviatoDa: '',
      motivo: 'Informazioni',
      esito: 'informazione',
      note: '',
    });
    expect(reply.ok).toBe(true);
  });
});
