import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { inspectDatabase } from '../support/core-harness';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/core/cli.cjs');

async function udc(args: string[]): Promise<{ code: number; out: string; stdout: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT });
    return { code: 0, out: stdout + stderr, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr, stdout: e.stdout };
  }
}

describe('backup and restore from the command line (the npm `bin`)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-cli-backup-'));
  const dataDir = path.join(work, 'dati');
  const passwordFile = path.join(work, 'pw.txt');
  fs.writeFileSync(passwordFile, 'Amministratore-2026\n', { mode: 0o600 });
  let backupPath = '';

  it('backup prints the path of a backup named only by date and time', { timeout: 60_000 }, async () => {
    expect(
      (await udc(['init', '--data-dir', dataDir, '--admin-user', 'admin', '--admin-password-file', passwordFile, '--recovery-key-file', path.join(work, 'recupero.txt')])).code,
    ).toBe(0);
    const result = await udc(['backup', '--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile, '--to', path.join(work, 'backup')]);
    expect(result.code, result.out).toBe(0);
    // Only the path on stdout (the progress goes to stderr): a script can take it as it is.
    backupPath = result.stdout.replace(/\n$/, '');
    expect(backupPath).not.toContain('\n');
    expect(path.dirname(backupPath)).toBe(path.join(work, 'backup'));
    expect(path.basename(backupPath)).toMatch(/^udc-backup-\d{8}-\d{6}$/);
    expect(fs.readdirSync(backupPath).sort()).toEqual(['archivio.db', 'chiavi.json', 'manifest.json']);
  });

  it('restore asks nothing with the password file, refuses a non-empty target, and the copy opens', { timeout: 60_000 }, async () => {
    const target = path.join(work, 'ripristinata');
    const result = await udc(['restore', '--data-dir', target, '--from', backupPath, '--password-file', passwordFile]);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/ripristinato in/);
    const db = await inspectDatabase(target, 'admin', 'Amministratore-2026');
    expect(db.prepare(`SELECT count(*) AS n FROM admin_log WHERE action = 'backup.restore'`).get()).toEqual({ n: 1 });
    db.close();
    const again = await udc(['restore', '--data-dir', dataDir, '--from', backupPath, '--password-file', passwordFile]);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/Errore: La cartella di destinazione non è vuota/);
  });
});
