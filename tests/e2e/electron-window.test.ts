import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The Electron binary, where one has been downloaded; this build machine has none. */
function electronBinary(): string | null {
  try {
    const bin = createRequire(import.meta.url)('electron') as unknown;
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.log('Electron non disponibile su questa macchina: il test end-to-end della finestra Electron è SALTATO (gli stessi flussi sono provati in Chromium in modalità browser).');
}

describe('Electron window (only where an Electron binary exists)', () => {
  it.skipIf(!binary)('opens a sandboxed window with only the typed bridge and the set-up wizard', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-electron-'));
    const app = await electron.launch({
      executablePath: binary as string,
      args: [ROOT],
      env: { ...process.env, UDC_DATA_DIR: dataDir },
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
