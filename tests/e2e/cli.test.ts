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

async function udc(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe("the IT staff's command line (the npm `bin`)", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-cli-'));
  const dataDir = path.join(work, 'dati');
  const passwordFile = path.join(work, 'pw.txt');
  fs.writeFileSync(passwordFile, 'Amministratore-2026\n', { mode: 0o600 });

  it('init sets up a workstation non-interactively and writes the recovery key to a file', async () => {
    const keyFile = path.join(work, 'recupero.txt');
    const result = await udc(['init', '--data-dir', dataDir, '--admin-user', 'admin', '--admin-password-file', passwordFile, '--recovery-key-file', keyFile]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Zona configurata/);
    expect(fs.readFileSync(keyFile, 'utf8').trim()).toMatch(/^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/);
    expect(fs.existsSync(path.join(dataDir, 'archivio.db'))).toBe(true);
  });

  it('never takes a password on the command line, and says how to use it', async () => {
    const result = await udc(['audit', 'verify', '--data-dir', dataDir, '--user', 'admin', '--password', 'x']);
    expect(result.code).toBe(2);
    expect(result.out).toMatch(/Opzione sconosciuta: --password/);
    expect(result.out).toMatch(/--password-file/);
  });

  it('audit verify reports an intact chain, and the check itself is audited', async () => {
    const result = await udc(['audit', 'verify', '--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Azioni amministrative: catena integra/);
    const db = await inspectDatabase(dataDir, 'admin', 'Amministratore-2026');
    expect(db.prepare(`SELECT count(*) AS n FROM admin_log WHERE action = 'audit.verify' AND username = 'admin'`).get()).toEqual({ n: 1 });
    db.close();
  });

  it('audit verify names the rows cut after the last anchor and exits 1', async () => {
    const db = await inspectDatabase(dataDir, 'admin', 'Amministratore-2026');
    const { n } = db.prepare('SELECT max(seq) AS n FROM admin_log').get() as { n: number };
    db.exec('DROP TRIGGER admin_log_no_delete');
    db.prepare('DELETE FROM admin_log WHERE seq > ?').run(n - 2);
    db.exec(`CREATE TRIGGER admin_log_no_delete BEFORE DELETE ON admin_log BEGIN SELECT RAISE(ABORT, 'admin_log is append-only'); END`);
    db.close();
    const result = await udc(['audit', 'verify', '--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      new RegExp(`Azioni amministrative: CATENA INTERROTTA alla registrazione n\\. ${n - 1}: mancano le registrazioni dalla n\\. ${n - 1} alla n\\. ${n} \\(tagliate dopo l'ancoraggio del `),
    );
    expect(result.out).toMatch(/Accessi ai dati: catena integra, \d+ registrazioni verificate; coerente con l'ancoraggio esterno del /);
  });

  it('audit verify names the first altered row and exits 1', async () => {
    const db = await inspectDatabase(dataDir, 'admin', 'Amministratore-2026');
    db.exec('DROP TRIGGER admin_log_no_update');
    db.prepare(`UPDATE admin_log SET detail = 'riga manomessa' WHERE seq = 3`).run();
    db.close();
    const result = await udc(['audit', 'verify', '--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/CATENA INTERROTTA alla registrazione n\. 3: il contenuto è stato modificato/);
  });

  it('seed fills the zone with demo people and staff once, and refuses a second time', async () => {
    const result = await udc(['seed', '--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile, '--persons', '300']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Creati gli utenti dimostrativi demo\.as\.narni/);
    expect(result.out).toMatch(/Persone create: 300 di 300/);
    const again = await udc(['seed', '--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile, '--persons', '10']);
    expect(again.code).toBe(2);
    expect(again.out).toMatch(/contiene già delle persone/);
  });

  it('a wrong password is an Italian error, not a stack trace', async () => {
    const wrong = path.join(work, 'wrong.txt');
    fs.writeFileSync(wrong, 'Sbagliata-0000');
    const result = await udc(['audit', 'verify', '--data-dir', dataDir, '--user', 'admin', '--password-file', wrong]);
    expect(result.code).toBe(1);
    expect(result.out.trim()).toBe('Errore: Nome utente o password non corretti.');
  });
});
