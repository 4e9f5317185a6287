/** #/cartelle/<id> and its tabs #/cartelle/<id>/diario|pai|interventi|allegati|documenti|cronologia. */
export const CASE_TABS = [
  { value: 'riepilogo', label: 'Riepilogo', suffix: '' },
  { value: 'diario', label: 'Diario', suffix: '/diario' },
  { value: 'pai', label: 'PAI', suffix: '/pai' },
  { value: 'interventi', label: 'Interventi', suffix: '/interventi' },
  { value: 'allegati', label: 'Allegati', suffix: '/allegati' },
  { value: 'documenti', label: 'Documenti', suffix: '/documenti' },
  { value: 'cronologia', label: 'Cronologia', suffix: '/cronologia' },
] as const;

export type CaseTab = (typeof CASE_TABS)[number]['value'];

export function matchCaseRoute(path: string): { id: string; tab: CaseTab } | null {
  const m = /^\/cartelle\/([0-9a-f-]{36})(?:\/(diario|pai|interventi|allegati|documenti|cronologia))?$/.exec(path);
  if (!m?.[1]) return null;
  return { id: m[1], tab: (m[2] ?? 'riepilogo') as CaseTab };
}

export function casePath(id: string, tab: CaseTab = 'riepilogo'): string {
  return `/cartelle/${id}${CASE_TABS.find((t) => t.value === tab)?.suffix ?? ''}`;
}
