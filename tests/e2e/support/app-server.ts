import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface RunningApp {
  url: string;
  origin: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Start the built app in browser mode exactly as `npm start` does without Electron:
 * `node dist/core/cli.mjs serve`, on a fresh data folder and a random port.
 */
export async function startApp(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-e2e-'))): Promise<RunningApp> {
  const cli = path.join(ROOT, 'dist/core/cli.mjs');
  if (!fs.existsSync(cli)) throw new Error('dist/ mancante: esegui `npm run build` prima dei test end-to-end');
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve', '--data-dir', dataDir, '--port', '0', '--no-open'], {
    cwd: ROOT,
    env: { ...process.env, DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let onOutput = (): void => undefined;
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    onOutput();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
    onOutput();
  });
  // Resolved by the line that carries the address, as it arrives; the timer only guards a hang.
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Il server non è partito:\n${out}`)), 20_000);
    onOutput = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#t=[\w-]+)/.exec(out);
      if (m) {
        onOutput = () => undefined;
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    };
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Il server è uscito con codice ${code}:\n${out}`));
    });
    onOutput();
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
