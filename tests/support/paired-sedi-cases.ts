import fs from 'node:fs';
import path from 'node:path';
import type { Connection, Core } from '../../electron/core/app';
import { syncCommand } from '../../electron/core/cli/sync-command';
import { ADMIN, call, createUser, loginAs, setUpZone, TEST_KDF, tempDir, testCore } from './core-harness';
import { personWithCf, sedeId, TODAY } from './cartella-fixtures';

const PASSPHRASE = 'ponte lucido arancia treno';

export interface PairedSede {
  core: Core;
  admin: Connection;
  /** The assistente sociale who opened the case files (the same account at both sedi). */
  as: Connection;
  dataDir: string;
}

const silent = { write: () => undefined };

/**
 * Narni (the zone's first node) with `cases` case files, each of its own person, and Amelia joined
 * from a pairing file the usual way (the CLI's `sync join`), both on one shared folder. Every core
 * opened is pushed to `cores` for the caller to close.
 */
export async function pairedSedi(cores: Core[], cases: number): Promise<{ narni: PairedSede; amelia: PairedSede; share: string; caseIds: string[]; personIds: string[] }> {
  const share = tempDir('udc-share-');
  const narni = await setUpZone();
  cores.push(narni.core);
  await call(narni.admin, 'sync.enable', { label: 'Narni – PC segreteria' });
  await call(narni.admin, 'sync.setFolder', { folder: share, intervalMin: 5 });
  await createUser(narni.admin, { username: 'l.neri', fullName: 'Lucia Neri', profile: 'assistente_sociale', password: 'Provvisoria-2026' });
  const as = await loginAs(narni.core, 'l.neri', 'Provvisoria-2026');
  const sede = await sedeId(as.conn, 'Amelia');
  const caseIds: string[] = [];
  const personIds: string[] = [];
  for (let i = 0; i < cases; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const p = await call(as.conn, 'persons.create', personWithCf({ cognome: 'Colò', nome: 'Nicolò', dataNascita: `${1950 + Math.floor(i / 28)}-03-${day}` }));
    personIds.push(p.person.id);
    caseIds.push((await call(as.conn, 'cases.open', { personId: p.person.id, sedeId: sede, area: 'poverta', problematiche: [], apertaIl: TODAY })).caseId);
  }
  await call(narni.admin, 'sync.runNow', {});
  const usb = tempDir('udc-usb-');
  const secrets = tempDir('udc-sync-secrets-');
  fs.writeFileSync(path.join(secrets, 'password.txt'), `${ADMIN.password}\n`);
  fs.writeFileSync(path.join(secrets, 'frase.txt'), `${PASSPHRASE}\n`);
  const cli = narni.core.connect('cli');
  await call(cli, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const actor = narni.core.cliWork(cli, 'sync.manage').actor;
  // A cheap scrypt for the pairing file: the pairing itself is sync-pairing.test.ts's subject.
  const made = await narni.core.sync.createPairingFile(
    actor,
    { label: 'Amelia – PC segreteria', passphrase: PASSPHRASE, outFile: path.join(usb, 'abbinamento.udcp') },
    undefined,
    TEST_KDF,
  );
  const ameliaDir = path.join(tempDir('udc-amelia-'), 'dati');
  const args = ['join', '--data-dir', ameliaDir, '--from', made.file, '--passphrase-file', path.join(secrets, 'frase.txt'), '--folder', share];
  const code = await syncCommand([...args, '--user', ADMIN.username, '--password-file', path.join(secrets, 'password.txt')], {
    out: silent,
    progress: silent,
    openCore: (o) => testCore(o.dataDir),
    workstation: 'amelia-pc',
  });
  if (code !== 0) throw new Error(`sync join exited with ${code}`);
  const ameliaCore = testCore(ameliaDir);
  cores.push(ameliaCore);
  const ameliaAdmin = await loginAs(ameliaCore, ADMIN.username, ADMIN.password);
  const ameliaAs = await loginAs(ameliaCore, 'l.neri', as.password);
  return {
    narni: { core: narni.core, admin: narni.admin, as: as.conn, dataDir: narni.dataDir },
    amelia: { core: ameliaCore, admin: ameliaAdmin.conn, as: ameliaAs.conn, dataDir: ameliaDir },
    share,
    caseIds,
    personIds,
  };
}

/** Close and archive case files at one sede, as its assistente sociale does. */
export async function archiveCases(as: Connection, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await call(as, 'cases.setStatus', { id, stato: 'chiuso', data: TODAY, motivo: 'Obiettivi raggiunti' });
    await call(as, 'cases.archive', { id, archiviata: true });
  }
}
