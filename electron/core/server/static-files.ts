// The one file resolver, MIME table and CSP of the renderer, shared by browser mode (this
// folder's server) and the Electron shell's app:// scheme (electron/shell/policy.ts imports
// them). Electron-free: the core never imports electron, the shell may import the core.
import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Every directive but connect-src, which depends on the transport (IPC or our WebSocket). */
const CSP_BASE = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** The renderer's CSP with the given connect-src sources (after 'self'). */
export function contentSecurityPolicy(...connectSources: string[]): string {
  const directives = [...CSP_BASE];
  directives.splice(5, 0, ["connect-src 'self'", ...connectSources].join(' '));
  return directives.join('; ');
}

/**
 * A decoded path relative to `root` (empty or "/": index.html) → the real path of a regular file inside `root`, or null.
 * Refuses NUL and backslashes, anything that escapes lexically (`..`) and anything whose real
 * path (after symlinks) is outside the real root. Works inside app.asar too (Electron's fs
 * implements realpath and stat there).
 */
export function resolveFileInside(root: string, relativePath: string): string | null {
  if (relativePath.includes('\0') || relativePath.includes('\\')) return null;
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    return null;
  }
  const relative = relativePath.replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(realRoot, relative);
  if (!file.startsWith(realRoot + path.sep)) return null;
  let real: string;
  let stat: fs.Stats;
  try {
    real = fs.realpathSync(file);
    stat = fs.statSync(real);
  } catch {
    return null;
  }
  if (!real.startsWith(realRoot + path.sep) || !stat.isFile()) return null;
  return real;
}

/** Browser mode: a URL path (with its query) → the file to serve and its type, or null (404). */
export function resolveStatic(root: string, urlPath: string): { file: string; type: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded === '') return null;
  const file = resolveFileInside(root, decoded);
  return file ? { file, type: contentTypeFor(file) } : null;
}
