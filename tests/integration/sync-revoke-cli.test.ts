import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncCommand } from '../../electron/core/cli/sync-command';
import { SYNC_LOG_FILE, SyncLog } from '../../electron/core/sync/sync-log';
import { ADMIN, call, createUser, inspectDatabase, loginAs } from '../support/core-harness';
import { cliDeps, collector, pairedSedi, type PairedSedi } from '../support/paired-sedi';

let zone: PairedSedi | null = null;
afterEach(() => {
  zone?.close();
  zone = null;
});

const NERI = { username: 'l.neri', fullName: 'Lucia Neri', profile: 'assistente_sociale' as const, password: 'Provvisoria-2026' };

async function revoke(z: PairedSedi, by: string[], user = ADMIN.username, passwordFile = z.secrets.passwordFile): Promise<{ code: number | string; out: string }> {
  const out = collector();
  try {
    const code = await syncCommand(['revoke', '--data-dir', z.narni.dataDir, '--user', user, '--password-file', passwordFile, ...by], cliDeps(out));
    return { code, out: out.text() };
  } catch (error) {
    return { code: (error as Error).constructor.name, out: (error as Error).message };
  }
}

describe('CLI: sync revoke', { timeout: 120_000 }, () => {
  it('un amministratore revoca Amelia per nome: la riga dice cosa è successo, e i pacchetti che Amelia scrive dopo sono rifiutati e registrati', async () => {
    const z = (zone = await pairedSedi());
    const amelia = await z.openAmelia();
    // The CLI opens Narni's folder in its own core: Narni's screen is closed meanwhile.
    z.narni.core.close();
    const unknown = await revoke(z, ['--label', 'Nessuna postazione']);
    expect(unknown.code).toBe('CliError');
    expect(unknown.out).toContain(z.ameliaNode);
    const done = await revoke(z, ['--label', 'amelia – pc segreteria']);
    expect(done.code).toBe(0);
    expect(done.out).toContain(`Postazione ${z.ameliaNode} («Amelia – PC segreteria») revocata`);
    const again = await revoke(z, ['--node', z.ameliaNode]);
    expect(again.code).toBe('CliError');
    expect(again.out).toMatch(/già revocata/);

    await createUser(amelia.admin, NERI);
    expect(await call(amelia.admin, 'sync.runNow', {})).toMatchObject({ outcome: 'ok' });
    const cycle = collector();
    expect(await syncCommand(['--data-dir', z.narni.dataDir, '--user', ADMIN.username, '--password-file', z.secrets.passwordFile], cliDeps(cycle))).toBe(0);
    expect(cycle.text()).toMatch(/rifiutati 1/);
    const db = await inspectDatabase(z.narni.dataDir, ADMIN.username, ADMIN.password);
    expect(db.prepare('SELECT count(*) AS n FROM users WHERE username = ?').get(NERI.username)).toEqual({ n: 0 });
    const rows = db.prepare(`SELECT action, username FROM admin_log WHERE action = 'sync.revoke' ORDER BY seq`).all();
    const dbFile = db.name;
    db.close();
    expect(rows).toEqual([{ action: 'sync.revoke', username: ADMIN.username }]);
    // The refusal is in the sync log beside the database (a refusal leaves the database untouched).
    const refused = new SyncLog(path.join(path.dirname(dbFile), SYNC_LOG_FILE)).recent(5);
    expect(refused[0]).toMatchObject({ node: z.ameliaNode, reason: 'unknown_sender' });
    expect(refused[0]?.message).toMatch(/revocata/);
  });

  it('serve un amministratore, e una sola postazione indicata per identificativo o per nome', async () => {
    const z = (zone = await pairedSedi(async (narni) => void (await createUser(narni.admin, NERI))));
    const neri = await loginAs(z.narni.core, NERI.username, NERI.password);
    z.narni.core.close();
    const file = path.join(z.secrets.dir, 'neri.txt');
    fs.writeFileSync(file, `${neri.password}\n`);
    expect(await revoke(z, ['--node', z.ameliaNode], NERI.username, file)).toMatchObject({ code: 'CliError' });
    expect(await revoke(z, [])).toMatchObject({ code: 'UsageError' });
    expect(await revoke(z, ['--node', z.ameliaNode, '--label', 'Amelia – PC segreteria'])).toMatchObject({ code: 'UsageError' });
    const db = await inspectDatabase(z.narni.dataDir, ADMIN.username, ADMIN.password);
    const revoked = db.prepare('SELECT revoked_at FROM sync_nodes WHERE id = ?').get(z.ameliaNode) as { revoked_at: string | null };
    const denied = db.prepare(`SELECT count(*) AS n FROM admin_log WHERE action = 'sync.revoke' AND outcome = 'denied'`).get() as { n: number };
    db.close();
    expect(revoked.revoked_at).toBeNull();
    expect(denied.n).toBe(1);
  });
});
