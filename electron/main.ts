// Electron main process: windows, menu, the app:// scheme, and the relay between the renderer
// (window.udc.invoke) and the Electron-free core running in a utilityProcess. Kept thin: every
// rule worth testing lives in shell/ pure modules or in the core.
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { handleAppScheme, registerAppScheme } from './shell/app-protocol';
import { CoreBridge } from './shell/core-bridge';
import type { Reply } from './shell/core-bridge';
import { forkCoreWorker } from './shell/core-process';
import { printToPdf } from './shell/print-to-pdf';
import { attachContextMenu, guardAllWebContents, hardenSession } from './shell/hardening';
import { buildAppMenuTemplate } from './shell/menu';
import { defaultDataDir } from './core/default-data-dir';
import { appPaths, PRODUCT_NAME } from './shell/paths';
import { APP_ENTRY_URL, APP_ORIGIN, FORBIDDEN_REPLY, forbiddenSwitches, isTrustedSender, isValidChannel } from './shell/policy';
import { buildWindowOptions } from './shell/window-options';

const APP_ID = 'it.zonasociale11.ufficiocittadinanza';

interface WindowEntry {
  win: BrowserWindow;
  /** One core connection (and session) per page load of this window. */
  connId: string;
  used: boolean;
}

const UNKNOWN_CHANNEL_REPLY: Reply = { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Operazione sconosciuta.' } };

// A packaged build never runs with a debugger attachable (it would read the decrypted data).
const debugSwitches = forbiddenSwitches(process.argv, app.isPackaged);
if (debugSwitches.length > 0) {
  console.error(`Opzioni di debug non ammesse nella versione installata (${debugSwitches.join(', ')}): il programma si chiude.`);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  app.enableSandbox();
  registerAppScheme();
  guardAllWebContents();
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  const paths = appPaths({
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
    env: process.env,
  });
  let sqliteBinding = paths.sqliteBinding;
  if (!app.isPackaged && sqliteBinding && !existsSync(sqliteBinding)) {
    console.warn(`Modulo SQLite per Electron non trovato (${sqliteBinding}): eseguire "npm start" o "npm run dist" per compilarlo.`);
    sqliteBinding = undefined;
  }
  const dataDir = defaultDataDir(process.env, process.platform);

  const windows = new Map<number, WindowEntry>();

  const bridge = new CoreBridge(
    () =>
      forkCoreWorker(paths.worker, {
        UDC_DATA_DIR: dataDir,
        UDC_WORKSTATION: os.hostname(),
        UDC_SQLITE_BINDING: sqliteBinding,
      }),
    {
      log: (message) => console.error(message),
      printToPdf,
      onEvent: (connId, event) => {
        for (const entry of windows.values()) {
          if (entry.connId === connId && !entry.win.isDestroyed()) entry.win.webContents.send('udc:event', event);
        }
      },
      onGiveUp: () => {
        dialog.showErrorBox(
          PRODUCT_NAME,
          "Il motore dei dati non riesce ad avviarsi. Chiudi e riapri il programma; se il problema continua rivolgiti all'assistenza informatica. Nessun dato è stato cancellato.",
        );
      },
    },
  );

  ipcMain.handle('udc:call', async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown): Promise<Reply> => {
    const entry = windows.get(event.sender.id);
    const frame = event.senderFrame;
    const trusted = isTrustedSender(
      frame
        ? {
            frameUrl: frame.url,
            isMainFrame: frame.parent === null,
            isOurWindow: entry !== undefined && !entry.win.isDestroyed() && entry.win.webContents === event.sender,
          }
        : null,
      APP_ORIGIN,
    );
    if (!trusted || !entry) return FORBIDDEN_REPLY;
    if (!isValidChannel(channel)) return UNKNOWN_CHANNEL_REPLY;
    entry.used = true;
    return bridge.call(entry.connId, channel, payload);
  });

  function newConnection(entry: WindowEntry): void {
    if (entry.used) bridge.disconnect(entry.connId);
    entry.connId = randomUUID();
    entry.used = false;
  }

  function showAbout(): void {
    const detail = [
      `Versione ${app.getVersion()}`,
      'Zona Sociale 11 - Ufficio della Cittadinanza',
      'Licenza EUPL-1.2',
      '',
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    ].join('\n');
    const parent = BrowserWindow.getFocusedWindow();
    const options = { type: 'info' as const, title: 'Informazioni', message: PRODUCT_NAME, detail, buttons: ['Chiudi'] };
    void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
  }

  function createWindow(): BrowserWindow {
    const icon = path.join(app.getAppPath(), 'build', 'icons', 'icon.png');
    const win = new BrowserWindow(
      buildWindowOptions({
        preloadPath: paths.preload,
        isPackaged: app.isPackaged,
        ...(!app.isPackaged && process.platform === 'linux' && existsSync(icon) ? { icon } : {}),
      }),
    );
    const contents = win.webContents;
    const contentsId = contents.id;
    const entry: WindowEntry = { win, connId: randomUUID(), used: false };
    windows.set(contentsId, entry);

    // A new document (reload) or a crashed renderer starts a new connection, as a new tab does in
    // browser mode. 'did-navigate' fires only for committed main-frame documents, so a blocked
    // navigation (an external link) does not end the session.
    contents.on('did-navigate', () => newConnection(entry));
    contents.on('render-process-gone', () => newConnection(entry));
    attachContextMenu(contents);
    win.on('page-title-updated', (event) => event.preventDefault());
    win.once('ready-to-show', () => win.show());
    contents.once('did-fail-load', () => {
      if (!win.isDestroyed() && !win.isVisible()) win.show();
    });
    win.on('closed', () => {
      windows.delete(contentsId);
      if (entry.used) bridge.disconnect(entry.connId);
    });

    win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
      console.error('Impossibile caricare l’interfaccia:', error instanceof Error ? error.message : error);
    });
    return win;
  }

  function focusExistingWindow(): void {
    const first = [...windows.values()][0]?.win;
    if (!first || first.isDestroyed()) return;
    if (first.isMinimized()) first.restore();
    first.show();
    first.focus();
  }

  app.on('second-instance', () => focusExistingWindow());
  app.on('window-all-closed', () => app.quit());
  // Give the core a moment to close the database cleanly before the process ends.
  let coreClosed = false;
  app.on('will-quit', (event) => {
    if (coreClosed) return;
    event.preventDefault();
    void bridge.shutdown(2000).finally(() => {
      coreClosed = true;
      app.quit();
    });
  });
  app.on('activate', () => {
    if (windows.size === 0) createWindow();
  });

  app
    .whenReady()
    .then(() => {
      hardenSession();
      handleAppScheme(paths.rendererRoot);
      Menu.setApplicationMenu(Menu.buildFromTemplate(buildAppMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform, appName: PRODUCT_NAME, onAbout: showAbout })));
      bridge.start();
      createWindow();
    })
    .catch((error: unknown) => {
      dialog.showErrorBox(PRODUCT_NAME, `Avvio non riuscito: ${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
    });
}
