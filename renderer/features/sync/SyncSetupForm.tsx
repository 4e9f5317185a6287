import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { SyncStatusData } from '../../../shared/contracts/sync';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { enableSync, saveSyncFolder } from './store';

/** The administrator's part: the shared folder and interval, and "Attiva" on the zone's first node. */
export function SyncSetupForm({ status }: { status: SyncStatusData }) {
  const [folder, setFolder] = useState(status.folder);
  const [interval, setIntervalMin] = useState(String(status.intervalMin));
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const act = async (fn: () => Promise<void>, done: string) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      await fn();
      setSaved(done);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void act(() => saveSyncFolder({ folder, intervalMin: Number(interval) }), 'Cartella di sincronizzazione salvata.');
  };
  const invalid = (name: string) => ({ error: Boolean(fieldMessage(error, name)), helperText: fieldMessage(error, name) });
  return (
    <>
      <ErrorAlert error={error} />
      {saved ? (
        <Alert severity="success" sx={{ my: 2 }} onClose={() => setSaved(null)}>
          {saved}
        </Alert>
      ) : null}
      {status.state === 'off' ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => enableSync(label), 'Sincronizzazione attivata: questa è la prima postazione della zona.');
          }}
        >
          <Typography sx={{ mb: 2 }}>
            Si attiva una volta sola, sulla prima postazione della zona (di solito quella di Narni). Le altre postazioni si aggiungono poi con un file di abbinamento, che si
            prepara da questa pagina.
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 3 }}>
            <TextField
              label="Nome di questa postazione"
              placeholder="Narni – PC segreteria"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              fullWidth
              {...invalid('label')}
            />
            <Button type="submit" variant="contained" loading={busy} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
              Attiva la sincronizzazione
            </Button>
          </Stack>
        </form>
      ) : null}
      <form noValidate onSubmit={save}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            label="Cartella di sincronizzazione"
            placeholder="\\\\server\\condivisa\\sincronizzazione"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            fullWidth
            {...invalid('folder')}
            helperText={
              fieldMessage(error, 'folder') ??
              'Una cartella che tutte le sedi raggiungono (di rete, o tenuta allineata da un programma come Syncthing): vi finiscono solo pacchetti cifrati.'
            }
          />
          <TextField
            label="Ogni quanti minuti"
            value={interval}
            onChange={(e) => setIntervalMin(e.target.value)}
            sx={{ width: { sm: 180 }, flexShrink: 0 }}
            {...invalid('intervalMin')}
          />
          <Button type="submit" variant="outlined" loading={busy} sx={{ whiteSpace: 'nowrap', flexShrink: 0, alignSelf: { sm: 'flex-start' }, mt: { sm: 1 } }}>
            Salva cartella
          </Button>
        </Stack>
      </form>
    </>
  );
}
