import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, call, inspectDatabase, setUpZone, tempDir } from '../support/core-harness';

describe('idle lock is a timer in the core', () => {
  it('with a 1-minute limit the database closes after it, without any further call', async () => {
    let clock = Date.now();
    let tick = () => {};
    let stopped = false;
    const { core, admin, dataDir } = await setUpZone(tempDir(), () => clock, {
      idleTimer: (t) => {
        tick = t;
        return () => (stopped = true);
      },
    });
    await call(admin, 'zone.update', {
      nome: 'Zona Sociale 11',
      ente: 'Comune di Narni',
      idleTimeoutMin: 1,
      letterhead: { intestazione: 'Zona Sociale 11', sottotitolo: '', indirizzo: '', contatti: '' },
    });
    const wal = path.join(dataDir, 'archivio.db-wal');
    expect(fs.existsSync(wal)).toBe(true);
    clock += 59_000;
    tick();
    expect(fs.existsSync(wal)).toBe(true);
    clock += 16_000;
    tick();
    // Closing the last connection folds the WAL in and removes it: the database is closed.
    expect(fs.existsSync(wal)).toBe(false);
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    expect(db.prepare(`SELECT detail FROM admin_log WHERE action = 'auth.lock'`).all()).toEqual([{ detail: 'Blocco automatico per inattività' }]);
    db.close();
    expect((await call(admin, 'auth.current', {}))?.locked).toBe(true);
    core.close();
    expect(stopped).toBe(true);
  });
});
