import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { exchangeToken, tokenOf } from '../support/browser-client';
import { inspectDatabase, loginAs, testCore } from '../support/core-harness';

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
      new RegExp(
        `Azioni amministrative: CATENA INTERROTTA alla registrazione n\\. ${n - 1}: mancano le registrazioni dalla n\\. ${n - 1} alla n\\. ${n} \\(tagliate dopo l'ancoraggio del `,
      ),
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
    const manifestFile = path.join(work, 'manifest.json');
    const result = await udc([
      'seed',
      '--data-dir',
      dataDir,
      '--user',
      'admin',
      '--password-file',
      passwordFile,
      '--persons',
      '2500',
      '--diary-per-case',
      '1',
      '--tirocini',
      '20',
      '--manifest',
      manifestFile,
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Creati gli utenti dimostrativi demo\.as\.narni/);
    // Output to a pipe: one line per step, with counts, nothing rewritten in place with \r.
    expect(result.out).not.toContain('\r');
    expect(result.out.match(/^Persone create: [\d.]+ di 2500 \(cartelle: [\d.]+\)$/gm)).toHaveLength(3);
    expect(result.out).toMatch(/^Agenda: [\d.]+ appuntamenti per 4 operatori/m);
    expect(result.out).toMatch(/^Registro SAL: 20 tirocini: \d+ in corso, \d+ conclusi, \d+ cessati;/m);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { counts: Record<string, number>; samples: { appointmentId: string | null } };
    const db = await inspectDatabase(dataDir, 'admin', 'Amministratore-2026');
    for (const table of ['persons', 'cases', 'appointments', 'appointment_operators', 'sal_tirocini', 'sal_presenze']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: manifest.counts[table] });
    }
    expect(manifest.counts.appointments).toBeGreaterThan(0);
    expect(db.prepare('SELECT tipo FROM appointments WHERE id = ?').get(manifest.samples.appointmentId)).toEqual({ tipo: 'colloquio' });
    db.close();
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

describe('sal payments from the npm `bin`', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-cli-sal-'));
  const dataDir = path.join(work, 'dati');
  const passwordFile = path.join(work, 'pw.txt');
  fs.writeFileSync(passwordFile, 'Amministratore-2026\n', { mode: 0o600 });
  const mediatoreFile = path.join(work, 'pw-sal.txt');
  const base = (user: string, file: string) => ['sal', 'payments', '--data-dir', dataDir, '--user', user, '--password-file', file];

  it('writes the month’s payment list of a seeded register for a mediatore, and refuses in Italian with exit codes 2 and 1', async () => {
    expect((await udc(['init', '--data-dir', dataDir, '--admin-user', 'admin', '--admin-password-file', passwordFile])).code).toBe(0);
    const manifestFile = path.join(work, 'manifest.json');
    const seeded = await udc([
      'seed',
      '--data-dir',
      dataDir,
      '--user',
      'admin',
      '--password-file',
      passwordFile,
      '--persons',
      '1500',
      '--tirocini',
      '15',
      '--manifest',
      manifestFile,
    ]);
    expect(seeded.code).toBe(0);
    const month = (JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { samples: { sal: { mesePagamenti: string } } }).samples.sal.mesePagamenti;
    // The demo mediatore's first access replaces the temporary password, as at the first screen.
    const core = testCore(dataDir);
    const { password } = await loginAs(core, 'demo.sal', 'Amministratore-2026');
    core.close();
    fs.writeFileSync(mediatoreFile, `${password}\n`, { mode: 0o600 });

    const out = path.join(work, 'pagamenti.csv');
    const ok = await udc([...base('demo.sal', mediatoreFile), '--month', month, '--out', out]);
    expect(ok).toEqual({ code: 0, out: `${out}\n` });
    const lines = fs.readFileSync(out, 'utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Beneficiario;Codice fiscale;IBAN;Azienda ospitante;Chi paga;Importo (€);Calcolo');
    expect(lines.filter((l) => /;IT\d{2}[A-Z]/.test(l)).length).toBeGreaterThan(3);

    const bad = await udc([...base('demo.sal', mediatoreFile), '--month', '2027/03', '--out', path.join(work, 'x.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/^--month: un mese nel formato AAAA-MM/);
    const ext = await udc([...base('demo.sal', mediatoreFile), '--month', month, '--out', path.join(work, 'x.ods')]);
    expect(ext.code).toBe(2);
    expect(ext.out).toMatch(/^--out: il file deve finire con \.csv oppure \.xlsx\./);
    const admin = await udc([...base('admin', passwordFile), '--month', month, '--out', path.join(work, 'x.csv')]);
    expect(admin.code).toBe(1);
    expect(admin.out.trim()).toBe('Errore: Il profilo «Amministratore» non consente di modificare il registro SAL. Il tentativo è stato registrato nel registro degli accessi.');
    const wrong = await udc([...base('demo.sal', passwordFile), '--month', month, '--out', path.join(work, 'x.csv')]);
    expect(wrong.code).toBe(1);
    expect(wrong.out.trim()).toBe('Errore: Nome utente o password non corretti.');
    expect(fs.existsSync(path.join(work, 'x.csv'))).toBe(false);
  });
});

/** Bounded wait on a condition; no fixed sleeps. */
async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Processes (by pid) that have this file open, from their /proc/<pid>/fd links. */
function holdersOf(file: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readdirSync(`/proc/${entry}/fd`).some((fd) => fs.readlinkSync(`/proc/${entry}/fd/${fd}`) === file)) pids.push(Number(entry));
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
  return pids;
}

/** Live (non-zombie) processes whose command line names this folder. */
function processesNaming(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dir)) pids.push(Number(entry));
    } catch {
      // Gone.
    }
  }
  return pids;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Start `serve`, wait for its URL line, and log in over its WebSocket so the archive is open. */
async function startServing(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number; ws: WebSocket; output: () => string }> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString('utf8')));
  await until('the server prints its address', () => /http:\/\/127\.0\.0\.1:\d+\/#t=/.test(output) || child.exitCode !== null);
  const url = new URL(/http:\/\/127\.0\.0\.1:\d+\/#t=[\w-]+/.exec(output)?.[0] ?? 'http://127.0.0.1:1/');
  // As the page does: the single-use token is exchanged for the session cookie, which opens the socket.
  const { cookie } = await exchangeToken(url.origin, tokenOf(url.href));
  const ws = new WebSocket(`ws://${url.host}/ws`, { headers: { Origin: url.origin, Cookie: cookie ?? '' } });
  const login = await new Promise<{ reply: { ok: boolean } }>((resolve, reject) => {
    ws.once('open', () => ws.send(JSON.stringify({ id: 1, channel: 'auth.login', payload: { username: 'admin', password: 'Amministratore-2026' } })));
    ws.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as { id?: number; reply: { ok: boolean } };
      if (message.id === 1) resolve(message);
    });
    ws.once('error', reject);
  });
  expect(login.reply.ok).toBe(true);
  return { child, port: Number(url.port), ws, output: () => output };
}

describe('serve stops cleanly on a signal and leaves nothing behind', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-serve-'));
  const passwordFile = path.join(work, 'pw.txt');
  fs.writeFileSync(passwordFile, 'Amministratore-2026\n', { mode: 0o600 });
  const freshZone = async (name: string) => {
    const dir = path.join(work, name);
    const init = await udc(['init', '--data-dir', dir, '--admin-user', 'admin', '--admin-password-file', passwordFile, '--recovery-key-file', path.join(work, `${name}.key`)]);
    expect(init.code).toBe(0);
    return dir;
  };
  const assertReleased = async (dataDir: string, port: number) => {
    const db = path.join(dataDir, 'archivio.db');
    await until('no process holds the archive open', () => holdersOf(db).length === 0);
    await until('the port refuses connections', async () => !(await accepts(port)));
    await until('no process is left running on the data folder', () => processesNaming(dataDir).length === 0);
    // core.close() ran: the WAL was folded into the archive.
    expect(fs.existsSync(`${db}-wal`)).toBe(false);
  };

  it('SIGTERM to `npm run cli -- serve` (as the README starts it) reaches the program, which closes and exits', async () => {
    const dataDir = await freshZone('npm');
    const { child, port, ws } = await startServing('npm', ['run', 'cli', '--', 'serve', '--data-dir', dataDir, '--port', '0', '--no-open'], process.env);
    const db = path.join(dataDir, 'archivio.db');
    expect(holdersOf(db).length).toBeGreaterThan(0);
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    child.kill('SIGTERM');
    try {
      await assertReleased(dataDir, port);
      await closed;
    } finally {
      // On failure, do not leave the orphaned server to the next test: only ours, by pid.
      for (const pid of processesNaming(dataDir)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s to `udc serve` logs the sessions out and exits 0', async (signal) => {
    const dataDir = await freshZone(signal.toLowerCase());
    const env = { ...process.env };
    delete env.npm_lifecycle_event;
    const { child, port, output } = await startServing(process.execPath, [CLI, 'serve', '--data-dir', dataDir, '--port', '0', '--no-open'], env);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    expect(await exited).toBe(0);
    expect(output()).toMatch(/Programma chiuso\./);
    await assertReleased(dataDir, port);
    const db = await inspectDatabase(dataDir, 'admin', 'Amministratore-2026');
    // The browser session was logged out on the way down (after its login, nothing left open).
    const sessions = db.prepare(`SELECT action, detail FROM admin_log WHERE action IN ('auth.login', 'auth.logout') ORDER BY seq`).all();
    expect(sessions.slice(-2)).toEqual([
      { action: 'auth.login', detail: null },
      { action: 'auth.logout', detail: 'Connessione chiusa' },
    ]);
    db.close();
  });
});
