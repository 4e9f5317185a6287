import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Connection, Core } from '../../electron/core/app';
import { syncCommand, type SyncCommandDeps } from '../../electron/core/cli/sync-command';
import { ADMIN, call, loginAs, setUpZone, tempDir, testCore } from './core-harness';

export const PASSPHRASE = 'ponte lucido arancia treno';

export interface Collector {
  lines: string[];
  text: () => string;
  out: { write: (t: string) => void };
}

export const collector = (): Collector => {
  const lines: string[] = [];
  return { lines, text: () => lines.join(''), out: { write: (t: string) => lines.push(t) } };
};

/** The CLI's dependencies with a fast-KDF core; `out` collects what the command prints. */
export function cliDeps(out = collector(), err = collector()): SyncCommandDeps {
  return { out: out.out, progress: err.out, openCore: (o) => testCore(o.dataDir), workstation: 'test' };
}

export interface PairedSedi {
  share: string;
  narni: { core: Core; admin: Connection; dataDir: string };
  ameliaDir: string;
  /** Amelia's node id (as the pairing named it). */
  ameliaNode: string;
  /** Password files for the administrator and the pairing passphrase. */
  secrets: { dir: string; passwordFile: string; passphraseFile: string };
  /** Open Amelia's folder in a core of its own, logged in as the administrator. */
  openAmelia(): Promise<{ core: Core; admin: Connection }>;
  close(): void;
}

/**
 * Narni (the zone's first node, sync on) and Amelia joined from a pairing file through the CLI,
 * as the IT staff installs the second workstation: both share the database key from then on.
 * `before` runs at Narni ahead of the pairing (accounts that come with the snapshot).
 */
export async function pairedSedi(before: (narni: { core: Core; admin: Connection }) => Promise<void> = async () => undefined): Promise<PairedSedi> {
  const cores: Core[] = [];
  const share = tempDir('udc-share-');
  const secrets = { dir: tempDir('udc-sync-secrets-'), passwordFile: '', passphraseFile: '' };
  secrets.passwordFile = path.join(secrets.dir, 'password.txt');
  secrets.passphraseFile = path.join(secrets.dir, 'frase.txt');
  fs.writeFileSync(secrets.passwordFile, `${ADMIN.password}\n`);
  fs.writeFileSync(secrets.passphraseFile, `${PASSPHRASE}\n`);
  const narni = await setUpZone();
  cores.push(narni.core);
  await call(narni.admin, 'sync.enable', { label: 'Narni – PC segreteria' });
  await call(narni.admin, 'sync.setFolder', { folder: share, intervalMin: 5 });
  await before(narni);
  await call(narni.admin, 'sync.runNow', {});
  const made = await call(narni.admin, 'sync.createPairing', { label: 'Amelia – PC segreteria', passphrase: PASSPHRASE, folder: tempDir('udc-usb-') });
  const ameliaDir = path.join(tempDir('udc-amelia-'), 'dati');
  const code = await syncCommand(
    [
      'join',
      '--data-dir',
      ameliaDir,
      '--from',
      made.file,
      '--passphrase-file',
      secrets.passphraseFile,
      '--folder',
      share,
      '--user',
      ADMIN.username,
      '--password-file',
      secrets.passwordFile,
    ],
    cliDeps(),
  );
  expect(code).toBe(0);
  return {
    share,
    narni,
    ameliaDir,
    ameliaNode: made.node,
    secrets,
    async openAmelia() {
      const core = testCore(ameliaDir);
      cores.push(core);
      const { conn } = await loginAs(core, ADMIN.username, ADMIN.password);
      return { core, admin: conn };
    },
    close() {
      for (const c of cores.splice(0)) c.close();
    },
  };
}
