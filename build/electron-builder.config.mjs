/// <reference types="node" />
// electron-builder 26 configuration, used by build/dist.mjs (`npm run dist -- --win|--linux`).
// A function, so dist.mjs passes the Electron-ABI native module it has just built and, for
// offline `dir` builds, an unpacked Electron (electronDist).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import afterPack from './after-pack.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const APP_ID = 'it.zonasociale11.ufficiocittadinanza';
export const PRODUCT_NAME = 'Ufficio della Cittadinanza';
/** Where dist.mjs leaves the Electron build of better_sqlite3.node (git-ignored). */
export const DEFAULT_NATIVE_BINDING = path.join(ROOT, 'build', 'native', 'electron', 'better_sqlite3.node');
/** Where the packaged app finds it: main.ts passes resources/native/better_sqlite3.node as UDC_SQLITE_BINDING. */
export const PACKAGED_NATIVE_BINDING = 'native/better_sqlite3.node';

/**
 * @param {{ nativeBinding?: string, electronDist?: string }} [options]
 * @returns {import('electron-builder').Configuration}
 */
export function electronBuilderConfig(options = {}) {
  const nativeBinding = options.nativeBinding ?? DEFAULT_NATIVE_BINDING;
  return {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    copyright: `© ${new Date().getFullYear()} Zona Sociale 11 - Ufficio della Cittadinanza`,
    directories: { output: 'release', buildResources: 'build' },
    // The packaged main must be the ESM bundle whatever package.json says in development.
    extraMetadata: { main: 'dist/electron/main.mjs' },
    files: [
      'package.json',
      'dist/**/*',
      '!**/*.map',
      // The Node-20 build and the C sources of the driver never ship: the app loads the
      // Electron build from resources/native (see extraResources).
      '!node_modules/better-sqlite3-multiple-ciphers/build{,/**/*}',
      '!node_modules/better-sqlite3-multiple-ciphers/deps{,/**/*}',
      '!node_modules/better-sqlite3-multiple-ciphers/src{,/**/*}',
      '!node_modules/better-sqlite3-multiple-ciphers/binding.gyp',
    ],
    asar: true,
    asarUnpack: ['**/*.node'],
    // We build the Electron flavour of the native module ourselves (build/dist.mjs), apart from
    // node_modules, which keeps the Node build the tests use.
    npmRebuild: false,
    nodeGypRebuild: false,
    buildDependenciesFromSource: false,
    extraResources: [{ from: nativeBinding, to: PACKAGED_NATIVE_BINDING }],
    electronLanguages: ['it', 'en-US'],
    afterPack,
    ...(options.electronDist ? { electronDist: options.electronDist } : {}),
    publish: null,

    win: {
      target: [{ target: 'nsis', arch: ['x64'] }],
      icon: 'build/icons/icon.png',
      legalTrademarks: PRODUCT_NAME,
    },
    nsis: {
      oneClick: false,
      perMachine: true,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['it_IT'],
      language: '1040',
      multiLanguageInstaller: false,
      unicode: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: PRODUCT_NAME,
      uninstallDisplayName: PRODUCT_NAME,
      // The archive lives in the users' profile folders and is never removed by an uninstall.
      deleteAppDataOnUninstall: false,
      artifactName: 'UfficioCittadinanza-Setup-${version}-${arch}.${ext}',
    },

    linux: {
      target: ['AppImage', 'deb'],
      category: 'Office',
      maintainer: 'Zona Sociale 11 - Ufficio della Cittadinanza',
      vendor: 'Zona Sociale 11',
      executableName: 'ufficio-cittadinanza',
      synopsis: 'Agenda, cartella sociale e registro SAL',
      icon: 'build/icons/icon.png',
      artifactName: 'ufficio-cittadinanza-${version}-${arch}.${ext}',
    },
    deb: { packageName: 'ufficio-cittadinanza' },

    mac: {
      category: 'public.app-category.productivity',
      icon: 'build/icons/icon.png',
    },
  };
}

export default electronBuilderConfig();
