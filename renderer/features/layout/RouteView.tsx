import type { SessionInfoData } from '../../../shared/contracts/auth';
import { AgendaPage } from '../agenda/AgendaPage';
import { AuditPage } from '../audit/AuditPage';
import { DocumentiPage } from '../documenti/DocumentiPage';
import { HomePage } from '../home/HomePage';
import { PersonePage } from '../persone/PersonePage';
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
  switch (path) {
    case '/':
      return <HomePage session={session} />;
    case '/agenda':
      return <AgendaPage session={session} />;
    case '/persone':
      return <PersonePage session={session} />;
    case '/sal':
      return <SalPage session={session} />;
    case '/documenti':
      return <DocumentiPage session={session} />;
    case '/report':
      return <ReportPage session={session} />;
    case '/registro':
      return <AuditPage log="data" />;
    case '/registro/amministrazione':
      return <AuditPage log="admin" />;
    default:
      return <NotFoundPage />;
  }
}
