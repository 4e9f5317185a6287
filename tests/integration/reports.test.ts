import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Core } from '../../electron/core/app';
import { seedCommand } from '../../electron/core/cli/seed-command';
import type { OutputOf } from '../../shared/contracts';
import { ADMIN, call, callError, createUser, inspectDatabase, loginAs, receiveDownload, setUpZone, tempDir, testCore } from '../support/core-harness';

const TODAY = '2027-03-17';
// The last full quarter before the seed's "today".
const PERIOD = { anno: 2026, trimestre: 4 };
const DAL = '2026-10-01';
const AL = '2026-12-31';

let core: Core;
let coord: Connection;
let admin: Connection;
let db: Database.Database;
let report: OutputOf<'reports.quarter'>;

beforeAll(async () => {
  const { core: setupCore, dataDir } = await setUpZone();
  setupCore.close();
  const work = tempDir('udc-report-');
  const passwordFile = path.join(work, 'pw.txt');
  fs.writeFileSync(passwordFile, `${ADMIN.password}\n`);
  const args = ['--data-dir', dataDir, '--user', ADMIN.username, '--password-file', passwordFile, '--persons', '1500', '--seed', '5', '--diary-per-case', '0', '--tirocini', '30'];
  const code = await seedCommand(args, { openCore: (o) => testCore(o.dataDir), today: () => TODAY, out: { write: () => true } });
  expect(code).toBe(0);
  core = testCore(dataDir, () => Date.parse(`${TODAY}T10:00:00Z`));
  admin = (await loginAs(core, ADMIN.username, ADMIN.password)).conn;
  await createUser(admin, { username: 'coord', fullName: 'Carla Coordinatrice', profile: 'coordinatore', password: 'Provvisoria-2026' });
  coord = (await loginAs(core, 'coord', 'Provvisoria-2026')).conn;
  db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
  report = await call(coord, 'reports.quarter', PERIOD);
}, 120_000);

afterAll(() => {
  db?.close();
  core?.close();
});

const n = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
const table = (dim: string, id: string) => report.sezioni.find((s) => s.dimensione === dim)!.tabelle.find((t) => t.id === id)!;
const grand = (dim: string, id: string) => table(dim, id).totali.at(-1)!.valore;

describe('reports.quarter over the seeded zone (coordinator: exact figures on screen)', () => {
  it('totals match the seeded database, counted here independently', () => {
    expect(report.esatti).toBe(true);
    expect(report.soglia).toBe(5);
    expect([report.dal, report.al]).toEqual([DAL, AL]);
    const opened = n('SELECT count(*) AS n FROM cases WHERE aperta_il BETWEEN ? AND ?', DAL, AL);
    const closed = n('SELECT count(*) AS n FROM cases WHERE chiusa_il BETWEEN ? AND ?', DAL, AL);
    const deliveries = n('SELECT count(*) AS n FROM deliveries WHERE data BETWEEN ? AND ?', DAL, AL);
    const cents = n('SELECT coalesce(sum(importo_cents), 0) AS n FROM deliveries WHERE data BETWEEN ? AND ?', DAL, AL);
    const held = n(`SELECT count(*) AS n FROM appointments WHERE person_id IS NOT NULL AND rrule = '' AND stato = 'svolto' AND substr(inizio, 1, 10) BETWEEN ? AND ?`, DAL, AL);
    const missed = n(`SELECT count(*) AS n FROM appointments WHERE person_id IS NOT NULL AND rrule = '' AND stato = 'assente' AND substr(inizio, 1, 10) BETWEEN ? AND ?`, DAL, AL);
    const tirocini = n('SELECT count(*) AS n FROM sal_tirocini WHERE inizio BETWEEN ? AND ?', DAL, AL);
    const esiti = n(`SELECT count(*) AS n FROM sal_tirocini WHERE esito <> '' AND esito_data BETWEEN ? AND ?`, DAL, AL);
    expect(opened + closed + deliveries).toBeGreaterThan(10); // the quarter has something to count
    for (const dim of ['comune', 'area', 'sede', 'operatore']) {
      expect(grand(dim, 'nuove'), `${dim} nuove`).toBe(opened);
      expect(grand(dim, 'chiuse'), `${dim} chiuse`).toBe(closed);
      expect(grand(dim, 'erogazioni'), `${dim} erogazioni`).toBe(deliveries);
      expect(grand(dim, 'importi'), `${dim} importi`).toBe(cents);
      expect(grand(dim, 'svolti'), `${dim} svolti`).toBe(held);
      expect(grand(dim, 'assenti'), `${dim} assenti`).toBe(missed);
      expect(grand(dim, 'tirocini'), `${dim} tirocini`).toBe(tirocini);
      expect(grand(dim, 'esiti'), `${dim} esiti`).toBe(esiti);
    }
    const reached = n(
      `SELECT count(DISTINCT person_id) AS n FROM (
         SELECT person_id FROM accessi WHERE data BETWEEN @dal AND @al
         UNION SELECT person_id FROM cases WHERE aperta_il BETWEEN @dal AND @al
         UNION SELECT person_id FROM appointments WHERE person_id IS NOT NULL AND rrule = '' AND stato = 'svolto' AND substr(inizio, 1, 10) BETWEEN @dal AND @al
         UNION SELECT c.person_id FROM deliveries d JOIN interventions i ON i.id = d.intervention_id JOIN cases c ON c.id = i.case_id WHERE d.data BETWEEN @dal AND @al)`,
      { dal: DAL, al: AL },
    );
    expect(grand('comune', 'persone')).toBe(reached);
  });

  it('rows per comune and per sede match the database, every comune of the zone listed even when empty', () => {
    const byComune = new Map(
      (
        db
          .prepare(
            `SELECT co.nome, count(*) AS n FROM cases c JOIN persons p ON p.id = c.person_id JOIN comuni co ON co.istat = p.residenza_comune_istat WHERE c.aperta_il BETWEEN ? AND ? GROUP BY co.nome`,
          )
          .all(DAL, AL) as { nome: string; n: number }[]
      ).map((r) => [r.nome, r.n]),
    );
    const nuove = table('comune', 'nuove');
    expect(nuove.righe.map((r) => r.etichetta)).toEqual([
      ...(db.prepare('SELECT nome FROM comuni ORDER BY nome').all() as { nome: string }[]).map((r) => r.nome),
      'Fuori zona o non indicato',
    ]);
    for (const r of nuove.righe.slice(0, -1)) expect(r.celle.at(-1)!.valore, r.etichetta).toBe(byComune.get(r.etichetta) ?? 0);
    const bySede = new Map(
      (
        db
          .prepare(
            'SELECT s.nome, count(*) AS n FROM deliveries d JOIN interventions i ON i.id = d.intervention_id JOIN cases c ON c.id = i.case_id JOIN sedi s ON s.id = c.sede_id WHERE d.data BETWEEN ? AND ? GROUP BY s.nome',
          )
          .all(DAL, AL) as { nome: string; n: number }[]
      ).map((r) => [r.nome, r.n]),
    );
    for (const r of table('sede', 'erogazioni').righe.slice(0, -1)) expect(r.celle.at(-1)!.valore, r.etichetta).toBe(bySede.get(r.etichetta) ?? 0);
  });

  it('small counts are marked hidden; hidden cells come in pairs on every line', () => {
    let hidden = 0;
    for (const s of report.sezioni) {
      for (const t of s.tabelle) {
        const grid = [...t.righe.map((r) => r.celle), t.totali];
        for (const line of grid) {
          for (const c of line) if (c.valore !== null && c.valore > 0 && c.valore < 5 && t.unita === 'conteggio') expect(c.nascosto).toBe(true);
          const k = line.filter((c) => c.nascosto).length;
          expect(k).not.toBe(1);
          hidden += k;
        }
        for (let j = 0; j < t.colonne.length; j++) expect(grid.filter((line) => line[j]!.nascosto).length).not.toBe(1);
      }
    }
    expect(hidden).toBeGreaterThan(0);
  });
});

describe('who sees what', () => {
  it('the administrator sees the same report with hidden figures withheld; other profiles are refused', async () => {
    const other = await call(admin, 'reports.quarter', PERIOD);
    expect(other.esatti).toBe(false);
    const cells = other.sezioni.flatMap((s) => s.tabelle.flatMap((t) => [...t.righe.flatMap((r) => r.celle), ...t.totali]));
    expect(cells.some((c) => c.nascosto)).toBe(true);
    for (const c of cells) if (c.nascosto) expect(c.valore).toBeNull();
    await createUser(admin, { username: 'as.report', fullName: 'Assistente Report', profile: 'assistente_sociale', password: 'Provvisoria-2026' });
    const { conn: as } = await loginAs(core, 'as.report', 'Provvisoria-2026');
    const refused = await callError(as, 'reports.quarter', PERIOD);
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/consultare i report/);
  });

  it('the CSV carries no hidden figure, only "< 5", with BOM, semicolons and Italian headings; exports and views are audited', async () => {
    const meta = await call(coord, 'reports.export', { ...PERIOD, formato: 'csv' });
    expect(meta.nome).toBe('report-2026-T4.csv');
    const text = (await receiveDownload(coord, meta.downloadId)).toString('utf8');
    expect(text.startsWith('\uFEFFRaggruppamento;Indicatore;Gruppo;Periodo o voce;Valore;Nascosto\r\n')).toBe(true);
    const lines = text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';'));
    const hiddenLines = lines.filter((l) => l[5] === '< 5');
    expect(hiddenLines.length).toBeGreaterThan(0);
    for (const l of hiddenLines) expect(l[4]).toBe('');
    for (const l of lines)
      if (l[5] === '' && l[1] !== 'Interventi: importi erogati (€)') expect(Number(l[4]!.replace(/\./g, '')) === 0 || Number(l[4]!.replace(/\./g, '')) >= 5).toBe(true);
    // The same figure as on screen, for a visible one.
    const nuove = table('sede', 'nuove');
    const shown = nuove.totali.at(-1)!;
    const line = lines.find((l) => l[0] === 'Per sede' && l[1] === 'Nuove cartelle' && l[2] === 'Totale' && l[3] === 'Trimestre')!;
    expect(line[4]).toBe(shown.nascosto ? '' : new Intl.NumberFormat('it-IT').format(shown.valore!));
    const xlsx = await call(coord, 'reports.export', { ...PERIOD, formato: 'xlsx' });
    expect(xlsx.nome).toBe('report-2026-T4.xlsx');
    expect((await receiveDownload(coord, xlsx.downloadId)).subarray(0, 2).toString('latin1')).toBe('PK');
    const audited = db.prepare(`SELECT action, detail FROM admin_log WHERE action LIKE 'reports.%' ORDER BY rowid`).all() as { action: string; detail: string }[];
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['reports.quarter', 'reports.export']));
    expect(audited.find((a) => a.action === 'reports.export')!.detail).toMatch(/CSV/);
  });
});

describe('reports.print', () => {
  it('is an A4 PDF whose text has «< 5» and never the exact figure of a hidden cell', async () => {
    const meta = await call(coord, 'reports.print', PERIOD);
    expect(meta.nome).toBe('report-2026-T4.pdf');
    const file = path.join(tempDir('udc-report-pdf-'), meta.nome);
    fs.writeFileSync(file, await receiveDownload(coord, meta.downloadId));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:.*pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Report del 4º trimestre 2026');
    expect(text).toContain('< 5');
    expect(text).not.toMatch(/< 5 \(/);
  }, 120_000);
});

describe('the threshold (zone setting)', () => {
  it('is 5 by default, never below 3, and a higher one hides more', async () => {
    expect(await call(coord, 'reports.settings', {})).toEqual({ soglia: 5, minima: 3, massima: 20 });
    const low = await callError(coord, 'reports.saveSoglia', { soglia: 2 });
    expect(low.code).toBe('VALIDATION');
    expect(low.message).toMatch(/inferiore a 3/);
    const countHidden = (r: OutputOf<'reports.quarter'>) =>
      r.sezioni.flatMap((s) => s.tabelle.flatMap((t) => [...t.righe.flatMap((x) => x.celle), ...t.totali])).filter((c) => c.nascosto).length;
    const before = countHidden(report);
    await call(admin, 'reports.saveSoglia', { soglia: 10 });
    const after = await call(coord, 'reports.quarter', PERIOD);
    expect(after.soglia).toBe(10);
    expect(countHidden(after)).toBeGreaterThan(before);
    // The migration's own check: the column refuses a value below 3 even written directly.
    const column = (db.pragma('table_info(zone)') as { name: string; dflt_value: unknown }[]).find((c) => c.name === 'report_soglia');
    expect(column?.dflt_value).toBe('5');
    await call(admin, 'reports.saveSoglia', { soglia: 5 });
  });
});
