import path from 'node:path';
import { addDays, formatItalianDate, todayInRome } from '../../../shared/domain/dates';
import type { Profile } from '../../../shared/domain/permissions';
import { createCore, type Core, type CoreOptions } from '../app';
import { seedAgenda } from '../seed/agenda';
import { SeedGenerator } from '../seed/generate';
import { importBatch } from '../seed/import';
import { ManifestTally, writeManifest } from '../seed/manifest';
import { progressLine, type ProgressStream } from './progress';
import { parseOptions, readSecretFile, required, UsageError } from './args';
import { call, loginFromOptions } from './session';
import { candidatesFor, SalCandidates, seedSalStep } from './seed-sal';

const DEMO_STAFF: { username: string; fullName: string; profile: Profile; sede: 'N' | 'A' }[] = [
  { username: 'demo.as.narni', fullName: 'Chiara Sensini', profile: 'assistente_sociale', sede: 'N' },
  { username: 'demo.as.amelia', fullName: 'Marco Proietti', profile: 'assistente_sociale', sede: 'A' },
  { username: 'demo.educatore', fullName: 'Elisa Moscatelli', profile: 'educatore', sede: 'A' },
  { username: 'demo.psicologo', fullName: 'Paolo Cruciani', profile: 'psicologo', sede: 'N' },
  { username: 'demo.amministrativo', fullName: 'Rita Fratini', profile: 'amministrativo', sede: 'N' },
  { username: 'demo.sal', fullName: 'Luca Carletti', profile: 'mediatore_sal', sede: 'N' },
  // Report exact figures, GDPR rights and scarto are the coordinator's: a demo without one hides them.
  { username: 'demo.coordinatore', fullName: 'Giovanna Paolucci', profile: 'coordinatore', sede: 'N' },
];

const CHUNK = 1000;
/** Profiles whose people hold cases and fill the agenda. */
const CASE_PROFILES: readonly Profile[] = ['assistente_sociale', 'educatore', 'psicologo'];

/** What the command reaches outside itself; tests give a fast-KDF core, a fixed day and a collector. */
export interface SeedDeps {
  openCore: (options: CoreOptions) => Core;
  today: () => string;
  out: ProgressStream;
}

const realDeps: SeedDeps = { openCore: createCore, today: () => todayInRome(), out: process.stdout };

/**
 * `seed --data-dir D --user U --password-file F --persons N [--seed S] [--diary-per-case K] [--tirocini T] [--manifest FILE]`:
 * fills a freshly set-up zone with reproducible synthetic people, case files, agenda and, with
 * --tirocini, the SAL register (demo data).
 */
export async function seedCommand(args: string[], deps: SeedDeps = realDeps): Promise<number> {
  const o = parseOptions(args, [], ['data-dir', 'user', 'password-file', 'persons', 'seed', 'diary-per-case', 'tirocini', 'manifest']);
  const persons = Number(required(o, 'persons'));
  if (!Number.isInteger(persons) || persons < 1 || persons > 1_000_000) throw new UsageError('--persons: un numero intero tra 1 e 1.000.000.');
  const seed = Number(o.get('seed') ?? 2026);
  const diaryPerCase = Number(o.get('diary-per-case') ?? 6);
  if (!Number.isInteger(seed) || !Number.isInteger(diaryPerCase) || diaryPerCase < 0 || diaryPerCase > 1000) throw new UsageError('--seed e --diary-per-case: numeri interi.');
  const tirocini = Number(o.get('tirocini') ?? 0);
  if (!Number.isInteger(tirocini) || tirocini < 0 || tirocini > 20_000) throw new UsageError('--tirocini: un numero intero tra 0 e 20.000.');
  const manifestFile = o.has('manifest') ? path.resolve(required(o, 'manifest')) : null;
  const say = (line: string) => deps.out.write(`${line}\n`);
  const core = deps.openCore({ dataDir: path.resolve(required(o, 'data-dir')) });
  const conn = core.connect('cli');
  try {
    await loginFromOptions(conn, o);
    const work = core.cliWork(conn, 'users.manage');
    if (work.store.persons.count() > 0) {
      throw new UsageError('La cartella dati contiene già delle persone: i dati dimostrativi si caricano solo in una zona appena creata.');
    }
    const zone = await call(conn, 'zone.get', {});
    let users = await call(conn, 'users.list', {});
    if (!users.some((u) => u.profile === 'assistente_sociale' && !u.disabled)) {
      const password = readSecretFile(required(o, 'password-file'));
      for (const demo of DEMO_STAFF) {
        const sedeId = zone.sedi.find((s) => s.lettera === demo.sede)?.id ?? null;
        await call(conn, 'users.create', { username: demo.username, fullName: demo.fullName, profile: demo.profile, sedeId, password });
      }
      say(`Creati gli utenti dimostrativi ${DEMO_STAFF.map((d) => d.username).join(', ')} con la stessa password di ${work.actor.username ?? ''} (da cambiare al primo accesso).`);
      users = await call(conn, 'users.list', {});
    }
    const active = (profile: Profile) => users.filter((u) => u.profile === profile && !u.disabled).map((u) => u.id);
    const today = deps.today();
    const generator = new SeedGenerator(
      {
        comuni: zone.comuni.map((c) => ({ istat: c.istat, catastale: c.catastale, nome: c.nome })),
        sedi: zone.sedi.map((s) => ({ id: s.id, lettera: s.lettera, comuneIstat: s.comuneIstat })),
      },
      { assistenti: active('assistente_sociale'), educatori: active('educatore'), psicologi: active('psicologo') },
      { seed, today, diaryPerCase, caseRate: 0.35 },
    );
    const tally = new ManifestTally(new Map(zone.sedi.map((s) => [s.id, s.lettera])));
    const candidates = new SalCandidates(candidatesFor(tirocini), today, new Map(zone.sedi.map((s) => [s.id, s.nome])));
    const started = Date.now();
    const progress = progressLine(deps.out);
    let cases = 0;
    for (let done = 0; done < persons; done += CHUNK) {
      const batch = generator.chunk(Math.min(CHUNK, persons - done));
      importBatch(work, batch);
      tally.add(batch);
      if (tirocini > 0) candidates.add(batch);
      cases += batch.cases?.length ?? 0;
      progress.update(
        `Persone create: ${Math.min(done + CHUNK, persons).toLocaleString('it-IT')} di ${persons.toLocaleString('it-IT')} (cartelle: ${cases.toLocaleString('it-IT')})`,
      );
    }
    progress.done();
    const settings = await call(conn, 'agenda.settings', {});
    const operators = users.filter((u) => CASE_PROFILES.includes(u.profile) && !u.disabled).map((u) => ({ id: u.id, sedeId: u.sedeId, profile: u.profile }));
    const agenda = seedAgenda({
      seed,
      today,
      sedi: zone.sedi.map((s) => ({ id: s.id, lettera: s.lettera, comuneIstat: s.comuneIstat, rooms: s.rooms })),
      comuni: zone.comuni.map((c) => ({ istat: c.istat, nome: c.nome })),
      operators,
      caseLinks: generator.caseLinks,
      orari: settings.orari,
      patrons: settings.patroni,
      createdBy: work.userId,
      createdAt: new Date().toISOString(),
    });
    importBatch(work, agenda);
    tally.add(agenda);
    say(
      `Agenda: ${agenda.appointments.length.toLocaleString('it-IT')} appuntamenti per ${operators.length} operatori, dal ${formatItalianDate(addDays(today, -28))} al ${formatItalianDate(addDays(today, 28))}.`,
    );
    if (tirocini > 0) {
      const names = new Map(users.map((u) => [u.id, u.fullName]));
      say(
        seedSalStep({
          work,
          seed,
          today,
          tirocini,
          candidates: candidates.list,
          comuni: zone.comuni.map((c) => ({ istat: c.istat, nome: c.nome })),
          patrons: settings.patroni,
          mediatori: active('mediatore_sal'),
          invianti: active('assistente_sociale').map((id) => names.get(id) ?? ''),
          tally,
        }),
      );
    }
    if (manifestFile) {
      writeManifest(manifestFile, tally.manifest(seed, today, users));
      say(`Riepilogo scritto in ${manifestFile}.`);
    }
    say(`Dati dimostrativi caricati in ${((Date.now() - started) / 1000).toFixed(1)} s (seme ${seed}).`);
    await call(conn, 'auth.logout', {});
    return 0;
  } finally {
    conn.close();
    core.close();
  }
}
