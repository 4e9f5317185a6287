import { describe, expect, it } from 'vitest';
import type { Connection, Core } from '../../electron/core/app';
import { call, callError, createUser, loginAs, setUpZone, tempDir } from '../support/core-harness';
import { TODAY, person, sedeId } from '../support/cartella-fixtures';

const TEMP = 'Provvisoria-2026';

/** A zone with a mutable clock, its administrator, a coordinator and a social worker with one case. */
async function office(options: { coordinator: boolean } = { coordinator: true }) {
  let now = Date.now();
  const clock = { advance: (ms: number) => (now += ms) };
  const zone = await setUpZone(tempDir(), () => now);
  const core: Core = zone.core;
  const coord = options.coordinator ? await createUser(zone.admin, { username: 'coord', fullName: 'Rita Fratini', profile: 'coordinatore', password: TEMP }) : null;
  await createUser(zone.admin, { username: 'as.narni', fullName: 'Giulia Santucci', profile: 'assistente_sociale', password: TEMP });
  const coordConn = coord ? (await loginAs(core, 'coord', TEMP)).conn : null;
  const as = (await loginAs(core, 'as.narni', TEMP)).conn;
  const p = await call(as, 'persons.create', person({ cognome: 'Riservati', nome: 'Anna' }));
  const { caseId } = await call(as, 'cases.open', { personId: p.person.id, sedeId: await sedeId(as, 'Narni'), area: 'famiglia_minori', problematiche: [], apertaIl: TODAY });
  return { core, admin: zone.admin, coordConn, as, caseId, clock };
}

/** Log in without acknowledging anything: what the person sees at the first screen. */
async function rawLogin(core: Core, username: string, password: string): Promise<{ conn: Connection; password: string }> {
  const conn = core.connect('test');
  const session = await call(conn, 'auth.login', { username, password });
  if (!session.mustChangePassword) return { conn, password };
  const next = `${password}-nuova1`;
  await call(conn, 'auth.changePassword', { currentPassword: password, newPassword: next });
  return { conn, password: next };
}

describe('le azioni degli amministratori sugli account si vedono', () => {
  it('a password reset by the administrator is shown to its owner at the next login, and listed for the coordinator’s review', async () => {
    const { core, admin, coordConn } = await office();
    const users = await call(admin, 'users.list', {});
    const giulia = users.find((u) => u.username === 'as.narni')!;
    await call(admin, 'users.resetPassword', { id: giulia.id, newPassword: 'Reimpostata-Narni-2026' });
    const { conn } = await rawLogin(core, 'as.narni', 'Reimpostata-Narni-2026');
    const mine = await call(conn, 'notices.mine', {});
    expect(mine.map((n) => [n.tipo, n.autore])).toEqual([['reset_password', 'Anna Bianchi']]);
    await call(conn, 'notices.markSeen', { ids: mine.map((n) => n.id) });
    expect(await call(conn, 'notices.mine', {})).toEqual([]);
    // Someone else's notice cannot be marked as seen.
    const review = await call(coordConn!, 'notices.review', {});
    const reset = review.find((n) => n.tipo === 'reset_password' && n.utente === 'Giulia Santucci')!;
    expect(reset).toMatchObject({ autore: 'Anna Bianchi', stato: 'eseguito', rivisto: false });
    expect((await callError(coordConn!, 'notices.markSeen', { ids: [reset.id] })).code).toBe('NOT_FOUND');
    await call(coordConn!, 'notices.markReviewed', { id: reset.id });
    expect((await call(coordConn!, 'notices.review', {})).some((n) => n.id === reset.id)).toBe(false);
    // A social worker has no review list.
    expect((await callError(conn, 'notices.review', {})).code).toBe('FORBIDDEN');
  });

  it('a coordinator creates a psicologo, assigns him to a case and logs in as him: the riservato access waits for a second administrator', async () => {
    const { core, admin, coordConn, caseId } = await office();
    await createUser(coordConn!, { username: 'psi.nuovo', fullName: 'Paolo Nuovo', profile: 'psicologo', password: TEMP });
    const psi = (await call(admin, 'users.list', {})).find((u) => u.username === 'psi.nuovo')!;
    const detail = await call(coordConn!, 'cases.assign', { id: caseId, userId: psi.id, ruolo: 'co_operatore', dal: TODAY });
    expect(detail.operators.some((o) => o.userId === psi.id)).toBe(false);
    expect(detail.inAttesa).toEqual([{ fullName: 'Paolo Nuovo', ruolo: 'co_operatore', dal: TODAY }]);
    // The coordinator knows the temporary password: as the psicologo he still cannot open the case.
    const { conn: asPsi } = await rawLogin(core, 'psi.nuovo', TEMP);
    expect((await callError(asPsi, 'cases.get', { id: caseId })).code).toBe('FORBIDDEN');
    // He cannot confirm his own request; the administrator can.
    const pending = (await call(coordConn!, 'notices.review', {})).find((n) => n.stato === 'da_confermare')!;
    expect(pending.puoiDecidere).toBe(false);
    expect((await callError(coordConn!, 'notices.decide', { id: pending.id, conferma: true })).code).toBe('FORBIDDEN');
    await call(admin, 'notices.decide', { id: pending.id, conferma: true });
    expect((await call(asPsi, 'cases.get', { id: caseId })).id).toBe(caseId);
    // The psicologo is told what was done to his account, by whom.
    const mine = await call(asPsi, 'notices.mine', {});
    expect(mine.map((n) => n.tipo).sort()).toEqual(['assegnazione', 'creazione']);
  });

  it('a refused request is not carried out', async () => {
    const { admin, coordConn, caseId } = await office();
    await createUser(admin, { username: 'psi.due', fullName: 'Sara Due', profile: 'psicologo', password: TEMP });
    const psi = (await call(admin, 'users.list', {})).find((u) => u.username === 'psi.due')!;
    await call(coordConn!, 'cases.assign', { id: caseId, userId: psi.id, ruolo: 'co_operatore', dal: TODAY });
    const pending = (await call(admin, 'notices.review', {})).find((n) => n.stato === 'da_confermare')!;
    await call(admin, 'notices.decide', { id: pending.id, conferma: false });
    const summary = await call(coordConn!, 'cases.summary', { id: caseId });
    expect(summary.operators.some((o) => o.userId === psi.id)).toBe(false);
    expect(summary.inAttesa).toEqual([]);
    expect((await callError(admin, 'notices.decide', { id: pending.id, conferma: true })).code).toBe('CONFLICT');
  });

  it('after 24 hours the same assignment needs no second administrator; the coordinator’s assignment is still shown to the colleague', async () => {
    const { core, admin, caseId, clock } = await office();
    await createUser(admin, { username: 'psi.tre', fullName: 'Luca Tre', profile: 'psicologo', password: TEMP });
    const psi = (await call(admin, 'users.list', {})).find((u) => u.username === 'psi.tre')!;
    clock.advance(25 * 3_600_000);
    // A day later every open session has locked itself: the coordinator logs in again.
    const { conn: coord } = await rawLogin(core, 'coord', `${TEMP}-nuova1`);
    const detail = await call(coord, 'cases.assign', { id: caseId, userId: psi.id, ruolo: 'co_operatore', dal: TODAY });
    expect(detail.operators.some((o) => o.userId === psi.id)).toBe(true);
    const { conn } = await rawLogin(core, 'psi.tre', TEMP);
    expect((await call(conn, 'notices.mine', {})).map((n) => n.tipo).sort()).toEqual(['assegnazione', 'creazione']);
  });

  it('a profile change that grants riservato notes to a new account waits too, and is applied when confirmed', async () => {
    const { admin, coordConn } = await office();
    const edu = await createUser(coordConn!, { username: 'edu.nuovo', fullName: 'Marta Edu', profile: 'educatore', password: TEMP });
    const updated = await call(coordConn!, 'users.update', { id: edu.id, fullName: 'Marta Edu', profile: 'psicologo', sedeId: null });
    expect(updated).toMatchObject({ profile: 'educatore', profiloInAttesa: 'psicologo' });
    const pending = (await call(admin, 'notices.review', {})).find((n) => n.stato === 'da_confermare')!;
    await call(admin, 'notices.decide', { id: pending.id, conferma: true });
    expect((await call(admin, 'users.list', {})).find((u) => u.id === edu.id)).toMatchObject({ profile: 'psicologo', profiloInAttesa: null });
  });

  it('with a single administrator in the zone the act goes through, flagged for review', async () => {
    const { admin, as, caseId } = await office({ coordinator: false });
    const psi = await createUser(admin, { username: 'psi.solo', fullName: 'Ugo Solo', profile: 'psicologo', password: TEMP });
    const detail = await call(as, 'cases.assign', { id: caseId, userId: psi.id, ruolo: 'co_operatore', dal: TODAY });
    expect(detail.operators.some((o) => o.userId === psi.id)).toBe(true);
    const flagged = (await call(admin, 'notices.review', {})).find((n) => n.tipo === 'assegnazione')!;
    expect(flagged).toMatchObject({ unicoAdmin: true, stato: 'eseguito', utente: 'Ugo Solo' });
  });
});
