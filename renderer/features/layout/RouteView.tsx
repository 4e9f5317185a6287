import type { SessionInfoData } from '../../../shared/contracts/auth';
import { AgendaPage } from '../agenda/AgendaPage';
import { AuditPage } from '../audit/AuditPage';
import { DocumentiPage } from '../documenti/DocumentiPage';
import { HomePage } from '../home/HomePage';
import { CasePage } from '../cases/CasePage';
import { matchCaseRoute } from '../cases/routes';
import { PersonsRoute } from '../persons/PersonsRoute';
import { matchPersonRoute } from '../persons/routes';
import { ReportPage } from '../report/ReportPage';
import { SalPage } from '../sal/SalPage';
import { SettingsPage, type SettingsTab } from '../settings/SettingsPage';
import { NotFoundPage } from './NotFoundPage';

const SETTINGS_TABS: Record<string, SettingsTab> = {
  '/impostazioni': 'account',
  '/impostazioni/account': 'account',
  '/impostazioni/utenti': 'utenti',
  '/impostazioni/zona': 'zona',
};

export function RouteView({ path, session }: { path: string; session: SessionInfoData }) {
  const settingsTab = SETTINGS_TABS[path];
  if (settingsTab) return <SettingsPage tab={settingsTab} session={session} />;
  const personRoute = matchPersonRoute(path);
  if (personRoute) return <PersonsRoute route={personRoute} session={session} />;
  const caseRoute = matchCaseRoute(path);
  if (caseRoute) return <CasePage id={caseRoute.id} tab={caseRoute.tab} session={session} />;
  switch (path) {
    case '/':
      return <HomePage session={session} />;
    case '/agenda':
      return <AgendaPage session={session} />;
    case '/sal':
      return <SalPage session={session} />;
    case '/documenti':
      return <DocumentiPage session={session} />;
    case '/report':
      return <ReportPage session={session} />;
    case '/registro':
      return <AuditPage tab="data" session={session} />;
    case '/registro/amministrazione':
      return <AuditPage tab="admin" session={session} />;
    case '/registro/consultazioni':
      return <AuditPage tab="consultazioni" session={session} />;
    case '/registro/emergenze':
      return <AuditPage tab="emergenze" session={session} />;
    default:
      return <NotFoundPage />;
  }
}
