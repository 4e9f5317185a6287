import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useState } from 'react';
import { SYNC_STATE_LABELS, type SyncReportSummaryData } from '../../../shared/contracts/sync';
import { toShownError, type ShownError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../i18n/format';
import { href } from '../../router/hash-router';
import { revokeNode, runSyncNow, syncStatus, useSyncProgress } from './store';
import { SyncArchiveGuardForm } from './SyncArchiveGuardForm';
import { SyncHolds } from './SyncHolds';
import { SyncNodesTable } from './SyncNodesTable';
import { SyncPairForm } from './SyncPairForm';
import { SyncRejections } from './SyncRejections';
import { SyncSetupForm } from './SyncSetupForm';

function Progress() {
  const progress = useSyncProgress();
  const labelId = useId();
  if (!progress) return null;
  const value = progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <Box sx={{ my: 2 }}>
      <Typography id={labelId} aria-live="polite">
        {progress.label} — {value}%
      </Typography>
      <LinearProgress variant="determinate" value={value} aria-labelledby={labelId} data-testid="sync-progress" />
    </Box>
  );
}

function LastReport({ report }: { report: SyncReportSummaryData | null }) {
  if (!report) return <Typography>Nessuna sincronizzazione ancora fatta su questa postazione.</Typography>;
  return (
    <Alert severity={report.outcome === 'ok' ? 'success' : 'error'} sx={{ my: 1 }} data-testid="sync-last-report">
      Ultima sincronizzazione, {formatDateTime(report.at)}: {report.message}
    </Alert>
  );
}

/** Impostazioni → Sincronizzazione: state, "Sincronizza ora", the zone's workstations; set-up and pairing for the administrator. */
export function SyncTab({ canManage }: { canManage: boolean }) {
  const { data: status, error: loadError } = syncStatus.useStore();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [revoking, setRevoking] = useState<{ node: string; label: string } | null>(null);
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<ShownError | null>(null);
  useEffect(() => {
    void syncStatus.load('status');
  }, []);
  if (!status) return <ErrorAlert error={loadError} />;

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      await runSyncNow();
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setRunning(false);
    }
  };
  const conflicts = status.openConflicts;
  return (
    <>
      {status.banner && status.holds.length === 0 && status.stopped.length === 0 ? (
        <Alert severity="warning" sx={{ mb: 3 }}>
          {status.banner}
        </Alert>
      ) : null}
      <SyncHolds status={status} canManage={canManage} />
      <Section
        id="sync-stato"
        title="Stato della sincronizzazione"
        actions={
          <Button variant="contained" onClick={() => void run()} loading={running} disabled={status.state !== 'ready' || status.folder === ''}>
            Sincronizza ora
          </Button>
        }
      >
        <Typography>
          Stato: <strong>{SYNC_STATE_LABELS[status.state]}</strong>. Questa postazione: {status.node}
          {status.fingerprint ? ` (impronta ${status.fingerprint})` : ''}.
        </Typography>
        <Typography sx={{ mb: 1 }}>
          {status.folder
            ? `Cartella: ${status.folder}; ogni ${status.intervalMin} minuti mentre qualcuno ha effettuato l’accesso.`
            : 'Nessuna cartella di sincronizzazione scelta.'}
        </Typography>
        <LastReport report={status.lastReport} />
        <Typography data-testid="sync-conflicts">
          {conflicts === 0 ? (
            'Nessun conflitto da risolvere.'
          ) : (
            <Link href={href('/conflitti')}>{conflicts === 1 ? '1 conflitto da risolvere' : `${conflicts} conflitti da risolvere`}</Link>
          )}
        </Typography>
        <ErrorAlert error={error} />
        <Progress />
      </Section>
      {status.nodes.length > 0 ? (
        <Section id="sync-postazioni" title="Postazioni della zona">
          <SyncNodesTable nodes={status.nodes} onRevoke={canManage ? (n) => setRevoking(n) : null} />
        </Section>
      ) : null}
      {status.state !== 'off' ? (
        <Section id="sync-rifiutati" title="Pacchetti rifiutati di recente">
          <SyncRejections rejections={status.rejections} />
        </Section>
      ) : null}
      {canManage ? (
        <Section id="sync-impostazioni" title="Impostazioni">
          <SyncSetupForm status={status} />
          <SyncArchiveGuardForm status={status} />
        </Section>
      ) : null}
      {canManage && status.state === 'ready' ? (
        <Section id="sync-abbina" title="Abbina una nuova postazione">
          <SyncPairForm />
        </Section>
      ) : null}
      {revoking ? (
        <ConfirmDialog
          open
          title="Revocare la postazione?"
          confirmLabel="Revoca"
          busy={revokeBusy}
          error={revokeError}
          danger
          onClose={() => setRevoking(null)}
          onConfirm={() => {
            setRevokeBusy(true);
            setRevokeError(null);
            revokeNode(revoking.node)
              .then(() => setRevoking(null))
              .catch((e: unknown) => setRevokeError(toShownError(e)))
              .finally(() => setRevokeBusy(false));
          }}
        >
          I pacchetti che «{revoking.label}» invierà da ora saranno rifiutati da tutte le postazioni. Per riprendere andrà abbinata di nuovo.
        </ConfirmDialog>
      ) : null}
    </>
  );
}
