// The Electron shell's security settings, checked without Electron: the pure option builder and
// policy functions main.ts applies, plus source scans of what the preload exposes and of how
// main.ts wires the IPC.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWindowOptions, SPELLCHECK_LANGUAGES, WINDOW_TITLE } from '../../electron/shell/window-options';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  forbiddenSwitches,
  FORBIDDEN_REPLY,
  isAllowedNavigation,
  isPermissionAllowed,
  isTrustedSender,
  isValidChannel,
  isVettedExternalLink,
  resolveAppFile,
  responseHeaders,
} from '../../electron/shell/policy';
import { buildAppMenuTemplate, buildContextMenuTemplate } from '../../electron/shell/menu';
import type { ContextMenuParams } from '../../electron/shell/menu';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('window options', () => {
  const dev = buildWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', isPackaged: false });
  const packaged = buildWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', isPackaged: true });

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['webviewTag', false],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['spellcheck', true],
  ] as const)('%s is %s in development and when packaged', (key, value) => {
    expect(dev.webPreferences?.[key]).toBe(value);
    expect(packaged.webPreferences?.[key]).toBe(value);
  });

  it('has DevTools only in development', () => {
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(packaged.webPreferences?.devTools).toBe(false);
  });

  it('uses the sandboxed CommonJS preload and the Italian title', () => {
    expect(packaged.webPreferences?.preload).toBe('/app/dist/electron/preload.cjs');
    expect(packaged.title).toBe('Ufficio della Cittadinanza');
    expect(WINDOW_TITLE).toBe('Ufficio della Cittadinanza');
  });

  it('spell-checks in Italian', () => {
    expect(SPELLCHECK_LANGUAGES).toEqual(['it-IT']);
  });

  it('sets no option that loosens the sandbox', () => {
    const prefs = packaged.webPreferences as Record<string, unknown>;
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session']) {
      expect(prefs[key], key).toBeUndefined();
    }
  });
});

describe('app origin, navigation and external links', () => {
  it('serves the renderer from app://udc', () => {
    expect(APP_ORIGIN).toBe('app://udc');
    expect(APP_ENTRY_URL).toBe('app://udc/index.html');
  });

  it.each([
    ['app://udc/index.html', true],
    ['app://udc/#/agenda', true],
    ['app://UDC/index.html', true],
    ['app://udc', true],
    ['app://other/index.html', false],
    ['app://udc:8080/index.html', false],
    ['app://user@udc/index.html', false],
    ['https://udc/index.html', false],
    ['https://www.comune.narni.tr.it/', false],
    ['http://127.0.0.1:5173/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['', false],
    ['non è un url', false],
  ])('navigation to %s allowed: %s', (url, allowed) => {
    expect(isAllowedNavigation(url, APP_ORIGIN)).toBe(allowed);
  });

  it.each([
    ['https://www.comune.narni.tr.it/servizi-sociali', true],
    ['https://www.garanteprivacy.it/', true],
    ['mailto:ufficio.cittadinanza@example.it', true],
    ['mailto:a@example.it,b@example.org', true],
    ['http://www.comune.narni.tr.it/', false],
    ['https://utente:password@example.it/', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['javascript:alert(1)', false],
    ['smb://server/condivisa', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['app://udc/index.html', false],
    ['mailto:nonunindirizzo', false],
    ['mailto:a@example.it%0Abcc:x@evil.example', false],
    [`https://example.it/${'a'.repeat(3000)}`, false],
    ['', false],
  ])('external link %s vetted: %s', (url, vetted) => {
    expect(isVettedExternalLink(url)).toBe(vetted);
  });
});

describe('IPC sender and channel checks', () => {
  const ok = { frameUrl: 'app://udc/index.html#/agenda', isMainFrame: true, isOurWindow: true };

  it('trusts only the main frame of our window showing our app', () => {
    expect(isTrustedSender(ok, APP_ORIGIN)).toBe(true);
    expect(isTrustedSender({ ...ok, isMainFrame: false }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...ok, isOurWindow: false }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://evil.example/' }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'file:///home/x/dist/renderer/index.html' }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'app://altro/index.html' }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: null }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(null, APP_ORIGIN)).toBe(false);
  });

  it('answers refused calls with the Italian FORBIDDEN reply', () => {
    expect(FORBIDDEN_REPLY).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Richiesta non autorizzata.' } });
  });

  it('accepts channel names of 1 to 64 characters only', () => {
    expect(isValidChannel('auth.login')).toBe(true);
    expect(isValidChannel('x'.repeat(64))).toBe(true);
    expect(isValidChannel('x'.repeat(65))).toBe(false);
    expect(isValidChannel('')).toBe(false);
    expect(isValidChannel(42)).toBe(false);
    expect(isValidChannel({ toString: () => 'auth.login' })).toBe(false);
    expect(isValidChannel(undefined)).toBe(false);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'usb', 'serial', 'fullscreen', 'openExternal', 'unknown'])('denies %s', (permission) => {
    expect(isPermissionAllowed(permission, APP_ENTRY_URL, APP_ORIGIN)).toBe(false);
  });

  it('allows only clipboard writes, and only from our page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_ENTRY_URL, APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', APP_ORIGIN)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', null, APP_ORIGIN)).toBe(false);
  });
});

describe('app:// file serving', () => {
  // A real folder: the resolver checks real paths, so symlinks cannot lead outside.
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'udc-app-')));
  const rendererRoot = path.join(base, 'renderer');
  mkdirSync(path.join(rendererRoot, 'assets'), { recursive: true });
  for (const f of ['index.html', 'assets/index-abc.js', 'assets/Titillium Web.woff2']) writeFileSync(path.join(rendererRoot, f), 'x');
  writeFileSync(path.join(base, 'segreto.txt'), 'segreto');
  mkdirSync(path.join(base, 'fuori'));
  writeFileSync(path.join(base, 'fuori', 'chiavi.json'), '{}');
  symlinkSync(path.join(base, 'segreto.txt'), path.join(rendererRoot, 'collegamento.txt'));
  symlinkSync(path.join(base, 'fuori'), path.join(rendererRoot, 'assets', 'cartella'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('maps app URLs inside dist/renderer', () => {
    expect(resolveAppFile(rendererRoot, 'app://udc/', APP_ORIGIN)).toBe(path.join(rendererRoot, 'index.html'));
    expect(resolveAppFile(rendererRoot, 'app://udc/index.html', APP_ORIGIN)).toBe(path.join(rendererRoot, 'index.html'));
    expect(resolveAppFile(rendererRoot, 'app://udc/assets/index-abc.js?v=1#x', APP_ORIGIN)).toBe(path.join(rendererRoot, 'assets', 'index-abc.js'));
    expect(resolveAppFile(rendererRoot, 'app://udc/assets/Titillium%20Web.woff2', APP_ORIGIN)).toBe(path.join(rendererRoot, 'assets', 'Titillium Web.woff2'));
  });

  it('does not follow a symlink inside the folder that points outside it', () => {
    expect(resolveAppFile(rendererRoot, 'app://udc/collegamento.txt', APP_ORIGIN)).toBeNull();
    expect(resolveAppFile(rendererRoot, 'app://udc/assets/cartella/chiavi.json', APP_ORIGIN)).toBeNull();
  });

  it('refuses folders and missing files', () => {
    expect(resolveAppFile(rendererRoot, 'app://udc/assets', APP_ORIGIN)).toBeNull();
    expect(resolveAppFile(rendererRoot, 'app://udc/non-esiste.js', APP_ORIGIN)).toBeNull();
  });

  it.each([
    'app://udc/assets/%2e%2e%2f%2e%2e%2fsecret',
    'app://udc/..%5c..%5cwindows',
    'app://udc/assets%2f..%2f..%2fx',
    'app://udc/C:%5CWindows',
    'app://udc/C:/Windows/win.ini',
    'app://udc/a%00.js',
    'app://udc/%E0%A4%A',
    'app://other/index.html',
    'https://udc/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(rendererRoot, url, APP_ORIGIN)).toBeNull();
  });

  it('never resolves outside the renderer folder', () => {
    // The URL parser folds ../ (and %2e%2e) segments itself; whatever it yields must stay inside.
    for (const url of ['app://udc/../../../etc/passwd', 'app://udc/%2e%2e/%2e%2e/etc/passwd', 'app://udc/./a/../../b']) {
      const file = resolveAppFile(rendererRoot, url, APP_ORIGIN);
      if (file !== null) expect(file.startsWith(rendererRoot + path.sep)).toBe(true);
    }
  });

  it('sends the strict CSP and no-sniff with every response', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    const headers = responseHeaders('/x/index.html');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(responseHeaders('/x/a.js')['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(responseHeaders('/x/a.unknown')['Content-Type']).toBe('application/octet-stream');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });
});

describe('debugging switches in a packaged build', () => {
  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-port', '9222'],
    ['--remote-debugging-pipe'],
    ['--inspect'],
    ['--inspect=0.0.0.0:9229'],
    ['--inspect-brk=9229'],
    ['--inspect-port=9229'],
    ['--js-flags=--allow-natives-syntax'],
    ['-inspect'],
    ['--INSPECT'],
  ])('refuses %s when packaged, allows it in development', (...args: string[]) => {
    const argv = ['/opt/udc/ufficio-cittadinanza', ...args];
    expect(forbiddenSwitches(argv, true)).toHaveLength(1);
    expect(forbiddenSwitches(argv, false)).toEqual([]);
  });

  it('lets ordinary switches and look-alikes through', () => {
    expect(forbiddenSwitches(['/opt/udc/ufficio-cittadinanza', '--no-sandbox-not-really', '--inspector', '--lang=it', 'inspect', '--remote-debugging'], true)).toEqual([]);
  });

  it('names every switch found once', () => {
    expect(forbiddenSwitches(['x', '--inspect', '--remote-debugging-port=1', '--inspect=2'], true)).toEqual(['--inspect', '--remote-debugging-port']);
  });
});

describe('Italian menus', () => {
  type Item = { label?: string; role?: string; submenu?: unknown; click?: () => void; type?: string };
  const sub = (item: Item | undefined): Item[] => (item?.submenu as Item[] | undefined) ?? [];

  it('has File, Modifica, Visualizza, Aiuto with Italian commands', () => {
    let about = 0;
    const menu = buildAppMenuTemplate({ isPackaged: true, platform: 'win32', appName: 'Ufficio della Cittadinanza', onAbout: () => about++ }) as Item[];
    expect(menu.map((m) => m.label)).toEqual(['File', 'Modifica', 'Visualizza', 'Aiuto']);
    expect(sub(menu[0])).toEqual([{ role: 'quit', label: 'Esci' }]);
    const edit = sub(menu[1]).filter((i) => i.type !== 'separator');
    expect(edit.map((i) => [i.role, i.label])).toEqual([
      ['undo', 'Annulla'],
      ['redo', 'Ripeti'],
      ['cut', 'Taglia'],
      ['copy', 'Copia'],
      ['paste', 'Incolla'],
      ['selectAll', 'Seleziona tutto'],
    ]);
    const view = sub(menu[2]);
    expect(view.some((i) => i.role === 'zoomIn') && view.some((i) => i.role === 'zoomOut') && view.some((i) => i.role === 'resetZoom')).toBe(true);
    const help = sub(menu[3]);
    expect(help[0]?.label).toBe('Informazioni');
    help[0]?.click?.();
    expect(about).toBe(1);
  });

  it('offers Ricarica and DevTools only in development', () => {
    const roles = (isPackaged: boolean) => sub((buildAppMenuTemplate({ isPackaged, platform: 'linux', appName: 'x', onAbout: () => {} }) as Item[])[2]).map((i) => i.role);
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(roles(true)).not.toContain(role);
  });

  it('builds the right-click menu with Italian spelling suggestions', () => {
    const replaced: string[] = [];
    const added: string[] = [];
    const params: ContextMenuParams = {
      isEditable: true,
      selectionText: 'cittadinanzza',
      misspelledWord: 'cittadinanzza',
      dictionarySuggestions: ['cittadinanza'],
      editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true },
    };
    const items = buildContextMenuTemplate(params, { replaceMisspelling: (w) => replaced.push(w), addToDictionary: (w) => added.push(w) }) as Item[];
    items.find((i) => i.label === 'cittadinanza')?.click?.();
    items.find((i) => i.label === 'Aggiungi al dizionario')?.click?.();
    expect(replaced).toEqual(['cittadinanza']);
    expect(added).toEqual(['cittadinanzza']);
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['Taglia', 'Copia', 'Incolla', 'Seleziona tutto']));
    const none = buildContextMenuTemplate({ ...params, isEditable: false, selectionText: '', misspelledWord: '' }, { replaceMisspelling: () => {}, addToDictionary: () => {} });
    expect(none).toEqual([]);
  });
});

// ---- source scans -------------------------------------------------------------------------
// Who may import 'electron' (and the shell modules these tests load, for types only) is an
// allow-list in eslint.layers.js; what follows is what a lint rule cannot say.

describe('preload exposes only window.udc', () => {
  const preload = readFileSync(path.join(root, 'electron', 'preload.ts'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');

  it('calls exposeInMainWorld once, for "udc", and nothing else', () => {
    const exposures = [...preload.matchAll(/contextBridge\s*\.\s*(\w+)\s*\(\s*(['"])([^'"]+)\2/g)];
    expect(exposures.map((m) => [m[1], m[3]])).toEqual([['exposeInMainWorld', 'udc']]);
    expect(preload).not.toMatch(/exposeInIsolatedWorld|executeInMainWorld|webFrame|process\./);
  });

  it('uses ipcRenderer only to invoke udc:call and to listen to udc:event, never hands it out', () => {
    const uses = [...preload.matchAll(/\bipcRenderer\b(\s*\.\s*(\w+)\s*\(\s*(['"])([^'"]*)\3)?/g)];
    // one in the import, invoke('udc:call', …), on('udc:event', …) and its removeListener
    const calls = uses.filter((m) => m[2] !== undefined).map((m) => [m[2], m[4]]);
    expect(calls).toEqual([
      ['invoke', 'udc:call'],
      ['on', 'udc:event'],
      ['removeListener', 'udc:event'],
    ]);
    expect(uses.length).toBe(4);
    // The listener receives the event only, never the IpcRendererEvent (which carries `sender`).
    expect(preload).toMatch(/const relay = \(_e: unknown, event: unknown\) => listener\(event\);/);
  });

  it('exposes exactly two functions, invoke and onEvent', () => {
    const body = /exposeInMainWorld\(\s*'udc'\s*,\s*\{([\s\S]*)\}\s*\)\s*;/.exec(preload)?.[1] ?? '';
    const members = [...body.matchAll(/^\s{2}(\w+)\s*[(:]/gm)].map((m) => m[1]);
    expect(members).toEqual(['invoke', 'onEvent']);
  });
});

describe('main process wiring', () => {
  const main = readFileSync(path.join(root, 'electron', 'main.ts'), 'utf8');

  it('handles only udc:call, checking the sender first', () => {
    expect([...main.matchAll(/ipcMain\.(handle|on|handleOnce|once)\(\s*'([^']+)'/g)].map((m) => [m[1], m[2]])).toEqual([['handle', 'udc:call']]);
    const handler = main.slice(main.indexOf("ipcMain.handle('udc:call'"));
    const trusted = handler.indexOf('isTrustedSender(');
    const forward = handler.indexOf('bridge.call(');
    expect(trusted).toBeGreaterThan(0);
    expect(forward).toBeGreaterThan(trusted);
    expect(handler.indexOf('FORBIDDEN_REPLY')).toBeLessThan(forward);
  });

  it('registers the single-instance lock, the sandbox and the app scheme', () => {
    expect(main).toMatch(/requestSingleInstanceLock\(\)/);
    expect(main).toMatch(/app\.enableSandbox\(\)/);
    expect(main).toMatch(/registerAppScheme\(\)/);
    expect(main).toMatch(/loadURL\(APP_ENTRY_URL\)/);
    expect(main).not.toMatch(/loadURL\(\s*['"`]https?:/);
  });
});
