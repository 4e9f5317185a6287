import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { todayInRome } from '../../../shared/domain/dates';
import { ZONA_SOCIALE_11 } from '../../../shared/domain/zone-seed';
import { createCore } from '../app';
import { seedCommand } from '../cli/seed-command';
import { DataDir } from '../data-dir';
import { commitRestore } from '../services/backup/commit-restore';
import { createBackup } from '../services/backup/create-backup';
import { stageRestore } from '../services/backup/stage-restore';
import { KeyRing } from '../services/auth/key-ring';
import { Store } from '../store';
import { round, type Metric } from './metrics';

/** A cheap scrypt for the bench's own account: the restore's timing is the backup's, not the KDF's. */
const BENCH_KDF = { N: 2 ** 10, r: 8, p: 1 };
const USER = { username: 'bench.admin', fullName: 'Bench', password: 'Bench-Backup-2026' };

/**
 * A backup (VACUUM INTO, digests of every table, attachments, manifest) and a verified restore
 * (file hashes, integrity_check, digests, both chains) of a zone seeded with `persons` people.
 */
export async function backupBench(options: { persons: number; log: (line: string) => void }): Promise<Metric[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-bench-backup-'));
  try {
    const root = path.join(work, 'dati');
    const core = createCore({ dataDir: root, workstation: 'bench', passwordKdf: BENCH_KDF });
    const conn = core.connect('cli');
    const z = ZONA_SOCIALE_11;
    const setup = await conn.call('setup.init', {
      zone: { nome: z.nome, ente: z.ente, comuni: z.comuni, sedi: z.sedi.map((s) => ({ ...s, rooms: [...s.rooms] })), letterhead: z.letterhead },
      admin: USER,
    });
    if (!setup.ok) throw new Error(setup.error.message);
    conn.close();
    core.close();
    const passwordFile = path.join(work, 'pw.txt');
    fs.writeFileSync(passwordFile, USER.password);
    options.log(`backup: dati dimostrativi per ${options.persons} persone…`);
    await seedCommand(['--data-dir', root, '--user', USER.username, '--password-file', passwordFile, '--persons', String(options.persons)], {
      openCore: (o) => createCore({ ...o, workstation: 'bench', passwordKdf: BENCH_KDF }),
      today: () => todayInRome(),
      out: { write: () => true },
    });
    const dir = new DataDir(root);
    const unlocked = await new KeyRing(dir, BENCH_KDF).unlockWithPassword(USER.username, USER.password);
    if (!unlocked) throw new Error('bench: password');
    const store = Store.open(dir.dbFile, unlocked.key);
    let backupMs: number;
    let made;
    try {
      const t0 = performance.now();
      made = await createBackup({ store, key: unlocked.key, dir }, path.join(work, 'backup'), new Date());
      backupMs = performance.now() - t0;
    } finally {
      store.close();
      unlocked.key.fill(0);
    }
    const target = path.join(work, 'ripristino');
    fs.mkdirSync(target);
    const t1 = performance.now();
    const staged = await stageRestore(made.path, target, { kind: 'password', username: USER.username, password: USER.password }, { workstation: 'bench' });
    commitRestore(target, staged);
    staged.key.fill(0);
    const restoreMs = performance.now() - t1;
    const detail = { persons: options.persons, megabytes: round(made.sizeBytes / (1024 * 1024), 1), tables: made.tables };
    return [
      { name: 'backup_ms', value: round(backupMs, 0), unit: 'ms', target: 30_000, detail },
      { name: 'restore_verified_ms', value: round(restoreMs, 0), unit: 'ms', target: 30_000, detail },
    ];
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
