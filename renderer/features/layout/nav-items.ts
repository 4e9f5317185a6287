import type { SessionInfoData } from '../../../shared/contracts/auth';
import type { NavItem } from '../../router/feature';
import { FEATURES } from '../registry';

/** The drawer's sections, from every feature's registration, in their declared order. */
const NAV_ITEMS: readonly NavItem[] = FEATURES.flatMap((f) => f.nav).sort((a, b) => a.order - b.order);

export function visibleNavItems(session: SessionInfoData): NavItem[] {
  return NAV_ITEMS.filter((item) => item.visible(session));
}

export function isActive(item: NavItem, path: string): boolean {
  if (item.path === '/') return path === '/';
  return [item.path, ...(item.also ?? [])].some((p) => path === p || path.startsWith(`${p}/`));
}
