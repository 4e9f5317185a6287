// Packaging and start-up scripts, checked offline: electron-builder configuration, the fuses the
// afterPack hook flips (on a fake Electron binary carrying a real fuse wire), the native-module
// checks of dist.mjs and the Electron/browser decision helpers of start.mjs.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appPaths } from '../../electron/shell/paths';
import { defaultDataDir as coreDefaultDataDir } from '../../electron/core/default-data-dir';

const root = fileURLToPath(new URL('../..', import.meta.url));
const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'udc-shell-test-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Loads a build script (plain .mjs, no type declarations) by URL. */
async function load<T>(relative: string): Promise<T> {
  return (await import(pathToFileURL(path.join(root, relative)).href)) as T;
}

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  files: string[];
  extraResources: { from: string; to: string }[];
  extraMetadata: { main: string };
  afterPack: unknown;
  win: { target: { target: string; arch: string[] }[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: string[]; category: string; maintainer: string; icon: string };
}
interface ConfigModule {
  electronBuilderConfig: (o?: { nativeBinding?: string; electronDist?: string }) => BuilderConfig;
  PACKAGED_NATIVE_BINDING: string;
}
interface AfterPackModule {
  REQUIRED_FUSES: Record<string, boolean>;
  applyFuses: (exe: string) => Promise<Record<string, unknown>>;
  packagedExecutable: (context: unknown) => string;
}
interface DistModule {
  hasAbiSymbol: (file: string, abi: string) => boolean;
  nativeIsCurrent: (want: Record<string, string>, root?: string) => boolean;
  parseArgs: (argv: string[]) => { platform: string; arch: string; dir: boolean; rebuildNative: boolean; unknown: string[] };
  electronInfo: (root?: string) => { version: string; abi: string | undefined };
}
interface StartModule {
  defaultDataDir: (i: { platform: NodeJS.Platform; env: Record<string, string | undefined>; homedir: string }) => string;
  findElectronBinary: (root: string, env: Record<string, string | undefined>) => { path?: string; reason?: string };
}

describe('electron-builder configuration', async () => {
  const { electronBuilderConfig, PACKAGED_NATIVE_BINDING } = await load<ConfigModule>('build/electron-builder.config.mjs');
  const config = electronBuilderConfig({ nativeBinding: '/tmp/x/better_sqlite3.node' });

  it('identifies the app and packs dist/ into an asar with the native module outside', () => {
    expect(config.appId).toBe('it.zonasociale11.ufficiocittadinanza');
    expect(config.productName).toBe('Ufficio della Cittadinanza');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/**/*']));
    expect(config.files.some((f) => f.startsWith('!node_modules/better-sqlite3-multiple-ciphers/build'))).toBe(true);
    expect(config.extraMetadata.main).toBe('dist/electron/main.mjs');
    expect(config.extraResources).toEqual([{ from: '/tmp/x/better_sqlite3.node', to: 'native/better_sqlite3.node' }]);
    expect(typeof config.afterPack).toBe('function');
  });

  it('puts the native module where main.ts looks for it when packaged', () => {
    const paths = appPaths({ appPath: '/opt/udc/resources/app.asar', resourcesPath: '/opt/udc/resources', isPackaged: true, env: { UDC_SQLITE_BINDING: '/tmp/evil.node' } });
    expect(paths.sqliteBinding).toBe(path.join('/opt/udc/resources', PACKAGED_NATIVE_BINDING));
    expect(paths.worker).toBe(path.join('/opt/udc/resources/app.asar', 'dist', 'core', 'worker.mjs'));
    expect(paths.preload).toBe(path.join('/opt/udc/resources/app.asar', 'dist', 'electron', 'preload.cjs'));
    const dev = appPaths({ appPath: '/src/udc', resourcesPath: '/x', isPackaged: false, env: {} });
    expect(dev.sqliteBinding).toBe(path.join('/src/udc', 'build', 'native', 'electron', 'better_sqlite3.node'));
  });

  it('makes a per-machine Italian NSIS installer with shortcuts, keeping the data on uninstall', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['it_IT'],
      language: '1040',
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('makes AppImage and deb in the Office category', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toBeTruthy();
  });

  it('has a 512×512 PNG icon', () => {
    const png = readFileSync(path.join(root, config.win.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(config.linux.icon).toBe(config.win.icon);
  });
});

describe('fuses (afterPack)', async () => {
  const { REQUIRED_FUSES, applyFuses, packagedExecutable } = await load<AfterPackModule>('build/after-pack.mjs');
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  const order = [
    'RunAsNode',
    'EnableCookieEncryption',
    'EnableNodeOptionsEnvironmentVariable',
    'EnableNodeCliInspectArguments',
    'EnableEmbeddedAsarIntegrityValidation',
    'OnlyLoadAppFromAsar',
    'LoadBrowserProcessSpecificV8Snapshot',
    'GrantFileProtocolExtraPrivileges',
    'WasmTrapHandlers',
  ];

  it('requires exactly the fuses of the security checklist (README, Electron window)', () => {
    expect(REQUIRED_FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('flips them in a binary that starts with the stock (unsafe) settings, and leaves others alone', async () => {
    // Stock Electron: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, integrity off,
    // asar-only off, snapshot off, file privileges on, wasm trap handlers on.
    const stock = '101100011';
    const exe = path.join(tempDir(), 'ufficio-cittadinanza');
    const wire = Buffer.concat([Buffer.from([1, stock.length]), Buffer.from(stock, 'ascii')]);
    writeFileSync(exe, Buffer.concat([Buffer.alloc(4096, 0xcc), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 0xdd)]));

    await applyFuses(exe);

    const bytes = readFileSync(exe);
    const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
    const after = bytes.subarray(at, at + stock.length).toString('ascii');
    const expected = order.map((name, i) => (name in REQUIRED_FUSES ? (REQUIRED_FUSES[name] ? '1' : '0') : stock[i])).join('');
    expect(after).toBe(expected);
    expect(after).toBe('010011001');
    expect(bytes.length).toBe(4096 + SENTINEL.length + wire.length + 4096);
  });

  it('fails the build when the binary has no fuse wire', async () => {
    const exe = path.join(tempDir(), 'not-electron');
    writeFileSync(exe, Buffer.alloc(1024, 1));
    await expect(applyFuses(exe)).rejects.toThrow();
  });

  it('finds the executable electron-builder produced', () => {
    const packager = { appInfo: { productFilename: 'Ufficio della Cittadinanza' }, executableName: 'ufficio-cittadinanza' };
    expect(packagedExecutable({ electronPlatformName: 'linux', appOutDir: '/o', packager })).toBe(path.join('/o', 'ufficio-cittadinanza'));
    expect(packagedExecutable({ electronPlatformName: 'win32', appOutDir: '/o', packager })).toBe(path.join('/o', 'Ufficio della Cittadinanza.exe'));
    expect(packagedExecutable({ electronPlatformName: 'darwin', appOutDir: '/o', packager })).toBe(path.join('/o', 'Ufficio della Cittadinanza.app'));
  });
});

describe('dist.mjs helpers', async () => {
  const dist = await load<DistModule>('build/dist.mjs');

  it('tells a Node build of better_sqlite3.node from an Electron build by its ABI symbol', () => {
    const nodeBuild = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
    expect(dist.hasAbiSymbol(nodeBuild, process.versions.modules)).toBe(true);
    const { abi } = dist.electronInfo(root);
    expect(abi).toMatch(/^\d+$/);
    expect(abi).not.toBe(process.versions.modules);
    expect(dist.hasAbiSymbol(nodeBuild, abi!)).toBe(false);
    expect(dist.hasAbiSymbol('/nonexistent/x.node', abi!)).toBe(false);
  });

  it('does not trust a native module without a matching record', () => {
    const fake = tempDir();
    const dir = path.join(fake, 'build', 'native', 'electron');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'better_sqlite3.node'), 'xx node_register_module_v150 xx');
    const want = { electron: '45.5.0', abi: '150', platform: 'linux', arch: 'x64', driver: '12.11.1' };
    expect(dist.nativeIsCurrent(want, fake)).toBe(false);
    writeFileSync(path.join(dir, 'better_sqlite3.json'), JSON.stringify(want));
    expect(dist.nativeIsCurrent(want, fake)).toBe(true);
    expect(dist.nativeIsCurrent({ ...want, platform: 'win32' }, fake)).toBe(false);
    expect(dist.nativeIsCurrent({ ...want, electron: '46.0.0' }, fake)).toBe(false);
    writeFileSync(path.join(dir, 'better_sqlite3.node'), 'xx node_register_module_v115 xx');
    expect(dist.nativeIsCurrent(want, fake)).toBe(false);
  });

  it('parses the target options', () => {
    expect(dist.parseArgs(['--win'])).toMatchObject({ platform: 'win32', arch: 'x64', dir: false, unknown: [] });
    expect(dist.parseArgs(['--linux', '--arm64', '--dir'])).toMatchObject({ platform: 'linux', arch: 'arm64', dir: true });
    expect(dist.parseArgs(['--boh']).unknown).toEqual(['--boh']);
  });
});

describe('start.mjs helpers', async () => {
  const start = await load<StartModule>('build/start.mjs');

  it('uses the same data folder as the core (browser mode and Electron share one archive)', () => {
    const home = os.homedir();
    const cases: [NodeJS.Platform, Record<string, string | undefined>][] = [
      ['linux', {}],
      ['linux', { XDG_DATA_HOME: '/srv/dati-utente' }],
      ['linux', { UDC_DATA_DIR: '/mnt/archivio' }],
      ['darwin', {}],
      ['win32', { APPDATA: 'C:\\Users\\op\\AppData\\Roaming' }],
    ];
    for (const [platform, env] of cases) {
      expect(start.defaultDataDir({ platform, env, homedir: home }), `${platform} ${JSON.stringify(env)}`).toBe(coreDefaultDataDir(env, platform));
    }
    expect(start.defaultDataDir({ platform: 'linux', env: {}, homedir: '/home/op' })).toBe('/home/op/.local/share/ufficio-cittadinanza/dati');
  });

  it('finds no Electron binary without downloading it', () => {
    const fake = tempDir();
    expect(start.findElectronBinary(fake, {}).reason).toBe('pacchetto electron non installato');
    const pkg = path.join(fake, 'node_modules', 'electron');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), '{"version":"45.5.0"}');
    expect(start.findElectronBinary(fake, {}).reason).toBe('binario di Electron non scaricato');
    writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    expect(start.findElectronBinary(fake, {}).reason).toBe('binario di Electron non scaricato');
    mkdirSync(path.join(pkg, 'dist'));
    writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    expect(start.findElectronBinary(fake, {}).path).toBe(path.join(pkg, 'dist', 'electron'));
  });
});
