/** The addresses of this feature: #/persone, #/persone/nuova, #/persone/<id>, #/persone/<id>/modifica. */
export type PersonRoute = { kind: 'list' } | { kind: 'new' } | { kind: 'person'; id: string } | { kind: 'edit'; id: string };

export function matchPersonRoute(path: string): PersonRoute | null {
  if (path === '/persone') return { kind: 'list' };
  if (path === '/persone/nuova') return { kind: 'new' };
  const m = /^\/persone\/([0-9a-f-]{36})(\/modifica)?$/.exec(path);
  if (!m?.[1]) return null;
  return m[2] ? { kind: 'edit', id: m[1] } : { kind: 'person', id: m[1] };
}

export const personPath = (id: string) => `/persone/${id}`;
