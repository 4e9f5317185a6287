import { beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Connection } from '../../electron/core/app';
import type { Reply } from '../../shared/contracts';
import { PERSON_SCOPE, PROFILES, can, type Action, type Profile } from '../../shared/domain/permissions';
import { ADMIN, call, confirmPending, inspectDatabase, loginAs, sendUpload, setUpZone } from '../support/core-harness';
import { TODAY, person, sedeId, staff } from '../support/cartella-fixtures';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

interface Fixture {
  s: Record<Profile, { id: string; conn: Connection; username: string }>;
  caseId: string;
  otherCaseId: string;
  personId: string;
  plainEntryId: string;
  reservedEntryId: string;
  attachmentId: string;
  db: Database.Database;
}
let f: Fixture;

beforeAll(async () => {
  const { core, admin, dataDir } = await setUpZone();
  const s = await staff(core, admin);
  const as = s.assistente_sociale.conn;
  const p = await call(as, 'persons.create', person({ cognome: 'Matrice', nome: 'Permessi' }));
  const amelia = await sedeId(as, 'Amelia');
  const { caseId } = await call(as, 'cases.open', { personId: p.person.id, sedeId: amelia, area: 'poverta', problematiche: [], apertaIl: TODAY });
  for (const profile of ['educatore', 'psicologo'] as const) await call(as, 'cases.assign', { id: caseId, userId: s[profile].id, ruolo: 'co_operatore', dal: TODAY });
  await confirmPending(admin);
  const other = await call(as, 'persons.create', person({ cognome: 'Altro', nome: 'Caso' }));
  // The other case belongs to a second social worker: nobody in `s` is assigned to it.
  await call(admin, 'users.create', { username: 'as.altra', fullName: 'Altra AS', profile: 'assistente_sociale', sedeId: null, password: 'Provvisoria-2026' });
  const { conn: as2 } = await loginAs(core, 'as.altra', 'Provvisoria-2026');
  const { caseId: otherCaseId } = await call(as2, 'cases.open', { personId: other.person.id, sedeId: amelia, area: 'anziani', problematiche: [], apertaIl: TODAY });
  const entry = { tipo: 'colloquio' as const, data: TODAY, ora: '', luogo: '', partecipanti: '', nominati: [] };
  const d1 = await call(as, 'diary.create', { caseId, ...entry, testo: 'Nota ordinaria', riservato: false });
  const d2 = await call(s.psicologo.conn, 'diary.create', { caseId, ...entry, testo: 'Nota dello psicologo', riservato: true });
  const up = await call(as, 'attachments.upload', { caseId, nomeFile: 'a.pdf', descrizione: '', uploadId: await sendUpload(as, Buffer.from(PDF, 'base64')) });
  f = {
    s,
    caseId,
    otherCaseId,
    personId: p.person.id,
    plainEntryId: d1.diary.find((d) => !d.riservato)!.id,
    reservedEntryId: d2.diary.find((d) => d.riservato)!.id,
    attachmentId: up.attachments[0]!.id,
    db: await inspectDatabase(dataDir, ADMIN.username, ADMIN.password),
  };
});

/** Each operation, the right it needs, and whether the profile must also be assigned to the case. */
const OPERATIONS: { name: string; action: Action; assigned: boolean; extra?: (p: Profile) => boolean; run: (c: Connection) => Promise<Reply<unknown>> }[] = [
  { name: 'apre la cartella', action: 'case.read', assigned: true, run: (c) => c.call('cases.get', { id: f.caseId }) },
  { name: 'legge una nota del diario', action: 'diary.read', assigned: true, run: (c) => c.call('diary.get', { id: f.plainEntryId }) },
  {
    name: 'legge la nota riservata dello psicologo',
    action: 'diary.read',
    assigned: true,
    extra: (p) => can(p, 'diary.reserved'),
    run: (c) => c.call('diary.get', { id: f.reservedEntryId }),
  },
  {
    name: 'scrive nel diario',
    action: 'diary.write',
    assigned: true,
    run: (c) =>
      c.call('diary.create', { caseId: f.caseId, tipo: 'telefonata', data: TODAY, ora: '', luogo: '', partecipanti: '', testo: 'Telefonata', riservato: false, nominati: [] }),
  },
  {
    name: 'scrive una nota riservata nominando l’assistente sociale',
    action: 'diary.write',
    assigned: true,
    run: (c) =>
      c.call('diary.create', {
        caseId: f.caseId,
        tipo: 'colloquio',
        data: TODAY,
        ora: '',
        luogo: '',
        partecipanti: '',
        testo: 'Riservata',
        riservato: true,
        nominati: [f.s.assistente_sociale.id],
      }),
  },
  {
    name: 'redige il PAI',
    action: 'pai.write',
    assigned: true,
    run: (c) =>
      c.call('pai.save', {
        caseId: f.caseId,
        dataAvvio: TODAY,
        revisioneMesi: 6,
        note: '',
        obiettivi: [{ termine: 'breve', descrizione: 'Obiettivo', esito: 'in_corso', esitoNote: '' }],
      }),
  },
  {
    name: 'carica un allegato',
    action: 'attachment.write',
    assigned: true,
    run: async (c) => {
      // The upload is announced on the same permission; a profile without it is refused there.
      const started = await c.call('uploads.start', { size: Buffer.from(PDF, 'base64').length });
      if (!started.ok) return started;
      const { uploadId } = started.data as { uploadId: string };
      await c.call('uploads.chunk', { uploadId, offset: 0, dataBase64: PDF });
      return c.call('attachments.upload', { caseId: f.caseId, nomeFile: 'b.pdf', descrizione: '', uploadId });
    },
  },
  { name: 'apre un allegato', action: 'attachment.read', assigned: true, run: (c) => c.call('attachments.read', { id: f.attachmentId }) },
  {
    name: 'cambia lo stato della cartella',
    action: 'case.open_close',
    assigned: true,
    run: (c) => c.call('cases.update', { id: f.caseId, area: 'poverta', problematiche: ['economica'] }),
  },
  {
    name: 'usa l’accesso in emergenza su una cartella non sua',
    action: 'case.emergency_access',
    assigned: false,
    run: (c) => c.call('cases.emergencyAccess', { id: f.otherCaseId, motivo: 'Urgenza segnalata dai carabinieri' }),
  },
  {
    name: 'apre l’anagrafica',
    action: 'persona.read',
    assigned: false,
    extra: (p) => PERSON_SCOPE[p] === 'all' || ASSIGNED.includes(p),
    run: (c) => c.call('persons.get', { id: f.personId }),
  },
  { name: 'crea una persona', action: 'persona.write', assigned: false, run: (c) => c.call('persons.create', person({ cognome: 'Nuova', nome: 'Persona' })) },
];

const ASSIGNED: readonly Profile[] = ['assistente_sociale', 'educatore', 'psicologo'];

function deniedCount(username: string): number {
  const row = f.db
    .prepare(`SELECT (SELECT count(*) FROM audit_log WHERE username = ? AND outcome = 'denied') + (SELECT count(*) FROM admin_log WHERE username = ? AND outcome = 'denied') AS n`)
    .get(username, username) as { n: number };
  return row.n;
}

describe('permission matrix on case files: only granted operations succeed, every refusal is audited', () => {
  for (const profile of PROFILES) {
    for (const op of OPERATIONS) {
      const expected = can(profile, op.action) && (!op.assigned || ASSIGNED.includes(profile)) && (op.extra ? op.extra(profile) : true);
      it(`${profile} ${op.name}: ${expected ? 'consentito' : 'negato'}`, async () => {
        const user = f.s[profile];
        const before = deniedCount(user.username);
        const reply = await op.run(user.conn);
        expect(reply.ok).toBe(expected);
        if (!reply.ok) {
          expect(reply.error.code).toBe('FORBIDDEN');
          expect(deniedCount(user.username)).toBe(before + 1);
        }
      });
    }
  }
});
