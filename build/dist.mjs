/// <reference types="node" />
// npm run dist -- --win | --linux [--x64|--arm64] [--dir] [--rebuild-native]
//
// Makes the installers:
//   1. checks, with short timeouts, that the Electron headers and binaries can be downloaded
//      (fails at once, in Italian, on a machine without internet; never hangs);
//   2. builds the app (build/build.mjs);
//   3. builds better_sqlite3.node for Electron's ABI APART from node_modules (which keeps the
//      Node build the tests use) into build/native/electron/, and checks the result really is
//      an Electron build (it exports node_register_module_v<Electron ABI>);
//   4. runs electron-builder (build/electron-builder.config.mjs; fuses in build/after-pack.mjs).
//
// Offline variants: UDC_ELECTRON_HEADERS=<unpacked Electron headers> skips the header download;
// UDC_ELECTRON_DIST=<unpacked Electron> with --dir makes an unpacked app without downloads.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const NATIVE_DIR = path.join(ROOT, 'build', 'native', 'electron');
export const NATIVE_FILE = path.join(NATIVE_DIR, 'better_sqlite3.node');
export const NATIVE_INFO = path.join(NATIVE_DIR, 'better_sqlite3.json');
const DRIVER = 'better-sqlite3-multiple-ciphers';
const HEADERS_URL = 'https://electronjs.org/headers';

/**
 * @param {string} file
 * @returns {Record<string, unknown>}
 */
export function readJson(file) {
  /** @type {unknown} */
  const value = JSON.parse(readFileSync(file, 'utf8'));
  return /** @type {Record<string, unknown>} */ (value);
}

/**
 * What a native module was built for (recorded beside it in better_sqlite3.json).
 * @typedef {{ electron: string, abi: string, platform: string, arch: string, driver: string }} NativeTarget
 */

/**
 * Installed Electron version and its NODE_MODULE_VERSION (node_modules/electron/abi_version).
 * @returns {{ version: string, abi: string | undefined }}
 */
export function electronInfo(root = ROOT) {
  const dir = path.join(root, 'node_modules', 'electron');
  const version = String(readJson(path.join(dir, 'package.json')).version);
  const abiFile = path.join(dir, 'abi_version');
  const abi = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : undefined;
  return { version, abi };
}

export function driverVersion(root = ROOT) {
  return String(readJson(path.join(root, 'node_modules', DRIVER, 'package.json')).version);
}

/**
 * A V8-API addon exports `node_register_module_v<ABI>`: v115 is Node 20, Electron 45 is v150.
 * This tells an Electron build from a Node build without loading it (the trap of
 * @electron/rebuild offline, which "succeeds" against the Node headers).
 * @param {string} file
 * @param {string} abi
 */
export function hasAbiSymbol(file, abi) {
  if (!existsSync(file)) return false;
  return readFileSync(file).includes(Buffer.from(`node_register_module_v${abi}`));
}

/**
 * The native module in build/native/electron is usable for this target as is.
 * @param {NativeTarget} want
 */
export function nativeIsCurrent(want, root = ROOT) {
  const file = path.join(root, 'build', 'native', 'electron', 'better_sqlite3.node');
  const infoFile = path.join(root, 'build', 'native', 'electron', 'better_sqlite3.json');
  if (!existsSync(file) || !existsSync(infoFile)) return false;
  /** @type {Record<string, unknown>} */
  let info;
  try {
    info = readJson(infoFile);
  } catch {
    return false;
  }
  return (
    info.electron === want.electron &&
    info.abi === want.abi &&
    info.platform === want.platform &&
    info.arch === want.arch &&
    info.driver === want.driver &&
    hasAbiSymbol(file, want.abi)
  );
}

/**
 * HEAD request with a short timeout: true when the address answers.
 * @param {string} url
 */
export async function probe(url, timeoutMs = 6000) {
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    return res.status < 500;
  } catch {
    return false;
  }
}

export function proxyConfigured(env = process.env) {
  return Boolean(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy);
}

/**
 * Runs a command, output captured.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<{ code: number, output: string }>}
 */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    /** @type {Buffer[]} */
    const chunks = [];
    child.stdout?.on('data', (/** @type {Buffer} */ d) => chunks.push(d));
    child.stderr?.on('data', (/** @type {Buffer} */ d) => chunks.push(d));
    child.on('error', (error) => resolve({ code: -1, output: String(error.message) }));
    child.on('close', (code) => resolve({ code: code ?? -1, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

/** @param {string} text */
function tail(text, lines = 30) {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/**
 * Builds better_sqlite3.node in a temporary copy of the driver package, never touching
 * node_modules. `runtime: 'electron'` for the app; `'node'` only to test this procedure.
 *   target   Electron (or Node) version, e.g. 45.5.0
 *   abi      NODE_MODULE_VERSION the result must export
 *   nodedir  unpacked headers (offline), else they are downloaded from distUrl
 * @param {{ root?: string, runtime?: string, target: string, abi: string, arch?: string, platform?: string,
 *           distUrl?: string, nodedir?: string | undefined, outFile?: string, log?: (line: string) => void }} options
 */
export async function buildNative({
  root = ROOT,
  runtime = 'electron',
  target,
  abi,
  arch = process.arch,
  platform = process.platform,
  distUrl = HEADERS_URL,
  nodedir,
  outFile = NATIVE_FILE,
  log = console.log,
}) {
  const source = path.join(root, 'node_modules', DRIVER);
  if (!existsSync(source)) throw new Error(`Manca node_modules/${DRIVER}: eseguire prima "npm install".`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'udc-native-'));
  try {
    const work = path.join(tmp, DRIVER);
    cpSync(source, work, {
      recursive: true,
      filter: (p) => {
        const rel = path.relative(source, p);
        return rel !== 'build' && !rel.startsWith(`build${path.sep}`);
      },
    });
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    let result;
    if (platform === process.platform && arch === process.arch) {
      log(`  • compilo ${DRIVER} per ${runtime} ${target} (${platform}-${arch}, ABI ${abi}): 2-4 minuti…`);
      const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
      const args = [nodeGyp, 'rebuild', '--release', `--target=${target}`, `--arch=${arch}`, `--dist-url=${distUrl}`, `--runtime=${runtime}`, '--jobs=max'];
      if (nodedir) args.push(`--nodedir=${nodedir}`);
      if (runtime === 'electron') args.push(`--devdir=${path.join(os.homedir(), '.electron-gyp')}`);
      result = await run(process.execPath, args, { cwd: work, env: { ...process.env, npm_config_runtime: runtime } });
    } else {
      // No cross-compiler: take the driver's published prebuild for that platform (GitHub).
      log(`  • scarico il modulo precompilato di ${DRIVER} per ${runtime} ${target} (${platform}-${arch})…`);
      const prebuild = path.join(root, 'node_modules', 'prebuild-install', 'bin.js');
      result = await run(process.execPath, [prebuild, `--runtime=${runtime}`, `--target=${target}`, `--arch=${arch}`, `--platform=${platform}`, '--verbose'], { cwd: work });
    }
    if (result.code !== 0 || !existsSync(built)) {
      throw new Error(`Compilazione del modulo SQLite per ${runtime} ${target} non riuscita:\n${tail(result.output)}`);
    }
    if (!hasAbiSymbol(built, abi)) {
      throw new Error(`Il modulo compilato non è per ${runtime} ${target} (non esporta node_register_module_v${abi}): scartato.`);
    }
    mkdirSync(path.dirname(outFile), { recursive: true });
    copyFileSync(built, `${outFile}.tmp`);
    renameSync(`${outFile}.tmp`, outFile);
    return outFile;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Builds (or reuses) the Electron-ABI module for platform/arch; returns its path.
 * @param {{ root?: string, platform?: string, arch?: string, force?: boolean, log?: (line: string) => void }} [options]
 */
export async function ensureElectronNative({ root = ROOT, platform = process.platform, arch = process.arch, force = false, log = console.log } = {}) {
  const { version, abi } = electronInfo(root);
  if (!abi) throw new Error('node_modules/electron/abi_version mancante: reinstallare il pacchetto electron.');
  const want = { electron: version, abi, platform, arch, driver: driverVersion(root) };
  const outFile = path.join(root, 'build', 'native', 'electron', 'better_sqlite3.node');
  if (!force && nativeIsCurrent(want, root)) {
    log(`  • modulo SQLite per Electron ${version} (${platform}-${arch}) già pronto.`);
    return outFile;
  }
  await buildNative({ root, runtime: 'electron', target: version, abi, arch, platform, nodedir: process.env.UDC_ELECTRON_HEADERS || undefined, outFile, log });
  writeFileSync(path.join(path.dirname(outFile), 'better_sqlite3.json'), `${JSON.stringify({ ...want, built: new Date().toISOString() }, null, 2)}\n`);
  return outFile;
}

/**
 * Can the Electron headers be downloaded? (skipped when given locally or behind a proxy).
 * @param {string} version
 */
export async function headersReachable(version, env = process.env) {
  if (env.UDC_ELECTRON_HEADERS) return true;
  if (proxyConfigured(env)) return true; // fetch() ignores proxies: let node-gyp try
  return probe(`${HEADERS_URL}/v${version}/SHASUMS256.txt`);
}

/**
 * @param {string[]} argv
 * @returns {{ platform: string, arch: string, dir: boolean, rebuildNative: boolean, unknown: string[] }}
 */
export function parseArgs(argv) {
  /** @type {{ platform: string, arch: string | undefined, dir: boolean, rebuildNative: boolean, unknown: string[] }} */
  const opts = { platform: process.platform, arch: undefined, dir: false, rebuildNative: false, unknown: [] };
  for (const arg of argv) {
    if (arg === '--win' || arg === '--windows' || arg === '-w') opts.platform = 'win32';
    else if (arg === '--linux' || arg === '-l') opts.platform = 'linux';
    else if (arg === '--mac' || arg === '-m') opts.platform = 'darwin';
    else if (arg === '--x64' || arg === '--arm64' || arg === '--ia32') opts.arch = arg.slice(2);
    else if (arg === '--dir') opts.dir = true;
    else if (arg === '--rebuild-native') opts.rebuildNative = true;
    else opts.unknown.push(arg);
  }
  return { ...opts, arch: opts.arch ?? (opts.platform === 'win32' ? 'x64' : process.arch) };
}

const NO_INTERNET =
  'Per creare gli installatori serve internet: vanno scaricati gli header di Electron (per compilare il modulo SQLite cifrato) ' +
  'e i binari di Electron e degli strumenti di pacchettizzazione (electronjs.org, github.com). ' +
  'Questa macchina non li raggiunge: esegui "npm run dist" su un PC collegato a internet. Nessun file è stato modificato.';

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.unknown.length > 0) {
    console.error(`Opzioni non riconosciute: ${opts.unknown.join(' ')}. Uso: npm run dist -- --win|--linux [--x64|--arm64] [--dir] [--rebuild-native]`);
    return 2;
  }
  const { version } = electronInfo();
  const electronDist = process.env.UDC_ELECTRON_DIST || undefined;
  console.log(`Creazione degli installatori per ${opts.platform}-${opts.arch} (Electron ${version})…`);

  // 1. Network first, so a machine without internet stops here, in seconds.
  const needsHeaders = !nativeIsCurrent({ electron: version, abi: electronInfo().abi, platform: opts.platform, arch: opts.arch, driver: driverVersion() }) || opts.rebuildNative;
  const needsGithub = !(opts.dir && electronDist) && !proxyConfigured();
  const [headersOk, githubOk] = await Promise.all([
    needsHeaders ? headersReachable(version) : Promise.resolve(true),
    needsGithub ? probe(`https://github.com/electron/electron/releases/download/v${version}/SHASUMS256.txt`) : Promise.resolve(true),
  ]);
  if (!headersOk || !githubOk) {
    console.error(NO_INTERNET);
    return 1;
  }

  // 2. The app.
  console.log('  • compilo l’applicazione (build/build.mjs)…');
  const build = await run(process.execPath, [path.join(ROOT, 'build', 'build.mjs'), '--quiet'], { cwd: ROOT });
  if (build.code !== 0) {
    console.error(`Compilazione dell’applicazione non riuscita:\n${tail(build.output)}`);
    return 1;
  }

  // 3. The Electron flavour of the native module, apart from node_modules.
  let nativeBinding;
  try {
    nativeBinding = await ensureElectronNative({ platform: opts.platform, arch: opts.arch, force: opts.rebuildNative });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    if (opts.platform !== process.platform) {
      console.error('Suggerimento: crea l’installatore sul sistema di destinazione (per Windows, su un PC Windows con Visual Studio Build Tools e Python).');
    }
    return 1;
  }

  // 4. electron-builder.
  console.log('  • impacchetto con electron-builder…');
  const { electronBuilderConfig } = await import('./electron-builder.config.mjs');
  const { default: builder } = await import('electron-builder');
  const { build: ebBuild, Platform, archFromString } = builder;
  const platform = opts.platform === 'win32' ? Platform.WINDOWS : opts.platform === 'darwin' ? Platform.MAC : Platform.LINUX;
  const config = electronBuilderConfig({ nativeBinding, electronDist });
  const targetNames = opts.dir ? ['dir'] : [];
  try {
    const artifacts = await ebBuild({
      projectDir: ROOT,
      targets: platform.createTarget(targetNames.length > 0 ? targetNames : null, archFromString(opts.arch)),
      config,
      publish: 'never',
    });
    console.log(`Fatto. File in release/:\n${artifacts.map((a) => `  ${path.relative(ROOT, a)}`).join('\n')}`);
    return 0;
  } catch (error) {
    console.error(`electron-builder non è riuscito: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
