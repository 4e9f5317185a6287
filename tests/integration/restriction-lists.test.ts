import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../electron/core/app';
import { addDays } from '../../shared/domain/dates';
import { call, receiveDownload } from '../support/core-harness';
import { TODAY } from '../support/cartella-fixtures';
import { DAY } from '../support/letters-fixtures';
import { office, withHost } from '../support/sal-fixtures';

/**
 * GDPR art. 18 on the reading side, list by list, through the real core: Lucia Fabbri (a SAL
 * beneficiaria with a running tirocinio, a PAI review due, an appointment) is listed everywhere
 * until the coordinator restricts her processing; then no list or search but the coordinator's
 * names her, her agenda slot stays as «riservato» (no double booking), her own case file still
 * shows her appointments, and lifting the restriction lists her again.
 */
let o: Awaited<ReturnType<typeof office>>;
let co: Connection;
let appointmentId = '';
let tirocinioId = '';
const NAME = 'Fabbri Lucia';
const MONTH = TODAY.slice(0, 7);
const CHECK = { id: null, codiceFiscale: '', cognome: 'Fabbri', nome: 'Lucia', dataNascita: '1990-03-29', sesso: 'F' as const, luogoNascita: null };
const week = { from: DAY, to: addDays(DAY, 1) };

beforeAll(async () => {
  o = await office();
  co = o.team.coordinatore.conn;
  const h = await withHost(o);
  // Running now and ending within 30 days: it is on the cruscotto, in this month's payments.
  const inizio = addDays(TODAY, -75);
  tirocinioId = (
    await call(o.sal, 'salTirocini.save', { id: null, fields: h.tirocinio({ inizio, fine: addDays(TODAY, 20), comunicazioneData: addDays(inizio, -3), oreSettimanali: 20 }) })
  ).id;
  await call(o.as, 'pai.save', {
    caseId: o.caseId,
    dataAvvio: addDays(TODAY, -70),
    revisioneMesi: 3,
    note: '',
    obiettivi: [{ termine: 'breve', descrizione: 'Iscrizione al centro per l’impiego', esito: 'in_corso', esitoNote: '' }],
  });
  const zone = await call(o.admin, 'zone.get', {});
  const amelia = zone.sedi.find((s) => s.nome === 'Amelia')!;
  const saved = await call(o.as, 'agenda.save', {
    tipo: 'colloquio',
    sedeId: amelia.id,
    roomId: amelia.rooms[0]!.id,
    comuneIstat: null,
    indirizzo: '',
    operatorIds: [o.team.assistente_sociale.id],
    personId: o.personId,
    caseId: o.caseId,
    start: `${DAY}T10:00`,
    end: `${DAY}T11:00`,
    rrule: '',
    note: 'Portare il curriculum',
  });
  appointmentId = saved.appointmentId!;
}, 120_000);

/** What each list shows of Lucia to one connection: whether it names her. */
async function listed(conn: Connection) {
  const mine = await call(conn, 'dueItems.list', {});
  const agenda = (await call(conn, 'agenda.list', { ...week, userIds: [], sedeId: null, roomId: null })).occurrences.find((x) => x.appointmentId === appointmentId);
  return { due: mine.some((d) => d.personId === o.personId), agendaName: agenda?.personName ?? null, agendaSlot: agenda !== undefined };
}

async function salListed(conn: Connection) {
  const beneficiari = (await call(conn, 'salBeneficiari.list', { query: '', stato: 'tutti', inAttesa: false })).beneficiari.some((b) => b.personId === o.personId);
  const tirocini = (await call(conn, 'salTirocini.list', { stato: 'tutti' })).tirocini.some((t) => t.id === tirocinioId);
  const cruscotto = (await call(conn, 'salTirocini.cruscotto', {})).inScadenza.some((t) => t.id === tirocinioId);
  return { beneficiari, tirocini, cruscotto };
}

describe('limitazione del trattamento (art. 18): gli elenchi', () => {
  it('before the restriction every list names her: the checks below can fail', async () => {
    expect(await listed(o.as)).toEqual({ due: true, agendaName: NAME, agendaSlot: true });
    expect(await salListed(o.sal)).toEqual({ beneficiari: true, tirocini: true, cruscotto: true });
    const pay = await call(o.sal, 'salPagamenti.month', { month: MONTH });
    expect(pay.rows.map((r) => r.tirocinioId)).toEqual([tirocinioId]);
    expect(pay.nascosti).toBe(0);
    const similar = await call(o.team.amministrativo.conn, 'persons.check', CHECK);
    expect(similar.similar.map((p) => p.id)).toEqual([o.personId]);
  });

  it('restricted, she is in no list of the operators: Home, agenda (slot «riservato»), SAL, payments, the duplicate check', async () => {
    await call(co, 'rights.restrict', { personId: o.personId, motivo: 'L’interessata contesta l’esattezza dei dati' });
    expect(await listed(o.as)).toEqual({ due: false, agendaName: null, agendaSlot: true });
    const slot = (await call(o.as, 'agenda.list', { ...week, userIds: [], sedeId: null, roomId: null })).occurrences.find((x) => x.appointmentId === appointmentId)!;
    expect(slot).toMatchObject({ title: 'Colloquio (riservato)', personId: null, caseId: null, caseNumero: null, riservato: true, note: '' });
    expect(JSON.stringify(await call(o.as, 'agenda.get', { id: appointmentId, occurrenceDate: null }))).not.toContain('Fabbri');
    expect(JSON.stringify(await call(o.team.amministrativo.conn, 'agenda.list', { ...week, userIds: [], sedeId: null, roomId: null }))).not.toContain('Fabbri');
    // The day's convocazioni skip her without a name.
    const batch = await call(o.team.amministrativo.conn, 'letters.batch', { template: 'convocazione', sedeId: slot.sedeId!, data: DAY });
    expect(batch.saltati.map((x) => [x.appointmentId, x.persona])).toEqual([[appointmentId, 'persona non visibile']]);
    expect(batch.saltati[0]!.motivo).toMatch(/appuntamento riservato/);
    expect(JSON.stringify(batch)).not.toContain('Fabbri');
    // The case file she is in, opened directly, still shows her own appointments (read-only).
    expect((await call(o.as, 'agenda.forCase', { caseId: o.caseId })).occurrences[0]?.personName).toBe(NAME);

    expect(await salListed(o.sal)).toEqual({ beneficiari: false, tirocini: false, cruscotto: false });
    const pay = await call(o.sal, 'salPagamenti.month', { month: MONTH });
    expect(pay).toMatchObject({ rows: [], totaleCents: 0, nascosti: 1 });
    const file = await call(o.sal, 'salPagamenti.export', { month: MONTH, formato: 'csv' });
    const csv = (await receiveDownload(o.sal, file.downloadId)).toString('utf8');
    expect(csv).not.toContain('Fabbri');
    expect(csv).toContain('Un tirocinio non è elencato');

    const similar = await call(o.team.amministrativo.conn, 'persons.check', CHECK);
    expect(similar.similar).toEqual([]);
    expect(similar.avviso).toMatch(/Esiste già una persona/);
    expect(JSON.stringify(similar)).not.toContain('Giove');
  });

  it('the coordinator still finds her everywhere he may read', async () => {
    const slot = (await call(co, 'agenda.list', { ...week, userIds: [], sedeId: null, roomId: null })).occurrences.find((x) => x.appointmentId === appointmentId);
    expect(slot?.personName).toBe(NAME);
    expect(await salListed(co)).toEqual({ beneficiari: true, tirocini: true, cruscotto: true });
  });

  it('writes stay refused, and lifting the restriction lists her again', async () => {
    const refused = await call(o.sal, 'salTirocini.proroga', { id: tirocinioId, nuovaFine: addDays(TODAY, 40), motivo: 'Prova' }).catch((e: unknown) => e);
    expect(String((refused as { message?: string }).message)).toMatch(/limitato \(art\. 18 GDPR\)/);
    await call(co, 'rights.lift', { personId: o.personId, motivo: 'Dati verificati' });
    expect(await listed(o.as)).toEqual({ due: true, agendaName: NAME, agendaSlot: true });
    expect(await salListed(o.sal)).toEqual({ beneficiari: true, tirocini: true, cruscotto: true });
    expect((await call(o.sal, 'salPagamenti.month', { month: MONTH })).nascosti).toBe(0);
  });
});
