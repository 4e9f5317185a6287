const STORAGE_KEY = 'udc.token';

/**
 * The browser-mode token arrives once in the URL fragment (never sent to the server in HTTP
 * requests, never in the history once replaced). sessionStorage keeps it for reloads of this
 * tab only.
 */
export function takeToken(): string | null {
  const match = /^#t=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(STORAGE_KEY, token);
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    return token;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
