/** #/documenti (stampa in serie), #/documenti/modelli, #/documenti/modelli/<nome del modello>. */
export type DocumentiRoute = { view: 'serie' } | { view: 'modelli' } | { view: 'modello'; name: string };

export function matchDocumentiRoute(path: string): { route: DocumentiRoute } | null {
  if (path === '/documenti') return { route: { view: 'serie' } };
  if (path === '/documenti/modelli') return { route: { view: 'modelli' } };
  const m = /^\/documenti\/modelli\/([a-z][a-z0-9_]{0,59})$/.exec(path);
  if (m?.[1]) return { route: { view: 'modello', name: m[1] } };
  return null;
}

export const documentiPath = {
  serie: () => '/documenti',
  modelli: () => '/documenti/modelli',
  modello: (name: string) => `/documenti/modelli/${name}`,
};
