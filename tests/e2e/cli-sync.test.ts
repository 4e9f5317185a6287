import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

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

describe('sincronizzazione dalla riga di comando (il `bin` npm)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-cli-sync-'));
  const narni = path.join(work, 'narni');
  const amelia = path.join(work, 'amelia');
  const share = path.join(work, 'condivisa');
  const usb = path.join(work, 'chiavetta');
  fs.mkdirSync(share);
  fs.mkdirSync(usb);
  const passwordFile = path.join(work, 'pw.txt');
  const passphraseFile = path.join(work, 'frase.txt');
  const wrongPassphrase = path.join(work, 'frase-sbagliata.txt');
  fs.writeFileSync(passwordFile, 'Amministratore-2026\n', { mode: 0o600 });
  fs.writeFileSync(passphraseFile, 'ponte lucido arancia treno\n', { mode: 0o600 });
  fs.writeFileSync(wrongPassphrase, 'ponte lucido arancia tram\n', { mode: 0o600 });
  const as = (dir: string) => ['--data-dir', dir, '--user', 'admin', '--password-file', passwordFile];
  const pairing = path.join(usb, 'amelia.udcp');
  let fingerprint = '';

  it('enable, seed, pair: the pairing file and its snapshot, the fingerprint printed', { timeout: 300_000 }, async () => {
    expect((await udc(['init', '--data-dir', narni, '--admin-user', 'admin', '--admin-password-file', passwordFile, '--recovery-key-file', path.join(work, 'rec.txt')])).code).toBe(
      0,
    );
    const enabled = await udc(['sync', 'enable', ...as(narni), '--label', 'Narni – PC segreteria', '--folder', share]);
    expect(enabled.code, enabled.out).toBe(0);
    expect((await udc(['seed', ...as(narni), '--persons', '30', '--seed', '3'])).code).toBe(0);
    const first = await udc(['sync', ...as(narni)]);
    expect(first.code, first.out).toBe(0);
    expect(first.stdout).toMatch(/^inviate [1-9]\d* ricevuti 0 applicate 0 rifiutati 0\n$/);
    const paired = await udc(['sync', 'pair', ...as(narni), '--out', pairing, '--passphrase-file', passphraseFile, '--label', 'Amelia – PC segreteria']);
    expect(paired.code, paired.out).toBe(0);
    fingerprint = /Impronta da confrontare al telefono: (\d{4}(?: \d{4}){5})/.exec(paired.stdout)?.[1] ?? '';
    expect(fingerprint).not.toBe('');
    expect(fs.existsSync(pairing)).toBe(true);
  });

  it('join refuses the wrong passphrase (exit 1), then joins with the same fingerprint; stats are equal after a cycle each way', { timeout: 300_000 }, async () => {
    const wrong = await udc([
      'sync',
      'join',
      '--data-dir',
      amelia,
      '--from',
      pairing,
      '--passphrase-file',
      wrongPassphrase,
      '--folder',
      share,
      '--user',
      'admin',
      '--password-file',
      passwordFile,
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/La frase segreta non apre questo file di abbinamento/);
    expect(fs.existsSync(amelia)).toBe(false);
    const joined = await udc([
      'sync',
      'join',
      '--data-dir',
      amelia,
      '--from',
      pairing,
      '--passphrase-file',
      passphraseFile,
      '--folder',
      share,
      '--user',
      'admin',
      '--password-file',
      passwordFile,
    ]);
    expect(joined.code, joined.out).toBe(0);
    expect(joined.stdout).toContain(fingerprint);
    // Used once: a second workstation cannot take the same identity once the first has written.
    const again = await udc([
      'sync',
      'join',
      '--data-dir',
      path.join(work, 'terza'),
      '--from',
      pairing,
      '--passphrase-file',
      passphraseFile,
      '--folder',
      share,
      '--user',
      'admin',
      '--password-file',
      passwordFile,
    ]);
    expect(again.code, again.out).toBe(1);
    expect(again.out).toMatch(/già stato usato/);
    expect((await udc(['sync', ...as(narni)])).code).toBe(0);
    expect((await udc(['sync', ...as(amelia)])).code).toBe(0);
    const [a, b] = await Promise.all([udc(['stats', ...as(narni), '--json']), udc(['stats', ...as(amelia), '--json'])]);
    expect(a.code, a.out).toBe(0);
    const sa = JSON.parse(a.stdout) as { tables: Record<string, number>; hash: string };
    const sb = JSON.parse(b.stdout) as { tables: Record<string, number>; hash: string };
    expect(sa.tables['persons']).toBeGreaterThanOrEqual(30);
    expect(sb).toEqual(sa);
  });

  it('usage errors exit 2', async () => {
    const r = await udc(['sync', 'pair', ...as(narni)]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/Opzione obbligatoria mancante: --out/);
  });
});
