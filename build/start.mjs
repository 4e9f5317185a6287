/// <reference types="node" />
// npm start (after build/build.mjs): the Electron app when a runnable Electron binary is present,
// otherwise browser mode (the core CLI serves the same renderer on 127.0.0.1), saying so in one
// line. Never downloads anything without saying so, never waits on the network without a timeout.
//   npm start -- --browser   forces browser mode
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PRODUCT_NAME = 'Ufficio della Cittadinanza';
const LINUX_DIR_NAME = 'ufficio-cittadinanza';

/** @typedef {Record<string, string | undefined>} Env */

/**
 * Same rules as the core's defaultDataDir (electron/core/default-data-dir.ts), which the Electron
 * app uses; a unit test keeps the two equal so both modes open the same archive.
 * @param {{ platform: string, env: Env, homedir: string }} input
 */
export function defaultDataDir({ platform, env, homedir }) {
  if (env.UDC_DATA_DIR) return path.resolve(env.UDC_DATA_DIR);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(homedir, 'AppData', 'Roaming'), PRODUCT_NAME, 'dati');
  if (platform === 'darwin') return path.join(homedir, 'Library', 'Application Support', PRODUCT_NAME, 'dati');
  return path.join(env.XDG_DATA_HOME ?? path.join(homedir, '.local', 'share'), LINUX_DIR_NAME, 'dati');
}

/**
 * Finds the Electron executable the way node_modules/electron/index.js does, but WITHOUT its
 * side effect: `require('electron')` downloads the binary when it is missing.
 * Returns { path } or { reason } (Italian, for the one-line message).
 * @param {string} [root]
 * @param {Env} [env]
 * @returns {{ path: string, reason?: undefined } | { path?: undefined, reason: string }}
 */
export function findElectronBinary(root = ROOT, env = process.env) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  if (!existsSync(path.join(pkgDir, 'package.json'))) return { reason: 'pacchetto electron non installato' };
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  let executable;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) executable = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  else if (relative) executable = path.join(pkgDir, 'dist', relative);
  else return { reason: 'binario di Electron non scaricato' };
  if (!existsSync(executable)) return { reason: 'binario di Electron non scaricato' };
  return { path: executable };
}

/**
 * @param {Env} env
 * @param {string[]} names
 * @returns {Env}
 */
function envWithout(env, ...names) {
  const copy = { ...env };
  for (const name of names) delete copy[name];
  return copy;
}

/**
 * Runs `electron` as plain Node (dev binary, no fuses) for a quick check; null on failure.
 * @param {string} executable
 * @param {string} code
 * @returns {string | null}
 */
function electronAsNode(executable, code, timeout = 20_000) {
  const result = spawnSync(executable, ['-e', code], {
    env: { ...envWithout(process.env, 'NODE_OPTIONS'), ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout,
    windowsHide: true,
  });
  if (result.error || result.status !== 0) return null;
  return result.stdout;
}

/** @param {Env} [env] */
function hasDisplay(env = process.env, platform = process.platform) {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Decides Electron vs browser mode. Returns { electron, binding } or { reason }.
 * May build the Electron-ABI native module (announced; needs the Electron headers online).
 * @param {{ root?: string, env?: Env, log?: (line: string) => void }} [options]
 * @returns {Promise<{ electron: string, binding: string, reason?: undefined } | { electron?: undefined, reason: string }>}
 */
export async function prepareElectron({ root = ROOT, env = process.env, log = console.log } = {}) {
  const found = findElectronBinary(root, env);
  if (!found.path) return { reason: found.reason };
  if (!hasDisplay(env)) return { reason: 'nessuno schermo grafico disponibile' };

  const versions = electronAsNode(found.path, 'process.stdout.write(JSON.stringify([process.versions.electron, process.versions.modules]))');
  /** @type {unknown} */
  let parsed;
  try {
    parsed = JSON.parse(versions ?? 'null');
  } catch {
    parsed = null;
  }
  const electronVersion = Array.isArray(parsed) && typeof parsed[0] === 'string' ? parsed[0] : undefined;
  if (!electronVersion) return { reason: 'il binario di Electron non si avvia' };

  /** @type {unknown} */
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const main = typeof pkg === 'object' && pkg !== null && 'main' in pkg && typeof pkg.main === 'string' ? pkg.main : undefined;
  if (!main || !existsSync(path.join(root, main))) {
    return { reason: `"main" di package.json (${main ?? 'assente'}) non punta a un file compilato` };
  }

  const dist = await import('./dist.mjs');
  const { version, abi } = dist.electronInfo(root);
  if (!abi) return { reason: 'versione ABI di Electron sconosciuta' };
  const want = { electron: version, abi, platform: process.platform, arch: process.arch, driver: dist.driverVersion(root) };
  const binding = path.join(root, 'build', 'native', 'electron', 'better_sqlite3.node');
  if (!dist.nativeIsCurrent(want, root)) {
    log(`Compilo il modulo SQLite per Electron ${version}: scarica gli header di Electron da electronjs.org (serve internet)…`);
    if (!(await dist.headersReachable(version, env))) {
      return { reason: 'manca il modulo SQLite per Electron e gli header di Electron non sono raggiungibili' };
    }
    try {
      await dist.ensureElectronNative({ root, log });
    } catch (error) {
      log(error instanceof Error ? error.message : String(error));
      return { reason: 'il modulo SQLite per Electron non si compila' };
    }
  }
  // The module must load in this very Electron.
  if (electronAsNode(found.path, `require(${JSON.stringify(binding)})`) === null) {
    return { reason: 'il modulo SQLite compilato non si carica in Electron' };
  }
  return { electron: found.path, binding };
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} options
 */
function runChild(command, args, options) {
  const child = spawn(command, args, { ...options, stdio: 'inherit' });
  // Ctrl+C reaches the child from the terminal; SIGTERM is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (error) => {
    console.error(`Avvio non riuscito: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** @param {{ root?: string, env?: Env }} [options] */
export function startBrowserMode({ root = ROOT, env = process.env } = {}) {
  const cli = path.join(root, 'dist', 'core', 'cli.mjs');
  if (!existsSync(cli)) {
    console.error('dist/core/cli.mjs non trovato: la compilazione non ha prodotto il core (eseguire "npm run build").');
    process.exit(1);
  }
  const dataDir = defaultDataDir({ platform: process.platform, env, homedir: os.homedir() });
  // The Node process must load the Node build of SQLite, never the Electron one.
  runChild(process.execPath, [cli, 'serve', '--data-dir', dataDir], { cwd: root, env: envWithout(env, 'UDC_SQLITE_BINDING', 'ELECTRON_RUN_AS_NODE') });
}

async function main() {
  if (process.argv.includes('--browser')) {
    console.log('Avvio in modalità browser (richiesta con --browser).');
    startBrowserMode();
    return;
  }
  const decision = await prepareElectron();
  if (!decision.electron) {
    console.log(`Electron non è disponibile su questa macchina (${decision.reason}): avvio in modalità browser.`);
    startBrowserMode();
    return;
  }
  runChild(decision.electron, ['.'], {
    cwd: ROOT,
    env: { ...envWithout(process.env, 'ELECTRON_RUN_AS_NODE'), UDC_SQLITE_BINDING: decision.binding },
  });
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
