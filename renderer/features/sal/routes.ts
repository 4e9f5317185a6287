/** #/sal[/tab], #/sal/beneficiari/<id>, #/sal/aziende/<id>, #/sal/tirocini/<id>[/<yyyy-mm>], #/sal/iscrivi/<caseId>. */
export const SAL_TABS = [
  { value: 'cruscotto', label: 'Cruscotto' },
  { value: 'beneficiari', label: 'Beneficiari' },
  { value: 'aziende', label: 'Aziende' },
  { value: 'tirocini', label: 'Tirocini' },
  { value: 'pagamenti', label: 'Pagamenti' },
] as const;
export type SalTab = (typeof SAL_TABS)[number]['value'];

const ID = '([0-9a-f-]{36})';

export type SalRoute =
  | { view: 'register'; tab: SalTab }
  | { view: 'beneficiario'; id: string }
  | { view: 'azienda'; id: string }
  | { view: 'tirocinio'; id: string; month: string | null }
  | { view: 'iscrivi'; caseId: string };

export function matchSalRoute(path: string): { route: SalRoute } | null {
  const tab = /^\/sal(?:\/(beneficiari|aziende|tirocini|pagamenti))?$/.exec(path);
  if (tab) return { route: { view: 'register', tab: (tab[1] ?? 'cruscotto') as SalTab } };
  let m = new RegExp(`^/sal/beneficiari/${ID}$`).exec(path);
  if (m?.[1]) return { route: { view: 'beneficiario', id: m[1] } };
  m = new RegExp(`^/sal/aziende/${ID}$`).exec(path);
  if (m?.[1]) return { route: { view: 'azienda', id: m[1] } };
  m = new RegExp(`^/sal/tirocini/${ID}(?:/(\\d{4}-\\d{2}))?$`).exec(path);
  if (m?.[1]) return { route: { view: 'tirocinio', id: m[1], month: m[2] ?? null } };
  m = new RegExp(`^/sal/iscrivi/${ID}$`).exec(path);
  if (m?.[1]) return { route: { view: 'iscrivi', caseId: m[1] } };
  return null;
}

export const salPath = {
  tab: (tab: SalTab) => (tab === 'cruscotto' ? '/sal' : `/sal/${tab}`),
  beneficiario: (id: string) => `/sal/beneficiari/${id}`,
  azienda: (id: string) => `/sal/aziende/${id}`,
  tirocinio: (id: string, month?: string) => `/sal/tirocini/${id}${month ? `/${month}` : ''}`,
  iscrivi: (caseId: string) => `/sal/iscrivi/${caseId}`,
};
