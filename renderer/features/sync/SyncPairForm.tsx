import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { OutputOf } from '../../../shared/contracts';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { createPairing } from './store';

/** "Abbina una nuova postazione": the one-time pairing file, sealed with a passphrase said by phone. */
export function SyncPairForm() {
  const [label, setLabel] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [made, setMade] = useState<OutputOf<'sync.createPairing'> | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMade(null);
    try {
      setMade(await createPairing({ label, passphrase, folder }));
      setPassphrase('');
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };
  const invalid = (name: string) => ({ error: Boolean(fieldMessage(error, name)), helperText: fieldMessage(error, name) });
  return (
    <form noValidate onSubmit={submit}>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Crea un file di abbinamento e, accanto, una copia cifrata dei dati: portali sulla nuova postazione (per esempio con una chiavetta) e lì esegui «sync join». La frase segreta
        si comunica a voce, mai insieme al file.
      </Typography>
      <ErrorAlert error={error} />
      <Stack spacing={2}>
        <TextField label="Nome della nuova postazione" placeholder="Amelia – PC segreteria" value={label} onChange={(e) => setLabel(e.target.value)} {...invalid('label')} />
        <TextField label="Frase segreta (almeno 16 caratteri)" type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} {...invalid('passphrase')} />
        <TextField label="Cartella dove salvare il file (es. la chiavetta)" value={folder} onChange={(e) => setFolder(e.target.value)} {...invalid('folder')} />
        <div>
          <Button type="submit" variant="contained" loading={busy}>
            Crea il file di abbinamento
          </Button>
        </div>
      </Stack>
      {made ? (
        <Alert severity="success" sx={{ mt: 2 }} data-testid="sync-pairing-made">
          File salvato: {made.file} (con la copia dei dati {made.snapshotDir}). Impronta da confrontare al telefono con la nuova postazione: <strong>{made.fingerprint}</strong>
        </Alert>
      ) : null}
    </form>
  );
}
