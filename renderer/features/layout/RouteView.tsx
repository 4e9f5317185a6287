import type { SessionInfoData } from '../../../shared/contracts/auth';
import { FEATURES } from '../registry';
import { NotFoundPage } from './NotFoundPage';
import { visibleNavItems } from './nav-items';

const ROUTES = FEATURES.flatMap((f) => f.routes);

export function RouteView({ path, session }: { path: string; session: SessionInfoData }) {
  const props = { session, sections: visibleNavItems(session) };
  for (const r of ROUTES) {
    const page = r.render(path, props);
    if (page) return page;
  }
  return <NotFoundPage />;
}
