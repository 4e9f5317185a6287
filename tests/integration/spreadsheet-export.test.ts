import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv, toXlsx, type Sheet } from '../../electron/core/files/spreadsheet';

const SHEET: Sheet = {
  name: 'Pagamenti 2027-02',
  columns: [
    { header: 'Beneficiario', kind: 'text' },
    { header: 'IBAN', kind: 'text' },
    { header: 'Importo (€)', kind: 'euro' },
    { header: 'Ore svolte', kind: 'number' },
    { header: 'Dal', kind: 'date' },
  ],
  rows: [
    ['Nicolò D’Àngelo', 'IT60X0542811101000000123456', 123_456, 62.5, '2027-02-01'],
    ['=HYPERLINK("x")', 'nota; con "virgolette"', 45_000, 80, null],
  ],
};

/** Python's zipfile is an independent reader: it checks every CRC and returns the sheet's XML. */
function readWithPython(file: string, member: string): string {
  const script = 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nbad = z.testzip()\nassert bad is None, bad\nsys.stdout.write(z.read(sys.argv[2]).decode("utf-8"))';
  return execFileSync('python3', ['-c', script, file, member], { encoding: 'utf8' });
}

describe('payment-list exports', () => {
  it('CSV: UTF-8 with BOM, semicolons, Italian decimals and dates, formulas defused, quoting where needed', () => {
    const text = toCsv(SHEET).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Beneficiario;IBAN;Importo (€);Ore svolte;Dal',
      'Nicolò D’Àngelo;IT60X0542811101000000123456;1.234,56;62,5;01/02/2027',
      `"'=HYPERLINK(""x"")";"nota; con ""virgolette""";450,00;80;`,
      '',
    ]);
  });
  it('XLSX: a valid zip whose sheet has typed cells (euro as numbers, dates as serials) and accented text', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-xlsx-'));
    const file = path.join(dir, 'pagamenti.xlsx');
    fs.writeFileSync(file, toXlsx(SHEET));
    const sheet = readWithPython(file, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">Nicolò D’Àngelo</t></is></c>');
    expect(sheet).toContain('<c r="C2" s="2"><v>1234.56</v></c>');
    expect(sheet).toContain('<c r="D2" s="4"><v>62.5</v></c>');
    // 1 February 2027 is day 46419 counting from 30 December 1899, as spreadsheets do.
    expect(sheet).toContain('<c r="E2" s="3"><v>46419</v></c>');
    expect(sheet).toContain('=HYPERLINK(&quot;x&quot;)');
    expect(sheet).not.toContain('<f>');
    expect(readWithPython(file, 'xl/workbook.xml')).toContain('<sheet name="Pagamenti 2027-02"');
    expect(readWithPython(file, 'xl/styles.xml')).toContain('formatCode="dd/mm/yyyy"');
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('the same data gives the same bytes', () => {
    expect(toXlsx(SHEET).equals(toXlsx(SHEET))).toBe(true);
  });
});
