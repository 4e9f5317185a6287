import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { BackupEntryData } from '../../../shared/contracts/backup';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { FormDialog } from '../../components/FormDialog';
import { formatDateTime } from '../../i18n/format';
import { handleSessionProblem, showLogin } from '../session';
import { BackupProgressBar } from './BackupProgressBar';
import { restoreBackup } from './store';

type Kind = 'password' | 'recovery';

/**
 * Restoring replaces this workstation's data: the dialog says so, asks what opens the backup
 * (an account of the backup and its password, or the recovery key) and an explicit confirmation.
 * On success every session has ended: the login page says what happened.
 */
export function RestoreDialog({ backup, defaultUsername, onClose }: { backup: BackupEntryData; defaultUsername: string; onClose: () => void }) {
  const [kind, setKind] = useState<Kind>('password');
  const [username, setUsername] = useState(defaultUsername);
  const [password, setPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const when = formatDateTime(backup.createdAt);

  const submit = async () => {
    if (!understood) {
      setError({ code: 'VALIDATION', message: 'Conferma di aver capito che i dati attuali saranno sostituiti.', field: 'confirm' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const credentials = kind === 'password' ? { kind, username, password } : { kind, recoveryKey };
      const result = await restoreBackup({ name: backup.name, credentials, confirm: true });
      handleSessionProblem('NOT_AUTHENTICATED');
      const migrated = result.migratedFrom === null ? '' : ' L’archivio è stato aggiornato alla versione di questo programma.';
      showLogin(
        `Ripristino completato: i dati sono quelli del backup del ${when}.${migrated} I dati sostituiti sono nel backup di sicurezza ${result.safetyBackup ?? ''}. Accedi con gli utenti e le password di allora.`,
      );
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  };
  const invalid = (name: string) => ({ error: Boolean(fieldMessage(error, name)), helperText: fieldMessage(error, name) });

  return (
    <FormDialog open title={`Ripristinare il backup del ${when}?`} submitLabel="Ripristina il backup" busy={busy} error={error} onSubmit={() => void submit()} onClose={onClose}>
      <Typography sx={{ mb: 1 }}>
        I dati di questa postazione saranno <strong>sostituiti</strong> da quelli del backup: ciò che è stato registrato dopo il {when} non ci sarà più. Prima del ripristino il
        programma fa un backup di sicurezza dei dati attuali e verifica il backup scelto; tutti gli utenti collegati verranno disconnessi.
      </Typography>
      <Typography sx={{ mb: 2 }}>Per aprire il backup servono un amministratore e la sua password di allora, oppure la chiave di recupero di allora.</Typography>
      <RadioGroup row value={kind} onChange={(e) => setKind(e.target.value as Kind)} aria-label="Come aprire il backup">
        <FormControlLabel value="password" control={<Radio />} label="Utente e password" />
        <FormControlLabel value="recovery" control={<Radio />} label="Chiave di recupero" />
      </RadioGroup>
      {kind === 'password' ? (
        <>
          <TextField label="Nome utente" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" {...invalid('credentials.username')} />
          <TextField label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" {...invalid('password')} />
        </>
      ) : (
        <TextField label="Chiave di recupero" value={recoveryKey} onChange={(e) => setRecoveryKey(e.target.value)} autoComplete="off" {...invalid('recoveryKey')} />
      )}
      <FormControlLabel
        sx={{ mt: 1 }}
        control={<Checkbox checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />}
        label="Ho capito che i dati attuali saranno sostituiti da quelli del backup"
      />
      <BackupProgressBar />
    </FormDialog>
  );
}
