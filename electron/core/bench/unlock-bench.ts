import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ZONA_SOCIALE_11 } from '../../../shared/domain/zone-seed';
import { createCore } from '../app';
import { call } from '../cli/session';
import { median, round, type Metric } from './metrics';

const PASSWORD = 'Prova-di-velocita-2026';

/** Login to usable session: key-file unwrap (production scrypt), database open, first read. */
export async function unlockBench(rounds: number): Promise<Metric[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-bench-unlock-'));
  const core = createCore({ dataDir, workstation: 'bench' });
  try {
    const setup = core.connect('cli');
    await call(setup, 'setup.init', {
      zone: { nome: ZONA_SOCIALE_11.nome, ente: ZONA_SOCIALE_11.ente, comuni: ZONA_SOCIALE_11.comuni, sedi: ZONA_SOCIALE_11.sedi, letterhead: ZONA_SOCIALE_11.letterhead },
      admin: { username: 'bench', fullName: 'Bench Admin', password: PASSWORD },
    });
    setup.close();
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const conn = core.connect('cli');
      const t0 = performance.now();
      await call(conn, 'auth.login', { username: 'bench', password: PASSWORD });
      await call(conn, 'zone.get', {});
      times.push(performance.now() - t0);
      conn.close();
    }
    return [{ name: 'unlock_ms', value: round(median(times), 1), unit: 'ms', target: 1500, detail: { rounds, min_ms: round(Math.min(...times), 1) } }];
  } finally {
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
