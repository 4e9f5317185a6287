import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import type { AuditLogName } from '../../../shared/contracts/audit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { navigate } from '../../router/hash-router';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { IntegrityPanel } from './IntegrityPanel';
import { loadMore, openLog, selectError, selectHasMore, selectLoading, selectRows, useAuditStore } from './store';

const LOGS: { value: AuditLogName; label: string; path: string }[] = [
  { value: 'data', label: 'Accessi ai dati', path: '/registro' },
  { value: 'admin', label: 'Azioni amministrative', path: '/registro/amministrazione' },
];

export function AuditPage({ log }: { log: AuditLogName }) {
  const rows = useAuditStore(selectRows);
  const hasMore = useAuditStore(selectHasMore);
  const loading = useAuditStore(selectLoading);
  const error = useAuditStore(selectError);
  const current = LOGS.find((l) => l.value === log) ?? LOGS[0]!;

  useEffect(() => {
    void openLog(log);
  }, [log]);

  // A profile without audit.view sees the core's refusal and nothing to operate.
  if (error?.code === 'FORBIDDEN') {
    return (
      <>
        <PageTitle>Registro accessi</PageTitle>
        <ErrorAlert error={error} />
      </>
    );
  }

  return (
    <>
      <PageTitle subtitle="Chi ha consultato o modificato i dati, quando, da quale postazione e con quale esito.">
        Registro accessi
      </PageTitle>
      <IntegrityPanel />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={log} onChange={(_e, value: AuditLogName) => navigate(LOGS.find((l) => l.value === value)?.path ?? '/registro')} aria-label="Registri">
          {LOGS.map((l) => (
            <Tab key={l.value} value={l.value} label={l.label} id={`tab-registro-${l.value}`} aria-controls="pannello-registro" />
          ))}
        </Tabs>
      </Box>
      <Box role="tabpanel" id="pannello-registro" aria-labelledby={`tab-registro-${log}`}>
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
      </Box>
    </>
  );
}
