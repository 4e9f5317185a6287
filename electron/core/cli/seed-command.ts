import path from 'node:path';
import { todayInRome } from '../../../shared/domain/dates';
import type { Profile } from '../../../shared/domain/permissions';
import { createCore } from '../app';
import { SeedGenerator } from '../seed/generate';
import { importBatch } from '../seed/import';
import { parseOptions, readSecretFile, required, UsageError } from './args';
import { call, loginFromOptions } from './session';

const DEMO_STAFF: { username: string; fullName: string; profile: Profile; sede: 'N' | 'A' }[] = [
  { username: 'demo.as.narni', fullName: 'Chiara Sensini', profile: 'assistente_sociale', sede: 'N' },
  { username: 'demo.as.amelia', fullName: 'Marco Proietti', profile: 'assistente_sociale', sede: 'A' },
  { username: 'demo.educatore', fullName: 'Elisa Moscatelli', profile: 'educatore', sede: 'A' },
  { username: 'demo.psicologo', fullName: 'Paolo Cruciani', profile: 'psicologo', sede: 'N' },
  { username: 'demo.amministrativo', fullName: 'Rita Fratini', profile: 'amministrativo', sede: 'N' },
  { username: 'demo.sal', fullName: 'Luca Carletti', profile: 'mediatore_sal', sede: 'N' },
];

const CHUNK = 1000;

/**
 * `seed --data-dir D --user U --password-file F --persons N [--seed S] [--diary-per-case K]`:
 * fills a freshly set-up zone with reproducible synthetic people and case files (demo data).
 */
export async function seedCommand(args: string[]): Promise<number> {
  const o = parseOptions(args, [], ['data-dir', 'user', 'password-file', 'persons', 'seed', 'diary-per-case']);
  const persons = Number(required(o, 'persons'));
  if (!Number.isInteger(persons) || persons < 1 || persons > 1_000_000) throw new UsageError('--persons: un numero intero tra 1 e 1.000.000.');
  const seed = Number(o.get('seed') ?? 2026);
  const diaryPerCase = Number(o.get('diary-per-case') ?? 6);
  if (!Number.isInteger(seed) || !Number.isInteger(diaryPerCase) || diaryPerCase < 0 || diaryPerCase > 1000) throw new UsageError('--seed e --diary-per-case: numeri interi.');
  const core = createCore({ dataDir: path.resolve(required(o, 'data-dir')) });
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
      console.log(`Creati gli utenti dimostrativi ${DEMO_STAFF.map((d) => d.username).join(', ')} con la stessa password di ${work.actor.username ?? ''} (da cambiare al primo accesso).`);
      users = await call(conn, 'users.list', {});
    }
    const active = (profile: Profile) => users.filter((u) => u.profile === profile && !u.disabled).map((u) => u.id);
    const generator = new SeedGenerator(
      { comuni: zone.comuni.map((c) => ({ istat: c.istat, catastale: c.catastale, nome: c.nome })), sedi: zone.sedi.map((s) => ({ id: s.id, lettera: s.lettera, comuneIstat: s.comuneIstat })) },
      { assistenti: active('assistente_sociale'), educatori: active('educatore'), psicologi: active('psicologo') },
      { seed, today: todayInRome(), diaryPerCase, caseRate: 0.35 },
    );
    const started = Date.now();
    for (let done = 0; done < persons; done += CHUNK) {
      importBatch(work, generator.chunk(Math.min(CHUNK, persons - done)));
      process.stderr.write(`\rPersone create: ${Math.min(done + CHUNK, persons).toLocaleString('it-IT')} di ${persons.toLocaleString('it-IT')}`);
    }
    process.stderr.write('\n');
    console.log(`Dati dimostrativi caricati in ${((Date.now() - started) / 1000).toFixed(1)} s (seme ${seed}).`);
    await call(conn, 'auth.logout', {});
    return 0;
  } finally {
    conn.close();
    core.close();
  }
}
