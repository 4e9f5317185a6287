import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Connection, Core } from '../../electron/core/app';
import type { InputOf } from '../../shared/contracts';
import { addDays, formatItalianDate } from '../../shared/domain/dates';
import type { Profile } from '../../shared/domain/permissions';
import { isoWeekday } from '../../shared/domain/recurrence';
import { ADMIN, call, callError, createUser, inspectDatabase, loginAs, setUpZone } from '../support/core-harness';
import { TODAY, personWithCf, sedeId, staff } from '../support/cartella-fixtures';

/**
 * Issue 7, "Who may see whom": each finding replayed as the attack was made, with a valid login
 * and calls through the real core. Each test failed on 2c03919, the code the attacker measured.
 */

let core: Core;
let admin: Connection;
let dataDir: string;
let s: Record<Profile, { id: string; conn: Connection; username: string }>;
/** A second social worker: her cases are nobody else's in `s`. */
let as2: { id: string; conn: Connection; username: string };
let amelia: string;
let db: Database.Database;

/** The educatore's case (AS responsabile, ED and PS co-operatori) and a case nobody in `s` follows. */
let own: { personId: string; caseId: string };
let other: { personId: string; caseId: string; cf: string; cognome: string; nome: string; dataNascita: string; memberId: string; memberPersonId: string; lonerId: string };

const OTHER = { cognome: 'Fabbrini', nome: 'Ornella', sesso: 'F' as const, dataNascita: '1971-03-14', residenzaIndirizzo: 'Via dei Tigli 7, Amelia' };

beforeAll(async () => {
  const zone = await setUpZone();
  core = zone.core;
  admin = zone.admin;
  dataDir = zone.dataDir;
  s = await staff(core, admin);
  const u = await createUser(admin, { username: 'as.altra', fullName: 'Altra Assistente', profile: 'assistente_sociale', password: 'Provvisoria-2026' });
  as2 = { id: u.id, conn: (await loginAs(core, 'as.altra', 'Provvisoria-2026')).conn, username: 'as.altra' };
  amelia = await sedeId(admin, 'Amelia');

  const as = s.assistente_sociale.conn;
  const p = await call(as, 'persons.create', personWithCf({ cognome: 'Seguito', nome: 'Davide' }));
  const c = await call(as, 'cases.open', { personId: p.person.id, sedeId: amelia, area: 'famiglia_minori', problematiche: [], apertaIl: TODAY });
  for (const profile of ['educatore', 'psicologo'] as const) await call(as, 'cases.assign', { id: c.caseId, userId: s[profile].id, ruolo: 'co_operatore', dal: TODAY });
  own = { personId: p.person.id, caseId: c.caseId };

  const input = personWithCf(OTHER);
  const q = await call(as2.conn, 'persons.create', input);
  const oc = await call(as2.conn, 'cases.open', { personId: q.person.id, sedeId: amelia, area: 'poverta', problematiche: ['economica', 'abitativa'], apertaIl: TODAY });
  await call(as2.conn, 'cases.setStatus', { id: oc.caseId, stato: 'sospeso', data: TODAY, motivo: 'Ricovero in ospedale della signora' });
  await call(as2.conn, 'diary.create', {
    caseId: oc.caseId,
    tipo: 'colloquio',
    data: TODAY,
    ora: '',
    luogo: '',
    partecipanti: '',
    testo: 'Colloquio sulla situazione debitoria',
    riservato: false,
    nominati: [],
  });
  await call(as2.conn, 'isee.save', {
    personId: q.person.id,
    anno: 2026,
    tipo: 'ordinario',
    iseCents: null,
    iseeCents: 412_000,
    dsuProtocollo: '',
    dsuData: null,
    scadenza: `${TODAY.slice(0, 4)}-12-31`,
  });
  const figlio = await call(as2.conn, 'persons.create', personWithCf({ cognome: 'Fabbrini', nome: 'Luca', dataNascita: '2004-09-01' }));
  const nucleo = await call(as2.conn, 'households.addMember', { personId: q.person.id, memberPersonId: figlio.person.id, parentela: 'figlio', convivente: true, dal: TODAY });
  const member = nucleo.household!.members.find((m) => m.personId === figlio.person.id)!;
  // In no nucleo: on 2c03919 the educatore could add her to his own person's nucleo, and so see her.
  const loner = await call(as2.conn, 'persons.create', personWithCf({ cognome: 'Solitaria', nome: 'Ines', sesso: 'F', dataNascita: '1990-02-02' }));
  other = { personId: q.person.id, caseId: oc.caseId, cf: input.codiceFiscale, ...OTHER, memberId: member.memberId, memberPersonId: figlio.person.id, lonerId: loner.person.id };

  db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
});

afterAll(() => db.close());

function deniedRows(username: string, action: string): { subject_id: string | null; detail: string | null }[] {
  return db
    .prepare(
      `SELECT subject_id, detail FROM audit_log WHERE username = @u AND action = @a AND outcome = 'denied'
       UNION ALL SELECT subject_id, detail FROM admin_log WHERE username = @u AND action = @a AND outcome = 'denied'`,
    )
    .all({ u: username, a: action }) as { subject_id: string | null; detail: string | null }[];
}

/** Nothing that names the other person may travel back to someone who cannot see her. */
function expectNothingAbout(value: unknown): void {
  const text = JSON.stringify(value);
  for (const secret of [other.cognome, other.nome, other.cf, other.dataNascita, formatItalianDate(other.dataNascita), 'Tigli']) expect(text).not.toContain(secret);
}

describe('finding 1: l’educatore non vede i doppioni di chi non segue', () => {
  it('persons.check con il codice fiscale di chi non segue: solo l’avviso, nessun dato', async () => {
    const check = await call(s.educatore.conn, 'persons.check', { codiceFiscale: other.cf });
    expect(check.duplicateOf).toBeNull();
    expect(check.similar).toEqual([]);
    expect(check.avviso).toMatch(/esiste già una persona con questo codice fiscale: rivolgiti a un’assistente sociale/i);
    expectNothingAbout({ ...check, codiceFiscale: null });
    // An assistente sociale sees everyone in the zone: for her the duplicate is named.
    const forAs = await call(s.assistente_sociale.conn, 'persons.check', { codiceFiscale: other.cf });
    expect(forAs.duplicateOf).toMatchObject({ id: other.personId, cognome: other.cognome });
    expect(forAs.avviso).toBeNull();
  });

  it('persons.check per nome e data di nascita: nessun simile mostrato, solo l’avviso', async () => {
    const check = await call(s.educatore.conn, 'persons.check', { codiceFiscale: '', cognome: other.cognome, nome: other.nome, dataNascita: other.dataNascita });
    expect(check.similar).toEqual([]);
    expect(check.duplicateOf).toBeNull();
    expect(check.avviso).toMatch(/rivolgiti a un’assistente sociale/);
    expectNothingAbout(check);
  });

  it('il CONFLICT di persons.create non dice nome né data di nascita a chi non la vede', async () => {
    const refused = await callError(s.educatore.conn, 'persons.create', personWithCf({ ...OTHER, cognome: 'Diverso', nome: 'Nome', codiceFiscale: other.cf }));
    expect(refused).toMatchObject({ code: 'CONFLICT', field: 'codiceFiscale' });
    expect(refused.message).toMatch(/rivolgiti a un’assistente sociale/);
    expectNothingAbout(refused);
    const forAs = await callError(s.assistente_sociale.conn, 'persons.create', personWithCf({ ...OTHER, codiceFiscale: other.cf }));
    expect(forAs.message).toContain(other.cognome);
  });
});

describe('finding 2: l’educatore non si allarga il nucleo né scrive su chi non segue', () => {
  it('households.addMember con una persona che non vede: rifiutato, e la persona resta invisibile', async () => {
    const refused = await callError(s.educatore.conn, 'households.addMember', {
      personId: own.personId,
      memberPersonId: other.lonerId,
      parentela: 'coniuge',
      convivente: true,
      dal: TODAY,
    });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).not.toMatch(/Solitaria|Ines/);
    expect((await callError(s.educatore.conn, 'persons.get', { id: other.lonerId })).code).toBe('FORBIDDEN');
    const detail = await call(s.assistente_sociale.conn, 'persons.get', { id: own.personId });
    expect(detail.household?.members.map((m) => m.personId) ?? []).not.toContain(other.lonerId);
    // One already in a nucleo: refused before the CONFLICT that would name her.
    expectNothingAbout(
      await callError(s.educatore.conn, 'households.addMember', { personId: own.personId, memberPersonId: other.personId, parentela: 'coniuge', convivente: true, dal: TODAY }),
    );
  });

  it('accessi.create, households.updateMember e removeMember su chi non segue: rifiutati, senza dati', async () => {
    const attempts = [
      await callError(s.educatore.conn, 'accessi.create', {
        personId: other.personId,
        data: TODAY,
        sedeId: amelia,
        inviatoDa: '',
        motivo: 'Richiesta di contributo',
        esito: 'informazione',
        note: '',
      }),
      await callError(s.educatore.conn, 'households.updateMember', { personId: other.personId, memberId: other.memberId, parentela: 'altro_parente', convivente: false }),
      await callError(s.educatore.conn, 'households.removeMember', { personId: other.personId, memberId: other.memberId, al: TODAY }),
    ];
    for (const refused of attempts) {
      expect(refused.code).toBe('FORBIDDEN');
      expectNothingAbout(refused);
    }
    const detail = await call(as2.conn, 'persons.get', { id: other.personId });
    expect(detail.accessi).toEqual([]);
    expect(detail.household!.members.find((m) => m.memberId === other.memberId)).toMatchObject({ parentela: 'figlio', convivente: true });
  });

  it('cases.summary: l’educatore non la ottiene; chi la ottiene non vede problematiche, motivi, codice fiscale né data di nascita', async () => {
    const refused = await callError(s.educatore.conn, 'cases.summary', { id: other.caseId });
    expect(refused.code).toBe('FORBIDDEN');
    expectNothingAbout(refused);
    const summary = await call(s.coordinatore.conn, 'cases.summary', { id: other.caseId });
    expect(summary.problematiche).toEqual([]);
    expect(summary.statusHistory.map((h) => [h.stato, h.motivo])).toEqual([
      ['aperto', ''],
      ['sospeso', ''],
    ]);
    expect(summary.person).toMatchObject({ codiceFiscale: '', dataNascita: null, sesso: null });
    expect([summary.diary, summary.pai, summary.interventions, summary.attachments]).toEqual([[], [], [], []]);
    expect(JSON.stringify(summary)).not.toMatch(/Ricovero|debitoria|economica/);
  });
});

describe('finding 7: ogni rifiuto è registrato, chiunque lo sollevi', () => {
  it('lo psicologo che modifica la nota riservata di un’altra autrice: rifiutato e registrato', async () => {
    const entry = { tipo: 'colloquio' as const, data: TODAY, ora: '', luogo: '', partecipanti: '', nominati: [] };
    const detail = await call(s.assistente_sociale.conn, 'diary.create', {
      caseId: own.caseId,
      ...entry,
      testo: 'Riservata dell’assistente sociale',
      riservato: true,
      nominati: [s.educatore.id],
    });
    const note = detail.diary.find((d) => d.testo === 'Riservata dell’assistente sociale')!;
    const before = deniedRows(s.psicologo.username, 'diary.update').length;
    const refused = await callError(s.psicologo.conn, 'diary.update', { id: note.id, ...entry, testo: 'Riscritta dallo psicologo', riservato: true, nominati: [s.educatore.id] });
    expect(refused.code).toBe('FORBIDDEN');
    const rows = deniedRows(s.psicologo.username, 'diary.update');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ subject_id: own.personId });
  });

  it('chi assegna la cartella a sé stesso: rifiutato dal servizio, registrato dal router', async () => {
    const refused = await callError(s.assistente_sociale.conn, 'cases.assign', { id: own.caseId, userId: s.assistente_sociale.id, ruolo: 'co_operatore', dal: TODAY });
    expect(refused.code).toBe('FORBIDDEN');
    expect(deniedRows(s.assistente_sociale.username, 'cases.assign')).toEqual([{ subject_id: null, detail: expect.stringMatching(/a sé stesso/) as string }]);
    const coord = await callError(s.coordinatore.conn, 'cases.assign', { id: own.caseId, userId: s.coordinatore.id, ruolo: 'co_operatore', dal: TODAY });
    expect(coord.code).toBe('FORBIDDEN');
    expect(deniedRows(s.coordinatore.username, 'cases.assign')).toHaveLength(1);
  });

  it('una persona che l’utente non segue: rifiutata e registrata con la persona come oggetto', async () => {
    await callError(s.psicologo.conn, 'accessi.create', { personId: other.personId, data: TODAY, sedeId: amelia, inviatoDa: '', motivo: 'Prova', esito: 'informazione', note: '' });
    expect(deniedRows(s.psicologo.username, 'accessi.create')).toEqual([{ subject_id: other.personId, detail: 'Persona non collegata alle cartelle dell’utente' }]);
  });
});

describe('finding 6: l’educatore non riscrive gli appuntamenti dei colleghi', () => {
  /** A weekday two weeks ahead, so that the test never depends on the day it runs. */
  const DAY = (() => {
    let d = addDays(TODAY, 14);
    while (isoWeekday(d) !== 3) d = addDays(d, 1);
    return d;
  })();
  let appointment: InputOf<'agenda.save'> & { id: string };

  beforeAll(async () => {
    const input: InputOf<'agenda.save'> = {
      tipo: 'colloquio',
      sedeId: amelia,
      roomId: null,
      comuneIstat: null,
      indirizzo: '',
      operatorIds: [as2.id],
      personId: other.personId,
      caseId: other.caseId,
      start: `${DAY}T09:00`,
      end: `${DAY}T10:00`,
      rrule: '',
      note: 'Portare il contratto d’affitto',
    };
    const saved = await call(as2.conn, 'agenda.save', input);
    appointment = { ...input, id: saved.appointmentId! };
  });

  it('l’educatore toglie la persona e sposta l’appuntamento di una collega: rifiutato, registrato, nulla cambia', async () => {
    const before = deniedRows(s.educatore.username, 'agenda.save').length;
    const moved = await callError(s.educatore.conn, 'agenda.save', { ...appointment, personId: null, caseId: null, start: `${DAY}T15:00`, end: `${DAY}T16:00`, note: 'Spostato' });
    expect(moved.code).toBe('FORBIDDEN');
    expect(deniedRows(s.educatore.username, 'agenda.save')).toHaveLength(before + 1);
    expect((await callError(s.educatore.conn, 'agenda.setStatus', { id: appointment.id, stato: 'annullato', motivo: 'Annullato' })).code).toBe('FORBIDDEN');
    const after = await call(as2.conn, 'agenda.get', { id: appointment.id });
    expect(after).toMatchObject({ start: `${DAY}T09:00`, note: 'Portare il contratto d’affitto', personId: other.personId, stato: 'programmato' });
  });

  it('lo cambiano i suoi operatori, chi vede la persona e chi gestisce l’agenda', async () => {
    expect((await call(as2.conn, 'agenda.save', { ...appointment, note: 'Nota dell’operatrice' })).saved).toBe(true);
    expect((await call(s.assistente_sociale.conn, 'agenda.save', { ...appointment, note: 'Nota della collega' })).saved).toBe(true);
    expect((await call(s.amministrativo.conn, 'agenda.save', { ...appointment, note: 'Nota dello sportello' })).saved).toBe(true);
    // An educatore who is among the operators may change it, as long as he names no one he cannot see.
    const mine = await call(s.assistente_sociale.conn, 'agenda.save', {
      ...appointment,
      id: undefined,
      operatorIds: [s.educatore.id],
      personId: null,
      caseId: null,
      start: `${DAY}T11:00`,
      end: `${DAY}T12:00`,
    });
    expect((await call(s.educatore.conn, 'agenda.setStatus', { id: mine.appointmentId!, stato: 'annullato', motivo: 'Malattia' })).stato).toBe('annullato');
  });
});

describe('finding 5: un account disattivato o cambiato chiude la sessione già aperta', () => {
  async function openSession(username: string) {
    const user = await createUser(admin, { username, fullName: `Utente ${username}`, profile: 'educatore', password: 'Provvisoria-2026' });
    const { conn } = await loginAs(core, username, 'Provvisoria-2026');
    await call(conn, 'persons.search', { query: '' });
    return { user, conn };
  }

  function revoked(username: string): { detail: string | null }[] {
    return db.prepare(`SELECT detail FROM admin_log WHERE username = ? AND action = 'auth.revoked'`).all(username) as { detail: string | null }[];
  }

  it('utente disattivato: la chiamata successiva è USER_DISABLED e la sessione finisce', async () => {
    const { user, conn } = await openSession('edu.disattivato');
    await call(admin, 'users.setDisabled', { id: user.id, disabled: true });
    expect((await callError(conn, 'persons.search', { query: '' })).code).toBe('USER_DISABLED');
    expect((await callError(conn, 'persons.search', { query: '' })).code).toBe('NOT_AUTHENTICATED');
    expect(await call(conn, 'auth.current', {})).toBeNull();
    expect(revoked('edu.disattivato')).toEqual([{ detail: 'Utente disattivato' }]);
  });

  it('profilo cambiato in mediatore SAL: la sessione aperta perde persona.write e va riaperta', async () => {
    const { user, conn } = await openSession('edu.cambiato');
    await call(admin, 'users.update', { id: user.id, fullName: user.fullName, profile: 'mediatore_sal', sedeId: null });
    const ended = await callError(conn, 'persons.create', personWithCf({ cognome: 'Nuova', nome: 'Persona' }));
    expect(ended.code).toBe('NOT_AUTHENTICATED');
    expect(ended.message).toMatch(/profilo è stato modificato.*accedi di nuovo/);
    expect((await callError(conn, 'persons.search', { query: '' })).code).toBe('NOT_AUTHENTICATED');
    expect(revoked('edu.cambiato')).toEqual([{ detail: expect.stringMatching(/educatore → mediatore_sal/) as string }]);
    const again = await loginAs(core, 'edu.cambiato', 'Provvisoria-2026-nuova1');
    expect((await callError(again.conn, 'persons.create', personWithCf({ cognome: 'Nuova', nome: 'Persona' }))).code).toBe('FORBIDDEN');
  });
});

describe('finding 8: il trasferimento chiede il motivo, ha effetto subito, e l’ex operatore legge solo ciò che ha scritto', () => {
  let t: { caseId: string; mine: string; theirs: string };
  const entry = { tipo: 'colloquio' as const, data: TODAY, ora: '', luogo: '', partecipanti: '', riservato: false, nominati: [] };

  beforeAll(async () => {
    const as = s.assistente_sociale.conn;
    const p = await call(as, 'persons.create', personWithCf({ cognome: 'Trasferita', nome: 'Giulia', sesso: 'F' }));
    const { caseId } = await call(as, 'cases.open', { personId: p.person.id, sedeId: amelia, area: 'anziani', problematiche: [], apertaIl: TODAY });
    await call(as, 'cases.assign', { id: caseId, userId: s.educatore.id, ruolo: 'co_operatore', dal: TODAY });
    const a = await call(as, 'diary.create', { caseId, ...entry, testo: 'Scritta dall’assistente sociale uscente' });
    const b = await call(s.educatore.conn, 'diary.create', { caseId, ...entry, testo: 'Scritta dall’educatore' });
    t = { caseId, mine: a.diary.find((d) => d.autoreId === s.assistente_sociale.id)!.id, theirs: b.diary.find((d) => d.autoreId === s.educatore.id)!.id };
  });

  async function setRules(rules: { responsabiliProfili: Profile[]; exOperatoreLeggePropri: boolean }) {
    const z = await call(s.coordinatore.conn, 'zone.settings', {});
    return s.coordinatore.conn.call('zone.update', { nome: z.nome, ente: z.ente, letterhead: z.letterhead, idleTimeoutMin: z.idleTimeoutMin, regoleCartelle: rules });
  }

  it('un nuovo responsabile mentre un altro è in carico: senza motivo è VALIDATION sul campo motivo', async () => {
    const refused = await callError(s.coordinatore.conn, 'cases.assign', { id: t.caseId, userId: as2.id, ruolo: 'responsabile', dal: TODAY });
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'motivo' });
  });

  it('con il motivo il trasferimento vale da subito: l’ex responsabile non apre più la cartella lo stesso giorno', async () => {
    const detail = await call(s.coordinatore.conn, 'cases.assign', { id: t.caseId, userId: as2.id, ruolo: 'responsabile', dal: TODAY, motivo: 'Riorganizzazione delle sedi' });
    expect(detail.operators.find((o) => o.userId === s.assistente_sociale.id && o.ruolo === 'responsabile')).toMatchObject({ al: TODAY });
    expect((await callError(s.assistente_sociale.conn, 'cases.get', { id: t.caseId })).code).toBe('FORBIDDEN');
    expect((await callError(s.assistente_sociale.conn, 'diary.get', { id: t.mine })).code).toBe('FORBIDDEN');
    const reason = db.prepare(`SELECT motivo FROM case_operators WHERE case_id = ? AND user_id = ?`).get(t.caseId, as2.id) as { motivo: string };
    expect(reason.motivo).toBe('Riorganizzazione delle sedi');
  });

  it('se la zona lo consente, l’ex operatore legge le sue annotazioni e nient’altro', async () => {
    expect((await setRules({ responsabiliProfili: ['assistente_sociale'], exOperatoreLeggePropri: true })).ok).toBe(true);
    try {
      const as = s.assistente_sociale.conn;
      expect((await call(as, 'diary.get', { id: t.mine })).entry.testo).toBe('Scritta dall’assistente sociale uscente');
      expect((await callError(as, 'diary.get', { id: t.theirs })).code).toBe('FORBIDDEN');
      const view = await call(as, 'cases.get', { id: t.caseId });
      expect(view.diary.map((d) => d.id)).toEqual([t.mine]);
      // The case's agenda is not something he wrote: it stays closed to him.
      expect((await callError(as, 'agenda.forCase', { caseId: t.caseId })).code).toBe('FORBIDDEN');
      expect((await callError(as, 'diary.create', { caseId: t.caseId, ...entry, testo: 'Ancora io' })).code).toBe('FORBIDDEN');
      expect((await callError(as, 'diary.update', { id: t.mine, ...entry, testo: 'Corretta dopo il trasferimento' })).code).toBe('FORBIDDEN');
    } finally {
      await setRules({ responsabiliProfili: ['assistente_sociale'], exOperatoreLeggePropri: false });
    }
  });

  it('responsabile solo i profili che la zona indica; mai l’amministratore né il mediatore SAL', async () => {
    const toEducatore = { id: t.caseId, userId: s.educatore.id, ruolo: 'responsabile' as const, dal: TODAY, motivo: 'Prosegue l’educatore' };
    expect(await callError(s.coordinatore.conn, 'cases.assign', toEducatore)).toMatchObject({ code: 'VALIDATION', field: 'userId' });
    for (const profile of ['amministratore', 'mediatore_sal'] as const) {
      const refused = await setRules({ responsabiliProfili: ['assistente_sociale', profile], exOperatoreLeggePropri: false });
      expect(refused.ok ? null : refused.error).toMatchObject({ code: 'VALIDATION', field: 'regoleCartelle.responsabiliProfili' });
      for (const ruolo of ['responsabile', 'co_operatore'] as const) {
        const refusedUser = await callError(s.coordinatore.conn, 'cases.assign', { id: t.caseId, userId: s[profile].id, ruolo, dal: TODAY, motivo: 'Prova' });
        expect(refusedUser).toMatchObject({ code: 'VALIDATION', field: 'userId' });
      }
    }
    expect((await setRules({ responsabiliProfili: ['assistente_sociale', 'educatore'], exOperatoreLeggePropri: false })).ok).toBe(true);
    try {
      const detail = await call(s.coordinatore.conn, 'cases.assign', toEducatore);
      expect(detail.operators.filter((o) => o.ruolo === 'responsabile' && o.al === null).map((o) => o.userId)).toEqual([s.educatore.id]);
    } finally {
      await setRules({ responsabiliProfili: ['assistente_sociale'], exOperatoreLeggePropri: false });
    }
  });
});

describe('finding 3: l’accesso in emergenza è di sola lettura e finisce dopo 12 ore', () => {
  /** Mid-morning in Rome today, so that twelve hours later is still the same day. */
  let clock = Date.parse(`${TODAY}T07:00:00Z`);
  let z: { core: Core; as: Connection; asPassword: string; as2: Connection; as2Id: string; asId: string; caseId: string };

  beforeAll(async () => {
    const zone = await setUpZone(undefined, () => clock);
    const a = await createUser(zone.admin, { username: 'as.urgente', fullName: 'Assistente Urgente', profile: 'assistente_sociale', password: 'Provvisoria-2026' });
    const b = await createUser(zone.admin, { username: 'as.titolare', fullName: 'Assistente Titolare', profile: 'assistente_sociale', password: 'Provvisoria-2026' });
    const la = await loginAs(zone.core, 'as.urgente', 'Provvisoria-2026');
    const lb = await loginAs(zone.core, 'as.titolare', 'Provvisoria-2026');
    const p = await call(lb.conn, 'persons.create', personWithCf({ cognome: 'Urgente', nome: 'Caso' }));
    const { caseId } = await call(lb.conn, 'cases.open', { personId: p.person.id, sedeId: await sedeId(lb.conn, 'Amelia'), area: 'anziani', problematiche: [], apertaIl: TODAY });
    z = { core: zone.core, as: la.conn, asPassword: la.password, as2: lb.conn, as2Id: b.id, asId: a.id, caseId };
  });

  it('con l’accesso in emergenza si legge, ma non si cambia lo stato né ci si assegna la cartella', async () => {
    const opened = await call(z.as, 'cases.emergencyAccess', { id: z.caseId, motivo: 'Segnalazione urgente dei carabinieri' });
    expect(opened.emergenza).toBe(true);
    expect((await callError(z.as, 'cases.setStatus', { id: z.caseId, stato: 'chiuso', data: TODAY, motivo: 'Chiusa in emergenza' })).code).toBe('FORBIDDEN');
    expect((await callError(z.as, 'cases.assign', { id: z.caseId, userId: z.asId, ruolo: 'co_operatore', dal: TODAY })).code).toBe('FORBIDDEN');
    expect((await callError(z.as, 'cases.assign', { id: z.caseId, userId: z.asId, ruolo: 'responsabile', dal: TODAY, motivo: 'Subentro' })).code).toBe('FORBIDDEN');
    expect(
      (
        await callError(z.as, 'diary.create', {
          caseId: z.caseId,
          tipo: 'telefonata',
          data: TODAY,
          ora: '',
          luogo: '',
          partecipanti: '',
          testo: 'Nota in emergenza',
          riservato: false,
          nominati: [],
        })
      ).code,
    ).toBe('FORBIDDEN');
    const after = await call(z.as2, 'cases.get', { id: z.caseId });
    expect(after.stato).toBe('aperto');
    expect(after.operators.map((o) => [o.userId, o.ruolo, o.al])).toEqual([[z.as2Id, 'responsabile', null]]);
  });

  it('l’accesso vale ancora a 11 ore e 59 minuti, non più dopo 12 ore', async () => {
    clock += (11 * 60 + 59) * 60_000;
    // Hours of idleness lock the session: unlocking is part of coming back, not of the access.
    await call(z.as, 'auth.unlock', { password: z.asPassword });
    expect((await call(z.as, 'cases.get', { id: z.caseId })).emergenza).toBe(true);
    clock += 2 * 60_000;
    expect((await callError(z.as, 'cases.get', { id: z.caseId })).code).toBe('FORBIDDEN');
  });
});
