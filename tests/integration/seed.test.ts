import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedCommand } from '../../electron/core/cli/seed-command';
import { seedAgenda } from '../../electron/core/seed/agenda';
import { validateCf } from '../../shared/domain/codice-fiscale';
import { findClashes, type Booking } from '../../shared/domain/conflicts';
import { addDays } from '../../shared/domain/dates';
import { holidaysBetween } from '../../shared/domain/holidays';
import { isoWeekday } from '../../shared/domain/recurrence';
import { SeedGenerator } from '../../electron/core/seed/generate';
import { importBatch } from '../../electron/core/seed/import';
import type { SeedManifest } from '../../electron/core/seed/manifest';
import { ZONA_SOCIALE_11 } from '../../shared/domain/zone-seed';
import { ADMIN, call, inspectDatabase, loginAs, setUpZone, tempDir, testCore } from '../support/core-harness';

const zone = {
  comuni: ZONA_SOCIALE_11.comuni,
  sedi: [
    { id: 'N', lettera: 'N', comuneIstat: '055022' },
    { id: 'A', lettera: 'A', comuneIstat: '055004' },
  ],
};
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
    const gen = new SeedGenerator(
      { comuni: z.comuni, sedi: z.sedi },
      { assistenti: [as.id], educatori: [], psicologi: [] },
      { seed: 1, today: '2026-11-26', diaryPerCase: 3, caseRate: 0.5 },
    );
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

describe('the demo agenda and the seed manifest', () => {
  const TODAY = '2026-04-29'; // a Wednesday; Friday 1 May is a national holiday
  const seedArgs = (dataDir: string, passwordFile: string, manifest: string) => [
    '--data-dir',
    dataDir,
    '--user',
    ADMIN.username,
    '--password-file',
    passwordFile,
    '--persons',
    '400',
    '--seed',
    '7',
    '--diary-per-case',
    '1',
    '--manifest',
    manifest,
  ];

  it('books colloqui, visits, équipe meetings and outreach desks without clashes, holidays or closed hours, and the manifest matches the database', async () => {
    const { core: setupCore, admin, dataDir } = await setUpZone();
    const zone = await call(admin, 'zone.get', {});
    const amelia = zone.sedi.find((s) => s.lettera === 'A')!;
    // Amelia sets its own hours (closed on Thursday, the usual équipe day); Narni keeps none.
    const ameliaHours = [
      { giorno: 1, mattinaDa: '08:30', mattinaA: '12:30', pomeriggioDa: '', pomeriggioA: '' },
      { giorno: 2, mattinaDa: '', mattinaA: '', pomeriggioDa: '15:00', pomeriggioA: '18:00' },
      { giorno: 3, mattinaDa: '08:30', mattinaA: '12:30', pomeriggioDa: '', pomeriggioA: '' },
      { giorno: 5, mattinaDa: '08:30', mattinaA: '12:30', pomeriggioDa: '', pomeriggioA: '' },
    ];
    await call(admin, 'agenda.saveHours', { sedeId: amelia.id, giorni: ameliaHours });
    setupCore.close();

    const work = tempDir('udc-seed-');
    const passwordFile = path.join(work, 'pw.txt');
    fs.writeFileSync(passwordFile, `${ADMIN.password}\n`);
    const manifestFile = path.join(work, 'manifest.json');
    const out: string[] = [];
    const code = await seedCommand(seedArgs(dataDir, passwordFile, manifestFile), {
      openCore: (o) => testCore(o.dataDir),
      today: () => TODAY,
      out: { write: (t: string) => out.push(t) },
    });
    expect(code).toBe(0);
    // Not a terminal: one line per step, none rewritten in place.
    expect(out.join('')).not.toContain('\r');
    expect(out.join('')).toMatch(/^Persone create: 400 di 400 \(cartelle: \d+\)$/m);
    expect(out.join('')).toMatch(/^Agenda: \d+ appuntamenti per 4 operatori/m);

    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as SeedManifest;
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    for (const [table, n] of Object.entries(manifest.counts)) {
      expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(n);
    }
    expect(manifest.counts.persons).toBe(400);
    expect(manifest.counts.appointments).toBeGreaterThan(100);
    expect(manifest.counts.appointment_operators).toBeGreaterThanOrEqual(manifest.counts.appointments!);
    // Every operator link carries its appointment's start (the "my week" index).
    expect(db.prepare('SELECT count(*) AS n FROM appointment_operators o JOIN appointments a ON a.id = o.appointment_id WHERE o.inizio <> a.inizio').get()).toEqual({ n: 0 });
    db.close();

    const core = testCore(dataDir);
    const { conn: desk } = await loginAs(core, manifest.samples.users.amministrativo!, ADMIN.password);
    const { conn: as } = await loginAs(core, 'demo.as.amelia', ADMIN.password);
    const asId = (await call(as, 'auth.current', {}))!.user.id;

    // The operator's current week: colloqui or visits, and the équipe meeting.
    const week = await call(as, 'agenda.list', { from: '2026-04-27', to: '2026-05-04', userIds: [asId] });
    const tipi = new Set(week.occurrences.map((o) => o.tipo));
    expect(tipi.has('colloquio') || tipi.has('visita_domiciliare')).toBe(true);
    expect(tipi).toContain('riunione_equipe');
    expect(week.occurrences.every((o) => o.operators.some((op) => op.id === asId))).toBe(true);

    // The whole filled span, every operator and room.
    const all = (await call(desk, 'agenda.list', { from: addDays(TODAY, -28), to: addDays(TODAY, 29) })).occurrences;
    const holidays = new Set(holidaysBetween(addDays(TODAY, -28), addDays(TODAY, 29)).map((h) => h.date));
    expect(new Set(all.map((o) => o.tipo))).toEqual(new Set(['colloquio', 'visita_domiciliare', 'riunione_equipe', 'sportello']));
    for (const o of all) {
      const date = o.start.slice(0, 10);
      expect(isoWeekday(date), o.start).not.toBe(7);
      expect(holidays.has(date), o.start).toBe(false);
      if (o.stato !== 'programmato') expect(date < TODAY, `${o.stato} ${o.start}`).toBe(true);
      if (o.stato === 'annullato') expect(o.motivo).not.toBe('');
      if (o.tipo === 'sportello') expect(['055022', '055004']).not.toContain(o.comuneIstat);
      if (o.tipo === 'visita_domiciliare') expect(o.comuneIstat).not.toBeNull();
      if (o.tipo === 'colloquio') expect(o.roomId).not.toBeNull();
      if (o.sedeId === amelia.id) {
        const h = ameliaHours.find((x) => x.giorno === isoWeekday(date));
        const [s, e] = [o.start.slice(11), o.end.slice(11)];
        const fits = h !== undefined && ((h.mattinaDa !== '' && s >= h.mattinaDa && e <= h.mattinaA) || (h.pomeriggioDa !== '' && s >= h.pomeriggioDa && e <= h.pomeriggioA));
        expect(fits, `${o.tipo} ${o.start}-${e} fuori orario ad Amelia`).toBe(true);
      }
    }
    const states = new Set(all.map((o) => o.stato));
    for (const s of ['programmato', 'svolto', 'annullato', 'assente'] as const) expect(states, s).toContain(s);
    const bookings: Booking[] = all.map((o) => ({
      key: o.key,
      appointmentId: o.appointmentId,
      start: o.start,
      end: o.end,
      operatorIds: o.operators.map((x) => x.id),
      roomId: o.roomId,
      stato: o.stato,
    }));
    const clashes = bookings.flatMap((b, i) => (b.stato === 'annullato' ? [] : findClashes([b], bookings.slice(i + 1))));
    expect(clashes).toEqual([]);
    expect(all.some((o) => o.inConflitto)).toBe(false);

    // The manifest's samples open through the channels.
    const sample = manifest.samples;
    expect((await call(desk, 'persons.get', { id: sample.person!.id })).person.codiceFiscale).toBe(sample.person!.codiceFiscale);
    expect(Object.keys(sample.caseNumbers).sort()).toEqual(['A', 'N']);
    for (const numero of Object.values(sample.caseNumbers)) {
      const found = await call(desk, 'persons.search', { query: numero });
      expect(found.results.flatMap((r) => r.cases.map((c) => c.numero))).toContain(numero);
    }
    expect((await call(desk, 'agenda.get', { id: sample.appointmentId!, occurrenceDate: null })).tipo).toBe('colloquio');
    expect(sample.users).toMatchObject({
      amministratore: ADMIN.username,
      assistente_sociale: 'demo.as.narni',
      educatore: 'demo.educatore',
      psicologo: 'demo.psicologo',
      mediatore_sal: 'demo.sal',
      coordinatore: 'demo.coordinatore',
    });
    core.close();
  });

  it('is the same agenda for the same seed', () => {
    const sedi = [
      {
        id: 'N',
        lettera: 'N',
        comuneIstat: '055022',
        rooms: [
          { id: 'n1', nome: 'Sala colloqui 1', attiva: true },
          { id: 'nr', nome: 'Sala riunioni', attiva: true },
        ],
      },
      {
        id: 'A',
        lettera: 'A',
        comuneIstat: '055004',
        rooms: [
          { id: 'a1', nome: 'Sala colloqui', attiva: true },
          { id: 'ar', nome: 'Sala riunioni', attiva: true },
        ],
      },
    ];
    const make = (seed: number) => {
      const gen = new SeedGenerator({ comuni: ZONA_SOCIALE_11.comuni, sedi }, staff, { seed, today: TODAY, diaryPerCase: 0, caseRate: 0.5 });
      const people = gen.chunk(300);
      const ids = new Map<string, string>();
      const stable = (id: unknown) => {
        if (typeof id !== 'string') return id;
        if (!ids.has(id)) ids.set(id, `#${ids.size}`);
        return ids.get(id);
      };
      for (const p of people.persons ?? []) stable(p.id);
      const agenda = seedAgenda({
        seed,
        today: TODAY,
        sedi,
        comuni: ZONA_SOCIALE_11.comuni,
        operators: [
          { id: 'as1', sedeId: 'N', profile: 'assistente_sociale' },
          { id: 'as2', sedeId: 'A', profile: 'assistente_sociale' },
          { id: 'edu', sedeId: 'A', profile: 'educatore' },
          { id: 'psi', sedeId: 'N', profile: 'psicologo' },
        ],
        caseLinks: gen.caseLinks,
        orari: [],
        patrons: [],
        createdBy: 'admin',
        createdAt: `${TODAY}T08:00:00.000Z`,
      });
      return agenda.appointments.map((a) => ({ ...a.values, person_id: stable(a.values.person_id), case_id: stable(a.values.case_id) }));
    };
    const a = make(11);
    expect(a.length).toBeGreaterThan(100);
    expect(make(11)).toEqual(a);
    expect(make(12)).not.toEqual(a);
  });
});
