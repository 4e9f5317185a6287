import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { FREQUENCY_LABELS, type BackupEntryData, type BackupRunData } from '../../../shared/contracts/backup';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../i18n/format';
import { BackupProgressBar } from './BackupProgressBar';
import { BackupSettingsForm } from './BackupSettingsForm';
import { RestoreDialog } from './RestoreDialog';
import { loadStatus, runNow, selectLoadError, selectStatus, useBackupStore } from './store';

const sizeLabel = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('it-IT', { maximumFractionDigits: 1 })} MB`;

const KIND_LABELS: Record<BackupRunData['kind'], string> = { auto: 'automatico', manual: 'a mano', cli: 'da riga di comando', safety: 'di sicurezza, prima di un ripristino' };

function nextDue(iso: string | null): string {
  if (iso === null) return '';
  if (Date.parse(iso) <= Date.now()) return ' Prossimo backup automatico: appena possibile.';
  return ` Prossimo backup automatico: ${formatDateTime(iso)} (se a quell’ora qualcuno ha effettuato l’accesso; altrimenti al primo accesso).`;
}

function LastResult({ run }: { run: BackupRunData | undefined }) {
  if (!run) return <Typography>Nessun backup ancora fatto su questa postazione.</Typography>;
  return (
    <Alert severity={run.outcome === 'ok' ? 'success' : 'error'} sx={{ mb: 1 }}>
      Ultimo backup ({KIND_LABELS[run.kind]}), {formatDateTime(run.at)}: {run.outcome === 'ok' ? 'riuscito.' : 'non riuscito.'} {run.message}
    </Alert>
  );
}

/** Impostazioni → Backup: the administrator's view of this workstation's backups. */
export function BackupTab({ username }: { username: string }) {
  const status = useBackupStore(selectStatus);
  const loadError = useBackupStore(selectLoadError);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupEntryData | null>(null);
  useEffect(() => {
    void loadStatus();
  }, []);

  const run = async () => {
    setRunning(true);
    setError(null);
    setDone(null);
    try {
      setDone(await runNow());
    } catch (e) {
      setError(toShownError(e));
      void loadStatus();
    } finally {
      setRunning(false);
    }
  };

  if (!status) return <ErrorAlert error={loadError} />;
  const schedule = status.settings.frequency === 'off' ? 'Nessun backup automatico: solo a mano.' : `${FREQUENCY_LABELS[status.settings.frequency]} alle ${status.settings.time}.`;
  return (
    <>
      {status.alert.show ? (
        <Alert severity="warning" sx={{ mb: 3 }}>
          {status.alert.message}
        </Alert>
      ) : null}
      <Section
        id="backup-stato"
        title="Stato dei backup"
        actions={
          <Button variant="contained" onClick={() => void run()} loading={running} disabled={!status.configured}>
            Esegui backup ora
          </Button>
        }
      >
        <LastResult run={status.runs[0]} />
        <Typography>
          {schedule}
          {nextDue(status.nextDueAt)}
        </Typography>
        {status.anchorCheck.status === 'broken' ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {status.anchorCheck.message}
          </Alert>
        ) : null}
        {status.anchorCheck.status === 'ok' ? (
          <Typography color="text.secondary" sx={{ mt: 1 }}>
            {status.anchorCheck.message}
          </Typography>
        ) : null}
        <ErrorAlert error={error} />
        {done ? (
          <Alert severity="success" sx={{ mt: 2 }} onClose={() => setDone(null)}>
            Backup completato: {done}.
          </Alert>
        ) : null}
        {!restoring ? <BackupProgressBar /> : null}
      </Section>
      <Section id="backup-impostazioni" title="Impostazioni">
        <BackupSettingsForm settings={status.settings} />
      </Section>
      <Section id="backup-elenco" title="Backup disponibili">
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          Si conservano gli ultimi 7 giorni, 4 settimane e 12 mesi; i più vecchi vengono eliminati dopo ogni backup.
        </Typography>
        {status.folderProblem ? <Alert severity="error">{status.folderProblem}</Alert> : null}
        {status.backups.length === 0 && !status.folderProblem ? <Typography>Nessun backup nella cartella.</Typography> : null}
        {status.backups.length > 0 ? (
          <Table size="small" aria-label="Backup disponibili">
            <TableHead>
              <TableRow>
                <TableCell>Data e ora</TableCell>
                <TableCell>Nome</TableCell>
                <TableCell align="right">Dimensione</TableCell>
                <TableCell>Versione</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {status.backups.map((b) => (
                <TableRow key={b.name}>
                  <TableCell>{b.createdAt ? formatDateTime(b.createdAt) : '—'}</TableCell>
                  <TableCell>
                    {b.name}
                    {b.otherArchive && b.problem === null ? ' (di un altro archivio o di un’altra postazione)' : ''}
                  </TableCell>
                  <TableCell align="right">{sizeLabel(b.sizeBytes)}</TableCell>
                  <TableCell>{b.problem ?? b.appVersion}</TableCell>
                  <TableCell align="right">
                    <Button size="small" color="error" disabled={b.problem !== null || running} onClick={() => setRestoring(b)} aria-label={`Ripristina il backup ${b.name}`}>
                      Ripristina
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </Section>
      {restoring ? <RestoreDialog backup={restoring} defaultUsername={username} onClose={() => setRestoring(null)} /> : null}
    </>
  );
}
