import { execFile } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, call, inspectDatabase, tempDir } from '../support/core-harness';
import { lettersOffice } from '../support/letters-fixtures';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/core/cli.cjs');

async function udc(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

let dataDir: string;
let numero: string;
let caseId: string;
let personId: string;
const work = tempDir('udc-letter-cli-');
const passwordFile = path.join(work, 'pw.txt');

beforeAll(async () => {
  const o = await lettersOffice();
  dataDir = o.dataDir;
  caseId = o.full.caseId;
  personId = o.full.personId;
  numero = (await call(o.as, 'cases.get', { id: caseId })).numero;
  // The CLI opens the data folder on its own, as IT staff would on a closed program.
  o.core.close();
  fs.writeFileSync(passwordFile, 'Provvisoria-2026-nuova1\n', { mode: 0o600 });
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('npm run cli -- letter', () => {
  const login = () => ['--data-dir', dataDir, '--user', 'u.assistentesociale', '--password-file', passwordFile];

  it('--list names the templates', async () => {
    const result = await udc(['letter', ...login(), '--list']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/convocazione\s+Convocazione \(da: appuntamento\)/);
    expect(result.out).toMatch(/relazione_sociale .*riservato/);
  });

  it('prints a letter from a case number exactly as the program does: the PDF written, filed and audited', async () => {
    const out = path.join(work, 'presa-in-carico.pdf');
    const result = await udc(['letter', ...login(), '--template', 'presa_in_carico', '--case', numero, '--out', out]);
    expect(result.code, result.out).toBe(0);
    expect(result.out.trim()).toBe(out);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Nicolò D’Annunzio-Colò');
    expect(text).not.toMatch(/undefined|\{\{/);
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    try {
      expect(db.prepare(`SELECT count(*) AS n FROM documents WHERE case_id = ? AND template = 'presa_in_carico'`).get(caseId)).toEqual({ n: 1 });
      const audit = db.prepare(`SELECT username, workstation FROM audit_log WHERE action = 'letters.issue' AND subject_id = ?`).all(personId) as { username: string }[];
      expect(audit.map((a) => a.username)).toEqual(['u.assistentesociale']);
    } finally {
      db.close();
    }
  });

  it('refuses, in Italian, what the program refuses: an unknown template, a missing field', async () => {
    expect((await udc(['letter', ...login(), '--template', 'nessuno', '--case', numero, '--out', path.join(work, 'x.pdf')])).out).toMatch(/Modello sconosciuto/);
    const refused = await udc(['letter', ...login(), '--template', 'chiusura', '--case', numero, '--out', path.join(work, 'y.pdf')]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/Data di chiusura/);
    expect(fs.existsSync(path.join(work, 'y.pdf'))).toBe(false);
  });
});
