// The shell's side of letters: the core's HTML document printed to PDF by Chromium itself
// (webContents.printToPDF) in a hidden window, kept for the next letter. The window has no
// JavaScript and a session of its own that loads nothing from the network: the document's
// fonts and images are data URLs.
import { BrowserWindow, session } from 'electron';

let win: BrowserWindow | null = null;
let queue: Promise<unknown> = Promise.resolve();

function printerWindow(): BrowserWindow {
  if (win && !win.isDestroyed()) return win;
  const ses = session.fromPartition('udc-stampa', { cache: false });
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'] }, (_details, callback) => callback({ cancel: true }));
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  win = new BrowserWindow({
    show: false,
    webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, spellcheck: false },
  });
  return win;
}

async function printOne(html: string): Promise<Buffer> {
  const target = printerWindow();
  try {
    await target.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    // Electron's default page is Letter: A4 and the document's own @page are set explicitly.
    return await target.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
  } finally {
    // Nothing of the letter stays in the hidden window between documents.
    await target.loadURL('about:blank').catch(() => undefined);
  }
}

/** One document after the other (a batch is one document). */
export function printToPdf(html: string): Promise<Buffer> {
  const run = queue.then(() => printOne(html));
  queue = run.catch(() => undefined);
  return run;
}
