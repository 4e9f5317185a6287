// Pure security policy of the shell: which URLs a window may show, which links may leave the
// app, which IPC senders are ours, which files the app:// scheme may serve. No `electron`
// import here, so the unit tests check these rules exactly as main.ts applies them.
import { contentSecurityPolicy, contentTypeFor, resolveFileInside } from '../core/server/static-files';

/** The renderer is served from this privileged, standard, secure scheme (never from http). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'udc';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Sent with every response of the app scheme (the renderer's meta CSP is intersected with it). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export const MAX_CHANNEL_LENGTH = 64;
const MAX_EXTERNAL_URL_LENGTH = 2048;

export const FORBIDDEN_REPLY = {
  ok: false as const,
  error: { code: 'FORBIDDEN', message: 'Richiesta non autorizzata.' },
};

function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Same scheme and host as the app origin, no credentials, no port. (Node reports the origin of
 * a custom scheme as "null", so scheme and host are compared explicitly.)
 */
export function isAppUrl(url: unknown, appOrigin: string = APP_ORIGIN): boolean {
  const u = parseUrl(url);
  const o = parseUrl(appOrigin);
  if (!u || !o) return false;
  return u.protocol === o.protocol && u.host !== '' && u.host.toLowerCase() === o.host.toLowerCase() && u.username === '' && u.password === '' && u.port === '';
}

/** `will-navigate`, `will-frame-navigate`, `will-redirect`: only within the app itself. */
export function isAllowedNavigation(url: unknown, appOrigin: string = APP_ORIGIN): boolean {
  return isAppUrl(url, appOrigin);
}

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/**
 * Links the shell may hand to the operating system (`shell.openExternal`): https with a real host
 * and no credentials, or mailto with plain addresses. Everything else (http, file, javascript,
 * smb, custom protocols that launch programs) is refused.
 */
export function isVettedExternalLink(url: unknown): boolean {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  const u = parseUrl(url);
  if (!u) return false;
  if (u.protocol === 'https:') {
    return u.hostname !== '' && u.username === '' && u.password === '';
  }
  if (u.protocol === 'mailto:') {
    let addresses: string;
    try {
      addresses = decodeURIComponent(u.pathname);
    } catch {
      return false;
    }
    const list = addresses.split(',').map((a) => a.trim());
    return list.length > 0 && list.every((a) => EMAIL.test(a));
  }
  return false;
}

export interface SenderInfo {
  /** URL of `event.senderFrame` (null when the frame is gone). */
  frameUrl: string | null | undefined;
  /** `senderFrame.parent === null`: the top frame, not an iframe. */
  isMainFrame: boolean;
  /** The sender's webContents belongs to one of the windows the shell created. */
  isOurWindow: boolean;
}

/** Every `udc:call` must come from the main frame of one of our windows showing our app. */
export function isTrustedSender(sender: SenderInfo | null | undefined, appOrigin: string = APP_ORIGIN): boolean {
  if (!sender) return false;
  return sender.isMainFrame === true && sender.isOurWindow === true && isAppUrl(sender.frameUrl, appOrigin);
}

/** The core checks the channel name against the contract; the shell only bounds it. */
export function isValidChannel(channel: unknown): channel is string {
  return typeof channel === 'string' && channel.length > 0 && channel.length <= MAX_CHANNEL_LENGTH;
}

/**
 * Permission requests and checks are denied, with one exception: writing plain text to the
 * clipboard from our own page (the "Copia" buttons, e.g. for the recovery key). Reading the
 * clipboard, media, notifications, geolocation, HID/USB/serial and the rest stay denied.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined, appOrigin: string = APP_ORIGIN): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl, appOrigin);
}

/**
 * Maps an app:// request to a file under `rendererRoot`, or null (404) when the URL is not ours,
 * malformed, or would escape the folder (`..`, encoded separators, NUL, drive letters, symlinks
 * pointing outside): the same resolver as browser mode.
 */
export function resolveAppFile(rendererRoot: string, requestUrl: string, appOrigin: string = APP_ORIGIN): string | null {
  if (!isAppUrl(requestUrl, appOrigin)) return null;
  const u = new URL(requestUrl);
  const segments: string[] = [];
  for (const raw of u.pathname.split('/').filter((s) => s !== '')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[\\/:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return resolveFileInside(rendererRoot, segments.join('/'));
}

export { contentTypeFor };

/** Headers of every app:// response. */
export function responseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(file),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

/** Switches that open a debugger or change V8 in a running app: never in a packaged build. */
const DEBUG_SWITCHES = ['--remote-debugging-port', '--remote-debugging-pipe', '--remote-debugging-address', '--inspect', '--inspect-brk', '--inspect-port', '--js-flags'];

/**
 * The debugging switches present on a packaged app's command line (empty in development, where
 * they are legitimate). Matches `--x`, `--x=value` and the `-x` spelling Chromium also accepts.
 */
export function forbiddenSwitches(argv: readonly string[], isPackaged: boolean): string[] {
  if (!isPackaged) return [];
  const found: string[] = [];
  for (const arg of argv) {
    const name =
      arg
        .replace(/^-{1,2}/, '--')
        .split('=')[0]
        ?.toLowerCase() ?? '';
    if (DEBUG_SWITCHES.includes(name) && !found.includes(name)) found.push(name);
  }
  return found;
}
