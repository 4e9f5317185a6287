/// <reference types="node" />
// electron-builder afterPack hook: flips the Electron fuses of the packaged binary (before
// signing and before the installer is made), then reads them back and stops the build if any
// fuse is not as required. Development runs (`electron .`) keep the stock binary.
import path from 'node:path';

/** The fuses every packaged build must carry (Electron security checklist; README, Electron window). */
export const REQUIRED_FUSES = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * The parts of electron-builder's AfterPackContext this hook reads.
 * @typedef {{
 *   electronPlatformName: string,
 *   appOutDir: string,
 *   arch?: number,
 *   packager: { appInfo: { productFilename: string }, executableName?: string },
 * }} PackContext
 */

/**
 * Path of the Electron executable inside the unpacked app, as electron-builder names it.
 * @param {PackContext} context
 * @returns {string}
 */
export function packagedExecutable(context) {
  const platform = context.electronPlatformName;
  const packager = context.packager;
  if (platform === 'darwin' || platform === 'mas') return path.join(context.appOutDir, `${packager.appInfo.productFilename}.app`);
  if (platform === 'win32') return path.join(context.appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(context.appOutDir, packager.executableName ?? packager.appInfo.productFilename);
}

/**
 * Flips REQUIRED_FUSES on `executable` and verifies them; throws (in Italian) on any mismatch.
 * @param {string} executable
 * @param {{ resetAdHocDarwinSignature?: boolean }} [options]
 */
export async function applyFuses(executable, { resetAdHocDarwinSignature = false } = {}) {
  const { flipFuses, getCurrentFuseWire, FuseVersion, FuseV1Options, FuseState } = await import('@electron/fuses');
  /** @type {[string, import('@electron/fuses').FuseV1Options, boolean][]} */
  const fuses = Object.entries(REQUIRED_FUSES).map(([name, value]) => {
    const index = /** @type {Record<string, import('@electron/fuses').FuseV1Options | undefined>} */ (/** @type {unknown} */ (FuseV1Options))[name];
    if (index === undefined) throw new Error(`Fusibile sconosciuto a @electron/fuses: ${name}`);
    return [name, index, value];
  });
  /** @type {import('@electron/fuses').FuseV1Config} */
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature };
  for (const [, index, value] of fuses) config[index] = value;
  await flipFuses(executable, config);

  const wire = await getCurrentFuseWire(executable);
  const wrong = fuses.filter(([, index, value]) => wire[index] !== (value ? FuseState.ENABLE : FuseState.DISABLE)).map(([name]) => name);
  if (wrong.length > 0) {
    throw new Error(`Fusibili di Electron non impostati come richiesto: ${wrong.join(', ')}. Pacchetto non valido.`);
  }
  return wire;
}

/** @param {PackContext} context */
export default async function afterPack(context) {
  const executable = packagedExecutable(context);
  // arm64 macOS binaries carry an ad-hoc signature that flipping fuses invalidates.
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await applyFuses(executable, { resetAdHocDarwinSignature: isMac && context.arch === 3 }); // 3 = Arch.arm64
  console.log(`  • fusibili di Electron impostati e verificati: ${path.basename(executable)}`);
}
