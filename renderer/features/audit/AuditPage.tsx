import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import type { AuditLogName } from '../../../shared/contracts/audit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { navigate } from '../../router/hash-router';
import { AccessReportTab, EmergenciesTab } from '../privacy';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { IntegrityPanel } from './IntegrityPanel';
import { loadMore, openLog, selectError, selectHasMore, selectLoading, selectRows, useAuditStore } from './store';

export type AuditTab = AuditLogName | 'consultazioni' | 'emergenze';

const TABS: { value: AuditTab; label: string; path: string }[] = [
  { value: 'data', label: 'Accessi ai dati', path: '/registro' },
  { value: 'admin', label: 'Azioni amministrative', path: '/registro/amministrazione' },
  { value: 'consultazioni', label: 'Chi ha consultato', path: '/registro/consultazioni' },
  { value: 'emergenze', label: 'Accessi in emergenza', path: '/registro/emergenze' },
];

function isLog(tab: AuditTab): tab is AuditLogName {
  return tab === 'data' || tab === 'admin';
}

export function AuditPage({ tab, session }: { tab: AuditTab; session: SessionInfoData }) {
  const rows = useAuditStore(selectRows);
  const hasMore = useAuditStore(selectHasMore);
  const loading = useAuditStore(selectLoading);
  const error = useAuditStore(selectError);
  const current = TABS.find((t) => t.value === tab) ?? TABS[0]!;

  useEffect(() => {
    if (isLog(tab)) void openLog(tab);
  }, [tab]);

  // A profile without audit.view sees the core's refusal and nothing to operate.
  if (isLog(tab) && error?.code === 'FORBIDDEN') {
    return (
      <>
        <PageTitle>Registro accessi</PageTitle>
        <ErrorAlert error={error} />
      </>
    );
  }

  return (
    <>
      <PageTitle subtitle="Chi ha consultato o modificato i dati, quando, da quale postazione e con quale esito.">Registro accessi</PageTitle>
      {isLog(tab) ? <IntegrityPanel /> : null}
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={tab} onChange={(_e, value: AuditTab) => navigate(TABS.find((t) => t.value === value)?.path ?? '/registro')} aria-label="Registri" variant="scrollable">
          {TABS.map((t) => (
            <Tab key={t.value} value={t.value} label={t.label} id={`tab-registro-${t.value}`} aria-controls="pannello-registro" />
          ))}
        </Tabs>
      </Box>
      <Box role="tabpanel" id="pannello-registro" aria-labelledby={`tab-registro-${tab}`}>
        {tab === 'consultazioni' ? <AccessReportTab printedBy={session.user.fullName} /> : null}
        {tab === 'emergenze' ? <EmergenciesTab /> : null}
        {isLog(tab) ? (
          <>
            <Typography variant="h2" sx={{ mb: 2 }}>
              {current.label}
            </Typography>
            <AuditFilters />
            <ErrorAlert error={error} />
            {!error && rows.length === 0 && !loading ? <Typography>Nessuna registrazione con questi filtri.</Typography> : null}
            {rows.length > 0 ? <AuditTable rows={rows} caption={`Registro: ${current.label}`} /> : null}
            <Box sx={{ display: 'flex', justifyContent: 'center', my: 2 }} aria-live="polite">
              {loading ? <CircularProgress aria-label="Caricamento del registro" /> : null}
              {!loading && hasMore ? (
                <Button variant="outlined" onClick={() => void loadMore()}>
                  Carica altri
                </Button>
              ) : null}
            </Box>
          </>
        ) : null}
      </Box>
    </>
  );
}
