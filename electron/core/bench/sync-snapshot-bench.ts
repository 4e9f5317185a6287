import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { todayInRome } from '../../../shared/domain/dates';
import { ZONA_SOCIALE_11 } from '../../../shared/domain/zone-seed';
import { createCore, type CoreOptions } from '../app';
import { seedCommand } from '../cli/seed-command';
import { syncCommand, type SyncCommandDeps } from '../cli/sync-command';
import { round, type Metric } from './metrics';

/** A cheap scrypt for the bench's own account: the join's timing is the snapshot's, not the password's. */
const BENCH_KDF = { N: 2 ** 10, r: 8, p: 1 };
const USER = { username: 'bench.admin', fullName: 'Bench', password: 'Bench-Snapshot-2026' };
const PASSPHRASE = 'ponte lucido arancia treno';

/**
 * A new workstation joins a zone of `persons` people from a snapshot, as the IT staff do it: on
 * the first node `sync pair` (its row in sync_nodes, a verified backup, the sealed pairing file),
 * on the new one `sync join` (pairing file opened, snapshot checked and restored, node bound),
 * then its first `sync` cycle, which catches up from the folder. Each step through the CLI.
 */
export async function syncSnapshotBench(options: { persons: number; log: (line: string) => void }): Promise<Metric[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-bench-snapshot-'));
  try {
    const narni = path.join(work, 'narni');
    const amelia = path.join(work, 'amelia');
    const share = path.join(work, 'condivisa');
    fs.mkdirSync(share);
    const openCore = (o: CoreOptions) => createCore({ ...o, workstation: 'bench', passwordKdf: BENCH_KDF });
    const core = openCore({ dataDir: narni });
    const conn = core.connect('cli');
    const z = ZONA_SOCIALE_11;
    const setup = await conn.call('setup.init', {
      zone: { nome: z.nome, ente: z.ente, comuni: z.comuni, sedi: z.sedi.map((s) => ({ ...s, rooms: [...s.rooms] })), letterhead: z.letterhead },
      admin: USER,
    });
    if (!setup.ok) throw new Error(setup.error.message);
    conn.close();
    core.close();
    const secrets = { password: path.join(work, 'pw.txt'), passphrase: path.join(work, 'frase.txt') };
    fs.writeFileSync(secrets.password, USER.password);
    fs.writeFileSync(secrets.passphrase, PASSPHRASE);
    const as = ['--user', USER.username, '--password-file', secrets.password];
    options.log(`abbinamento: dati dimostrativi per ${options.persons} persone…`);
    await seedCommand(['--data-dir', narni, ...as, '--persons', String(options.persons)], { openCore, today: () => todayInRome(), out: { write: () => true } });
    const out: string[] = [];
    const deps: SyncCommandDeps = { openCore, out: { write: (t) => out.push(t) }, progress: { write: () => true }, workstation: 'bench' };
    const step = async (args: string[]): Promise<number> => {
      const t = performance.now();
      if ((await syncCommand(args, deps)) !== 0) throw new Error(`bench: sync ${args[0]} ${out.join('')}`);
      return (performance.now() - t) / 1000;
    };
    await step(['enable', '--data-dir', narni, ...as, '--label', 'Narni', '--folder', share]);
    await step(['--data-dir', narni, ...as]);
    const pairingFile = path.join(work, 'abbinamento.udcp');
    const pair = await step(['pair', '--data-dir', narni, ...as, '--out', pairingFile, '--passphrase-file', secrets.passphrase, '--label', 'Amelia']);
    const join = await step(['join', '--data-dir', amelia, '--from', pairingFile, '--passphrase-file', secrets.passphrase, '--folder', share, ...as]);
    const first = await step(['--data-dir', amelia, ...as]);
    const snapshot = fs.readdirSync(work).find((f) => fs.statSync(path.join(work, f)).isDirectory() && f !== 'narni' && f !== 'amelia' && f !== 'condivisa');
    const megabytes = snapshot ? dirBytes(path.join(work, snapshot)) / (1024 * 1024) : 0;
    options.log(`abbinamento: ${options.persons} persone, copia dei dati di ${round(megabytes, 1)} MB`);
    return [
      {
        name: 'sync_snapshot_100k_s',
        value: round(pair + join + first, 1),
        unit: 's',
        target: 60,
        detail: { persons: options.persons, pair_s: round(pair, 1), join_s: round(join, 1), first_cycle_s: round(first, 1), megabytes: round(megabytes, 1) },
      },
    ];
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? dirBytes(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size;
  return n;
}
