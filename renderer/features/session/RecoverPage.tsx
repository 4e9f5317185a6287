import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState, type FormEvent } from 'react';
import { PASSWORD_RULE } from '../../../shared/domain/password-policy';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { checkNewPassword } from '../../components/password-check';
import { useFocusOnError } from '../../components/useFocusOnError';
import { RecoveryKeySheet } from '../../components/RecoveryKeySheet';
import { recoverPassword, showLogin } from './store';
import { RecoveryKeyPanel } from '../../components/RecoveryKeyPanel';

export function RecoverPage() {
  const [username, setUsername] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [issued, setIssued] = useState<{ recoveryKey: string; username: string; at: Date } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(error, formRef);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = checkNewPassword(newPassword, confirm, username.trim().toLowerCase());
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const issuedKey = await recoverPassword(username, recoveryKey, newPassword);
      setRecoveryKey('');
      setNewPassword('');
      setConfirm('');
      setIssued({ recoveryKey: issuedKey, username: username.trim().toLowerCase(), at: new Date() });
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  };

  if (issued) return <NewRecoveryKey {...issued} />;

  const invalid = (name: string) => ({ error: Boolean(fieldMessage(error, name)), helperText: fieldMessage(error, name) });

  return (
    <AuthLayout title="Recupero della password" width={520}>
      <Typography sx={{ mb: 1 }}>
        Con la chiave di recupero stampata alla configurazione puoi scegliere una nuova password per l&apos;amministratore. Gli altri utenti chiedono all&apos;amministratore di
        reimpostare la loro.
      </Typography>
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate ref={formRef}>
        <TextField
          label="Nome utente dell'amministratore"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          autoFocus
          {...invalid('username')}
          slotProps={{ htmlInput: { 'aria-required': true, autoCapitalize: 'none', spellCheck: false } }}
        />
        <TextField
          label="Chiave di recupero"
          value={recoveryKey}
          onChange={(e) => setRecoveryKey(e.target.value)}
          autoComplete="off"
          {...invalid('recoveryKey')}
          slotProps={{ htmlInput: { 'aria-required': true, spellCheck: false, style: { fontFamily: 'monospace' } } }}
        />
        <TextField
          label="Nuova password"
          type="password"
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          autoComplete="new-password"
          error={Boolean(fieldMessage(error, 'newPassword'))}
          helperText={fieldMessage(error, 'newPassword') ?? PASSWORD_RULE}
          slotProps={{ htmlInput: { 'aria-required': true } }}
        />
        <TextField
          label="Conferma nuova password"
          type="password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          autoComplete="new-password"
          {...invalid('confirm')}
          slotProps={{ htmlInput: { 'aria-required': true } }}
        />
        <Box sx={{ display: 'flex', gap: 2, justifyContent: 'space-between', mt: 2, flexWrap: 'wrap' }}>
          <Button onClick={() => showLogin()} disabled={busy}>
            Torna all&apos;accesso
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            Reimposta la password
          </Button>
        </Box>
      </form>
    </AuthLayout>
  );
}

/** The key just used is spent: the new one is shown once and must be kept before going on. */
function NewRecoveryKey({ recoveryKey, username, at }: { recoveryKey: string; username: string; at: Date }) {
  const [kept, setKept] = useState(false);
  return (
    <AuthLayout title="Nuova chiave di recupero" width={560}>
      <Alert severity="success" sx={{ mb: 2 }}>
        Password reimpostata. Resta un passo importante prima di accedere.
      </Alert>
      <Typography sx={{ mb: 2 }}>
        La chiave di recupero appena usata <strong>non vale più</strong>. Questa è la nuova: non verrà mostrata di nuovo. Stampala o trascrivila ora, conservala in luogo sicuro
        lontano dal computer e distruggi il foglio con la chiave precedente.
      </Typography>
      <RecoveryKeyPanel
        recoveryKey={recoveryKey}
        title="Nuova chiave di recupero"
        keptLabel="Ho stampato o trascritto la nuova chiave e la conserverò in luogo sicuro"
        kept={kept}
        onKept={setKept}
      />
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }}>
        <Button variant="contained" size="large" disabled={!kept} onClick={() => showLogin("Password dell'amministratore reimpostata. Accedi con la nuova password.")}>
          Vai all&apos;accesso
        </Button>
      </Box>
      <RecoveryKeySheet recoveryKey={recoveryKey} adminUsername={username} date={at} />
    </AuthLayout>
  );
}
