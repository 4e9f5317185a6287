// The app:// scheme: serves only the built renderer (dist/renderer), with the CSP header.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, APP_ORIGIN, resolveAppFile, responseHeaders } from './policy';

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function notFound(): Response {
  return new Response('Non trovato', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Must run after `app` is ready. Works inside app.asar (Electron's fs reads asar archives). */
export function handleAppScheme(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppFile(rendererRoot, request.url, APP_ORIGIN);
    if (!file) return notFound();
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: responseHeaders(file) });
    } catch {
      return notFound();
    }
  });
}
