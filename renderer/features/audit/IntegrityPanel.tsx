import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import type { ChainReportData } from '../../../shared/contracts/audit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateAtTime } from '../../i18n/format';
import { selectReport, selectVerifyError, selectVerifying, useAuditStore, verifyChains } from './store';

/** The anchor line under a chain's result: when and where the chain was last anchored outside the database. */
function anchorLine(chain: ChainReportData): string {
  const a = chain.anchor;
  if (a.status === 'ok' && a.at) {
    const where = a.seq ? ` (registrazione n. ${a.seq.toLocaleString('it-IT')})` : ', quando era ancora vuoto';
    return `Coerente con l’ancoraggio esterno del ${formatDateAtTime(a.at)}${where}.`;
  }
  if (a.status === 'none') return 'Nessun ancoraggio esterno ancora: il primo viene scritto alla chiusura del programma.';
  return `${a.message.charAt(0).toUpperCase()}${a.message.slice(1)}.`;
}

function ChainAlert({ title, chain, checkedAt }: { title: string; chain: ChainReportData; checkedAt: string }) {
  if (chain.ok) {
    return (
      <Alert severity="success" sx={{ height: '100%' }}>
        <AlertTitle>{title}</AlertTitle>
        Catena integra: {chain.checked.toLocaleString('it-IT')} registrazioni verificate il {formatDateAtTime(checkedAt)}.
        <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
          {anchorLine(chain)}
        </Box>
      </Alert>
    );
  }
  return (
    <Alert severity="error" sx={{ height: '100%' }}>
      <AlertTitle>{title}</AlertTitle>
      {chain.firstBroken ? `Catena interrotta alla registrazione n. ${chain.firstBroken.seq}: ${chain.firstBroken.reason}.` : `Catena non verificabile: ${chain.anchor.message}.`}
      <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
        Non proseguire con modifiche all’archivio: avvisa il responsabile della protezione dei dati e conserva una copia della cartella dei dati così com’è.
      </Box>
    </Alert>
  );
}

/** The hash chain check of both logs, run when the page opens and on request. */
export function IntegrityPanel() {
  const report = useAuditStore(selectReport);
  const verifying = useAuditStore(selectVerifying);
  const error = useAuditStore(selectVerifyError);

  useEffect(() => {
    void verifyChains();
  }, []);

  // A refusal is already shown by the list below, in the same words.
  if (error?.code === 'FORBIDDEN') return null;

  return (
    <Box component="section" aria-labelledby="integrita" sx={{ mb: 3 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 2, mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h2" id="integrita">
          Integrità del registro
        </Typography>
        <Button variant="outlined" startIcon={<RefreshOutlined />} loading={verifying} onClick={() => void verifyChains()}>
          Verifica di nuovo
        </Button>
      </Box>
      <ErrorAlert error={error} />
      {report ? (
        <Grid container spacing={2} aria-live="polite">
          <Grid size={{ xs: 12, md: 6 }}>
            <ChainAlert title="Accessi ai dati" chain={report.data} checkedAt={report.checkedAt} />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <ChainAlert title="Azioni amministrative" chain={report.admin} checkedAt={report.checkedAt} />
          </Grid>
        </Grid>
      ) : null}
    </Box>
  );
}
