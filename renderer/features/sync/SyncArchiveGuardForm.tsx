import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { SyncStatusData } from '../../../shared/contracts/sync';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { saveArchiveGuard } from './store';

/** The administrator's threshold above which a batch from another workstation that archives records waits for a confirmation. */
export function SyncArchiveGuardForm({ status }: { status: SyncStatusData }) {
  const [share, setShare] = useState(String(status.archiveGuard.sharePct));
  const [minRows, setMinRows] = useState(String(status.archiveGuard.minRows));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const save = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    saveArchiveGuard({ sharePct: Number(share), minRows: Number(minRows) })
      .then(() => setSaved(true))
      .catch((e: unknown) => setError(toShownError(e)))
      .finally(() => setBusy(false));
  };
  const invalid = (name: string) => ({ error: Boolean(fieldMessage(error, name)), helperText: fieldMessage(error, name) });
  return (
    <form noValidate onSubmit={save}>
      <Typography sx={{ mt: 3, mb: 1 }}>
        Un pacchetto di un’altra postazione che archivierebbe più di questa quota delle schede attive di un elenco (cartelle, componenti dei nuclei, utenti…) aspetta la conferma di
        un amministratore.
      </Typography>
      <ErrorAlert error={error} />
      {saved ? (
        <Alert severity="success" sx={{ my: 2 }} onClose={() => setSaved(false)}>
          Soglia salvata.
        </Alert>
      ) : null}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField label="Quota (%)" value={share} onChange={(e) => setShare(e.target.value)} sx={{ minWidth: 140 }} {...invalid('sharePct')} />
        <TextField label="Solo se almeno (schede)" value={minRows} onChange={(e) => setMinRows(e.target.value)} sx={{ minWidth: 200 }} {...invalid('minRows')} />
        <Button type="submit" variant="outlined" loading={busy}>
          Salva soglia
        </Button>
      </Stack>
    </form>
  );
}
