import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Core } from '../../electron/core/app';
import { romeDayStart } from '../../electron/core/services/audit/audit-period';
import { addDays } from '../../shared/domain/dates';
import type { Profile } from '../../shared/domain/permissions';
import { ADMIN, call, callError, inspectDatabase, receiveDownload, setUpZone, tempDir } from '../support/core-harness';
import { TODAY, personWithCf, staff } from '../support/cartella-fixtures';

/*
 * The audit viewer's filters (subject, user, action, period) and its export, itself audited;
 * the art. 30 record printed as an A4 PDF from the zone's settings.
 */

let core: Core;
let dataDir: string;
let s: Record<Profile, { id: string; conn: Connection; username: string }>;
let personId = '';
let otherId = '';

beforeAll(async () => {
  const zone = await setUpZone();
  core = zone.core;
  dataDir = zone.dataDir;
  s = await staff(core, zone.admin);
  personId = (await call(s.amministrativo.conn, 'persons.create', personWithCf({ cognome: 'Filtrabile', nome: 'Gemma', sesso: 'F', dataNascita: '1981-01-01' }))).person.id;
  otherId = (await call(s.amministrativo.conn, 'persons.create', personWithCf({ cognome: 'Altrove', nome: 'Pino', sesso: 'M', dataNascita: '1979-02-02' }))).person.id;
  for (let i = 0; i < 3; i++) await call(s.assistente_sociale.conn, 'persons.get', { id: personId });
  await call(s.amministrativo.conn, 'persons.get', { id: personId });
  await call(s.amministrativo.conn, 'persons.get', { id: otherId });
}, 60_000);

const base = { log: 'data' as const, limit: 100 };

describe('registro accessi: filtri', () => {
  it('by subject (its id, or part of its name), by user, by action or feature, and by period', async () => {
    const co = s.coordinatore.conn;
    const byId = await call(co, 'audit.list', { ...base, soggetto: personId });
    expect(byId.rows.length).toBeGreaterThanOrEqual(5);
    expect(byId.rows.every((r) => r.subjectId === personId)).toBe(true);
    const byName = await call(co, 'audit.list', { ...base, soggetto: 'filtrab' });
    expect(byName.rows.length).toBeGreaterThan(0);
    expect(byName.rows.every((r) => r.subjectLabel?.includes('Filtrabile'))).toBe(true);
    // A LIKE wildcard typed by the user is a character, not a wildcard.
    expect((await call(co, 'audit.list', { ...base, soggetto: '%' })).rows).toEqual([]);

    const mine = await call(co, 'audit.list', { ...base, soggetto: personId, username: s.assistente_sociale.username, action: 'persons.get' });
    expect(mine.rows.map((r) => [r.username, r.action])).toEqual(Array(3).fill([s.assistente_sociale.username, 'persons.get']));
    const feature = await call(co, 'audit.list', { ...base, action: 'persons' });
    expect(new Set(feature.rows.map((r) => r.action.split('.')[0]))).toEqual(new Set(['persons']));
    expect(feature.rows.some((r) => r.action === 'persons.create')).toBe(true);
    // `person` is not a prefix of `persons.get`: a feature matches whole segments only.
    expect((await call(co, 'audit.list', { ...base, action: 'person' })).rows).toEqual([]);

    expect((await call(co, 'audit.list', { ...base, soggetto: personId, dal: TODAY, al: TODAY })).rows.length).toBe(byId.rows.length);
    expect((await call(co, 'audit.list', { ...base, soggetto: personId, dal: addDays(TODAY, 1) })).rows).toEqual([]);
    expect((await call(co, 'audit.list', { ...base, soggetto: personId, al: addDays(TODAY, -1) })).rows).toEqual([]);
    const reversed = await callError(co, 'audit.list', { ...base, dal: TODAY, al: addDays(TODAY, -1) });
    expect(reversed).toMatchObject({ code: 'VALIDATION', field: 'al' });
  });

  it('a day is Rome’s day: it starts at 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(romeDayStart('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(romeDayStart('2026-07-15')).toBe('2026-07-14T22:00:00.000Z');
    // The days the clocks change: midnight still has the offset of the evening before.
    expect(romeDayStart('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(romeDayStart('2026-03-30')).toBe('2026-03-29T22:00:00.000Z');
    expect(romeDayStart('2026-10-25')).toBe('2026-10-24T22:00:00.000Z');
    expect(romeDayStart('2026-10-26')).toBe('2026-10-25T23:00:00.000Z');
  });
});

describe('registro accessi: esportazione', () => {
  it('exports the filtered rows as CSV (BOM, semicolons) and XLSX, and logs the export with its filters', async () => {
    const co = s.coordinatore.conn;
    const csv = await call(co, 'audit.export', { log: 'data', soggetto: personId, formato: 'csv' });
    expect(csv.nome).toBe(`registro-accessi-${new Date().toISOString().slice(0, 10)}.csv`);
    const text = (await receiveDownload(co, csv.downloadId)).toString('utf8');
    expect(text.startsWith('\uFEFFN.;Data e ora;Utente;Profilo;Postazione;Azione;Tipo di soggetto;Id del soggetto;Soggetto;Finalità;Esito;Dettaglio\r\n')).toBe(true);
    const lines = text.trim().split('\r\n').slice(1);
    expect(lines.length).toBe(csv.righe);
    expect(csv.righe).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).toContain(personId);
    expect(lines.some((l) => l.includes(`${s.assistente_sociale.username};assistente_sociale`))).toBe(true);

    const xlsx = await call(co, 'audit.export', { log: 'data', username: s.amministrativo.username, formato: 'xlsx' });
    const bytes = await receiveDownload(co, xlsx.downloadId);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const admin = await call(co, 'audit.list', { log: 'admin', action: 'audit.export', limit: 10 });
    expect(admin.rows.map((r) => r.detail)).toEqual([
      `${xlsx.righe} registrazioni in XLSX, utente ${s.amministrativo.username}`,
      `${csv.righe} registrazioni in CSV, soggetto indicato`,
    ]);
    // Only who reviews the log exports it.
    expect((await callError(s.assistente_sociale.conn, 'audit.export', { log: 'data', formato: 'csv' })).code).toBe('FORBIDDEN');
  });
});

describe('registro dei trattamenti (art. 30)', () => {
  it('prints an A4 PDF filled from the zone’s settings: titolare, DPO, comuni, retention, the program’s measures', async () => {
    const co = s.coordinatore.conn;
    const registro = await call(co, 'records.get', {});
    expect(registro.fields.titolare).toBe('Comune di Narni (capofila)');
    expect(registro.conservazioneAnni).toBe(10);
    const invalid = await callError(co, 'records.save', { fields: { ...registro.fields, dpo: '' }, conservazioneAnni: 10 });
    expect(invalid.field).toBe('fields.dpo');
    await call(co, 'records.save', {
      fields: { ...registro.fields, dpo: 'Studio Privacy Umbria srl', dpoContatti: 'dpo@comune.narni.tr.it', misureAggiuntive: 'Armadi chiusi a chiave per i fascicoli cartacei.' },
      conservazioneAnni: 12,
    });

    const printed = await call(co, 'records.print', {});
    expect(printed.nomeFile).toMatch(/^registro-trattamenti-\d{4}-\d\d-\d\d\.pdf$/);
    const bytes = await receiveDownload(co, printed.downloadId);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = tempDir('udc-art30-');
    const file = path.join(dir, 'registro.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!;
    expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([595, 842]);
    for (const expected of [
      'Registro delle attività di trattamento',
      'Comune di Narni (capofila)',
      'Studio Privacy Umbria srl',
      'dpo@comune.narni.tr.it',
      'Comune di Amelia',
      '12 anni dalla chiusura',
      'SQLCipher',
      'Armadi chiusi a chiave',
      'pagina 1 di',
    ]) {
      expect(text).toContain(expected);
    }
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    try {
      const rows = db.prepare(`SELECT action FROM admin_log WHERE action LIKE 'records.%' ORDER BY seq`).all() as { action: string }[];
      expect(rows.map((r) => r.action)).toEqual(['records.save', 'records.print']);
    } finally {
      db.close();
    }
    expect((await callError(s.assistente_sociale.conn, 'records.print', {})).code).toBe('FORBIDDEN');
  }, 60_000);
});
