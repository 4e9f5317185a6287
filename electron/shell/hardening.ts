// Session and webContents guards applied to everything the app creates (Electron security
// checklist): no remote content, no navigation away, no new windows, no webviews, no permissions.
import { app, Menu, session, shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN, isAllowedNavigation, isPermissionAllowed, isVettedExternalLink } from './policy';
import { buildContextMenuTemplate } from './menu';
import { SPELLCHECK_LANGUAGES } from './window-options';

function openExternally(url: string): void {
  if (!isVettedExternalLink(url)) return;
  shell.openExternal(url).catch(() => {
    console.error('Impossibile aprire il collegamento esterno.');
  });
}

export function hardenSession(ses: Session = session.defaultSession): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, APP_ORIGIN));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, APP_ORIGIN));
  ses.setDevicePermissionHandler(() => false);
  // Pages never reach the network: everything they need is under app://. (Requests made by the
  // browser itself, such as the spell-check dictionary, carry no webContents and are not ours.)
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    callback({ cancel: details.webContentsId !== undefined });
  });
  // Windows and Linux would download Hunspell dictionaries from Google's CDN on first use, and
  // nothing remote is ever loaded here: spell-checking stays on only where the OS provides it
  // (macOS), until the Italian dictionary ships inside the package.
  if (process.platform !== 'darwin') {
    ses.setSpellCheckerEnabled(false);
    return;
  }
  const languages = SPELLCHECK_LANGUAGES.filter((l) => ses.availableSpellCheckerLanguages.includes(l));
  if (languages.length > 0) ses.setSpellCheckerLanguages(languages);
}

/** Installed once: every webContents (windows, devtools, anything later) gets the same guards. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, APP_ORIGIN)) return;
    event.preventDefault();
    openExternally(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url, APP_ORIGIN)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, APP_ORIGIN)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Italian right-click menu (spelling suggestions, cut/copy/paste) for our windows' pages. */
export function attachContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template = buildContextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup();
  });
}
