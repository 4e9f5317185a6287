/** Where the page turns the single-use token into its session cookie (browser-server.ts). */
const SESSION_PATH = '/sessione';

export type BrowserSession = { ok: true } | { ok: false; message: string };

/**
 * The browser-mode token arrives once, in the URL fragment (never sent in a request line):
 * it is taken out of the address bar at once, then exchanged, in a POST body, for an HttpOnly
 * session cookie. A reload sends no token and keeps the cookie; the same link opened again, in
 * another browser, is refused by the server with its own message.
 */
export async function openBrowserSession(): Promise<BrowserSession> {
  const match = /^#t=([^&]+)/.exec(location.hash);
  let token: string | null = null;
  if (match?.[1]) {
    token = decodeURIComponent(match[1]);
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  }
  try {
    const res = await fetch(SESSION_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (res.ok) return { ok: true };
    const body = (await res.json().catch(() => null)) as { message?: unknown } | null;
    return { ok: false, message: typeof body?.message === 'string' ? body.message : 'Accesso non riuscito: riavvia il programma per avere un nuovo collegamento.' };
  } catch {
    return { ok: false, message: 'Il programma non risponde: controlla che sia ancora aperto, poi riaprilo dal collegamento stampato all’avvio.' };
  }
}
