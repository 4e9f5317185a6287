import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Core } from '../../electron/core/app';
import { addDays } from '../../shared/domain/dates';
import { isoWeekday } from '../../shared/domain/recurrence';
import type { Profile } from '../../shared/domain/permissions';
import { ADMIN, call, inspectDatabase, setUpZone } from '../support/core-harness';
import { TODAY, sedeId, staff } from '../support/cartella-fixtures';

// The agenda keeps the zone's names, patron days and hours between reads (zone-snapshot.ts):
// what is changed, here or by another connection, shows at the next read.
let core: Core;
let dataDir: string;
let admin: Connection;
let s: Record<Profile, { id: string; conn: Connection; username: string }>;
let amelia: string;
let roomId: string;

/** A Tuesday far enough ahead that the test never depends on the day it runs. */
const DAY = (() => {
  let d = addDays(TODAY, 21);
  while (isoWeekday(d) !== 2) d = addDays(d, 1);
  return d;
})();

beforeAll(async () => {
  const zone = await setUpZone();
  core = zone.core;
  admin = zone.admin;
  dataDir = zone.dataDir;
  s = await staff(core, zone.admin);
  amelia = await sedeId(admin, 'Amelia');
  roomId = (await call(admin, 'zone.get', {})).sedi.find((x) => x.id === amelia)!.rooms[0]!.id;
  const saved = await call(s.amministrativo.conn, 'agenda.save', {
    tipo: 'riunione_equipe',
    sedeId: amelia,
    roomId,
    comuneIstat: null,
    indirizzo: '',
    operatorIds: [s.assistente_sociale.id],
    personId: null,
    caseId: null,
    start: `${DAY}T10:00`,
    end: `${DAY}T11:00`,
    rrule: '',
    note: '',
  });
  expect(saved.saved).toBe(true);
});

afterAll(() => {
  core?.close();
});

const week = () => call(s.amministrativo.conn, 'agenda.list', { from: DAY, to: addDays(DAY, 7), sedeId: amelia });

describe('agenda: nomi, patroni e orari della zona letti di nuovo quando cambiano', () => {
  it('una stanza rinominata nelle impostazioni appare col nuovo nome alla lettura seguente', async () => {
    const before = (await week()).occurrences[0]!.roomNome;
    await call(admin, 'zone.saveRoom', { id: roomId, sedeId: amelia, nome: 'Sala équipe', attiva: true });
    expect((await week()).occurrences[0]!.roomNome).toBe('Sala équipe');
    expect(before).not.toBe('Sala équipe');
  });

  it('il patrono e gli orari salvati valgono subito per la settimana', async () => {
    const giorno = DAY.slice(5);
    expect((await week()).festivi.filter((f) => f.kind === 'patrono' && f.date === DAY)).toEqual([]);
    await call(admin, 'agenda.savePatron', { comuneIstat: '055004', giorno, santo: 'Santo di prova' });
    expect((await week()).festivi.filter((f) => f.kind === 'patrono' && f.date === DAY).map((f) => f.comuneIstat)).toEqual(['055004']);
    const giorni = [1, 2, 3, 4, 5].map((g) => ({ giorno: g, mattinaDa: '08:00', mattinaA: '13:00', pomeriggioDa: '', pomeriggioA: '' }));
    await call(admin, 'agenda.saveHours', { sedeId: amelia, giorni });
    expect((await week()).orari.filter((o) => o.sedeId === amelia).map((o) => o.mattinaDa)).toEqual(['08:00', '08:00', '08:00', '08:00', '08:00']);
  });

  it('un nome cambiato da un’altra connessione allo stesso archivio appare alla lettura seguente', async () => {
    expect((await week()).occurrences[0]!.roomNome).toBe('Sala équipe');
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    try {
      db.prepare('UPDATE rooms SET nome = ? WHERE id = ?').run('Stanza rinominata altrove', roomId);
    } finally {
      db.close();
    }
    expect((await week()).occurrences[0]!.roomNome).toBe('Stanza rinominata altrove');
  });
});
