import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { PageTitle } from '../../components/PageTitle';
import { navigate } from '../../router/hash-router';
import { AccountTab } from '../account';
import { BackupTab } from '../backup';
import { SyncTab } from '../sync';
import { AgendaSettings } from '../agenda';
import { ParametriTab } from '../sal';
import { DocumentiSettings } from '../documenti';
import { RegistroTab, ScartoTab } from '../records';
import { allows } from '../session';
import { UsersTab } from '../users';
import { ZoneTab } from '../zone';

export type SettingsTab = 'account' | 'utenti' | 'zona' | 'sal' | 'documenti' | 'backup' | 'sincronizzazione' | 'trattamenti' | 'scarto';

const TABS: { value: SettingsTab; label: string; path: string }[] = [
  { value: 'account', label: 'Il mio account', path: '/impostazioni/account' },
  { value: 'utenti', label: 'Utenti', path: '/impostazioni/utenti' },
  { value: 'zona', label: 'Zona', path: '/impostazioni/zona' },
  { value: 'sal', label: 'SAL', path: '/impostazioni/sal' },
  { value: 'documenti', label: 'Documenti', path: '/impostazioni/documenti' },
  { value: 'backup', label: 'Backup', path: '/impostazioni/backup' },
  { value: 'sincronizzazione', label: 'Sincronizzazione', path: '/impostazioni/sincronizzazione' },
  { value: 'trattamenti', label: 'Registro dei trattamenti', path: '/impostazioni/trattamenti' },
  { value: 'scarto', label: 'Conservazione e scarto', path: '/impostazioni/scarto' },
];

export function SettingsPage({ tab, session }: { tab: SettingsTab; session: SessionInfoData }) {
  // A tab the profile cannot use is hidden, unless it was opened by address: then it shows the core's refusal.
  const visible = TABS.filter(
    (t) =>
      t.value === tab ||
      t.value === 'account' ||
      (t.value === 'utenti' && allows(session, 'users.manage')) ||
      (t.value === 'zona' && allows(session, 'zone.manage')) ||
      (t.value === 'sal' && (allows(session, 'sal.read') || allows(session, 'zone.manage'))) ||
      (t.value === 'documenti' && (allows(session, 'letters.print') || allows(session, 'zone.manage'))) ||
      (t.value === 'backup' && allows(session, 'backup.manage')) ||
      // Its state and "Sincronizza ora" are everyone's; setting it up the administrator's.
      t.value === 'sincronizzazione' ||
      (t.value === 'trattamenti' && allows(session, 'zone.manage')) ||
      (t.value === 'scarto' && allows(session, 'records.scarto')),
  );
  return (
    <>
      <PageTitle>Impostazioni</PageTitle>
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tabs value={tab} onChange={(_e, value: SettingsTab) => navigate(TABS.find((t) => t.value === value)?.path ?? '/impostazioni')} aria-label="Sezioni delle impostazioni">
          {visible.map((t) => (
            <Tab key={t.value} value={t.value} label={t.label} id={`tab-${t.value}`} aria-controls={`pannello-${t.value}`} />
          ))}
        </Tabs>
      </Box>
      <Box role="tabpanel" id={`pannello-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'account' ? <AccountTab session={session} /> : null}
        {tab === 'utenti' ? <UsersTab currentUserId={session.user.id} /> : null}
        {tab === 'zona' ? <ZoneTab more={(zone) => <AgendaSettings zone={zone} />} /> : null}
        {tab === 'sal' ? <ParametriTab canEdit={allows(session, 'zone.manage')} /> : null}
        {tab === 'documenti' ? <DocumentiSettings canEdit={allows(session, 'zone.manage')} /> : null}
        {tab === 'backup' ? <BackupTab username={session.user.username} /> : null}
        {tab === 'sincronizzazione' ? <SyncTab canManage={allows(session, 'sync.manage')} /> : null}
        {tab === 'trattamenti' ? <RegistroTab /> : null}
        {tab === 'scarto' ? <ScartoTab /> : null}
      </Box>
    </>
  );
}
