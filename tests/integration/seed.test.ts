import { describe, expect, it } from 'vitest';
import { validateCf } from '../../shared/domain/codice-fiscale';
import { SeedGenerator } from '../../electron/core/seed/generate';
import { importBatch } from '../../electron/core/seed/import';
import { ZONA_SOCIALE_11 } from '../../shared/domain/zone-seed';
import { ADMIN, call, inspectDatabase, loginAs, setUpZone } from '../support/core-harness';

const zone = { comuni: ZONA_SOCIALE_11.comuni, sedi: [{ id: 'N', lettera: 'N', comuneIstat: '055022' }, { id: 'A', lettera: 'A', comuneIstat: '055004' }] };
const staff = { assistenti: ['as1', 'as2'], educatori: ['edu'], psicologi: ['psi'] };

describe('synthetic demo data', () => {
  it('is reproducible from a seed, with valid and distinct codici fiscali', () => {
    const make = () => new SeedGenerator(zone, staff, { seed: 42, today: '2026-11-26', diaryPerCase: 4, caseRate: 0.4 }).chunk(500);
    const a = make();
    const b = make();
    const cfs = (batch: typeof a) => (batch.persons ?? []).map((p) => p.values.codice_fiscale as string);
    expect(cfs(a)).toEqual(cfs(b));
    expect(cfs(a)).toHaveLength(500);
    expect(new Set(cfs(a)).size).toBe(500);
    for (const cf of cfs(a)) expect(validateCf(cf).ok, cf).toBe(true);
    expect((a.cases ?? []).length).toBeGreaterThan(50);
    expect((a.diary_entries ?? []).length).toBeGreaterThan((a.cases ?? []).length);
  });

  it('goes through the write path (change log, batch audit) and is searchable at once', async () => {
    const { core, admin, dataDir } = await setUpZone();
    const cli = core.connect('cli');
    await call(cli, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(() => core.cliWork(admin, 'users.manage')).toThrow();
    const work = core.cliWork(cli, 'users.manage');
    const z = await call(cli, 'zone.get', {});
    const as = await call(cli, 'users.create', { username: 'demo.as', fullName: 'Demo AS', profile: 'assistente_sociale', sedeId: null, password: 'Provvisoria-2026' });
    const gen = new SeedGenerator({ comuni: z.comuni, sedi: z.sedi }, { assistenti: [as.id], educatori: [], psicologi: [] }, { seed: 1, today: '2026-11-26', diaryPerCase: 3, caseRate: 0.5 });
    const batch = gen.chunk(300);
    importBatch(work, batch);
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    expect(db.prepare('SELECT count(*) AS n FROM persons').get()).toEqual({ n: 300 });
    const cells = (db.prepare(`SELECT count(*) AS n FROM changes WHERE tbl = 'persons'`).get() as { n: number }).n;
    expect(cells).toBe(300 * Object.keys(batch.persons![0]!.values).length);
    expect((db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'seed.import'`).get() as { n: number }).n).toBeLessThanOrEqual(12);
    const someone = batch.persons![17]!.values;
    const { conn: social } = await loginAs(core, 'demo.as', 'Provvisoria-2026');
    const found = await call(social, 'persons.search', { query: `${String(someone.cognome)} ${String(someone.nome)}` });
    expect(found.results.map((r) => r.codiceFiscale)).toContain(someone.codice_fiscale);
    db.close();
    core.close();
  });
});
