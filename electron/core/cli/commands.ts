import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZONA_SOCIALE_11 } from '../../../shared/domain/zone-seed';
import { createCore } from '../app';
import { defaultDataDir } from '../default-data-dir';
import { startBrowserServer } from '../server/browser-server';
import { atomicWrite } from '../files/atomic-write';
import { parseOptions, readSecretFile, required } from './args';
import { openPrivateBrowser } from './open-browser';
import { call, loginFromOptions } from './session';
import { untilShutdown } from './shutdown';

export async function initCommand(args: string[]): Promise<number> {
  const o = parseOptions(args, [], ['data-dir', 'admin-user', 'admin-password-file', 'admin-name', 'recovery-key-file']);
  const dataDir = path.resolve(required(o, 'data-dir'));
  const core = createCore({ dataDir });
  const conn = core.connect('cli');
  try {
    const seed = ZONA_SOCIALE_11;
    const result = await call(conn, 'setup.init', {
      zone: {
        nome: seed.nome,
        ente: seed.ente,
        comuni: seed.comuni,
        sedi: seed.sedi.map((s) => ({ ...s })),
        letterhead: seed.letterhead,
      },
      admin: {
        username: required(o, 'admin-user'),
        fullName: (o.get('admin-name') as string | undefined) ?? 'Amministratore',
        password: readSecretFile(required(o, 'admin-password-file')),
      },
    });
    const keyFile = o.get('recovery-key-file');
    if (typeof keyFile === 'string') {
      atomicWrite(path.resolve(keyFile), `${result.recoveryKey}\n`);
      console.log(`Zona configurata in ${dataDir}. Chiave di recupero scritta in ${keyFile}: stampala e conservala in cassaforte, poi cancella il file.`);
    } else {
      console.log(`Zona configurata in ${dataDir}.`);
      console.log('Chiave di recupero (stampala e conservala in cassaforte; non verrà mostrata di nuovo):');
      console.log(result.recoveryKey);
    }
    await call(conn, 'auth.logout', {});
    return 0;
  } finally {
    conn.close();
    core.close();
  }
}

export async function serveCommand(args: string[]): Promise<number> {
  const o = parseOptions(args, ['no-open'], ['data-dir', 'port']);
  const dataDir = path.resolve((o.get('data-dir') as string | undefined) ?? defaultDataDir());
  const port = o.has('port') ? Number(o.get('port')) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('Porta non valida.');
  const rendererDir = findRendererDir();
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const core = createCore({ dataDir });
  const server = await startBrowserServer(core, { rendererDir, port });
  console.log(`Ufficio della Cittadinanza in modalità browser. Dati: ${dataDir}`);
  console.log(`Apri questo indirizzo (vale per una sola apertura; per un altro browser riavvia il programma): ${server.url}`);
  const browser = o.has('no-open') ? null : openPrivateBrowser(server.url);
  if (browser) console.log(browser.description);
  await untilShutdown();
  browser?.close();
  await server.close();
  core.close();
  console.log('Programma chiuso.');
  return 0;
}

export async function auditVerifyCommand(args: string[]): Promise<number> {
  const o = parseOptions(args, ['json'], ['data-dir', 'user', 'password-file']);
  const core = createCore({ dataDir: path.resolve(required(o, 'data-dir')) });
  const conn = core.connect('cli');
  try {
    await loginFromOptions(conn, o);
    const report = await call(conn, 'audit.verify', {});
    await call(conn, 'auth.logout', {});
    if (o.has('json')) {
      console.log(JSON.stringify(report));
    } else {
      for (const [label, r] of [
        ['Accessi ai dati', report.data],
        ['Azioni amministrative', report.admin],
      ] as const) {
        if (r.ok) console.log(`${label}: catena integra, ${r.checked} registrazioni verificate; ${r.anchor.message}.`);
        else if (r.firstBroken) console.log(`${label}: CATENA INTERROTTA alla registrazione n. ${r.firstBroken.seq}: ${r.firstBroken.reason}.`);
        else console.log(`${label}: CATENA NON VERIFICABILE: ${r.anchor.message}.`);
      }
    }
    return report.data.ok && report.admin.ok ? 0 : 1;
  } finally {
    conn.close();
    core.close();
  }
}

function findRendererDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // dist/core/cli.mjs → dist/renderer; electron/core/cli/commands.ts (tsx) → dist/renderer
  const candidates = [path.resolve(here, '../renderer'), path.resolve(here, '../../../dist/renderer'), path.resolve(here, '../../dist/renderer')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
  if (!found) throw new Error("L'interfaccia non è compilata: esegui prima `npm run build`.");
  return found;
}
