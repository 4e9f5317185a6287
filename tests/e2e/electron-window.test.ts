import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';
// @ts-expect-error build/start.mjs is plain JavaScript without type declarations
import { findElectronBinary, prepareElectron } from '../../build/start.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The Electron binary, where one has been downloaded; this build machine has none. Found the
 * way `npm start` finds it, never through require('electron'), which would try to download it.
 */
function electronBinary(): string | null {
  const found = (findElectronBinary as (root: string) => { path?: string; reason?: string })(ROOT);
  return found.path ?? null;
}

const binary = electronBinary();
if (!binary) {
  console.log(
    'Electron non disponibile su questa macchina: il test end-to-end della finestra Electron è SALTATO (gli stessi flussi sono provati in Chromium in modalità browser).',
  );
}

describe('Electron window (only where an Electron binary exists)', () => {
  it.skipIf(!binary)('opens a sandboxed window with only the typed bridge and the set-up wizard', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-electron-'));
    // The Electron-ABI SQLite module, built apart from node_modules exactly as `npm start` does.
    const prepared = await (prepareElectron as (o: { root: string }) => Promise<{ electron?: string; binding?: string; reason?: string }>)({ root: ROOT });
    if (!prepared.binding) throw new Error(`Electron presente ma non avviabile: ${prepared.reason}`);
    const app = await electron.launch({
      executablePath: binary as string,
      args: [ROOT],
      env: { ...process.env, UDC_DATA_DIR: dataDir, UDC_SQLITE_BINDING: prepared.binding },
    });
    try {
      const window = await app.firstWindow();
      expect(await window.title()).toBe('Ufficio della Cittadinanza');
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await window.evaluate(() => Object.keys((globalThis as unknown as { udc: object }).udc))).toEqual(['invoke']);
      await window.getByRole('heading', { name: /Configurazione iniziale/i }).waitFor();
    } finally {
      await app.close();
    }
  });
});
