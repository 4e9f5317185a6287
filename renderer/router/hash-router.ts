import { useSyncExternalStore } from 'react';

/** "#/impostazioni/utenti" → "/impostazioni/utenti"; anything else → "/". */
function currentPath(): string {
  const hash = location.hash;
  if (!hash.startsWith('#/')) return '/';
  const path = hash.slice(1).replace(/\/+$/, '');
  return path === '' ? '/' : path;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashPath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function navigate(path: string): void {
  location.hash = `#${path}`;
}

export function href(path: string): string {
  return `#${path}`;
}
