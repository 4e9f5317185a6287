import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type BrowserKind = 'chromium' | 'firefox';

export interface FoundBrowser {
  kind: BrowserKind;
  executable: string;
}

type Env = Record<string, string | undefined>;

const LINUX_NAMES: [string, BrowserKind][] = [
  ['chromium', 'chromium'],
  ['chromium-browser', 'chromium'],
  ['google-chrome', 'chromium'],
  ['google-chrome-stable', 'chromium'],
  ['microsoft-edge', 'chromium'],
  ['brave-browser', 'chromium'],
  ['firefox', 'firefox'],
  ['firefox-esr', 'firefox'],
];

/** Where the usual browsers live, in order of preference (Chromium-based first). */
export function browserCandidates(platform: NodeJS.Platform, env: Env): FoundBrowser[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    const list: FoundBrowser[] = [];
    for (const root of roots) {
      list.push({ kind: 'chromium', executable: path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe') });
      list.push({ kind: 'chromium', executable: path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe') });
      list.push({ kind: 'firefox', executable: path.win32.join(root, 'Mozilla Firefox', 'firefox.exe') });
    }
    return list;
  }
  if (platform === 'darwin') {
    return [
      { kind: 'chromium', executable: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' },
      { kind: 'chromium', executable: '/Applications/Chromium.app/Contents/MacOS/Chromium' },
      { kind: 'chromium', executable: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge' },
      { kind: 'firefox', executable: '/Applications/Firefox.app/Contents/MacOS/firefox' },
    ];
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((d) => path.isAbsolute(d));
  return LINUX_NAMES.flatMap(([name, kind]) => dirs.map((dir) => ({ kind, executable: path.join(dir, name) })));
}

/**
 * Private, throw-away profile: nothing of the session (history, cookies, cache) outlives the
 * program, and the user's own browser profile never sees the address.
 */
export function privateBrowserArgs(kind: BrowserKind, profileDir: string, target: string): string[] {
  if (kind === 'firefox') return ['-no-remote', '-profile', profileDir, '-private-window', target];
  return [`--user-data-dir=${profileDir}`, '--incognito', '--no-first-run', '--no-default-browser-check', '--disable-sync', '--new-window', target];
}

/**
 * A page in the (0700) temporary folder that forwards to the address: the browser's command
 * line, which other local users can read, carries a file path instead of the token.
 */
export function launcherPage(url: string): string {
  const safe = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${safe}"><title>Ufficio della Cittadinanza</title>`;
}

export interface OpenedBrowser {
  /** How it was opened, for the console (Italian). */
  description: string;
  /** Ends the browser we started and removes its temporary profile. */
  close(): void;
}

/**
 * Opens `url` in a Chromium/Chrome/Edge or Firefox found on the system, with a private
 * temporary profile removed at exit; the system's default browser (xdg-open, open, start) only
 * when none is found, saying so. Null when there is no display.
 */
export function openPrivateBrowser(url: string, env: Env = process.env, platform: NodeJS.Platform = process.platform): OpenedBrowser | null {
  const hasDisplay = platform === 'win32' || platform === 'darwin' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  if (!hasDisplay) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-browser-'));
  fs.chmodSync(dir, 0o700);
  const launcher = path.join(dir, 'apri.html');
  fs.writeFileSync(launcher, launcherPage(url), { mode: 0o600 });
  const target = platform === 'win32' ? launcher : `file://${launcher}`;
  const remove = () => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });

  const found = browserCandidates(platform, env).find((b) => isExecutable(b.executable));
  let child: ChildProcess | null = null;
  let description: string;
  try {
    if (found) {
      const profile = path.join(dir, 'profilo');
      fs.mkdirSync(profile, { mode: 0o700 });
      child = spawn(found.executable, privateBrowserArgs(found.kind, profile, target), { stdio: 'ignore' });
      description = `Apro ${path.basename(found.executable)} con un profilo privato temporaneo, cancellato alla chiusura del programma.`;
    } else {
      const [cmd, args] = platform === 'win32' ? ['cmd', ['/c', 'start', '""', launcher]] : platform === 'darwin' ? ['open', [launcher]] : ['xdg-open', [launcher]];
      child = spawn(cmd, args, { stdio: 'ignore', detached: true });
      child.unref();
      child = null;
      description =
        'Nessun Chromium, Chrome, Edge o Firefox trovato: apro il browser predefinito del sistema. La cronologia di quel browser conserverà l’indirizzo (già usato, non riapre la sessione).';
    }
  } catch {
    remove();
    return { description: 'Non riesco ad aprire il browser: copia l’indirizzo qui sopra.', close: () => undefined };
  }
  child?.on('error', () => console.log('Non riesco ad aprire il browser: copia l’indirizzo qui sopra.'));
  return {
    description,
    close: () => {
      if (child && child.exitCode === null) child.kill();
      remove();
    },
  };
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
