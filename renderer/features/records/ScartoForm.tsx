import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { EXPORT_PASSPHRASE_MIN } from '../../../shared/contracts/retention';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { executeScarto, exportScarto } from './store';

const SOPRINTENDENZA = 'Soprintendenza archivistica e bibliografica dell’Umbria e delle Marche';

/**
 * The scarto in two steps: the authorisation and a passphrase, then the export the browser saves;
 * only after that export, and a confirmation that it was kept, the files are emptied.
 */
export function ScartoForm({ caseIds, onDone }: { caseIds: string[]; onDone: (message: string) => void }) {
  const [aut, setAut] = useState({ ente: SOPRINTENDENZA, numero: '', data: '' });
  const [note, setNote] = useState('');
  const [pass, setPass] = useState({ first: '', again: '' });
  const [exported, setExported] = useState<{ scartoId: string; sha256: string; nomeFile: string } | null>(null);
  const [kept, setKept] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);

  const mismatch = pass.again !== '' && pass.again !== pass.first ? 'Le due frasi non coincidono.' : undefined;
  const runExport = async () => {
    if (pass.first !== pass.again) return;
    setBusy(true);
    setError(null);
    try {
      setExported(await exportScarto({ caseIds, autorizzazione: aut, note, passphrase: pass.first }));
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };
  const runScarto = async () => {
    if (!exported) return;
    setBusy(true);
    setError(null);
    try {
      const done = await executeScarto(exported.scartoId, exported.sha256);
      setConfirming(false);
      onDone(`Scarto eseguito: ${done.cartelle} cartelle svuotate, ${done.file} file eliminati. L’esportazione ${exported.nomeFile} è conservata anche in Scarti registrati.`);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };

  if (exported) {
    return (
      <Box sx={{ maxWidth: 880 }}>
        <Alert severity="info" sx={{ mb: 2 }}>
          Esportazione cifrata salvata come {exported.nomeFile} (impronta SHA-256 {exported.sha256.slice(0, 16)}…). Conservala, con la frase di cifratura, secondo le indicazioni
          della Soprintendenza. Una copia resta anche nel programma (Scarti registrati: Apri, Salva copia), nella cartella dei dati e nei backup.
        </Alert>
        <FormControlLabel control={<Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)} />} label="Ho salvato l’esportazione in un luogo sicuro" />
        <Box sx={{ mt: 1 }}>
          <Button variant="contained" color="error" disabled={!kept} onClick={() => setConfirming(true)}>
            Esegui lo scarto
          </Button>
        </Box>
        <ErrorAlert error={confirming ? null : error} />
        <ConfirmDialog
          open={confirming}
          title="Eseguire lo scarto?"
          confirmLabel="Esegui lo scarto"
          danger
          busy={busy}
          error={error}
          onConfirm={() => void runScarto()}
          onClose={() => setConfirming(false)}
        >
          I contenuti di {caseIds.length === 1 ? 'una cartella' : `${caseIds.length} cartelle`} (diario, progetti, interventi, allegati, documenti) saranno cancellati da questa
          postazione e, con la sincronizzazione, dall’altra sede. Restano il numero, le date e la traccia nel registro. L’operazione non si annulla.
        </ConfirmDialog>
      </Box>
    );
  }

  return (
    <Box component="form" noValidate onSubmit={(e) => e.preventDefault()} sx={{ display: 'grid', gap: 2, maxWidth: 880 }} aria-label="Autorizzazione allo scarto">
      <TextField
        label="Ente che autorizza"
        value={aut.ente}
        onChange={(e) => setAut({ ...aut, ente: e.target.value })}
        error={Boolean(fieldMessage(error, 'autorizzazione.ente'))}
        helperText={fieldMessage(error, 'autorizzazione.ente')}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', '& > *': { width: 260 } }}>
        <TextField
          label="Numero dell’autorizzazione"
          value={aut.numero}
          onChange={(e) => setAut({ ...aut, numero: e.target.value })}
          error={Boolean(fieldMessage(error, 'autorizzazione.numero'))}
          helperText={fieldMessage(error, 'autorizzazione.numero') ?? 'Es. prot. 1234 del nulla osta'}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <DateField label="Data dell’autorizzazione" value={aut.data} onChange={(data) => setAut({ ...aut, data })} error={fieldMessage(error, 'autorizzazione.data')} />
      </Box>
      <TextField label="Note" value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} slotProps={{ inputLabel: { shrink: true } }} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', '& > *': { width: 320 } }}>
        <TextField
          label="Frase di cifratura dell’esportazione"
          type="password"
          autoComplete="new-password"
          value={pass.first}
          onChange={(e) => setPass({ ...pass, first: e.target.value })}
          error={Boolean(fieldMessage(error, 'passphrase'))}
          helperText={fieldMessage(error, 'passphrase') ?? `Almeno ${EXPORT_PASSPHRASE_MIN} caratteri: senza di essa l’esportazione non si apre`}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label="Ripeti la frase"
          type="password"
          autoComplete="new-password"
          value={pass.again}
          onChange={(e) => setPass({ ...pass, again: e.target.value })}
          error={Boolean(mismatch)}
          helperText={mismatch}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Box>
      <ErrorAlert error={error} />
      <Box>
        <Button variant="contained" onClick={() => void runExport()} loading={busy} disabled={caseIds.length === 0 || pass.first === '' || pass.first !== pass.again}>
          {caseIds.length === 1 ? 'Esporta la cartella scelta' : `Esporta le ${caseIds.length} cartelle scelte`}
        </Button>
      </Box>
    </Box>
  );
}
