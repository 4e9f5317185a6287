import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../electron/core/cli/args';
import { salPaymentsCommand } from '../../electron/core/cli/sal-command';
import { CliError } from '../../electron/core/cli/session';
import { ADMIN, call, inspectDatabase, tempDir, testCore } from '../support/core-harness';
import { office, withHost } from '../support/sal-fixtures';

const MONTHS = ['2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07'];

describe('SAL payment list', () => {
  it('sums each month’s presenze in one query and agrees, month by month, with the indennità of the tirocinio’s own grid', async () => {
    const o = await office();
    const h = await withHost(o);
    // Starts mid-February (first month pro rata), 2 June is a holiday.
    const { id } = await call(o.sal, 'salTirocini.save', { id: null, fields: h.tirocinio({ inizio: '2027-02-10', fine: '2027-07-31' }) });
    for (const month of MONTHS) {
      const { grid } = await call(o.sal, 'salPresenze.month', { tirocinioId: id, month });
      const presenze = grid.filter((d) => d.kind === 'previsto').map((d, i) => ({ date: d.date, ore: i % 5 === 4 ? 0 : 4, assenza: i % 5 === 4 ? 'malattia' : '' }));
      await call(o.sal, 'salPresenze.save', { tirocinioId: id, month, presenze });
    }
    // Hours already entered in April and May fall in a sospensione recorded afterwards, and
    // those of late July after a cessazione: they must stop counting in both computations.
    await call(o.sal, 'salTirocini.sospendi', { id, sospensione: { dal: '2027-04-12', al: '2027-05-20', motivo: 'malattia' } });
    await call(o.sal, 'salTirocini.cessa', { id, data: '2027-07-16', motivo: 'Trasferimento della famiglia' });

    const seen: number[] = [];
    for (const month of MONTHS) {
      const own = (await call(o.sal, 'salPresenze.month', { tirocinioId: id, month })).indennita;
      const list = await call(o.sal, 'salPagamenti.month', { month });
      const row = list.rows.find((r) => r.tirocinioId === id);
      expect(row, month).toBeDefined();
      expect({ importo: row!.importoCents, spiegazione: row!.spiegazione, inserite: row!.presenzeInserite }, month).toEqual({
        importo: own.importoCents,
        spiegazione: own.spiegazione,
        inserite: true,
      });
      expect(list.totaleCents).toBe(own.importoCents);
      seen.push(own.importoCents);
    }
    // The cases are really different: a partial first month, a suspended stretch, a cut last month.
    expect(new Set(seen).size).toBeGreaterThanOrEqual(4);
    const april = (await call(o.sal, 'salPresenze.month', { tirocinioId: id, month: '2027-04' })).indennita;
    expect(april.previste).toBeLessThan(april.previsteMeseIntero);
    // A month the tirocinio no longer reaches has no row.
    expect((await call(o.sal, 'salPagamenti.month', { month: '2027-10' })).rows).toEqual([]);
  });
});

describe('npm run cli -- sal payments', () => {
  /** A mediatore's month of presenze entered in the app, then the app closed: the IT staff's turn. */
  async function februaryEntered() {
    const o = await office();
    const h = await withHost(o);
    const { id } = await call(o.sal, 'salTirocini.save', { id: null, fields: h.tirocinio() });
    const { grid } = await call(o.sal, 'salPresenze.month', { tirocinioId: id, month: '2027-02' });
    await call(o.sal, 'salPresenze.save', {
      tirocinioId: id,
      month: '2027-02',
      presenze: grid.filter((d) => d.kind === 'previsto').map((d) => ({ date: d.date, ore: 4, assenza: '' })),
    });
    o.core.close();
    const work = tempDir('udc-sal-cli-');
    const passwordFile = path.join(work, 'pw.txt');
    // staff() logged each user in once, changing the temporary password as the first screen asks.
    fs.writeFileSync(passwordFile, 'Provvisoria-2026-nuova1\n');
    const run = async (...extra: string[]) => {
      const out: string[] = [];
      const code = await salPaymentsCommand(['--data-dir', o.dataDir, '--user', o.team.mediatore_sal.username, '--password-file', passwordFile, ...extra], {
        openCore: (opts) => testCore(opts.dataDir),
        out: { write: (t: string) => out.push(t) },
      });
      return { code, out: out.join('') };
    };
    return { ...o, work, passwordFile, run };
  }

  const auditOf = async (dataDir: string) => {
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    const rows = db.prepare(`SELECT subject_type AS subject, detail FROM audit_log WHERE action = 'salPagamenti.month' ORDER BY seq`).all() as {
      subject: string;
      detail: string;
    }[];
    db.close();
    return rows;
  };

  it('writes the month’s list as CSV and XLSX, prints the path, and audits it as the app does', async () => {
    const s = await februaryEntered();
    const csvFile = path.join(s.work, 'febbraio.csv');
    expect(await s.run('--month', '2027-02', '--out', csvFile)).toEqual({ code: 0, out: `${csvFile}\n` });
    const csv = fs.readFileSync(csvFile, 'utf8');
    expect(csv.slice(1).split('\r\n').slice(0, 3)).toEqual([
      'Beneficiario;Codice fiscale;IBAN;Azienda ospitante;Chi paga;Importo (€);Calcolo',
      expect.stringMatching(
        /^Fabbri Lucia;[A-Z0-9]{16};IT60X0542811101000000123456;Cooperativa Il Ponte;Comune di Narni \(Zona Sociale 11\);450,00;ore previste 80, svolte 80 = 100% ≥ 70%: indennità piena 450,00/,
      ),
      'Totale;;;;;450,00;',
    ]);
    expect(fs.statSync(csvFile).mode & 0o077).toBe(0);

    const xlsxFile = path.join(s.work, 'febbraio.XLSX');
    expect((await s.run('--month', '2027-02', '--out', xlsxFile)).code).toBe(0);
    const script = 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nsys.stdout.write(z.read("xl/worksheets/sheet1.xml").decode("utf-8"))';
    const sheet = execFileSync('python3', ['-c', script, xlsxFile], { encoding: 'utf8' });
    expect(sheet).toContain('Fabbri Lucia');
    expect(sheet).toContain('<v>450</v>');

    // Each run: the list, and the read of the person's IBAN.
    const audit = await auditOf(s.dataDir);
    expect(audit.map((r) => r.subject)).toEqual(['registro_sal', 'persona', 'registro_sal', 'persona']);
    expect(audit[0]!.detail).toBe('Elenco pagamenti di 2027-02: 1 tirocini');
  });

  it('refuses a bad month, an unknown extension, a missing folder and a wrong password in Italian, writing nothing', async () => {
    const s = await februaryEntered();
    const csvFile = path.join(s.work, 'out.csv');
    await expect(s.run('--month', '2027-13', '--out', csvFile)).rejects.toThrow(new UsageError('--month: un mese nel formato AAAA-MM, per esempio 2027-03 (non «2027-13»).'));
    await expect(s.run('--month', '02/2027', '--out', csvFile)).rejects.toBeInstanceOf(UsageError);
    await expect(s.run('--month', '2027-02', '--out', path.join(s.work, 'out.pdf'))).rejects.toThrow('--out: il file deve finire con .csv oppure .xlsx.');
    await expect(s.run('--month', '2027-02', '--out', path.join(s.work, 'manca', 'out.csv'))).rejects.toThrow(CliError);
    fs.writeFileSync(s.passwordFile, 'Sbagliata-2026-xyz\n');
    const wrong = s.run('--month', '2027-02', '--out', csvFile);
    await expect(wrong).rejects.toBeInstanceOf(CliError);
    await expect(wrong).rejects.toThrow(/password/i);
    expect(fs.readdirSync(s.work).sort()).toEqual(['pw.txt']);
    expect(await auditOf(s.dataDir)).toEqual([]);
  });
});
